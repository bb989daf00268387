"""The reader's saved state: what it remembers, and that a bad state file never stops it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tui.engine.state import SCHEMA_VERSION, open_state

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REPO = SEEDS.parent


def seed_digest(path: Path) -> str:
    """An article's digest as the loader defines it: sha256 of the raw bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(folder: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every entry under ``folder`` with its bytes and mtime, to prove nothing changed."""
    found: dict[str, tuple[bytes | None, int]] = {}
    for entry in sorted(folder.rglob("*")):
        data = entry.read_bytes() if entry.is_file() else None
        found[str(entry.relative_to(folder))] = (data, entry.stat().st_mtime_ns)
    return found


def run_python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )


def read_line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.wait(timeout=10)
        raise AssertionError(f"child ended early: {proc.stderr.read() if proc.stderr else ''}")
    return line.strip()


@pytest.fixture
def watchdog():
    """Kills children that hang, so a broken child fails the test instead of stalling it."""
    children: list[subprocess.Popen[str]] = []

    def kill_all() -> None:
        for child in children:
            if child.poll() is None:
                child.kill()

    timer = threading.Timer(30, kill_all)
    timer.start()
    yield children
    timer.cancel()
    kill_all()
    for child in children:
        child.wait(timeout=10)


def test_state_survives_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    link = ("a" * 64, 3, "b" * 64, 7)
    other = ("a" * 64, 4, "c" * 64, 0)
    with open_state(path) as store:
        assert store.messages == []
        assert store.persistent and store.path == path
        store.set_read("a" * 64)
        store.set_read("b" * 64)
        store.set_read("b" * 64, False)
        store.set_cursor("a" * 64, 12)
        store.set_cursor("b" * 64, 0)
        store.set_verdict(link, "confirm")
        store.set_verdict(other, "confirm")
        store.set_verdict(other, "reject")
    with open_state(path) as store:
        assert store.messages == []
        assert store.is_read("a" * 64)
        assert not store.is_read("b" * 64)
        assert not store.is_read("never-seen")
        assert store.read_digests() == {"a" * 64}
        assert store.cursor("a" * 64) == 12
        assert store.cursor("b" * 64) == 0
        assert store.cursor("never-seen") is None
        assert store.verdict(link) == "confirm"
        assert store.verdicts() == {link: "confirm", other: "reject"}
        store.set_verdict(link, None)
    with open_state(path) as store:
        assert store.verdict(link) is None
        assert store.verdicts() == {other: "reject"}


def test_a_moved_article_keeps_its_state(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    original = tmp_path / "inbox" / seeds[0].name
    original.parent.mkdir()
    shutil.copy(seeds[0], original)
    with open_state(tmp_path / "state.sqlite3") as store:
        store.set_read(seed_digest(original))
        store.set_cursor(seed_digest(original), 5)
        store.set_verdict((seed_digest(original), 5, seed_digest(seeds[1]), 2), "reject")

    moved = tmp_path / "archive" / "renamed.txt"
    moved.parent.mkdir()
    original.rename(moved)
    with open_state(tmp_path / "state.sqlite3") as store:
        assert store.is_read(seed_digest(moved))
        assert store.cursor(seed_digest(moved)) == 5
        assert store.verdict((seed_digest(moved), 5, seed_digest(seeds[1]), 2)) == "reject"
        untouched = seed_digest(seeds[2])
        assert not store.is_read(untouched) and store.cursor(untouched) is None


def assert_fresh_and_working(path: Path) -> None:
    """The store at ``path`` now saves to disk: a change survives reopening."""
    with open_state(path) as store:
        store.set_cursor("d" * 64, 4)
    with open_state(path) as store:
        assert store.messages == []
        assert store.cursor("d" * 64) == 4


def test_garbage_file_is_moved_aside_and_a_fresh_one_started(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    garbage = os.urandom(3000) + b"not a database"
    path.write_bytes(garbage)
    with open_state(path) as store:
        assert store.persistent
        assert store.cursor("d" * 64) is None
        assert len(store.messages) == 1
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith("state.sqlite3.broken-")]
    assert str(aside) in store.messages[0]
    assert aside.read_bytes() == garbage
    assert_fresh_and_working(path)


def test_damaged_pages_are_noticed(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with open_state(path) as store:
        for i in range(300):
            store.set_cursor(f"{i:064x}", i)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[page : 3 * page] = b"\xa5" * (2 * page)
    path.write_bytes(bytes(data))
    with open_state(path) as store:
        assert len(store.messages) == 1 and "moved it to" in store.messages[0]
        assert store.cursor(f"{1:064x}") is None
    assert_fresh_and_working(path)


def test_an_sqlite_file_of_another_program_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    foreign = sqlite3.connect(path)
    foreign.execute("CREATE TABLE notes (body TEXT)")
    foreign.execute("INSERT INTO notes VALUES ('keep me')")
    foreign.commit()
    foreign.close()
    with open_state(path) as store:
        assert len(store.messages) == 1 and "did not write" in store.messages[0]
    [aside] = [p for p in tmp_path.iterdir() if ".broken-" in p.name]
    kept = sqlite3.connect(aside)
    assert kept.execute("SELECT body FROM notes").fetchall() == [("keep me",)]
    kept.close()
    assert_fresh_and_working(path)


def test_a_directory_in_place_of_the_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    path.mkdir()
    (path / "inside.txt").write_text("user data")
    with open_state(path) as store:
        assert store.persistent
        assert "directory" in store.messages[0]
    [aside] = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert (aside / "inside.txt").read_text() == "user data"
    assert path.is_file()
    assert_fresh_and_working(path)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    assert_fresh_and_working(path)
    path.chmod(0)
    with open_state(path) as store:
        assert store.persistent and len(store.messages) == 1
    assert_fresh_and_working(path)


def test_nowhere_to_write_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with open_state(blocker / "state.sqlite3") as store:
        assert not store.persistent and store.path is None
        assert len(store.messages) == 1 and "until you quit" in store.messages[0]
        store.set_read("e" * 64)
        store.set_verdict(("e" * 64, 0, "f" * 64, 1), "confirm")
        assert store.is_read("e" * 64)
        assert store.verdicts() == {("e" * 64, 0, "f" * 64, 1): "confirm"}
    assert blocker.read_text() == "not a folder"


def test_a_file_from_a_newer_crossread_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with open_state(path) as store:
        store.set_cursor("a" * 64, 9)
    raw = sqlite3.connect(path)
    raw.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    raw.commit()
    raw.close()
    with open_state(path) as store:
        assert not store.persistent
        assert "newer crossread" in store.messages[0]
        store.set_cursor("a" * 64, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.sqlite3"]
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT version FROM schema_version").fetchall() == [
        (SCHEMA_VERSION + 1,)
    ]
    assert raw.execute("SELECT cursor FROM articles").fetchall() == [(9,)]
    raw.close()


def test_default_location_is_the_users_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with open_state(None) as store:
        store.set_read("a" * 64)
        assert store.path is not None
        assert store.path.is_relative_to(tmp_path / "data")
    assert store.path.is_file()


def test_read_only_shows_saved_state_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with open_state(path) as store:
        store.set_read("a" * 64)
        store.set_cursor("a" * 64, 3)
    before = tree(tmp_path)
    with open_state(path, read_only=True) as store:
        assert store.messages == [] and not store.persistent
        assert store.is_read("a" * 64) and store.cursor("a" * 64) == 3
        store.set_read("a" * 64, False)
        store.set_cursor("b" * 64, 8)
        store.set_verdict(("a" * 64, 0, "b" * 64, 0), "reject")
        assert not store.is_read("a" * 64) and store.cursor("b" * 64) == 8
    assert tree(tmp_path) == before
    with open_state(path) as store:
        assert store.is_read("a" * 64) and store.cursor("b" * 64) is None


def test_read_only_touches_neither_missing_nor_broken_files(tmp_path: Path) -> None:
    missing = tmp_path / "sub" / "state.sqlite3"
    with open_state(missing, read_only=True) as store:
        store.set_read("a" * 64)
        assert store.is_read("a" * 64) and store.messages == []
    assert list(tmp_path.iterdir()) == []

    broken = tmp_path / "state.sqlite3"
    broken.write_bytes(b"garbage" * 100)
    before = tree(tmp_path)
    with open_state(broken, read_only=True) as store:
        assert len(store.messages) == 1
        store.set_cursor("a" * 64, 2)
        assert store.cursor("a" * 64) == 2
    assert tree(tmp_path) == before


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with open_state(tmp_path / "state.sqlite3") as store:
        with pytest.raises(ValueError):
            store.set_verdict(("a", 0, "b", 0), "maybe")
        with pytest.raises(ValueError):
            store.set_cursor("a", -1)
        with pytest.raises(ValueError):
            store.set_verdict(("a", 0, "b"), "confirm")  # type: ignore[arg-type]
    with pytest.raises(RuntimeError):
        store.set_read("a")


def test_threads_sharing_one_store_lose_nothing(tmp_path: Path) -> None:
    with open_state(tmp_path / "state.sqlite3") as store:

        def work(worker: int) -> None:
            for i in range(100):
                store.set_cursor(f"t{worker}-{i}", i)
                store.set_verdict((f"t{worker}", i, "x", i), "confirm")

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(store.verdicts()) == 400
        assert all(store.cursor(f"t{n}-{i}") == i for n in range(4) for i in range(100))


KILLED_MID_TRANSACTION = """
import sqlite3, sys, time
from pathlib import Path
from tui.engine.state import open_state
path = Path(sys.argv[1])
store = open_state(path)
assert not store.messages, store.messages
for i in range(50):
    store.set_cursor(f"article-{i}", i)
    store.set_verdict(("a", i, "b", i), "reject")
raw = sqlite3.connect(path, isolation_level=None)
raw.execute("PRAGMA cache_size = 1")  # spill uncommitted pages into the log file
raw.execute("BEGIN IMMEDIATE")
raw.execute("UPDATE articles SET cursor = 999, read = 1")
raw.execute("DELETE FROM verdicts")
for i in range(2000):
    raw.execute("INSERT INTO articles (digest, updated) VALUES (?, 0)", (f"ghost-{i}",))
print("mid-transaction", flush=True)
time.sleep(60)
"""


def test_a_process_killed_mid_transaction_loses_nothing_committed(
    tmp_path: Path, watchdog: list[subprocess.Popen[str]]
) -> None:
    path = tmp_path / "state.sqlite3"
    child = run_python(KILLED_MID_TRANSACTION, str(path))
    watchdog.append(child)
    assert read_line(child) == "mid-transaction"
    assert Path(f"{path}-wal").stat().st_size > 100 * 4096
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=10) == -signal.SIGKILL

    with open_state(path) as store:
        assert store.messages == [] and store.persistent
        assert [store.cursor(f"article-{i}") for i in range(50)] == list(range(50))
        assert store.read_digests() == set()
        assert store.cursor("ghost-0") is None
        assert store.verdicts() == {("a", i, "b", i): "reject" for i in range(50)}
        store.set_read("after-crash")
    with open_state(path) as store:
        assert store.read_digests() == {"after-crash"}


KILLED_WHILE_WRITING = """
import sys
from pathlib import Path
from tui.engine.state import open_state
store = open_state(Path(sys.argv[1]))
i = 0
while True:
    store.set_cursor(f"article-{i}", i)
    print(i, flush=True)
    i += 1
"""


def test_every_acknowledged_write_survives_a_kill(
    tmp_path: Path, watchdog: list[subprocess.Popen[str]]
) -> None:
    path = tmp_path / "state.sqlite3"
    child = run_python(KILLED_WHILE_WRITING, str(path))
    watchdog.append(child)
    acknowledged = [int(read_line(child)) for _ in range(200)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    with open_state(path) as store:
        assert store.messages == []
        assert all(store.cursor(f"article-{i}") == i for i in acknowledged)


CONCURRENT_WRITER = """
import json, sys
from pathlib import Path
from tui.engine.state import open_state
name, path = sys.argv[1], Path(sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()
store = open_state(path)
for i in range(200):
    if i % 2:
        store.set_cursor(f"{name}-{i}", i)
    else:
        store.set_verdict((name, i, "other", i), "confirm")
    store.set_read("shared", bool(i % 2))
print(json.dumps(store.messages), flush=True)
store.close()
"""


def test_two_processes_writing_at_once_both_land(
    tmp_path: Path, watchdog: list[subprocess.Popen[str]]
) -> None:
    path = tmp_path / "fresh" / "state.sqlite3"  # both create it at the same moment
    children = [run_python(CONCURRENT_WRITER, name, str(path)) for name in ("left", "right")]
    watchdog.extend(children)
    assert [read_line(child) for child in children] == ["ready", "ready"]
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    assert [json.loads(read_line(child)) for child in children] == [[], []]
    assert [child.wait(timeout=20) for child in children] == [0, 0]

    with open_state(path) as store:
        assert store.messages == []
        verdicts = store.verdicts()
        for name in ("left", "right"):
            assert all(store.cursor(f"{name}-{i}") == i for i in range(1, 200, 2))
            assert all(verdicts[(name, i, "other", i)] == "confirm" for i in range(0, 200, 2))
        assert len(verdicts) == 200
        assert store.read_digests() == {"shared"}  # both children ended on a read mark


def test_a_file_wrecked_while_the_reader_runs_does_not_stop_it(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    store = open_state(path)
    store.set_cursor("a" * 64, 1)
    for suffix in ("", "-wal", "-shm"):
        wrecked = Path(f"{path}{suffix}")
        wrecked.write_bytes(b"\xa5" * wrecked.stat().st_size)
    store.set_cursor("c" * 64, 2)
    assert store.cursor("c" * 64) == 2
    assert not store.persistent
    assert len(store.messages) == 1 and "until you quit" in store.messages[0]
    store.close()
    with open_state(path) as reopened:
        assert "moved it to" in reopened.messages[0] and reopened.persistent
