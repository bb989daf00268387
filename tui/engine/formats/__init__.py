"""Readers for the formats people keep news in besides plain text.

Feeds (RSS, Atom), OPML subscription lists, saved web pages and JSON Lines exports
each become ``Document`` values; the loader turns them into articles in one place.
The format is chosen by the file's suffix, and ``.xml`` files are looked into, since
both feeds and OPML lists are saved under that name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui.engine.formats.document import Document, Reading
from tui.engine.formats.feeds import read_feed
from tui.engine.formats.html_page import read_html_page
from tui.engine.formats.jsonl import read_jsonl
from tui.engine.formats.opml import looks_like_opml, read_opml

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


def read_formatted(path: Path, data: bytes, read_local: Callable[[Path], bytes]) -> Reading:
    """The documents in ``data``, the bytes of ``path``, read by its suffix's reader.

    ``read_local`` reads the local feed files an OPML list names.
    """
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return read_jsonl(path, data)
    if suffix in _HTML_SUFFIXES:
        return read_html_page(path, data)
    if suffix == ".opml" or looks_like_opml(data):
        return read_opml(path, data, read_local)
    return read_feed(path, data)
