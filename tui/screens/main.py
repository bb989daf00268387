"""The main screen: article list, reading pane and the "Same fact elsewhere" sidebar.

The screen owns the state (the corpus, where the cursor is, the link index) and binds
it down to the widgets; the widgets post small messages up (a highlight moved, a
sentence was clicked). Keys that move the cursor or the focus run as screen actions,
at once and in the order typed. Loading and matching run in a child process driven by
a thread worker that only posts messages.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from textual import getters, on, work
from textual.app import ComposeResult
from textual.containers import Container, Horizontal
from textual.reactive import Reactive, var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header
from textual.worker import get_current_worker

from tui import corpus_job
from tui.commands import IN_ORDER, Where, bindings, footer_widths, localize_bindings
from tui.engine.early_links import EarlyLinks
from tui.engine.link_index import DEFAULT_THRESHOLD, LinkIndex, Progress, build_index
from tui.engine.models import Article, Link, LoadResult, Skipped
from tui.engine.state import REJECT, LinkKey, StateStore, link_key, memory_state
from tui.engine.story_joins import join_key, with_joins
from tui.history import History, Location
from tui.i18n import N_, _, format_decimal, language_name, ngettext
from tui.idle_collection import IdleCollection
from tui.messages import (
    ArticlesLoaded,
    FileSkipped,
    IndexProgress,
    IndexReady,
    JobFailed,
    LoadFinished,
)
from tui.screens.fact_grid import FactGridScreen
from tui.screens.help import HelpScreen
from tui.screens.info import InfoScreen
from tui.screens.search import SearchScreen
from tui.screens.side_by_side import SideBySideScreen
from tui.visible_text import visible
from tui.widgets.article_list import ArticleList
from tui.widgets.footer import QuickFooter
from tui.widgets.reading_pane import ReadingPane
from tui.widgets.sidebar import MatchList, Sidebar, none_status, stepped_threshold, weaker_best

#: Articles read within this many seconds of the last list update reach the list
#: together; the first one, and any after a pause, come at once.
ARTICLE_BATCH_SECONDS = 0.05
#: Once the screen is full, a few updates a second: each redraws the screen (tens of
#: milliseconds whatever the batch), so at 10,000 articles small batches cost seconds.
LATER_BATCH_SECONDS = 0.25
#: How many articles arrive in small batches first.
FIRST_BATCH_ARTICLES = 100

#: The live objects are exempted from cycle collection (`gc.freeze`) once this many
#: articles have arrived, then each time their number has doubled, then when loading ends.
FIRST_FREEZE_ARTICLES = 500

#: The corpus job's failure messages (``tui.corpus_job``): English opening -> message,
#: the rest of the English text filling ``{detail}``.
JOB_FAILURES: dict[str, str] = {
    "Could not read the files: ": N_("Could not read the files: {detail}"),
    "Could not match the articles: ": N_("Could not match the articles: {detail}"),
    # TRANSLATORS: {detail} is the exit code and the closing bracket, "1)."
    "The background process stopped (exit code ": N_("The background process stopped (exit code {detail}"),
    "The background process stopped in the middle of a message.": N_(
        "The background process stopped in the middle of a message."
    ),
}


def job_failure_text(error: str) -> str:
    """A failure of the corpus job, in the interface language."""
    for opening, message in JOB_FAILURES.items():
        if error.startswith(opening):
            return _(message).format(detail=error[len(opening) :])
    return error


class MainScreen(Screen[None]):
    """Reads the user's files, then lets them read across outlets and languages."""

    BINDINGS = bindings(Where.ANYWHERE, exclude=("command_palette",))

    #: Textual's ``Screen.focused``, without its repaint of the whole screen: the panes
    #: that gain and lose focus restyle and repaint themselves, and repainting the rest
    #: as well was a third of an Enter or Tab press.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    articles: var[tuple[Article, ...]] = var(())
    skipped: var[tuple[Skipped, ...]] = var(())
    #: Articles and skipped files in the order they were read (for the list).
    entries: var[tuple[Article | Skipped, ...]] = var(())
    location: var[Location | None] = var(None)
    index: var[LinkIndex | None] = var(None)
    index_progress: var[Progress | None] = var(None)
    #: Links of the articles scored so far, shown until ``index`` is built.
    early_links: var[EarlyLinks | None] = var(None)
    evidence: var[tuple[tuple[int, int], ...]] = var(())
    corroboration: var[tuple[int, ...]] = var(())
    #: The confidence threshold the sidebar, the gutter and n/N/u follow (+ / -).
    min_score: var[float] = var(DEFAULT_THRESHOLD)
    ui_locale: var[str] = var("en")
    show_sidebar: var[bool] = var(True)
    #: The files are still being read. (Not ``loading``: that name is Textual's, and set
    #: on the screen it covers every pane with a spinner and disables them.)
    files_loading: var[bool] = var(True)
    #: Digests of the articles the user has read (kept in the state store).
    read: var[frozenset[str]] = var(frozenset())
    #: The user's verdicts on links, by ``link_key``.
    verdicts: var[Mapping[LinkKey, str]] = var(MappingProxyType({}))
    show_rejected: var[bool] = var(False)
    #: The article list shows only this language; ``None``: all.
    language: var[str | None] = var(None)

    article_list = getters.query_one("#articles", ArticleList)
    reading_pane = getters.query_one("#reader", ReadingPane)
    sidebar = getters.query_one("#sidebar", Sidebar)

    AUTO_FOCUS = "#articles"

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        ui_locale: str = "en",
        matcher: Callable[..., LinkIndex] = build_index,
        isolate: bool = True,
        state: StateStore | None = None,
    ) -> None:
        super().__init__()
        localize_bindings(self)
        self._paths = list(paths)
        self._matcher = matcher
        self._isolate = isolate
        self._state = state if state is not None else memory_state()
        self._messages_shown = 0
        self._history: History[Location] = History()
        self._cursors: dict[int, int] = {}
        self._freeze_at = FIRST_FREEZE_ARTICLES
        self._idle_collection = IdleCollection(self)
        #: The article on show, read by the corpus job's thread: linked next while the
        #: corpus is linked (`tui.engine.link_order`).
        self._reading: int | None = None
        self.set_reactive(MainScreen.ui_locale, ui_locale)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield ArticleList(id="articles").data_bind(
                MainScreen.entries,
                MainScreen.location,
                MainScreen.ui_locale,
                MainScreen.read,
                MainScreen.language,
                MainScreen.index,
                MainScreen.min_score,
            )
            with Container(id="reading-area"):
                yield ReadingPane(id="reader").data_bind(
                    MainScreen.articles,
                    MainScreen.location,
                    MainScreen.evidence,
                    MainScreen.corroboration,
                    MainScreen.ui_locale,
                )
                yield Sidebar(id="sidebar").data_bind(
                    MainScreen.articles,
                    MainScreen.location,
                    MainScreen.index,
                    MainScreen.ui_locale,
                    MainScreen.min_score,
                    MainScreen.verdicts,
                    MainScreen.show_rejected,
                    progress=MainScreen.index_progress,
                    early=MainScreen.early_links,
                )
        yield QuickFooter(reserve=footer_widths(IN_ORDER))

    def on_resize(self) -> None:
        """Under 120 columns the Footer tightens up so the main keys still fit."""
        footer = self.query_one(Footer)
        footer.compact = self.size.width < 120
        footer.show_command_palette = self.size.width >= 100

    def on_mount(self) -> None:
        self.article_list.border_title = _("Articles")
        self.read = frozenset(self._state.read_digests())
        self.verdicts = MappingProxyType(self._state.verdicts())
        self._report_state()
        self._refresh_list_subtitle()
        self._load_and_match(self._paths)

    def on_unmount(self) -> None:
        gc.unfreeze()

    def _exempt_from_collection(self) -> None:
        """Leave the objects alive now (the corpus: a million segments at 10,000
        articles) out of Python's cycle collection.

        They live as long as the screen, but each full collection walked them all and
        stopped every thread meanwhile: at 10,000 articles, for 0.2 to 1.5 seconds at a
        time while the corpus was matched, so a key waited that long. Their memory is
        still freed when they are dropped; the screen gives them back to the collector
        when it goes.
        """
        gc.freeze()

    @work(thread=True, exclusive=True, group="corpus")
    def _load_and_match(self, paths: list[Path]) -> None:
        """Drive the corpus job (a child process) and turn its events into messages."""
        worker = get_current_worker()
        result = LoadResult()
        pending: list[Article] = []
        flushed = [0.0]

        def flush() -> None:
            if pending:
                self.post_message(ArticlesLoaded(tuple(pending)))
                pending.clear()
            flushed[0] = time.monotonic()

        def emit(kind: str, value: Any) -> None:
            if kind == corpus_job.ARTICLE:
                result.articles.append(value)
                pending.append(value)
                wait = ARTICLE_BATCH_SECONDS if len(result.articles) <= FIRST_BATCH_ARTICLES else LATER_BATCH_SECONDS
                if time.monotonic() - flushed[0] >= wait:
                    flush()
                return
            flush()
            if kind == corpus_job.SKIPPED:
                result.skipped.append(value)
                self.post_message(FileSkipped(value))
            elif kind == corpus_job.LOADED:
                self.post_message(LoadFinished(result))
            elif kind == corpus_job.PROGRESS:
                self.post_message(IndexProgress(value))
            elif kind == corpus_job.INDEX:
                self.post_message(IndexReady(value))
            elif kind == corpus_job.FAILED:
                self.post_message(JobFailed(value))

        corpus_job.run_corpus_job(
            paths, self._matcher, emit, cancelled=lambda: worker.is_cancelled, use_process=self._isolate,
            wanted=lambda: self._reading,
        )

    @on(ArticlesLoaded)
    def _articles_loaded(self, message: ArticlesLoaded) -> None:
        self.articles = (*self.articles, *message.articles)
        self.entries = (*self.entries, *message.articles)
        if len(self.articles) >= self._freeze_at:
            self._freeze_at = 2 * len(self.articles)
            self._exempt_from_collection()
        if self.location is None:
            self._go(Location(0, self._cursor_for(0)), jump=True)
            if self.focused is None or self.focused is self.reading_pane:
                self.article_list.focus()
        self._refresh_list_subtitle()

    @on(FileSkipped)
    def _file_skipped(self, message: FileSkipped) -> None:
        skipped = message.skipped
        self.skipped = (*self.skipped, skipped)
        self.entries = (*self.entries, skipped)
        self.notify(
            visible(f"{skipped.path.name}: {skipped.reason}", one_line=True),
            title=_("Skipped a file"),
            severity="warning",
            markup=False,
        )
        self._refresh_list_subtitle()

    @on(LoadFinished)
    def _load_finished(self, message: LoadFinished) -> None:
        self.files_loading = False
        self.articles = tuple(message.result.articles)
        self.skipped = tuple(message.result.skipped)
        self._exempt_from_collection()
        if not self.articles:
            self.reading_pane.placeholder = _("No article could be read.")
        self._refresh_list_subtitle()
        if self.articles:
            self.index_progress = Progress("reading", 0, len(self.articles))

    @on(IndexProgress)
    def _index_progress(self, message: IndexProgress) -> None:
        if self.index is None:
            progress = self.index_progress = message.progress
            if progress.early is not None:
                early = self.early_links or EarlyLinks()
                self.early_links = early.with_part(progress.early, progress.total)

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        self.index_progress = None
        self.index = self._with_joins(message.index)
        self.early_links = None
        self._exempt_from_collection()

    @on(JobFailed)
    def _job_failed(self, message: JobFailed) -> None:
        self.index_progress = None
        self.early_links = None
        self.files_loading = False
        self._refresh_list_subtitle()
        self.notify(visible(job_failure_text(message.error)), severity="error", markup=False)

    def _refresh_list_subtitle(self) -> None:
        count = len(self.articles)
        parts = [ngettext("{count} article", "{count} articles", count).format(count=count)]
        if self.skipped:
            parts.append(_("{count} skipped").format(count=len(self.skipped)))
        if self.language:
            parts.append(_("{language} only").format(language=language_name(self.language)))
        if self.files_loading:
            parts.append(_("loading…"))
        self.article_list.border_subtitle = " · ".join(parts)

    def _go(self, location: Location, *, jump: bool = False) -> None:
        """Move the reader to ``location``; a jump adds a step to the history.

        The Footer is rebuilt only when Back, Forward or Info change state: rebuilding
        it on every cursor move cost more than the rest of the move together.
        """
        keys_before = self._key_states()
        if jump:
            if self.location is not None:
                self._history.update(self.location)
            self._history.visit(location)
        else:
            self._history.update(location)
        self._cursors[location.article] = location.sentence
        self.location = location
        if self._key_states() != keys_before:
            self.refresh_bindings()
        self._idle_collection.moved()

    def _key_states(self) -> tuple[bool, bool, bool]:
        """Whether Back, Forward and Info can run (what the Footer greys out)."""
        return self._history.can_go_back, self._history.can_go_forward, self.location is not None

    def watch_location(self, old: Location | None, new: Location | None) -> None:
        self._reading = None if new is None else new.article
        self._save_cursor(new)
        if old is None or new is None or old.article != new.article:
            self._refresh_corroboration()

    def watch_index(self) -> None:
        self._refresh_corroboration()

    def watch_min_score(self) -> None:
        self._refresh_corroboration()

    def _refresh_corroboration(self) -> None:
        index, location = self.index, self.location
        if index is None or location is None or location.article >= len(self.articles):
            self.corroboration = ()
            return
        article = self.articles[location.article]
        self.corroboration = tuple(
            index.corroboration(location.article, sentence, self.min_score)
            for sentence in range(article.sentence_count)
        )

    def watch_show_sidebar(self, show: bool) -> None:
        sidebar = self.sidebar
        if not show and sidebar.has_focus_within:
            self.set_focus(self.reading_pane)
        sidebar.display = show

    @on(ArticleList.ArticleHighlighted)
    def _article_highlighted(self, message: ArticleList.ArticleHighlighted) -> None:
        if self.article_list.highlighted_article != message.index:
            return  # the highlight has moved on since: a stale message
        if self.location is None or self.location.article != message.index:
            self._go(Location(message.index, self._cursor_for(message.index)))

    @on(ArticleList.ArticleChosen)
    def _article_chosen(self, message: ArticleList.ArticleChosen) -> None:
        self._read(message.index)

    def action_read_highlighted(self) -> None:
        """Enter in the list: read that article (at once, so the next keys reach it)."""
        index = self.article_list.highlighted_article
        if index is not None:
            self._read(index)

    def _read(self, index: int) -> None:
        self._mark_read(index)
        if self.location is None or self.location.article != index:
            self._go(Location(index, self._cursor_for(index)), jump=True)
        self.set_focus(self.reading_pane)

    def action_move(self, move: str) -> None:
        """A cursor key in the reading pane: move at once, the sidebar follows."""
        target = self.reading_pane.target(move)
        if target is not None and target != self.location:
            self._go(target)

    @on(ReadingPane.Moved)
    def _cursor_moved(self, message: ReadingPane.Moved) -> None:
        if self.location is not None and message.location.article != self.location.article:
            return  # a move made before a jump elsewhere was handled: stale
        self._go(message.location)

    def action_open_best(self) -> None:
        """Enter in the reading pane: jump to the best match of the cursor's sentence."""
        location = self.location
        if location is None or self.reading_pane.article is None:
            return
        if self.index is not None:
            links = self.index.links_for(location.article, location.sentence, self.min_score)
        elif self.early_links is not None and self.early_links.covers(location.article):
            links = self.early_links.links_for(location.article, location.sentence, self.min_score)
        else:
            self.notify(_("Still finding the same facts elsewhere; try again in a moment."))
            return

        def kept(link: Link) -> bool:
            return self.verdicts.get(link_key(self.articles, link)) != REJECT

        links = [link for link in links if kept(link)]
        if not links:
            weaker = weaker_best(self.index, location, self.min_score, len(self.articles), kept) if self.index else None
            self.notify(none_status(weaker, self.min_score))
            return
        self._open(links[0].target, links[0].target_sentence)

    def action_open_highlighted_match(self) -> None:
        """Enter in the sidebar: read the match under its cursor."""
        link = self.sidebar.highlighted_link
        if link is not None:
            self._open(link.target, link.target_sentence)

    @on(Sidebar.OpenLink)
    def _open_link(self, message: Sidebar.OpenLink) -> None:
        self._open(message.link.target, message.link.target_sentence)

    @on(Sidebar.LinkHighlighted)
    def _link_highlighted(self, message: Sidebar.LinkHighlighted) -> None:
        link = message.link
        self.evidence = link.evidence.source_spans if link is not None else ()
        if link is None and (self.focused is None or isinstance(self.focused, MatchList)):
            # The list emptied under the keyboard (its last match rejected): the
            # reading pane takes the keys rather than nothing.
            self.set_focus(self.reading_pane)

    def _open(self, article: int, sentence: int) -> None:
        """Jump to a sentence of another article and read it there."""
        if article >= len(self.articles):
            return
        self._go(Location(article, sentence), jump=True)
        self._mark_read(article)
        self.set_focus(self.reading_pane)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return True if self._history.can_go_back else None
        if action == "forward":
            return True if self._history.can_go_forward else None
        if action == "info":
            location = self.location
            return True if location is not None and location.article < len(self.articles) else None
        return True

    def action_back(self) -> None:
        location = self._history.back()
        if location is not None:
            self._cursors[location.article] = location.sentence
            self.location = location
        self.refresh_bindings()

    def action_forward(self) -> None:
        location = self._history.forward()
        if location is not None:
            self._cursors[location.article] = location.sentence
            self.location = location
        self.refresh_bindings()

    def action_threshold(self, steps: int) -> None:
        """+ / -: show only surer matches, or less sure ones too."""
        threshold = stepped_threshold(self.min_score, steps)
        if threshold == self.min_score:
            message = (
                _("The threshold is already at its highest: {threshold}.")
                if steps > 0
                else _("The threshold is already at its lowest: {threshold}.")
            )
            self.notify(message.format(threshold=format_decimal(threshold)))
        self.min_score = threshold

    def _cursor_for(self, index: int) -> int:
        """Where article ``index`` opens: where the reader left it, this run or before."""
        if index in self._cursors:
            return self._cursors[index]
        if index >= len(self.articles):
            return 0
        article = self.articles[index]
        saved = self._state.cursor(article.digest)
        return min(saved, max(article.sentence_count - 1, 0)) if saved is not None else 0

    def _save_cursor(self, location: Location | None) -> None:
        if location is not None and location.article < len(self.articles):
            self._state.set_cursor(self.articles[location.article].digest, location.sentence)
            self._report_state()

    def _mark_read(self, index: int, read: bool = True) -> None:
        if index >= len(self.articles):
            return
        digest = self.articles[index].digest
        if (digest in self.read) != read:
            self._state.set_read(digest, read)
            self.read = (self.read | {digest}) if read else (self.read - {digest})
            self._report_state()

    def _report_state(self) -> None:
        """Show what happened to the state file since the last look (moved aside, unwritable)."""
        messages = self._state.messages
        for message in messages[self._messages_shown :]:
            self.notify(visible(message), title=_("Saved state"), severity="warning", markup=False, timeout=10)
        self._messages_shown = len(messages)

    def action_toggle_read(self) -> None:
        """m in the list: mark the highlighted article read or unread."""
        index = self.article_list.highlighted_article
        if index is not None and index < len(self.articles):
            self._mark_read(index, self.articles[index].digest not in self.read)

    def action_cycle_language(self) -> None:
        """l in the list: all languages, then each language present, then all again."""
        choices = [None, *dict.fromkeys(a.language for a in self.articles if a.language)]
        at = choices.index(self.language) if self.language in choices else 0
        self.language = choices[(at + 1) % len(choices)]
        self._refresh_list_subtitle()
        shown = self.article_list.shown_articles
        if shown and (self.location is None or self.location.article not in shown):
            self._go(Location(shown[0], self._cursor_for(shown[0])))

    def action_verdict(self, verdict: str) -> None:
        """y / d in the sidebar: confirm or reject the match; the same key again forgets it."""
        link = self.sidebar.highlighted_link
        if link is None:
            return
        key = link_key(self.articles, link)
        chosen = None if self.verdicts.get(key) == verdict else verdict
        self._state.set_verdict(key, chosen)
        verdicts = {k: v for k, v in self.verdicts.items() if k != key}
        if chosen is not None:
            verdicts[key] = chosen
        self.verdicts = MappingProxyType(verdicts)
        self._report_state()

    def _with_joins(self, index: LinkIndex) -> LinkIndex:
        """``index`` with the stories the user joined by hand (`tui.engine.story_joins`)."""
        return with_joins(index, self._state.story_joins())

    def action_join_story(self, which: str) -> None:
        """J: the article of the match (the sidebar's ``"chosen"`` one, or the ``"best"``
        listed, from the reading pane) reports the same event as this one, so their
        stories become one; J again on a match of the two articles undoes it."""
        index = self.index
        if index is None:
            self.notify(_("Stories are known once matching is done."), severity="warning")
            return
        listed = self.sidebar.links
        link = self.sidebar.highlighted_link if which == "chosen" else (listed[0] if listed else None)
        if link is None:
            self.notify(_("This sentence has no match listed: J joins a match's story with this article's."))
            return
        digest, other = self.articles[link.source].digest, self.articles[link.target].digest
        if join_key(digest, other) in self._state.story_joins():
            self._state.set_story_join(digest, other, joined=False)
            self.index = self._with_joins(index)
            self.notify(_("The two articles' stories are as the matcher found them again."))
        elif index.stories[link.source] == index.stories[link.target]:
            self.notify(_("The two articles are already one story."))
        else:
            self._state.set_story_join(digest, other)
            self.index = index = self._with_joins(index)
            story = index.stories[link.source]
            count = sum(1 for s in index.stories if s == story)
            self.notify(
                ngettext(
                    "Joined: one story of {count} article (J again undoes it).",
                    "Joined: one story of {count} articles (J again undoes it).",
                    count,
                ).format(count=count)
            )
        self._report_state()

    def action_toggle_rejected(self) -> None:
        """r in the sidebar: list the rejected matches too (marked), or hide them again."""
        self.show_rejected = not self.show_rejected
        self.notify(
            _("Rejected matches are listed, marked ✗.") if self.show_rejected else _("Rejected matches are hidden.")
        )

    def action_toggle_sidebar(self) -> None:
        self.show_sidebar = not self.show_sidebar

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_info(self) -> None:
        article = self.reading_pane.article
        if article is not None:
            self.app.push_screen(InfoScreen(article, self.ui_locale))

    def action_open_link(self) -> None:
        """o: open the article's original link in the browser, or say there is none."""
        article = self.reading_pane.article
        if article is None:
            self.notify(_("Open an article first."))
            return
        if not article.url:
            self.notify(
                _("This article has no original link: it came from a file without one."),
                severity="warning",
            )
            return
        self.app.open_url(article.url)
        self.notify(visible(article.url, one_line=True), title=_("Opening in the browser"), markup=False)

    def action_search(self) -> None:
        self.app.push_screen(SearchScreen(self.articles), self._open_chosen)

    def action_side_by_side(self) -> None:
        location = self.location
        if location is None or location.article >= len(self.articles) or not self.articles[location.article].sentences:
            self.notify(_("Open an article with sentences first."))
            return
        screen = SideBySideScreen(self.articles, self.index, location.article, location.sentence, self.ui_locale)
        self.app.push_screen(screen, self._open_chosen)

    def action_fact_grid(self) -> None:
        location = self.location
        if self.index is None or location is None or location.article >= len(self.articles):
            self.notify(_("Still finding the same facts elsewhere; try again in a moment."))
            return
        self.app.push_screen(FactGridScreen(self.index, location.article, location.sentence), self._open_chosen)

    def _open_chosen(self, target: tuple[int, int] | None) -> None:
        """Where a search, side-by-side or fact-grid window asked to go."""
        if target is not None:
            self._open(*target)
