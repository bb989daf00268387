"""The info window: what the reader knows and assumed about the open article."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.commands import Where, bindings
from tui.engine.languages import language_name
from tui.engine.models import Article
from tui.visible_text import visible

LABEL_COLUMN = 11


def info_content(article: Article, ui_locale: str = "en") -> Content:
    """Every detail of ``article``, unknowns said plainly, text shown literally."""
    language = (
        f"{language_name(article.language, ui_locale)} ({article.language})"
        if article.language
        else "unknown"
    )
    rows: list[tuple[str, str]] = [
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
    parts: list[Content | tuple[str, str] | str] = []
    for label, value in rows:
        if parts:
            parts.append("\n")
        parts.append((label.ljust(LABEL_COLUMN), "$foreground-muted"))
        parts.append(value)
    parts.append("\n\n")
    if article.notes:
        parts.append(("Notes", "bold $text-warning"))
        for note in article.notes:
            parts.append("\n• ")
            parts.append(visible(note, one_line=True))
    else:
        parts.append(("Read as is: nothing was assumed or repaired.", "$foreground-muted"))
    return Content.assemble(*parts)


class InfoScreen(ModalScreen[None]):
    """Shows the open article's details; Escape or q closes it."""

    BINDINGS = bindings(Where.WINDOW)

    DEFAULT_CSS = """
    InfoScreen {
        align: center middle;
        #info-body {
            width: 90%;
            max-width: 100;
            height: auto;
            max-height: 90%;
            border: round $primary;
            border-title-color: $text-primary;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    def __init__(self, article: Article, ui_locale: str = "en") -> None:
        super().__init__()
        self._article = article
        self._ui_locale = ui_locale

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="info-body") as body:
            body.border_title = "Article details"
            body.border_subtitle = "Esc to close"
            yield Static(info_content(self._article, self._ui_locale), id="info-text")

    def action_close(self) -> None:
        self.dismiss(None)
