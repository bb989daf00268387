"""Reader start-up: how soon the background job hands the reader its first article.

Usage: python benchmarks/bench_first_article.py [PATH ...] [--runs 3]

Two figures, on the seeds or on PATH:

- reader: a fresh Python process starts the reader headless (``make_app``, 120x36);
  seconds from the process's start until the article list holds its first article;
- job: the reader's loading job alone (``tui.corpus_job.run_corpus_job``, in its child
  process, with the default matcher): seconds to the first article, to "loaded" and
  to the index (from the disk cache once the corpus has been opened before).

Best of ``--runs``. It prints figures; it never fails on time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_FIRST_S = 1.0

_READER = """
import time
T0 = time.perf_counter()
import asyncio, sys
from pathlib import Path
from tui.app import make_app

async def main():
    app = make_app([Path(p) for p in sys.argv[1:]] or None)
    async with app.run_test(size=(120, 36)):
        while not app.screen.articles:
            await asyncio.sleep(0.005)
        print(time.perf_counter() - T0, flush=True)

asyncio.run(main())
"""


def reader_first_article(paths: list[Path]) -> float:
    """Seconds from a fresh process's start to the reader's first listed article."""
    done = subprocess.run([sys.executable, "-c", _READER, *map(str, paths)], capture_output=True,
                          text=True, check=True)
    # The interpreter's own start-up comes before the script's clock starts.
    return float(done.stdout.strip().splitlines()[-1]) + _startup()


_STARTUP: list[float] = []


def _startup() -> float:
    """Seconds for a bare interpreter to start and exit (measured once)."""
    if not _STARTUP:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        _STARTUP.append(time.perf_counter() - started)
    return _STARTUP[0]


def one_run(paths: list[Path]) -> dict[str, float]:
    """Seconds from the job's start to its first article, to "loaded" and to the index."""
    from tui import corpus_job
    from tui.engine.matcher import build_index

    started = time.perf_counter()
    marks: dict[str, float] = {}

    def emit(kind: str, _value: Any) -> None:
        name = {corpus_job.ARTICLE: "first article", corpus_job.LOADED: "loaded",
                corpus_job.INDEX: "index"}.get(kind)
        if name and name not in marks:
            marks[name] = time.perf_counter() - started

    corpus_job.run_corpus_job(paths, build_index, emit)
    return marks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the seeds)")
    parser.add_argument("--runs", type=int, default=3, help="runs (default 3)")
    args = parser.parse_args(argv)
    from tui.engine.seeds import seed_paths

    paths = args.paths or seed_paths()
    readers = [reader_first_article(args.paths) for _ in range(max(1, args.runs))]
    print(f"reader, first article listed: {min(readers):.2f} s from process start (best of "
          f"{len(readers)}; all {', '.join(f'{t:.2f}' for t in readers)}; target < {TARGET_FIRST_S:.0f} s)")
    runs = [one_run(paths) for _ in range(max(1, args.runs))]
    firsts = [run.get("first article", float("nan")) for run in runs]
    print(f"job, first article: {min(firsts):.2f} s (best of {len(runs)}; all "
          f"{', '.join(f'{t:.2f}' for t in firsts)}; target < {TARGET_FIRST_S:.0f} s)")
    for name in ("loaded", "index"):
        values = [run[name] for run in runs if name in run]
        if values:
            print(f"{name}: {min(values):.2f} s (best of {len(values)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
