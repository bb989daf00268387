"""How the main screen looks at the three sizes the reader is designed for.

Baselines live in ``tests/__snapshots__``; regenerate them with ``--snapshot-update``
after a deliberate change (for example when the real matcher fills the sidebar).
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tui.app import make_app


async def _ready(pilot: Pilot[None]) -> None:
    """Wait for loading and matching, so nothing is caught half-drawn."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 50)])
def test_main_screen_reading_the_norwegian_article(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), press=["enter", "j", "j"], terminal_size=size, run_before=_ready)


def test_article_list_on_the_cnn_article(snap_compare) -> None:
    assert snap_compare(make_app(), press=["G"], terminal_size=(120, 36), run_before=_ready)


def test_help_window(snap_compare) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=(80, 24), run_before=_ready)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
def test_main_screen_in_norwegian(snap_compare, size: tuple[int, int]) -> None:
    """The same screen with LANG=nb_NO.UTF-8 or --ui-lang nb: nothing left in English
    but the articles themselves."""
    assert snap_compare(make_app(ui_locale="nb"), press=["enter", "j", "j"], terminal_size=size, run_before=_ready)


def test_help_window_in_norwegian(snap_compare) -> None:
    assert snap_compare(make_app(ui_locale="nb"), press=["question_mark"], terminal_size=(80, 24), run_before=_ready)
