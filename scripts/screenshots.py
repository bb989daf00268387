"""Write SVG screenshots of the reader on the seed articles to ``screenshots/``.

Run from the repository root: ``python scripts/screenshots.py``. The pictures show
the main screen with a Norwegian sentence under the cursor and its English matches
in the sidebar, at a roomy size and at the 80x24 minimum, and the same screen with the
interface in Norwegian Bokmål (``--ui-lang nb``), the sidebar's early matches
while the corpus is still being linked, and its provisional matches before linking
starts.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from textual.pilot import Pilot

from tui.app import make_app
from tui.engine import matcher
from tui.engine.corpus_features import article_features
from tui.engine.matcher import LinkIndex, Progress, link_corpus
from tui.engine.models import Article
from tui.widgets.reading_pane import ReadingPane
from tui.widgets.sidebar import Sidebar

OUT = Path(__file__).resolve().parent.parent / "screenshots"
#: The Norwegian sentence to select: one that other outlets also report.
SENTENCE = "Gazprom, det statlige russiske gasselskapet"
#: File name -> (terminal size, interface language).
SHOTS = {
    "reader-160x45.svg": ((160, 45), "en"),
    "reader-80x24.svg": ((80, 24), "en"),
    "reader-nb-160x45.svg": ((160, 45), "nb"),
}


#: The early-matches picture: held once this many of the five seeds are linked.
EARLY_SHOT, EARLY_LINKED = "early-matches-160x45.svg", 3
#: The provisional-matches picture: the article on show among this many seeds read.
PROVISIONAL_SHOT, PROVISIONAL_READ = "provisional-matches-160x45.svg", 4


async def _read_the_sentence(pilot: Pilot[None]) -> None:
    """Open the first (Norwegian) article and move the cursor onto ``SENTENCE``."""
    await pilot.press("enter")
    pane = pilot.app.screen.query_one(ReadingPane)
    article = pane.article
    if article is not None:
        for index, sentence in enumerate(article.sentences):
            if sentence.text(article.text).startswith(SENTENCE):
                await pilot.press(*["j"] * index)
                break
    await pilot.pause(0.2)


async def shoot(name: str, size: tuple[int, int], language: str = "en") -> Path:
    """Open the seeds, move the cursor onto ``SENTENCE`` and save the screen."""
    app = make_app(ui_locale=language)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await _read_the_sentence(pilot)
        return Path(app.save_screenshot(name, path=str(OUT)))


def _held(linked: int, held: threading.Event, release: threading.Event) -> Callable[..., LinkIndex]:
    """The real matcher, held back once ``linked`` articles have early links."""

    def match(articles: Sequence[Article], progress: Callable[[Progress], None] | None = None) -> LinkIndex:
        def report(update: Progress) -> None:
            if progress is not None:
                progress(update)
            if update.early is not None and update.early.end == linked:
                held.set()
                release.wait(60)

        return link_corpus(articles, report)

    return match


async def shoot_early(name: str, size: tuple[int, int]) -> Path:
    """The seeds while linking is held at ``EARLY_LINKED`` articles: early matches."""
    matcher.EARLY_PART_SECONDS = 0.0  # one part per article, so the hold is exact
    held, release = threading.Event(), threading.Event()
    app = make_app(matcher=_held(EARLY_LINKED, held, release), isolate=False, ui_locale="en")
    try:
        async with app.run_test(size=size) as pilot:
            sidebar = app.screen.query_one(Sidebar)
            while not (held.is_set() and sidebar.early is not None):
                await pilot.pause(0.05)
            await _read_the_sentence(pilot)
            return Path(app.save_screenshot(name, path=str(OUT)))
    finally:
        release.set()


def _provisional(read: int, shown: threading.Event, release: threading.Event) -> Callable[..., LinkIndex]:
    """The real matcher, with the article the reader opens matched among the first
    ``read`` articles as while the features of a large corpus are made
    (`provisional_links`); held there until ``release``."""

    def match(
        articles: Sequence[Article],
        progress: Callable[[Progress], None] | None = None,
        wanted: Callable[[], int | None] | None = None,
    ) -> LinkIndex:
        assert progress is not None and wanted is not None
        provisional = matcher.provisional_links_for(articles, wanted)
        provisional.add(range(read), [article_features(article) for article in articles[:read]])
        while not release.is_set():
            part = provisional.part()
            if part is not None:
                progress(Progress("indexing", read, len(articles), early=part))
                shown.set()
            release.wait(0.05)
        return link_corpus(articles, progress, wanted=wanted)

    return match


async def shoot_provisional(name: str, size: tuple[int, int]) -> Path:
    """The seeds while the features are made, ``PROVISIONAL_READ`` of them read:
    the provisional matches of the article on show."""
    shown, release = threading.Event(), threading.Event()
    app = make_app(matcher=_provisional(PROVISIONAL_READ, shown, release), isolate=False, ui_locale="en")
    try:
        async with app.run_test(size=size) as pilot:
            sidebar = app.screen.query_one(Sidebar)
            while not sidebar.articles:
                await pilot.pause(0.05)
            await _read_the_sentence(pilot)
            while not (shown.is_set() and sidebar.early is not None and sidebar.links):
                await pilot.pause(0.05)
            await pilot.pause(0.2)
            return Path(app.save_screenshot(name, path=str(OUT)))
    finally:
        release.set()


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, (size, language) in SHOTS.items():
        print(asyncio.run(shoot(name, size, language)))
    print(asyncio.run(shoot_early(EARLY_SHOT, (160, 45))))
    print(asyncio.run(shoot_provisional(PROVISIONAL_SHOT, (160, 45))))


if __name__ == "__main__":
    main()
