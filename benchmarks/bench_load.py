"""Loading benchmark: how soon the reader has its first article, and how fast it reads a corpus.

Usage: python benchmarks/bench_load.py [--articles 2500] [--dir DIR] [--runs 3]

- first article: a fresh Python process imports the loader and loads the seeds; the time
  runs from starting that process until ``on_article`` fires the first time (what a user
  waits before the article list shows something), best of ``--runs``.
- throughput: articles per second of ``load_paths`` on a synthetic corpus
  (benchmarks/make_corpus.py, made in DIR or a temporary folder), in a fresh process,
  with the split of time between decoding, splitting, metadata and language detection.

It prints figures; it never fails on time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.make_corpus import make_corpus  # noqa: E402

_FIRST_ARTICLE = """
import sys
from tui.engine.loader import load_paths
from tui.engine.seeds import seed_paths

def first(article):
    sys.stdout.write("first\\n")
    sys.stdout.flush()
    raise SystemExit(0)

load_paths(seed_paths(), on_article=first)
"""

_THROUGHPUT = """
import json, sys, time
from pathlib import Path
from tui.engine import loader

spent = {}

def timed(name, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
    return wrapper

for name in ("decode_bytes", "split_segments", "derive_metadata", "detect_language"):
    setattr(loader, name, timed(name, getattr(loader, name)))
start = time.perf_counter()
result = loader.load_paths([Path(sys.argv[1])])
elapsed = time.perf_counter() - start
print(json.dumps({"articles": len(result.articles), "skipped": len(result.skipped),
                  "seconds": elapsed, "spent": spent}))
"""


def time_to_first_article() -> float:
    """Seconds from starting a fresh process until the loader hands over its first article."""
    start = time.perf_counter()
    with subprocess.Popen([sys.executable, "-c", _FIRST_ARTICLE], stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        elapsed = time.perf_counter() - start
        child.wait()
    if line.strip() != "first":
        raise RuntimeError("the loader gave no article from the seeds")
    return elapsed


def throughput(folder: Path) -> dict[str, object]:
    """``load_paths`` on ``folder`` in a fresh process: count, seconds and time per stage."""
    done = subprocess.run([sys.executable, "-c", _THROUGHPUT, str(folder)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2500, help="corpus size (default 2500)")
    parser.add_argument("--dir", type=Path, default=None, help="reuse or make the corpus here")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes for the first-article time")
    args = parser.parse_args(argv)

    firsts = [time_to_first_article() for _ in range(args.runs)]
    print(f"first article: {min(firsts):.2f} s (best of {args.runs}; all {', '.join(f'{t:.2f}' for t in firsts)})")

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.dir or Path(scratch) / "corpus"
        if not folder.is_dir() or len(list(folder.glob("*.txt"))) != args.articles:
            make_corpus(args.articles, folder)
        figures = throughput(folder)
    seconds = float(figures["seconds"])  # type: ignore[arg-type]
    articles = int(figures["articles"])  # type: ignore[call-overload]
    print(f"throughput: {articles} articles in {seconds:.1f} s = {articles / seconds:.0f} articles/s")
    spent: dict[str, float] = figures["spent"]  # type: ignore[assignment]
    for name, value in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {name:16} {value:6.2f} s ({value / seconds:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
