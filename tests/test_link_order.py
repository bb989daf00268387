"""The article being read is linked next: its early links come before the others',
and the links are the same whatever the order."""

from __future__ import annotations

import os
import struct
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui import corpus_job
from tui.engine import link_index, matcher, worker_pool
from tui.engine.link_order import LinkOrder
from tui.engine.loader import load_paths
from tui.engine.matcher import Progress, build_index, link_corpus
from tui.engine.models import Article
from tui.engine.seeds import seed_dir


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return load_paths([seed_dir()]).articles


def _ranges(cuts: Sequence[int], total: int) -> list[tuple[int, int]]:
    edges = [0, *sorted({c for c in cuts if 0 < c < total}), total]
    return list(zip(edges, edges[1:]))


def test_without_a_wish_the_ranges_come_in_place() -> None:
    ranges = [(0, 4), (4, 9), (9, 10)]
    assert list(LinkOrder(ranges)) == ranges


def test_the_wanted_article_comes_next_alone_and_the_rest_of_its_range_later() -> None:
    wish: list[int | None] = [None]
    order = LinkOrder([(0, 4), (4, 9), (9, 12)], lambda: wish[0])
    assert next(order) == (0, 4)
    wish[0] = 6
    assert next(order) == (6, 7)
    assert next(order) == (4, 6)  # 6 is done: the rest in place
    wish[0] = 10
    assert list(order) == [(10, 11), (7, 9), (9, 10), (11, 12)]


@given(
    total=st.integers(1, 60),
    cuts=st.lists(st.integers(0, 60), max_size=12),
    wishes=st.lists(st.one_of(st.none(), st.integers(-3, 65)), max_size=40),
)
def test_every_article_is_handed_out_once_whatever_is_wished(total: int, cuts: list[int], wishes: list[int | None]) -> None:
    asked = iter(wishes)
    order = LinkOrder(_ranges(cuts, total), lambda: next(asked, None))
    handed = [a for lo, hi in order for a in range(lo, hi)]
    assert sorted(handed) == list(range(total))


def _parts(reports: Sequence[Progress]) -> list[tuple[int, int]]:
    """The ranges of the early parts of linking (not the provisional ones before it)."""
    return [(r.early.first, r.early.end) for r in reports if r.early is not None and r.early.read is None]


def _plain(index: matcher.LinkIndex) -> tuple:
    return index.store.to_plain(), index.stories, index.sources


@pytest.mark.parametrize("workers", [1, 2])
def test_the_wanted_article_is_linked_first_and_the_links_do_not_change(
    seeds: list[Article], workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    if workers > 1:
        monkeypatch.setattr(worker_pool, "PARALLEL_MIN_SENTENCES", 0)
        monkeypatch.setattr(matcher, "LINK_RANGES_PER_WORKER", 2)  # several articles a range
        monkeypatch.setenv("CROSSREAD_WORKERS", "2")
    assert worker_pool.workers_for(sum(len(a.sentences) for a in seeds)) == workers, "the test must take this path"
    handed: list[tuple[int, int]] = []
    take = LinkOrder.__next__

    def noted(order: LinkOrder) -> tuple[int, int]:
        handed.append(take(order))
        return handed[-1]

    monkeypatch.setattr(LinkOrder, "__next__", noted)
    in_place: list[Progress] = []
    plain = link_corpus(seeds, in_place.append)
    assert handed[0][0] == 0
    handed.clear()
    wanted: list[Progress] = []
    reading = len(seeds) - 2
    first_read = link_corpus(seeds, wanted.append, wanted=lambda: reading)
    assert handed[0] == (reading, reading + 1)  # taken first (with workers, others run beside it)
    assert (reading, reading + 1) in _parts(wanted)[: workers + 1]  # alone, so its early links come soon
    covered = sorted(a for lo, hi in _parts(wanted) for a in range(lo, hi))
    assert covered == list(range(len(seeds)))
    assert _plain(first_read) == _plain(plain)


@pytest.mark.parametrize("matcher_function", [build_index, link_index.build_index], ids=["matcher", "reader"])
def test_the_corpus_job_asks_the_reader_which_article_to_link_next(
    matcher_function: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # nothing stored: it is linked
    parts: list[tuple[int, int]] = []

    def emit(kind: str, value: object) -> None:
        if kind == corpus_job.PROGRESS and value.early is not None:  # type: ignore[attr-defined]
            parts.append((value.early.first, value.early.end))  # type: ignore[attr-defined]

    corpus_job.run_corpus_job([seed_dir()], matcher_function, emit, use_process=False, wanted=lambda: 3)  # type: ignore[arg-type]
    assert parts[0] == (3, 4)


def test_the_child_reads_the_last_wish_without_waiting() -> None:
    read, write = os.pipe()
    try:
        wishes = corpus_job._Wishes(read)
        assert wishes() is None  # nothing asked: no wait
        os.write(write, struct.pack(">q", 7) + struct.pack(">q", 42) + struct.pack(">q", 5)[:3])
        assert wishes() == 42  # the last whole one
        os.write(write, struct.pack(">q", 5)[3:])
        assert wishes() == 5
        assert wishes() == 5  # kept until another comes
    finally:
        os.close(read)
        os.close(write)
