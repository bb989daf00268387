"""Back/forward navigation through the places the reader jumped to.

Kept free of Textual so the browser-like rules (a new jump drops the forward trail,
moving the cursor updates where you are without adding a step) are tested directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Location:
    """A sentence of an article: indexes into the loaded corpus."""

    article: int
    sentence: int


class History(Generic[T]):
    """A list of visited places with a cursor, like a web browser's."""

    def __init__(self, limit: int = 500) -> None:
        self._items: list[T] = []
        self._cursor = -1
        self._limit = limit

    def __len__(self) -> int:
        return len(self._items)

    @property
    def current(self) -> T | None:
        """Where the reader is now, if it has been anywhere."""
        return self._items[self._cursor] if self._items else None

    @property
    def can_go_back(self) -> bool:
        return self._cursor > 0

    @property
    def can_go_forward(self) -> bool:
        return 0 <= self._cursor < len(self._items) - 1

    def visit(self, item: T) -> None:
        """Record a jump to ``item``; the forward trail is dropped, as in a browser."""
        if self.current == item:
            return
        del self._items[self._cursor + 1 :]
        self._items.append(item)
        if len(self._items) > self._limit:
            del self._items[0]
        self._cursor = len(self._items) - 1

    def update(self, item: T) -> None:
        """Replace where the reader is now (the cursor moved) without adding a step."""
        if not self._items:
            self.visit(item)
        else:
            self._items[self._cursor] = item

    def back(self) -> T | None:
        """Step back; ``None`` when there is nowhere to go."""
        if not self.can_go_back:
            return None
        self._cursor -= 1
        return self._items[self._cursor]

    def forward(self) -> T | None:
        """Step forward again; ``None`` when there is nowhere to go."""
        if not self.can_go_forward:
            return None
        self._cursor += 1
        return self._items[self._cursor]
