"""Hatchling build hook: compile the gettext catalogues (``.po`` -> ``.mo``) with babel.

Runs for the wheel and for editable installs (``pip install .`` and ``pip install -e .``).
The ``.mo`` files are written next to their ``.po`` (so an editable install, which
imports from the source tree, finds them) and added to the wheel as artifacts, since
they are not committed. The compiling itself is ``tui.i18n.compile_catalogues``, loaded
from its file: the build environment has babel but not crossread's other dependencies.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueBuildHook(BuildHookInterface):
    """Compiles the catalogues before the wheel (or editable wheel) is built."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location("_crossread_i18n", root / "tui" / "i18n.py")
        assert spec is not None and spec.loader is not None
        i18n = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(i18n)
        for mo_path in i18n.compile_catalogues(root / "tui" / "locale"):
            build_data.setdefault("artifacts", []).append(mo_path.relative_to(root).as_posix())
