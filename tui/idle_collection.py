"""Python's cycle collection run in the pauses between keys, not in the middle of one.

Every frame Textual draws leaves reference cycles behind (a line's `Strip` keeps
itself in its own divide cache), and the lines a pane keeps on show live long enough
to reach the oldest generation before they are replaced. Left to itself, Python collected that generation
once every ten keys or so, and each collection freed about twenty thousand objects:
at 10,000 articles, 22 to 90 ms spent inside whichever key came then. Collected once
the keys pause, the same work is done while nobody waits, and the collections left to
Python find little.
"""

from __future__ import annotations

import gc

from textual.dom import DOMNode
from textual.timer import Timer

#: A collection runs once no key has moved the reader for this long (a key held down
#: repeats faster; a reader's own pauses between keys are longer).
IDLE_SECONDS = 0.05


class IdleCollection:
    """Collects cycles ``IDLE_SECONDS`` after the last `moved`, once per pause."""

    def __init__(self, owner: DOMNode, idle: float = IDLE_SECONDS) -> None:
        self._owner = owner
        self._idle = idle
        self._timer: Timer | None = None
        #: How many collections ran (for tests).
        self.collections = 0

    def moved(self) -> None:
        """The reader moved: collect once the keys pause."""
        if self._timer is None:
            self._timer = self._owner.set_interval(self._idle, self._collect, name="idle collection")
        else:
            self._timer.reset()

    def _collect(self) -> None:
        assert self._timer is not None
        self._timer.pause()
        gc.collect()
        self.collections += 1
