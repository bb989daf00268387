"""The search window: type a few letters, pick a title or sentence, jump to it.

Searching runs in a thread a moment after the last key press, so typing never waits
for a search over a large corpus; a result that arrives after the query changed is
dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.commands import Where, bindings, localize_bindings
from tui.engine.models import Article
from tui.engine.search import SearchHit, SearchIndex, hit_text
from tui.i18n import _, format_number, ngettext
from tui.visible_text import visible, visible_spans

#: Seconds of quiet after a key press before searching.
DEBOUNCE = 0.15
#: Characters of a title shown above each result.
TITLE_CHARS = 70

_cache: tuple[tuple[Article, ...], SearchIndex] | None = None
_cache_lock = threading.Lock()


def search_index(articles: Sequence[Article]) -> SearchIndex:
    """The search index of ``articles``, built once (from any thread) and reused while
    the corpus is the same."""
    global _cache
    key = tuple(articles)
    with _cache_lock:
        if _cache is None or len(_cache[0]) != len(key) or any(a is not b for a, b in zip(_cache[0], key)):
            _cache = (key, SearchIndex(key))
        return _cache[1]


def result_prompt(articles: Sequence[Article], hit: SearchHit) -> Content:
    """Where the hit is (article title, sentence number) and the text, match highlighted."""
    article = articles[hit.article]
    title = visible(article.title, one_line=True) or article.path.name
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1] + "…"
    where = _("title") if hit.sentence is None else _("sentence {number}").format(number=hit.sentence + 1)
    text = hit_text(articles, hit)
    shown, spans = visible_spans(text, 0, len(text), hit.spans)
    body = Content(shown)
    for start, end in spans:
        body = body.stylize("bold $text-accent underline", start, end)
    return Content.assemble((title, "bold"), (f" · {where}", "$foreground-muted"), "\n", body)


class SearchScreen(ModalScreen[tuple[int, int] | None]):
    """Dismisses with ``(article, sentence)`` of the chosen result (sentence 0 for a
    title), or ``None`` when closed."""

    BINDINGS = bindings(Where.SEARCH)

    def __init__(self, articles: Sequence[Article], query: str = "") -> None:
        super().__init__()
        localize_bindings(self)
        self._articles = tuple(articles)
        self._query = query
        self._hits: list[SearchHit] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-body", classes="window-body") as body:
            body.border_title = _("Search titles and sentences")
            body.border_subtitle = _("Enter to go · ↑↓ to choose · Esc to close")
            yield Input(
                self._query, placeholder=_("Words to find (accents and case do not matter)"), id="search-input"
            )
            yield Static("", id="search-status", markup=False)
            yield OptionList(id="search-results", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._show_status()
        if self._query:
            self._search(self._query)
        else:
            self._prepare()

    @work(thread=True, group="search-index")
    def _prepare(self) -> None:
        """Fold the corpus while the user types the first letters."""
        search_index(self._articles)

    @property
    def hits(self) -> list[SearchHit]:
        """The results on show, best first."""
        return list(self._hits)

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        query = event.value
        self._timer = self.set_timer(DEBOUNCE, lambda: self._search(query))

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        hits = search_index(self._articles).search(query) if query.strip() else []
        self.app.call_from_thread(self._show, query, hits)

    def _show(self, query: str, hits: list[SearchHit]) -> None:
        if query != self.query_one(Input).value:
            return
        self._hits = hits
        results = self.query_one(OptionList)
        results.set_options(Option(result_prompt(self._articles, hit)) for hit in hits)
        if hits:
            results.highlighted = 0
        self._show_status()

    def _show_status(self) -> None:
        query = self.query_one(Input).value.strip()
        count = len(self._hits)
        if not query:
            total = len(self._articles)
            text = ngettext("Search {count} article.", "Search {count} articles.", total).format(
                count=format_number(total)
            )
        elif not count:
            text = _("Nothing found.")
        else:
            text = ngettext("{count} result, best first.", "{count} results, best first.", count).format(
                count=format_number(count)
            )
        self.query_one("#search-status", Static).update(text)

    def action_next_result(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_previous_result(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        self.action_go()

    def action_go(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is None or highlighted >= len(self._hits):
            self.notify(_("Nothing to go to: type a word first."), severity="warning")
            return
        self._go(self._hits[highlighted])

    @on(OptionList.OptionSelected, "#search-results")
    def _result_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_index < len(self._hits):
            self._go(self._hits[event.option_index])

    def _go(self, hit: SearchHit) -> None:
        self.dismiss((hit.article, 0 if hit.sentence is None else hit.sentence))

    def action_close(self) -> None:
        self.dismiss(None)
