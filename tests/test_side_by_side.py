"""Side by side: a Norwegian sentence above its English matches, evidence highlighted."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.app import make_app
from tui.history import Location
from tui.screens.main import MainScreen
from tui.screens.side_by_side import SideBySideScreen
from views_support import find_sentence, seed_matcher, settle

SIZE = (120, 36)


def panel(screen: SideBySideScreen, which: str) -> Content:
    content = screen.query_one(f"#pair-{which}-text", Static).visual
    assert isinstance(content, Content)
    return content


def marked(content: Content) -> list[str]:
    text = content.plain
    return [text[span.start : span.end] for span in content.spans if "underline" in str(span.style)]


async def press_v(app, pilot) -> SideBySideScreen:
    """Press v and return the side-by-side window it opens."""
    await pilot.press("v")
    await pilot.pause()
    assert isinstance(app.screen, SideBySideScreen)
    return app.screen


async def open_gas_sentence(app, pilot) -> tuple[int, int]:
    """Search for the Norwegian Gazprom sentence and jump to it."""
    await settle(app, pilot)
    await pilot.press("slash", *"rekordmye")
    await pilot.pause(0.3)
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    where = find_sentence(app.screen.articles, "rekordmye gass til Kina")
    assert app.screen.location == Location(*where)
    return where


async def test_v_shows_the_sentence_above_its_best_match_with_sources_and_evidence() -> None:
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        await open_gas_sentence(app, pilot)
        screen = await press_v(app, pilot)
        source, target = panel(screen, "source").plain, panel(screen, "target").plain
        assert "Norwegian Bokmål" in source and "rekordmye gass til Kina i rør via Sibir" in source
        assert "English" in target and "AFP" in target
        assert "Gazprom said that supplies through the Power of Siberia pipeline" in target
        assert "match 1 of 2 · 90%" in target
        assert marked(panel(screen, "source")) == ["Gazprom"]
        assert marked(panel(screen, "target")) == ["Gazprom"]


async def test_j_and_k_step_through_the_other_matches() -> None:
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        await open_gas_sentence(app, pilot)
        await pilot.press("v", "j")
        await pilot.pause()
        screen = app.screen
        target = panel(screen, "target")
        assert "Power 2 gas pipeline" in target.plain and "CNN" in target.plain
        assert "match 2 of 2 · 60%" in target.plain
        assert marked(target) == ["gas exports"]
        assert marked(panel(screen, "source")) == ["rekordmye gass"]
        await pilot.press("j")  # no third match: stays
        await pilot.pause()
        assert "match 2 of 2" in panel(screen, "target").plain
        await pilot.press("k")
        await pilot.pause()
        assert "match 1 of 2" in panel(screen, "target").plain


async def test_enter_opens_the_match_and_escape_just_closes() -> None:
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        where = await open_gas_sentence(app, pilot)
        await pilot.press("v", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.screen.location == Location(*where)
        await pilot.press("v", "j", "enter")
        await settle(app, pilot)
        assert app.screen.location == Location(*find_sentence(app.screen.articles, "the Power 2 gas pipeline"))


async def test_a_sentence_without_matches_says_so() -> None:
    app = make_app(matcher=seed_matcher)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await press_v(app, pilot)
        assert screen.link is None
        assert "No counterpart found for this sentence." in panel(screen, "target").plain
        first = screen._articles[0].sentence_text(0)
        assert first in panel(screen, "source").plain


async def test_real_matcher_pairs_the_norwegian_gazprom_sentence_with_afp() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_gas_sentence(app, pilot)
        screen = await press_v(app, pilot)
        target = panel(screen, "target")
        assert "AFP · English" in target.plain and "Gazprom said that supplies" in target.plain
        assert {"Gazprom", "Siberia", "China"} <= set(marked(target))
        assert {"Gazprom", "Sibir", "Kina"} <= set(marked(panel(screen, "source")))
