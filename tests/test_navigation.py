"""Navigating facts across sources as a reader does it: real keys, the real matcher.

What tests/test_app.py already covers with pinned links (the cursor keys, Tab, the
sidebar's layout, back and forward) is not repeated; these walk the real seeds and
the real link index: the Taiwan path of the issue, the gutter's counts and "only
here" marks with n / N / u, a disagreement found by the engine, and + / -.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from price_articles import write_price_articles
from tui.app import CrossreadApp, make_app
from tui.engine.matcher import DEFAULT_THRESHOLD, KEEP_FLOOR, LinkIndex
from tui.engine.models import Article
from tui.history import Location
from tui.i18n import format_decimal
from tui.screens.main import MainScreen
from tui.widgets.reading_pane import ONLY_HERE, ReadingPane
from tui.widgets.sidebar import THRESHOLD_STEP, Sidebar, none_status
from views_support import real_links, settle, shown_match, shown_status

SIZE = (120, 36)


def screen(app: CrossreadApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def find(articles: Sequence[Article], fragment: str) -> tuple[int, int]:
    found = [
        (a, s)
        for a, article in enumerate(articles)
        for s in range(len(article.sentences))
        if fragment in article.sentence_text(s)
    ]
    assert len(found) == 1, fragment
    return found[0]


async def read_article(pilot: Pilot[None], main: MainScreen, article: int) -> None:
    """Walk the article list (whatever its order) to ``article`` and read it."""
    await pilot.press("g")
    for _ in range(len(main.articles)):
        await pilot.pause()
        if main.location is not None and main.location.article == article:
            break
        await pilot.press("j")
    await pilot.press("enter")
    await pilot.pause()
    assert main.location is not None and main.location.article == article


async def read_the_norwegian_seed(app: CrossreadApp, pilot: Pilot[None]) -> tuple[MainScreen, LinkIndex, int]:
    """Wait for the seeds' index, then read the Norwegian article: (screen, index, its number)."""
    await settle(app, pilot)
    main = screen(app)
    index = main.index
    assert index is not None
    nb = next(a for a, article in enumerate(main.articles) if article.language == "nb")
    await read_article(pilot, main, nb)
    return main, index, nb


def footer_keys(app: CrossreadApp) -> dict[str, bool]:
    """Footer entries on show: description -> greyed out."""
    return {key.description: key.has_class("-disabled") for key in app.screen.query_one(Footer).query(FooterKey)}


def gutter_of_cursor(pane: ReadingPane) -> str:
    """The gutter cells drawn on the first row of the cursor's sentence."""
    assert pane.layout is not None and pane.location is not None
    row = pane.layout.sentence_rows[pane.location.sentence][0] - round(pane.scroll_y)
    assert 0 <= row < pane.scrollable_content_region.height
    return "".join(segment.text for segment in pane.render_line(row))[:3].strip()


def notices(app: CrossreadApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_taiwan_sentence_to_afp_and_back_then_forward() -> None:
    app = make_app(matcher=real_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        main = screen(app)
        keys = footer_keys(app)
        assert (keys["Back"], keys["Forward"]) == (True, True)  # nowhere to go yet: greyed
        nb, taiwan = find(main.articles, "selvstyrte Taiwan")
        assert main.articles[nb].language == "nb"
        await read_article(pilot, main, nb)
        await pilot.press(*["j"] * taiwan)
        await pilot.pause()
        assert main.location == Location(nb, taiwan)

        sidebar = main.query_one(Sidebar)
        afp, island = find(main.articles, "self-ruled island of Taiwan")
        targets = [(link.target, link.target_sentence) for link in sidebar.links]
        assert (afp, island) in targets
        choice = targets.index((afp, island))
        shown = shown_match(sidebar, choice)
        assert "AFP" in shown and "English" in shown and "self-ruled island of Taiwan" in shown

        await pilot.press("tab", *["j"] * choice, "enter")
        await pilot.pause()
        assert main.location == Location(afp, island)
        assert isinstance(app.focused, ReadingPane)
        assert "self-ruled island of Taiwan" in (main.reading_pane.current_sentence_text or "")
        back_links = [(link.target, link.target_sentence) for link in sidebar.links]
        assert (nb, taiwan) in back_links
        back_shown = shown_match(sidebar, back_links.index((nb, taiwan)))
        assert "Norwegian Bokmål" in back_shown and "selvstyrte Taiwan" in back_shown
        keys = footer_keys(app)
        assert (keys["Back"], keys["Forward"]) == (False, True)

        await pilot.press("backspace")
        await pilot.pause()
        assert main.location == Location(nb, taiwan)
        assert "selvstyrte Taiwan" in (main.reading_pane.current_sentence_text or "")
        keys = footer_keys(app)
        assert (keys["Back"], keys["Forward"]) == (True, False)

        await pilot.press("alt+right")
        await pilot.pause()
        assert main.location == Location(afp, island)
        keys = footer_keys(app)
        assert (keys["Back"], keys["Forward"]) == (False, True)


async def test_gutter_counts_only_here_marks_and_n_shift_n_u() -> None:
    app = make_app(matcher=real_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        main, index, nb = await read_the_norwegian_seed(app, pilot)
        pane = main.reading_pane
        counts = [index.corroboration(nb, s) for s in range(len(main.articles[nb].sentences))]
        assert list(pane.corroboration) == counts
        stated = [s for s, count in enumerate(counts) if count]
        only_here = [s for s, count in enumerate(counts) if not count]
        assert len(stated) >= 3 and len(only_here) >= 3  # both kinds exist on the seeds

        await pilot.press("n")  # onto a stated sentence: going round them all then wraps
        await pilot.pause()
        start = pane.location.sentence if pane.location else 0
        assert start in stated
        expected = [s for s in stated if s > start] + [s for s in stated if s <= start]
        for sentence in expected:
            await pilot.press("n")
            await pilot.pause()
            assert main.location == Location(nb, sentence)
            assert gutter_of_cursor(pane) == str(counts[sentence])
        assert any("continued from the start" in notice for notice in notices(app))

        for sentence in reversed(expected[:-1]):
            await pilot.press("N")
            await pilot.pause()
            assert main.location == Location(nb, sentence)

        here = main.location.sentence if main.location else 0
        expected_u = [s for s in only_here if s > here][:3]
        for sentence in expected_u:
            await pilot.press("u")
            await pilot.pause()
            assert main.location == Location(nb, sentence)
            assert gutter_of_cursor(pane) == ONLY_HERE
            assert "Stated by" not in shown_status(main)


async def test_n_in_an_article_stated_nowhere_else_says_so() -> None:
    app = make_app(matcher=real_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        main = screen(app)
        beijing = next(a for a, article in enumerate(main.articles) if article.path.name.startswith("002"))
        await read_article(pilot, main, beijing)
        await pilot.press("j", "n")
        await pilot.pause()
        assert main.location == Location(beijing, 1)  # the other story: nothing to go to
        assert any("No sentence of this article is stated elsewhere" in notice for notice in notices(app))




async def test_sidebar_shows_the_engines_disagreement_with_both_values(tmp_path: Path) -> None:
    write_price_articles(tmp_path)
    app = make_app([tmp_path], matcher=real_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        main = screen(app)
        nb, price = find(main.articles, "4,5 kroner")
        await read_article(pilot, main, nb)
        await pilot.press(*["j"] * price)
        await pilot.pause()
        assert main.location == Location(nb, price)
        shown = shown_match(main, 0)
        assert "disagrees" in shown
        assert "4,5 kroner" in shown and "3.9 kroner" in shown
        assert "3.9 kroner per kilowatt hour" in shown

        await pilot.press("j")  # the sentence about the wind agrees: no badge
        await pilot.pause()
        assert "disagrees" not in shown_match(main, 0)


async def test_plus_and_minus_move_the_threshold_the_title_and_the_counts() -> None:
    app = make_app(matcher=real_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        main = screen(app)
        index = main.index
        assert index is not None
        sidebar = main.sidebar
        assert main.min_score == DEFAULT_THRESHOLD
        assert str(sidebar.border_title) == "Same fact elsewhere · ≥ 0.50"
        nb = next(a for a, article in enumerate(main.articles) if article.language == "nb")
        await read_article(pilot, main, nb)

        def counts(threshold: float) -> list[int]:
            return [index.corroboration(nb, s, threshold) for s in range(len(main.articles[nb].sentences))]

        await pilot.press("plus", "plus", "plus")
        await pilot.pause()
        assert str(sidebar.border_title) == "Same fact elsewhere · ≥ 0.65"
        assert list(main.reading_pane.corroboration) == counts(0.65)
        assert counts(0.65) != counts(DEFAULT_THRESHOLD)
        assert all(link.score >= 0.65 for link in sidebar.links)

        # n follows the shown threshold: it skips sentences only weaker links support.
        await pilot.press("g", "n")
        await pilot.pause()
        assert main.location == Location(nb, next(s for s, c in enumerate(counts(0.65)) if c and s > 0))

        await pilot.press(*["minus"] * 5)
        await pilot.pause()
        assert str(sidebar.border_title) == "Same fact elsewhere · ≥ 0.40"
        assert list(main.reading_pane.corroboration) == counts(0.40)
        assert sum(counts(0.40)) > sum(counts(DEFAULT_THRESHOLD))

        await pilot.press(*["minus"] * 10)
        await pilot.pause()
        assert str(sidebar.border_title) == "Same fact elsewhere · ≥ 0.10"
        assert any("already at its lowest" in notice for notice in notices(app))
        await pilot.press(*["plus"] * 30)
        await pilot.pause()
        assert str(sidebar.border_title) == "Same fact elsewhere · ≥ 0.95"


async def test_an_empty_sidebar_names_the_best_weaker_match_and_minus_shows_it() -> None:
    app = make_app(matcher=real_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        main = screen(app)
        index = main.index
        assert index is not None

        def scores(a: int, s: int) -> list[float]:
            return [link.score for link in index.links_for(a, s, KEEP_FLOOR)]

        def weaker_in(a: int) -> int | None:
            """A sentence whose matches all score just under the threshold."""
            return next(
                (
                    s for s in range(len(main.articles[a].sentences))
                    if scores(a, s) and max(scores(a, s)) < DEFAULT_THRESHOLD <= max(scores(a, s)) + THRESHOLD_STEP
                ),
                None,
            )

        def nothing_in(a: int) -> int | None:
            """A sentence with no match at all."""
            return next((s for s in range(len(main.articles[a].sentences)) if not scores(a, s)), None)

        # The first seed article that has both (which one depends on the models).
        article = next(
            a for a in range(len(main.articles)) if weaker_in(a) is not None and nothing_in(a) is not None
        )
        weaker, nothing = weaker_in(article), nothing_in(article)
        assert weaker is not None and nothing is not None
        await read_article(pilot, main, article)

        await pilot.press("g", *["j"] * nothing)
        await pilot.pause()
        assert main.location == Location(article, nothing)
        assert shown_status(main) == "No counterpart found for this sentence."

        await pilot.press("g", *["j"] * weaker)
        await pilot.pause()
        assert main.location == Location(article, weaker)
        assert not main.sidebar.links
        best = format_decimal(max(scores(article, weaker)))
        assert shown_status(main) == (
            f"No counterpart at ≥ {format_decimal(DEFAULT_THRESHOLD)}; the best weaker match scores {best}"
            " (- lowers the threshold)."
        )
        await pilot.press("enter")  # Enter's "best match" says the same
        await pilot.pause()
        assert main.location == Location(article, weaker)
        assert any(f"the best weaker match scores {best}" in notice for notice in notices(app))

        await pilot.press("minus")
        await pilot.pause()
        assert [format_decimal(link.score) for link in main.sidebar.links][:1] == [best]

        # Rejected, those weaker matches stay hidden: the message no longer offers them.
        listed = main.sidebar.links
        await pilot.press("tab", *["d"] * len(listed))
        await pilot.pause()
        assert not main.sidebar.links
        assert app.focused is main.reading_pane  # the keys still go somewhere
        await pilot.press("plus")
        await pilot.pause()
        assert not main.sidebar.links and main.min_score == DEFAULT_THRESHOLD
        left = [score for score in scores(article, weaker) if score < min(link.score for link in listed)]
        assert shown_status(main) == none_status(max(left, default=None), DEFAULT_THRESHOLD)
        assert best not in shown_status(main)
        await pilot.press("enter")
        await pilot.pause()
        assert notices(app)[-1] == none_status(max(left, default=None), DEFAULT_THRESHOLD)
