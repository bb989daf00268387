"""Two short articles, Norwegian and English, that state one fact with different
numbers: 4,5 kroner against 3.9 kroner. Used wherever a disagreement is checked."""

from __future__ import annotations

from pathlib import Path

NB = """Strømpris i Nordland

Statkraft sier at strømprisen i Nordland steg til 4,5 kroner per kilowattime mandag.

Selskapet venter at prisen faller igjen når vinden øker.
"""

EN = """Power prices in Nordland

Statkraft said the power price in Nordland rose to 3.9 kroner per kilowatt hour on Monday.

The company expects the price to fall again once the wind picks up.
"""


def write_price_articles(folder: Path) -> None:
    """Write ``nb.txt`` and ``en.txt`` into ``folder``."""
    (folder / "nb.txt").write_text(NB, encoding="utf-8")
    (folder / "en.txt").write_text(EN, encoding="utf-8")
