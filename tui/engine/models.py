"""Plain data shared by the engine, the CLI and the reader."""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple, overload


class SegmentKind(str, Enum):
    """What a stretch of article text is.

    Only ``SENTENCE`` segments state facts and take part in matching; the others are
    kept so that every character of the text belongs to exactly one segment.
    """

    SENTENCE = "sentence"
    HEADING = "heading"
    CREDIT = "credit"  # "Foto: Dmitry Astakhov / AP", "Some material came from Reuters."
    DATELINE = "dateline"  # "Moscow (AFP) -", "(CNN)", "date 2023-03-21"
    SPACE = "space"  # whitespace between segments, paragraph breaks


class Segment(NamedTuple):
    """A half-open character range ``[start, end)`` of an article's text.

    A named tuple rather than a dataclass: a corpus of 10,000 articles holds about
    750,000 segments, and a tuple is made (from the analysis cache, or unpickled in
    the reader) several times faster than a frozen dataclass, which sets each field
    through ``object.__setattr__``. Its fields are read the same way.
    """

    start: int
    end: int
    kind: SegmentKind
    paragraph: int
    #: Position among the article's sentences (0-based), ``None`` for non-sentences.
    sentence_index: int | None = None
    #: True when the sentence is a photo caption (kept matchable, shown dimmed).
    caption: bool = False

    def text(self, source: str) -> str:
        """The segment's text inside ``source``."""
        return source[self.start : self.end]


_KINDS = tuple(SegmentKind)
_KIND_CODES = {kind: code for code, kind in enumerate(_KINDS)}
_SENTENCE_CODE = _KIND_CODES[SegmentKind.SENTENCE]
#: Integers per packed segment: start, end, kind, paragraph, sentence index (-1 for
#: none), caption (0 or 1).
_WIDTH = 6


class Segments(Sequence[Segment]):
    """An article's segments, packed six integers each in one array.

    A corpus of 10,000 articles holds about 750,000 segments: as named tuples they
    took seconds to read from the analysis cache, to pickle in the corpus job and to
    unpickle in the reader. Packed, an article's segments are one bytes object in the
    cache and in the pipe; their tuples are made when they are first read (and then
    kept), and the number and spans of the sentences are read from the array without
    making any. Read like the list of `Segment` it replaces (and equal to one).
    """

    __slots__ = ("_packed", "_unpacked", "_sentences")

    def __init__(self, segments: Iterable[Segment] = ()) -> None:
        given = list(segments)
        packed = array("i")
        for s in given:
            index = -1 if s.sentence_index is None else s.sentence_index
            packed.extend((s.start, s.end, _KIND_CODES[s.kind], s.paragraph, index, 1 if s.caption else 0))
        self._packed = packed
        #: The tuples given are kept: they are what reading the array would make.
        self._unpacked: list[Segment] | None = given if given else None
        self._sentences: tuple[Segment, ...] | None = None

    @classmethod
    def from_bytes(cls, data: bytes) -> Segments:
        """The segments ``to_bytes`` packed; raises ``ValueError`` for bytes that are not."""
        packed = array("i")
        packed.frombytes(data)
        kinds = packed[2::_WIDTH]
        if len(packed) % _WIDTH or (kinds and not 0 <= min(kinds) <= max(kinds) < len(_KINDS)):
            raise ValueError("not packed segments")
        segments = cls()
        segments._packed = packed
        return segments

    def to_bytes(self) -> bytes:
        """The packed integers (in this machine's byte order), for ``from_bytes``."""
        return self._packed.tobytes()

    def __reduce__(self) -> tuple[Any, ...]:
        return Segments.from_bytes, (self.to_bytes(),)

    def _list(self) -> list[Segment]:
        """The segments as tuples, made on the first call."""
        if self._unpacked is None:
            new, kinds, values = tuple.__new__, _KINDS, iter(self._packed)
            self._unpacked = [
                new(Segment, (start, end, kinds[kind], paragraph, None if index < 0 else index, caption == 1))
                for start, end, kind, paragraph, index, caption in zip(*[values] * _WIDTH)
            ]
        return self._unpacked

    def __len__(self) -> int:
        return len(self._packed) // _WIDTH

    @overload
    def __getitem__(self, index: int) -> Segment: ...

    @overload
    def __getitem__(self, index: slice) -> list[Segment]: ...

    def __getitem__(self, index: int | slice) -> Segment | list[Segment]:
        return self._list()[index]

    def __iter__(self) -> Iterator[Segment]:
        return iter(self._list())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Segments):
            return self._packed == other._packed
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return self._list() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list, so no hash

    def __repr__(self) -> str:
        return f"Segments({self._list()!r})"

    def sentences(self) -> list[Segment]:
        """The sentence segments, in order (a new list each time)."""
        if self._sentences is None:
            self._sentences = tuple(s for s in self._list() if s.kind is SegmentKind.SENTENCE)
        return list(self._sentences)

    def sentence_count(self) -> int:
        """How many sentences there are, without making the segments' tuples."""
        return self._packed[2::_WIDTH].count(_SENTENCE_CODE)

    def sentence_spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each sentence, without making the segments' tuples."""
        packed = self._packed
        return [
            (start, end)
            for start, end, kind in zip(packed[0::_WIDTH], packed[1::_WIDTH], packed[2::_WIDTH])
            if kind == _SENTENCE_CODE
        ]


@dataclass(slots=True)
class Article:
    """One loaded article with what the reader knows about it.

    Unknown metadata is ``None``: nothing is ever invented.
    """

    path: Path
    text: str
    #: How the bytes were decoded ("utf-8", "utf-8-sig", "utf-16", "cp1252").
    encoding: str
    #: sha256 of the raw bytes: identifies the article whatever its path.
    digest: str
    title: str
    outlet: str | None
    #: Language code such as "nb", "nn", "en", "sv", "da", "de"; None when unsure.
    language: str | None
    date: dt.date | None
    word_count: int
    #: Every segment of the text, in order (a list of segments is packed on creation).
    segments: Segments
    #: Things the loader assumed or repaired ("invalid UTF-8 bytes replaced").
    notes: list[str] = field(default_factory=list)
    #: The original address, when the source gives one (feeds, saved pages).
    url: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.segments, Segments):
            self.segments = Segments(self.segments)

    @property
    def sentences(self) -> list[Segment]:
        """The matchable sentences, in order; ``sentences[i].sentence_index == i``."""
        return self.segments.sentences()

    @property
    def sentence_count(self) -> int:
        """``len(sentences)``, read from the packed segments without making them."""
        return self.segments.sentence_count()

    def sentence_text(self, index: int) -> str:
        """Text of sentence ``index``."""
        return self.sentences[index].text(self.text)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that could not be read as an article, and why."""

    path: Path
    reason: str


@dataclass(slots=True)
class LoadResult:
    """Articles read from the user's paths, plus every file that was skipped."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What carried a link: the shared names, numbers and words, and where they are.

    Spans are ``(start, end)`` offsets into each article's full text, so the reader can
    highlight them without re-running the matcher.
    """

    names: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    source_spans: tuple[tuple[int, int], ...] = ()
    target_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """Two linked sentences give different values for the same kind of thing."""

    kind: str  # "number" or "date"
    source_value: str
    target_value: str


@dataclass(frozen=True, slots=True)
class Link:
    """Sentence ``source_sentence`` of article ``source`` states the same fact as
    sentence ``target_sentence`` of article ``target`` (indexes into the corpus)."""

    source: int
    source_sentence: int
    target: int
    target_sentence: int
    #: Calibrated confidence, 0-1, higher is better.
    score: float
    evidence: Evidence = Evidence()
    discrepancies: tuple[Discrepancy, ...] = ()
    #: The two articles belong to different stories (events).
    cross_story: bool = False
