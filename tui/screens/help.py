"""The help window: every key, generated from the one list of commands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.commands import COMMANDS, Where, bindings, key_names, localize_bindings
from tui.i18n import N_, _

#: What the marks on the main screen mean: (what you see, what it tells you).
LEGEND: tuple[tuple[str, str], ...] = (
    ("2", N_("left of a sentence: how many other sources state the same fact")),
    ("·", N_("left of a sentence: no other source states it (only here)")),
    ("●", N_("in the article list: not read yet")),
    ("✓ / ✗", N_("a match you confirmed (y) or rejected (d)")),
    (N_("highlighted words"), N_("what the sentence shares with the match in focus")),
    ("━━━━━━  70%", N_("how sure the matcher is that both sentences state the same fact")),
    (N_("disagrees"), N_("the match gives another number or date; both values are shown")),
    (N_("other story"), N_("the match comes from an article about a different event")),
)


def help_rows() -> list[tuple[str, list[tuple[str, str]]]]:
    """Each heading with its (keys, description) rows, commands first, then the legend,
    in the interface language."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for where in Where:
        rows = [(key_names(c.keys), c.text) for c in COMMANDS if c.where is where]
        if rows:
            groups.append((where.heading, rows))
    groups.append((_("Reading the screen"), [(_(mark), _(meaning)) for mark, meaning in LEGEND]))
    return groups


class HelpScreen(ModalScreen[None]):
    """Shows every key; Escape, q or ? closes it."""

    BINDINGS = bindings(Where.WINDOW)

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body", classes="window-body") as body:
            body.border_title = _("Keys")
            body.border_subtitle = _("Esc to close")
            for number, (heading, rows) in enumerate(help_rows()):
                yield Static(Content(heading), classes="help-heading" + (" -first" if not number else ""))
                for keys, description in rows:
                    with Horizontal(classes="help-row"):
                        yield Static(Content(keys), classes="help-key")
                        yield Static(Content(description), classes="help-description")

    def action_close(self) -> None:
        self.dismiss(None)
