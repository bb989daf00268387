"""Articles from saved RSS and Atom feeds, one per entry.

feedparser reads every RSS and Atom dialect in the wild and repairs what it can. The
bytes are handed over as a stream: given a string, feedparser would fetch a URL or
open a local file named by it, and the reader never goes to the network.

An entry's language is the one the entry states (``xml:lang``, ``dc:language``). A
language stated only for the whole feed is trusted unless the entry's text clearly
reads as another language: mixed Norwegian and English feeds under one channel
``<language>`` are common, and a wrong language sends the matcher to the wrong
lexicon.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import feedparser

from tui.engine.formats.document import (
    Document,
    Reading,
    clean_text,
    content_digest,
    date_from_text,
    language_from_tag,
    part_path,
    same_language,
)
from tui.engine.formats.html_text import fragment_text
from tui.engine.languages import detect_language
from tui.engine.models import Skipped
from tui.i18n import _

__all__ = ["read_feed"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


def _as_text(detail: Mapping[str, Any]) -> str:
    value = str(detail.get("value") or "")
    if str(detail.get("type") or "text/html").lower() in _HTML_TYPES:
        return fragment_text(value)
    return clean_text(value)


def _body(entry: Mapping[str, Any]) -> tuple[str, Mapping[str, Any] | None, bool]:
    """The entry's text, the detail it came from, and whether it is only a summary."""
    best = ("", None)
    for detail in entry.get("content") or ():
        text = _as_text(detail)
        if len(text) > len(best[0]):
            best = (text, detail)
    if best[0]:
        return best[0], best[1], False
    summary = entry.get("summary_detail")
    if summary:
        return _as_text(summary), summary, True
    return "", None, True


def _title(entry: Mapping[str, Any]) -> str | None:
    detail = entry.get("title_detail")
    if detail:
        title = " ".join(_as_text(detail).split())
        return title or None
    return None


def _date(entry: Mapping[str, Any]) -> tuple[dt.date | None, str | None]:
    """The entry's date as written, preferring publication over last update."""
    for key, note in (("published", None), ("updated", _("date is the entry's last update"))):
        stated = date_from_text(entry.get(key))
        if stated is None:
            parsed = entry.get(f"{key}_parsed")
            if isinstance(parsed, time.struct_time):
                stated = dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        if stated is not None:
            return stated, note
    return None, None


def _entry_language(
    entry: Mapping[str, Any], detail: Mapping[str, Any] | None, feed_language: str | None
) -> str | None:
    """A language tag stated for this entry itself, not inherited from the feed."""
    candidates = [
        detail.get("language") if detail else None,
        entry.get("language"),
        (entry.get("title_detail") or {}).get("language"),
    ]
    for tag in candidates:
        if tag and tag != feed_language:
            return tag
    return None


def _language(text: str, entry_tag: str | None, feed_tag: str | None, notes: list[str]) -> str | None:
    stated = language_from_tag(entry_tag, text)
    if stated is not None:
        return stated
    stated = language_from_tag(feed_tag, text)
    if stated is None:
        return None
    detected = detect_language(text)
    if detected is not None and not same_language(detected, stated):
        notes.append(
            _("the feed is marked {stated!r} but this entry reads as {detected!r}").format(stated=stated, detected=detected)
        )
        return detected
    return stated


def _outlet(parsed: Any, entry: Mapping[str, Any], fallback: str | None) -> str | None:
    source = entry.get("source") or {}
    for name in (source.get("title"), parsed.feed.get("title"), fallback):
        if name and name.strip():
            return " ".join(name.split())
    return None


def read_feed(path: Path, data: bytes, outlet: str | None = None) -> Reading:
    """Every entry of the RSS or Atom feed in ``data`` as a document ``path#n``.

    ``outlet`` names the feed when it has no title of its own (an OPML outline's
    name). Entries without text are reported as skipped.
    """
    reading = Reading()
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        reading.skipped.append(Skipped(path, _("not an RSS or Atom feed") + detail))
        return reading
    if not parsed.entries:
        reading.skipped.append(Skipped(path, _("the feed has no entries")))
        return reading
    encoding = str(parsed.get("encoding") or "utf-8")
    feed_tag = parsed.feed.get("language")
    for number, entry in enumerate(parsed.entries, start=1):
        text, detail, summary_only = _body(entry)
        title = _title(entry)
        if not text:
            label = f" ({title})" if title else ""
            reading.skipped.append(Skipped(part_path(path, number), _("entry {number}{label} has no text").format(number=number, label=label)))
            continue
        notes: list[str] = []
        if summary_only:
            notes.append(_("the feed gives only a summary of this article"))
        date, date_note = _date(entry)
        if date_note:
            notes.append(date_note)
        url = str(entry.get("link") or "").strip() or None
        language = _language(text, _entry_language(entry, detail, feed_tag), feed_tag, notes)
        reading.documents.append(
            Document(
                path=part_path(path, number),
                text=text,
                encoding=encoding,
                digest=content_digest(title, url, text),
                title=title,
                outlet=_outlet(parsed, entry, outlet),
                date=date,
                url=url,
                language=language,
                notes=tuple(notes),
            )
        )
    return reading
