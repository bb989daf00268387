"""Scale: pruning keeps every link a full comparison finds; the disk cache is trusted only when valid."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.engine import cache, matcher, pair_model, stored_entries, worker_pool
from tui.engine.loader import load_paths
from tui.engine.matcher import LinkIndex, build_index
from tui.engine.seeds import seed_dir
from engine_support import count_feature_runs

DATA = Path(__file__).parent / "data"
CORPORA = [seed_dir(), *sorted(p for p in (DATA / "dev").iterdir() if p.is_dir())]


#: How far a shown link's confidence may move when every pair is scored: the second
#: look counts the strong links between two articles, and a full comparison finds a
#: few weak pairs (below any shown link) that the candidate search leaves out.
SCORE_TOLERANCE = 0.03


def _shown(index: LinkIndex) -> dict[tuple, float]:
    return {
        (l.source, l.source_sentence, l.target, l.target_sentence, l.evidence, l.discrepancies, l.cross_story): l.score
        for l in index.all_links()
    }


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_pruned_index_shows_the_links_of_scoring_every_pair(folder: Path) -> None:
    """Every link a full comparison shows, the pruned index shows with the same
    evidence, and no other; confidences agree to `SCORE_TOLERANCE`."""
    articles = load_paths([folder]).articles
    pruned_index, full_index = build_index(articles), build_index(articles, exhaustive=True)
    pruned, full = _shown(pruned_index), _shown(full_index)
    assert full, "the reference must find links for the comparison to mean anything"
    assert pruned.keys() == full.keys()
    moved = {link: (pruned[link], score) for link, score in full.items() if abs(pruned[link] - score) > SCORE_TOLERANCE}
    assert not moved
    assert (pruned_index.stories, pruned_index.sources) == (full_index.stories, full_index.sources)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(seed_dir(), folder)
    return folder


def test_reopening_an_unchanged_corpus_uses_the_cache(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = load_paths([corpus]).articles
    fresh = build_index(articles)
    first = build_index(articles, cache_dir=tmp_path / "cache")
    assert _shown(first) == _shown(fresh)

    def no_linking(*_args, **_kwargs):
        raise AssertionError("an unchanged corpus must not be linked again")

    monkeypatch.setattr(matcher, "link_corpus", no_linking)
    again = build_index(load_paths([corpus]).articles, cache_dir=tmp_path / "cache")
    assert _shown(again) == _shown(fresh)
    assert (again.stories, again.sources) == (fresh.stories, fresh.sources)


def test_changed_file_invalidates_the_index_and_is_reindexed_alone(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_index(load_paths([corpus]).articles, cache_dir=tmp_path / "cache")
    changed = sorted(corpus.glob("003*"))[0]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("Taiwan", "Tasmania"), encoding="utf-8")

    computed = count_feature_runs(monkeypatch)
    articles = load_paths([corpus]).articles
    reopened = build_index(articles, cache_dir=tmp_path / "cache")
    assert computed == [changed.name]
    monkeypatch.undo()
    assert _shown(reopened) == _shown(build_index(articles))
    afp = next(i for i, a in enumerate(articles) if a.path == changed)
    assert not any("Taiwan" in link.evidence.names for link in reopened.all_links() if link.target == afp)


def _index_files(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "index").glob("*.bin"))


def test_corrupt_cache_is_rebuilt(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = load_paths([corpus]).articles
    expected = _shown(build_index(articles, cache_dir=tmp_path / "cache"))
    for path in [*_index_files(tmp_path / "cache"), *(tmp_path / "cache" / "features").rglob("*.bin")]:
        blob = bytearray(path.read_bytes())
        blob[-5] ^= 0xFF
        path.write_bytes(bytes(blob))
    computed = count_feature_runs(monkeypatch)
    rebuilt = build_index(articles, cache_dir=tmp_path / "cache")
    assert sorted(computed) == sorted(a.path.name for a in articles)
    assert _shown(rebuilt) == expected
    # The rewritten entries are valid again: the next open reads them.
    monkeypatch.setattr(matcher, "link_corpus", lambda *_a, **_k: pytest.fail("cache not rewritten"))
    assert _shown(build_index(articles, cache_dir=tmp_path / "cache")) == expected


def test_truncated_or_foreign_files_are_not_trusted(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = load_paths([corpus]).articles
    expected = _shown(build_index(articles, cache_dir=tmp_path / "cache"))
    (index_file,) = _index_files(tmp_path / "cache")
    index_file.write_bytes(index_file.read_bytes()[:40])
    assert _shown(build_index(articles, cache_dir=tmp_path / "cache")) == expected

    # A cache written by another engine version (other code or word lists) is ignored.
    monkeypatch.setattr(stored_entries, "engine_fingerprint", lambda: "another engine")
    computed = count_feature_runs(monkeypatch)
    assert _shown(build_index(articles, cache_dir=tmp_path / "cache")) == expected
    assert len(computed) == len(articles)


def test_default_cache_lives_in_the_user_cache_directory() -> None:
    assert "crossread" in cache.default_cache_dir().parts


def test_work_shared_among_processes_gives_the_same_index(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = load_paths([seed_dir()]).articles
    monkeypatch.setenv("CROSSREAD_WORKERS", "1")
    alone = build_index(articles)
    monkeypatch.setattr(worker_pool, "PARALLEL_MIN_SENTENCES", 0)
    monkeypatch.setenv("CROSSREAD_WORKERS", "2")
    assert worker_pool.workers_for(100) == 2, "the test must take the shared path"
    shared = build_index(articles)
    assert _shown(shared) and _shown(shared) == _shown(alone)
    assert (shared.stories, shared.sources) == (alone.stories, alone.sources)


def test_features_made_by_worker_processes_are_cached_and_read_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    articles = load_paths([seed_dir()]).articles
    monkeypatch.setenv("CROSSREAD_WORKERS", "1")
    alone = build_index(articles)
    monkeypatch.setattr(worker_pool, "PARALLEL_MIN_SENTENCES", 0)
    monkeypatch.setenv("CROSSREAD_WORKERS", "2")
    first = build_index(articles, cache_dir=tmp_path / "cache")
    for stored in _index_files(tmp_path / "cache"):
        stored.unlink()
    computed = count_feature_runs(monkeypatch)
    again = build_index(articles, cache_dir=tmp_path / "cache")
    assert computed == [], "every article's features come from the cache the workers wrote"
    assert _shown(first) == _shown(again) == _shown(alone)
    assert (again.stories, again.sources) == (alone.stories, alone.sources)


def test_small_corpora_and_threaded_callers_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    monkeypatch.setenv("CROSSREAD_WORKERS", "2")
    assert worker_pool.workers_for(worker_pool.PARALLEL_MIN_SENTENCES - 1) == 1
    seen: list[int] = []
    waiting = threading.Event()
    helper = threading.Thread(target=waiting.wait)
    helper.start()
    try:
        seen.append(worker_pool.workers_for(10**6))
    finally:
        waiting.set()
        helper.join()
    assert seen == [1]


@pytest.mark.parametrize("sizes", [[], [5], [3, 0, 7, 1, 9, 2, 2, 40], [0, 0, 0]])
def test_chunks_cover_every_article_once_in_order(sizes: list[int]) -> None:
    chunks = worker_pool.balanced_ranges(sizes, 2)
    covered = [i for lo, hi in chunks for i in range(lo, hi)]
    assert covered == list(range(len(sizes)))
    assert all(lo < hi for lo, hi in chunks)


@pytest.mark.parametrize("far", [3, 255, 256, 1000])
def test_kept_pairs_remember_which_terms_matched_even_in_very_long_sentences(far: int) -> None:
    from tui.engine.scoring import PairScore

    pair = PairScore(0.7, [(far, 2, 1.0), (0, far + 1, 0.95), (7, 7, 1.0)], [("number", "5", "6")], 0.8, 0.6)
    kept = pair_model.KeptPair.of(pair)
    assert kept.term_pairs() == [(far, 2), (0, far + 1), (7, 7)]
    assert (kept.source_coverage, kept.target_coverage) == (0.8, 0.6)
    assert kept.disagreements == (("number", "5", "6"),)


def test_packed_parts_are_joined_in_order_whatever_order_they_come_in() -> None:
    from tui.engine.link_store import StoreBuilder

    def part(article: int) -> StoreBuilder:
        made = StoreBuilder()
        made.add(article, 0, [(article + 1, 0, 0.5, False)], [((), (), (), (), (), ())])
        return made

    joined = StoreBuilder()
    matcher._join_in_order(joined, [(2, part(2)), (0, part(0)), (3, part(3)), (1, part(1))])
    assert list(joined.build()) == [(0, 0), (1, 0), (2, 0), (3, 0)]
    with pytest.raises(ValueError):
        matcher._join_in_order(StoreBuilder(), [(0, part(0)), (2, part(2))])


def test_progress_goes_through_each_stage_in_order_to_its_end() -> None:
    """The progress bar never sits full while work goes on: the last step (the second
    look and the final links, a quarter of the time at 10,000 articles) reports too."""
    from tui.engine.matcher import Progress, link_corpus

    reports: list[Progress] = []
    link_corpus(load_paths([seed_dir()]).articles, reports.append)
    stages = [report.stage for report in reports]
    assert list(dict.fromkeys(stages)) == ["indexing", "linking", "finishing"]
    assert stages == sorted(stages, key=["indexing", "linking", "finishing"].index)
    for stage in ("indexing", "linking", "finishing"):
        steps = [(report.done, report.total) for report in reports if report.stage == stage]
        assert [done for done, _ in steps] == sorted(done for done, _ in steps)
        assert steps[-1][0] == steps[-1][1] > 0
