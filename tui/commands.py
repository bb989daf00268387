"""Every command of the reader, defined once.

Key bindings, the Footer, the help screen and the command palette are all derived
from ``COMMANDS``, so a key can never be documented in one place and different in
another. Binding ids equal command ids, so users can remap keys with a keymap.

The main screen's bindings are priority bindings. Textual queues an ordinary key on
the widget focused when the key arrives, so keys typed (or sent by tmux) faster than
they are handled would land in the old pane after Enter or Tab moved the focus.
Priority bindings run one after the other as the keys arrive, and the actions that
move the focus do it at once, so every key goes where the user meant it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum

from rich.cells import cell_len
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from tui.i18n import N_, _


class Where(str, Enum):
    """Where a command applies; the value is the (English) heading of the help screen,
    shown translated by ``heading``."""

    ANYWHERE = N_("Anywhere")
    ARTICLES = N_("Article list")
    READER = N_("Reading pane")
    SIDEBAR = N_("Same fact elsewhere")
    WINDOW = N_("Help and info windows")
    SEARCH = N_("Search window")
    PAIR = N_("Side by side")
    GRID = N_("Fact grid")

    @property
    def heading(self) -> str:
        """The heading in the interface language."""
        return _(self.value)


#: Where keys are handled strictly in the order typed (see the module docstring).
IN_ORDER = frozenset({Where.ANYWHERE, Where.ARTICLES, Where.READER, Where.SIDEBAR})


@dataclass(frozen=True, slots=True)
class Command:
    """One thing the user can do."""

    id: str
    keys: str
    description: str
    where: Where
    #: Short label for the Footer; ``None`` keeps the command out of the Footer.
    footer: str | None = None
    #: The action run; defaults to the id (then the widget defines ``action_<id>``).
    action: str = ""
    #: Offered in the command palette (only commands that make sense anywhere).
    palette: bool = False

    @property
    def action_name(self) -> str:
        return self.action or self.id

    @property
    def text(self) -> str:
        """The description in the interface language."""
        return _(self.description)

    def binding(self) -> Binding:
        """The key binding (described in English: ``localize_bindings`` translates it
        for each widget, since bindings are made when the classes are defined)."""
        return Binding(
            self.keys,
            self.action_name,
            self.footer or self.description,
            show=self.footer is not None,
            id=self.id,
            priority=self.where in IN_ORDER,
        )


COMMANDS: tuple[Command, ...] = (
    Command(
        "quit", "q", N_("Quit crossread"), Where.ANYWHERE, footer=N_("Quit"), action="app.quit",
        palette=True,
    ),
    Command("help", "question_mark", N_("Show every key"), Where.ANYWHERE, footer=N_("Keys"), palette=True),
    Command("focus_next", "tab", N_("Move to the next pane"), Where.ANYWHERE, action="app.focus_next"),
    Command(
        "focus_previous", "shift+tab", N_("Move to the previous pane"), Where.ANYWHERE,
        action="app.focus_previous",
    ),
    Command(
        "toggle_sidebar", "s", N_("Hide or show the same-fact sidebar"), Where.ANYWHERE,
        palette=True,
    ),
    Command(
        "back", "backspace,alt+left", N_("Go back to where you jumped from"), Where.ANYWHERE,
        footer=N_("Back"), palette=True,
    ),
    Command(
        "forward", "alt+right", N_("Go forward again"), Where.ANYWHERE, footer=N_("Forward"),
        palette=True,
    ),
    Command(
        "raise_threshold", "plus", N_("Show only surer matches (raise the confidence threshold)"),
        Where.ANYWHERE, action="threshold(1)", palette=True,
    ),
    Command(
        "lower_threshold", "minus", N_("Show less sure matches too (lower the confidence threshold)"),
        Where.ANYWHERE, action="threshold(-1)", palette=True,
    ),
    Command(
        "info", "i", N_("Show the article's file, encoding, digest and notes"), Where.ANYWHERE,
        palette=True,
    ),
    Command(
        "open_link", "o", N_("Open the article's original link in the browser"), Where.ANYWHERE,
        palette=True,
    ),
    Command(
        "command_palette", "ctrl+p", N_("Search commands"), Where.ANYWHERE,
        action="app.command_palette",
    ),
    Command("list_down", "j,down", N_("Next article"), Where.ARTICLES, action="cursor_down"),
    Command("list_up", "k,up", N_("Previous article"), Where.ARTICLES, action="cursor_up"),
    Command("list_first", "g,home", N_("First article"), Where.ARTICLES, action="first"),
    Command("list_last", "G,end", N_("Last article"), Where.ARTICLES, action="last"),
    Command(
        "toggle_read", "m", N_("Mark the article read or unread (reading it marks it read)"),
        Where.ARTICLES, action="screen.toggle_read",
    ),
    Command("next_unread", "n", N_("Next unread article"), Where.ARTICLES, action="next_unread"),
    Command(
        "cycle_language", "l", N_("List one language at a time, then all again"), Where.ARTICLES,
        action="screen.cycle_language",
    ),
    Command(
        "read", "enter", N_("Read the highlighted article"), Where.ARTICLES, footer=N_("Read"),
        action="screen.read_highlighted",
    ),
    Command(
        "next_sentence", "j,down", N_("Next sentence"), Where.READER,
        action="screen.move('next')",
    ),
    Command(
        "previous_sentence", "k,up", N_("Previous sentence"), Where.READER,
        action="screen.move('previous')",
    ),
    Command(
        "first_sentence", "g,home", N_("First sentence"), Where.READER,
        action="screen.move('first')",
    ),
    Command(
        "last_sentence", "G,end", N_("Last sentence"), Where.READER,
        action="screen.move('last')",
    ),
    Command(
        "page_down", "pagedown,space", N_("A screenful further"), Where.READER,
        action="screen.move('page_down')",
    ),
    Command(
        "page_up", "pageup", N_("A screenful back"), Where.READER,
        action="screen.move('page_up')",
    ),
    Command(
        "next_found", "n", N_("Next sentence stated elsewhere"), Where.READER,
        action="screen.move('next_found')",
    ),
    Command(
        "previous_found", "N", N_("Previous sentence stated elsewhere"), Where.READER,
        action="screen.move('previous_found')",
    ),
    Command(
        "next_only_here", "u", N_("Next sentence found only here"), Where.READER,
        action="screen.move('next_only_here')",
    ),
    Command(
        "open_best", "enter", N_("Open the best match of this sentence"), Where.READER,
        footer=N_("Best match"), action="screen.open_best",
    ),
    Command(
        "join_best_story", "J", N_("Same event: join the best match's story with this one (again: undo)"),
        Where.READER, action="screen.join_story('best')",
    ),
    Command("match_down", "j,down", N_("Next match"), Where.SIDEBAR, action="cursor_down"),
    Command("match_up", "k,up", N_("Previous match"), Where.SIDEBAR, action="cursor_up"),
    Command(
        "confirm_link", "y", N_("Confirm the match (again: forget the verdict)"), Where.SIDEBAR,
        action="screen.verdict('confirm')",
    ),
    Command(
        "reject_link", "d", N_("Reject the match: it is hidden (again: forget the verdict)"),
        Where.SIDEBAR, action="screen.verdict('reject')",
    ),
    Command(
        "show_rejected", "r", N_("Show or hide the matches you rejected"), Where.SIDEBAR,
        action="screen.toggle_rejected",
    ),
    Command(
        "join_story", "J", N_("Same event: join the match's story with this one (again: undo)"),
        Where.SIDEBAR, action="screen.join_story('chosen')",
    ),
    Command(
        "open_match", "enter", N_("Open this match at its sentence"), Where.SIDEBAR,
        footer=N_("Open"), action="screen.open_highlighted_match",
    ),
    Command("close", "escape,q,question_mark", N_("Close the window"), Where.WINDOW, footer=N_("Close")),
    Command(
        "search", "slash", N_("Search every title and sentence"), Where.ANYWHERE, footer=N_("Search"),
        palette=True,
    ),
    Command(
        "side_by_side", "v", N_("Show the sentence and its matches in full, one above the other"),
        Where.ANYWHERE, footer=N_("Side by side"), palette=True,
    ),
    Command(
        "fact_grid", "x", N_("Show the story's facts against its articles"), Where.ANYWHERE,
        footer=N_("Facts"), palette=True,
    ),
    Command("search_next", "down", N_("Next result"), Where.SEARCH, action="next_result"),
    Command("search_previous", "up", N_("Previous result"), Where.SEARCH, action="previous_result"),
    Command("search_go", "enter", N_("Go to the chosen result"), Where.SEARCH, footer=N_("Go"), action="go"),
    Command("search_close", "escape", N_("Close search"), Where.SEARCH, footer=N_("Close"), action="close"),
    Command(
        "pair_next", "j,down", N_("Next match of the sentence"), Where.PAIR, footer=N_("Next match"),
        action="next_match",
    ),
    Command("pair_previous", "k,up", N_("Previous match"), Where.PAIR, action="previous_match"),
    Command(
        "pair_open", "enter", N_("Read the match in its article"), Where.PAIR, footer=N_("Open"),
        action="open_match",
    ),
    Command("pair_close", "escape,q,v", N_("Close side by side"), Where.PAIR, footer=N_("Close"), action="close"),
    Command("grid_down", "j,down", N_("Next fact"), Where.GRID),
    Command("grid_up", "k,up", N_("Previous fact"), Where.GRID),
    Command("grid_left", "h,left", N_("Previous column"), Where.GRID),
    Command("grid_right", "l,right", N_("Next column"), Where.GRID),
    Command("grid_open", "enter", N_("Open the sentence of this cell"), Where.GRID, footer=N_("Open")),
    Command(
        "grid_markdown", "m", N_("Save the grid as Markdown in the current folder"), Where.GRID,
        footer=N_("Markdown"), action="export_markdown",
    ),
    Command(
        "grid_csv", "c", N_("Save the grid as CSV in the current folder"), Where.GRID, footer=N_("CSV"),
        action="export_csv",
    ),
    Command("grid_close", "escape,q,x", N_("Close the fact grid"), Where.GRID, footer=N_("Close"), action="close"),
)

BY_ID: dict[str, Command] = {command.id: command for command in COMMANDS}


def bindings(where: Where, *, exclude: tuple[str, ...] = ()) -> list[Binding]:
    """The key bindings of the commands that apply ``where``."""
    return [c.binding() for c in COMMANDS if c.where is where and c.id not in exclude]


def footer_widths(places: Iterable[Where]) -> dict[str, int]:
    """For each key with a Footer label ``places``, the width in cells of its widest
    label in the interface language: what the Footer reserves for that key, so that a
    key whose label changes with the focused pane (Enter: Read, Best match, Open)
    neither moves the keys after it nor makes the screen lay itself out again."""
    wanted = set(places)
    widths: dict[str, int] = {}
    for command in COMMANDS:
        if command.footer is None or command.where not in wanted:
            continue
        width = cell_len(_(command.footer))
        for key in command.keys.split(","):
            widths[key] = max(widths.get(key, 0), width)
    return widths


def localize_bindings(node: DOMNode) -> None:
    """Describe ``node``'s key bindings (Footer, key panel) in the interface language.

    Textual copies a class's bindings into each instance when it is made; widgets
    call this in ``__init__`` so each instance speaks the language of its run.
    """
    localized = BindingsMap()
    localized.key_to_bindings = {
        key: [
            replace(
                binding,
                description=_(binding.description) if binding.description else "",
                tooltip=_(binding.tooltip) if binding.tooltip else "",
            )
            for binding in key_bindings
        ]
        for key, key_bindings in node._bindings.key_to_bindings.items()
    }
    node._bindings = localized


#: Textual's own words the reader shows (Footer, command palette), for the catalogue.
TEXTUAL_TEXTS: tuple[str, ...] = (
    N_("palette"),
    N_("Open the command palette"),
    N_("Search for commands…"),
    N_("Search for themes…"),
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


_KEY_NAMES = {
    "question_mark": "?",
    "backspace": "Backspace",
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "alt+left": "Alt+←",
    "alt+right": "Alt+→",
    "down": "↓",
    "up": "↑",
    "home": "Home",
    "end": "End",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "space": N_("Space"),
    "ctrl+p": "Ctrl+P",
    "slash": "/",
    "plus": "+",
    "minus": "-",
}


def key_names(keys: str) -> str:
    """How ``keys`` ("j,down") read to a person ("j / ↓")."""
    return " / ".join(_(_KEY_NAMES.get(key.strip(), key.strip())) for key in keys.split(","))
