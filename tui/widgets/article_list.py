"""The article list: every loaded article, and every file that could not be read.

Once the link index is built the articles are grouped by story (a header row per
story, when there is more than one) and each shows how many of its sentences other sources corroborate. Unread
articles carry a dot; the list can be narrowed to one language.

At 10,000 articles only the rows on screen are built (``LazyRow``): the others are
measured from a few cached strings, so listing, regrouping and redrawing stay cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual import on
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual, VisualType
from textual.message import Message
from textual.reactive import reactive, var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.commands import Where, bindings, localize_bindings
from tui.engine.link_index import DEFAULT_THRESHOLD, LinkIndex
from tui.engine.models import Article, Skipped
from tui.history import Location
from tui.i18n import _, format_date, format_number, language_name, ngettext
from tui.text_layout import char_width, wrap
from tui.visible_text import visible

UNREAD_MARK = "● "
READ_MARK = "  "


TITLE_LINES = 2


def clip_lines(text: str, width: int, lines: int = TITLE_LINES) -> str:
    """``text`` cut to what fits on ``lines`` rows of ``width`` cells, with an ellipsis."""
    rows = wrap(text, 0, len(text), max(width, 1))
    if len(rows) <= lines:
        return text
    kept = text[rows[0][0] : rows[lines - 1][1]]
    if sum(char_width(c) for c in text[rows[lines - 1][0] : rows[lines - 1][1]]) >= width:
        kept = kept[:-1]
    return kept.rstrip() + "…"


#: What an article's row says besides its counts: title, outlet, language, date, length.
Parts = tuple[str, str, str, str, str]


def article_parts(article: Article) -> Parts:
    """The texts of an article's row in the interface language; unknowns say so."""
    outlet = visible(article.outlet, one_line=True) if article.outlet else _("outlet unknown")
    language = language_name(article.language) if article.language else _("language unknown")
    date = format_date(article.date, "medium") if article.date else _("date unknown")
    words = ngettext("{count} word", "{count} words", article.word_count).format(
        count=format_number(article.word_count)
    )
    title = visible(article.title, one_line=True).strip() or article.path.name
    return title, outlet, language, date, words


def _details(parts: Parts, total: int, corroborated: int | None) -> list[str]:
    details = [parts[3], parts[4]]
    if corroborated is not None:
        details.append(_corroboration(corroborated, total))
    return details


def _corroboration(count: int, total: int) -> str:
    return _("{count}/{total} corroborated").format(count=count, total=total)


def article_prompt(
    article: Article,
    ui_locale: str,
    width: int = 0,
    *,
    read: bool | None = None,
    corroborated: int | None = None,
    parts: Parts | None = None,
) -> Content:
    """Title, then outlet and language, then date and length; unknowns say so.

    ``read`` adds the read mark (a dot for unread); ``corroborated`` counts the
    sentences that other sources state too, shown once the index is built.
    ``parts`` are ``article_parts(article)`` when already worked out.
    """
    if parts is None:
        parts = article_parts(article)
    title, outlet, language = parts[:3]
    mark: tuple[str, str] | str = ""
    if read is not None:
        mark = (READ_MARK, "") if read else (UNREAD_MARK, "$text-accent bold")
    if width > 0:
        # The mark takes the first cells of the title's first line.
        title = clip_lines(UNREAD_MARK + title, width)[len(UNREAD_MARK) :] if mark else clip_lines(title, width)
    details = _details(parts, article.sentence_count, corroborated)
    return Content.assemble(
        mark,
        (title, "bold" if not read else ""),
        "\n",
        (pack([outlet, language], width), "$text-secondary"),
        "\n",
        (pack(details, width), "$foreground-muted"),
    )


#: The cells a row's texts take: title; outlet and language; date and length.
RowCells = tuple[int, tuple[int, int], tuple[int, int]]
SEPARATOR = " · "


def row_cells(parts: Parts) -> RowCells:
    """How many cells each text of ``parts`` takes (the same at every width)."""
    return _cells(parts[0]), (_cells(parts[1]), _cells(parts[2])), (_cells(parts[3]), _cells(parts[4]))


def article_height(
    parts: Parts,
    total: int,
    corroborated: int | None,
    width: int,
    *,
    mark: bool = True,
    cells: RowCells | None = None,
    count_cells: int | None = None,
) -> int | None:
    """How many lines ``article_prompt`` takes at ``width``, worked out without building it.

    ``cells`` are ``row_cells(parts)`` and ``count_cells`` the cells of the count
    (`corroboration_cells`) when already worked out. ``None`` when a line would need
    Content's own wrapping (an item wider than the row), which only the built prompt
    can tell.
    """
    if width <= len(UNREAD_MARK) + 1:
        return None
    title, places, details = cells or row_cells(parts)
    sizes: tuple[int, ...] = details
    if corroborated is not None:
        sizes = (*details, corroboration_cells(corroborated, total) if count_cells is None else count_cells)
    height = 1 if title + (_MARK_CELLS if mark else 0) <= width else TITLE_LINES
    for line_sizes in (places, sizes):
        lines = _packed_lines(line_sizes, width)
        if lines is None:
            return None
        height += lines
    return height


def corroboration_cells(count: int, total: int) -> int:
    """The cells the count ``count/total corroborated`` takes in the interface language."""
    return _cells(_corroboration(count, total))


def _cells(text: str) -> int:
    """The terminal cells ``text`` takes (ASCII takes one a character)."""
    return len(text) if text.isascii() else cell_len(text)


_MARK_CELLS = _cells(UNREAD_MARK)
_SEPARATOR_CELLS = _cells(SEPARATOR)


def _packed_lines(sizes: Sequence[int], width: int) -> int | None:
    """How many lines ``pack`` makes of items this many cells wide; None if one is wider than ``width``."""
    lines = used = 0
    for size in sizes:
        if lines and used + _SEPARATOR_CELLS + size <= width:
            used += _SEPARATOR_CELLS + size
        elif size > width:
            return None
        else:
            lines, used = lines + 1, size
    return lines


class LazyRow(Visual):
    """A row drawn from a prompt built only once it is drawn (or read).

    Its height comes from ``measure`` (cheap) until the prompt exists; the list checks
    the drawn height against it and measures again if they differ.
    """

    __slots__ = ("_build", "_measure", "_content", "_heights")

    def __init__(self, build: Callable[[], Content], measure: Callable[[int], int | None]) -> None:
        self._build = build
        self._measure = measure
        self._content: Content | None = None
        #: Width -> height of the built prompt.
        self._heights: dict[int, int] = {}

    @property
    def content(self) -> Content:
        if self._content is None:
            self._content = self._build()
        return self._content

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        if self._content is None and (height := self._measure(width)) is not None:
            return height
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self.content.get_height(rules, width)
        return height

    def __str__(self) -> str:
        return str(self.content)


def story_header(number: int, count: int) -> Content:
    """The row above a story's articles."""
    return Content.assemble(
        (_("Story {number}").format(number=number), "bold $text-primary"),
        (" · " + ngettext("{count} article", "{count} articles", count).format(count=count), "$foreground-muted"),
    )


def _one_line_row(content: Content) -> LazyRow:
    """``content`` as a row measured one line high where it fits (Content's own measure
    lays it out: for the hundreds of story headers, a tenth of regrouping the list)."""
    cells = content.cell_length
    return LazyRow(lambda: content, lambda width: 1 if "\n" not in content.plain and cells <= width else None)


def corroborated_counts(index: LinkIndex, min_score: float | None = None) -> list[int]:
    """Per article: how many of its sentences another independent source states."""
    return [
        sum(1 for s in range(article.sentence_count) if index.corroboration(a, s, min_score) > 0)
        for a, article in enumerate(index.articles)
    ]


def pack(items: list[str], width: int, separator: str = SEPARATOR) -> str:
    """Join ``items`` on as few lines of ``width`` cells as fit, breaking between items."""
    lines: list[str] = []
    for item in items:
        if lines and (width <= 0 or cell_len(lines[-1] + separator + item) <= width):
            lines[-1] += separator + item
        else:
            lines.append(item)
    return "\n".join(lines)


def skipped_prompt(skipped: Skipped) -> Content:
    """The file name and why it was skipped, clearly not an article."""
    return Content.assemble(
        (_("skipped:") + " ", "$text-error bold"),
        (visible(skipped.path.name, one_line=True), "$text-error"),
        "\n",
        (visible(_(skipped.reason), one_line=True), "$foreground-muted italic"),
    )


class ArticleList(OptionList):
    """Lists the corpus; highlighting an article asks the screen to show it."""

    BINDINGS = bindings(Where.ARTICLES)

    DEFAULT_CSS = """
    ArticleList > .option-list--option { padding: 0 1; }
    """

    #: Articles and skipped files in the order they were read.
    entries: var[tuple[Article | Skipped, ...]] = var(())
    location: var[Location | None] = var(None)
    ui_locale: var[str] = var("en")
    #: Digests of the articles the user has read.
    read: var[frozenset[str]] = var(frozenset())
    #: Only articles in this language are listed; ``None`` lists all.
    language: var[str | None] = var(None)
    #: The link index once built: it groups the list by story and counts corroboration.
    index: var[LinkIndex | None] = var(None)
    #: The confidence threshold the counts follow (the sidebar's, moved with + and -).
    min_score: var[float] = var(DEFAULT_THRESHOLD)
    #: The highlighted row. A move repaints the row it leaves and the row it reaches
    #: (``watch_highlighted``), not every row on screen as `OptionList`'s does.
    highlighted: reactive[int | None] = reactive(None, repaint=False)

    @dataclass
    class ArticleHighlighted(Message):
        """The highlight moved onto article ``index``."""

        index: int

    @dataclass
    class ArticleChosen(Message):
        """The user chose article ``index`` to read (Enter or click)."""

        index: int

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        localize_bindings(self)
        self._title_width = 0
        self._article_count = 0
        self._skipped_count = 0
        #: How many entries the rows stand for, listed in load order (-1: grouped by story).
        self._listed = 0
        #: Corpus indexes of the articles that have a row, top to bottom (a dict for its
        #: order: walking 10,000 options to list them took milliseconds each time).
        self._shown: dict[int, None] = {}
        #: The articles with a row (index and article), by digest: marking one read
        #: finds its row without a walk through 10,000 articles.
        self._shown_by_digest: dict[str, list[tuple[int, Article]]] = {}
        #: Per article, its row's texts in the interface language (see ``article_parts``)
        #: and the cells they take (``row_cells``).
        self._parts: dict[int, tuple[Parts, RowCells]] = {}
        #: Per article, how many sentences it has (``Article.sentences`` makes a list).
        self._totals: dict[int, int] = {}
        #: Per article, its corroborated sentences at ``min_score``, counted when first drawn.
        self._counts: dict[int, int] = {}
        self._remeasure_pending = False
        #: The cells of each (count, total) the rows show, in the interface language of
        #: the last rebuild: at 10,000 articles, formatting the count anew for every
        #: row's measure was a fifth of regrouping the list when the index came.
        self._count_cells: dict[tuple[int, int], int] = {}
        #: Whether the index was there when the rows were made (a new index makes them
        #: anew): read by every row's measure, where the reactive ``index`` costs more.
        self._indexed = False

    @property
    def articles(self) -> list[Article]:
        """The listed articles; their positions are the corpus indexes."""
        return [entry for entry in self.entries if isinstance(entry, Article)]

    @property
    def skipped(self) -> list[Skipped]:
        """The files listed as skipped."""
        return [entry for entry in self.entries if isinstance(entry, Skipped)]

    @property
    def shown_articles(self) -> list[int]:
        """Corpus indexes of the articles with a row, top to bottom."""
        return list(self._shown)

    def on_resize(self) -> None:
        if self._prompt_width() != self._title_width:
            self._rebuild()

    def _prompt_width(self) -> int:
        return max(self.scrollable_content_region.width - 2, 0)

    def _parts_of(self, number: int, article: Article) -> Parts:
        return self._texts_of(number, article)[0]

    def _texts_of(self, number: int, article: Article) -> tuple[Parts, RowCells]:
        texts = self._parts.get(number)
        if texts is None:
            parts = article_parts(article)
            texts = self._parts[number] = (parts, row_cells(parts))
        return texts

    def _corroborated(self, number: int, article: Article) -> int | None:
        """How many of the article's sentences other sources state (``None`` before the index)."""
        index = self.index
        if index is None or number >= len(index.articles):
            return None
        count = self._counts.get(number)
        if count is None:
            min_score = self.min_score
            count = self._counts[number] = sum(
                1 for s in range(article.sentence_count) if index.corroboration(number, s, min_score) > 0
            )
        return count

    def _article_prompt(self, number: int, article: Article) -> Content:
        return article_prompt(
            article,
            self.ui_locale,
            self._title_width,
            read=article.digest in self.read,
            corroborated=self._corroborated(number, article),
            parts=self._parts_of(number, article),
        )

    def _article_row(self, number: int, article: Article) -> LazyRow:
        """The article's row, built when drawn; measured meanwhile with the count's widest form."""

        def measure(width: int) -> int | None:
            total = self._totals.get(number)
            if total is None:
                total = self._totals[number] = article.sentence_count
            parts, cells = self._texts_of(number, article)
            if not self._indexed:
                return article_height(parts, total, None, width, cells=cells)
            count = self._counts.get(number, total)
            count_cells = self._count_cells.get((count, total))
            if count_cells is None:
                count_cells = self._count_cells[(count, total)] = corroboration_cells(count, total)
            return article_height(parts, total, count, width, cells=cells, count_cells=count_cells)

        return LazyRow(lambda: self._article_prompt(number, article), measure)

    def _article_option(self, number: int, article: Article) -> Option:
        self._shown[number] = None
        self._shown_by_digest.setdefault(article.digest, []).append((number, article))
        return Option(self._article_row(number, article), id=f"article-{number}")

    def _replace_option_prompt(self, index: int, prompt: VisualType) -> None:
        """A new prompt of the same height: redraw it without measuring every row again."""
        self.get_option_at_index(index)._set_prompt(prompt)
        self._option_render_cache.clear()
        self.refresh()

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        """The row's lines; if a row drawn for the first time is not as tall as measured,
        every row is measured again (once the drawing is over)."""
        strips = super()._get_option_render(option, style)
        measured = self._line_cache.heights.get(self._option_to_index[option])
        if measured is not None and measured != len(strips) and not self._remeasure_pending:
            self._remeasure_pending = True
            self.call_later(self._remeasure)
        return strips

    def _remeasure(self) -> None:
        self._remeasure_pending = False
        self._clear_caches()

    def _skipped_option(self, skipped: Skipped) -> Option:
        self._skipped_count += 1
        return Option(skipped_prompt(skipped), id=f"skipped-{self._skipped_count}", disabled=True)

    def _options_for(self, entries: tuple[Article | Skipped, ...]) -> list[Option]:
        """Rows for entries appended in load order (before stories are known)."""
        options: list[Option] = []
        language = self.language  # read once: a reactive
        for entry in entries:
            if isinstance(entry, Article):
                if language is None or entry.language == language:
                    options.append(self._article_option(self._article_count, entry))
                self._article_count += 1
            else:
                options.append(self._skipped_option(entry))
        return options

    def _grouped_options(self, index: LinkIndex) -> list[Option]:
        """A header per story, its articles under it, then the skipped files."""
        groups: dict[int, list[tuple[int, Article]]] = {}
        skipped: list[Skipped] = []
        number = 0
        language = self.language  # read once: a reactive, and 10,000 entries
        for entry in self.entries:
            if isinstance(entry, Skipped):
                skipped.append(entry)
                continue
            if number < len(index.stories) and (language is None or entry.language == language):
                groups.setdefault(index.stories[number], []).append((number, entry))
            number += 1
        self._article_count = number
        options: list[Option] = []
        for story_number, members in enumerate(groups.values(), start=1):
            options.append(Option(_one_line_row(story_header(story_number, len(members))), id=f"story-{story_number}", disabled=True))
            options.extend(self._article_option(n, article) for n, article in members)
        options.extend(self._skipped_option(entry) for entry in skipped)
        return options

    def _rebuild(self) -> None:
        self._title_width = self._prompt_width()
        self._count_cells = {}  # the interface language may have changed
        self._indexed = self.index is not None
        self._article_count = self._skipped_count = 0
        self._shown = {}
        self._shown_by_digest = {}
        index = self.index
        # One story needs no header; grouping starts when there are two.
        grouped = (
            index is not None
            and len(index.stories) >= len(self.articles)
            and len(set(index.stories)) > 1
        )
        options = self._grouped_options(index) if grouped and index is not None else self._options_for(self.entries)
        self._listed = -1 if grouped else len(self.entries)
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
        self._follow_location()

    def watch_entries(self, old: tuple[Article | Skipped, ...], new: tuple[Article | Skipped, ...]) -> None:
        if not self._prompt_width():
            return  # not laid out yet: the first resize lists every entry at its width
        appending = len(new) >= len(old) and all(a is b for a, b in zip(old, new))
        if appending and self.index is None and self._listed == len(old):
            # Files arrive one by one: add only the new ones (a full rebuild per file
            # would cost time proportional to the square of the corpus).
            with self.prevent(OptionList.OptionHighlighted):
                self.add_options(self._options_for(new[len(old) :]))
            self._listed = len(new)
            self._follow_location()
        else:
            self._rebuild()

    def watch_ui_locale(self) -> None:
        self._parts = {}
        self._rebuild()

    def watch_language(self) -> None:
        self._rebuild()

    def watch_read(self, old: frozenset[str], new: frozenset[str]) -> None:
        """Redraw the rows of the articles marked read or unread, not the whole list."""
        changed = old ^ new
        if not changed:
            return
        width_changed = self._prompt_width() != self._title_width
        rows = sorted(row for digest in changed for row in self._shown_by_digest.get(digest, ()))
        if width_changed or len(rows) > 50:
            self._rebuild()
            return
        for number, article in rows:
            self.replace_option_prompt(f"article-{number}", self._article_prompt(number, article))

    def watch_index(self) -> None:
        self._recount()

    def watch_min_score(self) -> None:
        self._recount()

    def _recount(self) -> None:
        """The counts are worked out again as rows are drawn (not all at once: at 10,000
        articles that took seconds)."""
        self._counts = {}
        self._rebuild()

    def watch_location(self) -> None:
        self._follow_location()

    def _follow_location(self) -> None:
        """Keep the highlight on the article being read, without echoing it back."""
        if not self._shown:
            return
        location = self.location
        wanted = location.article if location is not None else 0
        if wanted not in self._shown:
            if location is not None:
                return  # the article read is filtered out: leave the highlight be
            wanted = self.shown_articles[0]
        option_index = self.get_option_index(f"article-{wanted}")
        if self.highlighted != option_index:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = option_index

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        """Scroll to the new highlight and say so (as `OptionList` does); repaint the two rows."""
        super().watch_highlighted(new)
        for option_index in (old, new):
            self._refresh_option(option_index)

    def _refresh_option(self, option_index: int | None) -> None:
        """Repaint the lines of one row (all of them if it is unknown)."""
        if option_index is None or not self.is_mounted:
            self.refresh()
            return
        line = self._index_to_line.get(option_index)
        height = self._heights.get(option_index)
        if line is None or height is None:
            self.refresh()
        else:
            self.refresh_lines(line, height)

    def action_next_unread(self) -> None:
        """n: highlight the next unread article below, wrapping around to the top."""
        shown = self.shown_articles
        articles = self.articles
        if not shown:
            return
        current = self.highlighted_article
        start = shown.index(current) + 1 if current in shown else 0
        for step in range(len(shown)):
            candidate = shown[(start + step) % len(shown)]
            if candidate != current and articles[candidate].digest not in self.read:
                self.highlighted = self.get_option_index(f"article-{candidate}")
                return
        self.app.notify(_("Every article listed is read."))

    @property
    def highlighted_article(self) -> int | None:
        """Index of the article under the list's cursor (``None`` on a skipped file)."""
        option = self.highlighted_option
        return self._article_index(option) if option is not None else None

    @staticmethod
    def _article_index(option: Option) -> int | None:
        if option.id is None or not option.id.startswith("article-"):
            return None
        return int(option.id.removeprefix("article-"))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = self._article_index(event.option)
        if index is not None:
            self.post_message(self.ArticleHighlighted(index))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = self._article_index(event.option)
        if index is not None:
            self.post_message(self.ArticleChosen(index))
