"""How soon the article being read shows matches while a large corpus is indexed.

Usage: python benchmarks/bench_early.py DIR [--wanted N] [--no-provisional]

Builds the index of the corpus in DIR (no disk cache) as the reader does, with the
reader on article ``N`` (default: the middle one), and prints seconds from the start
until:

- the first provisional links of that article (`tui.engine.provisional_links`, while
  the sentence features are still made) and how many articles they were looked for in;
- the end of the sentence features (the first "linking" report);
- the article's linked early links (`tui.engine.early_links`);
- the finished index.

``--no-provisional`` builds it without them (``wanted`` is still given, so the
article is linked first), to compare the total time. It prints figures; it never
fails on time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--wanted", type=int, default=None)
    parser.add_argument("--no-provisional", action="store_true")
    args = parser.parse_args()

    from tui.engine import matcher
    from tui.engine.early_links import EarlyLinks, EarlyPart
    from tui.engine.link_index import DEFAULT_THRESHOLD, Progress
    from tui.engine.loader import load_paths

    started = time.perf_counter()
    articles = load_paths([args.corpus]).articles
    loaded = time.perf_counter() - started
    wanted = len(articles) // 2 if args.wanted is None else args.wanted
    seen: dict[str, float] = {}
    read_at_first = [0]
    parts: dict[str, EarlyPart] = {}

    def shown(part: EarlyPart) -> dict[int, tuple[int, int]]:
        """The best link at the default threshold of each sentence of the article."""
        early = EarlyLinks().with_part(part)
        best = {}
        for s in range(len(articles[wanted].sentences)):
            links = early.links_for(wanted, s, DEFAULT_THRESHOLD)
            if links:
                best[s] = (links[0].target, links[0].target_sentence)
        return best
    #: (seconds, articles read, sentences of the article with a link shown) per provisional part.
    timeline: list[tuple[float, int, int]] = []

    def report(progress: Progress) -> None:
        now = time.perf_counter() - started
        part = progress.early
        if part is not None and part.read is not None:
            linked = len(shown(part))
            parts["provisional"] = part
            timeline.append((now, part.read, linked))
            if linked and "provisional" not in seen:
                seen["provisional"] = now
                read_at_first[0] = part.read
        if progress.stage == "indexing":
            seen["features done"] = now
        elif progress.stage == "linking":
            seen.setdefault("linking", now)
        if part is not None and part.read is None and part.first <= wanted < part.end:
            seen.setdefault("linked early", now)
            parts.setdefault("linked", part)

    if args.no_provisional:
        original = matcher.provisional_links_for

        class _Silent:
            def __init__(self, *_args: object) -> None:
                self.articles = articles
                self.articles_read = 0

            def add(self, *_args: object) -> None:
                pass

            def part(self) -> None:
                return None

        matcher.provisional_links_for = lambda *_a: _Silent()  # type: ignore[assignment]
    index = matcher.link_corpus(articles, report, wanted=lambda: wanted)
    total = time.perf_counter() - started
    if args.no_provisional:
        matcher.provisional_links_for = original  # type: ignore[assignment]
    print(f"{len(articles)} articles, reader on article {wanted}; loaded in {loaded:.2f} s")
    if "provisional" in seen:
        print(f"first provisional links: {seen['provisional']:.2f} s (among {read_at_first[0]} articles read)")
    else:
        print("first provisional links: none")
    if timeline:
        sentences = len(articles[wanted].sentences)
        print(f"provisional parts ({len(timeline)}): seconds, articles read, of {sentences} sentences with a link shown")
        print("  " + "; ".join(f"{at:.1f} s {read} {linked}" for at, read, linked in timeline))
    print(f"sentence features done: {seen.get('features done', float('nan')):.2f} s")
    print(f"linking started: {seen.get('linking', float('nan')):.2f} s")
    print(f"linked early links of the article: {seen.get('linked early', float('nan')):.2f} s")
    print(f"index built: {total:.2f} s ({index.store.link_count} links)")
    if "provisional" in parts and "linked" in parts:
        last, linked = shown(parts["provisional"]), shown(parts["linked"])
        same = sum(last.get(s) == best for s, best in linked.items())
        print(
            f"last provisional part against the linked early links: {len(last)} and {len(linked)} sentences "
            f"with a link at {DEFAULT_THRESHOLD}; the same best link for {same} of the {len(linked)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
