"""The candidates linking keeps, packed in flat arrays, and what is read from them.

The link workers score every sentence's candidates and send back one `RawChunk` per
range of articles: a few arrays pickle far faster and smaller than objects, and at
ten thousand articles the candidates number in the millions. The parent then reads
them without unpacking them: story and source grouping read the counts of shared facts
and copies per article pair that each worker made (`ChunkedCounts`); the context model
(`tui.engine.context`) reads each pair's reverse score and each sentence's best
partners (`ChunkContext`); the packing workers turn each chunk into final links.
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from tui.engine import context
from tui.engine.stories import copied, strong_fact


class KeptCandidate(Protocol):
    """What a chunk keeps of a scored pair (`pair_model.KeptPair`)."""

    source_coverage: float
    target_coverage: float
    matched: bytes | tuple[int, ...]
    disagreements: tuple[tuple[str, str, str], ...]


#: One source sentence's candidates: (article, sentence, [(score, target, target
#: sentence, kept pair)]).
ScoredRow = tuple[int, int, list[tuple[float, int, int, KeptCandidate]]]


def _key(article: int, sentence: int) -> int:
    return (article << 32) | sentence


def _place(key: int) -> tuple[int, int]:
    return key >> 32, key & 0xFFFFFFFF


class RawChunk:
    """The kept candidates of the sentences of a range of articles, packed.

    Per source sentence, in (article, sentence) order: its key, candidate count and
    the number of its first candidate; per candidate: score and target, and in
    ``details`` (one compressed `marshal` list) its matched term pairs and
    disagreements. Per ordered article pair ``a << 32 | b`` with ``a`` in the chunk,
    sorted `CountTable` s: ``facts`` counts the sentences of ``a`` sharing a fact with
    ``b`` (`stories.strong_fact`), ``copies`` those copied in ``b`` (`stories.copied`),
    ``strong`` the candidates strong enough to say two articles agree
    (`context.STRONG_LINK`).
    """

    def __init__(self) -> None:
        self.sources, self.counts, self.starts = array("q"), array("i"), array("q")
        self.scores, self.targets, self.target_sentences = array("d"), array("i"), array("i")
        self.details: bytes = b""
        self.facts = self.copies = self.strong = CountTable({})

    def rows(self) -> Iterator[tuple[int, int, list[tuple[float, int, int, int]]]]:
        """``(article, sentence, [(score, target, target sentence, candidate number)])``."""
        scores, targets, target_sentences = self.scores, self.targets, self.target_sentences
        for key, start, count in zip(self.sources, self.starts, self.counts):
            a, s = _place(key)
            yield a, s, [(scores[m], targets[m], target_sentences[m], m) for m in range(start, start + count)]

    def details_list(self) -> list[tuple[bytes | tuple[int, ...], tuple[tuple[str, str, str], ...]]]:
        """Every candidate's (matched term pairs, disagreements), by candidate number."""
        return marshal.loads(zlib.decompress(self.details))


class CountTable:
    """Counts per ordered article pair (key ``a << 32 | b``) in two sorted arrays: a
    tenth of a dict's memory, and it pickles as two byte strings."""

    def __init__(self, counts: dict[int, int]) -> None:
        self.keys = array("q", sorted(counts))
        self.counts = array("i", (counts[key] for key in self.keys))

    def get(self, key: int, default: int = 0) -> int:
        at = bisect_left(self.keys, key)
        return self.counts[at] if at < len(self.keys) and self.keys[at] == key else default

    def towards(self, article: int) -> dict[int, int]:
        """The counts of the pairs ``(article, b)``, by ``b``."""
        lo = bisect_left(self.keys, _key(article, 0))
        hi = bisect_left(self.keys, _key(article + 1, 0), lo)
        return {_place(key)[1]: count for key, count in zip(self.keys[lo:hi], self.counts[lo:hi])}


class ChunkedCounts:
    """One count table made of every chunk's (`stories.PairCounts`): a pair's counts
    sit in the chunk of its first article."""

    def __init__(self, tables: Sequence[CountTable], firsts: Sequence[int]) -> None:
        self._tables = tables
        self._firsts = firsts

    def get(self, key: int, default: int = 0) -> int:
        at = bisect_right(self._firsts, key >> 32) - 1
        return self._tables[at].get(key, default) if at >= 0 else default

    def towards(self, article: int) -> dict[int, int]:
        """The counts of the pairs ``(article, b)``, by ``b``."""
        at = bisect_right(self._firsts, article) - 1
        return self._tables[at].towards(article) if at >= 0 else {}

    def items(self) -> Iterator[tuple[int, int]]:
        for table in self._tables:
            yield from zip(table.keys, table.counts)


def pack_candidates(out: Iterable[ScoredRow]) -> RawChunk:
    """One chunk from the scored candidates of its sentences, in (article, sentence) order."""
    chunk = RawChunk()
    details = []
    facts: dict[int, int] = defaultdict(int)
    copies: dict[int, int] = defaultdict(int)
    strong: dict[int, int] = defaultdict(int)
    for a, s, scored in out:
        chunk.sources.append(_key(a, s))
        chunk.counts.append(len(scored))
        chunk.starts.append(len(chunk.scores))
        fact_targets, copy_targets = set(), set()
        for score, b, t, pair in scored:
            if strong_fact(score, pair):
                fact_targets.add(b)
            if copied(score, pair):
                copy_targets.add(b)
            if score >= context.STRONG_LINK:
                strong[_key(a, b)] += 1
            chunk.scores.append(score)
            chunk.targets.append(b)
            chunk.target_sentences.append(t)
            details.append((pair.matched, pair.disagreements))
        for b in fact_targets:
            facts[_key(a, b)] += 1
        for b in copy_targets:
            copies[_key(a, b)] += 1
    chunk.details = zlib.compress(marshal.dumps(details), 1)
    chunk.facts, chunk.copies, chunk.strong = CountTable(facts), CountTable(copies), CountTable(strong)
    return chunk


class ChunkContext:
    """The context model's lookups (`context.pair_context`) read straight from the
    chunks: no table over every candidate pair, so forked workers share it for free.

    ``chunks`` are in article order and ``firsts`` holds each one's first article;
    ``languages`` holds each article's language (`context.pair_context`'s
    ``same_language``).
    """

    def __init__(
        self, chunks: Sequence[RawChunk], firsts: Sequence[int], sizes: Sequence[int], languages: Sequence[str | None]
    ) -> None:
        self._chunks = chunks
        self.languages = languages
        self._firsts = list(firsts)
        self.sizes = sizes
        self.strong = ChunkedCounts([chunk.strong for chunk in chunks], self._firsts)
        #: The chunk (its number) that holds each article's candidates, if any.
        self._chunk_of = [bisect_right(self._firsts, b) - 1 for b in range(len(sizes))]
        #: The last article asked, its strong links towards others, and those shared
        #: with each other article (counted from both sides) as far as worked out.
        self._shared: tuple[int, dict[int, int], dict[int, int]] = (-1, {}, {})
        #: Each source sentence's row in its chunk, made in the process that asks first.
        self._rows: dict[int, int] | None = None

    def _best_towards(self, b: int, t: int, a: int, s: int) -> tuple[float, float]:
        """The score of (b, t) -> (a, s) and the best score of (b, t) in article ``a``."""
        at = self._chunk_of[b]
        if at < 0:
            return 0.0, 0.0
        if self._rows is None:
            self._rows = {key: row for chunk in self._chunks for row, key in enumerate(chunk.sources)}
        row = self._rows.get(_key(b, t))
        if row is None:
            return 0.0, 0.0
        chunk = self._chunks[at]
        start, count = chunk.starts[row], chunk.counts[row]
        scores, target_sentences = chunk.scores, chunk.target_sentences
        row_targets = chunk.targets[start : start + count]
        reverse = best = 0.0
        place = -1
        # The few candidates in article ``a`` found by C-level searches, not a loop over all.
        for _ in range(row_targets.count(a)):
            place = row_targets.index(a, place + 1)
            score = scores[start + place]
            if score > best:
                best = score
            if target_sentences[start + place] == s:
                reverse = score
        return reverse, best

    def rescored(self, a: int, s: int, rows: list[tuple[float, int, int, int]]) -> list[tuple[float, int, int, int]]:
        """The context model's confidence for each of one sentence's candidates, in order."""
        best_here: dict[int, float] = {}
        for score, b, _t, _m in rows:
            if score > best_here.get(b, 0.0):
                best_here[b] = score
        sizes, languages = self.sizes, self.languages
        towards, shared_with = self._shared_with(a)
        for b in best_here:
            if b not in shared_with:
                shared_with[b] = towards.get(b, 0) + self.strong.get(_key(b, a))
        out = []
        for score, b, t, m in rows:
            if score >= best_here[b] - context.TIE:
                reverse, best_there = self._best_towards(b, t, a, s)
            else:
                reverse = best_there = 0.0  # not its best partner there: never mutual
            same = languages[a] == languages[b]
            vector = context.pair_context(
                score, reverse, best_here[b], best_there, shared_with[b], sizes[a], sizes[b], s, t, same
            )
            out.append((context.calibrate(vector), b, t, m))
        return out

    def _shared_with(self, a: int) -> tuple[dict[int, int], dict[int, int]]:
        """Strong links from article ``a`` to others, and between ``a`` and others counted
        from both sides as far as worked out: kept while the sentences of ``a`` are
        rescored in turn."""
        held, towards, shared = self._shared
        if held != a:
            towards, shared = self.strong.towards(a), {}
            self._shared = (a, towards, shared)
        return towards, shared
