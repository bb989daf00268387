"""Title, outlet, date and length of an article, read from its own text.

Only what the text states is taken: the outlet comes from a dateline such as
"Moscow (AFP) -" and the date from a "date 2023-03-21" line or a dateline, never from
dates mentioned in the story (those are facts of the story, not of the article). A
credit like "Some material in this report came from Reuters." names a contributor,
not the publisher, so it gives no outlet. Whatever the text does not say is ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.engine.models import Segment, SegmentKind

__all__ = ["ArticleMetadata", "count_words", "derive_metadata", "shorten_title"]

TITLE_MAX_CHARS = 80

_OUTLET_IN_DATELINE = re.compile(r"\(([^()]{1,60})\)")
#: Parenthesised words in a dateline that are labels, not publishers.
_NOT_OUTLETS = frozenset(
    "updated update corrected correction video photo photos live analysis opinion "
    "oppdatert rettet kommentar".split()
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "januar"),
            ("february", "feb", "februar"),
            ("march", "mar", "mars"),
            ("april", "apr"),
            ("may", "mai"),
            ("june", "jun", "juni"),
            ("july", "jul", "juli"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct", "oktober", "okt"),
            ("november", "nov"),
            ("december", "dec", "desember", "des"),
        ),
        start=1,
    )
    for name in names
}
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\.? ([A-Za-z]{3,9})\.? (\d{4})\b")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")


@dataclass(frozen=True, slots=True)
class ArticleMetadata:
    """What an article's text says about itself; ``None`` where it says nothing."""

    title: str | None
    outlet: str | None
    date: dt.date | None
    word_count: int


def shorten_title(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis when over ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


def _date(year: str, month: int | None, day: str) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def _date_in(dateline: str) -> dt.date | None:
    if match := _ISO_DATE.search(dateline):
        return _date(match[1], int(match[2]), match[3])
    if match := _MONTH_DAY_YEAR.search(dateline):
        return _date(match[3], _MONTHS.get(match[1].lower()), match[2])
    if match := _DAY_MONTH_YEAR.search(dateline):
        return _date(match[3], _MONTHS.get(match[2].lower()), match[1])
    return None


def _outlet_in(dateline: str) -> str | None:
    for match in _OUTLET_IN_DATELINE.finditer(dateline):
        name = " ".join(match[1].split())
        if name.lower() not in _NOT_OUTLETS:
            return name
    return None


def count_words(text: str, segments: Sequence[Segment]) -> int:
    """Words a reader reads: those of the sentences and headings."""
    return sum(
        len(_WORD.findall(text, s.start, s.end))
        for s in segments
        if s.kind in (SegmentKind.SENTENCE, SegmentKind.HEADING)
    )


def _title(text: str, segments: Sequence[Segment]) -> str | None:
    for segment in segments:
        if segment.kind is SegmentKind.HEADING:
            heading = _MARKDOWN_HEADING.sub("", segment.text(text), count=1)
            return shorten_title(heading) or None
        if segment.kind is SegmentKind.SENTENCE:
            return shorten_title(segment.text(text))
    return None


def derive_metadata(text: str, segments: Sequence[Segment]) -> ArticleMetadata:
    """Title, outlet, date and word count of an article from its text and segments.

    The title is the first heading, else the first sentence shortened to about 80
    characters.
    """
    outlet: str | None = None
    date: dt.date | None = None
    for segment in segments:
        if segment.kind is not SegmentKind.DATELINE:
            continue
        dateline = segment.text(text)
        outlet = outlet or _outlet_in(dateline)
        date = date or _date_in(dateline)
    return ArticleMetadata(
        title=_title(text, segments),
        outlet=outlet,
        date=date,
        word_count=count_words(text, segments),
    )
