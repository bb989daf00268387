"""The article list: every loaded article, and every file that could not be read."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual import on
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.commands import Where, bindings
from tui.engine.languages import language_name
from tui.engine.models import Article, Skipped
from tui.history import Location
from tui.text_layout import char_width, wrap
from tui.visible_text import visible

UNKNOWN = "unknown"


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


def article_prompt(article: Article, ui_locale: str, width: int = 0) -> Content:
    """Title, then outlet and language, then date and length; unknowns say so."""
    outlet = visible(article.outlet, one_line=True) if article.outlet else f"outlet {UNKNOWN}"
    language = language_name(article.language, ui_locale) if article.language else f"language {UNKNOWN}"
    date = article.date.isoformat() if article.date else f"date {UNKNOWN}"
    words = f"{article.word_count:,} words"
    title = visible(article.title, one_line=True).strip() or article.path.name
    if width > 0:
        title = clip_lines(title, width)
    return Content.assemble(
        (title, "bold"),
        "\n",
        (pack([outlet, language], width), "$text-secondary"),
        "\n",
        (pack([date, words], width), "$foreground-muted"),
    )


def pack(items: list[str], width: int, separator: str = " · ") -> str:
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
        ("skipped: ", "$text-error bold"),
        (visible(skipped.path.name, one_line=True), "$text-error"),
        "\n",
        (visible(skipped.reason, one_line=True), "$foreground-muted italic"),
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
        self._title_width = 0
        self._article_count = 0
        self._skipped_count = 0

    @property
    def articles(self) -> list[Article]:
        """The listed articles; their positions are the corpus indexes."""
        return [entry for entry in self.entries if isinstance(entry, Article)]

    @property
    def skipped(self) -> list[Skipped]:
        """The files listed as skipped."""
        return [entry for entry in self.entries if isinstance(entry, Skipped)]

    def on_resize(self) -> None:
        if self._prompt_width() != self._title_width:
            self._rebuild()

    def _prompt_width(self) -> int:
        return max(self.scrollable_content_region.width - 2, 0)

    def _options_for(self, entries: tuple[Article | Skipped, ...]) -> list[Option]:
        options: list[Option] = []
        for entry in entries:
            if isinstance(entry, Article):
                prompt = article_prompt(entry, self.ui_locale, self._title_width)
                options.append(Option(prompt, id=f"article-{self._article_count}"))
                self._article_count += 1
            else:
                self._skipped_count += 1
                option_id = f"skipped-{self._skipped_count}"
                options.append(Option(skipped_prompt(entry), id=option_id, disabled=True))
        return options

    def _rebuild(self) -> None:
        self._title_width = self._prompt_width()
        self._article_count = self._skipped_count = 0
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(self._options_for(self.entries))
        self._follow_location()

    def watch_entries(self, old: tuple[Article | Skipped, ...], new: tuple[Article | Skipped, ...]) -> None:
        if len(new) >= len(old) and all(a is b for a, b in zip(old, new)) and self.option_count == len(old):
            # Files arrive one by one: add only the new ones (a full rebuild per file
            # would cost time proportional to the square of the corpus).
            with self.prevent(OptionList.OptionHighlighted):
                self.add_options(self._options_for(new[len(old) :]))
            self._follow_location()
        else:
            self._rebuild()

    def watch_ui_locale(self) -> None:
        self._rebuild()

    def watch_location(self) -> None:
        self._follow_location()

    def _follow_location(self) -> None:
        """Keep the highlight on the article being read, without echoing it back."""
        location = self.location
        wanted = location.article if location is not None and location.article < self._article_count else 0
        if self._article_count == 0:
            return
        option_index = self.get_option_index(f"article-{wanted}")
        if self.highlighted != option_index:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = option_index

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
