"""The help window: every key, generated from the one list of commands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.commands import COMMANDS, Where, bindings, key_names

KEY_COLUMN = 22


def help_content() -> Content:
    """All commands grouped by where they apply, keys first."""
    parts: list[Content | tuple[str, str] | str] = []
    for where in Where:
        commands = [c for c in COMMANDS if c.where is where]
        if not commands:
            continue
        if parts:
            parts.append("\n\n")
        parts.append((where.value, "bold $text-primary"))
        for command in commands:
            parts.append("\n")
            parts.append((key_names(command.keys).ljust(KEY_COLUMN), "$text-accent"))
            parts.append(command.description)
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    """Shows every key; Escape, q or ? closes it."""

    BINDINGS = bindings(Where.WINDOW)

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        #help-body {
            width: auto;
            max-width: 90%;
            height: auto;
            max-height: 90%;
            border: round $primary;
            border-title-color: $text-primary;
            background: $surface;
            padding: 0 1;
        }
        #help-text { width: auto; }
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "Esc to close"
            yield Static(help_content(), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
