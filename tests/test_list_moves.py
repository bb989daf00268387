"""Moving through the article list: what is drawn after quick moves is the last article's.

A list move repaints only what changed: the two list rows the highlight leaves and
reaches, and the reading pane and sidebar without laying out the screen again (their
sizes never depend on the article). These tests walk the seeds with the real
matcher and check that nothing stale stays on screen: each pane's drawn lines (what
the last frames left) equal the lines drawn afresh, the reading pane's scrolling and
scrollbar fit the article shown, and the sidebar lists that article's links.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.segment import Segment
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import OptionList

from price_articles import write_price_articles
from tui.app import CrossreadApp, make_app, seed_dir
from tui.engine.state import REJECT, link_key
from tui.screens.main import MainScreen
from tui.widgets.reading_pane import ReadingPane
from tui.widgets.sidebar import MatchList, Sidebar
from views_support import real_links, settle

SIZE = (120, 36)


def screen(app: CrossreadApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def drawn_and_fresh(widget: Widget) -> tuple[list[list[Segment]], list[list[Segment]]]:
    """The widget's lines as the frames so far left them, and drawn anew from scratch."""
    crop = Region(0, 0, widget.size.width, widget.size.height)
    drawn = [list(strip) for strip in widget.render_lines(crop)]
    widget._set_dirty()  # forget every line drawn, as for a first frame
    if isinstance(widget, OptionList):
        widget._option_render_cache.clear()
    fresh = [list(strip) for strip in widget.render_lines(crop)]
    return drawn, fresh


def assert_nothing_stale(main: MainScreen) -> None:
    """Every pane, and every scrollbar on show, is drawn as a fresh frame would draw it."""
    panes: list[Widget] = [main.article_list, main.reading_pane, main.sidebar.query_one(MatchList)]
    for pane in panes:
        widgets = [pane]
        if pane.show_vertical_scrollbar:
            widgets.append(pane.vertical_scrollbar)
        for widget in widgets:
            drawn, fresh = drawn_and_fresh(widget)
            assert drawn == fresh, f"{widget!r} of {pane!r} shows stale lines"


def assert_panes_follow(main: MainScreen) -> None:
    """The reading pane and the sidebar show the highlighted article, sized to it."""
    location = main.location
    assert location is not None
    assert main.article_list.highlighted_article == location.article
    pane: ReadingPane = main.reading_pane
    assert pane.article is main.articles[location.article]
    assert pane.layout is not None
    rows = len(pane.layout.lines)
    assert pane.virtual_size.height == rows
    assert pane.show_vertical_scrollbar == (rows > pane.scrollable_content_region.height)
    if pane.show_vertical_scrollbar:
        assert pane.vertical_scrollbar.window_virtual_size == rows
    assert 0 <= pane.scroll_y <= pane.max_scroll_y

    sidebar = main.query_one(Sidebar)
    index = main.index
    assert index is not None
    expected = [
        link
        for link in index.links_for(location.article, location.sentence, main.min_score)
        if main.verdicts.get(link_key(main.articles, link)) != REJECT
    ]
    assert sidebar.links == expected
    matches = sidebar.query_one(MatchList)
    assert matches.option_count == len(expected) + 1  # the status, then the matches
    assert str(matches.get_option_at_index(0).prompt) == sidebar.status
    assert matches.can_focus == bool(expected)


async def test_quick_list_moves_leave_every_pane_on_the_last_article(tmp_path: Path) -> None:
    write_price_articles(tmp_path)  # two short articles that fit without a scrollbar
    app = make_app([seed_dir(), tmp_path], matcher=real_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        main = screen(app)
        assert main.article_list.has_focus
        seen: set[bool] = set()
        # Through the list several rows at a time, without waiting between keys, and
        # back: long articles and short, with matches and without.
        for keys in (["j"] * 2, ["j"] * 3, ["k"], ["j"] * 3, ["G"], ["k"] * 2, ["g"], ["j", "k", "j"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert_panes_follow(main)
            assert_nothing_stale(main)
            seen.add(main.reading_pane.show_vertical_scrollbar)
        assert seen == {True, False}, "the walk should show articles with and without a scrollbar"


async def test_enter_after_list_moves_reads_the_last_article_with_fresh_panes(tmp_path: Path) -> None:
    write_price_articles(tmp_path)
    app = make_app([seed_dir(), tmp_path], matcher=real_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        main = screen(app)
        await pilot.press("j", "j", "j", "k", "enter")
        await pilot.pause()
        assert isinstance(app.focused, ReadingPane)
        assert_panes_follow(main)
        assert_nothing_stale(main)
        await pilot.press("j", "j")
        await pilot.pause()
        assert_panes_follow(main)
        assert_nothing_stale(main)


async def test_sentence_moves_lay_the_screen_out_only_for_a_scrollbar(monkeypatch: pytest.MonkeyPatch) -> None:
    """j through an article changes the sidebar's status, its height and whether any
    match is listed; none of that lays the whole screen out again (a status above the
    list, or hiding an empty list, did: at 10,000 articles, about half the moves)."""
    layouts = 0
    laid_out = MainScreen._refresh_layout

    def counted(self: MainScreen, *args: object, **kwargs: object) -> None:
        nonlocal layouts
        layouts += self._layout_required
        laid_out(self, *args, **kwargs)

    app = make_app([seed_dir()], matcher=real_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        main = screen(app)
        await pilot.press("enter")  # the Norwegian article
        await pilot.pause()
        matches = main.sidebar.query_one(MatchList)
        monkeypatch.setattr(MainScreen, "_refresh_layout", counted)
        status_heights, listed, scrollbar_changes = set(), set(), 0
        scrollbars = (matches.show_vertical_scrollbar, main.reading_pane.show_vertical_scrollbar)
        for _ in main.articles[0].sentences:
            await pilot.press("j")
            await pilot.pause()
            status_heights.add(matches._heights[0])
            listed.add(bool(main.sidebar.links))
            now = (matches.show_vertical_scrollbar, main.reading_pane.show_vertical_scrollbar)
            scrollbar_changes += now != scrollbars
            scrollbars = now
        assert len(status_heights) >= 2 and listed == {True, False}, "the walk should meet each kind of change"
        assert layouts <= scrollbar_changes


async def test_tab_passes_over_a_sidebar_with_nothing_to_choose() -> None:
    app = make_app([seed_dir()], matcher=real_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        main = screen(app)
        await pilot.press("enter")
        await pilot.pause()
        while main.sidebar.links:  # to a sentence with no match listed
            await pilot.press("j")
            await pilot.pause()
        matches = main.sidebar.query_one(MatchList)
        await pilot.click(matches, offset=(2, 0))  # the status line: nothing to choose
        await pilot.press("tab")
        assert app.focused is main.article_list
        await pilot.press("shift+tab")
        assert app.focused is main.reading_pane
        await pilot.press("n", "tab")  # a sentence with a match: its list takes the keys
        assert main.sidebar.links and app.focused is matches
        assert main.sidebar.highlighted_link == main.sidebar.links[0]
