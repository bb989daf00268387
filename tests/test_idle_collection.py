"""Cycle collection waits for a pause between keys (`tui.idle_collection`)."""

from __future__ import annotations

import gc
import weakref

from textual.app import App

from tui.app import make_app, seed_dir
from tui.idle_collection import IDLE_SECONDS, IdleCollection
from tui.screens.main import MainScreen
from views_support import real_links, settle


class Cyclic:
    """An object in a reference cycle: only the cycle collector frees it."""

    def __init__(self) -> None:
        self.me = self


def old_garbage() -> weakref.ref[Cyclic]:
    """A cycle that reached the oldest generation before it became garbage (as the
    lines a pane keeps on show do): Python's own passes leave it there for long."""
    held = Cyclic()
    gc.collect()  # it survives, into the oldest generation
    ref = weakref.ref(held)
    del held
    return ref


async def test_one_collection_per_pause_after_moves() -> None:
    app: App[None] = App()
    async with app.run_test() as pilot:
        idle = IdleCollection(app.screen)
        await pilot.pause(4 * IDLE_SECONDS)
        assert idle.collections == 0  # no move, no collection
        garbage = old_garbage()
        for _ in range(3):  # a burst of moves
            idle.moved()
        await pilot.pause(4 * IDLE_SECONDS)
        assert idle.collections == 1
        assert garbage() is None
        await pilot.pause(4 * IDLE_SECONDS)
        assert idle.collections == 1  # none again until the next move
        idle.moved()
        await pilot.pause(4 * IDLE_SECONDS)
        assert idle.collections == 2


async def test_reading_moves_collect_once_the_keys_pause() -> None:
    app = make_app([seed_dir()], matcher=real_links, isolate=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        before = screen._idle_collection.collections
        await pilot.press("enter", "j", "j")
        await pilot.pause(4 * IDLE_SECONDS)
        assert screen._idle_collection.collections > before
