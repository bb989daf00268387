"""The reading pane: one article, wrapped, with a cursor on one sentence at a time.

Built on the Line API: the article is laid out once per width (``text_layout``) and
each row is drawn from the text's offsets, so the cursor highlight is exactly the
sentence, article text is never parsed as markup, and scrolling to the cursor is a
row lookup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment as RichSegment
from rich.style import Style
from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive, var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.commands import Where, bindings, localize_bindings
from tui.engine.models import Article, SegmentKind
from tui.history import Location
from tui.i18n import N_, _, format_date, language_name, ngettext
from tui.text_layout import ArticleLayout, SegmentLookup, Source, char_width, layout_article
from tui.visible_text import visible, visible_char, visible_run

#: Cells on the left of each row for the "stated elsewhere" count.
GUTTER = 3
#: Rows kept visible above and below the cursor's sentence when scrolling.
SCROLL_CONTEXT = 2
#: Longest line of text: beyond this, lines get hard to follow on a wide terminal.
MEASURE = 90
#: The gutter mark of a sentence no other source states.
ONLY_HERE = "·"
#: Cursor moves that look for a kind of sentence: (stated elsewhere?, direction).
FOUND_MOVES: dict[str, tuple[bool, int]] = {
    "next_found": (True, +1),
    "previous_found": (True, -1),
    "next_only_here": (False, +1),
}
#: What n / N / u say when they find nothing: (no other such sentence, none at all).
NOT_FOUND: dict[bool, tuple[str, str]] = {
    True: (
        N_("No other sentence of this article is stated elsewhere."),
        N_("No sentence of this article is stated elsewhere."),
    ),
    False: (
        N_("No other sentence of this article is found only here."),
        N_("No sentence of this article is found only here."),
    ),
}


@dataclass(frozen=True, slots=True)
class RowStyles:
    """The styles the rows are drawn with, worked out once for all the rows of a frame
    (per row, asking Textual for them took a third of drawing the pane)."""

    base: Style
    title: Style
    placeholder: Style
    gutter: Style
    only_here: Style
    kinds: dict[SegmentKind, Style]
    caption: Style
    cursor: Style
    evidence: Style


class ReadingPane(ScrollView, can_focus=True):
    """Shows the article at ``location`` with the cursor on its sentence.

    The screen owns ``location`` and runs the cursor keys (asking ``target`` where a
    move goes), so the list and the sidebar follow every key at once.
    """

    BINDINGS = bindings(Where.READER)

    COMPONENT_CLASSES = {
        "reading-pane--title",
        "reading-pane--heading",
        "reading-pane--credit",
        "reading-pane--dateline",
        "reading-pane--caption",
        "reading-pane--cursor",
        "reading-pane--evidence",
        "reading-pane--gutter",
        "reading-pane--only-here",
        "reading-pane--placeholder",
    }

    DEFAULT_CSS = """
    ReadingPane {
        background: $surface;
        & > .reading-pane--title { text-style: bold; color: $text-primary; }
        & > .reading-pane--heading { text-style: bold; color: $text; }
        & > .reading-pane--credit { color: $text-muted; }
        & > .reading-pane--dateline { color: $text-muted; }
        & > .reading-pane--caption { color: $text-muted; text-style: italic; }
        & > .reading-pane--cursor { background: $primary 25%; }
        & > .reading-pane--evidence { text-style: underline; color: $text-accent; }
        & > .reading-pane--gutter { color: $text-accent; }
        & > .reading-pane--only-here { color: $text-muted; }
        & > .reading-pane--placeholder { color: $text-muted; text-style: italic; }
        &:focus > .reading-pane--cursor { background: $primary 45%; }
    }
    """

    #: The text's size in rows and cells. Textual's own ``virtual_size`` lays out the
    #: whole screen again when it changes, which repainted all three panes on every
    #: article change; the pane's size never depends on it, so here it only repaints
    #: (``_relayout`` updates the scrollbar, and a scrollbar appearing or going still
    #: lays the screen out).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    articles: var[tuple[Article, ...]] = var(())
    location: var[Location | None] = var(None)
    #: Spans (text offsets) to underline: the evidence of the link in focus.
    evidence: var[tuple[tuple[int, int], ...]] = var(())
    #: Per sentence of the shown article: how many other sources state it (empty
    #: until the link index is built).
    corroboration: var[tuple[int, ...]] = var(())
    #: What to say when there is no article to show.
    placeholder: var[str] = var(N_("Loading articles…"))
    ui_locale: var[str] = var("en")

    @dataclass
    class Moved(Message):
        """The user clicked a sentence: the screen decides and updates ``location``."""

        location: Location

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        localize_bindings(self)
        self._layout: ArticleLayout | None = None
        self._lookup: SegmentLookup | None = None
        #: Row -> the sentences whose text starts on it.
        self._starting_on: dict[int, list[int]] = {}
        #: A page move's scroll position, applied when the screen moves the cursor there.
        self._scroll_after: tuple[Location, int] | None = None
        #: The row styles while a frame is drawn (``render_lines``).
        self._row_styles: RowStyles | None = None

    @property
    def article(self) -> Article | None:
        """The article on show, if any."""
        location = self.location
        if location is None or location.article >= len(self.articles):
            return None
        return self.articles[location.article]

    @property
    def layout(self) -> ArticleLayout | None:
        """The current wrapped layout (for tests and scrolling)."""
        return self._layout

    @property
    def current_sentence_text(self) -> str | None:
        """Text of the sentence under the cursor."""
        article, location = self.article, self.location
        if article is None or location is None or not article.sentences:
            return None
        return article.sentence_text(location.sentence)

    def _text_width(self) -> int:
        """The wrapping width, the same with or without the vertical scrollbar: the text
        is laid out before it knows whether it will scroll, and the scrollbar's
        appearing sends no resize (so a width that counted on its space would clip)."""
        width = self.scrollable_content_region.width
        if not self.show_vertical_scrollbar:
            width -= self.styles.scrollbar_size_vertical
        return min(max(width - GUTTER, 10), MEASURE)

    def _relayout(self) -> None:
        article = self.article
        if article is None:
            self._layout, self._lookup, self._starting_on = None, None, {}
            self.virtual_size = Size(0, 1)
        else:
            self._layout = layout_article(article, self._text_width())
            self._lookup = SegmentLookup(article.segments)
            self._starting_on = {}
            for index, (first, _last) in enumerate(self._layout.sentence_rows):
                self._starting_on.setdefault(first, []).append(index)
            self.virtual_size = Size(self._text_width() + GUTTER, len(self._layout.lines))
        self._scroll_update(self.virtual_size)
        self.refresh()

    def watch_articles(self, old: tuple[Article, ...], new: tuple[Article, ...]) -> None:
        location = self.location
        if location is not None and (location.article >= len(old)) != (location.article >= len(new)):
            self._relayout()
            self._update_titles()

    def watch_location(self, old: Location | None, new: Location | None) -> None:
        if old is None or new is None or old.article != new.article or self._layout is None:
            self._relayout()
            self._update_titles()
            self.scroll_to(y=0, animate=False, immediate=True)
        elif old.sentence != new.sentence:
            # Only the two sentences change colour; a scroll below repaints the rest.
            self._refresh_sentence(old.sentence)
            self._refresh_sentence(new.sentence)
        if self._scroll_after is not None and self._scroll_after[0] == new:
            self.scroll_to(y=self._scroll_after[1], animate=False, immediate=True)
        self._scroll_after = None
        self._keep_cursor_in_view()

    def _refresh_sentence(self, sentence: int) -> None:
        """Repaint the rows of one sentence (a full repaint costs most of a cursor move)."""
        layout = self._layout
        if layout is None or not 0 <= sentence < len(layout.sentence_rows):
            self.refresh()
            return
        first, last = layout.sentence_rows[sentence]
        self.refresh_lines(first, last - first + 1)

    def watch_ui_locale(self) -> None:
        self._update_titles()

    def _update_titles(self) -> None:
        """Outlet, language and date above the text; the file below it."""
        article = self.article
        if article is None:
            self.border_title, self.border_subtitle = _("Reading"), None
            return
        outlet = visible(article.outlet, one_line=True) if article.outlet else _("outlet unknown")
        language = language_name(article.language) if article.language else _("language unknown")
        date = format_date(article.date) if article.date else _("date unknown")
        self.border_title = Content(f"{outlet} · {language} · {date}")
        details = [visible(article.path.name, one_line=True), article.encoding]
        if article.notes:
            count = len(article.notes)
            details.append(ngettext("{count} note (i)", "{count} notes (i)", count).format(count=count))
        self.border_subtitle = Content(" · ".join(details))

    def watch_evidence(self) -> None:
        location = self.location
        if location is None:
            self.refresh()
        else:
            self._refresh_sentence(location.sentence)  # evidence is drawn in the cursor only

    def watch_corroboration(self) -> None:
        self.refresh()

    def watch_placeholder(self) -> None:
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.article is not None and (
            self._layout is None or self._layout.width != self._text_width()
        ):
            self._relayout()
            self.call_after_refresh(self._keep_cursor_in_view)

    def _keep_cursor_in_view(self) -> None:
        """Scroll just enough to show the whole sentence, with a little context around it."""
        layout, location = self._layout, self.location
        if layout is None or location is None or not layout.sentence_rows:
            return
        first, last = layout.sentence_rows[location.sentence]
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        context = min(SCROLL_CONTEXT, max((height - (last - first + 1)) // 2, 0))
        top = round(self.scroll_y)
        if first - context < top:
            target = first - context
        elif last + context >= top + height:
            target = min(first - context, last + context - height + 1)
        else:
            return
        self.scroll_to(y=max(target, 0), animate=False, immediate=True)

    def target(self, move: str) -> Location | None:
        """Where the cursor would go for ``move`` ("next", "previous", "first", "last",
        "page_down", "page_up"); the screen decides and updates ``location``."""
        article, location, layout = self.article, self.location, self._layout
        if article is None or location is None or layout is None or not article.sentences:
            return None
        last = len(article.sentences) - 1
        current = location.sentence
        if move == "next":
            sentence = current + 1
        elif move == "previous":
            sentence = current - 1
        elif move == "first":
            sentence = 0
        elif move == "last":
            sentence = last
        elif move in ("page_down", "page_up"):
            sentence, scroll = self._page_target(layout, current, +1 if move == "page_down" else -1)
            self._scroll_after = (Location(location.article, sentence), scroll)
        elif move in FOUND_MOVES:
            found = self._found_target(current, move)
            if found is None:
                return None
            sentence = found
        else:
            raise ValueError(f"unknown cursor move {move!r}")
        return Location(location.article, min(max(sentence, 0), last))

    def _found_target(self, current: int, move: str) -> int | None:
        """n / N / u: the next (previous) sentence stated elsewhere, or found only here.

        The search wraps around the article, like a search in an editor, and says so.
        """
        counts = self.corroboration
        if not counts:
            self.notify(_("Still finding the same facts elsewhere; try again in a moment."))
            return None
        wanted, step = FOUND_MOVES[move]
        no_other, none = NOT_FOUND[wanted]
        total = len(counts)
        for distance in range(1, total + 1):
            sentence = (current + step * distance) % total
            if (counts[sentence] > 0) == wanted:
                wrapped = (sentence <= current) if step > 0 else (sentence >= current)
                if sentence == current:
                    self.notify(_(no_other))
                elif wrapped:
                    self.notify(
                        _("Reached the end; continued from the start.")
                        if step > 0
                        else _("Reached the start; continued from the end.")
                    )
                return sentence
        self.notify(_(none))
        return None

    def _page_target(self, layout: ArticleLayout, current: int, direction: int) -> tuple[int, int]:
        """The sentence a screenful away, and the scroll position that shows it."""
        height = max(self.scrollable_content_region.height - 1, 1)
        first, _last = layout.sentence_rows[current]
        target_row = first + direction * height
        top = round(self.scroll_y)
        if direction > 0:
            found = layout.sentence_at_or_after(target_row)
            return (len(layout.sentence_rows) - 1 if found is None else found), top + height
        found = layout.sentence_at_or_before(max(target_row, 0))
        return (0 if found is None else found), max(top - height, 0)

    def on_click(self, event: events.Click) -> None:
        sentence = self._sentence_at(round(self.scroll_y) + event.y, event.x - GUTTER)
        location = self.location
        if sentence is not None and location is not None and sentence != location.sentence:
            self.post_message(self.Moved(Location(location.article, sentence)))

    def _sentence_at(self, row: int, column: int) -> int | None:
        layout, lookup, article = self._layout, self._lookup, self.article
        if layout is None or lookup is None or article is None or row >= len(layout.lines):
            return None
        line = layout.lines[row]
        if line.source is not Source.TEXT:
            return None
        used = 0
        offset = line.start
        for offset in range(line.start, line.end):
            used += char_width(article.text[offset])
            if used > column:
                break
        segment = lookup.at(offset)
        return segment.sentence_index if segment is not None else None

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the rows asked for, with the styles worked out once for them all."""
        self._row_styles = self._make_row_styles()
        try:
            return super().render_lines(crop)
        finally:
            self._row_styles = None

    def _make_row_styles(self) -> RowStyles:
        base = self.rich_style
        component = self.get_component_rich_style
        return RowStyles(
            base=base,
            title=base + component("reading-pane--title"),
            placeholder=base + component("reading-pane--placeholder"),
            gutter=base + component("reading-pane--gutter"),
            only_here=base + component("reading-pane--only-here"),
            kinds={
                SegmentKind.HEADING: self._foreground("reading-pane--heading"),
                SegmentKind.CREDIT: self._foreground("reading-pane--credit"),
                SegmentKind.DATELINE: self._foreground("reading-pane--dateline"),
            },
            caption=self._foreground("reading-pane--caption"),
            cursor=Style(bgcolor=component("reading-pane--cursor").bgcolor),
            evidence=self._foreground("reading-pane--evidence"),
        )

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        styles = self._row_styles or self._make_row_styles()
        row = scroll_y + y
        strip = self._render_row(row, styles)
        return strip.crop_extend(scroll_x, scroll_x + width, styles.base).apply_offsets(scroll_x, row)

    def _render_row(self, row: int, styles: RowStyles) -> Strip:
        article, layout = self.article, self._layout
        base = styles.base
        if article is None or layout is None:
            if row == 0:
                return Strip([RichSegment(" " * GUTTER + _(self.placeholder), styles.placeholder)])
            return Strip.blank(0, base)
        if row >= len(layout.lines):
            return Strip.blank(0, base)
        line = layout.lines[row]
        segments = [self._gutter(row, styles)]
        if line.source is Source.TITLE:
            text = "".join(visible_char(c) for c in article.title[line.start : line.end])
            segments.append(RichSegment(text, styles.title))
        elif line.source is Source.TEXT:
            segments.extend(self._text_segments(article, line.start, line.end, styles))
        return Strip(segments)

    def _gutter(self, row: int, styles: RowStyles) -> RichSegment:
        """The count of other sources for the sentence starting on ``row`` (the highest
        when several start there)."""
        counts = self.corroboration
        starting = [counts[i] for i in self._starting_on.get(row, ()) if i < len(counts)]
        count = max(starting, default=0)
        if not count:
            if not starting:
                return RichSegment(" " * GUTTER, styles.base)
            return RichSegment(ONLY_HERE.rjust(GUTTER - 1) + " ", styles.only_here)
        label = str(count) if count < 10 else "9+"
        return RichSegment(label.rjust(GUTTER - 1) + " ", styles.gutter)

    def _foreground(self, component: str) -> Style:
        """A component's colour and text style, leaving the background to the layer below."""
        return _without_background(self.get_component_rich_style(component))

    def _text_segments(
        self, article: Article, start: int, end: int, styles: RowStyles
    ) -> list[RichSegment]:
        lookup = self._lookup
        location = self.location
        cursor: tuple[int, int] | None = None
        if location is not None and article.sentences:
            sentence = article.sentences[location.sentence]
            cursor = (sentence.start, sentence.end)
        base = styles.base
        kind_styles = styles.kinds
        caption = styles.caption
        cursor_style = styles.cursor
        evidence_style = styles.evidence
        evidence = _in_spans(self.evidence, start, end)

        # The style changes only where a segment, the cursor or an evidence span begins
        # or ends: each stretch between two such places is styled once, not per character.
        cuts = {start, end}
        if lookup is not None:
            cuts.update(lookup.bounds_within(start, end))
        if cursor is not None:
            cuts.update(cut for cut in cursor if start < cut < end)
        cuts.update(offset for offset in range(start + 1, end) if evidence[offset - start] != evidence[offset - start - 1])
        places = sorted(cuts)

        segments: list[RichSegment] = []
        run: list[str] = []
        run_style: Style | None = None
        for offset, stop in zip(places, places[1:]):
            style = base
            segment = lookup.at(offset) if lookup is not None else None
            if segment is not None:
                if segment.caption:
                    style = style + caption
                elif segment.kind in kind_styles:
                    style = style + kind_styles[segment.kind]
            if cursor is not None and cursor[0] <= offset < cursor[1]:
                style = style + cursor_style
                if evidence[offset - start]:
                    style = style + evidence_style
            if style != run_style and run:
                segments.append(RichSegment("".join(run), run_style))
                run = []
            run_style = style
            run.append(visible_run(article.text[offset:stop]))
        if run:
            segments.append(RichSegment("".join(run), run_style))
        return segments


def _without_background(style: Style) -> Style:
    return Style(
        color=style.color,
        bold=style.bold,
        dim=style.dim,
        italic=style.italic,
        underline=style.underline,
    )


def _in_spans(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[bool]:
    marked = [False] * (end - start)
    for span_start, span_end in spans:
        for offset in range(max(span_start, start), min(span_end, end)):
            marked[offset - start] = True
    return marked
