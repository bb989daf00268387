"""How long the reader takes to follow a cursor move on the seeds, against one frame.

Usage: python benchmarks/bench_sidebar.py [--rounds 2] [--size 120x36] [--corpus DIR --articles 40]

Opens the reader headless on the seed articles (real matcher, in this process), reads
each article and walks its sentences down and back up with the reading pane's cursor
action, the one ``j`` and ``k`` run. With ``--corpus`` it opens DIR instead (say a
generated 10,000-article corpus): the link index is built first, or read from the
user's index cache (``XDG_CACHE_HOME``), and only ``--articles`` articles spread over
the corpus are walked. Per move it times:

- update: the screen's update path, from the move to a refreshed sidebar (the
  location bound down, the reading pane's watchers, the sidebar's links looked up
  and its list rebuilt), done before the key handler returns;
- with messages: update plus the messages the move queued (the evidence highlight
  of the first match) handled by every widget;
- with a full frame: that plus laying out and drawing the whole screen afresh (a
  real frame redraws only what changed, so this is an upper bound).

It prints p50 / p95 / max next to the frame budget (1/60 s); it never fails on time.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.app import make_app  # noqa: E402
from tui.screens.main import MainScreen  # noqa: E402

FRAME_BUDGET = 1 / 60


def percentile(values: list[float], fraction: float) -> float:
    """The value ``fraction`` of the way up the sorted ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def warm_cache(corpus: Path) -> float:
    """Build (or open) the corpus's link index in the user's cache; seconds taken."""
    from tui.engine.cache import default_cache_dir
    from tui.engine.loader import load_paths
    from tui.engine.matcher import build_index

    started = time.perf_counter()
    cache_dir = default_cache_dir()
    build_index(load_paths([corpus], cache_dir=cache_dir).articles, cache_dir=cache_dir)
    return time.perf_counter() - started


async def measure(rounds: int, size: tuple[int, int], corpus: Path | None = None,
                  sample: int = 0) -> tuple[dict[str, list[float]], int]:
    """Times (seconds) per stage of a cursor move, and how many sidebar entries were shown."""
    app = make_app([corpus] if corpus else None, isolate=False)
    times: dict[str, list[float]] = {"update": [], "with messages": [], "with a full frame": []}
    links_seen = 0
    async with app.run_test(size=size) as pilot:
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        screen = app.screen
        for _ in range(600):
            if screen.index is not None:
                break
            await pilot.pause(0.1)
        assert isinstance(screen, MainScreen) and screen.index is not None, "the index was not built"
        walked = range(len(screen.articles))
        if sample and len(screen.articles) > sample:
            walked = range(0, len(screen.articles), len(screen.articles) // sample)
        for _ in range(rounds):
            for article in walked:
                screen._read(article)
                screen.action_move("first")
                await pilot.pause()
                count = len(screen.articles[article].sentences)
                for move in ["next"] * (count - 1) + ["previous"] * (count - 1):
                    start = time.perf_counter()
                    screen.action_move(move)
                    updated = time.perf_counter()
                    await pilot._wait_for_screen()
                    handled = time.perf_counter()
                    screen._refresh_layout(screen.size)
                    screen._compositor.render_full_update()
                    drawn = time.perf_counter()
                    times["update"].append(updated - start)
                    times["with messages"].append(handled - start)
                    times["with a full frame"].append(drawn - start)
                    links_seen += len(screen.sidebar.links)
    return times, links_seen


def report(name: str, values: list[float]) -> str:
    """One line: the percentiles in milliseconds and the share of the frame budget."""
    p50, p95, worst = percentile(values, 0.50), percentile(values, 0.95), max(values)
    return (
        f"{name:<18} p50 {p50 * 1000:6.2f} ms   p95 {p95 * 1000:6.2f} ms   max {worst * 1000:6.2f} ms"
        f"   (p95 = {p95 / FRAME_BUDGET:4.0%} of a frame)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="walks over every article (default 2)")
    parser.add_argument("--size", default="120x36", help="terminal size, COLUMNSxROWS (default 120x36)")
    parser.add_argument("--corpus", type=Path, default=None, help="open this folder instead of the seeds")
    parser.add_argument("--articles", type=int, default=40, help="with --corpus: articles walked (default 40)")
    args = parser.parse_args(argv)
    columns, rows = (int(part) for part in args.size.lower().split("x"))
    where = "the seeds"
    if args.corpus:
        print(f"index built or opened from the cache in {warm_cache(args.corpus):.1f} s")
        where = str(args.corpus)
    times, links_seen = asyncio.run(measure(max(args.rounds, 1), (columns, rows), args.corpus, args.articles))
    updates = times["update"]
    print(f"cursor moves: {len(updates)} on {where} at {columns}x{rows}, {links_seen} sidebar entries shown")
    print(f"frame budget: {FRAME_BUDGET * 1000:.2f} ms (60 frames a second)")
    for name, values in times.items():
        print(report(name, values))
    verdict = "within" if percentile(updates, 0.95) <= FRAME_BUDGET else "over"
    print(f"the sidebar update stays {verdict} one frame at p95")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
