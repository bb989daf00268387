"""Articles from JSON Lines exports, one JSON object per line.

People export from their own tools (scrapers, read-later services, notebooks) as
JSON Lines with ``text`` and optional ``title``, ``date``, ``url``, ``outlet`` and
``lang``. One broken line is reported with its number and the other lines still load;
a field that is present but unusable is ignored with a note rather than guessed at.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tui.engine.decode import NotText, decode_bytes
from tui.engine.formats.document import (
    Document,
    Reading,
    clean_text,
    content_digest,
    date_from_text,
    language_from_tag,
    part_path,
)
from tui.engine.models import Skipped
from tui.i18n import _

__all__ = ["read_jsonl"]

_HINTS = ("title", "date", "url", "outlet", "lang")


def _hint(record: dict[str, Any], key: str, notes: list[str]) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        notes.append(_("field {key!r} ignored: it is not text").format(key=key))
        return None
    return " ".join(value.split()) or None


def _document(path: Path, number: int, line: str, record: dict[str, Any], encoding: str) -> Document:
    notes: list[str] = []
    title, date_text, url, outlet, lang = (_hint(record, key, notes) for key in _HINTS)
    text = clean_text(record["text"])
    date = date_from_text(date_text)
    if date_text and date is None:
        notes.append(_("date {date!r} not understood").format(date=date_text))
    language = language_from_tag(lang, text)
    if lang and language is None:
        notes.append(_("language {language!r} not understood").format(language=lang))
    return Document(
        path=part_path(path, number),
        text=text,
        encoding=encoding,
        digest=content_digest(line),
        title=title,
        outlet=outlet,
        date=date,
        url=url,
        language=language,
        notes=tuple(notes),
    )


def _problem(line: str) -> tuple[dict[str, Any] | None, str | None]:
    """The line's record, or why it is not an article."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return None, _("not valid JSON at column {column} ({error})").format(column=error.colno, error=error.msg)
    if not isinstance(record, dict):
        return None, _("not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        return None, _('no "text" field') if text is None else _('"text" is not a string')
    if not text.strip():
        return None, _('"text" is empty')
    return record, None


def read_jsonl(path: Path, data: bytes) -> Reading:
    """One document per line of the JSON Lines file ``data``, named ``path#line``."""
    reading = Reading()
    try:
        content, encoding, _notes = decode_bytes(data)
    except NotText as error:
        reading.skipped.append(Skipped(path, error.reason))
        return reading
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        record, problem = _problem(line)
        if record is None:
            reading.skipped.append(Skipped(path, _("line {number}: {problem}").format(number=number, problem=problem)))
            continue
        reading.documents.append(_document(path, number, line, record, encoding))
    if not reading.documents and not reading.skipped:
        reading.skipped.append(Skipped(path, _("no articles in the file")))
    return reading
