"""Write SVG screenshots of the reader on the seed articles to ``screenshots/``.

Run from the repository root: ``python scripts/screenshots.py``. The pictures show
the main screen with a Norwegian sentence under the cursor and its English matches
in the sidebar, at a roomy size and at the 80x24 minimum, and the same screen with the
interface in Norwegian Bokmål (``--ui-lang nb``).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from tui.app import make_app
from tui.widgets.reading_pane import ReadingPane

OUT = Path(__file__).resolve().parent.parent / "screenshots"
#: The Norwegian sentence to select: one that other outlets also report.
SENTENCE = "Gazprom, det statlige russiske gasselskapet"
#: File name -> (terminal size, interface language).
SHOTS = {
    "reader-160x45.svg": ((160, 45), "en"),
    "reader-80x24.svg": ((80, 24), "en"),
    "reader-nb-160x45.svg": ((160, 45), "nb"),
}


async def shoot(name: str, size: tuple[int, int], language: str = "en") -> Path:
    """Open the seeds, move the cursor onto ``SENTENCE`` and save the screen."""
    app = make_app(ui_locale=language)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        pane = app.screen.query_one(ReadingPane)
        article = pane.article
        if article is not None:
            for index, sentence in enumerate(article.sentences):
                if sentence.text(article.text).startswith(SENTENCE):
                    await pilot.press(*["j"] * index)
                    break
        await pilot.pause(0.2)
        return Path(app.save_screenshot(name, path=str(OUT)))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, (size, language) in SHOTS.items():
        print(asyncio.run(shoot(name, size, language)))


if __name__ == "__main__":
    main()
