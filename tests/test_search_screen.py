"""The search window, driven by key presses on the real seeds."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from tui.app import make_app
from tui.history import Location
from tui.screens.main import MainScreen
from tui.screens.search import SearchScreen
from tui.widgets.reading_pane import ReadingPane
from views_support import find_sentence, seed_matcher, settle

SIZE = (120, 36)


def results_text(screen: SearchScreen) -> list[str]:
    results = screen.query_one(OptionList)
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


async def test_slash_then_a_lowercase_word_then_enter_jumps_to_the_sentence() -> None:
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert isinstance(app.focused, Input)
        await pilot.press(*"gazprom")
        await pilot.pause(0.3)
        await settle(app, pilot)
        articles = screen._articles
        shown = results_text(screen)
        assert len(shown) == 2  # the Norwegian and the AFP sentence
        assert all("Gazprom" in text for text in shown)
        first = screen.hits[0]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.location == Location(first.article, first.sentence)
        assert app.screen.query_one(ReadingPane).current_sentence_text == articles[first.article].sentence_text(
            first.sentence
        )
        assert isinstance(app.focused, ReadingPane)


async def test_arrow_down_chooses_the_next_result_and_back_returns() -> None:
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"gazprom")
        await pilot.pause(0.3)
        await settle(app, pilot)
        articles = app.screen._articles
        await pilot.press("down", "enter")
        await settle(app, pilot)
        expected = find_sentence(articles, "Gazprom said that supplies")
        assert app.screen.location == Location(*expected)
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen.location == Location(0, 0)


async def test_accents_do_not_matter_and_the_match_is_highlighted() -> None:
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"ror via sibir")
        await pilot.pause(0.3)
        await settle(app, pilot)
        results = app.screen.query_one(OptionList)
        assert results.option_count == 1
        prompt = results.get_option_at_index(0).prompt
        marked = [str(prompt)[span.start : span.end] for span in prompt.spans if "underline" in str(span.style)]
        assert marked == ["rør via Sibir"]


async def test_nothing_found_says_so_and_escape_closes_without_moving() -> None:
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = app.screen.location
        await pilot.press("slash", *"qqqqqqqq")
        await pilot.pause(0.3)
        await settle(app, pilot)
        assert "Nothing found" in str(app.screen.query_one("#search-status").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.location == before
