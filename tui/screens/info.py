"""The info window: what the reader knows and assumed about the open article."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.commands import Where, bindings, localize_bindings
from tui.engine.models import Article
from tui.i18n import _, format_date, format_number, language_name
from tui.visible_text import visible


def info_rows(article: Article) -> list[tuple[str, str]]:
    """Every detail of ``article`` as (label, value) in the interface language;
    unknowns said plainly."""
    unknown = _("unknown")
    language = f"{language_name(article.language)} ({article.language})" if article.language else unknown
    rows = [
        (_("Title"), visible(article.title, one_line=True)),
        (_("Outlet"), visible(article.outlet, one_line=True) if article.outlet else unknown),
        (_("Language"), language),
        (_("Date"), format_date(article.date) if article.date else unknown),
        (_("Words"), format_number(article.word_count)),
        (_("Sentences"), format_number(article.sentence_count)),
        (_("File"), visible(str(article.path), one_line=True)),
        (_("Encoding"), article.encoding),
        ("SHA-256", article.digest),
    ]
    if article.url:
        rows.append((_("Address"), visible(article.url, one_line=True)))
    if article.notes:
        rows.extend((_("Note"), visible(_(note), one_line=True)) for note in article.notes)
    else:
        rows.append((_("Notes"), _("none: the file was read as is, nothing assumed or repaired")))
    return rows


class InfoScreen(ModalScreen[None]):
    """Shows the open article's details; Escape or q closes it."""

    BINDINGS = bindings(Where.WINDOW)

    def __init__(self, article: Article, ui_locale: str = "en") -> None:
        super().__init__()
        localize_bindings(self)
        self._article = article
        self._ui_locale = ui_locale

    def compose(self) -> ComposeResult:
        note = _("Note")
        with VerticalScroll(id="info-body", classes="window-body") as body:
            body.border_title = _("Article details")
            body.border_subtitle = _("Esc to close")
            for label, value in info_rows(self._article):
                with Horizontal(classes="info-row" + (" -note" if label == note else "")):
                    yield Static(Content(label), classes="info-label")
                    yield Static(Content(value), classes="info-value")

    def action_close(self) -> None:
        self.dismiss(None)
