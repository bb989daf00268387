"""Side by side: the sentence under the cursor above one of its matches, both in full.

For reading a Norwegian sentence next to its English counterpart: the sidebar shows
matches one line each, here each sentence gets the room to be read whole, with the
words that carried the link highlighted on both sides.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tui.commands import Where, bindings, localize_bindings
from tui.engine.link_index import LinkIndex
from tui.engine.models import Article, Link
from tui.i18n import _, format_date, format_percent, language_name
from tui.widgets.sidebar import DISCREPANCY_KINDS
from tui.visible_text import visible, visible_spans


def source_line(article: Article, ui_locale: str) -> Content:
    """Outlet · language · date, unknowns said plainly."""
    outlet = visible(article.outlet, one_line=True) if article.outlet else _("outlet unknown")
    language = language_name(article.language) if article.language else _("language unknown")
    date = format_date(article.date) if article.date else _("date unknown")
    return Content.assemble((outlet, "bold"), (f" · {language} · {date}", "$foreground-muted"))


def sentence_panel(
    article: Article, sentence: int, spans: Sequence[tuple[int, int]], ui_locale: str, note: str = ""
) -> Content:
    """Where the sentence comes from, then the sentence with ``spans`` (offsets into the
    article's text) highlighted."""
    segment = article.sentences[sentence]
    shown, mapped = visible_spans(article.text, segment.start, segment.end, spans)
    body = Content(shown)
    for start, end in mapped:
        body = body.stylize("bold $text-accent underline", start, end)
    title = visible(article.title, one_line=True)
    parts: list[Content | tuple[str, str] | str] = [source_line(article, ui_locale)]
    if note:
        parts.append((f" · {note}", "$foreground-muted"))
    parts += [
        "\n",
        (title, "italic $foreground-muted"),
        ("  " + _("sentence {number}").format(number=sentence + 1), "$foreground-muted"),
        "\n\n",
        body,
    ]
    return Content.assemble(*parts)


def link_note(link: Link, position: int, count: int) -> str:
    """"match 1 of 3 · 82%" plus any disagreement, in the interface language."""
    parts = [
        _("match {position} of {count}").format(position=position + 1, count=count),
        format_percent(round(link.score, 2)),
    ]
    for discrepancy in link.discrepancies:
        parts.append(
            _("{kind} differs: {here} here, {there} there").format(
                kind=_(DISCREPANCY_KINDS.get(discrepancy.kind, discrepancy.kind)),
                here=visible(discrepancy.source_value, one_line=True),
                there=visible(discrepancy.target_value, one_line=True),
            )
        )
    if link.cross_story:
        parts.append(_("other story"))
    return " · ".join(parts)


class SideBySideScreen(ModalScreen[tuple[int, int] | None]):
    """Dismisses with ``(article, sentence)`` of the match to open, or ``None``."""

    BINDINGS = bindings(Where.PAIR)

    def __init__(
        self,
        articles: Sequence[Article],
        index: LinkIndex | None,
        article: int,
        sentence: int,
        ui_locale: str = "en",
    ) -> None:
        super().__init__()
        localize_bindings(self)
        self._articles = tuple(articles)
        self._article = article
        self._sentence = sentence
        self._ui_locale = ui_locale
        self._index = index
        self._links = (
            [link for link in index.links_for(article, sentence) if link.target < len(self._articles)]
            if index is not None
            else []
        )
        self._position = 0

    @property
    def link(self) -> Link | None:
        """The match on show."""
        return self._links[self._position] if self._links else None

    def compose(self) -> ComposeResult:
        with Vertical(id="pair-body", classes="window-body") as body:
            body.border_title = _("Side by side")
            body.border_subtitle = _("j/k other matches · Enter to open · Esc to close")
            with VerticalScroll(id="pair-source"):
                yield Static(id="pair-source-text")
            with VerticalScroll(id="pair-target"):
                yield Static(id="pair-target-text")
        yield Footer()

    def on_mount(self) -> None:
        self._refresh()

    def _refresh(self) -> None:
        link = self.link
        source_spans = link.evidence.source_spans if link is not None else ()
        source = sentence_panel(
            self._articles[self._article], self._sentence, source_spans, self._ui_locale, _("this sentence")
        )
        self.query_one("#pair-source-text", Static).update(source)
        target = self.query_one("#pair-target-text", Static)
        if link is None:
            message = (
                _("Still finding the same facts elsewhere; try again in a moment.")
                if self._index is None
                else _("No counterpart found for this sentence.")
            )
            target.update(Content.styled(message, "italic $foreground-muted"))
            return
        note = link_note(link, self._position, len(self._links))
        target.update(
            sentence_panel(
                self._articles[link.target], link.target_sentence, link.evidence.target_spans,
                self._ui_locale, note,
            )
        )

    def action_next_match(self) -> None:
        if self._position + 1 < len(self._links):
            self._position += 1
            self._refresh()

    def action_previous_match(self) -> None:
        if self._position > 0:
            self._position -= 1
            self._refresh()

    def action_open_match(self) -> None:
        link = self.link
        if link is not None:
            self.dismiss((link.target, link.target_sentence))

    def action_close(self) -> None:
        self.dismiss(None)
