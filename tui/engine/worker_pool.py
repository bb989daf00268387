"""Worker processes for a large corpus: the matcher's process plumbing.

How many processes a corpus gets (`workers_for`), the article ranges of about equal
work they take (`balanced_ranges`), running a function over those in forked processes
that read one shared dict (`in_workers`, `SHARED`), and the garbage collector and
memory handling around them (`heap_frozen`, `collector_paused`, `give_back_memory`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

#: Corpora with at least this many sentences use several processes (where fork works).
PARALLEL_MIN_SENTENCES = 4000
#: Processes for a large corpus; the environment variable CROSSREAD_WORKERS overrides.
DEFAULT_WORKERS = 2


def workers_for(n_sentences: int) -> int:
    """How many processes to use for a corpus of ``n_sentences`` (1: this one only).

    Several only for large corpora, where fork exists, and from a process with no
    other thread (forking a threaded process can leave a lock held for ever).
    """
    if n_sentences < PARALLEL_MIN_SENTENCES or threading.active_count() > 1:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        wanted = int(os.environ.get("CROSSREAD_WORKERS", DEFAULT_WORKERS))
    except ValueError:
        wanted = DEFAULT_WORKERS
    return max(1, min(wanted, os.cpu_count() or 1))


#: What forked workers read: set just before the fork, cleared after.
SHARED: dict[str, object] = {}


def balanced_ranges(sizes: Sequence[int], parts: int, per_part: int = 8) -> list[tuple[int, int]]:
    """``[lo, hi)`` ranges of items holding about the same total size, ``per_part`` per part."""
    total = sum(sizes) or 1
    step = max(1, total // (parts * per_part))
    ranges: list[tuple[int, int]] = []
    lo, held = 0, 0
    for i, size in enumerate(sizes):
        held += size
        if held >= step:
            ranges.append((lo, i + 1))
            lo, held = i + 1, 0
    if lo < len(sizes):
        ranges.append((lo, len(sizes)))
    return ranges


@contextmanager
def heap_frozen() -> Iterator[None]:
    """The objects alive now are left out of garbage collection until the block ends.

    The corpus's terms and lookups are millions of long-lived objects: the collector
    would walk them again and again while links are made, and in forked workers its
    walk would copy every memory page they sit on.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection inside the block (it is back on after).

    Making the sentence features, their weights and lookups creates millions of
    objects and no cycles: the collector's passes over them were a third of the
    indexing step's CPU time.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def in_workers(function: Callable[[Any], Any], items: Iterable[Any], workers: int, shared: dict[str, object], *, lazily: bool = False):
    """``function`` over ``items`` in forked processes that see ``shared``; results in any order.

    ``shared`` is handed over: once the workers are forked it is emptied, so that what
    only the workers need (the term lookups, the raw candidates: hundreds of megabytes
    at 10,000 articles) is freed in this process while its results come in.

    ``lazily``: the next item is taken only when a worker is free, not all at once, so
    an order that changes as the work runs (`LinkOrder`) is followed.
    """
    SHARED.update(shared)
    try:
        with heap_frozen(), multiprocessing.get_context("fork").Pool(workers) as pool:
            shared.clear()
            SHARED.clear()
            give_back_memory()
            if lazily:
                yield from _one_per_worker(pool, function, iter(items), workers)
            else:
                yield from pool.imap_unordered(function, items)
    finally:
        SHARED.clear()


def _one_per_worker(pool: Any, function: Callable[[Any], Any], items: Iterator[Any], workers: int) -> Iterator[Any]:
    """``function`` over ``items`` in ``pool``, each item taken when a worker is free
    (one more waits its turn, so no worker idles while a result travels back)."""
    done: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()

    def start() -> int:
        item = next(items, _NO_ITEM)
        if item is _NO_ITEM:
            return 0
        pool.apply_async(
            function, (item,), callback=lambda result: done.put((True, result)),
            error_callback=lambda error: done.put((False, error)),
        )
        return 1

    running = sum(start() for _ in range(workers + 1))
    while running:
        ok, result = done.get()
        if not ok:
            raise result
        running += start() - 1
        yield result


_NO_ITEM = object()


def give_back_memory() -> None:
    """Return the memory freed so far to the system (glibc's ``malloc_trim``), so the
    next step grows from a smaller footprint: at 2,500 articles, collecting the linking
    step's cycles and trimming took the process from 452 to 327 MB before packing."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None elsewhere (macOS, musl, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = _malloc_trim()
