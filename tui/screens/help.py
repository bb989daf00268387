"""The help window: every key, generated from the one list of commands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.commands import COMMANDS, Where, bindings, key_names

#: What the marks on the main screen mean: (what you see, what it tells you).
LEGEND: tuple[tuple[str, str], ...] = (
    ("2", "left of a sentence: how many other sources state the same fact"),
    ("·", "left of a sentence: no other source states it (only here)"),
    ("●", "in the article list: not read yet"),
    ("✓ / ✗", "a match you confirmed (y) or rejected (d)"),
    ("highlighted words", "what the sentence shares with the match in focus"),
    ("━━━━━━  70%", "how sure the matcher is that both sentences state the same fact"),
    ("disagrees", "the match gives another number or date; both values are shown"),
    ("other story", "the match comes from an article about a different event"),
)


def help_rows() -> list[tuple[str, list[tuple[str, str]]]]:
    """Each heading with its (keys, description) rows, commands first, then the legend."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for where in Where:
        rows = [(key_names(c.keys), c.description) for c in COMMANDS if c.where is where]
        if rows:
            groups.append((where.value, rows))
    groups.append(("Reading the screen", list(LEGEND)))
    return groups


class HelpScreen(ModalScreen[None]):
    """Shows every key; Escape, q or ? closes it."""

    BINDINGS = bindings(Where.WINDOW)


    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body", classes="window-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "Esc to close"
            for number, (heading, rows) in enumerate(help_rows()):
                yield Static(Content(heading), classes="help-heading" + (" -first" if not number else ""))
                for keys, description in rows:
                    with Horizontal(classes="help-row"):
                        yield Static(Content(keys), classes="help-key")
                        yield Static(Content(description), classes="help-description")

    def action_close(self) -> None:
        self.dismiss(None)
