"""Hatchling build hook: compile the gettext catalogues (``.po`` -> ``.mo``) with babel.

Runs for the wheel and for editable installs (``pip install .`` and ``pip install -e .``).
The ``.mo`` files are written next to their ``.po`` (so an editable install, which
imports from the source tree, finds them) and added to the wheel as artifacts, since
they are not committed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

DOMAIN = "crossread"


def compile_catalogues(locale_dir: Path) -> list[Path]:
    """Compile every ``<lang>/LC_MESSAGES/crossread.po`` under ``locale_dir``."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written: list[Path] = []
    for po_path in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po_path.open("rb") as file:
            catalog = read_po(file, locale=po_path.parent.parent.name, domain=DOMAIN)
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as file:
            write_mo(file, catalog)
        written.append(mo_path)
    return written


class CatalogueBuildHook(BuildHookInterface):
    """Compiles the catalogues before the wheel (or editable wheel) is built."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        for mo_path in compile_catalogues(root / "tui" / "locale"):
            build_data.setdefault("artifacts", []).append(mo_path.relative_to(root).as_posix())
