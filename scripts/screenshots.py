"""Write SVG screenshots of the reader on the seed articles to ``screenshots/``.

Run from the repository root: ``python scripts/screenshots.py``. The pictures show
the main screen with a Norwegian sentence under the cursor and its English matches
in the sidebar, at a roomy size and at the 80x24 minimum.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from tui.app import make_app
from tui.widgets.reading_pane import ReadingPane

OUT = Path(__file__).resolve().parent.parent / "screenshots"
#: The Norwegian sentence to select: one that other outlets also report.
SENTENCE = "Gazprom, det statlige russiske gasselskapet"
SHOTS = {
    "reader-160x45.svg": (160, 45),
    "reader-80x24.svg": (80, 24),
}


async def shoot(name: str, size: tuple[int, int]) -> Path:
    """Open the seeds, move the cursor onto ``SENTENCE`` and save the screen."""
    app = make_app()
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
    for name, size in SHOTS.items():
        print(asyncio.run(shoot(name, size)))


if __name__ == "__main__":
    main()
