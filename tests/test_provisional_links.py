"""Provisional links: while the sentence features of a large corpus are still being
made, the article the reader is on shows its matches among the articles read so far,
until linking (which takes that article first) replaces them."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tui.app import make_app
from tui.engine import cache, matcher, worker_pool
from tui.engine.early_links import EarlyLinks, EarlyPart, rank_early
from tui.engine.link_store import StoreBuilder
from tui.engine.loader import load_paths
from tui.engine.matcher import DEFAULT_THRESHOLD, KEEP_FLOOR, LinkIndex, Progress, link_corpus
from tui.engine.models import Article
from tui.engine.corpus_features import article_features
from tui.engine.provisional_links import PROVISIONAL_SECONDS, ProvisionalLinks
from tui.engine.seeds import seed_dir
from tui.widgets.reading_pane import ReadingPane
from tui.widgets.sidebar import Sidebar
from views_support import settle, shown_status, to_a_linked_sentence


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return load_paths([seed_dir()]).articles


@pytest.fixture(scope="module")
def features(seeds: list[Article]) -> list[list]:
    return [article_features(article) for article in seeds]


def _provisional(seeds: Sequence[Article], wanted: Callable[[], int | None]) -> ProvisionalLinks:
    return matcher.provisional_links_for(seeds, wanted)


def _best(part: EarlyPart, article: int, sentence: int) -> tuple[int, int] | None:
    early = EarlyLinks().with_part(part)
    links = early.links_for(article, sentence, KEEP_FLOOR)
    return (links[0].target, links[0].target_sentence) if links else None


def test_links_reach_only_the_articles_read_so_far(seeds: list[Article], features: list[list]) -> None:
    provisional = _provisional(seeds, lambda: 0)
    assert provisional.part() is None, "nothing is read yet"
    provisional.add(range(2), features[:2])
    part = provisional.part()
    assert part is not None and (part.first, part.end, part.read) == (0, 1, 2)
    early = EarlyLinks(total=len(seeds)).with_part(part)
    targets = {link.target for s in range(len(features[0])) for link in early.links_for(0, s, KEEP_FLOOR)}
    assert targets == {1}, "the Norwegian article matches the one English article read so far"
    assert early.articles_read(0) == 2 and early.articles_linked == 0


def test_with_every_article_read_they_are_the_first_look_of_linking(seeds: list[Article], features: list[list]) -> None:
    reports: list[Progress] = []
    link_corpus(seeds, reports.append)
    linked = EarlyLinks()
    for report in reports:
        if report.early is not None:
            linked = linked.with_part(report.early, report.total)
    wanted = [0]
    provisional = _provisional(seeds, lambda: wanted[0])
    provisional.add(range(len(features)), features)
    compared = 0
    for a in range(len(seeds)):
        wanted[0] = a
        part = provisional.part()
        assert part is not None and part.first == a, "another article gets its part at once"
        for s in range(len(features[a])):
            early = linked.links_for(a, s, KEEP_FLOOR)
            assert _best(part, a, s) == ((early[0].target, early[0].target_sentence) if early else None)
            compared += bool(early)
    assert compared > 50


def test_a_new_part_comes_with_news_and_at_most_every_few_seconds(seeds: list[Article], features: list[list]) -> None:
    provisional = _provisional(seeds, lambda: 1)
    provisional.add(range(1), features[:1])
    assert provisional.part(now=100.0) is None, "its own features are not made yet"
    provisional.add(range(1, 2), features[1:2])
    first = provisional.part(now=100.0)
    assert first is not None and first.read == 2
    assert provisional.part(now=200.0) is None, "nothing new was read"
    provisional.add(range(2, 3), features[2:3])
    assert provisional.part(now=100.0 + PROVISIONAL_SECONDS / 2) is None, "too soon, and not twice as many read"
    later = provisional.part(now=100.0 + PROVISIONAL_SECONDS)
    assert later is not None and later.read == 3
    provisional.add(range(3, 4), features[3:4])
    assert provisional.part(now=101.0 + PROVISIONAL_SECONDS) is None
    provisional.add(range(4, 5), features[4:5])
    last = provisional.part(now=101.0 + PROVISIONAL_SECONDS)
    assert last is not None and last.read == len(seeds), "at once when every article is read"


def test_no_part_without_a_wish(seeds: list[Article], features: list[list]) -> None:
    provisional = _provisional(seeds, lambda: None)
    provisional.add(range(len(features)), features)
    assert provisional.part() is None


def _stages_and_parts(reports: Sequence[Progress]) -> list[tuple[str, EarlyPart | None]]:
    return [(report.stage, report.early) for report in reports]


@pytest.mark.parametrize("workers", [1, 2])
def test_the_features_stage_reports_provisional_links_of_the_wanted_article_before_linking(
    seeds: list[Article], workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker_pool, "PARALLEL_MIN_SENTENCES", 0)
    monkeypatch.setenv("CROSSREAD_WORKERS", str(workers))
    assert worker_pool.workers_for(100) == workers
    reports: list[Progress] = []
    link_corpus(seeds, reports.append, wanted=lambda: 3)
    stages = _stages_and_parts(reports)
    first_linking = next(n for n, (stage, _part) in enumerate(stages) if stage == "linking")
    provisional = [part for stage, part in stages[:first_linking] if part is not None]
    assert provisional and all(part.read is not None and (part.first, part.end) == (3, 4) for part in provisional)
    assert provisional[-1].read == len(seeds), "the last one once every article is read"
    assert all(stage == "indexing" for stage, part in stages if part is not None and part.read is not None)
    early = EarlyLinks(total=len(seeds)).with_part(provisional[-1])
    assert any(early.links_for(3, s, DEFAULT_THRESHOLD) for s in range(len(seeds[3].sentences)))


def test_without_a_wish_the_features_stage_reports_no_links(seeds: list[Article]) -> None:
    reports: list[Progress] = []
    link_corpus(seeds, reports.append)
    assert all(report.early is None for report in reports if report.stage == "indexing")


def test_features_from_the_cache_count_as_read(seeds: list[Article], tmp_path: Path) -> None:
    cache.cached_features(seeds[:2], tmp_path)  # two articles' features are stored
    reports: list[Progress] = []
    cache.cached_features(seeds, tmp_path, reports.append, wanted=lambda: 4)
    parts = [report.early for report in reports if report.early is not None]
    assert parts and parts[-1].first == 4 and parts[-1].read == len(seeds)


def _part(article: int, target: int, score: float, read: int | None = None) -> EarlyPart:
    builder = StoreBuilder()

    class Kept:
        disagreements = ()

    rank_early(builder, article, 0, [(score, target, 0, Kept())], floor=0.1, per_target=2, most=12)
    return EarlyPart(article, article + 1, builder.build(), read=read)


def test_a_linked_part_replaces_the_provisional_one_and_a_late_provisional_one_is_ignored() -> None:
    early = EarlyLinks(total=4).with_part(_part(2, 0, 0.6, read=1))
    assert early.covers(2) and early.articles_read(2) == 1 and early.articles_linked == 0
    newer = early.with_part(_part(2, 3, 0.7, read=3))
    assert [link.target for link in newer.links_for(2, 0, 0.5)] == [3] and newer.articles_read(2) == 3
    assert newer.part_of(2) is not early.part_of(2), "the sidebar sees the links changed"
    linked = newer.with_part(_part(2, 1, 0.9))
    assert [link.target for link in linked.links_for(2, 0, 0.5)] == [1]
    assert linked.articles_read(2) is None and linked.articles_linked == 1
    assert linked.with_part(_part(2, 3, 0.99, read=4)) is linked


def _held_matcher(read: int, shown: threading.Event, release: threading.Event) -> Callable[..., LinkIndex]:
    """A matcher that, once the reader is on an article, reports that article's
    provisional links among the first ``read`` articles (as while a large corpus's
    features are made) and holds until ``release``, then links the corpus."""

    def held(
        articles: Sequence[Article],
        progress: Callable[[Progress], None] | None = None,
        wanted: Callable[[], int | None] | None = None,
    ) -> LinkIndex:
        assert progress is not None and wanted is not None
        provisional = matcher.provisional_links_for(articles, wanted)
        provisional.add(range(read), [article_features(article) for article in articles[:read]])
        for _ in range(600):
            part = provisional.part()
            if part is not None:
                progress(Progress("indexing", read, len(articles), early=part))
                shown.set()
                break
            release.wait(0.05)
        release.wait(30)
        return link_corpus(articles, progress, wanted=wanted)

    return held


async def test_the_reader_shows_the_provisional_matches_of_its_article_until_linking_replaces_them() -> None:
    shown, release = threading.Event(), threading.Event()
    app = make_app(matcher=_held_matcher(3, shown, release), isolate=False)
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            sidebar = app.screen.query_one(Sidebar)
            for _ in range(100):
                await pilot.pause(0.05)
                if sidebar.articles:
                    break
            await pilot.press("enter")  # read the first article: the Norwegian one
            for _ in range(200):
                await pilot.pause(0.05)
                if shown.is_set() and sidebar.early is not None:
                    break
            reader = app.screen.query_one(ReadingPane)
            await to_a_linked_sentence(pilot)
            location = reader.location
            assert location is not None and sidebar.index is None and sidebar.links
            assert {link.target for link in sidebar.links} <= {1, 2}, "only the articles read so far"
            status = shown_status(app.screen)
            assert "First matches among the articles read so far" in status and f"3 of {len(sidebar.articles)}" in status
            release.set()
            await settle(app, pilot)
            assert sidebar.index is not None and sidebar.early is None
            assert "read so far" not in shown_status(app.screen)
            assert sidebar.links == sidebar.index.links_for(location.article, location.sentence, DEFAULT_THRESHOLD)
    finally:
        release.set()
