"""Plain text from the small HTML fragments that feed entries carry.

Feed content is a few paragraphs of markup, not a page with navigation, so a block
aware walk is enough: every block element ends a paragraph, ``<br>`` ends a line, and
scripts, styles and embedded objects are dropped.
"""

from __future__ import annotations

from html.parser import HTMLParser

from tui.engine.formats.document import clean_text

__all__ = ["fragment_text"]

_BLOCKS = frozenset(
    """
    address article aside blockquote dd details div dl dt figcaption figure footer
    form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th
    tr ul
    """.split()
)
_DROPPED = frozenset("script style noscript template iframe object embed svg math head title button".split())
_PARAGRAPH = "\x00"


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self._dropping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append(_PARAGRAPH)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append(_PARAGRAPH)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCKS:
            self.parts.append(_PARAGRAPH)

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self.parts.append(data)


def fragment_text(markup: str) -> str:
    """The text of an HTML fragment, paragraphs separated by one blank line."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    paragraphs = []
    for block in "".join(collector.parts).split(_PARAGRAPH):
        lines = (" ".join(line.split()) for line in block.split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return clean_text("\n\n".join(paragraphs))
