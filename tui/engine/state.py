"""What the reader remembers between runs: read marks, cursor positions, link verdicts,
stories joined by hand.

Everything is keyed by an article's content digest (sha256 of its raw bytes), so a
moved or renamed file keeps its state. The state lives in one SQLite file in the
user's data directory. The reader must always start, whatever that file looks like:
a broken file is moved aside and replaced, and when nothing can be written the store
keeps its state in memory for the session. ``StateStore.messages`` says what happened
so the reader can tell the user.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs

from tui.engine.models import Article, Link
from tui.engine.story_joins import StoryJoin, join_key
from tui.i18n import _

#: A link between two sentences: (source digest, source sentence index,
#: target digest, target sentence index).
LinkKey = tuple[str, int, str, int]


def link_key(articles: Sequence[Article], link: Link) -> LinkKey:
    """The key a verdict on ``link`` is saved under: by content, not by load order."""
    return (
        articles[link.source].digest,
        link.source_sentence,
        articles[link.target].digest,
        link.target_sentence,
    )


CONFIRM = "confirm"
REJECT = "reject"
VERDICTS: frozenset[str] = frozenset({CONFIRM, REJECT})

STATE_FILE_NAME = "state.sqlite3"
SCHEMA_VERSION = 2
#: How long a write waits for another crossread process to finish its own write.
BUSY_TIMEOUT_SECONDS = 30.0

#: ``_MIGRATIONS[n]`` takes a database from schema version ``n`` to ``n + 1``.
#: Statements run one by one inside the opening transaction, so a half-applied
#: migration is never committed.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE articles (
            digest TEXT PRIMARY KEY,
            read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
            cursor INTEGER CHECK (cursor >= 0),
            updated REAL NOT NULL
        ) WITHOUT ROWID""",
        """CREATE TABLE verdicts (
            source_digest TEXT NOT NULL,
            source_sentence INTEGER NOT NULL,
            target_digest TEXT NOT NULL,
            target_sentence INTEGER NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('confirm', 'reject')),
            updated REAL NOT NULL,
            PRIMARY KEY (source_digest, source_sentence, target_digest, target_sentence)
        ) WITHOUT ROWID""",
    ),
    (
        """CREATE TABLE story_joins (
            first_digest TEXT NOT NULL,
            second_digest TEXT NOT NULL,
            updated REAL NOT NULL,
            PRIMARY KEY (first_digest, second_digest),
            CHECK (first_digest < second_digest)
        ) WITHOUT ROWID""",
    ),
)
assert len(_MIGRATIONS) == SCHEMA_VERSION

#: Columns the current code reads and writes; anything less is a wrong schema.
_REQUIRED_COLUMNS: dict[str, frozenset[str]] = {
    "schema_version": frozenset({"version"}),
    "articles": frozenset({"digest", "read", "cursor", "updated"}),
    "verdicts": frozenset(
        {
            "source_digest",
            "source_sentence",
            "target_digest",
            "target_sentence",
            "verdict",
            "updated",
        }
    ),
    "story_joins": frozenset({"first_digest", "second_digest", "updated"}),
}

#: SQLite primary result codes that mean "this file cannot be our state file".
_BROKEN_CODES = frozenset(
    {
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_CORRUPT,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_NOTADB,
    }
)
#: Codes that only mean "someone else is busy": never a reason to move a file.
_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


class _Broken(Exception):
    """The file at the state path cannot serve as a state file (it may be moved aside)."""


class _TooNew(Exception):
    """The file was written by a newer crossread: keep it untouched."""


def default_state_path() -> Path:
    """Where the state lives when the user gives no ``--state PATH``."""
    return Path(platformdirs.user_data_dir("crossread")) / STATE_FILE_NAME


def open_state(path: Path | None = None, *, read_only: bool = False) -> StateStore:
    """Open the reader's state; never raises for anything the file system does.

    ``path`` is the state file (``--state PATH``), ``None`` for the default location.
    With ``read_only`` (``--no-state``) the saved state is read if it can be, and
    changes live in memory only: nothing on disk is created, changed or moved.
    """
    target = (path if path is not None else default_state_path()).expanduser()
    if read_only:
        return _open_snapshot(target)
    messages: list[str] = []
    conn = _open_or_replace(target, messages)
    if conn is None:
        return StateStore(_memory_connection(), path=None, messages=messages)
    return StateStore(conn, path=target, messages=messages)


def memory_state() -> StateStore:
    """A store that keeps changes for this session only: for tests and embedding."""
    return StateStore(_memory_connection(), path=None)


class StateStore:
    """Read marks, cursors and verdicts, each write its own committed transaction.

    One connection shared by all threads behind a lock, so Textual workers may call
    any method. A store whose ``path`` is ``None`` keeps everything in memory.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        path: Path | None,
        messages: list[str] | None = None,
    ) -> None:
        self._conn = conn
        self._path = path
        self._lock = threading.RLock()
        self._closed = False
        #: What happened to the state file, in order, for the reader to show.
        #: Appended to if the file stops working while the reader runs.
        self.messages: list[str] = list(messages or [])

    @property
    def path(self) -> Path | None:
        """The file that changes are saved to, ``None`` when nothing reaches disk."""
        return self._path

    @property
    def persistent(self) -> bool:
        """Whether changes outlive this process."""
        return self._path is not None

    def is_read(self, digest: str) -> bool:
        """Whether the article has been marked read."""
        _check_digest(digest)
        rows = self._query("SELECT read FROM articles WHERE digest = ?", (digest,))
        return bool(rows and rows[0][0])

    def set_read(self, digest: str, read: bool = True) -> None:
        """Mark the article read or unread."""
        _check_digest(digest)
        self._write(
            "INSERT INTO articles (digest, read, updated) VALUES (?, ?, ?) "
            "ON CONFLICT (digest) DO UPDATE SET read = excluded.read, "
            "updated = excluded.updated",
            (digest, int(bool(read)), time.time()),
        )

    def read_digests(self) -> set[str]:
        """Digests of every article marked read (one query for the whole list)."""
        return {row[0] for row in self._query("SELECT digest FROM articles WHERE read = 1")}

    def cursor(self, digest: str) -> int | None:
        """The sentence index the reader last stood on, ``None`` if never opened."""
        _check_digest(digest)
        rows = self._query("SELECT cursor FROM articles WHERE digest = ?", (digest,))
        return rows[0][0] if rows else None

    def set_cursor(self, digest: str, index: int) -> None:
        """Remember the sentence index under the cursor."""
        _check_digest(digest)
        _check_index(index)
        self._write(
            "INSERT INTO articles (digest, cursor, updated) VALUES (?, ?, ?) "
            "ON CONFLICT (digest) DO UPDATE SET cursor = excluded.cursor, "
            "updated = excluded.updated",
            (digest, index, time.time()),
        )

    def verdict(self, key: LinkKey) -> str | None:
        """``"confirm"``, ``"reject"`` or ``None`` for a link the user has not judged."""
        _check_key(key)
        rows = self._query(
            "SELECT verdict FROM verdicts WHERE source_digest = ? AND source_sentence = ? "
            "AND target_digest = ? AND target_sentence = ?",
            key,
        )
        return rows[0][0] if rows else None

    def set_verdict(self, key: LinkKey, verdict: str | None) -> None:
        """Record the user's verdict on a link; ``None`` forgets it."""
        _check_key(key)
        if verdict is None:
            self._write(
                "DELETE FROM verdicts WHERE source_digest = ? AND source_sentence = ? "
                "AND target_digest = ? AND target_sentence = ?",
                key,
            )
            return
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be 'confirm', 'reject' or None, not {verdict!r}")
        self._write(
            "INSERT INTO verdicts (source_digest, source_sentence, target_digest, "
            "target_sentence, verdict, updated) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO UPDATE SET verdict = excluded.verdict, "
            "updated = excluded.updated",
            (*key, verdict, time.time()),
        )

    def verdicts(self) -> dict[LinkKey, str]:
        """Every verdict at once, for filtering a whole list of links."""
        rows = self._query(
            "SELECT source_digest, source_sentence, target_digest, target_sentence, "
            "verdict FROM verdicts"
        )
        return {(r[0], r[1], r[2], r[3]): r[4] for r in rows}

    def story_joins(self) -> set[StoryJoin]:
        """Every pair of articles whose stories the user joined (`tui.engine.story_joins`)."""
        return {(r[0], r[1]) for r in self._query("SELECT first_digest, second_digest FROM story_joins")}

    def set_story_join(self, digest: str, other: str, joined: bool = True) -> None:
        """Record that the two articles report one event; ``joined=False`` forgets it."""
        _check_digest(digest)
        _check_digest(other)
        if digest == other:
            raise ValueError("an article is always in its own story")
        key = join_key(digest, other)
        if not joined:
            self._write("DELETE FROM story_joins WHERE first_digest = ? AND second_digest = ?", key)
            return
        self._write(
            "INSERT INTO story_joins (first_digest, second_digest, updated) VALUES (?, ?, ?) "
            "ON CONFLICT DO UPDATE SET updated = excluded.updated",
            (*key, time.time()),
        )

    def close(self) -> None:
        """Release the file; calling it twice is harmless."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._conn.close()

    def __enter__(self) -> StateStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            self._check_open()
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                if not self._recover(exc):
                    return []
                return self._conn.execute(sql, params).fetchall()

    def _write(self, sql: str, params: tuple[object, ...]) -> None:
        with self._lock:
            self._check_open()
            try:
                with _transaction(self._conn):
                    self._conn.execute(sql, params)
                return
            except sqlite3.Error as exc:
                if not self._recover(exc):
                    return
            with _transaction(self._conn):
                self._conn.execute(sql, params)

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("the state store is closed")

    def _recover(self, exc: sqlite3.Error) -> bool:
        """Keep the reader going after the file fails; True when the call may be retried.

        A busy file costs this one change; any other failure moves the store to memory
        (keeping what can still be read) so later changes last at least the session.
        """
        if _code(exc) in _BUSY_CODES:
            self.messages.append(
                _("State file {path} stayed busy; one change was not saved.").format(path=self._path)
            )
            return False
        memory = _memory_connection(copy_from=self._conn)
        try:
            self._conn.close()
        except sqlite3.Error:
            pass
        self.messages.append(
            _("State file {path} stopped working ({error}); changes are kept only until you quit.").format(
                path=self._path, error=exc
            )
        )
        self._conn = memory
        self._path = None
        return True


def _open_or_replace(target: Path, messages: list[str]) -> sqlite3.Connection | None:
    """A ready connection to ``target``, moving a broken file aside; None if impossible."""
    identity = _identity(target)
    try:
        return _connect_retrying(target)
    except _TooNew as exc:
        messages.append(
            _("State file {path} was {problem}; left it untouched, and changes are kept only until you quit.").format(
                path=target, problem=exc
            )
        )
        return None
    except _Broken as exc:
        reason = str(exc)
    except (OSError, sqlite3.Error) as exc:
        messages.append(
            _("Could not use state file {path} ({error}); changes are kept only until you quit.").format(
                path=target, error=exc
            )
        )
        return None
    if identity is None or not os.path.lexists(target):
        messages.append(
            _("Could not create state file {path} ({error}); changes are kept only until you quit.").format(
                path=target, error=reason
            )
        )
        return None
    if _identity(target) != identity:
        # Another crossread replaced the broken file meanwhile: use its fresh one.
        return _connect_quietly(target, messages)
    try:
        aside = _move_aside(target)
    except OSError as exc:
        messages.append(
            _(
                "State file {path} is unusable ({problem}) and could not be moved aside ({error}); "
                "changes are kept only until you quit."
            ).format(path=target, problem=reason, error=exc)
        )
        return None
    messages.append(
        _("State file {path} was unusable ({problem}); moved it to {aside} and started a fresh one.").format(
            path=target, problem=reason, aside=aside
        )
    )
    return _connect_quietly(target, messages)


def _connect_quietly(target: Path, messages: list[str]) -> sqlite3.Connection | None:
    """One more attempt at ``target``, reporting instead of raising."""
    try:
        return _connect_file(target)
    except (_Broken, _TooNew, OSError, sqlite3.Error) as exc:
        messages.append(
            _("Could not start a fresh state file at {path} ({error}); changes are kept only until you quit.").format(
                path=target, error=exc
            )
        )
        return None


def _connect_retrying(target: Path) -> sqlite3.Connection:
    """`_connect_file`, waiting out another process that holds the file while it
    creates it or switches it to WAL (SQLite answers "locked" at once there, without
    its busy handler)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            return _connect_file(target)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        except _Broken as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(0.05)


def _connect_file(target: Path) -> sqlite3.Connection:
    """Open, check and migrate the state file, creating it (and its folder) if absent."""
    if target.is_dir():
        raise _Broken(_("a directory is in its place"))
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(
            target,
            timeout=BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as exc:
        raise _classify(exc) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        _inspect(conn)  # before anything writes to a file that may not be ours
        conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL survives any crash of the process; only a power cut
        # may cost the last few changes.
        conn.execute("PRAGMA synchronous = NORMAL")
        _prepare(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise _classify(exc) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _open_snapshot(target: Path) -> StateStore:
    """An in-memory copy of the saved state; the disk is only read, never written."""
    messages: list[str] = []
    conn = _memory_connection()
    if target.is_file():
        try:
            source = sqlite3.connect(_read_only_uri(target), uri=True, timeout=BUSY_TIMEOUT_SECONDS)
            try:
                source.backup(conn)
            finally:
                source.close()
            _prepare(conn)
        except (_Broken, _TooNew, sqlite3.Error) as exc:
            conn.close()
            conn = _memory_connection()
            messages.append(
                f"Could not read state file {target} ({exc}); starting with no saved "
                "state."
            )
    elif os.path.lexists(target):
        messages.append(
            f"State file {target} is not a regular file; starting with no saved state."
        )
    return StateStore(conn, path=None, messages=messages)


def _read_only_uri(target: Path) -> str:
    """A URI that reads ``target`` without creating its ``-wal``/``-shm`` companions.

    With no write-ahead log present the file is complete on its own and can be read
    as immutable (no lock files); otherwise another process is using it or died
    mid-write, and a plain read-only open is needed to see its committed changes.
    """
    uri = target.resolve().as_uri()
    if os.path.exists(f"{target}-wal"):
        return f"{uri}?mode=ro"
    return f"{uri}?immutable=1"


def _memory_connection(copy_from: sqlite3.Connection | None = None) -> sqlite3.Connection:
    """A fresh in-memory store, holding what can still be read from ``copy_from``."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    if copy_from is not None:
        try:
            copy_from.backup(conn)
            _prepare(conn)
            return conn
        except (_Broken, _TooNew, sqlite3.Error):
            conn.close()
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _prepare(conn)
    return conn


def _inspect(conn: sqlite3.Connection) -> int | None:
    """The schema version of a database crossread can use, ``None`` when it is empty.

    Only reads, so a file that turns out not to be ours is left exactly as it was.
    """
    check = conn.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        raise _Broken(_("integrity check failed: {answer}").format(answer=check[0] if check else _("no answer")))
    tables = {
        row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if not tables:
        return None
    if "schema_version" not in tables:
        raise _Broken(_("it is an SQLite file that crossread did not write"))
    rows = conn.execute("SELECT version FROM schema_version").fetchall()
    if len(rows) != 1 or not isinstance(rows[0][0], int) or rows[0][0] < 0:
        raise _Broken(_("its schema version is missing or unreadable"))
    version: int = rows[0][0]
    if version > SCHEMA_VERSION:
        raise _TooNew(_("written by a newer crossread (schema {version})").format(version=version))
    return version


def _prepare(conn: sqlite3.Connection) -> None:
    """Check the database is ours and bring its schema up to date, in one transaction.

    Runs under the write lock, so two processes creating or migrating the same file
    at once do it one after the other.
    """
    with _transaction(conn):
        version = _inspect(conn)
        if version is None:
            conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            conn.execute("INSERT INTO schema_version (version) VALUES (0)")
            version = 0
        for step in _MIGRATIONS[version:]:
            for statement in step:
                conn.execute(statement)
        if version != SCHEMA_VERSION:
            conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))
        for table, required in _REQUIRED_COLUMNS.items():
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if not required <= columns:
                raise _Broken(_("its table {table!r} lacks {columns}").format(table=table, columns=sorted(required - columns)))


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error.

    IMMEDIATE takes the write lock up front, so two processes queue on the busy
    timeout instead of failing when both try to upgrade a read to a write.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        raise
    conn.execute("COMMIT")


def _classify(exc: sqlite3.Error) -> Exception:
    """Turn an SQLite error met while opening into ``_Broken`` when the file is at fault."""
    if _code(exc) in _BROKEN_CODES:
        return _Broken(str(exc))
    return exc


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _identity(target: Path) -> tuple[int, int] | None:
    """Device and inode of ``target``, to notice another process replacing it."""
    try:
        st = os.lstat(target)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _move_aside(target: Path) -> Path:
    """Rename ``target`` (and its SQLite companions) to a timestamped name beside it."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    aside = target.with_name(f"{target.name}.broken-{stamp}")
    n = 1
    while os.path.lexists(aside):
        n += 1
        aside = target.with_name(f"{target.name}.broken-{stamp}-{n}")
    os.rename(target, aside)
    # A stale write-ahead log next to a fresh file would be replayed into it.
    for suffix in ("-wal", "-shm", "-journal"):
        companion = Path(f"{target}{suffix}")
        if os.path.lexists(companion):
            try:
                os.rename(companion, Path(f"{aside}{suffix}"))
            except OSError:
                companion.unlink(missing_ok=True)
    return aside


def _check_digest(digest: str) -> None:
    if not isinstance(digest, str) or not digest:
        raise ValueError(f"an article digest must be a non-empty string, not {digest!r}")


def _check_index(index: int) -> None:
    if isinstance(index, bool) or not isinstance(index, int) or index < 0:
        raise ValueError(f"a sentence index must be an int >= 0, not {index!r}")


def _check_key(key: LinkKey) -> None:
    if not isinstance(key, tuple) or len(key) != 4:
        raise ValueError(
            "a link key is (source digest, source sentence, target digest, target sentence)"
        )
    _check_digest(key[0])
    _check_index(key[1])
    _check_digest(key[2])
    _check_index(key[3])
