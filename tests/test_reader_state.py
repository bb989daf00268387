"""What the reader remembers between runs, driven by real key presses on the seeds.

Every test keeps its state in its own file under ``tmp_path`` (through the same
``--state`` / ``--no-state`` options the command line has), so the user's own data
directory is never touched.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app import CrossreadApp, make_app
from tui.cli import build_parser
from tui.cli_links import run_links
from tui.cli_state import open_state_from
from tui.engine.loader import load_paths
from tui.engine.matcher import DEFAULT_THRESHOLD, LinkIndex
from tui.engine.models import Article
from tui.engine.seeds import seed_paths
from tui.engine.state import open_state
from tui.history import Location
from tui.widgets.article_list import UNREAD_MARK, ArticleList
from tui.widgets.reading_pane import ReadingPane
from tui.widgets.sidebar import MatchList, Sidebar, stepped_threshold
from views_support import real_links, settle, shown_match, shown_status

SIZE = (140, 40)
BEIJING = "002_"  # the seed about the 2024 Beijing meeting: another story


@asynccontextmanager
async def running(argv: list[str]) -> AsyncIterator[tuple[CrossreadApp, Pilot[None]]]:
    """The reader as ``crossread ARGV`` starts it, settled, on the real matcher."""
    options = build_parser().parse_args(argv)
    with open_state_from(options) as state:
        app = make_app(options.paths or None, matcher=real_links, isolate=False, state=state)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            yield app, pilot


def article_list(app: CrossreadApp) -> ArticleList:
    return app.screen.query_one(ArticleList)


def row(app: CrossreadApp, article: int) -> str:
    return str(article_list(app).get_option(f"article-{article}").prompt)


def rows(app: CrossreadApp) -> list[str]:
    return [str(option.prompt) for option in article_list(app).options]


def location(app: CrossreadApp) -> Location | None:
    return app.screen.query_one(ReadingPane).location


def messages(app: CrossreadApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def seed_articles() -> list[Article]:
    return load_paths(seed_paths()).articles


async def test_read_marks_and_m_persist_across_two_runs(tmp_path: Path) -> None:
    state = ["--state", str(tmp_path / "state.sqlite3")]
    async with running(state) as (app, pilot):
        assert all(row(app, a).startswith(UNREAD_MARK) for a in range(5))
        await pilot.press("j", "k")  # browsing the list marks nothing read
        assert all(row(app, a).startswith(UNREAD_MARK) for a in range(5))
        await pilot.press("enter")  # reading the first article marks it read
        assert not row(app, 0).startswith(UNREAD_MARK)
        await pilot.press("shift+tab", "n")
        assert article_list(app).highlighted_article == 1
        assert location(app) == Location(1, 0)
        await pilot.press("m")  # read without opening it
        await pilot.press("n")
        third = article_list(app).highlighted_article
        assert third not in (0, 1)
        await pilot.press("m", "m")  # twice: unread again
        assert row(app, third).startswith(UNREAD_MARK)
    async with running(state) as (app, pilot):
        read = [a for a in range(5) if not row(app, a).startswith(UNREAD_MARK)]
        assert read == [0, 1]
        await pilot.press("n")
        assert article_list(app).highlighted_article == third
        await pilot.press("g", "j", "m")  # article 1 unread again
    with open_state(tmp_path / "state.sqlite3") as store:
        assert store.read_digests() == {seed_articles()[0].digest}


async def test_n_in_the_list_says_when_everything_is_read(tmp_path: Path) -> None:
    async with running(["--state", str(tmp_path / "state.sqlite3")]) as (app, pilot):
        for _ in range(5):
            await pilot.press("m", "n")
        assert not any(r.startswith(UNREAD_MARK) for r in rows(app))
        assert any("Every article listed is read" in m for m in messages(app))


async def test_the_cursor_is_restored_in_the_session_and_after_restart(tmp_path: Path) -> None:
    state = ["--state", str(tmp_path / "state.sqlite3")]
    async with running(state) as (app, pilot):
        await pilot.press("enter", "j", "j", "j")
        assert location(app) == Location(0, 3)
        await pilot.press("shift+tab", "j", "enter", "j")
        assert location(app) == Location(1, 1)
        await pilot.press("shift+tab", "k")
        assert location(app) == Location(0, 3)
    async with running(state) as (app, pilot):
        assert location(app) == Location(0, 3)  # where the reader was left
        pane = app.screen.query_one(ReadingPane)
        assert pane.current_sentence_text == seed_articles()[0].sentence_text(3)
        await pilot.press("j", "enter")
        assert location(app) == Location(1, 1)


def _sentence_with_links(index: LinkIndex, article: int, at_least: int) -> tuple[int, int]:
    """A sentence of ``article`` with ``at_least`` links, and how many presses of "-"
    (from the default threshold) show them: as few as will do."""
    for steps in range(0, 9):
        threshold = stepped_threshold(DEFAULT_THRESHOLD, -steps)
        for sentence in range(len(index.articles[article].sentences)):
            if len(index.links_for(article, sentence, threshold)) >= at_least:
                return sentence, steps
    raise AssertionError(f"no sentence of article {article} has {at_least} links")


async def test_verdicts_show_persist_and_rejected_links_hide(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    articles = seed_articles()
    index = real_links(articles)
    sentence, lower = _sentence_with_links(index, 0, 3)
    first, second, third = index.links_for(0, sentence, stepped_threshold(DEFAULT_THRESHOLD, -lower))[:3]
    async with running(["--state", str(path)]) as (app, pilot):
        sidebar = app.screen.query_one(Sidebar)
        matches = app.screen.query_one(MatchList)
        await pilot.press("enter", *["minus"] * lower, *["j"] * sentence, "tab")
        assert app.focused is matches
        assert sidebar.links[:3] == [first, second, third]
        await pilot.press("y")
        assert "✓ confirmed" in shown_match(app.screen, 0)
        await pilot.press("j", "d")
        assert second not in sidebar.links
        assert sidebar.highlighted_link == third  # the highlight stays in place
        await pilot.press("r")
        assert sidebar.links[:3] == [first, second, third]
        assert "✗ rejected" in shown_match(app.screen, 1)
        await pilot.press("r")
        assert second not in sidebar.links
    with open_state(path) as store:
        assert store.verdicts() == {
            (articles[0].digest, sentence, articles[first.target].digest, first.target_sentence): "confirm",
            (articles[0].digest, sentence, articles[second.target].digest, second.target_sentence): "reject",
        }
    async with running(["--state", str(path)]) as (app, pilot):
        sidebar = app.screen.query_one(Sidebar)
        matches = app.screen.query_one(MatchList)
        assert location(app) == Location(0, sentence)
        await pilot.press(*["minus"] * lower)  # the threshold is not kept between sessions
        assert second not in sidebar.links and first == sidebar.links[0]
        assert "✓ confirmed" in shown_match(app.screen, 0)
        await pilot.press("enter", "tab", "d")  # reject the best match too
        assert sidebar.links[0] == third
        await pilot.press("shift+tab", "enter")  # Enter opens the best match not rejected
        assert location(app) == Location(third.target, third.target_sentence)


async def test_the_same_verdict_key_twice_forgets_the_verdict(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    async with running(["--state", str(path)]) as (app, pilot):
        await pilot.press("enter", "n", "tab", "y")  # the first sentence stated elsewhere
        assert "✓" in shown_match(app.screen, 0)
        await pilot.press("y")
        assert "✓" not in shown_match(app.screen, 0)
    with open_state(path) as store:
        assert store.verdicts() == {}


def _export(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, object]]]:
    code = run_links(["--format", "json", *argv])
    return code, json.loads(capsys.readouterr().out)


def _record_key(record: dict[str, object]) -> tuple[str, object, str, object]:
    return (
        Path(str(record["source_file"])).name,
        record["source_sentence"],
        Path(str(record["target_file"])).name,
        record["target_sentence"],
    )


def test_links_export_carries_verdicts_and_leaves_out_rejected_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "state.sqlite3"
    articles = seed_articles()
    links = real_links(articles).all_links()
    confirmed, rejected = links[0], links[1]

    def key(link: object) -> tuple[str, int, str, int]:
        return (
            articles[link.source].path.name,  # type: ignore[attr-defined]
            link.source_sentence,  # type: ignore[attr-defined]
            articles[link.target].path.name,  # type: ignore[attr-defined]
            link.target_sentence,  # type: ignore[attr-defined]
        )

    with open_state(path) as store:
        for link, verdict in ((confirmed, "confirm"), (rejected, "reject")):
            store.set_verdict(
                (articles[link.source].digest, link.source_sentence, articles[link.target].digest, link.target_sentence),
                verdict,
            )
    saved = path.read_bytes()

    code, records = _export(capsys, "--state", str(path))
    assert code == 0
    by_key = {_record_key(r): r for r in records}
    assert len(records) == len(links) - 1
    assert by_key[key(confirmed)]["verdict"] == "confirm"
    assert key(rejected) not in by_key
    assert sum(1 for r in records if r["verdict"] is None) == len(links) - 2

    code, records = _export(capsys, "--state", str(path), "--include-rejected")
    by_key = {_record_key(r): r for r in records}
    assert len(records) == len(links)
    assert by_key[key(rejected)]["verdict"] == "reject"

    assert run_links(["--format", "csv", "--state", str(path)]) == 0
    csv_text = capsys.readouterr().out
    assert csv_text.splitlines()[0].endswith(",verdict")
    assert sum(1 for line in csv_text.splitlines() if line.endswith(",confirm")) == 1
    assert path.read_bytes() == saved  # the export only reads the state


def test_links_export_reports_a_corrupt_state_and_still_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"not a database at all " * 64)
    code = run_links(["--state", str(path)])
    captured = capsys.readouterr()
    assert code == 0
    assert json.loads(captured.out)
    assert "state file" in captured.err.lower()
    assert path.read_bytes() == b"not a database at all " * 64


async def test_no_state_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    async with running(["--no-state", "--state", str(path)]) as (app, pilot):
        await pilot.press("enter", "j", "tab", "y", "shift+tab", "shift+tab", "j", "m")
        assert not row(app, 0).startswith(UNREAD_MARK)  # kept for the session
        assert not row(app, 1).startswith(UNREAD_MARK)
    assert list(tmp_path.iterdir()) == []


async def test_no_state_reads_saved_state_but_leaves_it_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    articles = seed_articles()
    with open_state(path) as store:
        store.set_read(articles[2].digest)
    saved = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    async with running(["--no-state", "--state", str(path)]) as (app, pilot):
        assert not row(app, 2).startswith(UNREAD_MARK)
        await pilot.press("enter", "j", "j", "shift+tab", "m")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == saved


async def test_a_corrupt_state_file_is_reported_and_the_reader_starts(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    async with running(["--state", str(path)]) as (app, pilot):
        assert any("unusable" in m and "moved it" in m for m in messages(app))
        assert len(article_list(app).articles) == 5
        await pilot.press("enter")
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert list(tmp_path.glob("state.sqlite3.broken-*"))
    with open_state(path) as store:  # the fresh file kept what was done since
        assert store.read_digests() == {seed_articles()[0].digest}


async def test_the_list_groups_the_seeds_by_story_and_counts_corroboration(tmp_path: Path) -> None:
    async with running(["--state", str(tmp_path / "state.sqlite3")]) as (app, pilot):
        listed = rows(app)
        assert listed[0] == "Story 1 · 4 articles"
        assert listed[5] == "Story 2 · 1 article"
        articles = article_list(app).articles
        assert BEIJING in articles[2].path.name
        assert article_list(app).shown_articles == [0, 1, 3, 4, 2]
        index = real_links(articles)
        counts = [
            sum(1 for s in range(len(a.sentences)) if index.corroboration(n, s) > 0)
            for n, a in enumerate(articles)
        ]
        assert counts[0] > 0
        for n, article in enumerate(articles):
            assert f"{counts[n]}/{len(article.sentences)} corroborated" in row(app, n)
        await pilot.press("j", "j", "j", "j")  # the highlight steps over the header
        assert location(app) == Location(2, 0)
        await pilot.press("plus", "plus", "plus", "plus")  # a stricter threshold: fewer
        four_up = stepped_threshold(DEFAULT_THRESHOLD, 4)
        stricter = sum(1 for s in range(len(articles[0].sentences)) if index.corroboration(0, s, four_up) > 0)
        assert stricter < counts[0]
        assert f"{stricter}/{len(articles[0].sentences)} corroborated" in row(app, 0)


async def test_l_cycles_the_languages_present(tmp_path: Path) -> None:
    async with running(["--state", str(tmp_path / "state.sqlite3")]) as (app, pilot):
        listing = article_list(app)
        await pilot.press("l")
        assert listing.shown_articles == [0]
        assert "Norwegian Bokmål only" in str(listing.border_subtitle)
        assert location(app) == Location(0, 0)
        await pilot.press("l")
        assert listing.shown_articles == [1, 3, 4, 2]
        assert "English only" in str(listing.border_subtitle)
        assert location(app) == Location(1, 0)  # the Norwegian article is not listed now
        assert [r for r in rows(app) if r.startswith("Story")] == ["Story 1 · 3 articles", "Story 2 · 1 article"]
        await pilot.press("l")
        assert listing.shown_articles == [0, 1, 3, 4, 2]
        assert "only" not in str(listing.border_subtitle)


HOSTILE = (
    "[bold]Loud[/] [@click=app.quit]title[/] \x1b[2J\x1b]0;pwned\x07\x1b[31mred\x1b[0m\n\n"
    "A body with [link=https://evil.example]a link[/link], a bell \x07, a clear screen "
    "\x1b[H\x1b[2J, a window title \x1b]2;owned\x1b\\ and a DEL \x7f.\n\n"
    "Emoji 🇳🇴🙂 and right-to-left text مرحبا שלום with an override \u202egnp.exe\u202c here.\n\n"
    + "The leaders met in Moscow on Tuesday and talked for four and a half hours. " * 4
    + "\n"
)


async def test_hostile_text_is_shown_literally_and_q_still_quits(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    async with running(["--state", str(tmp_path / "state.sqlite3"), str(article)]) as (app, pilot):
        title = row(app, 0)
        assert "[bold]Loud[/] [@click=app.quit]" in title
        assert "\x1b" not in title and "\x07" not in title
        await pilot.press("enter")
        body = app.screen.query_one(ReadingPane)
        drawn = "".join(
            segment.text
            for y in range(body.scrollable_content_region.height)
            for segment in body.render_line(y)
        )
        assert "[link=https://evil.example]a link[/link]" in drawn
        assert "🙂" in drawn and "שלום" in drawn and "\u202e" not in drawn
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in drawn)
        await pilot.click(ArticleList, offset=(10, 1))
        await pilot.press("j")
        await pilot.pause()
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_state_trouble_met_while_reading_is_shown_when_it_happens(tmp_path: Path) -> None:
    async with running(["--state", str(tmp_path / "state.sqlite3")]) as (app, pilot):
        assert not any("Saved state" in str(n.title) for n in app._notifications)
        store = app.screen._state  # what StateStore._recover appends when the file fails
        store.messages.append("State file stopped working (disk full); changes are kept only until you quit.")
        await pilot.press("m")
        await pilot.pause()
        assert any("disk full" in m for m in messages(app))


def test_without_state_options_the_default_file_is_used_and_private_in_tests(
    private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_state(None) as store:  # tests never see the user's own state
        assert store.path is not None and store.path.is_relative_to(private_data_dir)
    assert run_links(["--format", "tsv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("\tverdict")


def _beijing_look_alike(articles: list[Article], index: LinkIndex) -> tuple[int, int, int]:
    """The Beijing seed, one of its sentences whose best match is a look-alike in the
    Moscow story, and how many presses of "-" show it."""
    beijing = next(n for n, a in enumerate(articles) if a.path.name.startswith(BEIJING))
    for steps in range(0, 9):
        threshold = stepped_threshold(DEFAULT_THRESHOLD, -steps)
        for sentence in range(len(articles[beijing].sentences)):
            links = index.links_for(beijing, sentence, threshold)
            if links and links[0].cross_story:
                return beijing, sentence, steps
    raise AssertionError("no Beijing sentence has a match in the Moscow story")


async def test_shift_j_joins_a_match_story_keeps_it_and_undoes_it(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    articles = seed_articles()
    beijing, sentence, lower = _beijing_look_alike(articles, real_links(articles))
    assert sentence > 0
    async with running(["--state", str(path)]) as (app, pilot):
        assert rows(app)[0] == "Story 1 · 4 articles"
        await pilot.press("j", "j", "j", "j", "enter", "J")  # no match at the first sentence
        assert any(m.startswith("This sentence has no match listed") for m in messages(app))
        assert rows(app)[0] == "Story 1 · 4 articles"
        await pilot.press(*["minus"] * lower, *["j"] * sentence)
        assert location(app) == Location(beijing, sentence)
        assert "other story" in shown_match(app.screen, 0)
        assert app.screen.corroboration[sentence] == 0
        assert "(J on one: the same event)" in shown_status(app.screen.query_one(Sidebar))
        await pilot.press("J")  # in the reading pane: the best match's story
        assert "other story" not in shown_match(app.screen, 0)
        assert app.screen.corroboration[sentence] >= 1
        assert not any(r.startswith("Story ") for r in rows(app))  # one story: no headers
        assert "Joined: one story of 5 articles (J again undoes it)." in messages(app)
    with open_state(path) as store:
        assert len(store.story_joins()) == 1
    async with running(["--state", str(path)]) as (app, pilot):
        assert not any(r.startswith("Story ") for r in rows(app))  # kept between runs
        down = article_list(app).shown_articles.index(beijing)
        await pilot.press(*["j"] * down, "enter", *["minus"] * lower, "tab", "J")  # in the sidebar: the chosen one
        assert location(app) == Location(beijing, sentence)  # where the reader left it
        assert "other story" in shown_match(app.screen, 0)
        assert rows(app)[0] == "Story 1 · 4 articles"
        await pilot.press("J", "J")  # join, then undo once more: nothing is left behind
    with open_state(path) as store:
        assert store.story_joins() == set()


def test_links_export_follows_the_stories_joined_in_the_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "state.sqlite3"
    articles = seed_articles()
    beijing, _sentence, lower = _beijing_look_alike(articles, real_links(articles))
    floor = f"{stepped_threshold(DEFAULT_THRESHOLD, -lower):.2f}"
    code, records = _export(capsys, "--state", str(path), "--min-score", floor)
    assert code == 0
    crossing = [r for r in records if r["cross_story"]]
    assert crossing and all(r["source_story"] != r["target_story"] for r in crossing)
    with open_state(path) as store:
        store.set_story_join(articles[beijing].digest, articles[(beijing + 1) % len(articles)].digest)
    code, joined = _export(capsys, "--state", str(path), "--min-score", floor)
    assert code == 0
    assert [_record_key(r) for r in joined] == [_record_key(r) for r in records]
    assert not any(r["cross_story"] for r in joined)
    assert len({r["source_story"] for r in joined}) == 1
