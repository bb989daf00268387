"""Keep every test away from the user's own crossread state.

The reader and ``crossread links`` fall back to the state file in the user's data
directory when no ``--state`` is given; in tests that directory is a temporary one
(platformdirs follows ``XDG_DATA_HOME``); the link-index cache likewise goes to a
temporary ``XDG_CACHE_HOME``.

The interface speaks English in every test, whatever the developer's LANG, unless a
test asks for Norwegian (``make_app(ui_locale="nb")`` or ``set_language("nb")``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.i18n import ENV_VAR, set_language


@pytest.fixture(autouse=True, scope="session")
def private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user data directory during the tests."""
    path = tmp_path_factory.mktemp("user-data")
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_DATA_HOME", str(path))
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
    yield path
    patch.undo()


@pytest.fixture(autouse=True)
def english_interface(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """English unless the test chooses otherwise; child processes inherit it."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.setenv(name, "C.UTF-8")
    monkeypatch.setenv(ENV_VAR, "en")
    set_language("en")
    yield
    set_language("en")
