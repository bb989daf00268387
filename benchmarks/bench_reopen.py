"""Reopening an unchanged corpus in the reader: how soon its list and its index show.

Usage: python benchmarks/bench_reopen.py DIR [--cache DIR] [--runs 3] [--size 160x36]

The first step fills the cache (``XDG_CACHE_HOME``, a temporary folder unless
``--cache`` names one to reuse): it loads DIR and builds its index as the reader would,
which takes minutes at 10,000 articles unless the cache already holds them. Then each
run starts a new process that opens the reader headless on DIR (``make_app``, the corpus
job in its child process, as ``crossread DIR`` does) and prints, in seconds from that
process's start (imports included):

- first row: the article list shows an article;
- all rows: every article of DIR has a row;
- index: the index is open (the sidebar can answer), the target being under 3 s;
- settled: the screen has drawn it;
- peak MB: the reader process's peak resident memory (its corpus job apart).

Timings on a shared machine are noisy: compare figures of one run. It prints figures;
it never fails on time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))


def fill_cache(corpus: Path) -> None:
    """Load ``corpus`` and build (or open) its index with the cache the reader uses."""
    from tui.engine.loader import load_paths
    from tui.engine.matcher import build_index
    from tui.engine.stored_entries import default_cache_dir

    began = time.perf_counter()
    loaded = load_paths([corpus], cache_dir=default_cache_dir())
    index = build_index(loaded.articles, cache_dir=default_cache_dir())
    print(
        f"cache filled: {len(loaded.articles)} articles, {index.store.link_count} links "
        f"in {time.perf_counter() - began:.1f} s",
        flush=True,
    )


async def one_run(corpus: Path, size: tuple[int, int]) -> dict[str, float]:
    """Seconds from this process's start until each step of the reopen."""
    from tui.app import make_app
    from tui.engine.state import memory_state
    from tui.widgets.article_list import ArticleList

    times: dict[str, float] = {}
    app = make_app([corpus], state=memory_state())
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        listing = screen.query_one(ArticleList)
        while screen.index is None or "all_rows" not in times:
            now = time.perf_counter() - STARTED
            shown = len(listing.shown_articles)
            if shown and "first_row" not in times:
                times["first_row"] = now
            if not screen.files_loading and shown >= len(screen.articles) and "all_rows" not in times:
                times["all_rows"] = now
            if screen.index is not None and "index" not in times:
                times["index"] = now
            await asyncio.sleep(0.01)
        times.setdefault("index", time.perf_counter() - STARTED)
        await pilot.pause()
        times["settled"] = time.perf_counter() - STARTED
    times["peak_MB"] = peak_megabytes()
    return times


def peak_megabytes() -> float:
    """This process's peak resident memory; ``ru_maxrss`` alone would carry over the
    peak of the process that started it (Linux keeps it across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def shown(name: str, value: float) -> str:
    """``value`` with its unit: megabytes for the peak, else seconds."""
    label = name.replace("_", " ")
    return f"{label} {value:.0f}" if name.endswith("_MB") else f"{label} {value:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache", type=Path, help="the cache folder to fill and reuse (default: a new temporary one)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="160x36")
    parser.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    if args.one_run:
        times = asyncio.run(one_run(args.corpus, (width, height)))
        print(" ".join(f"{name}={value:.3f}" for name, value in times.items()), flush=True)
        return
    cache = args.cache or Path(tempfile.mkdtemp(prefix="crossread-reopen-"))
    os.environ["XDG_CACHE_HOME"] = str(cache)
    fill_cache(args.corpus)
    results: dict[str, list[float]] = {}
    for run in range(1, args.runs + 1):
        out = subprocess.run(
            [sys.executable, __file__, str(args.corpus), "--one-run", "--size", args.size],
            check=True, capture_output=True, text=True, env=os.environ,
        ).stdout.split()
        figures = dict(part.split("=") for part in out)
        for name, value in figures.items():
            results.setdefault(name, []).append(float(value))
        print(f"run {run}: " + ", ".join(shown(name, float(value)) for name, value in figures.items()), flush=True)
    print("median: " + ", ".join(shown(name, statistics.median(values)) for name, values in results.items()))


if __name__ == "__main__":
    main()
