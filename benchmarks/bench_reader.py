"""The reader on a large corpus: how soon the list shows, and how fast keys answer.

Usage: python benchmarks/bench_reader.py DIR [--size 120x36] [--rounds 20] [--after] [--pace S]

Opens the reader headless (``make_app``, the corpus job in its child process, as
``crossread DIR`` does) with a fresh, empty cache directory (``XDG_CACHE_HOME`` points
at a new temporary folder, so nothing is read from an earlier run) and the in-memory
state. It prints:

- first row: seconds from the app's start until the article list shows an article;
- all rows: seconds until every article of DIR has a row;
- the longest stall of the event loop while the files load (a key typed then waits
  that long before anything happens);
- per key (posted as soon as the last one is drawn, or ``--pace`` seconds after it, as
  a reader types), worst and p95 latency (and the event loop thread's processor time, which
  contention stretches into latency): the key posted, every message queued then (and
  those it caused) handled, and the frame it dirtied drawn (the screen's update, called at once). Keys are
  timed while the files load (j/k in the list), while the index is built (j/k in the
  list, Enter on an article, j/k in the reading pane with the sidebar following), and
  with ``--after`` once the index is ready too (waits for it: minutes at 10,000);
- with ``--after``, when the sidebar first had early links (the articles scored so
  far, `tui.engine.early_links`), when the article on show first had provisional
  ones (while the features are made, `tui.engine.provisional_links`) and linked ones
  (it is linked next, `tui.engine.link_order`), when every article had them, and
  when the index was ready.

Timings on a shared machine are noisy: compare figures of one run, or runs made
back to back. It also prints the peak memory of the reader and its matching processes
together (their summed proportional set sizes, on Linux). It prints figures; it never
fails on time.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


class GcWatch:
    """Times the reader's cycle collections (they stop every thread of the process)."""

    def __init__(self) -> None:
        self.pauses: dict[int, list[float]] = defaultdict(list)
        self._began = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.pauses[info["generation"]].append(time.perf_counter() - self._began)

    def report(self, label: str) -> str:
        parts = [
            f"gen{generation} n={len(pauses)} max {max(pauses) * 1000:.0f} ms"
            for generation, pauses in sorted(self.pauses.items())
        ]
        self.pauses.clear()
        return f"cycle collections {label}: " + (", ".join(parts) or "none")


class StallWatch:
    """Measures how late a 5 ms sleep wakes up: the longest time the loop was busy."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.005)
            self.worst = max(self.worst, time.perf_counter() - before - 0.005)

    def start(self) -> None:
        self.worst = 0.0
        self._task = asyncio.create_task(self._run())

    def stop(self) -> float:
        if self._task is not None:
            self._task.cancel()
        return self.worst


class TreeMemory:
    """Samples what the reader and its matching processes use together (`bench._tree_pss_mb`)
    from a thread, so the event loop is not slowed; its peak is printed at the end."""

    def __init__(self, every: float = 0.2) -> None:
        self.peak: float | None = None
        self._every = every
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        from benchmarks.bench import _tree_pss_mb

        while not self._done.wait(self._every):
            now = _tree_pss_mb(os.getpid())
            if now is not None:
                self.peak = max(self.peak or 0.0, now)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._done.set()
        self._thread.join()


def _files_loading(screen: object) -> bool:
    """Whether the files are still being read (``loading`` before it was renamed)."""
    return bool(getattr(screen, "files_loading", getattr(screen, "loading", False)))


async def measure(
    corpus: Path, size: tuple[int, int], rounds: int, after: bool, profile: Path | None = None, pace: float = 0.0
) -> None:
    from textual import events

    from tui.app import make_app
    from tui.screens.main import MainScreen
    from tui.widgets.article_list import ArticleList

    expected = sum(1 for p in corpus.rglob("*") if p.is_file())
    times: dict[str, list[float]] = defaultdict(list)
    #: The event loop thread's processor time per key: what contention multiplies.
    cpu: dict[str, list[float]] = defaultdict(list)
    started = time.perf_counter()
    app = make_app([corpus])
    watch = StallWatch()
    collections = GcWatch()
    gc.callbacks.append(collections)

    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        listing = screen.query_one(ArticleList)
        watch.start()
        first_row = all_rows = None
        early_seen: dict[str, float] = {}

        async def watch_early() -> None:
            """Note when early links first show, when the article on show first has
            them, and when every article has them."""
            while screen.index is None:
                early = screen.early_links
                if early is not None:
                    early_seen.setdefault("first", time.perf_counter() - started)
                    location = screen.location
                    if location is not None and early.covers(location.article):
                        provisional = early.articles_read(location.article) is not None
                        key = "shown provisionally" if provisional else "shown"
                        early_seen.setdefault(key, time.perf_counter() - started)
                    if early.articles_linked >= early.total:
                        early_seen.setdefault("all", time.perf_counter() - started)
                await asyncio.sleep(0.1)

        early_task = asyncio.create_task(watch_early())

        async def press(phase: str, name: str, key: str) -> None:
            # Not ``pilot.press``: it also waits (up to 2 s) for the whole process to go
            # idle, which it never does while the worker thread reads the job's events.
            event = events.Key(key, key if len(key) == 1 else "\r" if key == "enter" else None)
            event.set_sender(app)
            begin, begin_cpu = time.perf_counter(), time.thread_time()
            app.post_message(event)
            for _ in range(2):  # the app forwards the key to the focused widget's queue
                await pilot._wait_for_screen()
            app.screen._on_timer_update()  # draw the frame the key dirtied, now
            times[f"{phase}: {name}"].append(time.perf_counter() - begin)
            cpu[f"{phase}: {name}"].append(time.thread_time() - begin_cpu)
            if pace:
                await asyncio.sleep(pace)  # a reader's pause before the next key

        while first_row is None:
            if listing.size.width and listing.shown_articles:
                first_row = time.perf_counter() - started
            else:
                await asyncio.sleep(0.002)
        print(f"first row shown: {first_row:.2f} s", flush=True)

        # While loading: j and k in the list.
        while all_rows is None:
            shown = len(listing.shown_articles)
            if shown >= expected or (not _files_loading(screen) and shown >= len(screen.articles)):
                all_rows = time.perf_counter() - started
                break
            if app.focused is listing:
                await press("loading", "j/k in the list", "j")
                await press("loading", "j/k in the list", "k")
            await asyncio.sleep(0.02)
        stall = watch.stop()
        print(f"all {len(listing.shown_articles)} rows shown: {all_rows:.2f} s", flush=True)
        print(f"longest event-loop stall while loading: {stall * 1000:.0f} ms", flush=True)
        print(collections.report("while loading"), flush=True)

        async def cycle(phase: str) -> None:
            if app.focused is not listing:
                listing.focus()
                await pilot.pause()
            for key in "jjjk":
                await press(phase, "j/k in the list", key)
            await press(phase, "Enter (read the article)", "enter")
            for key in "jjk":
                await press(phase, "j/k in the reading pane (+sidebar)", key)
            await press(phase, "shift+tab back to the list", "shift+tab")

        watch.start()
        profiler = cProfile.Profile() if profile is not None else None
        if profiler is not None:
            profiler.enable()
        for _ in range(rounds):
            if screen.index is not None:
                break
            await cycle("indexing")
            await asyncio.sleep(0.1)
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(profile))
        indexing_stall = watch.stop()
        print(collections.report("while indexing (keys typed)"), flush=True)
        if any(name.startswith("indexing") for name in times):
            print(f"longest event-loop stall while indexing (keys typed): {indexing_stall * 1000:.0f} ms")

        if not after:
            early_task.cancel()
        if after:
            while screen.index is None:
                await asyncio.sleep(0.5)
            ready = time.perf_counter() - started
            await early_task
            for label, key in (
                ("first early links shown", "first"),
                ("provisional links of the article on show", "shown provisionally"),
                ("early links of the article on show", "shown"),
                ("every article's early links", "all"),
            ):
                seen = early_seen.get(key)
                print(f"{label}: " + (f"{seen:.1f} s" if seen is not None else "not seen"), flush=True)
            print(f"index ready: {ready:.1f} s", flush=True)
            await pilot.pause()
            for _ in range(rounds):
                await cycle("indexed")
            for key in ("end", "home", "pagedown", "pagedown", "pageup", "m", "m", "n"):
                await press("indexed", f"{key} in the list", key)

    print(f"\nkey latency (press, messages handled, frame drawn), {size[0]}x{size[1]}:")
    for name, values in times.items():
        print(f"  {name:<48} n={len(values):<4} p50 {statistics.median(values) * 1000:7.1f} ms"
              f"   p95 {percentile(values, 0.95) * 1000:7.1f} ms   max {max(values) * 1000:7.1f} ms"
              f"   (processor p50 {statistics.median(cpu[name]) * 1000:5.1f} ms)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--size", default="120x36", help="terminal size, COLUMNSxROWS (default 120x36)")
    parser.add_argument("--rounds", type=int, default=20, help="key cycles per phase (default 20)")
    parser.add_argument("--after", action="store_true", help="wait for the index and time keys after it too")
    parser.add_argument("--cache", type=Path, default=None,
                        help="use this XDG_CACHE_HOME (say, one where the index is built) instead of a new one")
    parser.add_argument("--pace", type=float, default=0.0,
                        help="seconds between keys, as a reader types (default 0: each key as soon as the last is drawn)")
    parser.add_argument("--profile", type=Path, default=None,
                        help="write a cProfile of the event loop's thread while indexing (keys typed) here")
    args = parser.parse_args(argv)
    columns, rows = (int(part) for part in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="crossread-bench-") as cache:
        os.environ["XDG_CACHE_HOME"] = str(args.cache) if args.cache else cache
        with TreeMemory() as memory:
            asyncio.run(measure(args.corpus, (columns, rows), args.rounds, args.after, args.profile, args.pace))
    peak = "n/a (needs Linux's /proc)" if memory.peak is None else f"{memory.peak:.0f} MB"
    print(f"memory, the reader and its matching processes together (summed PSS, peak): {peak}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
