"""The order in which the articles of a corpus are analysed and linked: the article
being read first.

Linking 10,000 articles takes minutes, and its early links (`tui.engine.early_links`)
come range by range. A reader who opens an article in the middle of the list should
not wait for every range before it: ``LinkOrder`` hands out the ranges in place, except
that when the reader says which article they are on (``wanted``), that article is cut
out of its range and handed out next, alone. The rest of its range still comes, in two
parts. Which article is wanted may change at any time (another thread sets it).

The ranges partition the articles whatever the order, and each article is linked
exactly once, so the links are the same in any order. The features stage hands its
ranges out the same way, so that the article being read has provisional links
(`provisional_links`) from its start.

No Textual here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

#: Which article the reader is on now (``None``: no wish), asked before each range.
Wanted = Callable[[], int | None]


class LinkOrder(Iterator[tuple[int, int]]):
    """``[lo, hi)`` article ranges to link, the wanted article's first."""

    def __init__(self, ranges: Sequence[tuple[int, int]], wanted: Wanted | None = None) -> None:
        self._ranges = [bounds for bounds in ranges if bounds[0] < bounds[1]]
        self._wanted = wanted

    def __iter__(self) -> LinkOrder:
        return self

    def __next__(self) -> tuple[int, int]:
        if not self._ranges:
            raise StopIteration
        article = self._wanted() if self._wanted is not None else None
        if article is not None:
            for place, (lo, hi) in enumerate(self._ranges):
                if lo <= article < hi:
                    rest = [bounds for bounds in ((lo, article), (article + 1, hi)) if bounds[0] < bounds[1]]
                    self._ranges[place : place + 1] = rest
                    return article, article + 1
        return self._ranges.pop(0)

    def __len__(self) -> int:
        """How many ranges are left (a wanted article may add one)."""
        return len(self._ranges)
