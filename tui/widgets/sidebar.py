"""The "Same fact elsewhere" sidebar: sentences of other articles stating the same fact.

It follows the reading pane's cursor: the screen binds ``location``; the links come
from the matcher's ``LinkIndex``, best first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.geometry import Size
from textual.reactive import Reactive, var
from textual.widgets import OptionList, ProgressBar
from textual.widgets.option_list import Option

from tui.commands import Where, bindings, localize_bindings
from tui.engine.early_links import EarlyLinks
from tui.engine.link_index import DEFAULT_THRESHOLD, KEEP_FLOOR, LinkIndex, Progress
from tui.engine.models import Article, Link
from tui.engine.state import CONFIRM, REJECT, LinkKey, link_key
from tui.history import Location
from tui.i18n import N_, _, format_date, format_decimal, format_number, format_percent, language_name, ngettext
from tui.text_layout import wrap
from tui.visible_text import visible, visible_spans

BAR_CELLS = 10
#: Cells of an article's title where it stands for an outlet the text does not name.
SOURCE_TITLE_CELLS = 18
#: How far one + or - moves the confidence threshold, and the highest it goes.
THRESHOLD_STEP = 0.05
MAX_THRESHOLD = 0.95
TITLE = N_("Same fact elsewhere")
#: What the index building is doing, by ``Progress.stage``.
STAGES: dict[str, str] = {
    "reading": N_("reading"),
    "indexing": N_("indexing"),
    "linking": N_("linking"),
    "finishing": N_("finishing"),
}
#: Discrepancy kinds, as the matcher names them.
DISCREPANCY_KINDS: dict[str, str] = {"number": N_("number"), "date": N_("date")}


def _covers(early: EarlyLinks | None, article: int) -> bool:
    return early is not None and early.covers(article)


def _part(early: EarlyLinks | None, article: int) -> object | None:
    return early.part_of(article) if early is not None else None


def stepped_threshold(current: float, steps: int) -> float:
    """The threshold ``steps`` steps of 0.05 from ``current``, kept within what the
    index holds (weaker links are not kept) and 0.95."""
    return round(min(max(current + steps * THRESHOLD_STEP, KEEP_FLOOR), MAX_THRESHOLD), 2)


def sidebar_title(min_score: float) -> str:
    """The sidebar's title names the threshold, so a thin list is never a mystery."""
    return f"{_(TITLE)} · ≥ {format_decimal(min_score)}"


def weaker_best(
    index: LinkIndex,
    location: Location,
    min_score: float,
    n_articles: int,
    shown: Callable[[Link], bool] = lambda _link: True,
) -> float | None:
    """The best score under ``min_score`` of the sentence's links that the index keeps
    and ``shown`` lets through (a rejected match stays hidden), if it has any: what
    `-` would bring into view."""
    return max(
        (
            link.score
            for link in index.links_for(location.article, location.sentence, KEEP_FLOOR)
            if link.score < min_score and link.target < n_articles and shown(link)
        ),
        default=None,
    )


def none_status(weaker: float | None, min_score: float) -> str:
    """Why no match is listed: none at all, or none as sure as the threshold asks."""
    if weaker is None:
        return _("No counterpart found for this sentence.")
    return _("No counterpart at ≥ {threshold}; the best weaker match scores {score} (- lowers the threshold).").format(
        threshold=format_decimal(min_score), score=format_decimal(weaker)
    )


def confidence_bar(score: float) -> Content:
    """A ten-cell bar and the percentage: how sure the matcher is."""
    filled = round(max(0.0, min(score, 1.0)) * BAR_CELLS)
    return Content.assemble(
        ("━" * filled, "$text-primary"),
        ("━" * (BAR_CELLS - filled), "$foreground-disabled"),
        (" " + format_percent(round(score, 2)).rjust(4), "$foreground-muted"),
    )


#: How the user's verdict on a match shows at the start of its entry.
VERDICT_MARKS: dict[str, tuple[str, str]] = {
    CONFIRM: (N_("✓ confirmed"), "$text-success bold"),
    REJECT: (N_("✗ rejected"), "$text-error bold"),
}


def discrepancy_text(kind: str, here: str, there: str) -> str:
    """"number: 200 here, 300 there" in the interface language."""
    return _("{kind}: {here} here, {there} there").format(
        kind=_(DISCREPANCY_KINDS.get(kind, kind)),
        here=visible(here, one_line=True),
        there=visible(there, one_line=True),
    )


def source_title(article: Article) -> str:
    """The article's title, clipped, where it stands for an unnamed outlet: two matches
    from two articles of unknown outlet are told apart."""
    title = visible(article.title, one_line=True).strip() or article.path.name
    rows = wrap(title, 0, len(title), SOURCE_TITLE_CELLS - 1)
    if len(rows) <= 1:
        return title
    return title[rows[0][0] : rows[0][1]].rstrip() + "…"


def link_prompt(
    link: Link, articles: tuple[Article, ...], ui_locale: str, verdict: str | None = None
) -> Content:
    """Where the match is (its outlet, or its article's title when the text names no
    outlet), how sure, any disagreement, and the sentence itself."""
    target = articles[link.target]
    outlet = visible(target.outlet, one_line=True) if target.outlet else source_title(target)
    language = language_name(target.language) if target.language else _("language unknown")
    date = format_date(target.date, "medium") if target.date else _("date unknown")
    mark = [(_(VERDICT_MARKS[verdict][0]) + "  ", VERDICT_MARKS[verdict][1])] if verdict in VERDICT_MARKS else []
    parts: list[Content | tuple[str, str] | str] = [
        *mark,
        (outlet, "bold"),
        (f" · {language} · {date}", "$foreground-muted"),
        "\n",
        confidence_bar(link.score),
    ]
    if link.discrepancies:
        parts.append((f"  {_('disagrees')} ", "$text-error bold"))
    if link.cross_story:
        parts.append((f"  {_('other story')} ", "$text-warning bold"))
    parts.append("\n")
    sentence = target.sentences[link.target_sentence]
    shown, spans = visible_spans(
        target.text, sentence.start, sentence.end, link.evidence.target_spans
    )
    text = Content(shown)
    for start, end in spans:
        text = text.stylize("$text-accent underline", start, end)
    parts.append(text)
    for discrepancy in link.discrepancies:
        parts.append("\n")
        parts.append(
            (discrepancy_text(discrepancy.kind, discrepancy.source_value, discrepancy.target_value), "$text-error")
        )
    return Content.assemble(*parts)


class MatchList(OptionList):
    """The matches, best first, under a line that says what they are (the status: an
    option that cannot be chosen); Enter opens one.

    The status is the list's first option rather than a widget of its own: a status
    that wraps to another height then changes only the list's content, where a widget
    above the list changed the sidebar's layout, and Textual lays the whole screen out
    again for that (at 10,000 articles, about half the keys that moved the cursor).
    """

    BINDINGS = bindings(Where.SIDEBAR)

    DEFAULT_CSS = """
    MatchList > .option-list--option { padding: 0 1; }
    MatchList > .option-list--option-disabled { color: $foreground-muted; }
    """

    #: The matches' height in rows. Textual's own ``virtual_size`` lays out the whole
    #: screen again when it changes (every new list of matches); the list's size never
    #: depends on it, so here it only repaints (`OptionList` updates the scrollbar, and
    #: a scrollbar appearing or going still lays the screen out).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        localize_bindings(self)


class Sidebar(Vertical):
    """Lists, for the sentence under the cursor, the matching sentences elsewhere."""

    DEFAULT_CSS = """
    Sidebar {
        #sidebar-progress { padding: 0 1; display: none; }
        &.-building #sidebar-progress { display: block; }
        MatchList { border: none; height: 1fr; background: transparent; }
    }
    """

    articles: var[tuple[Article, ...]] = var(())
    location: var[Location | None] = var(None)
    index: var[LinkIndex | None] = var(None)
    #: How far index building has come; ``None`` when not building.
    progress: var[Progress | None] = var(None)
    #: Links of the articles scored so far, listed while ``index`` is not built yet.
    early: var[EarlyLinks | None] = var(None)
    ui_locale: var[str] = var("en")
    #: The user's verdicts on links (see ``tui.engine.state.link_key``).
    verdicts: var[Mapping[LinkKey, str]] = var(MappingProxyType({}))
    #: Whether rejected links are listed (marked) rather than hidden.
    show_rejected: var[bool] = var(False)
    #: Links scoring under this are not shown (the user moves it with + and -).
    min_score: var[float] = var(DEFAULT_THRESHOLD)

    @dataclass
    class LinkHighlighted(Message):
        """The match in focus changed (``None``: there is none)."""

        link: Link | None

    @dataclass
    class OpenLink(Message):
        """The user wants to read ``link``'s target at its sentence."""

        link: Link

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._links: list[Link] = []
        #: Option id -> link; ids change with every refresh, so stale events find nothing.
        self._by_option: dict[str, Link] = {}
        self._generation = 0
        #: How many rejected links are hidden for the sentence under the cursor.
        self._hidden = 0
        #: The status line's text, so that showing it again costs nothing.
        self._status_shown: str | None = None

    def compose(self) -> ComposeResult:
        yield ProgressBar(id="sidebar-progress", show_eta=False)
        yield MatchList(id="sidebar-matches")

    @property
    def links(self) -> list[Link]:
        """The matches on show, best first."""
        return list(self._links)

    @property
    def status(self) -> str:
        """The line above the matches: what they are, or why there are none."""
        return self._status_shown or ""

    @property
    def highlighted_link(self) -> Link | None:
        """The match under the sidebar's cursor, if any."""
        option = self.query_one(MatchList).highlighted_option
        return self._link_of(option) if option is not None else None

    def on_mount(self) -> None:
        self.border_title = sidebar_title(self.min_score)
        self._refresh_links()

    def watch_min_score(self, min_score: float) -> None:
        self.border_title = sidebar_title(min_score)
        self._refresh_links()

    def watch_location(self) -> None:
        self._refresh_links()

    def watch_verdicts(self) -> None:
        self._refresh_links(keep=self._highlighted_position())

    def watch_show_rejected(self) -> None:
        self._refresh_links(keep=self._highlighted_position())

    def watch_index(self) -> None:
        self._refresh_links()

    def watch_ui_locale(self) -> None:
        self._refresh_links()

    def watch_progress(self, progress: Progress | None) -> None:
        self.set_class(progress is not None, "-building")
        if progress is not None and self.is_mounted:
            self.query_one(ProgressBar).update(total=max(progress.total, 1), progress=progress.done)
        self._refresh_status()

    def watch_early(self, old: EarlyLinks | None, new: EarlyLinks | None) -> None:
        """List the early links once the cursor's article has them, and again when
        they change (a newer provisional part, or the linked one that replaces it);
        otherwise only the status changes (a part for another article must not move
        the sidebar's cursor)."""
        location = self.location
        if location is not None and _part(old, location.article) is not _part(new, location.article):
            self._refresh_links(keep=self._highlighted_position())
        else:
            self._refresh_status()

    def _refresh_links(self, keep: int = 0) -> None:
        """List the links of the cursor's sentence, highlighting the ``keep``-th."""
        if not self.is_mounted:
            return
        index, location = self.index, self.location
        links: list[Link] = []
        if location is not None and (index is not None or self.early is not None):
            source = index if index is not None else self.early
            links = [
                link
                for link in source.links_for(location.article, location.sentence, self.min_score)  # type: ignore[union-attr]
                if link.target < len(self.articles)
            ]
        self._hidden = 0
        if not self.show_rejected:
            kept = [link for link in links if self._listed(link)]
            self._hidden, links = len(links) - len(kept), kept
        self._links = links
        matches = self.query_one(MatchList)
        self._generation += 1
        self._by_option = {}
        self._status_shown = self._status_text()
        options: list[Option | None] = [Option(Content(self._status_shown), disabled=True)]
        for n, link in enumerate(links):
            option_id = f"link-{self._generation}-{n}"
            self._by_option[option_id] = link
            if n:
                options.append(None)
            options.append(Option(link_prompt(link, self.articles, self.ui_locale, self._verdict(link)), id=option_id))
        matches.set_options(options)
        if links:
            with matches.prevent(OptionList.OptionHighlighted):
                matches.highlighted = min(keep, len(links) - 1) + 1  # the status comes first
        # Tab passes over a list with nothing to choose (hiding it would cost a layout).
        matches.can_focus = bool(links)
        self.post_message(self.LinkHighlighted(self.highlighted_link if links else None))

    def _refresh_status(self) -> None:
        """Show the status again (the progress or the early links moved on)."""
        if not self.is_mounted:
            return
        text = self._status_text()
        if text != self._status_shown:
            self._status_shown = text
            self.query_one(MatchList).replace_option_prompt_at_index(0, Content(text))

    def _status_text(self) -> str:
        """What the matches listed are, or why there are none."""
        article = self._article()
        if self.index is None:
            location = self.location
            if location is not None and _covers(self.early, location.article):
                return self._early_status()
            if self.progress is not None:
                stage = _(STAGES.get(self.progress.stage, self.progress.stage))
                return _("Finding the same facts elsewhere ({stage})…").format(stage=stage)
            return _("Waiting for the articles to load…")
        if article is None:
            return _("No article open.")
        if not article.sentences:
            return _("This article has no sentences to match.")
        if not self._links and self._hidden:
            return self._hidden_status()
        location = self.location
        assert location is not None
        if not self._links:
            weaker = weaker_best(self.index, location, self.min_score, len(self.articles), self._listed)
            return none_status(weaker, self.min_score)
        sources = self.index.corroboration(location.article, location.sentence, self.min_score)
        if sources:
            return ngettext("Stated by {count} other source:", "Stated by {count} other sources:", sources).format(
                count=sources
            )
        if any(link.cross_story for link in self._links):
            # Reports of one event the matcher kept apart: say how to join them.
            return _("Only similar sentences, from other stories or the same source (J on one: the same event):")
        return _("Only similar sentences, from other stories or the same source:")

    def _early_status(self) -> str:
        """What the early links are, and how far linking has come; for provisional
        links, this article's matches among the articles read so far, before linking
        starts (`tui.engine.provisional_links`)."""
        early = self.early
        assert early is not None
        location = self.location
        read = early.articles_read(location.article) if location is not None else None
        if read is not None:
            progress = _("{done} of {total} articles read").format(
                done=format_number(read), total=format_number(early.total)
            )
            listed = _("First matches among the articles read so far ({progress}); more may come:")
            unmatched = _("No match yet among the articles read so far ({progress}); still reading…")
        else:
            progress = _("{done} of {total} articles linked").format(
                done=format_number(early.articles_linked), total=format_number(early.total)
            )
            listed = _("Early matches, before every article is linked ({progress}); scores may still change:")
            unmatched = _("No early match for this sentence ({progress}); still linking the rest…")
        if self._links:
            return listed.format(progress=progress)
        if self._hidden:
            return self._hidden_status()
        return unmatched.format(progress=progress)

    def _hidden_status(self) -> str:
        """Why the list is empty when every match of the sentence was rejected."""
        return ngettext(
            "{count} rejected match hidden; r shows it.",
            "{count} rejected matches hidden; r shows them.",
            self._hidden,
        ).format(count=self._hidden)

    def _article(self) -> Article | None:
        location = self.location
        if location is None or location.article >= len(self.articles):
            return None
        return self.articles[location.article]

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        link = self._link_of(event.option)
        if link is not None:
            self.post_message(self.LinkHighlighted(link))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        link = self._link_of(event.option)
        if link is not None:
            self.post_message(self.OpenLink(link))

    def _link_of(self, option: Option) -> Link | None:
        return self._by_option.get(option.id or "")

    def _verdict(self, link: Link) -> str | None:
        return self.verdicts.get(link_key(self.articles, link)) if self.verdicts else None

    def _listed(self, link: Link) -> bool:
        """Is ``link`` listed: not rejected, or rejected ones are shown (r)."""
        return self.show_rejected or self._verdict(link) != REJECT

    def _highlighted_position(self) -> int:
        if not self.is_mounted:
            return 0
        link = self.highlighted_link
        return self._links.index(link) if link in self._links else 0
