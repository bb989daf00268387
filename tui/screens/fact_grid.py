"""The fact grid window: the current story's facts against its articles.

Each row is a fact (labelled by its most central sentence), each column an article;
a cell holds the number of the sentence that states the fact there. Enter opens that
sentence in the reader; m and c save the grid as Markdown or CSV in the current
directory.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.coordinate import Coordinate
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from tui.commands import Where, bindings, localize_bindings
from tui.engine.factgrid import FactGrid, build_fact_grid, to_csv, to_markdown
from tui.engine.link_index import LinkIndex
from tui.engine.models import Article
from tui.i18n import _, format_percent, ngettext
from tui.visible_text import visible

#: Characters of a fact's label shown in its row (the full sentence shows below).
LABEL_CHARS = 48
#: The fact label and source-count columns come before the articles.
FIXED_COLUMNS = 2
#: Characters of an outlet or file name in a column heading (the preview names it in full).
NAME_CHARS = 12


def column_label(article: Article) -> str:
    """A short heading: outlet (or file name) cut to fit, and the language code."""
    name = visible(article.outlet or article.path.stem, one_line=True)
    if len(name) > NAME_CHARS:
        name = name[: NAME_CHARS - 1] + "…"
    return f"{name} ({article.language or '?'})"


def write_new_file(directory: Path, stem: str, suffix: str, text: str) -> Path:
    """A new file ``directory/stem.suffix`` holding ``text``, numbered ("stem-2.md") so
    an earlier export is never overwritten."""
    number = 1
    while True:
        path = directory / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        try:
            with path.open("x", encoding="utf-8") as file:
                file.write(text)
        except FileExistsError:
            number += 1
            continue
        return path


class FactGridScreen(ModalScreen[tuple[int, int] | None]):
    """Dismisses with ``(article, sentence)`` of the cell to open, or ``None``."""

    BINDINGS = bindings(Where.GRID)

    def __init__(
        self,
        index: LinkIndex,
        article: int,
        sentence: int | None = None,
        *,
        min_score: float | None = None,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        localize_bindings(self)
        self._index = index
        self.grid: FactGrid = build_fact_grid(index, index.stories[article], min_score=min_score)
        self._start = (article, sentence)
        self._export_dir = export_dir

    def compose(self) -> ComposeResult:
        with Vertical(id="grid-body", classes="window-body") as body:
            body.border_title = _("Facts of this story")
            body.border_subtitle = _("Enter to open · m Markdown · c CSV · Esc to close")
            yield Static(id="grid-status", markup=False)
            yield DataTable(id="grid-table", cursor_type="cell", zebra_stripes=True, fixed_columns=1)
            yield Static(id="grid-preview")
        yield Footer()

    def on_mount(self) -> None:
        grid = self.grid
        table = self.query_one(DataTable)
        table.add_column(_("Fact"), width=LABEL_CHARS)
        table.add_column(_("Sources"))
        for column in grid.columns:
            table.add_column(Text(column_label(self._index.articles[column.article])))
        for fact in grid.facts:
            label = visible(fact.label_text, one_line=True)
            if len(label) > LABEL_CHARS:
                label = label[: LABEL_CHARS - 1] + "…"
            cells = [str(cell + 1) if cell is not None else "·" for cell in fact.cells]
            table.add_row(Text(label), str(fact.sources), *cells)
        self.query_one("#grid-status", Static).update(self._status())
        table.move_cursor(**self._start_cell())
        table.focus()
        self._preview(table.cursor_coordinate)

    def _status(self) -> str:
        """How many facts the grid holds, and what its cells mean."""
        grid = self.grid
        if not grid.facts:
            return _("No fact of this story is stated by two of its articles.")
        facts = ngettext(
            "{count} fact stated in two or more of the story's {articles} articles",
            "{count} facts stated in two or more of the story's {articles} articles",
            len(grid.facts),
        ).format(count=len(grid.facts), articles=len(grid.columns))
        links = _("links at {score} or more").format(score=format_percent(round(grid.min_score, 2)))
        return _("{facts} ({links}); cells are sentence numbers.").format(facts=facts, links=links)

    def _start_cell(self) -> dict[str, int]:
        """The row of the fact the reader's sentence states, in that article's column."""
        article, sentence = self._start
        for column, header in enumerate(self.grid.columns):
            if header.article != article:
                continue
            for row, fact in enumerate(self.grid.facts):
                if sentence is not None and fact.cells[column] == sentence:
                    return {"row": row, "column": column + FIXED_COLUMNS}
            return {"row": 0, "column": column + FIXED_COLUMNS}
        return {"row": 0, "column": 0}

    def target(self, coordinate: Coordinate) -> tuple[int, int] | None:
        """The sentence a cell stands for: the label for the first two columns."""
        if not self.grid.facts or coordinate.row >= len(self.grid.facts):
            return None
        fact = self.grid.facts[coordinate.row]
        if coordinate.column < FIXED_COLUMNS:
            return fact.label
        column = coordinate.column - FIXED_COLUMNS
        sentence = fact.cells[column]
        return None if sentence is None else (self.grid.columns[column].article, sentence)

    @on(DataTable.CellHighlighted, "#grid-table")
    def _cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        self._preview(event.coordinate)

    def _preview(self, coordinate: Coordinate) -> None:
        preview = self.query_one("#grid-preview", Static)
        if not self.grid.facts:
            preview.update("")
            return
        target = self.target(coordinate)
        if target is None:
            header = self.grid.columns[coordinate.column - FIXED_COLUMNS].header
            preview.update(
                Content.styled(_("{article} does not state this fact.").format(article=header), "italic $foreground-muted")
            )
            return
        article, sentence = target
        source = self._index.articles[article]
        header = next((c.header for c in self.grid.columns if c.article == article), source.path.name)
        preview.update(
            Content.assemble(
                (f"{header} · " + _("sentence {number}").format(number=sentence + 1), "bold"),
                "\n",
                visible(source.sentence_text(sentence), one_line=True),
            )
        )

    @on(DataTable.CellSelected, "#grid-table")
    def _cell_selected(self, event: DataTable.CellSelected) -> None:
        self._open(event.coordinate)

    def action_grid_open(self) -> None:
        self._open(self.query_one(DataTable).cursor_coordinate)

    def _open(self, coordinate: Coordinate) -> None:
        target = self.target(coordinate)
        if target is None:
            self.notify(_("No sentence here: this article does not state the fact."), severity="warning")
            return
        self.dismiss(target)

    def action_grid_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_grid_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_grid_left(self) -> None:
        self.query_one(DataTable).action_cursor_left()

    def action_grid_right(self) -> None:
        self.query_one(DataTable).action_cursor_right()

    def action_export_markdown(self) -> None:
        self._export(to_markdown(self.grid), ".md")

    def action_export_csv(self) -> None:
        self._export(to_csv(self.grid), ".csv")

    def _export(self, text: str, suffix: str) -> None:
        directory = self._export_dir or Path.cwd()
        try:
            stem = _("crossread-facts-story-{number}").format(number=self.grid.story + 1)
            path = write_new_file(directory, stem, suffix, text)
        except OSError as error:
            self.notify(
                f"{directory}: {error.strerror or error}", title=_("Could not save the grid"),
                severity="error", markup=False,
            )
            return
        self.notify(_("Saved the fact grid to {path}").format(path=path), title=_("Exported"), markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
