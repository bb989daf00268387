"""What a feed, a saved page or an export line gives the loader before it is an article.

Each format reader turns its file into ``Document`` values: the article's plain text
plus the metadata the file states (title, outlet, date, address, language). The loader
alone turns a document into an ``Article``, so every format gets the same splitting,
word counts and language detection as a plain text file. A hint is ``None`` when the
file does not state it: readers never guess.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from tui.engine.languages import detect_language
from tui.engine.models import Skipped

__all__ = [
    "Document",
    "Reading",
    "clean_text",
    "content_digest",
    "date_from_text",
    "language_from_tag",
    "part_path",
    "same_language",
]


@dataclass(frozen=True, slots=True)
class Document:
    """One article's text and the metadata its file states about it."""

    #: Shown to the user; ``feed.xml#3`` when one file holds several articles.
    path: Path
    #: Plain text, paragraphs separated by blank lines, without the title.
    text: str
    #: How the bytes were decoded.
    encoding: str
    #: sha256 identifying this article's own content (not the whole file's).
    digest: str
    title: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    url: str | None = None
    #: A language code ("nb", "en"); ``None`` lets the loader detect it.
    language: str | None = None
    #: What the reader assumed ("the feed gives only a summary").
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class Reading:
    """What one file yielded: its documents, and every part that could not be read."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def extend(self, other: Reading) -> None:
        """Add another file's documents and problems (an OPML list reading its feeds)."""
        self.documents.extend(other.documents)
        self.skipped.extend(other.skipped)


def part_path(path: Path, part: int) -> Path:
    """The display path of article ``part`` of a file holding several: ``feed.xml#3``."""
    return path.with_name(f"{path.name}#{part}")


def content_digest(*parts: str | None) -> str:
    """sha256 over ``parts``, so an entry keeps its identity wherever its file moves."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part or "").encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


_LINE_BREAKS = re.compile(r"\r\n?")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Plain text with ``\\n`` line ends, no trailing spaces and at most one blank line."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _TRAILING_SPACE.sub("", text)
    return _BLANK_RUNS.sub("\n\n", text).strip()


_TAG = re.compile(r"[A-Za-z]{2,3}(?=$|[-_])")
_THREE_LETTER = {
    "nob": "nb", "nno": "nn", "nor": "no", "eng": "en", "swe": "sv", "dan": "da", "deu": "de", "ger": "de"
}
_NORWEGIAN = frozenset({"nb", "nn"})
_NOT_LANGUAGES = frozenset({"und", "mul", "zxx", "mis"})


def language_from_tag(tag: str | None, text: str = "") -> str | None:
    """The language code a tag such as "nb-NO", "en_US" or "nob" names, or ``None``.

    "no" (Norwegian, written standard unstated) becomes "nn" when ``text`` reads as
    Nynorsk and "nb" otherwise, Bokmål being what nearly all Norwegian news uses.
    """
    if not tag:
        return None
    match = _TAG.match(tag.strip())
    if match is None:
        return None
    code = match.group(0).lower()
    code = _THREE_LETTER.get(code, code)
    if code in _NOT_LANGUAGES:
        return None
    if code == "no":
        return "nn" if text and detect_language(text) == "nn" else "nb"
    return code


def same_language(first: str, second: str) -> bool:
    """True when two codes name the same language, counting Bokmål and Nynorsk as one."""
    return first == second or {first, second} <= _NORWEGIAN


_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?![\d])")
_COMPACT_DATE = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:$|T)")


def date_from_text(value: str | None) -> dt.date | None:
    """The calendar date a stated timestamp gives, as written, or ``None``.

    Reads ISO 8601 ("2023-03-21", "2023-03-21T18:02:11+01:00") and the RFC 822 dates
    of RSS ("Tue, 21 Mar 2023 18:02:11 +0100"). The date is taken as the publisher
    wrote it, not converted to UTC: an evening story stays on its own day.
    """
    if not value:
        return None
    match = _ISO_DATE.match(value) or _COMPACT_DATE.match(value)
    if match is not None:
        year, month, day = (int(group) for group in match.groups())
    else:
        parsed = email.utils.parsedate_tz(value.strip())
        if parsed is None:
            return None
        year, month, day = parsed[:3]
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
