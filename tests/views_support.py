"""Articles for the search, side-by-side and fact-grid tests: the seeds, or made by hand."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from tui.engine.loader import load_paths
from tui.engine.models import Article, Segment, SegmentKind
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
