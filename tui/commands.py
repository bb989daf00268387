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

from dataclasses import dataclass
from enum import Enum

from textual.binding import Binding


class Where(str, Enum):
    """Where a command applies; the value is the heading used in the help screen."""

    ANYWHERE = "Anywhere"
    ARTICLES = "Article list"
    READER = "Reading pane"
    SIDEBAR = "Same fact elsewhere"
    WINDOW = "Help and info windows"
    SEARCH = "Search window"
    PAIR = "Side by side"
    GRID = "Fact grid"


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

    def binding(self) -> Binding:
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
        "quit", "q", "Quit crossread", Where.ANYWHERE, footer="Quit", action="app.quit",
        palette=True,
    ),
    Command("help", "question_mark", "Show every key", Where.ANYWHERE, footer="Keys", palette=True),
    Command("focus_next", "tab", "Move to the next pane", Where.ANYWHERE, action="app.focus_next"),
    Command(
        "focus_previous", "shift+tab", "Move to the previous pane", Where.ANYWHERE,
        action="app.focus_previous",
    ),
    Command(
        "toggle_sidebar", "s", "Hide or show the same-fact sidebar", Where.ANYWHERE,
        palette=True,
    ),
    Command(
        "back", "backspace,alt+left", "Go back to where you jumped from", Where.ANYWHERE,
        footer="Back", palette=True,
    ),
    Command(
        "forward", "alt+right", "Go forward again", Where.ANYWHERE, footer="Forward",
        palette=True,
    ),
    Command(
        "raise_threshold", "plus", "Show only surer matches (raise the confidence threshold)",
        Where.ANYWHERE, action="threshold(1)", palette=True,
    ),
    Command(
        "lower_threshold", "minus", "Show less sure matches too (lower the confidence threshold)",
        Where.ANYWHERE, action="threshold(-1)", palette=True,
    ),
    Command(
        "info", "i", "Show the article's file, encoding, digest and notes", Where.ANYWHERE,
        palette=True,
    ),
    Command(
        "command_palette", "ctrl+p", "Search commands", Where.ANYWHERE,
        action="app.command_palette",
    ),
    Command("list_down", "j,down", "Next article", Where.ARTICLES, action="cursor_down"),
    Command("list_up", "k,up", "Previous article", Where.ARTICLES, action="cursor_up"),
    Command("list_first", "g,home", "First article", Where.ARTICLES, action="first"),
    Command("list_last", "G,end", "Last article", Where.ARTICLES, action="last"),
    Command(
        "toggle_read", "m", "Mark the article read or unread (reading it marks it read)",
        Where.ARTICLES, action="screen.toggle_read",
    ),
    Command("next_unread", "n", "Next unread article", Where.ARTICLES, action="next_unread"),
    Command(
        "cycle_language", "l", "List one language at a time, then all again", Where.ARTICLES,
        action="screen.cycle_language",
    ),
    Command(
        "read", "enter", "Read the highlighted article", Where.ARTICLES, footer="Read",
        action="screen.read_highlighted",
    ),
    Command(
        "next_sentence", "j,down", "Next sentence", Where.READER,
        action="screen.move('next')",
    ),
    Command(
        "previous_sentence", "k,up", "Previous sentence", Where.READER,
        action="screen.move('previous')",
    ),
    Command(
        "first_sentence", "g,home", "First sentence", Where.READER,
        action="screen.move('first')",
    ),
    Command(
        "last_sentence", "G,end", "Last sentence", Where.READER,
        action="screen.move('last')",
    ),
    Command(
        "page_down", "pagedown,space", "A screenful further", Where.READER,
        action="screen.move('page_down')",
    ),
    Command(
        "page_up", "pageup", "A screenful back", Where.READER,
        action="screen.move('page_up')",
    ),
    Command(
        "next_found", "n", "Next sentence stated elsewhere", Where.READER,
        action="screen.move('next_found')",
    ),
    Command(
        "previous_found", "N", "Previous sentence stated elsewhere", Where.READER,
        action="screen.move('previous_found')",
    ),
    Command(
        "next_only_here", "u", "Next sentence found only here", Where.READER,
        action="screen.move('next_only_here')",
    ),
    Command(
        "open_best", "enter", "Open the best match of this sentence", Where.READER,
        footer="Best match", action="screen.open_best",
    ),
    Command("match_down", "j,down", "Next match", Where.SIDEBAR, action="cursor_down"),
    Command("match_up", "k,up", "Previous match", Where.SIDEBAR, action="cursor_up"),
    Command(
        "confirm_link", "y", "Confirm the match (again: forget the verdict)", Where.SIDEBAR,
        action="screen.verdict('confirm')",
    ),
    Command(
        "reject_link", "d", "Reject the match: it is hidden (again: forget the verdict)",
        Where.SIDEBAR, action="screen.verdict('reject')",
    ),
    Command(
        "show_rejected", "r", "Show or hide the matches you rejected", Where.SIDEBAR,
        action="screen.toggle_rejected",
    ),
    Command(
        "open_match", "enter", "Open this match at its sentence", Where.SIDEBAR,
        footer="Open", action="screen.open_highlighted_match",
    ),
    Command("close", "escape,q,question_mark", "Close the window", Where.WINDOW, footer="Close"),
    Command(
        "search", "slash", "Search every title and sentence", Where.ANYWHERE, footer="Search",
        palette=True,
    ),
    Command(
        "side_by_side", "v", "Show the sentence and its matches in full, one above the other",
        Where.ANYWHERE, footer="Side by side", palette=True,
    ),
    Command(
        "fact_grid", "x", "Show the story's facts against its articles", Where.ANYWHERE,
        footer="Facts", palette=True,
    ),
    Command("search_next", "down", "Next result", Where.SEARCH, action="next_result"),
    Command("search_previous", "up", "Previous result", Where.SEARCH, action="previous_result"),
    Command("search_go", "enter", "Go to the chosen result", Where.SEARCH, footer="Go", action="go"),
    Command("search_close", "escape", "Close search", Where.SEARCH, footer="Close", action="close"),
    Command(
        "pair_next", "j,down", "Next match of the sentence", Where.PAIR, footer="Next match",
        action="next_match",
    ),
    Command("pair_previous", "k,up", "Previous match", Where.PAIR, action="previous_match"),
    Command(
        "pair_open", "enter", "Read the match in its article", Where.PAIR, footer="Open",
        action="open_match",
    ),
    Command("pair_close", "escape,q,v", "Close side by side", Where.PAIR, footer="Close", action="close"),
    Command("grid_down", "j,down", "Next fact", Where.GRID),
    Command("grid_up", "k,up", "Previous fact", Where.GRID),
    Command("grid_left", "h,left", "Previous column", Where.GRID),
    Command("grid_right", "l,right", "Next column", Where.GRID),
    Command("grid_open", "enter", "Open the sentence of this cell", Where.GRID, footer="Open"),
    Command(
        "grid_markdown", "m", "Save the grid as Markdown in the current folder", Where.GRID,
        footer="Markdown", action="export_markdown",
    ),
    Command(
        "grid_csv", "c", "Save the grid as CSV in the current folder", Where.GRID, footer="CSV",
        action="export_csv",
    ),
    Command("grid_close", "escape,q,x", "Close the fact grid", Where.GRID, footer="Close", action="close"),
)

BY_ID: dict[str, Command] = {command.id: command for command in COMMANDS}


def bindings(where: Where, *, exclude: tuple[str, ...] = ()) -> list[Binding]:
    """The key bindings of the commands that apply ``where``."""
    return [c.binding() for c in COMMANDS if c.where is where and c.id not in exclude]


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
    "space": "Space",
    "ctrl+p": "Ctrl+P",
    "slash": "/",
    "plus": "+",
    "minus": "-",
}


def key_names(keys: str) -> str:
    """How ``keys`` ("j,down") read to a person ("j / ↓")."""
    return " / ".join(_KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(","))
