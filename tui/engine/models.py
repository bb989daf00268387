"""Plain data shared by the engine, the CLI and the reader."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import NamedTuple


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
    segments: list[Segment]
    #: Things the loader assumed or repaired ("invalid UTF-8 bytes replaced").
    notes: list[str] = field(default_factory=list)
    #: The original address, when the source gives one (feeds, saved pages).
    url: str | None = None

    @property
    def sentences(self) -> list[Segment]:
        """The matchable sentences, in order; ``sentences[i].sentence_index == i``."""
        return [s for s in self.segments if s.kind is SegmentKind.SENTENCE]

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
