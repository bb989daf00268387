"""The crossread application and the one factory that builds it (CLI and tests)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tui.commands import BY_ID, COMMANDS, Where, key_names
from tui.engine.matcher import LinkIndex, build_index
from tui.engine.seeds import seed_dir
from tui.engine.state import StateStore
from tui.screens.main import MainScreen


class CrossreadApp(App[None]):
    """A terminal reader that shows where else each fact is reported."""

    TITLE = "crossread"
    SUB_TITLE = "same fact elsewhere"
    CSS_PATH = ["crossread.tcss", "windows.tcss"]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide"), (180, "-widest")]
    COMMAND_PALETTE_BINDING = BY_ID["command_palette"].keys
    #: ctrl+q stays as Textual's always-available quit; "q" comes from the commands.
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(self, main_screen: Callable[[], MainScreen]) -> None:
        """``main_screen`` makes the reader's screen once the app runs (see ``make_app``)."""
        super().__init__()
        self._main_screen = main_screen

    def get_default_screen(self) -> Screen:
        return self._main_screen()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, MainScreen):
            return
        for command in COMMANDS:
            if command.palette and command.where is Where.ANYWHERE and command.id != "quit":
                yield SystemCommand(
                    command.description,
                    f"Key: {key_names(command.keys)}",
                    partial(self.run_action, command.action_name, screen),
                )


def make_app(
    paths: list[Path] | None = None,
    *,
    ui_locale: str = "en",
    matcher: Callable[..., LinkIndex] = build_index,
    isolate: bool = True,
    state: StateStore | None = None,
) -> CrossreadApp:
    """The reader on ``paths`` (files or folders), or on the bundled seed articles.

    ``matcher`` builds the link index (``build_index`` unless a test pins the links);
    ``isolate`` runs loading and matching in a child process so the screen never
    stalls (tests may turn it off to share the warm caches of one process).
    ``state`` holds read marks, cursors and verdicts; without it they last only this
    session, so tests never touch the user's data directory. Whoever opens a store
    closes it.
    """
    return CrossreadApp(
        partial(
            MainScreen,
            list(paths) if paths else [seed_dir()],
            ui_locale=ui_locale,
            matcher=matcher,
            isolate=isolate,
            state=state,
        )
    )
