"""Group articles into stories (events) and into independent sources.

Two articles tell the same story when a good share of the shorter one's sentences
have strong counterparts in the other: reports of one event repeat many of its facts,
while reports of another event between the same people repeat only a few. Two
articles are one source when nearly every sentence of one is an almost exact copy of
the other (wire copy run by two outlets).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from tui.engine.models import Article

#: A link this strong (calibrated) counts as a shared fact between two articles.
STRONG_LINK = 0.4
#: Share of the shorter article's sentences that must be shared facts. On the
#: annotations, articles of one story share 0.125 and more with at least one other
#: article of it (most share 0.3 to 0.6), while an article about another meeting of
#: the same two leaders shares up to 0.115 with one of them: a thin margin, which a
#: dated article widens (`STORY_MAX_DAYS`).
STORY_SHARE = 0.12
#: Fewest shared facts for two articles to be one story.
STORY_MIN_SHARED = 2
#: Two dated articles further apart than this are different stories.
STORY_MAX_DAYS = 10
#: Raw coverage (both ways) at which a sentence counts as copied.
COPY_COVERAGE = 0.9
#: Share of the shorter article's sentences that must be copies for one source.
COPY_SHARE = 0.8

# raw_links maps (article, sentence) to (score, target article, target sentence, pair)
# tuples; pair has source_coverage and target_coverage.
RawLinks = Mapping[tuple[int, int], Sequence[tuple[float, int, int, Any]]]


class PairCounts(Protocol):
    """Counts per ordered article pair, keyed ``a << 32 | b`` (a dict will do)."""

    def items(self) -> Iterable[tuple[int, int]]: ...

    def get(self, key: int, default: int = 0) -> int: ...


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def labels(self) -> list[int]:
        """Dense labels 0..k-1, in order of first appearance."""
        seen: dict[int, int] = {}
        return [seen.setdefault(self.find(i), len(seen)) for i in range(len(self.parent))]


def shared_sentences(raw_links: RawLinks, keep: Any) -> dict[int, int]:
    """For each ordered article pair ``(a, b)``, keyed ``a << 32 | b``, how many source
    sentences of ``a`` have a qualifying link into ``b`` (counts, not sets: a large
    corpus has millions of article pairs)."""
    shared: dict[int, int] = defaultdict(int)
    for (a, _s), scored in raw_links.items():
        base = a << 32
        for b in {b for score, b, _t, pair in scored if keep(score, pair)}:
            shared[base | b] += 1
    return shared


def _pair(key: int) -> tuple[int, int]:
    return key >> 32, key & 0xFFFFFFFF


def _far_apart(x: Article, y: Article) -> bool:
    return x.date is not None and y.date is not None and abs((x.date - y.date).days) > STORY_MAX_DAYS


def group_stories(articles: Sequence[Article], raw_links: RawLinks, n: int) -> list[int]:
    """A story id for each article."""
    return stories_from_counts(articles, shared_sentences(raw_links, strong_fact), n)


def group_sources(articles: Sequence[Article], raw_links: RawLinks, n: int) -> list[int]:
    """An independent-source id for each article: wire copies share one."""
    return sources_from_counts(articles, shared_sentences(raw_links, copied), n)


def strong_fact(score: float, _pair: Any) -> bool:
    """Whether a raw link counts as a fact two articles share (for stories)."""
    return score >= STRONG_LINK


def copied(_score: float, pair: Any) -> bool:
    """Whether a raw link is a near-copy (for sources)."""
    return pair.source_coverage >= COPY_COVERAGE and pair.target_coverage >= COPY_COVERAGE


def stories_from_counts(articles: Sequence[Article], shared: PairCounts, n: int) -> list[int]:
    """Story ids from `shared_sentences` counts of `strong_fact` links."""
    sizes = [max(1, len(article.sentences)) for article in articles]
    uf = _UnionFind(n)
    for key, sentences in shared.items():
        a, b = _pair(key)
        # Links are scored from each side, so count the shared facts from both.
        count = (sentences + shared.get((b << 32) | a, 0)) / 2
        if count < STORY_MIN_SHARED or _far_apart(articles[a], articles[b]):
            continue
        if count / min(sizes[a], sizes[b]) >= STORY_SHARE:
            uf.union(a, b)
    return uf.labels()


def sources_from_counts(articles: Sequence[Article], copies: PairCounts, n: int) -> list[int]:
    """Independent-source ids from `shared_sentences` counts of `copied` links."""
    sizes = [max(1, len(article.sentences)) for article in articles]
    uf = _UnionFind(n)
    for key, sentences in copies.items():
        a, b = _pair(key)
        if articles[a].language != articles[b].language:
            continue
        if sentences / min(sizes[a], sizes[b]) >= COPY_SHARE:
            uf.union(a, b)
    return uf.labels()
