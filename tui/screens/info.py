"""The info window: what the reader knows and assumed about the open article."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.commands import Where, bindings
from tui.engine.languages import language_name
from tui.engine.models import Article
from tui.visible_text import visible


def info_rows(article: Article, ui_locale: str = "en") -> list[tuple[str, str]]:
    """Every detail of ``article`` as (label, value); unknowns said plainly."""
    language = (
        f"{language_name(article.language, ui_locale)} ({article.language})"
        if article.language
        else "unknown"
    )
    rows = [
        ("Title", visible(article.title, one_line=True)),
        ("Outlet", visible(article.outlet, one_line=True) if article.outlet else "unknown"),
        ("Language", language),
        ("Date", article.date.isoformat() if article.date else "unknown"),
        ("Words", f"{article.word_count:,}"),
        ("Sentences", str(len(article.sentences))),
        ("File", visible(str(article.path), one_line=True)),
        ("Encoding", article.encoding),
        ("SHA-256", article.digest),
    ]
    if article.url:
        rows.append(("Address", visible(article.url, one_line=True)))
    if article.notes:
        rows.extend(("Note", visible(note, one_line=True)) for note in article.notes)
    else:
        rows.append(("Notes", "none: the file was read as is, nothing assumed or repaired"))
    return rows


class InfoScreen(ModalScreen[None]):
    """Shows the open article's details; Escape or q closes it."""

    BINDINGS = bindings(Where.WINDOW)


    def __init__(self, article: Article, ui_locale: str = "en") -> None:
        super().__init__()
        self._article = article
        self._ui_locale = ui_locale

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="info-body", classes="window-body") as body:
            body.border_title = "Article details"
            body.border_subtitle = "Esc to close"
            for label, value in info_rows(self._article, self._ui_locale):
                with Horizontal(classes="info-row" + (" -note" if label == "Note" else "")):
                    yield Static(Content(label), classes="info-label")
                    yield Static(Content(value), classes="info-value")

    def action_close(self) -> None:
        self.dismiss(None)
