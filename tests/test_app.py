"""The reader as a user drives it: real key presses on the real seed articles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from tui.app import CrossreadApp, make_app
from tui.engine.matcher import LinkIndex, Progress
from tui.engine.models import Article, Discrepancy, Evidence, Link
from tui.engine.seeds import seed_paths
from tui.history import Location
from tui.messages import ArticlesLoaded
from tui.screens.help import HelpScreen
from tui.screens.info import InfoScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reading_pane import ReadingPane
from tui.widgets.sidebar import MatchList, Sidebar
from views_support import shown_match, shown_status

SIZE = (120, 36)


def make_index(articles: Sequence[Article], links: dict[tuple[int, int], list[Link]]) -> LinkIndex:
    """A link index holding exactly ``links``; each article its own source, one story."""
    return LinkIndex(articles, links, [0] * len(articles), list(range(len(articles))))


def no_links(articles: Sequence[Article], progress: Callable[[Progress], None] | None = None) -> LinkIndex:
    """A matcher that finds nothing: the sidebar's empty state, whatever the real one does."""
    return make_index(articles, {})


def _find(articles: Sequence[Article], fragment: str) -> tuple[int, int]:
    for a, article in enumerate(articles):
        for s, sentence in enumerate(article.sentences):
            if fragment in sentence.text(article.text):
                return a, s
    raise AssertionError(f"no seed sentence contains {fragment!r}")


#: Pinned links between seed sentences, so navigation is tested whatever the matcher scores.
PINNED = [
    ("rekordmye gass til Kina", "Gazprom said that supplies", 0.9),
    ("rekordmye gass til Kina", "the Power 2 gas pipeline", 0.6),
    ("statsminister Mikhail Misjustin i Moskva", "Xi earlier met with Prime Minister", 0.8),
]


def pinned_links(articles: Sequence[Article], progress: Callable[[Progress], None] | None = None) -> LinkIndex:
    links: dict[tuple[int, int], list[Link]] = {}
    for source_text, target_text, score in PINNED:
        (a, s), (b, t) = _find(articles, source_text), _find(articles, target_text)
        sentence = articles[b].sentences[t]
        name = articles[b].text.find("Gazprom", sentence.start, sentence.end)
        spans = ((name, name + len("Gazprom")),) if name >= 0 else ()
        disagreement = ()
        if "Misjustin" in source_text:
            disagreement = (Discrepancy("date", "tirsdag", "the second day"),)
        link = Link(
            a, s, b, t, score, Evidence(target_spans=spans), disagreement, cross_story=bool(disagreement)
        )
        links.setdefault((a, s), []).append(link)
    for found in links.values():
        found.sort(key=lambda link: -link.score)
    return make_index(articles, links)


async def settle(app: CrossreadApp, pilot: Pilot[None]) -> None:
    """Wait until loading and matching are done and the screen has caught up."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def reader(app: CrossreadApp) -> ReadingPane:
    return app.screen.query_one(ReadingPane)


def highlighted_text(pane: ReadingPane) -> str:
    """The characters drawn with the cursor's background, rows joined by spaces."""
    cursor = pane.get_component_rich_style("reading-pane--cursor").bgcolor
    rows: list[str] = []
    for y in range(pane.scrollable_content_region.height):
        picked = "".join(
            segment.text
            for segment in pane.render_line(y)
            if segment.style is not None and segment.style.bgcolor == cursor
        )
        if picked:
            rows.append(picked.strip())
    return " ".join(rows)


def flat(text: str) -> str:
    return " ".join(text.split())


async def test_all_seeds_are_listed_with_their_details() -> None:
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        assert [a.path.name for a in articles.articles] == [p.name for p in seed_paths()]
        first = str(articles.get_option_at_index(0).prompt)
        assert "Norwegian Bokmål" in first
        assert "words" in first
        assert "unknown" in first  # the seeds do not name their outlet: nothing is invented
        cnn = str(articles.get_option_at_index(4).prompt)
        assert "CNN" in cnn and "Mar 21, 2023" in cnn


async def test_moving_in_the_list_shows_that_article() -> None:
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        names = [p.name for p in seed_paths()]
        assert reader(app).article is not None
        assert reader(app).article.path.name == names[0]
        await pilot.press("j")
        await pilot.pause()
        assert reader(app).article.path.name == names[1]
        await pilot.press("down", "down")
        await pilot.pause()
        assert reader(app).article.path.name == names[3]
        await pilot.press("k")
        await pilot.pause()
        assert reader(app).article.path.name == names[2]
        await pilot.press("G")
        await pilot.pause()
        assert reader(app).article.path.name == names[-1]
        await pilot.press("g")
        await pilot.pause()
        assert reader(app).article.path.name == names[0]


async def test_enter_moves_into_the_reading_pane() -> None:
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.focused, ArticleList)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.focused, ReadingPane)
        assert reader(app).article.path.name == seed_paths()[1].name


async def test_sentence_cursor_highlights_exactly_the_sentence() -> None:
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        pane = reader(app)
        article = pane.article
        assert article is not None
        assert highlighted_text(pane) == flat(article.sentence_text(0))
        await pilot.press("j", "j")
        await pilot.pause()
        assert pane.current_sentence_text == article.sentence_text(2)
        assert highlighted_text(pane) == flat(article.sentence_text(2))
        await pilot.press("k")
        await pilot.pause()
        assert highlighted_text(pane) == flat(article.sentence_text(1))
        await pilot.press("down", "up", "up")
        await pilot.pause()
        assert pane.current_sentence_text == article.sentence_text(0)


async def test_quick_key_repeats_each_move_the_cursor() -> None:
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        pane = reader(app)
        type_ahead(app, *["j"] * 5)  # faster than they are handled, as in a terminal
        await pilot.pause()
        assert pane.location == Location(0, 5)
        assert app.screen.location == Location(0, 5)
        assert highlighted_text(pane) == flat(pane.articles[0].sentence_text(5))


def type_ahead(app: CrossreadApp, *keys: str) -> None:
    """Deliver keys the way a terminal (or tmux) does: all at once, nothing waits."""
    names = {"enter": "\r", "tab": "\t"}
    for key in keys:
        app.post_message(events.Key(key, names.get(key, key)))


async def test_keys_typed_ahead_go_where_the_user_meant() -> None:
    app = make_app(matcher=pinned_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        type_ahead(app, "j", "j", "enter", "j")
        await pilot.pause()
        assert isinstance(app.focused, ReadingPane)
        assert reader(app).location == Location(2, 1)

        source = _find(reader(app).articles, "rekordmye gass til Kina")
        second = _find(reader(app).articles, "the Power 2 gas pipeline")
        type_ahead(app, "shift+tab", "g", "enter", *["j"] * source[1], "tab", "j", "enter", "j")
        await pilot.pause()
        assert isinstance(app.focused, ReadingPane)
        assert reader(app).location == Location(second[0], second[1] + 1)
        assert app.screen.location == reader(app).location

        type_ahead(app, "backspace", "j")
        await pilot.pause()
        assert reader(app).location == Location(source[0], source[1] + 1)


async def test_g_and_shift_g_jump_to_first_and_last_sentence_and_keep_it_in_view() -> None:
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "G")
        await pilot.pause()
        pane = reader(app)
        article = pane.article
        assert article is not None
        last = len(article.sentences) - 1
        assert pane.current_sentence_text == article.sentence_text(last)
        assert pane.scroll_y > 0
        assert highlighted_text(pane) == flat(article.sentence_text(last))
        await pilot.press("g")
        await pilot.pause()
        assert pane.current_sentence_text == article.sentence_text(0)
        assert pane.scroll_y == 0
        assert highlighted_text(pane) == flat(article.sentence_text(0))


async def test_page_down_moves_a_screenful_and_page_up_comes_back() -> None:
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "pagedown")
        await pilot.pause()
        pane = reader(app)
        layout = pane.layout
        assert layout is not None and pane.location is not None
        moved_to = pane.location.sentence
        first_row = layout.sentence_rows[moved_to][0]
        assert first_row >= pane.scrollable_content_region.height - 1
        assert highlighted_text(pane).startswith(flat(pane.current_sentence_text or "")[:20])
        await pilot.press("pageup")
        await pilot.pause()
        assert pane.location.sentence < moved_to
        assert pane.scroll_y < first_row


async def test_tab_and_shift_tab_cycle_the_panes() -> None:
    app = make_app(matcher=pinned_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", *["j"] * _find(reader(app).articles, "rekordmye")[1])
        await pilot.pause()
        assert isinstance(app.focused, ReadingPane)
        await pilot.press("tab")
        assert isinstance(app.focused, MatchList)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("tab")
        assert isinstance(app.focused, ReadingPane)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ArticleList)


async def test_q_quits() -> None:
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_question_mark_lists_every_key() -> None:
    from tui.commands import COMMANDS

    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(text.render()) for text in app.screen.query(Static))
        for command in COMMANDS:
            assert command.description in shown
        for key in ("j / ↓", "g / Home", "G / End", "Tab", "Backspace", "Alt+→", "?", "s", "q"):
            assert key in shown
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_sidebar_lists_matches_and_enter_opens_one_then_back_and_forward() -> None:
    app = make_app(matcher=pinned_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        articles = reader(app).articles
        source = _find(articles, "rekordmye gass til Kina")
        best = _find(articles, "Gazprom said that supplies")
        second = _find(articles, "the Power 2 gas pipeline")
        await pilot.press("enter", *["j"] * source[1])
        await pilot.pause()
        sidebar = app.screen.query_one(Sidebar)
        assert [(link.target, link.target_sentence) for link in sidebar.links] == [best, second]
        shown = shown_match(sidebar, 0)
        assert "AFP" in shown and "90%" in shown and "Gazprom said that supplies" in shown
        assert "Stated by 2 other sources" in shown_status(sidebar)
        pane = reader(app)
        assert pane.corroboration[source[1]] == 2
        assert pane.layout is not None
        row = pane.layout.sentence_rows[source[1]][0] - round(pane.scroll_y)
        assert "".join(segment.text for segment in pane.render_line(row))[:3].strip() == "2"

        await pilot.press("enter")  # in the reading pane: open the best match
        await pilot.pause()
        assert reader(app).location == Location(*best)
        assert isinstance(app.focused, ReadingPane)
        assert "Gazprom said that supplies" in (reader(app).current_sentence_text or "")

        await pilot.press("backspace")
        await pilot.pause()
        assert reader(app).location == Location(*source)
        await pilot.press("alt+right")
        await pilot.pause()
        assert reader(app).location == Location(*best)
        await pilot.press("alt+left")
        await pilot.pause()
        assert reader(app).location == Location(*source)

        await pilot.press("tab", "j", "enter")  # into the sidebar, second match, open it
        await pilot.pause()
        assert reader(app).location == Location(*second)
        assert isinstance(app.focused, ReadingPane)
        assert app.screen.query_one(ArticleList).highlighted == second[0]


async def test_matches_from_articles_that_name_no_outlet_are_told_apart_by_title() -> None:
    """Two matches in two articles whose text names no outlet: each entry names its
    article by the start of its title, not both "outlet unknown"."""

    def two_unnamed(articles: Sequence[Article], progress: Callable[[Progress], None] | None = None) -> LinkIndex:
        (a, s) = _find(articles, "Kina skal få hjelp")
        targets = [_find(articles, "ready to help Chinese businesses"), _find(articles, "has thanked Xi Jinping")]
        assert all(articles[b].outlet is None for b, _t in targets)
        return make_index(articles, {(a, s): [Link(a, s, b, t, 0.9 - i / 10) for i, (b, t) in enumerate(targets)]})

    app = make_app(matcher=two_unnamed, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        heads = [shown_match(app.screen, i).split(" · ")[0] for i in range(2)]
        assert heads == ["Russian President…", "Vladimir Putin…"]


async def test_sidebar_flags_disagreement_with_both_values_and_other_stories() -> None:
    app = make_app(matcher=pinned_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        source = _find(reader(app).articles, "statsminister Mikhail Misjustin i Moskva")
        await pilot.press("enter", *["j"] * source[1])
        await pilot.pause()
        shown = shown_match(app.screen, 0)
        assert "disagrees" in shown and "other story" in shown
        assert "tirsdag" in shown and "the second day" in shown
        assert "Xi earlier met with Prime Minister" in shown


async def test_sidebar_says_plainly_when_there_is_no_counterpart() -> None:
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        status = shown_status(app.screen)
        assert "No counterpart found" in status
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert reader(app).location == Location(0, 0)


async def test_sidebar_says_so_while_the_index_builds() -> None:
    import threading

    release = threading.Event()

    def slow(articles: Sequence[Article], progress: Callable[[Progress], None] | None = None) -> LinkIndex:
        if progress is not None:
            progress(Progress("linking", 1, 4))
        release.wait(10)
        return no_links(articles)

    app = make_app(matcher=slow, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(400):
            await pilot.pause(0.05)
            if app.screen.query_one(Sidebar).progress is not None:
                break
        status = shown_status(app.screen)
        assert "Finding the same facts" in status
        assert app.screen.query_one("#sidebar-progress").display
        release.set()
        await settle(app, pilot)
        assert "No counterpart found" in shown_status(app.screen)


async def test_s_hides_and_shows_the_sidebar() -> None:
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        sidebar = app.screen.query_one(Sidebar)
        assert sidebar.display
        await pilot.press("s")
        await pilot.pause()
        assert not sidebar.display
        await pilot.press("s")
        await pilot.pause()
        assert sidebar.display


async def test_i_shows_the_article_details() -> None:
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        article = reader(app).article
        assert article is not None
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InfoScreen)
        shown = " ".join(str(text.render()) for text in app.screen.query(Static))
        assert article.digest in shown and article.encoding in shown and article.path.name in shown
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, InfoScreen)


HOSTILE = (
    "[bold]Not bold[/] and [@click=app.quit]not a link[/] here.\n\n"
    "Escape \x1b[31mred\x1b[0m and \x1b]8;;http://evil.example\x07a link\x1b]8;;\x07 end.\n\n"
    "A bell \x07, a backspace \x08, a DEL \x7f and \x9b31m a C1 control.\n"
)


async def test_markup_and_escape_sequences_are_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    app = make_app([path], matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        pane = reader(app)
        assert pane.article is not None
        drawn = flat(
            " ".join(
                "".join(segment.text for segment in pane.render_line(y))
                for y in range(pane.scrollable_content_region.height)
            )
        )
        assert "[bold]Not bold[/]" in drawn
        assert "[@click=app.quit]not a link[/]" in drawn
        assert "\u241b[31mred" in drawn  # ESC drawn as its control picture
        assert "\u2407" in drawn and "\u2408" in drawn and "\u2421" in drawn and "\\x9b31m" in drawn
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in drawn)
        title = str(app.screen.query_one(ArticleList).get_option_at_index(0).prompt)
        assert "[bold]Not bold[/]" in title
        await pilot.press("enter")
        await pilot.click(ReadingPane, offset=(8, 1))
        await pilot.pause()
        assert app.is_running
        await pilot.press("j", "j", "j", "G")
        await pilot.pause()
        assert app.is_running


async def test_a_binary_file_is_reported_and_skipped_while_the_others_load(tmp_path: Path) -> None:
    seeds = seed_paths()
    (tmp_path / "a.txt").write_bytes(seeds[0].read_bytes())
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "c.txt").write_bytes(seeds[1].read_bytes())
    (tmp_path / "d\x1b[31m.txt").write_bytes(b"\x00\x01\x02" * 100)
    app = make_app([tmp_path], matcher=no_links)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        articles = app.screen.query_one(ArticleList)
        assert [a.path.name for a in articles.articles] == ["a.txt", "c.txt"]
        assert [s.path.name for s in articles.skipped] == ["b.txt", "d\x1b[31m.txt"]
        skipped = articles.get_option_at_index(1)  # listed where it was met, between a and c
        assert skipped.disabled and "b.txt" in str(skipped.prompt)
        assert "d\u241b[31m.txt" in str(articles.get_option_at_index(3).prompt)
        await pilot.press("j")  # the highlight steps over the skipped file
        await pilot.pause()
        assert reader(app).article is not None and reader(app).article.path.name == "c.txt"
        messages = [str(n.message) for n in app._notifications]
        assert any("b.txt" in message for message in messages)
        assert any("d\u241b[31m.txt" in message for message in messages)
        assert not any("\x1b" in message for message in messages)
        assert "2 skipped" in str(articles.border_subtitle)


async def test_the_list_fills_while_files_load(tmp_path: Path) -> None:
    for n, seed in enumerate(seed_paths()):
        (tmp_path / f"{n}.txt").write_bytes(seed.read_bytes())
    listed_when_loaded: list[tuple[int, int]] = []
    app = make_app([tmp_path], matcher=no_links)

    def record(message: object) -> None:
        if isinstance(message, ArticlesLoaded):
            listed = len(app.screen.query_one(ArticleList).articles)
            listed_when_loaded.append((listed, len(message.articles)))

    async with app.run_test(size=SIZE, message_hook=record) as pilot:
        await settle(app, pilot)
        # The first article comes alone, at once; the rest follow in batches that add up.
        assert listed_when_loaded[0] == (0, 1)
        listed = 0
        for before, batch in listed_when_loaded:
            assert before == listed
            listed += batch
        assert listed == 5
        assert app.screen.query_one(OptionList).option_count == 5
        assert "loading" not in str(app.screen.query_one(ArticleList).border_subtitle)


def _jsonl_export(tmp_path: Path) -> Path:
    """Two articles exported by a user's own tool: one with its link, one without."""
    import json

    seeds = seed_paths()
    lines = [
        {
            "title": "Putin: – Kina skal få hjelp",
            "text": seeds[0].read_text(encoding="utf-8"),
            "url": "https://www.nrk.no/urix/putin-kina-1.16344444",
            "outlet": "NRK",
            "lang": "nb",
        },
        {"title": "Putin, Xi sign partnership", "text": seeds[1].read_text(encoding="utf-8"), "outlet": "AP"},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    return path


async def test_o_opens_the_article_link_and_says_so_when_there_is_none(tmp_path: Path) -> None:
    app = make_app([_jsonl_export(tmp_path)], matcher=no_links, isolate=False)
    opened: list[str] = []
    app.open_url = lambda url, **_: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert reader(app).article is not None and reader(app).article.outlet == "NRK"
        await pilot.press("o")
        await pilot.pause()
        assert opened == ["https://www.nrk.no/urix/putin-kina-1.16344444"]
        await pilot.press("j")
        await pilot.pause()
        assert reader(app).article.outlet == "AP"
        await pilot.press("o")
        await pilot.pause()
        assert opened == ["https://www.nrk.no/urix/putin-kina-1.16344444"]
        messages = [str(n.message) for n in app._notifications]
        assert any("has no original link" in message for message in messages)


async def test_article_text_wraps_inside_the_pane_without_sideways_scrolling() -> None:
    """The text is wrapped before the pane knows it will scroll; the vertical scrollbar
    that then appears must not clip the end of each line."""
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "j", "j")
        await pilot.pause()
        pane = reader(app)
        assert pane.show_vertical_scrollbar
        assert pane.virtual_size.width <= pane.scrollable_content_region.width
        assert not pane.show_horizontal_scrollbar


async def test_the_loaded_corpus_is_left_out_of_cycle_collection_while_the_screen_lives() -> None:
    import gc

    gc.unfreeze()
    app = make_app(matcher=no_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.screen.index is not None
        assert gc.get_freeze_count() > 0
        article = app.screen.articles[0]
        assert not any(gc.is_tracked(o) and o is article for o in gc.get_objects())  # frozen: not walked
    assert gc.get_freeze_count() == 0  # given back when the screen goes


async def test_the_footer_relabelled_in_place_shows_what_a_rebuilt_one_would() -> None:
    from textual.widgets._footer import FooterKey

    from tui.widgets.footer import QuickFooter

    def keys(footer: QuickFooter) -> list[tuple[str, str, str, bool, str]]:
        return [
            (k.key, k.key_display, k.description, k.has_class("-disabled"), str(k.tooltip or ""))
            for k in footer.query(FooterKey)
        ]

    app = make_app(matcher=pinned_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        footer = app.screen.query_one(QuickFooter)
        seen = []
        for key in ("enter", "enter", "tab", "backspace", "shift+tab", "shift+tab"):
            before = list(footer.query(FooterKey))
            await pilot.press(key)
            await pilot.pause()
            kept = list(footer.query(FooterKey))
            assert kept == before  # the same keys, relabelled
            relabelled = keys(footer)
            footer.refresh(recompose=True)
            await pilot.pause()
            await pilot.pause()
            assert all(k not in kept for k in footer.query(FooterKey))  # rebuilt
            assert keys(footer) == relabelled, key
            seen.append(relabelled)
        assert len({tuple(s) for s in seen}) > 1  # moving between the panes did change the keys


async def test_the_footer_keys_stay_in_place_as_enter_changes_its_word() -> None:
    """Enter reads, finds the best match or opens one, depending on the pane; its
    word changes, and the keys after it do not move under the mouse."""
    from textual.widgets._footer import FooterKey

    from tui.widgets.footer import QuickFooter

    app = make_app(matcher=pinned_links, isolate=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        footer = app.screen.query_one(QuickFooter)

        def shown() -> tuple[str, list[tuple[str, int, int]]]:
            keys = list(footer.query(FooterKey))
            enter = next(k.description.strip() for k in keys if k.key == "enter")
            return enter, [(k.key, k.region.x, k.region.width) for k in keys]

        words, places = set(), set()
        for key in ("enter", "tab", "shift+tab", "shift+tab"):
            await pilot.press(key)
            await pilot.pause()
            word, where = shown()
            words.add(word)
            places.add(tuple(where))
        assert {"Read", "Best match"} <= words
        assert len(places) == 1
