"""Early links: while a large corpus is linked, the articles already scored show their
matches, marked as early, until the index is built."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tui.app import make_app
from tui.engine import matcher, worker_pool
from tui.engine.early_links import EarlyLinks, EarlyPart, rank_early
from tui.engine.link_store import StoreBuilder
from tui.engine.loader import load_paths
from tui.engine.matcher import DEFAULT_THRESHOLD, KEEP_FLOOR, LinkIndex, Progress, link_corpus
from tui.engine.models import Article
from tui.engine.seeds import seed_dir
from tui.history import Location
from tui.widgets.reading_pane import ReadingPane
from tui.widgets.sidebar import Sidebar
from views_support import settle, shown_status, to_a_linked_sentence

DEV = Path(__file__).parent / "data" / "dev"


def _linked(articles: Sequence[Article]) -> tuple[LinkIndex, list[Progress]]:
    """The index of ``articles`` and every report made while it was built."""
    reports: list[Progress] = []
    return link_corpus(articles, reports.append), reports


def _early(reports: Sequence[Progress]) -> EarlyLinks:
    early = EarlyLinks()
    for report in reports:
        if report.early is not None:
            early = early.with_part(report.early, report.total)
    return early


def _every_link(early: EarlyLinks, articles: Sequence[Article]) -> list[tuple]:
    return [
        (l.source, l.source_sentence, l.target, l.target_sentence, l.score, l.discrepancies)
        for a, article in enumerate(articles)
        for s in range(len(article.sentences))
        for l in early.links_for(a, s, KEEP_FLOOR)
    ]


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return load_paths([seed_dir()]).articles


def test_every_article_is_covered_once_by_the_early_parts_while_linking(seeds: list[Article]) -> None:
    _index, reports = _linked(seeds)
    parts = [report for report in reports if report.early is not None]
    assert parts and all(report.stage == "linking" for report in parts)
    covered = [a for report in parts for a in range(report.early.first, report.early.end)]  # type: ignore[union-attr]
    assert covered == list(range(len(seeds)))
    early = _early(reports)
    assert early.articles_linked == early.total == len(seeds)
    assert all(early.covers(a) for a in range(len(seeds))) and not early.covers(len(seeds))


def test_early_links_are_ranked_and_capped_as_final_links_are(seeds: list[Article]) -> None:
    early = _early(_linked(seeds)[1])
    shown = 0
    for a, article in enumerate(seeds):
        for s in range(len(article.sentences)):
            links = early.links_for(a, s, KEEP_FLOOR)
            shown += bool(early.links_for(a, s, DEFAULT_THRESHOLD))
            scores = [link.score for link in links]
            assert scores == sorted(scores, reverse=True) and all(score >= KEEP_FLOOR for score in scores)
            assert len(links) <= matcher.MAX_LINKS
            for link in links:
                assert link.target != a and link.target_sentence < len(seeds[link.target].sentences)
                assert sum(other.target == link.target for other in links) <= matcher.MAX_PER_TARGET_ARTICLE
                assert not link.cross_story  # stories are not known yet
            assert early.links_for(a, s, DEFAULT_THRESHOLD) == [l for l in links if l.score >= DEFAULT_THRESHOLD]
    assert shown >= 40, "most fact sentences of the seeds have an early match"


def test_the_early_best_match_is_mostly_the_final_one(seeds: list[Article]) -> None:
    """Early links preview the final ones: the second look and the stories change a few."""
    same = both = 0
    corpora = [seeds] + [load_paths([DEV / name]).articles for name in ("fosse_nobel", "norges_bank_rate_cut", "storm_hans")]
    for articles in corpora:
        index, reports = _linked(articles)
        early = _early(reports)
        for a, article in enumerate(articles):
            for s in range(len(article.sentences)):
                final, first = index.links_for(a, s), early.links_for(a, s, DEFAULT_THRESHOLD)
                if final and first:
                    both += 1
                    same += (final[0].target, final[0].target_sentence) == (first[0].target, first[0].target_sentence)
    assert both >= 80
    assert same / both >= 0.8


def test_worker_processes_hand_over_the_same_early_links(seeds: list[Article], monkeypatch: pytest.MonkeyPatch) -> None:
    alone = _early(_linked(seeds)[1])
    monkeypatch.setattr(worker_pool, "PARALLEL_MIN_SENTENCES", 0)
    monkeypatch.setenv("CROSSREAD_WORKERS", "2")
    assert worker_pool.workers_for(100) == 2, "the test must take the shared path"
    _index, reports = _linked(seeds)
    shared = _early(reports)
    assert sum(report.early is not None for report in reports) > 1, "parts come as the workers finish"
    assert _every_link(shared, seeds) and _every_link(shared, seeds) == _every_link(alone, seeds)


class _Kept:
    def __init__(self, *disagreements: tuple[str, str, str]) -> None:
        self.disagreements = disagreements


def test_ranking_keeps_the_best_per_target_article_and_the_disagreements() -> None:
    builder = StoreBuilder()
    candidates = [
        (0.5, 2, 0, _Kept()),
        (0.9, 1, 3, _Kept(("number", "200", "185"))),
        (0.7, 1, 4, _Kept()),
        (0.8, 1, 5, _Kept()),
        (0.05, 3, 0, _Kept()),
    ]
    rank_early(builder, 0, 7, candidates, floor=0.1, per_target=2, most=12)
    early = EarlyLinks([EarlyPart(0, 1, builder.build())], total=4)
    links = early.links_for(0, 7, 0.1)
    assert [(l.target, l.target_sentence, l.score) for l in links] == [(1, 3, 0.9), (1, 5, 0.8), (2, 0, 0.5)]
    assert [d.source_value for d in links[0].discrepancies] == ["200"]
    assert [l.target for l in early.links_for(0, 7, 0.6)] == [1, 1]
    assert early.links_for(0, 6, 0.1) == [] and early.links_for(2, 7, 0.1) == []
    assert (early.covers(0), early.covers(1), early.articles_linked) == (True, False, 1)


def _held_matcher(parts_in: threading.Event, release: threading.Event, seen: list[Progress]) -> Callable[..., LinkIndex]:
    """The real matcher, held back once every article has early links (as a large
    corpus would be while the rest is linked), until ``release``."""

    def held(articles: Sequence[Article], progress: Callable[[Progress], None] | None = None) -> LinkIndex:
        def report(update: Progress) -> None:
            if progress is not None:
                progress(update)
            seen.append(update)
            if update.early is not None and update.early.end == len(articles):
                parts_in.set()
                release.wait(30)

        return link_corpus(articles, report)

    return held


async def test_the_reader_lists_early_matches_until_the_index_is_built() -> None:
    parts_in, release, seen = threading.Event(), threading.Event(), []
    app = make_app(matcher=_held_matcher(parts_in, release, seen), isolate=False)
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            sidebar = app.screen.query_one(Sidebar)
            for _ in range(600):
                await pilot.pause(0.05)
                if parts_in.is_set() and sidebar.early is not None and sidebar.early.articles_linked == len(sidebar.articles):
                    break
            assert sidebar.index is None and sidebar.early is not None
            early = _early(seen)
            await pilot.press("enter")  # read the first article
            reader = app.screen.query_one(ReadingPane)
            await to_a_linked_sentence(pilot)
            location = reader.location
            assert location is not None and sidebar.links
            assert sidebar.links == early.links_for(location.article, location.sentence, DEFAULT_THRESHOLD)
            status = shown_status(app.screen)
            assert "Early matches" in status and f"{len(sidebar.articles)} of {len(sidebar.articles)}" in status
            assert app.screen.query_one("#sidebar-progress").display
            best = sidebar.links[0]
            await pilot.press("enter")  # the reading pane's Enter: jump to the best match
            await pilot.pause()
            assert reader.location == Location(best.target, best.target_sentence)
            release.set()
            await settle(app, pilot)
            assert sidebar.index is not None and sidebar.early is None
            assert "Early matches" not in shown_status(app.screen)
    finally:
        release.set()
