"""Where the embedded seed articles live, however crossread was installed.

A wheel carries them as package data in ``tui/seeds/``; an editable install or a
source checkout has them in the top-level ``seeds/`` folder next to the package.
Both are found from the package's own location, never from the current directory.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["seed_dir", "seed_paths"]

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _candidates() -> tuple[Path, ...]:
    return (_PACKAGE_DIR / "seeds", _PACKAGE_DIR.parent / "seeds")


def seed_dir() -> Path:
    """The folder holding the seed articles (raises ``FileNotFoundError`` if missing)."""
    for candidate in _candidates():
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    searched = ", ".join(str(c) for c in _candidates())
    raise FileNotFoundError(f"seed articles not found (looked in {searched})")


def seed_paths() -> list[Path]:
    """The seed article files, in name order."""
    return sorted(seed_dir().glob("*.txt"))
