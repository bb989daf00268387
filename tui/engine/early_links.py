"""Early links: what a sentence's best partners look like before the whole corpus is linked.

The final links of a corpus wait for every article to be scored: stories, wire copies
and the context model's second look are corpus-wide. On 10,000 articles that is
minutes. Each range of articles, once scored, already knows its sentences' candidates
and their first-look confidence, so the matcher hands them over as *early links*
(`EarlyPart`): ranked and capped as the final links are, with their discrepancies,
but without the second look, story marks or evidence (working out the evidence spans
of every link cost a tenth more processor time). The reader shows them, marked as
early, until the index arrives, then drops them.

No Textual here: the parts travel inside `matcher.Progress` reports.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tui.engine.link_store import LinkStore, StoreBuilder
from tui.engine.models import Link

#: One candidate of a sentence: (first-look score, target article, target sentence,
#: what was kept of the pair: anything with ``disagreements``, as `pair_model.KeptPair`).
Candidate = tuple[float, int, int, Any]


@dataclass(frozen=True, slots=True)
class EarlyPart:
    """The early links of every sentence of articles ``[first, end)``."""

    first: int
    end: int
    store: LinkStore


def rank_early(
    builder: StoreBuilder,
    article: int,
    sentence: int,
    candidates: Sequence[Candidate],
    *,
    floor: float,
    per_target: int,
    most: int,
) -> None:
    """Add one sentence's early links to ``builder``: its candidates at or above
    ``floor``, best first (ties by place), at most ``per_target`` into one article and
    ``most`` in all. Each keeps its discrepancies; its evidence is left empty."""
    ranked = sorted(
        ((round(score, 4), b, t, detail) for score, b, t, detail in candidates if score >= floor),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    taken: dict[int, int] = defaultdict(int)
    rows: list[tuple[int, int, float, bool]] = []
    record: list[tuple[Any, ...]] = []
    for score, b, t, detail in ranked:
        if taken[b] >= per_target:
            continue
        taken[b] += 1
        rows.append((b, t, score, False))
        record.append(((), (), (), (), (), tuple(detail.disagreements)))
        if len(rows) >= most:
            break
    if rows:
        builder.add(article, sentence, rows, record)


class EarlyLinks:
    """The early parts received so far, looked up per sentence.

    Immutable: `with_part` gives a new one, so a reactive holding it sees each change.
    """

    def __init__(self, parts: Sequence[EarlyPart] = (), total: int = 0) -> None:
        self._parts = sorted(parts, key=lambda part: part.first)
        self._firsts = [part.first for part in self._parts]
        #: How many articles the corpus has (for "linked n of total").
        self.total = total

    def with_part(self, part: EarlyPart, total: int | None = None) -> EarlyLinks:
        """These parts and ``part`` (which covers articles none of them does)."""
        return EarlyLinks([*self._parts, part], self.total if total is None else total)

    @property
    def articles_linked(self) -> int:
        """How many articles have early links (or were found to have none)."""
        return sum(part.end - part.first for part in self._parts)

    def _part_of(self, article: int) -> EarlyPart | None:
        n = bisect_right(self._firsts, article) - 1
        if n >= 0 and article < self._parts[n].end:
            return self._parts[n]
        return None

    def covers(self, article: int) -> bool:
        """Whether ``article``'s sentences have been scored (linked or not)."""
        return self._part_of(article) is not None

    def links_for(self, article: int, sentence: int, min_score: float) -> list[Link]:
        """The early links of one sentence at or above ``min_score``, best first."""
        part = self._part_of(article)
        if part is None:
            return []
        best = next(part.store.targets(article, sentence), None)
        if best is None or best[1] < min_score:
            return []
        return [link for link in part.store[(article, sentence)] if link.score >= min_score]
