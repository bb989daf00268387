"""The link index the reader holds, and what the reader needs of the matcher without its modules.

The defaults (`DEFAULT_THRESHOLD`, `KEEP_FLOOR`), the `Progress` of index building,
the `LinkIndex` itself, opening a stored index (`open_index`) and `build_index`, which
imports the matcher only when it is called. Importing `tui.engine.matcher` loads the
word lists, the lexicon and numpy (half a second or more): the reader imports this
module instead, so it starts, and opens a stored index, without ever loading them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.engine.link_order import Wanted
from tui.engine.link_store import LinkStore
from tui.engine.models import Article, Link
from tui.engine.stored_entries import payload_data, read_entry

if TYPE_CHECKING:
    from tui.engine.early_links import EarlyPart

__all__ = ["DEFAULT_THRESHOLD", "KEEP_FLOOR", "LinkIndex", "Progress", "build_index", "index_from_stored", "open_index"]

#: Links at or above this calibrated score are shown by default: where, on annotated
#: corpora the models were not fitted on, the best link shown is right 9 times in 10
#: (`benchmarks/fit_calibration.py --context --robust`; at 0.45 it was 0.886).
DEFAULT_THRESHOLD = 0.5
#: Links below this are not kept at all (the user can lower the threshold to here).
KEEP_FLOOR = 0.1


@dataclass(frozen=True, slots=True)
class Progress:
    """How far index building has come: ``stage`` is "indexing" (sentence features,
    ``done`` articles of ``total``), "linking" (candidates scored, articles) or
    "finishing" (the second look and the final links, parts of the corpus)."""

    stage: str
    done: int
    total: int
    links: int = 0
    #: Early links of the articles just scored (while "linking"), shown until the
    #: index is built (`tui.engine.early_links`).
    early: EarlyPart | None = None


class LinkIndex:
    """All links of a corpus, looked up per sentence in logarithmic time.

    The links are kept packed (`LinkStore`); a sentence's `Link` objects are built
    when the sentence is first looked at.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        links: Mapping[tuple[int, int], Sequence[Link]] | LinkStore,
        stories: list[int],
        sources: list[int],
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.articles = list(articles)
        self._links = links if isinstance(links, LinkStore) else LinkStore.from_links(links)
        #: Story id of each article; articles of one event share it.
        self.stories = stories
        #: The stories as the matcher found them, before any the reader joined by hand
        #: (`regrouped`); the links' "other story" marks were set from these.
        self.found_stories: tuple[int, ...] = tuple(stories)
        #: Whether ``stories`` differ from ``found_stories``.
        self.regrouped_by_hand = False
        #: Independent-source id of each article; wire copies of one text share it.
        self.sources = sources
        self.threshold = threshold

    def regrouped(self, stories: Sequence[int]) -> LinkIndex:
        """The same links with the articles grouped into ``stories`` (the matcher's, with
        the reader's joins: `tui.engine.story_joins`). A link is then "other story" when
        its two articles are in different ``stories``; its score stays as the matcher
        gave it (a link into another story was demoted by `matcher.CROSS_STORY_FACTOR`).
        """
        index = LinkIndex(self.articles, self._links, list(stories), self.sources, self.threshold)
        index.found_stories = self.found_stories
        index.regrouped_by_hand = tuple(stories) != self.found_stories
        return index

    def links_for(self, article: int, sentence: int, min_score: float | None = None) -> list[Link]:
        """Links from one sentence, best first, at or above ``min_score`` (default: threshold)."""
        floor = self.threshold if min_score is None else min_score
        best = next(self._links.targets(article, sentence), None)
        if best is None or best[1] < floor:
            return []  # nothing to show: no need to unpack the evidence
        links = [link for link in self._links[(article, sentence)] if link.score >= floor]
        if self.regrouped_by_hand:
            stories = self.stories
            links = [
                link if link.cross_story == (stories[article] != stories[link.target])
                else replace(link, cross_story=not link.cross_story)
                for link in links
            ]
        return links

    def all_links(self, min_score: float | None = None) -> list[Link]:
        """Every link in both directions, ordered by source article and sentence."""
        return list(self.iter_links(min_score))

    def iter_links(self, min_score: float | None = None) -> Iterator[Link]:
        """`all_links` one at a time: at 10,000 articles the list holds millions."""
        for key in self._links:  # the store keeps them in (article, sentence) order
            yield from self.links_for(*key, min_score=min_score)

    def corroboration(self, article: int, sentence: int, min_score: float | None = None) -> int:
        """How many other independent sources of the same story state this sentence's fact."""
        floor = self.threshold if min_score is None else min_score
        own, sources = self.sources[article], self.sources
        # From the stories rather than the links' "other story" marks: the same as
        # the marks, unless the reader joined stories (`regrouped`).
        stories, story = self.stories, self.stories[article]
        return len(
            {
                sources[target]
                for target, score, _cross in self._links.targets(article, sentence)
                if score >= floor and stories[target] == story and sources[target] != own
            }
        )

    @property
    def store(self) -> LinkStore:
        """The packed links (for the disk cache)."""
        return self._links


def open_index(
    articles: Sequence[Article],
    path: Path,
    key: str,
    threshold: float | None = None,
    payload: memoryview | bytes | None = None,
) -> LinkIndex | None:
    """The link index stored at ``path`` for ``articles``, or None when missing, stale or corrupt.

    ``payload``, when given, is the entry at ``path`` already read and its digest checked
    (`tui.engine.stored_entries.read_payload`): it is not read again.
    """
    stored = read_entry(path, key) if payload is None else payload_data(payload, key)
    return None if stored is None else index_from_stored(articles, stored, threshold)


def index_from_stored(articles: Sequence[Article], stored: Any, threshold: float | None = None) -> LinkIndex | None:
    """The link index of ``articles`` from the data of their checked entry (`payload_data`
    for their key), or None when it does not hold one for as many articles."""
    try:
        plain_links, stories, sources = stored
        links = LinkStore.from_plain(plain_links)
    except (TypeError, ValueError):
        return None
    if not len(stories) == len(sources) == len(articles):
        return None
    return LinkIndex(articles, links, list(stories), list(sources), DEFAULT_THRESHOLD if threshold is None else threshold)


def build_index(
    articles: Sequence[Article],
    *,
    progress: Callable[[Progress], None] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    cache_dir: Path | None = None,
    exhaustive: bool = False,
    wanted: Wanted | None = None,
) -> LinkIndex:
    """`tui.engine.matcher.build_index`, whose modules are imported only when it is called.

    The reader's default matcher: it is pickled to the corpus job's child, which calls
    it (and so loads the matcher) only when no stored index could be opened.
    """
    from tui.engine import matcher

    return matcher.build_index(
        articles, progress=progress, threshold=threshold, cache_dir=cache_dir, exhaustive=exhaustive, wanted=wanted
    )
