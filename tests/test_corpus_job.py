"""Loading and matching in a child process gives the reader the same events, in order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from tui import corpus_job, index_read_ahead
from tui.engine.early_links import EarlyPart
from tui.engine.link_store import StoreBuilder
from tui.engine.matcher import DEFAULT_THRESHOLD, LinkIndex, Progress, build_index
from tui.engine.models import Article
from tui.engine.seeds import seed_paths
from engine_support import count_feature_runs


def _events(paths: list[Path], matcher: Callable[..., LinkIndex], use_process: bool) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []
    corpus_job.run_corpus_job(paths, matcher, lambda kind, value: seen.append((kind, value)), use_process=use_process)
    return seen


def _failing_matcher(articles: Sequence[Article], progress: Callable[[Progress], None] | None = None) -> LinkIndex:
    raise RuntimeError("matcher bug")


def test_child_process_streams_the_same_articles_then_the_index(tmp_path: Path) -> None:
    seeds = seed_paths()
    for seed in seeds[:2]:
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    here = _events([tmp_path], build_index, use_process=False)
    there = _events([tmp_path], build_index, use_process=True)
    kinds = [kind for kind, _ in there if kind != corpus_job.PROGRESS]
    assert kinds == [kind for kind, _ in here if kind != corpus_job.PROGRESS]
    assert kinds.index(corpus_job.LOADED) < kinds.index(corpus_job.INDEX) == len(kinds) - 1
    articles = [value for kind, value in there if kind == corpus_job.ARTICLE]
    assert [a.digest for a in articles] == [v.digest for k, v in here if k == corpus_job.ARTICLE]
    assert [v.path.name for k, v in there if k == corpus_job.SKIPPED] == ["picture.txt"]
    index = next(value for kind, value in there if kind == corpus_job.INDEX)
    assert isinstance(index, LinkIndex) and len(index.articles) == 2
    # The index comes without its articles and is given those the events brought.
    assert all(mine is sent for mine, sent in zip(index.articles, articles, strict=True))


def _niceness_matcher(articles: Sequence[Article], progress: Callable[[Progress], None] | None = None) -> LinkIndex:
    import os

    raise RuntimeError(f"niceness {os.nice(0)}")


def test_the_child_yields_the_processor_to_the_reader() -> None:
    import os

    events = _events(seed_paths()[:1], _niceness_matcher, use_process=True)
    niceness = int(events[-1][1].rsplit(" ", 1)[1])
    assert niceness >= min(os.nice(0) + corpus_job.CHILD_NICENESS, 19)
    # Worker processes forked by the matcher inherit it; the reader's own process keeps its own.
    assert os.nice(0) < niceness or os.nice(0) == 19


def test_a_failing_matcher_is_reported_not_raised() -> None:
    for use_process in (False, True):
        events = _events(seed_paths()[:1], _failing_matcher, use_process)
        assert events[-1][0] == corpus_job.FAILED
        assert "matcher bug" in events[-1][1]


def test_a_matcher_that_cannot_be_sent_runs_in_this_thread() -> None:
    calls: list[int] = []

    def local(articles: Sequence[Article], progress: Callable[[Progress], None] | None = None) -> LinkIndex:
        calls.append(len(articles))
        return build_index(articles)

    events = _events(seed_paths()[:2], local, use_process=True)
    assert calls == [2]
    assert events[-1][0] == corpus_job.INDEX


def test_quitting_stops_the_child_at_once() -> None:
    import time

    seen: list[str] = []
    started = time.monotonic()
    corpus_job.run_corpus_job(seed_paths(), build_index, lambda kind, value: seen.append(kind), cancelled=lambda: True)
    assert seen == []
    assert time.monotonic() - started < 3


def _forking_matcher(articles: Sequence[Article], progress: Callable[[Progress], None] | None = None) -> LinkIndex:
    """Starts a worker process of its own (as the matcher's pool does), says which, and works on."""
    import subprocess
    import sys
    import time

    worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    assert progress is not None
    progress(Progress("indexing", worker.pid, worker.pid))
    time.sleep(60)
    raise RuntimeError("not stopped")


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def test_quitting_stops_the_workers_the_child_started_too() -> None:
    import os
    import time

    if not os.path.isdir("/proc"):
        return
    workers: list[int] = []

    def emit(kind: str, value: Any) -> None:
        if kind == corpus_job.PROGRESS:
            workers.append(value.done)

    started = time.monotonic()
    corpus_job.run_corpus_job(seed_paths()[:1], _forking_matcher, emit, cancelled=lambda: bool(workers))
    assert workers and time.monotonic() - started < 30
    deadline = time.monotonic() + 5
    while _running(workers[0]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(workers[0])


def test_the_child_side_never_imports_textual() -> None:
    import subprocess
    import sys

    code = "import sys, tui.corpus_job; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_child_side_loads_before_importing_the_matcher() -> None:
    import subprocess
    import sys

    code = "import sys, tui.corpus_job; sys.exit('tui.engine.matcher' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_reader_starts_and_opens_a_stored_index_without_the_matcher() -> None:
    """The reader's imports, and what opening a stored index needs, leave the matcher's
    modules and word lists unloaded (they took half a second of every start)."""
    import subprocess
    import sys

    code = (
        "import sys, tui.app, tui.corpus_job; tui.corpus_job._ready_to_open_stored(); "
        "heavy = [m for m in ('tui.engine.matcher', 'tui.engine.features', 'tui.engine.lexicon', "
        "'wordfreq', 'simplemma', 'numpy') if m in sys.modules]; sys.exit(repr(heavy) if heavy else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_readers_default_matcher_is_the_matchers_build_index_imported_when_called() -> None:
    import inspect
    import pickle

    from tui.engine import link_index, matcher

    assert pickle.loads(pickle.dumps(link_index.build_index)) is link_index.build_index
    assert inspect.signature(link_index.build_index) == inspect.signature(matcher.build_index)
    assert corpus_job._index_threshold(link_index.build_index) == matcher.DEFAULT_THRESHOLD
    from tui.engine.loader import load_paths

    articles = load_paths(list(seed_paths())).articles
    assert _shown(link_index.build_index(articles)) == _shown(matcher.build_index(articles))


def _copy_seeds(folder: Path) -> Path:
    folder.mkdir()
    for seed in seed_paths():
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


def _index_of(events: list[tuple[str, Any]]) -> LinkIndex:
    assert events[-1][0] == corpus_job.INDEX, events[-1]
    return events[-1][1]


def _shown(index: LinkIndex) -> list[tuple[int, int, int, int, float]]:
    return [(l.source, l.source_sentence, l.target, l.target_sentence, l.score) for l in index.all_links()]


def test_reopening_an_unchanged_corpus_reads_the_index_from_the_cache(tmp_path: Path, monkeypatch) -> None:
    from tui.engine import matcher

    corpus = _copy_seeds(tmp_path / "corpus")
    first = _index_of(_events([corpus], build_index, use_process=False))

    def no_linking(*_args: Any, **_kwargs: Any) -> LinkIndex:
        raise AssertionError("an unchanged corpus must not be linked again")

    monkeypatch.setattr(matcher, "link_corpus", no_linking)
    again = _index_of(_events([corpus], build_index, use_process=False))
    assert _shown(again) == _shown(first) and _shown(first)
    assert (again.stories, again.sources) == (first.stories, first.sources)


def test_a_changed_file_is_reindexed_alone(tmp_path: Path, monkeypatch) -> None:
    corpus = _copy_seeds(tmp_path / "corpus")
    _events([corpus], build_index, use_process=False)
    changed = sorted(corpus.glob("003*"))[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("Taiwan", "Tasmania"), encoding="utf-8")

    computed = count_feature_runs(monkeypatch)
    index = _index_of(_events([corpus], build_index, use_process=False))
    assert computed == [changed.name]
    assert len(index.articles) == len(seed_paths())


def _stored_index_files() -> list[Path]:
    from tui.engine.stored_entries import default_cache_dir

    return sorted((default_cache_dir() / "index").glob("*.bin"))


def test_the_reader_opens_a_stored_index_itself_instead_of_receiving_it(tmp_path: Path, monkeypatch) -> None:
    corpus = _copy_seeds(tmp_path / "corpus")
    first = _index_of(_events([corpus], build_index, use_process=True))
    opened: list[LinkIndex | None] = []
    open_stored = corpus_job._open_stored

    def spy(*args: Any) -> LinkIndex | None:
        opened.append(open_stored(*args))
        return opened[-1]

    monkeypatch.setattr(corpus_job, "_open_stored", spy)
    events = _events([corpus], build_index, use_process=True)
    again = _index_of(events)
    assert opened == [again] and again is not None
    assert _shown(again) == _shown(first) and _shown(first)
    assert (again.stories, again.sources) == (first.stories, first.sources)
    articles = [value for kind, value in events if kind == corpus_job.ARTICLE]
    assert all(mine is sent for mine, sent in zip(again.articles, articles, strict=True))


def test_a_corrupt_stored_index_is_rebuilt_by_the_child(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the child's too
    corpus = _copy_seeds(tmp_path / "corpus")
    first = _index_of(_events([corpus], build_index, use_process=True))
    (entry,) = _stored_index_files()
    blob = bytearray(entry.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    entry.write_bytes(bytes(blob))

    again = _index_of(_events([corpus], build_index, use_process=True))
    assert _shown(again) == _shown(first) and _shown(first)
    assert entry.read_bytes() != bytes(blob), "the corrupt entry is written anew"


def test_the_reader_reads_the_noted_entry_ahead_and_checks_it_like_any_other(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the child's too
    corpus = _copy_seeds(tmp_path / "corpus")
    first = _index_of(_events([corpus], build_index, use_process=True))
    (entry,) = _stored_index_files()
    assert index_read_ahead.noted_entry([corpus], DEFAULT_THRESHOLD) == entry, "the child noted the entry it stored"

    read_ahead: list[bool] = []
    stored_for = index_read_ahead.ReadAhead.stored_for

    def spy(self: Any, path: Path, key: str) -> Any:
        stored = stored_for(self, path, key)
        read_ahead.append(stored is not None)
        return stored

    monkeypatch.setattr(index_read_ahead.ReadAhead, "stored_for", spy)
    again = _index_of(_events([corpus], build_index, use_process=True))
    assert read_ahead == [True]
    assert _shown(again) == _shown(first) and (again.stories, again.sources) == (first.stories, first.sources)

    # Another corpus's entry under this name: its digest holds, its key does not.
    other = _copy_seeds(tmp_path / "other")
    sorted(other.glob("003*"))[0].unlink()
    _events([other], build_index, use_process=True)
    (foreign,) = [path for path in _stored_index_files() if path != entry]
    entry.write_bytes(foreign.read_bytes())
    read_ahead.clear()
    rebuilt = _index_of(_events([corpus], build_index, use_process=True))
    assert read_ahead == [False], "read ahead, its digest holds, but not its key"
    assert _shown(rebuilt) == _shown(first) and (rebuilt.stories, rebuilt.sources) == (first.stories, first.sources)
    assert entry.read_bytes() != foreign.read_bytes(), "the entry is written anew"


def test_a_noted_name_that_is_not_an_entry_is_ignored(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    note = index_read_ahead.entry_note([corpus], DEFAULT_THRESHOLD)
    note.parent.mkdir(parents=True)
    (note.parent.parent / "secret.txt").write_text("not an entry")
    for name in ("../secret.txt", "secret.txt", "", "0" * 64 + ".bin"):
        note.write_text(name)
        assert index_read_ahead.noted_entry([corpus], DEFAULT_THRESHOLD) is None
        assert index_read_ahead.ReadAhead.of([corpus], DEFAULT_THRESHOLD) is None


def _early_parts_at_one_step(articles: Sequence[Article], progress: Callable[[Progress], None] | None = None) -> LinkIndex:
    """Reports an early part per article, all at the same step of the progress bar."""
    for a in range(len(articles)):
        builder = StoreBuilder()
        builder.add(a, 0, [((a + 1) % len(articles), 0, 0.9, False)], [((), (), (), (), (), ())])
        if progress is not None:
            progress(Progress("linking", 0, 10_000, 0, EarlyPart(a, a + 1, builder.build())))
    return build_index(articles)


def test_every_early_part_reaches_the_reader_though_progress_is_thinned() -> None:
    for use_process in (False, True):
        events = _events(seed_paths()[:3], _early_parts_at_one_step, use_process)
        parts = [value.early for kind, value in events if kind == corpus_job.PROGRESS and value.early is not None]
        assert [(part.first, part.end) for part in parts] == [(0, 1), (1, 2), (2, 3)]
        assert [link.target for link in parts[1].store[(1, 0)]] == [2]
        assert events[-1][0] == corpus_job.INDEX


def test_the_matcher_is_not_loaded_when_the_reader_opens_the_stored_index(tmp_path: Path) -> None:
    corpus = _copy_seeds(tmp_path / "corpus")
    asked: list[str] = []
    events: list[tuple[str, Any]] = []

    def matcher_once_loaded() -> Any:
        asked.append("matcher")
        return build_index

    corpus_job._produce(
        [corpus], matcher_once_loaded, lambda kind, value: events.append((kind, value)),
        deferred=True, hand_over=lambda articles: bool(articles),
    )
    assert asked == [] and events[-1][0] == corpus_job.LOADED


def test_the_childs_frames_are_written_in_order_and_a_gone_reader_is_reported() -> None:
    import io

    written = io.BytesIO()
    frames = corpus_job._FrameWriter(written)
    for n in range(200):
        frames.write(b"%d," % n)
    frames.stop()
    frames.write(b"after")
    assert written.getvalue() == b"".join(b"%d," % n for n in range(200)) + b"after"

    class Gone(io.RawIOBase):
        def write(self, _data: object) -> int:
            raise BrokenPipeError

    frames = corpus_job._FrameWriter(Gone())
    frames.write(b"lost")
    frames.stop()
    with pytest.raises(OSError):
        frames.write(b"next")
