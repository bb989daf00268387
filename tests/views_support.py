"""Articles for the search, side-by-side and fact-grid tests: the seeds, or made by hand."""

from __future__ import annotations

import datetime as dt
import inspect
from functools import cache
from pathlib import Path

from tui.engine.loader import load_paths
from tui.engine.matcher import LinkIndex
from tui.engine.models import Article, Link, Segment, SegmentKind
from tui.engine.seeds import seed_dir


@cache
def seed_articles() -> tuple[Article, ...]:
    """The five seed articles, in file-name order (000 is the Norwegian one)."""
    paths = sorted(p for p in seed_dir().iterdir() if p.suffix == ".txt")
    return tuple(load_paths(paths).articles)


def make_article(
    sentences: list[str],
    *,
    title: str | None = None,
    language: str | None = "en",
    outlet: str | None = None,
    date: dt.date | None = None,
    name: str = "made.txt",
) -> Article:
    """An article whose sentences are exactly ``sentences``, one paragraph each."""
    text = ""
    segments: list[Segment] = []
    for index, sentence in enumerate(sentences):
        if text:
            segments.append(Segment(len(text), len(text) + 2, SegmentKind.SPACE, index - 1))
            text += "\n\n"
        segments.append(Segment(len(text), len(text) + len(sentence), SegmentKind.SENTENCE, index, index))
        text += sentence
    return Article(
        path=Path(name),
        text=text,
        encoding="utf-8",
        digest=name,
        title=title if title is not None else (sentences[0] if sentences else ""),
        outlet=outlet,
        language=language,
        date=date,
        word_count=len(text.split()),
        segments=segments,
    )


def make_index(
    articles: list[Article],
    pairs: list[tuple[tuple[int, int], tuple[int, int], float]],
    stories: list[int],
    sources: list[int] | None = None,
    threshold: float = 0.5,
) -> LinkIndex:
    """A link index from ``(source sentence, target sentence, score)`` pairs, linked
    both ways as the matcher does."""
    links: dict[tuple[int, int], list[Link]] = {}
    for (a, s), (b, t), score in pairs:
        links.setdefault((a, s), []).append(Link(a, s, b, t, score))
        links.setdefault((b, t), []).append(Link(b, t, a, s, score))
    for found in links.values():
        found.sort(key=lambda link: -link.score)
    sources = list(range(len(articles))) if sources is None else sources
    if "sources" in inspect.signature(LinkIndex).parameters:
        return LinkIndex(articles, links, stories, sources, threshold)
    index = LinkIndex(articles, links, stories, threshold)
    index.sources = sources  # type: ignore[attr-defined]
    return index
