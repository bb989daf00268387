"""The article in a saved web page, without the page around it.

trafilatura finds the article's text and drops navigation, adverts, cookie banners,
"read also" boxes and footers. The metadata is read here, from the tags publishers
state it in (Open Graph, ``article:published_time``, JSON-LD, ``<time>``,
``<link rel=canonical>``, ``<html lang>``), because trafilatura would otherwise infer
an outlet from the web address or a date from the text, and the reader never guesses.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
from lxml.etree import ParserError

from tui.engine.decode import NotText, decode_bytes
from tui.engine.formats.document import Document, Reading, clean_text, date_from_text, language_from_tag
from tui.engine.models import SegmentKind, Skipped
from tui.engine.segment import split_segments
from tui.i18n import _

__all__ = ["read_html_page"]

_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
#: HTML treats these labels as Windows-1252, which they nearly always are.
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"})
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TITLE_SEPARATORS = " -–—|:·•"


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    """The page as text: the charset it declares, else the same guess as text files."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = _META_CHARSET.search(data[:_SNIFF_BYTES])
        if declared is not None:
            label = declared.group(1).decode("ascii").lower()
            if label in _WINDOWS_1252_LABELS:
                label = "cp1252"
            try:
                name = codecs.lookup(label).name
            except LookupError:
                name = ""
            if name and not name.startswith("utf-16"):
                try:
                    return data.decode(name), name, []
                except UnicodeDecodeError:
                    pass
    text, encoding, notes = decode_bytes(data)
    return text, encoding, notes


def _meta(page: Any, *keys: str) -> str | None:
    """The first non-empty ``<meta property|name|itemprop=key content>`` in key order."""
    wanted = [key.lower() for key in keys]
    found: dict[str, str] = {}
    for meta in page.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key in wanted and key not in found:
                found[key] = content
    for key in wanted:
        if key in found:
            return found[key]
    return None


def _json_ld(page: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object in the page, nested ``@graph`` entries included."""
    for script in page.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        pending = data if isinstance(data, list) else [data]
        while pending:
            item = pending.pop(0)
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    pending.extend(graph)


def _article_ld(page: Any) -> dict[str, Any]:
    for item in _json_ld(page):
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
            return item
    return {}


def _ld_text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list) and value:
        return _ld_text(value[0])
    if isinstance(value, str):
        return value.strip() or None
    return None


def _text_of(element: Any) -> str:
    return " ".join(element.text_content().split())


def _outlet(page: Any, article: dict[str, Any]) -> str | None:
    stated = _meta(page, "og:site_name") or _ld_text(article.get("publisher"))
    return stated or _meta(page, "application-name")


def _strip_outlet(title: str, outlet: str | None) -> str:
    """ "Headline – NRK" as the page's ``<title>`` has it becomes "Headline"."""
    if outlet and title.endswith(outlet) and len(title) > len(outlet):
        stripped = title[: -len(outlet)].rstrip()
        if stripped and stripped[-1] in _TITLE_SEPARATORS:
            return stripped.rstrip(_TITLE_SEPARATORS).strip() or title
    return title


def _title(page: Any, article: dict[str, Any], outlet: str | None) -> str | None:
    stated = _meta(page, "og:title", "twitter:title") or _ld_text(article.get("headline"))
    if stated:
        return " ".join(stated.split())
    for path in ("//article//h1", "//main//h1", "//h1"):
        for heading in page.xpath(path):
            text = _text_of(heading)
            if text:
                return text
    for element in page.iter("title"):
        text = _text_of(element)
        if text:
            return _strip_outlet(text, outlet)
    return None


def _date(page: Any, article: dict[str, Any]) -> dt.date | None:
    stated = _meta(page, "article:published_time", "og:article:published_time", "datePublished", "pubdate")
    date = date_from_text(stated) or date_from_text(_ld_text(article.get("datePublished")))
    if date is not None:
        return date
    for path in ("//article//time[@datetime]", "//main//time[@datetime]", "//time[@datetime]"):
        for element in page.xpath(path):
            if element.xpath("ancestor::nav|ancestor::header|ancestor::footer|ancestor::aside"):
                continue
            date = date_from_text(element.get("datetime"))
            if date is not None:
                return date
    return None


def _is_web_address(value: str) -> bool:
    return urllib.parse.urlsplit(value).scheme in ("http", "https")


def _url(page: Any, article: dict[str, Any]) -> str | None:
    og_url = _meta(page, "og:url")
    base = og_url if og_url and _is_web_address(og_url) else None
    for link in page.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = (link.get("href") or "").strip()
            if href and base:
                href = urllib.parse.urljoin(base, href)
            if href and _is_web_address(href):
                return href
    ld_url = _ld_text(article.get("url"))
    for candidate in (base, ld_url):
        if candidate and _is_web_address(candidate):
            return candidate
    return None


def _language(page: Any, article: dict[str, Any], text: str) -> str | None:
    root = page.getroottree().getroot()
    tags = (
        root.get("lang"),
        root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        root.get("xml:lang"),
        _ld_text(article.get("inLanguage")),
        _meta(page, "og:locale", "content-language", "language"),
    )
    for tag in tags:
        code = language_from_tag(tag, text)
        if code is not None:
            return code
    for meta in page.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-language":
            return language_from_tag(meta.get("content"), text)
    return None


def _body(markup: str, title: str | None) -> str:
    import trafilatura  # imported on first use: it is the slowest import of the reader

    extracted = trafilatura.extract(
        markup,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
        with_metadata=False,
    )
    if not extracted:
        return ""
    paragraphs = [" ".join(line.split()) for line in extracted.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if title and paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs.pop(0)
    return clean_text("\n\n".join(paragraphs))


def read_html_page(path: Path, data: bytes) -> Reading:
    """The article in the saved page ``data``, or the reason there is none."""
    reading = Reading()
    try:
        markup, encoding, notes = _decode(data)
    except NotText as error:
        reading.skipped.append(Skipped(path, error.reason))
        return reading
    markup = _XML_DECLARATION.sub("", markup, count=1)
    try:
        page = lxml.html.document_fromstring(markup)
    except (ParserError, ValueError) as error:
        reading.skipped.append(Skipped(path, _("not a readable web page ({error})").format(error=error)))
        return reading
    article = _article_ld(page)
    outlet = _outlet(page, article)
    title = _title(page, article, outlet)
    text = _body(markup, title)
    if not any(segment.kind is SegmentKind.SENTENCE for segment in split_segments(text)):
        # Menus and forms alone are what trafilatura falls back to on a page with no story.
        reading.skipped.append(Skipped(path, _("no article text found in the page")))
        return reading
    reading.documents.append(
        Document(
            path=path,
            text=text,
            encoding=encoding,
            digest=hashlib.sha256(data).hexdigest(),
            title=title,
            outlet=outlet,
            date=_date(page, article),
            url=_url(page, article),
            language=_language(page, article, text),
            notes=tuple(notes),
        )
    )
    return reading
