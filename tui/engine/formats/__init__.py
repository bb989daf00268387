"""Readers for the formats people keep news in besides plain text.

Feeds (RSS, Atom), OPML subscription lists, saved web pages and JSON Lines exports
each become ``Document`` values; the loader turns them into articles in one place.
The format is chosen by the file's suffix, and ``.xml`` files are looked into, since
both feeds and OPML lists are saved under that name.

Each reader (and the XML, HTML and feed libraries under it) is imported when a file
of its format is first read: a folder of plain text files never loads them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.engine.formats.document import Document, Reading

__all__ = [
    "FORMAT_SUFFIXES",
    "Document",
    "Reading",
    "read_feed",
    "read_formatted",
    "read_html_page",
    "read_jsonl",
    "read_opml",
]

_FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})
#: Suffixes read by a format reader rather than as plain text.
FORMAT_SUFFIXES = _FEED_SUFFIXES | _HTML_SUFFIXES | {".opml", ".jsonl"}
#: Where each reader is, imported on first use.
_READERS = {
    "read_feed": "tui.engine.formats.feeds",
    "read_html_page": "tui.engine.formats.html_page",
    "read_jsonl": "tui.engine.formats.jsonl",
    "read_opml": "tui.engine.formats.opml",
    "looks_like_opml": "tui.engine.formats.opml",
}


def __getattr__(name: str) -> Any:
    """A format reader, imported when first asked for."""
    if name not in _READERS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_READERS[name]), name)


def read_formatted(path: Path, data: bytes, read_local: Callable[[Path], bytes]) -> Reading:
    """The documents in ``data``, the bytes of ``path``, read by its suffix's reader.

    ``read_local`` reads the local feed files an OPML list names.
    """
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return __getattr__("read_jsonl")(path, data)
    if suffix in _HTML_SUFFIXES:
        return __getattr__("read_html_page")(path, data)
    if suffix == ".opml" or __getattr__("looks_like_opml")(data):
        return __getattr__("read_opml")(path, data, read_local)
    return __getattr__("read_feed")(path, data)
