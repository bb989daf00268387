"""Decoding the bytes users actually save news in, and refusing what is not text."""

from __future__ import annotations

import codecs
import gzip
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.engine.decode import NotText, decode_bytes
from tui.engine.seeds import seed_paths

NORWEGIAN = "Kina skal få hjelp til å erstatte vestlige selskaper, sa Putin. «Økt gassalg» til Kina.\n"


def test_plain_utf8_seed_is_read_unchanged() -> None:
    path = seed_paths()[0]
    data = path.read_bytes()
    text, encoding, notes = decode_bytes(data)
    assert (text, encoding, notes) == (data.decode("utf-8"), "utf-8", [])


def test_utf8_with_bom_drops_the_mark() -> None:
    text, encoding, notes = decode_bytes(codecs.BOM_UTF8 + NORWEGIAN.encode("utf-8"))
    assert (text, encoding, notes) == (NORWEGIAN, "utf-8-sig", [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_in_both_byte_orders(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text, encoding, _notes = decode_bytes(bom + NORWEGIAN.encode(codec))
    assert (text, encoding) == (NORWEGIAN, "utf-16")


def test_utf16_without_bom_is_recognised_and_noted() -> None:
    text, encoding, notes = decode_bytes(NORWEGIAN.encode("utf-16-le"))
    assert (text, encoding) == (NORWEGIAN, "utf-16")
    assert notes and "byte-order mark" in notes[0]


def test_windows_1252_norwegian_is_read_as_cp1252_with_a_note() -> None:
    text, encoding, notes = decode_bytes(NORWEGIAN.encode("cp1252"))
    assert (text, encoding) == (NORWEGIAN, "cp1252")
    assert any("1252" in note for note in notes)


@pytest.mark.parametrize(
    "text",
    ["Café owners in Düsseldorf said the naïve plan cost €2 million.", "Der Bürgermeister von Köln äußerte sich."],
)
def test_latin1_text_without_norwegian_letters_is_read_as_cp1252(text: str) -> None:
    decoded, encoding, notes = decode_bytes(text.encode("cp1252"))
    assert (decoded, encoding) == (text, "cp1252")
    assert any("1252" in note for note in notes)


def test_another_code_page_is_not_misread_as_cp1252() -> None:
    """Russian in Windows-1251 is no Western text: reported as unreadable, not shown
    as "Ïóòèí âñòðåòèëñÿ" (it has an "å" or two, like Norwegian in cp1252)."""
    with pytest.raises(NotText, match="not text in any known encoding"):
        decode_bytes("Путин встретился с Си Цзиньпином в Москве.".encode("cp1251"))


def test_stray_bad_byte_in_utf8_is_replaced_not_misread_as_cp1252() -> None:
    data = NORWEGIAN.encode("utf-8") + b"Bad byte \xff here.\n"
    text, encoding, notes = decode_bytes(data)
    assert encoding == "utf-8"
    assert text.startswith(NORWEGIAN)  # the correct æøå were not garbled
    assert "\ufffd" in text
    assert notes == ["invalid UTF-8 bytes replaced"]


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings_become_newlines(ending: str) -> None:
    data = "First line.\n\nSecond line.\n".replace("\n", ending).encode("utf-8")
    text, _encoding, notes = decode_bytes(data)
    assert text == "First line.\n\nSecond line.\n"
    assert "line endings converted to LF" in notes


def _zip_bytes() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", NORWEGIAN)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG"),
        (b"\xff\xd8\xff\xe0" + b"JFIF text-like tail", "JPEG"),
        (b"GIF89a" + b"A" * 40, "GIF"),
        (b"%PDF-1.7\n%text that looks readable\n", "PDF"),
        (_zip_bytes(), "ZIP"),
        (gzip.compress(NORWEGIAN.encode()), "gzip"),
    ],
)
def test_known_binary_formats_are_refused_by_name(data: bytes, kind: str) -> None:
    with pytest.raises(NotText, match=kind):
        decode_bytes(data)


def test_nul_bytes_outside_utf16_mean_binary() -> None:
    with pytest.raises(NotText, match="NUL"):
        decode_bytes(b"Some text\x00\x00\x01 and more text that goes on for a while")


def test_many_control_characters_mean_binary() -> None:
    with pytest.raises(NotText, match="control"):
        decode_bytes(bytes(range(1, 32)) * 10 + b"a few letters")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty_and_blank_files_are_refused(data: bytes) -> None:
    with pytest.raises(NotText, match="empty file"):
        decode_bytes(data)


def test_not_text_is_a_value_error_with_a_reason() -> None:
    with pytest.raises(ValueError) as caught:
        decode_bytes(b"")
    assert isinstance(caught.value, NotText)
    assert caught.value.reason == "empty file"


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_raise_not_text(data: bytes) -> None:
    try:
        text, encoding, notes = decode_bytes(data)
    except NotText as error:
        assert error.reason
        return
    assert encoding in {"utf-8", "utf-8-sig", "utf-16", "cp1252"}
    assert text.strip() and "\r" not in text
    assert all(isinstance(note, str) for note in notes)


_PROSE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=500)
_TEXT_LIKE_MAGIC = ("%PDF-", "GIF87a", "GIF89a", "OggS", "fLaC", "BZh")


@settings(max_examples=200, deadline=None)
@given(_PROSE.filter(lambda t: t.strip() and not t.startswith("\ufeff")), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_real_text_round_trips_in_every_supported_encoding(text: str, codec: str) -> None:
    try:
        decoded, _encoding, _notes = decode_bytes(text.encode(codec))
    except NotText:
        assert codec == "utf-8" and text.startswith(_TEXT_LIKE_MAGIC)
        return
    assert decoded == text


def test_replacement_characters_written_in_the_file_are_text() -> None:
    """U+FFFD stored as valid UTF-8 is text; only bytes no encoding fits are refused."""
    assert decode_bytes("\ufffd".encode("utf-8"))[0] == "\ufffd"
    with pytest.raises(NotText, match="not text in any known encoding"):
        decode_bytes(b"\x81\x8d\xfd\x90\xc3" * 50 + b"ab")


def test_every_seed_decodes_as_utf8() -> None:
    for path in seed_paths():
        _text, encoding, notes = decode_bytes(Path(path).read_bytes())
        assert (encoding, notes) == ("utf-8", []), path.name
