"""Compact storage of a corpus's links: flat arrays for what every view needs, packed
evidence decoded only for the sentence being read.

Ten thousand articles hold millions of links. As `Link` objects they cost gigabytes,
take seconds to read back from the cache and to send from the background process to
the reader, and most are never looked at. Here each sentence's links keep their
target, score and story flag in flat arrays (enough to count corroborating sources
without building a single `Link`), and their evidence and discrepancies in one
compressed `marshal` record per sentence, turned into `Link` objects when first asked
for. The store itself is a handful of arrays and byte strings, so it pickles and
caches as fast as memory copies.
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from tui.engine.models import Discrepancy, Evidence, Link

_SHIFT = 32
#: Decoded sentences kept at once (the reader reads one sentence at a time).
_DECODED_LIMIT = 4096
#: Version of the layout below; a stored store of another layout is not read.
LAYOUT = 1


def _key(article: int, sentence: int) -> int:
    return (article << _SHIFT) | sentence


def _array(code: str, raw: bytes) -> array:
    """An array of type ``code`` from its bytes; ValueError when they do not fit."""
    values = array(code)
    values.frombytes(raw)
    return values


class LinkStore(Mapping[tuple[int, int], list[Link]]):
    """``(article, sentence) -> links``, best first, as `LinkIndex` keeps them."""

    def __init__(
        self,
        keys: array,
        starts: array,
        targets: array,
        target_sentences: array,
        scores: array,
        cross: bytes,
        detail_ends: array,
        details: bytes | bytearray,
    ) -> None:
        self._keys = keys
        self._starts = starts
        self._targets = targets
        self._target_sentences = target_sentences
        self._scores = scores
        self._cross = cross
        self._detail_ends = detail_ends
        self._details = details
        self._decoded: dict[int, list[Link]] = {}

    @classmethod
    def from_links(cls, links: Mapping[tuple[int, int], Sequence[Link]]) -> LinkStore:
        """Pack links grouped by source sentence (each group best first)."""
        builder = StoreBuilder()
        for article, sentence in sorted(links):
            group = links[(article, sentence)]
            if not group:
                continue
            builder.add(
                article,
                sentence,
                [(link.target, link.target_sentence, link.score, link.cross_story) for link in group],
                [
                    (e.names, e.numbers, e.words, e.source_spans, e.target_spans,
                     tuple((d.kind, d.source_value, d.target_value) for d in link.discrepancies))
                    for link in group
                    for e in (link.evidence,)
                ],
            )
        return builder.build()

    # -- plain data, for the disk cache and for pickling -----------------------------

    def to_plain(self) -> tuple[Any, ...]:
        """The store as plain values (``marshal`` can write them)."""
        return (
            LAYOUT,
            self._keys.tobytes(), self._starts.tobytes(), self._targets.tobytes(),
            self._target_sentences.tobytes(), self._scores.tobytes(), self._cross,
            self._detail_ends.tobytes(), self._details,
        )

    @classmethod
    def from_plain(cls, plain: tuple[Any, ...]) -> LinkStore:
        """The store that ``to_plain`` gave; raises ValueError when it is not one."""
        if not isinstance(plain, tuple) or len(plain) != 9 or plain[0] != LAYOUT:
            raise ValueError("not a stored link store of this layout")
        _layout, keys, starts, targets, target_sentences, scores, cross, detail_ends, details = plain
        store = cls(
            _array("q", keys), _array("q", starts), _array("i", targets), _array("i", target_sentences),
            _array("d", scores), bytes(cross), _array("q", detail_ends),
            details if isinstance(details, (bytes, bytearray)) else bytes(details),
        )
        store._check()
        return store

    def _check(self) -> None:
        count = len(self._keys)
        links = len(self._targets)
        if (
            len(self._starts) != count + 1
            or len(self._detail_ends) != count
            or self._starts[-1] != links
            or len(self._target_sentences) != links
            or len(self._scores) != links
            or len(self._cross) != links
            or (count and self._detail_ends[-1] != len(self._details))
        ):
            raise ValueError("inconsistent link store")

    def __reduce__(self) -> tuple[Any, ...]:
        return (LinkStore.from_plain, (self.to_plain(),))

    # -- lookups ----------------------------------------------------------------------

    def _slot(self, key: tuple[int, int]) -> int | None:
        if not (isinstance(key, tuple) and len(key) == 2):
            return None
        packed = _key(*key)
        slot = bisect_left(self._keys, packed)
        if slot < len(self._keys) and self._keys[slot] == packed:
            return slot
        return None

    def __getitem__(self, key: tuple[int, int]) -> list[Link]:
        slot = self._slot(key)
        if slot is None:
            raise KeyError(key)
        found = self._decoded.get(slot)
        if found is None:
            found = self._decode(slot, key)
            if len(self._decoded) >= _DECODED_LIMIT:
                self._decoded.clear()
            self._decoded[slot] = found
        return found

    def _decode(self, slot: int, key: tuple[int, int]) -> list[Link]:
        begin = self._detail_ends[slot - 1] if slot else 0
        record = marshal.loads(zlib.decompress(self._details[begin : self._detail_ends[slot]]))
        article, sentence = key
        first = self._starts[slot]
        return [
            Link(
                article, sentence, self._targets[first + n], self._target_sentences[first + n], self._scores[first + n],
                Evidence(names, numbers, words, source_spans, target_spans),
                tuple(Discrepancy(*d) for d in disagreements),
                bool(self._cross[first + n]),
            )
            for n, (names, numbers, words, source_spans, target_spans, disagreements) in enumerate(record)
        ]

    def targets(self, article: int, sentence: int) -> Iterator[tuple[int, float, bool]]:
        """``(target article, score, cross story)`` of each link, best first, no decoding."""
        slot = self._slot((article, sentence))
        if slot is None:
            return
        for n in range(self._starts[slot], self._starts[slot + 1]):
            yield self._targets[n], self._scores[n], bool(self._cross[n])

    def __contains__(self, key: object) -> bool:
        return self._slot(key) is not None  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for packed in self._keys:
            yield packed >> _SHIFT, packed & ((1 << _SHIFT) - 1)

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def link_count(self) -> int:
        """How many links the store holds (all directions, all scores)."""
        return len(self._targets)


class StoreBuilder:
    """A `LinkStore` packed one sentence at a time, in (article, sentence) order, without
    `Link` objects; builders of consecutive article ranges (made in other processes)
    are joined with `extend`."""

    def __init__(self) -> None:
        self.keys, self.counts = array("q"), array("q")
        self.targets, self.target_sentences, self.scores = array("i"), array("i"), array("d")
        self.cross = bytearray()
        self.detail_sizes, self.details = array("q"), bytearray()

    def add(
        self,
        article: int,
        sentence: int,
        rows: Sequence[tuple[int, int, float, bool]],
        record: list[tuple[Any, ...]],
    ) -> None:
        """One sentence's links: ``(target, target sentence, score, cross story)`` best
        first, and each one's ``(names, numbers, words, source spans, target spans,
        discrepancies as (kind, source value, target value))``."""
        self.keys.append(_key(article, sentence))
        self.counts.append(len(rows))
        for target, target_sentence, score, cross in rows:
            self.targets.append(target)
            self.target_sentences.append(target_sentence)
            self.scores.append(score)
            self.cross.append(1 if cross else 0)
        packed = zlib.compress(marshal.dumps(record), 1)
        self.details += packed
        self.detail_sizes.append(len(packed))

    def extend(self, other: StoreBuilder) -> None:
        """Append the sentences of ``other``, which all come after these."""
        self.keys.extend(other.keys)
        self.counts.extend(other.counts)
        self.targets.extend(other.targets)
        self.target_sentences.extend(other.target_sentences)
        self.scores.extend(other.scores)
        self.cross += other.cross
        self.detail_sizes.extend(other.detail_sizes)
        self.details += other.details

    def build(self) -> LinkStore:
        """The store of every sentence added."""
        starts, detail_ends = array("q", [0]), array("q")
        total = 0
        for count in self.counts:
            total += count
            starts.append(total)
        total = 0
        for size in self.detail_sizes:
            total += size
            detail_ends.append(total)
        # The details (most of the store: 200 MB at 10,000 articles) are handed over,
        # not copied, so that building the store does not hold them twice.
        store = LinkStore(
            self.keys, starts, self.targets, self.target_sentences, self.scores, bytes(self.cross),
            detail_ends, self.details,
        )
        self.details = bytearray()
        if any(self.keys[n] >= self.keys[n + 1] for n in range(len(self.keys) - 1)):
            raise ValueError("sentences added out of order")
        store._check()
        return store
