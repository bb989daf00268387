"""Early links: what a sentence's best partners look like before the whole corpus is linked.

The final links of a corpus wait for every article to be scored: stories, wire copies
and the context model's second look are corpus-wide. On 10,000 articles that is
minutes. Each range of articles, once scored, already knows its sentences' candidates
and their first-look confidence, so the matcher hands them over as *early links*
(`EarlyPart`): ranked and capped as the final links are, with their discrepancies,
but without the second look, story marks or evidence (working out the evidence spans
of every link cost a tenth more processor time). The reader shows them, marked as
early, until the index arrives, then drops them.

Before linking starts, while the sentence features are still being made, the article
the reader is on gets *provisional* parts (`tui.engine.provisional_links`): its
first-look links into the articles read so far, renewed as more are read, until a
part of the linking step covers it.

No Textual here: the parts travel inside `link_index.Progress` reports.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
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
    #: Set for a *provisional* part (`tui.engine.provisional_links`): the links of the
    #: article being read against the ``read`` articles whose sentence features were
    #: made so far, before linking starts. A part of the linking step replaces it.
    read: int | None = None


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
    A provisional part (`EarlyPart.read`) stands for its article until a part of the
    linking step covers it, and a newer provisional part of the same article
    replaces it.
    """

    def __init__(
        self, parts: Sequence[EarlyPart] = (), total: int = 0, provisional: Mapping[int, EarlyPart] | None = None
    ) -> None:
        self._parts = sorted(parts, key=lambda part: part.first)
        self._firsts = [part.first for part in self._parts]
        self._provisional = {
            article: part for article, part in (provisional or {}).items() if self._linked_part(article) is None
        }
        #: How many articles the corpus has (for "linked n of total").
        self.total = total

    def with_part(self, part: EarlyPart, total: int | None = None) -> EarlyLinks:
        """These parts and ``part``: a linked part covers articles none of the others
        does; a provisional one replaces its article's earlier provisional part."""
        total = self.total if total is None else total
        if part.read is not None:
            if self._linked_part(part.first) is not None:
                return self  # linked already: the provisional look came too late
            return EarlyLinks(self._parts, total, {**self._provisional, part.first: part})
        return EarlyLinks([*self._parts, part], total, self._provisional)

    @property
    def articles_linked(self) -> int:
        """How many articles have early links from the linking step (or were found to
        have none); provisional parts are not counted."""
        return sum(part.end - part.first for part in self._parts)

    def _linked_part(self, article: int) -> EarlyPart | None:
        n = bisect_right(self._firsts, article) - 1
        if n >= 0 and article < self._parts[n].end:
            return self._parts[n]
        return None

    def part_of(self, article: int) -> EarlyPart | None:
        """The part ``article``'s early links come from (a new one when they changed)."""
        return self._linked_part(article) or self._provisional.get(article)

    def covers(self, article: int) -> bool:
        """Whether ``article``'s sentences have been scored (linked or not), if only
        provisionally."""
        return self.part_of(article) is not None

    def articles_read(self, article: int) -> int | None:
        """For an article with only provisional links: how many articles they were
        looked for in (`EarlyPart.read`); else None."""
        if self._linked_part(article) is not None:
            return None
        part = self._provisional.get(article)
        return part.read if part is not None else None

    def links_for(self, article: int, sentence: int, min_score: float) -> list[Link]:
        """The early links of one sentence at or above ``min_score``, best first."""
        part = self.part_of(article)
        if part is None:
            return []
        best = next(part.store.targets(article, sentence), None)
        if best is None or best[1] < min_score:
            return []
        return [link for link in part.store[(article, sentence)] if link.score >= min_score]
