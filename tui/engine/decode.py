"""Turn the raw bytes of a file into article text, or say why they are not text.

Readers save news from many places: UTF-8 with or without a byte-order mark, UTF-16
from Windows editors, and old Norwegian files in Windows-1252. The decoder picks the
encoding the bytes actually use, repairs what it must, and records every repair as a
note so the reader can say what was assumed. It raises only ``NotText``.
"""

from __future__ import annotations

import codecs
import re

from tui.i18n import N_, _

__all__ = ["NotText", "decode_bytes"]


class NotText(ValueError):
    """The bytes are not an article: binary content or an empty file."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", N_("PNG image")),
    (b"\xff\xd8\xff", N_("JPEG image")),
    (b"GIF87a", N_("GIF image")),
    (b"GIF89a", N_("GIF image")),
    (b"%PDF-", N_("PDF document")),
    (b"PK\x03\x04", N_("ZIP archive (or Word/OpenDocument file)")),
    (b"PK\x05\x06", N_("ZIP archive")),
    (b"\x1f\x8b", N_("gzip archive")),
    (b"BZh", N_("bzip2 archive")),
    (b"\xfd7zXZ\x00", N_("xz archive")),
    (b"7z\xbc\xaf\x27\x1c", N_("7-Zip archive")),
    (b"\x28\xb5\x2f\xfd", N_("zstd archive")),
    (b"Rar!\x1a\x07", N_("RAR archive")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("old Microsoft Office document")),
    (b"\x7fELF", N_("program")),
    (b"MZ", N_("Windows program")),
    (b"SQLite format 3\x00", N_("SQLite database")),
    (b"OggS", N_("Ogg audio")),
    (b"fLaC", N_("FLAC audio")),
    (b"ID3", N_("MP3 audio")),
    (b"\x00\x00\x01\x00", N_("icon image")),
    (b"\x00asm", N_("WebAssembly program")),
    (b"\xca\xfe\xba\xbe", N_("Java class file")),
)

#: Control characters that never appear in prose (tab, line breaks and form feed do).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
#: A control character share above this means the bytes are binary.
_MAX_CONTROL_SHARE = 0.05
#: A replacement character share above this means no text encoding fits the bytes.
_MAX_REPLACEMENT_SHARE = 0.25
_VALID_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_NORWEGIAN_LETTERS = frozenset("æøåÆØÅ")
#: Characters a Windows-1252 news text plausibly contains above ASCII.
_PLAUSIBLE_CP1252 = frozenset(
    "æøåÆØÅéèêëÉÈÊöÖäÄüÜóÓòôÔáàâÁÀíìîÍïñÑçÇßúùûÚ"
    "«»“”„‘’‚–—…•€£§°½¼¾±·´¨\u00a0"
)
#: In Western European text most letters are ASCII; a text whose letters are mostly
#: above it is in another code page (Cyrillic in Windows-1251 also reads as
#: "Ïóòèí" in cp1252, with an "å" or two among them).
_MAX_HIGH_SHARE = 0.3
_LINE_ENDINGS = re.compile("\r\n?")


def _magic_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC_NUMBERS:
        if data.startswith(magic):
            if magic == b"MZ" and b"PE\x00\x00" not in data[:1024]:
                continue  # "MZ" alone may start a plain text
            if magic == b"BZh" and not data[3:4].isdigit():
                continue
            if magic == b"ID3" and not (len(data) > 5 and data[3] < 10 and data[4] < 10):
                continue
            return kind
    return None


def _looks_like_bomless_utf16(data: bytes) -> str | None:
    """The codec name when every other byte is NUL, as in UTF-16 saved without a BOM."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls >= 0.9 * half and even_nuls <= 0.1 * half:
        return "utf-16-le"
    if even_nuls >= 0.9 * half and odd_nuls <= 0.1 * half:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, codec: str, notes: list[str]) -> tuple[str, bool]:
    try:
        return data.decode(codec), False
    except UnicodeDecodeError:
        notes.append(_("invalid UTF-16 bytes replaced"))
        return data.decode(codec, errors="replace"), True


def _looks_like_cp1252(data: bytes) -> bool:
    """True when the non-ASCII bytes read as Norwegian or other Western European
    letters and punctuation in Windows-1252 (of which Latin-1 is nearly a subset).

    Text that is mostly valid UTF-8 with a few broken bytes is not cp1252: decoding it
    so would garble every correct letter.
    """
    sequences = _VALID_UTF8_MULTIBYTE.findall(data)
    stray_high_bytes = len(_HIGH_BYTE.findall(data)) - sum(len(s) for s in sequences)
    if len(sequences) > stray_high_bytes:
        return False
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = [c for c in text if ord(c) > 127]
    if not high or len(high) > _MAX_HIGH_SHARE * sum(c.isalpha() for c in text):
        return False
    plausible = sum(1 for c in high if c in _PLAUSIBLE_CP1252)
    if _NORWEGIAN_LETTERS.intersection(high):
        return plausible >= 0.8 * len(high)
    # Latin-1 English, German or French ("Café", "Müller") with no æøå: every
    # character must be one such text uses, or another 8-bit code page would pass.
    return plausible == len(high)


def _decode(data: bytes, notes: list[str]) -> tuple[str, str, bool]:
    """``(text, encoding, replaced)``: ``replaced`` when undecodable bytes became U+FFFD."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig", False
        except UnicodeDecodeError:
            notes.append(_("invalid UTF-8 bytes replaced"))
            return data.decode("utf-8-sig", errors="replace"), "utf-8-sig", True
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, replaced = _decode_utf16(data, "utf-16", notes)
        return text, "utf-16", replaced
    bomless = _looks_like_bomless_utf16(data)
    if bomless is not None:
        notes.append(_("UTF-16 without byte-order mark assumed"))
        text, replaced = _decode_utf16(data, bomless, notes)
        return text, "utf-16", replaced
    if b"\x00" in data:
        raise NotText(_("binary content (NUL bytes)"))
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    if _looks_like_cp1252(data):
        notes.append(_("not UTF-8: read as Windows-1252 (cp1252)"))
        return data.decode("cp1252"), "cp1252", False
    notes.append(_("invalid UTF-8 bytes replaced"))
    return data.decode("utf-8", errors="replace"), "utf-8", True


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode a file's bytes into ``(text, encoding name, notes)``.

    Line endings come back as ``\\n``. Raises ``NotText`` for binary content and for
    empty or whitespace-only files, and never raises anything else.
    """
    kind = _magic_kind(data)
    if kind is not None:
        raise NotText(_("binary content ({kind})").format(kind=_(kind)))
    notes: list[str] = []
    text, encoding, replaced = _decode(data, notes)
    if not text.strip():
        raise NotText(_("empty file"))
    controls = len(text) - len(_CONTROL.sub("", text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise NotText(_("binary content (control characters)"))
    if replaced and text.count("\ufffd") > _MAX_REPLACEMENT_SHARE * len(text):
        raise NotText(_("binary content (not text in any known encoding)"))
    if "\r" in text:
        text = _LINE_ENDINGS.sub("\n", text)
        notes.append(_("line endings converted to LF"))
    return text, encoding, notes
