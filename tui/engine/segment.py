"""Split article text into sentences, headings, credits, datelines and spaces.

The reader moves a cursor sentence by sentence and the matcher compares sentences,
so a wrong split shows up twice: a cursor that jumps mid-sentence, and a fact that
finds no partner. The splitter is tuned for Norwegian and English news: it keeps
"U.S. Secretary", "Mr. Xi", "bl.a." and "21. mars" whole, keeps closing quotes with
their sentence, starts a sentence at the Norwegian quote dash, and tells photo
captions, credits and datelines apart from the facts.

Every character belongs to exactly one segment, and the work is linear in the text
length (all patterns are bounded or possessive), so hostile input cannot hang it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from tui.engine.models import Segment, SegmentKind

__all__ = ["split_segments"]

_BREAK_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_PHYSICAL_LINE = re.compile(f"[^{_BREAK_CHARS}]+")
_LINE_BREAK = re.compile(f"\r\n|[{_BREAK_CHARS}]")
_SPACE_RUN = re.compile(r"\s*+")

_CLOSERS = "\"”’»'›)]」』）"
_OPENERS = "\"“„‘‚'«‹([¿¡–—-"
_TERMINAL = ".!?…:;。！？"
#: Terminal escape sequences and other control characters written into a text: they
#: are shown, not read, so a sentence may start right after them or end before them.
#: (Each part matches one way only, and possessively: no backtracking on long runs.)
_CONTROLS = r"(?:\x1b\[[0-?]*+[ -/]*+[@-~]|\x1b[@-Z\\\]^_]?+|[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f])++"
_CONTROLS_AHEAD = re.compile(_CONTROLS)
_CONTROLS_BEHIND = re.compile(_CONTROLS + r"\Z")
#: How far back from a line's end trailing control characters are looked for.
_CONTROLS_WINDOW = 64
#: Sentence punctuation (with closing quotes, and control characters written after
#: them) then whitespace; or CJK full stops.
_BOUNDARY = re.compile(
    r"(?P<end>(?<![.!?…])[.!?…]++[\"”’»'›)\]]*+" + f"(?:{_CONTROLS})?+" + r")(?P<ws>\s++)"
    r"|(?P<cjk>(?<![。！？])[。！？]++[」』）”]*+)\s*+"
)

#: Abbreviations that never end a sentence.
_ABBREVIATIONS = frozenset(
    """
    mr. mrs. ms. dr. prof. st. mt. jr. sr. gen. col. lt. maj. capt. sgt. adm. gov. sen.
    rep. rev. hon. pres. messrs. e.g. i.e. cf. vs. v. al. approx. dept. jan. feb. mar.
    apr. jun. jul. aug. sep. sept. oct. nov. dec.
    bl.a. f.eks. ca. dvs. jf. jfr. evt. ev. pga. p.g.a. iht. mht. ifm. hhv. t.o.m.
    f.o.m. ang. vedr. sml.
    """.split()
)
#: Abbreviations that do not end a sentence when a number follows ("No. 10", "kl. 12").
_BEFORE_NUMBER = frozenset("no. nos. nr. kl. p. pp. vol. art. fig. ch. sec. kr. s. tlf. ref. pkt.".split())
#: Abbreviations that often end a sentence too: split only before a usual sentence opener.
_AMBIGUOUS = frozenset("osv. mv. m.v. m.m. o.l. etc. inc. ltd. corp. co.".split())
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_SENTENCE_OPENERS = frozenset(
    """
    the a an it he she they we i you but and in on at to this that these those there
    his her their its our as after when while however meanwhile so yet or if for since
    still some many most no not other another both each one two three what why how who
    det den de han hun vi jeg du men og på etter da når dette disse som samtidig
    likevel også slik hvis nå der her ifølge ikke en et ei
    """.split()
)
_MONTHS = frozenset(
    """
    januar februar mars april mai juni juli august september oktober november desember
    jan feb mar apr jun jul aug sep sept okt nov des
    """.split()
)
_NEXT_WORD = re.compile(r"[^\W\d_]{1,20}")

#: "date 2023-03-21" (also "date: 2023-03-21") at the start of a line.
_DATE_LINE = re.compile(r"[Dd]ate:?[ \t]{1,5}\d{4}-\d{2}-\d{2}\b")
_OUTLET = r"\((?P<outlet>[A-Z][\w&.'’-]{0,20}(?: [A-Z][\w&.'’-]{0,20}){0,3})\)"
#: "(CNN)", "(Reuters) -".
_OUTLET_DATELINE = re.compile(_OUTLET + r"(?:[ \t]{0,3}[-–—:])?")
#: "Moscow (AFP) -", "OSLO (NTB):", "WASHINGTON, March 21 (Reuters) -".
_CITY_DATELINE = re.compile(
    r"[A-ZÆØÅ][\w'’.-]{0,30}(?:[ ,]{1,2}[A-ZÆØÅ0-9][\w'’.-]{0,30}){0,5},?[ \t]{0,3}"
    + _OUTLET
    + r"[ \t]{0,3}[-–—:]"
)
#: "MOSCOW —", "KYIV, Ukraine —", "OSLO, Aug 9 -" (upper-case city then a dash).
_CAPS_DATELINE = re.compile(
    r"[A-ZÆØÅ]{2,20}(?:[ .'-][A-ZÆØÅ]{2,20}){0,3}(?:, [A-Z][\w.]{1,20}(?: [\w.]{1,20}){0,2})?"
    r"[ \t]{1,3}[-–—](?=\s)"
)
#: Datelines are looked for in the first lines only: later a "(CNN)" is just text.
_DATELINE_LINES = 3

#: "Foto: Dmitry Astakhov / AP", "(Photo by Mikhail Metzel/TASS via Getty Images)".
_PHOTO_CREDIT = re.compile(
    r"(?<![^\s(])(?:Foto|FOTO|Photo|PHOTO|Photos|Bilde|Bilder|Illustrasjon|Illustration"
    r"|Image|Picture|Photograph|Credit)[ \t]?:[ \t]*\S"
    r"|(?<!\S)(?:Photo|Foto)(?:graph)? by[ \t]+[A-ZÆØÅ]"
    r"|\((?:AP |AFP |Reuters )?(?:Photo|Foto|Photos|Image|Picture|Bilde)\b[^()\n]{0,150}\)\s*$"
)
#: Every photo credit holds one of these: lines without them are passed over quickly.
_PHOTO_CREDIT_WORDS = ("Foto", "FOTO", "Photo", "PHOTO", "Bilde", "Illustra", "Image", "Picture", "Credit")
_CREDIT_WINDOW = 160
_INNER_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÆØÅ]")
#: Credit sentences by how they open ("Reporting by", "Source:", "(NTB)")...
_CREDIT_OPENING = re.compile(
    r"(?:some |additional |other )?(?:material|reporting|information|content)\b.{0,80}?"
    r"\b(?:came|comes|was|were|is) (?:from|provided by|contributed by)\b"
    r"|(?:additional |further )?(?:reporting|writing|editing|research) by\b"
    r"|\(?\s*(?:©|\(c\)|copyright\b)"
    r"|\(?(?:kilde|kilder|source|sources|credit|credits)\s*:"
    r"|\(?(?:©\s*)?(?:NTB|AFP|AP|Reuters|ANB|TT|Ritzau|dpa)\)?\.?$"
    r"|this (?:story|article|report) (?:has been|was) (?:updated|corrected)"
    r"|\(?(?:saken|artikkelen) (?:er|ble) oppdatert",
    re.IGNORECASE,
)
#: ...or anywhere in them. Two patterns because an anchored match is checked at one
#: place, while one alternation searched would try every alternative everywhere.
_CREDIT_ANYWHERE = re.compile(r"\bcontributed to this (?:report|story|article)\b", re.IGNORECASE)
_BYLINE = re.compile(
    r"(?:By|BY|Av|AV|Tekst|TEKST|Text)[ \t]*:?[ \t]+[A-ZÆØÅ][\w.'’-]*"
    r"(?:,?[ \t]+(?:[A-ZÆØÅ][\w.'’-]*|and|og|&|of|fra|i|in)){0,8}[ \t]*"
)
_MAX_CREDIT_CHARS = 250
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]")
_MAX_HEADING_CHARS = 80
_MAX_MARKDOWN_HEADING_CHARS = 200
_MAX_HEADING_WORDS = 12


class _Piece(NamedTuple):
    start: int
    end: int
    kind: SegmentKind
    caption: bool = False


class _Line(NamedTuple):
    """A logical line: one physical line, or a hard-wrapped sentence's several lines."""

    start: int
    end: int
    wrapped: bool


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without its leading and trailing whitespace (maybe empty)."""
    chunk = text[start:end]
    left = chunk.lstrip()
    return start + len(chunk) - len(left), end - (len(left) - len(left.rstrip()))


def _last_meaningful(text: str, start: int, end: int) -> str:
    """The last character before trailing closing quotes, brackets and control
    characters."""
    controls = _CONTROLS_BEHIND.search(text, max(start, end - _CONTROLS_WINDOW), end)
    if controls is not None and controls.start() > start:
        end = controls.start()
    index = end - 1
    while index > start and text[index] in _CLOSERS and end - index < 10:
        index -= 1
    return text[index]


def _physical_lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """Non-blank lines as trimmed ranges, each with whether a blank line precedes it."""
    previous_end = 0
    for match in _PHYSICAL_LINE.finditer(text):
        start, end = _trimmed(text, match.start(), match.end())
        if start == end:
            continue
        breaks = len(_LINE_BREAK.findall(text, previous_end, start))
        yield start, end, breaks >= 2
        previous_end = end


def _continues(text: str, previous: _Line, start: int) -> bool:
    """True when a line is the hard-wrapped rest of the previous line's sentence."""
    if _MARKDOWN_HEADING.match(text, previous.start, previous.end):
        return False
    if _last_meaningful(text, previous.start, previous.end) in _TERMINAL:
        return False
    return text[start].islower()


def _logical_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for start, end, after_blank in _physical_lines(text):
        if lines and not after_blank and _continues(text, lines[-1], start):
            lines[-1] = _Line(lines[-1].start, end, True)
        else:
            lines.append(_Line(start, end, False))
    return lines


def _skip_space(text: str, pos: int, end: int) -> int:
    match = _SPACE_RUN.match(text, pos, end)
    return match.end() if match else pos


def _datelines(text: str, pos: int, end: int, pieces: list[_Piece]) -> int:
    """Record the datelines that open a line; returns where the rest starts."""
    match = _DATE_LINE.match(text, pos, end)
    if match:
        pieces.append(_Piece(pos, match.end(), SegmentKind.DATELINE))
        pos = _skip_space(text, match.end(), end)
    for pattern in (_OUTLET_DATELINE, _CITY_DATELINE, _CAPS_DATELINE):
        match = pattern.match(text, pos, end)
        if match:
            pieces.append(_Piece(pos, match.end(), SegmentKind.DATELINE))
            return _skip_space(text, match.end(), end)
    return pos


def _photo_credit_start(text: str, pos: int, end: int) -> int | None:
    """Where a photo credit that runs to the end of the line starts, if there is one."""
    start = max(pos, end - _CREDIT_WINDOW)
    window = text[start:end]
    if not any(word in window for word in _PHOTO_CREDIT_WORDS):
        return None
    for match in _PHOTO_CREDIT.finditer(text, start, end):
        if not _INNER_SENTENCE_BREAK.search(text, match.start(), end):
            return match.start()
    return None


def _is_credit_text(chunk: str) -> bool:
    if len(chunk) > _MAX_CREDIT_CHARS:
        return False
    return bool(_CREDIT_OPENING.match(chunk) or _CREDIT_ANYWHERE.search(chunk) or _BYLINE.fullmatch(chunk))


def _is_heading(text: str, start: int, end: int) -> bool:
    """A short line without closing punctuation: a title or a section heading."""
    if end - start <= _MAX_MARKDOWN_HEADING_CHARS and _MARKDOWN_HEADING.match(text, start, end):
        return True
    if end - start > _MAX_HEADING_CHARS:
        return False
    chunk = text[start:end]
    if len(chunk.split()) > _MAX_HEADING_WORDS or not any(c.isalpha() for c in chunk):
        return False
    return _last_meaningful(text, start, end) not in _TERMINAL + ","


def _starts_sentence(char: str) -> bool:
    return bool(char) and (char.isupper() or char.istitle() or char.isdigit() or char in _OPENERS)


def _first_read_char(text: str, pos: int, end: int) -> str:
    """The character at ``pos``, or the first one after the control characters there."""
    controls = _CONTROLS_AHEAD.match(text, pos, end)
    if controls is None:
        return text[pos]
    return text[controls.end()] if controls.end() < end else ""


def _next_word(text: str, pos: int, end: int) -> str:
    match = _NEXT_WORD.search(text, pos, min(end, pos + 24))
    return match.group().lower() if match else ""


def _is_abbreviation(text: str, sentence_start: int, dot: int, after: int, end: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation, not the sentence."""
    window_start = max(sentence_start, dot - 30)
    window = text[window_start:dot]
    if not window or window[-1].isspace():
        return False
    parts = window.rsplit(None, 1)
    if len(parts) == 1 and window_start > sentence_start:
        return False  # a 30-character "word" is no abbreviation
    token = parts[-1].lstrip(_OPENERS)
    if not token:
        return False
    key = token.lower() + "."
    if key in _ABBREVIATIONS:
        return True
    if key in _BEFORE_NUMBER and text[after].isdigit():
        return True
    if key in _AMBIGUOUS or _DOTTED_ACRONYM.fullmatch(token):
        return _next_word(text, after, end) not in _SENTENCE_OPENERS
    if len(token) == 1 and token.isupper():
        return True  # an initial: "J. Smith"
    if token.isdigit() and len(token) <= 2 and _next_word(text, after, end) in _MONTHS:
        return True  # "21. Mars"
    return token.isdigit() and len(token) <= 3 and dot - len(token) == sentence_start


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence ranges covering the trimmed range ``[start, end)`` but for the spaces between."""
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        after = match.end()
        if match.group("cjk") is not None:
            cut = match.end("cjk")
        else:
            if after >= end or not _starts_sentence(_first_read_char(text, after, end)):
                continue
            if match.group("end") == "." and _is_abbreviation(text, sentence_start, match.start(), after, end):
                continue
            cut = match.start("ws")
        if after >= end:
            break
        yield sentence_start, cut
        sentence_start = after
    yield sentence_start, end


def _split_line(text: str, line: _Line, index: int, photo_words: bool) -> list[_Piece]:
    """The pieces of one logical line; ``photo_words`` is False when the whole text
    holds none of the words a photo credit needs, so no line is checked for one."""
    pieces: list[_Piece] = []
    pos, end = line.start, line.end
    if index < _DATELINE_LINES:
        pos = _datelines(text, pos, end, pieces)
    elif _DATE_LINE.fullmatch(text, pos, end):
        return [_Piece(pos, end, SegmentKind.DATELINE)]
    if pos >= end:
        return pieces
    credit = _photo_credit_start(text, pos, end) if photo_words else None
    if credit is not None:
        caption_start, caption_end = _trimmed(text, pos, credit)
        if caption_start < caption_end:
            for start, stop in _sentences(text, caption_start, caption_end):
                pieces.append(_Piece(start, stop, SegmentKind.SENTENCE, caption=True))
        pieces.append(_Piece(credit, end, SegmentKind.CREDIT))
        return pieces
    if end - pos <= _MAX_CREDIT_CHARS and _is_credit_text(text[pos:end]):
        pieces.append(_Piece(pos, end, SegmentKind.CREDIT))
        return pieces
    if not pieces and not line.wrapped and _is_heading(text, pos, end):
        pieces.append(_Piece(pos, end, SegmentKind.HEADING))
        return pieces
    for start, stop in _sentences(text, pos, end):
        credit_sentence = stop - start <= _MAX_CREDIT_CHARS and _is_credit_text(text[start:stop])
        pieces.append(_Piece(start, stop, SegmentKind.CREDIT if credit_sentence else SegmentKind.SENTENCE))
    return pieces


def split_segments(text: str) -> list[Segment]:
    """Cut ``text`` into segments that cover it exactly, in order.

    Each non-blank line (or hard-wrapped run of lines) is its own paragraph, so both
    blank-line and one-paragraph-per-line articles number paragraphs as a reader
    sees them. Whitespace between segments is a ``SPACE`` segment that belongs to
    the paragraph before it.
    """
    segments: list[Segment] = []
    covered = 0
    paragraph = 0
    sentence_index = 0
    photo_words = any(word in text for word in _PHOTO_CREDIT_WORDS)
    for paragraph, line in enumerate(_logical_lines(text)):
        for piece in _split_line(text, line, paragraph, photo_words):
            if piece.start > covered:
                owner = max(paragraph - 1, 0) if piece.start == line.start else paragraph
                segments.append(Segment(covered, piece.start, SegmentKind.SPACE, owner))
            index = None
            if piece.kind is SegmentKind.SENTENCE:
                index = sentence_index
                sentence_index += 1
            segments.append(Segment(piece.start, piece.end, piece.kind, paragraph, index, piece.caption))
            covered = piece.end
    if covered < len(text):
        segments.append(Segment(covered, len(text), SegmentKind.SPACE, paragraph))
    return segments
