"""The crossread application and the one factory that builds it (CLI and tests)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.theme import ThemeProvider
from textual.screen import Screen

from tui.commands import BY_ID, COMMANDS, Where, key_names, localize_bindings
from tui.engine.link_index import LinkIndex, build_index
from tui.engine.seeds import seed_dir
from tui.engine.state import StateStore
from tui.i18n import _, current_language, set_language
from tui.screens.main import MainScreen


class CrossreadApp(App[None]):
    """A terminal reader that shows where else each fact is reported."""

    TITLE = "crossread"
    CSS_PATH = ["crossread.tcss", "windows.tcss"]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide"), (180, "-widest")]
    COMMAND_PALETTE_BINDING = BY_ID["command_palette"].keys
    #: ctrl+q stays as Textual's always-available quit; "q" comes from the commands.
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(self, main_screen: Callable[[], MainScreen]) -> None:
        """``main_screen`` makes the reader's screen once the app runs (see ``make_app``)."""
        super().__init__()
        self._main_screen = main_screen
        self.sub_title = _("same fact elsewhere")
        localize_bindings(self)

    def get_default_screen(self) -> Screen:
        return self._main_screen()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            # Textual's own commands, in the interface language (see TEXTUAL_TEXTS).
            yield command._replace(title=_(command.title), help=_(command.help))
        if not isinstance(screen, MainScreen):
            return
        for command in COMMANDS:
            if command.palette and command.where is Where.ANYWHERE and command.id != "quit":
                yield SystemCommand(
                    command.text,
                    _("Key: {keys}").format(keys=key_names(command.keys)),
                    partial(self.run_action, command.action_name, screen),
                )

    def action_command_palette(self) -> None:
        """The command palette, its prompt in the interface language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def search_themes(self) -> None:
        """The theme picker, its prompt in the interface language."""
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=_("Search for themes…")))


def make_app(
    paths: list[Path] | None = None,
    *,
    ui_locale: str | None = None,
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
    closes it. ``ui_locale`` ("nb" or "en") sets the interface language; without it
    the language already chosen (``--ui-lang`` or the locale variables) stays.
    """
    ui_locale = set_language(ui_locale) if ui_locale else current_language()
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
