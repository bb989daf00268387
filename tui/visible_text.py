"""Article text is data: show every character for what it is, never as a command.

Terminal escape sequences, control characters and bidi overrides inside an article
would otherwise reach the terminal (or reorder what it shows). Each is replaced by a
visible stand-in, one source character at a time, so text offsets stay usable.
"""

from __future__ import annotations

from collections.abc import Iterable


_BIDI_CONTROLS = frozenset(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x061C, 0x200E, 0x200F]
)


def visible_char(char: str) -> str:
    """What to draw for one character of article text.

    Tabs become a space; other C0 controls their Unicode control picture (ESC as ␛);
    DEL ␡; C1 controls, bidi controls and lone surrogates a ``\\x9b``-style escape.
    """
    code = ord(char)
    if char == "\t":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code <= 0x9F:
        return f"\\x{code:02x}"
    if code in _BIDI_CONTROLS or 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"
    return char


def visible_run(text: str) -> str:
    """``visible_char`` of each character of ``text``, joined (newlines too)."""
    if text.isprintable():
        return text  # no control, format, separator or surrogate character: drawn as is
    return "".join(visible_char(char) for char in text)


def visible(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control character made visible (newlines kept unless ``one_line``)."""
    if text.isprintable():
        return text  # no control, format, separator or surrogate character: drawn as is
    pieces: list[str] = []
    for char in text:
        if char == "\n":
            pieces.append(" " if one_line else "\n")
        else:
            pieces.append(visible_char(char))
    return "".join(pieces)


def visible_spans(
    source: str, start: int, end: int, spans: Iterable[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """``source[start:end]`` made visible on one line, with absolute-offset ``spans``
    mapped to offsets in the result (stand-ins can be longer than one character).

    Used for evidence: the matcher reports spans as offsets into an article's text.
    """
    shown: list[str] = []
    positions: list[int] = []
    length = 0
    for offset in range(start, end):
        positions.append(length)
        char = source[offset]
        piece = " " if char == "\n" else visible_char(char)
        shown.append(piece)
        length += len(piece)
    positions.append(length)
    mapped: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        a, b = max(span_start, start), min(span_end, end)
        if a < b:
            mapped.append((positions[a - start], positions[b - start]))
    return "".join(shown), mapped
