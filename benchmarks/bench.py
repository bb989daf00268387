"""Scale benchmark: how crossread copes with a researcher's 10,000-article corpus.

Usage: python benchmarks/bench.py [--sizes 2500,10000 | --quick] [--dir DIR] [--queries 2000]

For each size it makes (or reuses) a synthetic corpus (benchmarks/make_corpus.py), then
in a fresh subprocess, so memory figures belong to that size alone, measures:

- read: reading the raw files and splitting them naively (the I/O floor),
- load: ``tui.engine.loader.load_paths`` (reading and segmenting: the floor the link
  index is compared with),
- index: ``tui.engine.matcher.build_index`` with a progress callback,
- query: ``index.links_for(article, sentence)`` latency for random sentences,
- memory: what the process and its forked workers use together at their peak (the
  sum of their proportional set sizes, sampled from outside every 0.2 s on Linux: a
  page still shared is counted once), next to each one's own peak RSS (``ru_maxrss``,
  which counts shared pages in every process) and RSS once the index is built,
- reopen: load plus opening the index from its disk cache in a new process, when the
  matcher offers a cache,
- true links: from the generator's manifest (which sentences state which story fact),
  how many of the links the corpus holds the index shows (pruning must keep them).

It prints figures and the targets next to them; it never fails on time.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.make_corpus import make_corpus  # noqa: E402

DEFAULT_SIZES = (2500, 10000)
QUICK_SIZES = (250, 1000)
RESULT_PREFIX = "BENCH-RESULT "
#: Hidden, so the loader never reads it: says a corpus folder is complete.
MARKER = ".crossread-bench.json"

TARGET_INDEX_S = 60.0
TARGET_SCALING = 5.0
TARGET_P95_MS = 50.0
TARGET_MEMORY_MB = 1536.0
TARGET_REOPEN_S = 3.0
#: How often the memory of the measured process and its workers is sampled, in seconds.
TREE_SAMPLE_S = 0.2

_NAIVE_SENTENCE_END = re.compile(r"(?<=[.!?»”\"])\s+|\n+")


def generator_version() -> str:
    """Fingerprint of the corpus generator, so a changed generator makes new corpora."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).resolve().parent.glob("*.py")):
        if source.name != "bench.py":
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def manifest_path(folder: Path) -> Path:
    """Where the generator's manifest of a corpus folder is kept (outside the folder)."""
    return folder.parent / f"{folder.name}.manifest.jsonl"


def corpus_dir(root: Path, size: int, seed: int) -> Path:
    """The corpus of ``size`` articles under ``root``, generated unless already there."""
    folder = root / f"corpus-{size}-seed{seed}"
    marker = folder / MARKER
    wanted = {"articles": size, "seed": seed, "generator": generator_version()}
    if marker.exists() and manifest_path(folder).exists():
        try:
            if json.loads(marker.read_text()) == wanted:
                return folder
        except ValueError:
            pass
    if folder.exists():
        shutil.rmtree(folder)
    started = time.perf_counter()
    make_corpus(size, folder, seed, manifest=manifest_path(folder))
    marker.write_text(json.dumps(wanted))
    print(f"  made {size} articles in {time.perf_counter() - started:.1f} s: {folder}",
          file=sys.stderr)
    return folder


def _rss_mb() -> float | None:
    """Resident memory now (Linux), in MB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _tree_pss_mb(root: int) -> float | None:
    """The memory a process and all its descendants use together now (Linux), in MB:
    the sum of their proportional set sizes, so that a page forked workers still share
    with their parent is counted once, and a page they copied counts in each copy."""
    total, pending, seen = 0, [root], False
    while pending:
        pid = pending.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        seen = True
                        break
            for thread in os.listdir(f"/proc/{pid}/task"):  # a child belongs to the thread that made it
                with open(f"/proc/{pid}/task/{thread}/children", encoding="ascii") as children:
                    pending.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue  # gone meanwhile, or no such file here
    return total / 1024 if seen else None


def _cached_opener(cache_dir: Path) -> Callable[..., Any] | None:
    """How to build-or-open the index through the matcher's disk cache, if it has one.

    Accepted shapes: ``build_index(..., cache_dir=...)``, or a module
    ``tui.engine.cache`` with ``cached_index(articles, cache_dir, progress=None)``.
    """
    from tui.engine import matcher

    if "cache_dir" in inspect.signature(matcher.build_index).parameters:
        return lambda articles, progress=None: matcher.build_index(
            articles, progress=progress, cache_dir=cache_dir)
    try:
        from tui.engine import cache  # type: ignore[attr-defined]
    except ImportError:
        return None
    opener = getattr(cache, "cached_index", None)
    if opener is None:
        return None
    return lambda articles, progress=None: opener(articles, cache_dir, progress=progress)


def _read_floor(folder: Path) -> tuple[float, int]:
    """Seconds to read every article file and split it naively, and the piece count."""
    started = time.perf_counter()
    pieces = 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        pieces += sum(1 for piece in _NAIVE_SENTENCE_END.split(text) if piece.strip())
    return time.perf_counter() - started, pieces


def _query_latencies(index: Any, articles: list[Any], queries: int, seed: int) -> list[float]:
    """Milliseconds per ``links_for`` call for random (article, sentence) pairs."""
    rng = random.Random(seed)
    pairs = [(a, s) for a, article in enumerate(articles) for s in range(len(article.sentences))]
    if not pairs:
        return []
    sample = [rng.choice(pairs) for _ in range(queries)]
    latencies: list[float] = []
    for article, sentence in sample:
        started = time.perf_counter_ns()
        index.links_for(article, sentence)
        latencies.append((time.perf_counter_ns() - started) / 1e6)
    return latencies


def true_link_figures(index: Any, articles: list[Any], manifest: Path, max_links: int) -> dict[str, float]:
    """How many of the corpus's true links (same story fact, other article) the index shows.

    - found: share of fact sentences with a counterpart that show at least one of them;
    - recall: true links shown / true links that could be shown (at most ``max_links``
      per sentence);
    - precision: share of the links shown from fact sentences that go to the same fact.
    """
    records = {}
    with manifest.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            records[record["filename"]] = record
    where: dict[str, set[tuple[int, int]]] = {}
    fact_of: dict[tuple[int, int], str] = {}
    for a, article in enumerate(articles):
        record = records.get(article.path.name)
        if record is None:
            continue
        starts = [segment.start for segment in article.sentences]
        for key, sentence in zip(record["facts"], record.get("fact_texts", ())):
            offset = article.text.find(sentence[:60])
            if offset < 0 or not starts:
                continue
            s = max(0, sum(1 for start in starts if start <= offset) - 1)
            where.setdefault(key, set()).add((a, s))
            fact_of[(a, s)] = key
    sentences = found = possible = shown_true = shown_from_facts = 0
    for place, key in fact_of.items():
        true = {other for other in where[key] if other[0] != place[0]}
        links = index.links_for(*place)
        shown_from_facts += len(links)
        hits = sum(1 for link in links if (link.target, link.target_sentence) in true)
        shown_true += hits
        if true:
            sentences += 1
            found += hits > 0
            possible += min(len(true), max_links)
    return {
        "true_found": found / sentences if sentences else 0.0,
        "true_recall": shown_true / possible if possible else 0.0,
        "true_precision": shown_true / shown_from_facts if shown_from_facts else 0.0,
        "fact_sentences": sentences,
    }


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_worker(folder: Path, queries: int, seed: int, cache_dir: Path | None,
               reopen: bool, trace: bool) -> dict[str, Any]:
    """Measure one corpus in this (fresh) process."""
    import tracemalloc

    from tui.engine.loader import load_paths
    from tui.engine.matcher import build_index

    if trace:
        tracemalloc.start()
    result: dict[str, Any] = {"folder": str(folder), "reopen": reopen}
    if not reopen:
        result["read_s"], result["pieces"] = _read_floor(folder)

    # The first file pays one-off start-up costs (dictionaries, language models).
    first = min(folder.glob("*.txt"), default=None)
    started = time.perf_counter()
    if first is not None:
        load_paths([first])
    result["warmup_s"] = time.perf_counter() - started
    started = time.perf_counter()
    # With a cache, loading keeps (and on reopening reuses) the texts' analyses, as the reader does.
    loaded = load_paths([folder], cache_dir=cache_dir)
    result["load_s"] = time.perf_counter() - started
    articles = loaded.articles
    result["articles"] = len(articles)
    result["skipped"] = len(loaded.skipped)
    result["sentences"] = sum(len(article.sentences) for article in articles)
    result["rss_loaded_mb"] = _rss_mb()

    stages: dict[str, int] = {}
    last_links = [0]

    def progress(update: Any) -> None:
        stages[update.stage] = stages.get(update.stage, 0) + 1
        last_links[0] = getattr(update, "links", 0)

    opener = _cached_opener(cache_dir) if cache_dir is not None else None
    result["cache"] = opener is not None
    if reopen and opener is None:
        return result
    started = time.perf_counter()
    index = opener(articles, progress) if opener else build_index(articles, progress=progress)
    key = "open_s" if reopen else "index_s"
    result[key] = time.perf_counter() - started
    result["progress_calls"] = stages
    if reopen:
        # What a user waits for: a cold start, loading, then the cached index.
        result["reopen_s"] = result["warmup_s"] + result["load_s"] + result["open_s"]
        return result

    result["rss_indexed_mb"] = _rss_mb()
    result["links"] = sum(
        len(index.links_for(a, s)) for a, article in enumerate(articles)
        for s in range(len(article.sentences))
    )
    latencies = _query_latencies(index, articles, queries, seed)
    result["query_p50_ms"] = _percentile(latencies, 0.50)
    result["query_p95_ms"] = _percentile(latencies, 0.95)
    result["query_max_ms"] = max(latencies) if latencies else None
    result["peak_rss_mb"] = _peak_rss_mb()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["child_peak_rss_mb"] = children / (1024 * 1024) if sys.platform == "darwin" else children / 1024
    manifest = manifest_path(folder)
    if manifest.exists():
        from tui.engine.matcher import MAX_LINKS

        result.update(true_link_figures(index, articles, manifest, MAX_LINKS))
    if trace:
        result["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
        tracemalloc.stop()
    return result


def _spawn(folder: Path, args: argparse.Namespace, cache_dir: Path | None,
           reopen: bool) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(folder),
               "--queries", str(args.queries), "--seed", str(args.seed)]
    if cache_dir is not None:
        command += ["--cache-dir", str(cache_dir)]
    if reopen:
        command.append("--reopen")
    if args.tracemalloc:
        command.append("--tracemalloc")
    # The measuring process reports its own and its workers' peak resident sets; what
    # they use together is sampled from here, outside the measured process tree.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        process = subprocess.Popen(command, stdout=out, text=True)
        tree_peak: float | None = None
        while process.poll() is None:
            now = _tree_pss_mb(process.pid)
            if now is not None:
                tree_peak = max(tree_peak or 0.0, now)
            time.sleep(TREE_SAMPLE_S)
        out.seek(0)
        for line in out.read().splitlines():
            if line.startswith(RESULT_PREFIX):
                result = json.loads(line[len(RESULT_PREFIX):])
                result["tree_peak_mb"] = tree_peak
                return result
    return {"folder": str(folder), "error": f"worker exited with {process.returncode}"}


def _fmt(value: Any, pattern: str = "{:.2f}") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, (int, float)):
        return pattern.format(value)
    return str(value)


def print_table(rows: list[dict[str, Any]]) -> None:
    columns = (
        ("size", "size", "{:d}"), ("articles", "articles", "{:d}"),
        ("sentences", "sentences", "{:d}"), ("skipped", "skipped", "{:d}"),
        ("read s", "read_s", "{:.2f}"), ("warm-up s", "warmup_s", "{:.2f}"),
        ("load s", "load_s", "{:.2f}"),
        ("index s", "index_s", "{:.2f}"), ("index/load", "index_per_load", "{:.2f}"),
        ("links", "links", "{:d}"), ("p50 ms", "query_p50_ms", "{:.3f}"),
        ("p95 ms", "query_p95_ms", "{:.3f}"), ("all MB", "tree_peak_mb", "{:.0f}"),
        ("peak MB", "peak_rss_mb", "{:.0f}"),
        ("index MB", "rss_indexed_mb", "{:.0f}"), ("child MB", "child_peak_rss_mb", "{:.0f}"),
        ("reopen s", "reopen_s", "{:.2f}"),
        ("true found", "true_found", "{:.3f}"), ("true recall", "true_recall", "{:.3f}"),
        ("true prec.", "true_precision", "{:.3f}"),
    )
    cells = [[title for title, _, _ in columns]]
    for row in rows:
        if row.get("index_s") is not None and row.get("load_s"):
            row["index_per_load"] = row["index_s"] / row["load_s"]
        cells.append([_fmt(row.get(key), pattern) for _, key, pattern in columns])
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    for n, line in enumerate(cells):
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths)))
        if n == 0:
            print("  ".join("-" * width for width in widths))


def print_summary(rows: list[dict[str, Any]]) -> None:
    """Scaling between the smallest and largest size, and each figure against its target."""
    done = [row for row in rows if row.get("index_s") is not None]
    if len(done) >= 2:
        small, large = done[0], done[-1]
        growth = large["size"] / small["size"]
        if small["index_s"] < 0.05:
            print(f"index time at {small['size']} is too short to compare sizes")
        else:
            ratio = large["index_s"] / small["index_s"]
            print(f"index time {large['size']}/{small['size']}: {ratio:.1f}x for {growth:.0f}x "
                  f"the articles (linear {growth:.0f}x, quadratic {growth * growth:.0f}x; "
                  f"target for 10000/2500: <= {TARGET_SCALING:.0f}x)")
        if small["load_s"] > 0:
            print(f"load time {large['size']}/{small['size']}: "
                  f"{large['load_s'] / small['load_s']:.1f}x")
    for row in done:
        if row.get("load_s") and row.get("read_s"):
            print(f"{row['size']}: index / load {row['index_s'] / row['load_s']:.1f}x, "
                  f"index / read-and-split floor {row['index_s'] / row['read_s']:.0f}x")
    for row in done:
        notes = [
            f"index {row['index_s']:.1f} s (target <= {TARGET_INDEX_S:.0f} s at 10000)",
            f"p95 {_fmt(row.get('query_p95_ms'), '{:.2f}')} ms (< {TARGET_P95_MS:.0f})",
            f"memory {_fmt(row.get('tree_peak_mb'), '{:.0f}')} MB, all processes together "
            f"(< {TARGET_MEMORY_MB:.0f}; resident peaks: this process "
            f"{row['peak_rss_mb']:.0f} MB, largest worker "
            f"{_fmt(row.get('child_peak_rss_mb'), '{:.0f}')} MB)",
        ]
        if row.get("reopen_s") is not None:
            notes.append(f"reopen {row['reopen_s']:.2f} s (< {TARGET_REOPEN_S:.0f}; load "
                         f"{row['reopen_load_s']:.2f} + open {row['open_s']:.2f}; memory "
                         f"{_fmt(row.get('reopen_tree_peak_mb'), '{:.0f}')} MB)")
        else:
            notes.append("reopen n/a (no index cache in tui.engine.matcher yet)")
        print(f"{row['size']}: " + ", ".join(notes))
        if row.get("true_recall") is not None:
            print(f"{row['size']}: true links (manifest): {row['true_found']:.1%} of "
                  f"{row['fact_sentences']} fact sentences show one, recall {row['true_recall']:.1%}, "
                  f"precision {row['true_precision']:.1%}")
        if row.get("traced_peak_mb") is not None:
            print(f"{row['size']}: tracemalloc peak {row['traced_peak_mb']:.0f} MB "
                  "(timings above are slowed by tracing)")
    for row in rows:
        if row.get("error"):
            print(f"{row['size']}: {row['error']}")


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError("sizes are whole numbers: 2500,10000") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("give at least one positive size")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, default=DEFAULT_SIZES,
                        help="corpus sizes in articles (default 2500,10000)")
    parser.add_argument("--quick", action="store_true",
                        help=f"fast check with sizes {','.join(map(str, QUICK_SIZES))}")
    parser.add_argument("--dir", type=Path, default=None,
                        help="keep corpora here and reuse them (default: a temporary folder)")
    parser.add_argument("--queries", type=int, default=2000, help="sidebar queries per size")
    parser.add_argument("--seed", type=int, default=0, help="corpus and query seed")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also report Python's traced peak memory (slows everything)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--reopen", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker is not None:
        result = run_worker(args.worker, args.queries, args.seed, args.cache_dir, args.reopen,
                            args.tracemalloc)
        print(RESULT_PREFIX + json.dumps(result), flush=True)
        return 0

    sizes = QUICK_SIZES if args.quick else args.sizes
    temporary = args.dir is None
    root = Path(tempfile.mkdtemp(prefix="crossread-bench-")) if temporary else args.dir
    root.mkdir(parents=True, exist_ok=True)
    print(f"crossread scale benchmark: sizes {', '.join(map(str, sizes))}; "
          f"{os.cpu_count()} CPUs; corpora in {root}", file=sys.stderr)
    rows: list[dict[str, Any]] = []
    try:
        for size in sizes:
            folder = corpus_dir(root, size, args.seed)
            cache_dir = Path(tempfile.mkdtemp(prefix="crossread-cache-"))
            try:
                print(f"  measuring {size} ...", file=sys.stderr)
                row = _spawn(folder, args, cache_dir, reopen=False)
                if row.get("cache"):
                    again = _spawn(folder, args, cache_dir, reopen=True)
                    row["reopen_s"] = again.get("reopen_s")
                    row["reopen_load_s"] = (again.get("warmup_s") or 0) + (again.get("load_s") or 0)
                    row["open_s"] = again.get("open_s")
                    row["reopen_tree_peak_mb"] = again.get("tree_peak_mb")
            finally:
                shutil.rmtree(cache_dir, ignore_errors=True)
            row["size"] = size
            rows.append(row)
    finally:
        if temporary:
            shutil.rmtree(root, ignore_errors=True)
    print()
    print_table(rows)
    print()
    print_summary(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
