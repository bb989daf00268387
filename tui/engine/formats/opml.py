"""Articles from the local feeds an OPML subscription list points at.

Feed readers export subscriptions as OPML. crossread never goes to the network, so
an outline whose feed is a web address is reported as skipped, with its address,
and only feed files on this machine (relative to the list, absolute, or ``file:``
URLs) are read. A list naming another list is not followed.
"""

from __future__ import annotations

import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from pathlib import Path

from tui.engine.formats.document import Reading
from tui.engine.formats.feeds import read_feed
from tui.engine.models import Skipped
from tui.i18n import _

__all__ = ["looks_like_opml", "read_opml"]

_SNIFF_BYTES = 2048


def looks_like_opml(data: bytes) -> bool:
    """True when the XML in ``data`` starts with an ``<opml>`` element."""
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf").lower()
    return b"<opml" in head


def _outlines(root: ElementTree.Element) -> Iterator[tuple[str, str | None]]:
    """``(feed address, outline name)`` for every outline that names a feed."""
    for outline in root.iter("outline"):
        attributes = {key.lower(): value for key, value in outline.attrib.items()}
        address = (attributes.get("xmlurl") or "").strip()
        if address:
            name = (attributes.get("title") or attributes.get("text") or "").strip() or None
            yield address, name


def _local_path(address: str, base: Path) -> Path | None:
    """The file a feed address names on this machine, or ``None`` for a web address."""
    parts = urllib.parse.urlsplit(address)
    if parts.scheme.lower() == "file":
        return Path(urllib.request.url2pathname(parts.path))
    if len(parts.scheme) > 1:  # "https:", "feed:"; one letter is a Windows drive
        return None
    target = Path(address).expanduser()
    return target if target.is_absolute() else base / target


def _reason(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return _("feed file not found")
    if isinstance(error, PermissionError):
        return _("permission denied")
    if isinstance(error, OSError):
        return _("cannot be read ({error})").format(error=error.strerror or error)
    return str(error) or type(error).__name__


def read_opml(path: Path, data: bytes, read_local: Callable[[Path], bytes]) -> Reading:
    """The entries of every local feed the OPML list in ``data`` names.

    ``read_local`` reads a feed file's bytes; whatever it raises becomes a skipped
    feed with the exception's message as the reason, and the other feeds still load.
    """
    reading = Reading()
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        reading.skipped.append(Skipped(path, _("not a well-formed OPML file ({error})").format(error=error)))
        return reading
    if root.tag.lower() != "opml":
        reading.skipped.append(Skipped(path, _("not an OPML subscription list")))
        return reading
    seen: set[Path] = set()
    found = False
    for address, name in _outlines(root):
        found = True
        label = f"{name!r} " if name else ""
        target = _local_path(address, path.parent)
        if target is None:
            reading.skipped.append(
                Skipped(path, _("feed {label}at {address} not fetched: crossread reads local files only").format(
                    label=label, address=address
                ))
            )
            continue
        if target in seen:
            continue
        seen.add(target)
        try:
            feed_bytes = read_local(target)
        except Exception as error:  # noqa: BLE001 - one unreadable feed must not cost the others
            reading.skipped.append(Skipped(target, _reason(error)))
            continue
        if looks_like_opml(feed_bytes):
            reading.skipped.append(Skipped(target, _("an OPML list inside an OPML list is not followed")))
            continue
        reading.extend(read_feed(target, feed_bytes, outlet=name))
    if not found:
        reading.skipped.append(Skipped(path, _("the OPML list names no feeds")))
    return reading
