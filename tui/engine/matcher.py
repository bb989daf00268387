"""Cross-language "same fact" matching: builds the link index of a corpus.

PLACEHOLDER API (the lead is writing the real matcher): the signatures below are the
contract the reader, the CLI and the benchmarks code against.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.engine.models import Article, Link

DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Progress:
    """How far index building has come: ``stage`` is "reading", "indexing" or "linking"."""

    stage: str
    done: int
    total: int
    links: int = 0


class LinkIndex:
    """All links of a corpus, looked up per sentence in constant time."""

    def __init__(
        self,
        articles: Sequence[Article],
        links: dict[tuple[int, int], list[Link]],
        stories: list[int],
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.articles = list(articles)
        self._links = links
        self.stories = stories
        self.threshold = threshold

    def links_for(self, article: int, sentence: int, min_score: float | None = None) -> list[Link]:
        """Links from one sentence, best first, at or above ``min_score`` (default: threshold)."""
        floor = self.threshold if min_score is None else min_score
        return [link for link in self._links.get((article, sentence), []) if link.score >= floor]

    def corroboration(self, article: int, sentence: int, min_score: float | None = None) -> int:
        """How many other independent sources state this sentence's fact."""
        return len({link.target for link in self.links_for(article, sentence, min_score)})


def build_index(
    articles: Sequence[Article],
    *,
    progress: Callable[[Progress], None] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> LinkIndex:
    """Match every sentence of every article against the others."""
    return LinkIndex(articles, {}, [0] * len(articles), threshold)
