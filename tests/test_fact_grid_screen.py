"""The fact grid window on the real seeds: rows of facts, Enter opens, m and c export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from textual.widgets import DataTable

from tui.app import make_app
from tui.history import Location
from tui.screens.fact_grid import FactGridScreen
from tui.screens.main import MainScreen
from views_support import find_sentence, seed_matcher, settle

SIZE = (120, 36)


async def open_grid(app, pilot) -> FactGridScreen:
    await settle(app, pilot)
    await pilot.press("x")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, FactGridScreen)
    return screen


async def test_x_shows_the_story_facts_most_sources_first() -> None:
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_grid(app, pilot)
        articles = app.screen_stack[0].articles
        grid = screen.grid
        names = [articles[column.article].path.name[:3] for column in grid.columns]
        assert names == ["000", "001", "003", "004"]  # 002 is the 2024 meeting: another story
        gas = find_sentence(articles, "rekordmye gass til Kina")
        assert [fact.label for fact in grid.facts] == [gas, find_sentence(articles, "Misjustin i Moskva")]
        assert grid.facts[0].cells == (
            gas[1], None, find_sentence(articles, "Gazprom said")[1], find_sentence(articles, "Power 2 gas")[1]
        )
        table = screen.query_one(DataTable)
        assert table.row_count == 2 and len(table.columns) == 2 + 4
        assert str(table.get_cell_at((0, 2))) == str(gas[1] + 1)
        assert str(table.get_cell_at((0, 3))) == "·"


async def test_enter_on_a_cell_opens_that_article_at_the_sentence() -> None:
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_grid(app, pilot)
        articles = app.screen_stack[0].articles
        # The cursor starts in the open article's column (the Norwegian one).
        assert screen.query_one(DataTable).cursor_coordinate == (0, 2)
        await pilot.press("l", "l", "enter")  # AFP's column
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.location == Location(*find_sentence(articles, "Gazprom said"))


async def test_the_grid_opens_on_the_fact_of_the_sentence_being_read() -> None:
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"misjustin i moskva")
        await pilot.pause(0.3)
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = await open_grid(app, pilot)
        assert screen.query_one(DataTable).cursor_coordinate == (1, 2)
        assert "Misjustin i Moskva" in str(screen.query_one("#grid-preview").render())


async def test_enter_on_an_empty_cell_stays_and_explains() -> None:
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        await open_grid(app, pilot)
        await pilot.press("j", "l", "enter")  # "Misjustin" row, 001 column: not stated
        await pilot.pause()
        assert isinstance(app.screen, FactGridScreen)
        assert "does not state this fact" in str(app.screen.query_one("#grid-preview").render())


async def test_m_and_c_save_markdown_and_csv_here_and_name_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_grid(app, pilot)
        await pilot.press("m", "c", "m")
        await pilot.pause()
        saved = sorted(path.name for path in tmp_path.iterdir())
        assert saved == ["crossread-facts-story-1-2.md", "crossread-facts-story-1.csv", "crossread-facts-story-1.md"]
        markdown = (tmp_path / "crossread-facts-story-1.md").read_text(encoding="utf-8")
        assert markdown.splitlines()[0].startswith("| Fact | Sources |")
        assert "rekordmye gass til Kina" in markdown.splitlines()[2]
        rows = list(csv.reader(io.StringIO((tmp_path / "crossread-facts-story-1.csv").read_text(encoding="utf-8"))))
        assert len(rows) == 1 + len(screen.grid.facts)
        messages = [notification.message for notification in app._notifications]
        assert any(str(tmp_path / "crossread-facts-story-1.md") in message for message in messages)
        assert any(str(tmp_path / "crossread-facts-story-1.csv") in message for message in messages)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
