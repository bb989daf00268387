"""Word-wrapping that remembers where every display line came from in the text.

The reading pane highlights the sentence under the cursor by its exact offsets and
scrolls to keep it in view, so each wrapped line must map back to ``[start, end)`` of
the article text. No Textual here: the layout is plain data, tested on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from rich.cells import cell_len

from tui.engine.models import Article, Segment, SegmentKind
from tui.visible_text import visible_char

#: Where a line may break: ordinary spaces, never a no-break space.
_BREAKABLE = " \t\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u205f\u3000"
_WORD = re.compile(f"[^{_BREAKABLE}\n]+")


def char_width(char: str) -> int:
    """Cells taken on screen by one character as the reader draws it."""
    return cell_len(visible_char(char))


def text_width(text: str) -> int:
    """Cells taken by ``text`` as the reader draws it (``char_width`` of each character)."""
    if text.isascii() and text.isprintable():
        return len(text)  # printable ASCII: drawn as itself, one cell each
    return _other_width(text)


@lru_cache(maxsize=4096)
def _other_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Wrap ``text[start:end]`` to ``width`` cells: a list of ``(start, end)`` per line.

    Breaks at spaces (which are dropped at the break) and at newlines; a word wider
    than the line is split. Every non-space character lands on exactly one line.
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    hard_start = start
    while hard_start <= end:
        newline = text.find("\n", hard_start, end)
        hard_end = end if newline == -1 else newline
        lines.extend(_wrap_hard_line(text, hard_start, hard_end, width))
        if newline == -1:
            break
        hard_start = newline + 1
    return lines


def _wrap_hard_line(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = start
    used = 0
    for word in _WORD.finditer(text, start, end):
        word_width = text_width(word.group())
        if line_start is not None:
            gap = text_width(text[line_end : word.start()])
            if used + gap + word_width <= width:
                line_end = word.end()
                used += gap + word_width
                continue
            lines.append((line_start, line_end))
            line_start = None
        if word_width <= width:
            line_start, line_end, used = word.start(), word.end(), word_width
            continue
        piece_start, used = word.start(), 0
        for offset in range(word.start(), word.end()):
            cells = char_width(text[offset])
            if used + cells > width and offset > piece_start:
                lines.append((piece_start, offset))
                piece_start, used = offset, 0
            used += cells
        line_start, line_end = piece_start, word.end()
    if line_start is not None:
        lines.append((line_start, line_end))
    return lines or [(start, start)]


class Source(str, Enum):
    """Which string a display line shows."""

    TITLE = "title"
    TEXT = "text"
    BLANK = "blank"


@dataclass(frozen=True, slots=True)
class DisplayLine:
    """One row of the reading pane: ``[start, end)`` of the title or the text."""

    source: Source
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class ArticleLayout:
    """An article wrapped to a width, with each sentence's first and last row."""

    width: int
    lines: list[DisplayLine]
    #: ``(first_row, last_row)`` for sentence ``i`` (inclusive).
    sentence_rows: list[tuple[int, int]] = field(default_factory=list)

    def sentence_at_or_after(self, row: int) -> int | None:
        """The first sentence that starts on or below ``row``."""
        for index, (first, _last) in enumerate(self.sentence_rows):
            if first >= row:
                return index
        return None

    def sentence_at_or_before(self, row: int) -> int | None:
        """The last sentence that starts on or above ``row``."""
        found: int | None = None
        for index, (first, _last) in enumerate(self.sentence_rows):
            if first <= row:
                found = index
        return found


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def shows_title(article: Article) -> bool:
    """Whether the title needs its own lines: not when the text already opens with it."""
    title = _normalised(article.title.removesuffix("…"))
    return bool(title) and not _normalised(article.text[: len(article.title) * 2]).startswith(title)


def paragraphs(article: Article) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: consecutive non-space segments sharing a number."""
    ranges: list[tuple[int, int]] = []
    current: int | None = None
    for segment in article.segments:
        if segment.kind is SegmentKind.SPACE:
            continue
        if ranges and segment.paragraph == current:
            ranges[-1] = (ranges[-1][0], segment.end)
        else:
            ranges.append((segment.start, segment.end))
            current = segment.paragraph
    return ranges


def layout_article(article: Article, width: int) -> ArticleLayout:
    """Wrap the title (when needed) and each paragraph, a blank row between paragraphs."""
    lines: list[DisplayLine] = []
    if shows_title(article):
        for start, end in wrap(article.title, 0, len(article.title), width):
            lines.append(DisplayLine(Source.TITLE, start, end))
        lines.append(DisplayLine(Source.BLANK))
    for number, (start, end) in enumerate(paragraphs(article)):
        if number:
            lines.append(DisplayLine(Source.BLANK))
        for line_start, line_end in wrap(article.text, start, end, width):
            lines.append(DisplayLine(Source.TEXT, line_start, line_end))
    layout = ArticleLayout(width, lines)
    layout.sentence_rows = _sentence_rows(lines, article.sentences)
    return layout


def _sentence_rows(lines: list[DisplayLine], sentences: list[Segment]) -> list[tuple[int, int]]:
    """First and last row of each sentence, by binary search over the text rows."""
    text_rows = [row for row, line in enumerate(lines) if line.source is Source.TEXT]
    ends = [lines[row].end for row in text_rows]
    starts = [lines[row].start for row in text_rows]
    found: list[tuple[int, int]] = []
    for sentence in sentences:
        first = bisect_right(ends, sentence.start)
        last = bisect_left(starts, sentence.end) - 1
        if first >= len(text_rows) or last < first:
            found.append((0, 0))
        else:
            found.append((text_rows[first], text_rows[last]))
    return found


class SegmentLookup:
    """Which segment holds a text offset, in logarithmic time."""

    def __init__(self, segments: list[Segment]) -> None:
        self._segments = sorted(segments, key=lambda s: s.start)
        self._starts = [s.start for s in self._segments]

    def bounds_within(self, start: int, end: int) -> list[int]:
        """Where segments begin or end strictly inside ``(start, end)``."""
        segments = self._segments
        index = max(bisect_right(self._starts, start) - 1, 0)
        found: list[int] = []
        while index < len(segments) and segments[index].start < end:
            segment = segments[index]
            found.extend(bound for bound in (segment.start, segment.end) if start < bound < end)
            index += 1
        return found

    def at(self, offset: int) -> Segment | None:
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        segment = self._segments[index]
        return segment if segment.start <= offset < segment.end else None
