"""Loading and matching the corpus away from the screen's thread.

Decoding, language detection and matching are CPU-bound Python, and some of the data
they load is unpacked by C code that holds the interpreter lock for seconds: run in a
thread, they freeze the reader (a key press then waits two seconds). So the work runs
in a child process, ``python -m tui.corpus_job``, and comes back as a stream of events
that the reader's thread worker turns into messages. A plain child process (rather
than ``multiprocessing``) never re-imports the caller's main script and needs no file
descriptor that Textual has replaced. When the matcher cannot be sent to a child (a
test's closure) or no child can be started, the same events are produced in the
calling thread instead.

No Textual here: the child process imports only the engine, and the matcher only
once the files are loaded, so the first article reaches the list without waiting for
the matching modules and their word lists. The reader's matcher (`build_index`) is
given the user's cache directory, so reopening an unchanged corpus reads its index
from disk and a changed file is re-indexed alone; loading uses the same directory to
skip splitting the texts that have not changed (`tui.engine.analysis_cache`).

Two things go the other way, on the child's stdin: whether the reader opened the
stored index itself, and, while the corpus is linked, which article the reader is on,
so that it is linked next (`tui.engine.link_order`).
"""

from __future__ import annotations

import copy
import inspect
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tui.engine.stored_entries import default_cache_dir
from tui.index_read_ahead import ReadAhead, note_entry

if TYPE_CHECKING:
    from tui.engine.link_index import LinkIndex, Progress

#: Event kinds, in the order they come: many "article"/"skipped", then "loaded";
#: then many "progress" and one "index" (or "failed" at any point).
ARTICLE, SKIPPED, LOADED, PROGRESS, INDEX, FAILED = (
    "article", "skipped", "loaded", "progress", "index", "failed",
)
#: Only between the child and `_relay`: the index without its articles, and how
#: many there were (the reader has them already, from the "article" events).
_INDEX_SHARING_ARTICLES = "index-sharing-articles"
#: Only between the child and `_relay`: several articles in one frame.
_ARTICLES = "articles"
#: Only between the child and `_relay`: the index is in the cache, at this path under
#: this key; `_relay` opens it and answers `_OPENED` (or anything else: "build it").
_INDEX_STORED = "index-stored"
_OPENED = b"y"
_NOT_OPENED = b"n"
#: From `_relay` to the child, once it is matching: the article the reader is on now,
#: so that the matcher links it next (`tui.engine.link_order`). Eight bytes, so each is
#: written to the pipe whole.
_WISH = struct.Struct(">q")
#: The child sends the articles it has read at least this often, in one frame each time
#: (one frame per article cost the reader seconds at 10,000 articles).
ARTICLE_FRAME_SECONDS = 0.05
#: Progress is reported at most this many times per stage.
PROGRESS_STEPS = 50
#: How much the child (and the worker processes it forks) yields the processor to the
#: reader: keys are answered at once while the corpus is matched on every core.
CHILD_NICENESS = 10
_HEADER = struct.Struct(">Q")
_POLL_SECONDS = 0.1
#: The pipe the articles come through holds this much (Linux; 64 kB by default): a frame
#: of articles is megabytes, and each read of the reader's thread may wait its turn.
PIPE_BYTES = 1 << 20

Matcher = Callable[..., "LinkIndex"]
Emit = Callable[[str, Any], None]
#: Which article the reader is on (``None``: none yet), asked from the job's thread.
Wanted = Callable[[], "int | None"]


def _takes(matcher: Matcher, parameter: str) -> bool:
    """Whether ``matcher`` takes ``parameter`` (``build_index`` takes ``cache_dir`` and
    ``wanted``; a test's matcher may take neither)."""
    try:
        return parameter in inspect.signature(matcher).parameters
    except (TypeError, ValueError):
        return False


def _with_cache_and_wish(matcher: Matcher, wanted: Wanted | None = None) -> Matcher:
    """``matcher`` given the user's index cache when it takes one, and ``wanted`` (which
    article the reader is on) when it takes that."""
    extra: dict[str, Any] = {}
    if _takes(matcher, "cache_dir"):
        extra["cache_dir"] = default_cache_dir()
    if wanted is not None and _takes(matcher, "wanted"):
        extra["wanted"] = wanted
    if not extra:
        return matcher
    return lambda articles, progress=None: matcher(articles, progress=progress, **extra)


def _index_threshold(matcher: Matcher) -> float | None:
    """The threshold ``matcher`` keeps its index in the user's cache at; None when it keeps none.

    Worked out where the matcher is at hand, so that the child can look for the stored
    index before it imports the matcher's modules.
    """
    if not _takes(matcher, "cache_dir"):
        return None
    parameter = inspect.signature(matcher).parameters.get("threshold")
    default = None if parameter is None else parameter.default
    if isinstance(default, (int, float)):
        return float(default)
    from tui.engine.link_index import DEFAULT_THRESHOLD

    return DEFAULT_THRESHOLD


def _stored_index(articles: Sequence[Any], threshold: float) -> tuple[Path, str] | None:
    """Where the index of ``articles`` at ``threshold`` is in the user's cache, if it is there.

    The path and the key it is stored under (a stored entry is checked only when it is
    opened); found without importing the matcher.
    """
    from tui.engine.index_key import index_entry

    path, key = index_entry(articles, default_cache_dir(), threshold)
    return (path, key) if path.is_file() else None


def _produce(
    paths: Sequence[Path],
    matcher: Matcher | Callable[[], Matcher],
    emit: Emit,
    *,
    deferred: bool = False,
    hand_over: Callable[[Sequence[Any]], bool] | None = None,
    wanted: Wanted | None = None,
) -> None:
    """Load, then match, reporting every step through ``emit``; the matcher links the
    article ``wanted`` names next, if it can (`tui.engine.link_order`).

    With ``deferred``, ``matcher`` is a function that returns the matcher, called only
    once loading is done (so its imports do not delay the first article). ``hand_over``
    may give the reader the stored index to open itself, before the matcher is asked
    for; when it did (True), no index is built or sent and the matcher is never loaded.
    """
    from tui.engine.loader import load_paths

    try:
        result = load_paths(
            list(paths),
            on_article=lambda article: emit(ARTICLE, article),
            on_skip=lambda skipped: emit(SKIPPED, skipped),
            cache_dir=default_cache_dir(),
        )
    except Exception as error:  # noqa: BLE001 - reported to the user, not swallowed
        emit(FAILED, f"Could not read the files: {type(error).__name__}: {error}")
        return
    emit(LOADED, None)
    if not result.articles:
        return
    last: list[tuple[str, int]] = []

    def report(progress: Progress) -> None:
        step = (progress.stage, progress.done * PROGRESS_STEPS // max(progress.total, 1))
        if progress.early is not None or not last or last[-1] != step:  # early links always go
            last[:] = [step]
            emit(PROGRESS, progress)

    try:
        if hand_over is not None and hand_over(result.articles):
            return
        match = matcher() if deferred else matcher  # type: ignore[call-arg]
        index = _with_cache_and_wish(match, wanted)(result.articles, progress=report)
    except Exception as error:  # noqa: BLE001 - the reader must survive a matcher bug
        emit(FAILED, f"Could not match the articles: {type(error).__name__}: {error}")
        return
    emit(INDEX, index)


def run_corpus_job(
    paths: Sequence[Path],
    matcher: Matcher,
    emit: Emit,
    *,
    cancelled: Callable[[], bool] = lambda: False,
    use_process: bool = True,
    wanted: Wanted | None = None,
) -> None:
    """Load and match ``paths``, calling ``emit(kind, value)`` for every step, in order.

    ``wanted`` says which article the reader is on: while the corpus is linked, that
    article's links are made next, whenever it changes."""
    request: bytes | None = None
    threshold = _index_threshold(matcher)
    if use_process:
        try:
            # The matcher travels as its own pickle, unpacked after loading (if needed).
            request = pickle.dumps((list(paths), pickle.dumps(matcher), threshold))
        except Exception:  # noqa: BLE001 - any pickling failure means "run it here"
            request = None
    if request is not None:
        try:
            child = _start_child(request)
        except OSError:
            child = None
        if child is not None:
            ahead = None
            if threshold is not None:
                # Not on the relay's way: the child's first articles may be waiting.
                threading.Thread(target=_ready_to_open_stored, daemon=True).start()
                ahead = ReadAhead.of(paths, threshold)
            _relay(child, emit, cancelled, ahead, wanted)
            return
    _produce(paths, matcher, emit, wanted=wanted)


def _ready_to_open_stored() -> None:
    """Import what opening a stored index needs and work out the engine fingerprint it is
    checked against, while the child starts (which takes longer): the index, once it is
    found, then costs only its reading."""
    from tui.engine.link_index import open_index  # noqa: F401 - imported now, used by `_open_stored`
    from tui.engine.stored_entries import engine_fingerprint

    engine_fingerprint()


def _start_child(request: bytes) -> subprocess.Popen[bytes]:
    """Start the child and send it ``request``; its stdin stays open for `_relay`'s answer."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(entry for entry in sys.path if entry)
    child = subprocess.Popen(
        [sys.executable, "-m", "tui.corpus_job"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        bufsize=0,
        # Its own process group, so quitting stops the matcher's worker processes too.
        start_new_session=os.name == "posix",
    )
    assert child.stdin is not None and child.stdout is not None
    _enlarge_pipe(child.stdout.fileno())
    try:
        child.stdin.write(_HEADER.pack(len(request)) + request)
    except OSError:
        _stop(child)
        child.wait()
        raise
    return child


def _enlarge_pipe(fd: int) -> None:
    """Let the pipe at ``fd`` hold ``PIPE_BYTES`` where the system allows it (fewer,
    larger reads); elsewhere, or when refused, it stays as it is."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


def _relay(
    child: subprocess.Popen[bytes],
    emit: Emit,
    cancelled: Callable[[], bool],
    ahead: ReadAhead | None = None,
    wanted: Wanted | None = None,
) -> None:
    """Pass the child's events on until it is done, dies, or the reader quits.

    The index comes without its articles (pickling them again would send every text
    and segment twice, and unpickling them here would hold the reader's interpreter
    lock for seconds): it is given the articles the events brought. When the index is
    in the cache, the child only says where, and it is opened here: sending hundreds
    of megabytes through the pipe took longer than reading them from disk. ``ahead``
    may have read that entry already.

    Once the child reports progress (so it has had any answer about the stored index),
    each new article ``wanted`` names is sent to it (`_WISH`).
    """
    # Imported here, while the child starts, rather than on the reader's way to its screen.
    from tui.engine.loader import collection_paused

    assert child.stdout is not None and child.stdin is not None
    stream = child.stdout
    articles: list[Any] = []
    matching, asked = False, None
    try:
        while not cancelled():
            if matching and wanted is not None and (wish := wanted()) is not None and wish != asked:
                asked = wish
                _tell(child, _WISH.pack(wish))
            if not _readable(stream):
                continue
            header = _read_exact(stream, _HEADER.size)
            if not header:
                if child.wait() != 0:
                    emit(FAILED, f"The background process stopped (exit code {child.returncode}).")
                return
            (size,) = _HEADER.unpack(header)
            frame = _read_exact(stream, size)
            if len(frame) < size:
                emit(FAILED, "The background process stopped in the middle of a message.")
                return
            with collection_paused():
                kind, value = pickle.loads(frame)
            if kind == _ARTICLES:
                articles.extend(value)
                for article in value:
                    emit(ARTICLE, article)
                continue
            if ahead is not None and kind not in (SKIPPED, LOADED, _INDEX_STORED):
                ahead = None  # no stored index after all: the child builds it
            if kind == _INDEX_STORED:
                path, key, threshold, count = value
                stored = None if ahead is None else ahead.stored_for(Path(path), key)
                ahead = None
                with collection_paused():
                    index = _open_stored(articles, count, Path(path), key, threshold, stored)
                del stored
                _tell(child, _NOT_OPENED if index is None else _OPENED)
                if index is None:
                    continue  # the child builds it and sends it as usual
                kind, value = INDEX, index
            elif kind == PROGRESS:
                matching = True
            elif kind == _INDEX_SHARING_ARTICLES:
                index, count = value
                if count != len(articles):
                    emit(FAILED, "The background process stopped in the middle of a message.")
                    return
                index.articles = articles
                kind, value = INDEX, index
            emit(kind, value)
    finally:
        stream.close()
        _close_quietly(child.stdin)
        if child.returncode is None:  # not reaped: its id is still its group's
            _stop(child)
        child.wait()


def _open_stored(
    articles: list[Any], count: int, path: Path, key: str, threshold: float | None, stored: Any | None = None
) -> LinkIndex | None:
    """The index stored at ``path`` for ``articles``, or None when it cannot be trusted.

    ``stored`` is the data of the entry at ``path`` for ``key`` when it was read ahead
    and checked (`ReadAhead`)."""
    if count != len(articles):
        return None
    from tui.engine.link_index import index_from_stored, open_index

    try:
        if stored is not None:
            return index_from_stored(articles, stored, threshold)
        return open_index(articles, path, key, threshold)
    except Exception:  # noqa: BLE001 - whatever is wrong with it, the child rebuilds it
        return None


def _tell(child: subprocess.Popen[bytes], message: bytes) -> None:
    """Send ``message`` to the child (an answer, a wish); a child gone needs none."""
    assert child.stdin is not None
    try:
        child.stdin.write(message)
        child.stdin.flush()
    except OSError:
        pass


def _close_quietly(stream: IO[bytes] | None) -> None:
    if stream is not None:
        try:
            stream.close()
        except OSError:
            pass


def _stop(child: subprocess.Popen[bytes]) -> None:
    """Kill the child and the worker processes it forked (they would finish their share
    of the matching first, for half a minute at 10,000 articles, on a reader gone)."""
    if os.name == "posix":
        try:
            os.killpg(child.pid, signal.SIGKILL)
            return
        except OSError:
            pass
    if child.poll() is None:
        child.kill()


def _readable(stream: IO[bytes]) -> bool:
    """Wait a little for data, so a quitting reader is noticed (POSIX; elsewhere: block)."""
    if os.name != "posix":
        return True
    import select

    ready, _, _ = select.select([stream], [], [], _POLL_SECONDS)
    return bool(ready)


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


class _FrameWriter:
    """The child's frames, written to the reader by a thread of their own while loading.

    Written by the loading thread, a frame of articles waited for the reader to drain
    the pipe before the next file was read. After ``stop`` (before matching, whose
    worker processes are forked), frames are written where they are made.
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._frames: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._failure: OSError | None = None
        self._thread: threading.Thread | None = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (frame := self._frames.get()) is not None:
            if self._failure is None:
                try:
                    self._stream.write(frame)
                except OSError as error:  # the reader is gone: said at the next write
                    self._failure = error

    def write(self, frame: bytes) -> None:
        """Send ``frame`` after those before it; raises ``OSError`` once the reader is gone."""
        if self._failure is not None:
            raise self._failure
        if self._thread is None:
            self._stream.write(frame)
        else:
            self._frames.put(frame)

    def stop(self) -> None:
        """Wait until every frame is written; later ones are written at once."""
        if self._thread is not None:
            self._frames.put(None)
            self._thread.join()
            self._thread = None


class _Wishes:
    """The child's side of `_WISH`: the last article the reader asked for.

    Read when the matcher asks (between two ranges of articles), without waiting and
    without a thread: the matcher forks its workers only from a process with no other
    thread. Only used once the answer about the stored index has been read.
    """

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._pending = b""
        self._last: int | None = None

    def __call__(self) -> int | None:
        import select

        try:
            while select.select([self._fd], [], [], 0)[0]:
                data = os.read(self._fd, 4096)
                if not data:  # the reader closed its end
                    break
                self._pending += data
        except OSError:
            return self._last
        whole = len(self._pending) - len(self._pending) % _WISH.size
        if whole:
            (self._last,) = _WISH.unpack(self._pending[whole - _WISH.size : whole])
            self._pending = self._pending[whole:]
        return self._last


def _yield_processor() -> None:
    """Lower this process's priority (inherited by the matcher's worker processes)."""
    try:
        os.nice(CHILD_NICENESS)
    except (AttributeError, OSError):  # no nice() on Windows; refused: run as is
        pass


def _serve() -> None:
    """The child's side: read the request on stdin, write framed events on stdout."""
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=0)
    # Anything else printed (by the engine or a library) goes to stderr, not the stream.
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    requests = sys.stdin.buffer
    (size,) = _HEADER.unpack(_read_exact(requests, _HEADER.size))
    paths, matcher, threshold = pickle.loads(_read_exact(requests, size))
    batch: list[Any] = []
    sent_at = [0.0]
    frames = _FrameWriter(protocol)

    def write(kind: str, value: Any) -> None:
        frame = pickle.dumps((kind, value), protocol=pickle.HIGHEST_PROTOCOL)
        frames.write(_HEADER.pack(len(frame)) + frame)

    def flush() -> None:
        if batch:
            write(_ARTICLES, batch[:])
            batch.clear()
        sent_at[0] = time.monotonic()

    def send(kind: str, value: Any) -> None:
        if kind == ARTICLE:
            batch.append(value)
            if time.monotonic() - sent_at[0] >= ARTICLE_FRAME_SECONDS:
                flush()
            return
        flush()
        if kind == INDEX and isinstance(getattr(value, "articles", None), list):
            count, value = len(value.articles), copy.copy(value)
            value.articles = []
            kind, value = _INDEX_SHARING_ARTICLES, (value, count)
        write(kind, value)

    loaded: list[Sequence[Any]] = []

    def hand_over(articles: Sequence[Any]) -> bool:
        """Let the reader open the stored index itself, if there is one, and say whether it did."""
        stored = None if threshold is None else _stored_index(articles, threshold)
        if stored is None:
            loaded.append(articles)  # for the note, once the index is built and stored
            return False
        path, key = stored
        write(_INDEX_STORED, (str(path), key, threshold, len(articles)))
        note_entry(paths, threshold, path)
        return _read_exact(requests, 1) == _OPENED

    def matcher_once_loaded() -> Matcher:
        # Reading the files runs at full priority: the reader is waiting for them, and
        # a busy machine would starve a lowered job for seconds. Matching yields.
        frames.stop()
        _yield_processor()
        return pickle.loads(matcher)

    wishes = _Wishes(requests.fileno()) if os.name == "posix" else None
    _produce(paths, matcher_once_loaded, send, deferred=True, hand_over=hand_over, wanted=wishes)
    flush()
    frames.stop()
    protocol.close()
    if loaded and threshold is not None and (stored := _stored_index(loaded[0], threshold)) is not None:
        note_entry(paths, threshold, stored[0])  # the next reopen reads it ahead


if __name__ == "__main__":
    _serve()
