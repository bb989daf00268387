"""Articles, links and app helpers for the tests of the reader's screens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from tui.engine.loader import load_paths
from tui.engine.matcher import LinkIndex, build_index
from tui.engine.models import Article, Evidence, Link, Segment, SegmentKind
from tui.engine.seeds import seed_dir
from tui.widgets.sidebar import MatchList, Sidebar


@cache
def seed_articles() -> tuple[Article, ...]:
    """The five seed articles, in file-name order (000 is the Norwegian one)."""
    paths = sorted(p for p in seed_dir().iterdir() if p.suffix == ".txt")
    return tuple(load_paths(paths).articles)


@cache
def seed_index() -> LinkIndex:
    """The real matcher's links between the seed articles."""
    return build_index(seed_articles())


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
    return LinkIndex(articles, links, stories, sources, threshold)


def find_sentence(articles: Sequence[Article], fragment: str) -> tuple[int, int]:
    """``(article, sentence)`` of the first sentence containing ``fragment``."""
    for a, article in enumerate(articles):
        for s, segment in enumerate(article.sentences):
            if fragment in segment.text(article.text):
                return a, s
    raise AssertionError(f"no sentence contains {fragment!r}")


def _span(article: Article, sentence: int, word: str) -> tuple[int, int]:
    segment = article.sentences[sentence]
    start = article.text.find(word, segment.start, segment.end)
    assert start >= 0, word
    return start, start + len(word)


#: Seed sentences linked by hand (source fragment, target fragment, score, shared
#: word in the source, shared word in the target), so the views are tested whatever
#: the real matcher scores.
SEED_LINKS = [
    ("rekordmye gass til Kina", "Gazprom said that supplies", 0.9, "Gazprom", "Gazprom"),
    ("rekordmye gass til Kina", "the Power 2 gas pipeline", 0.6, "rekordmye gass", "gas exports"),
    ("statsminister Mikhail Misjustin i Moskva", "Xi earlier met with Prime Minister", 0.8, "Misjustin", "Mishustin"),
]


def seed_matcher(articles: Sequence[Article], progress: Callable[..., None] | None = None, **_: object) -> LinkIndex:
    """A matcher returning ``SEED_LINKS`` both ways; 002 (the 2024 meeting) is its own story."""
    links: dict[tuple[int, int], list[Link]] = {}
    for source_text, target_text, score, source_word, target_word in SEED_LINKS:
        (a, s), (b, t) = find_sentence(articles, source_text), find_sentence(articles, target_text)
        source_span, target_span = _span(articles[a], s, source_word), _span(articles[b], t, target_word)
        forward = Evidence(words=(target_word,), source_spans=(source_span,), target_spans=(target_span,))
        backward = Evidence(words=(source_word,), source_spans=(target_span,), target_spans=(source_span,))
        links.setdefault((a, s), []).append(Link(a, s, b, t, score, forward))
        links.setdefault((b, t), []).append(Link(b, t, a, s, score, backward))
    for found in links.values():
        found.sort(key=lambda link: -link.score)
    stories = [1 if article.path.name.startswith("002") else 0 for article in articles]
    return LinkIndex(list(articles), links, stories, list(range(len(articles))), 0.5)


_real_indexes: dict[tuple[str, ...], LinkIndex] = {}


def real_links(articles: Sequence[Article], progress: Callable[..., None] | None = None, **_: object) -> LinkIndex:
    """The real matcher, built once per set of articles for the whole test run (it
    takes seconds), so the apps of several tests share it."""
    key = tuple(article.digest for article in articles)
    if key not in _real_indexes:
        _real_indexes[key] = build_index(articles, progress=progress)
    return _real_indexes[key]


async def settle(app: App[None], pilot: Pilot[None]) -> None:
    """Wait until loading, matching and any search are done and the screen caught up."""
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def to_a_linked_sentence(pilot: Pilot[None], tries: int = 12) -> None:
    """Move the reading pane's cursor down (j) until the sidebar lists a link, at most
    ``tries`` times."""
    sidebar = pilot.app.screen.query_one(Sidebar)
    for _ in range(tries):
        if sidebar.links:
            return
        await pilot.press("j")
        await pilot.pause()


def shown_status(root: Widget | Screen[object]) -> str:
    """The sidebar's status as shown: the first line of its list of matches."""
    return str(root.query_one(MatchList).get_option_at_index(0).prompt)


def shown_match(root: Widget | Screen[object], n: int) -> str:
    """The sidebar's ``n``-th match as shown (0: the best; the status comes before it)."""
    return str(root.query_one(MatchList).get_option_at_index(n + 1).prompt)
