"""What each article says about itself: title, outlet, date, language, length."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.engine.languages import detect_language, language_name
from tui.engine.metadata import derive_metadata, shorten_title
from tui.engine.segment import split_segments
from tui.engine.seeds import seed_paths


def _seed(prefix: str) -> str:
    (path,) = [p for p in seed_paths() if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


def _metadata(text: str):
    return derive_metadata(text, split_segments(text))


@pytest.mark.parametrize(
    ("prefix", "title", "outlet", "date"),
    [
        ("000", "Kina skal få hjelp til å erstatte vestlige selskaper som har forlatt Russland…", None, None),
        ("001", "Russian President Vladimir Putin and Chinese counterpart Xi Jinping on Tuesday…", None, None),
        ("002", "Vladimir Putin has thanked Xi Jinping for China’s initiatives to resolve the…", None, None),
        ("003", "Chinese leader Xi Jinping arrived at the Kremlin on Tuesday for formal talks…", "AFP", None),
        ("004", "Xi Jinping and Vladimir Putin posed as peace brokers during a summit visit to…", "CNN", dt.date(2023, 3, 21)),
    ],
)
def test_seed_metadata_is_what_the_text_states(prefix: str, title: str, outlet: str | None, date: dt.date | None) -> None:
    metadata = _metadata(_seed(prefix))
    assert (metadata.title, metadata.outlet, metadata.date) == (title, outlet, date)
    assert len(metadata.title) <= 80


def test_contributor_credit_is_not_taken_as_the_outlet() -> None:
    text = _seed("001")
    assert "came from Reuters" in text
    assert _metadata(text).outlet is None


def test_photo_agency_is_not_taken_as_the_outlet() -> None:
    text = _seed("000")
    assert "Foto: Dmitry Astakhov / AP" in text
    assert _metadata(text).outlet is None


def test_dates_inside_sentences_are_not_the_article_date() -> None:
    text = _seed("004")
    assert "March 20, 2023" in text  # a caption's date, not the article's
    body_only = text.replace("date 2023-03-21 (CNN) ", "")
    assert _metadata(body_only).date is None
    assert _metadata("Putin met Xi on 21 March 2023 in Moscow. They talked.").date is None


@pytest.mark.parametrize(
    ("text", "date", "outlet"),
    [
        ("date: 2024-05-16\nPutin met Xi in Beijing.", dt.date(2024, 5, 16), None),
        ("WASHINGTON, March 21, 2023 (Reuters) - The talks ended.", dt.date(2023, 3, 21), "Reuters"),
        ("OSLO (NTB): Regjeringen la fram budsjettet.", None, "NTB"),
        ("date 2023-02-30 (CNN) An impossible date is no date.", None, "CNN"),
    ],
)
def test_datelines_give_date_and_outlet(text: str, date: dt.date | None, outlet: str | None) -> None:
    metadata = _metadata(text)
    assert (metadata.date, metadata.outlet) == (date, outlet)


def test_heading_on_the_first_line_is_the_title() -> None:
    text = "Xi og Putin møttes i Moskva\n\nKina skal få hjelp, sa Putin. Det var tirsdag."
    assert _metadata(text).title == "Xi og Putin møttes i Moskva"
    assert _metadata("# Xi visits Moscow\n\nThe talks began.").title == "Xi visits Moscow"


def test_short_first_sentence_is_kept_whole() -> None:
    assert _metadata("Putin met Xi. They talked for hours about many things.").title == "Putin met Xi."


def test_shorten_title_cuts_at_a_word_with_an_ellipsis() -> None:
    title = shorten_title("word " * 40)
    assert title.endswith("…") and len(title) <= 80 and "  " not in title
    assert shorten_title("Short\n title") == "Short title"


def test_word_count_counts_prose_not_credits_or_datelines() -> None:
    assert _metadata("date 2023-03-21 (CNN) Xi met Putin in Moscow.\n\nFoto: NTB / AP").word_count == 5
    assert _metadata(_seed("003")).word_count == pytest.approx(len(_seed("003").split()) - 3, abs=5)


@pytest.mark.parametrize(("prefix", "language"), [("000", "nb"), ("001", "en"), ("002", "en"), ("003", "en"), ("004", "en")])
def test_seed_languages(prefix: str, language: str) -> None:
    assert detect_language(_seed(prefix)) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Eg er ikkje sikker på kva vi skal gjere i morgon, men det blir fint.", "nn"),
        ("Jag är inte säker på vad vi ska göra i morgon, men det blir bra.", "sv"),
        ("Ich bin nicht sicher, was wir morgen machen sollen, aber es wird gut.", "de"),
    ],
)
def test_neighbouring_languages_are_told_apart(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "Putin", "Xi Jinping", "Putin og Xi", "12 345 6789", "Kishida in Kyiv"])
def test_too_little_text_gives_no_language(text: str) -> None:
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("code", "ui_locale", "name"),
    [
        ("nb", "nb", "norsk bokmål"),
        ("nb", "en", "Norwegian Bokmål"),
        ("en", "nb", "engelsk"),
        ("en", "en_GB", "English"),
        ("nn", "nb-NO", "norsk nynorsk"),
        (None, "nb", "ukjent"),
        (None, "en", "unknown"),
        ("xx", "en", "xx"),
        ("de", "not a locale", "German"),
    ],
)
def test_language_names_in_the_users_language(code: str | None, ui_locale: str, name: str) -> None:
    assert language_name(code, ui_locale) == name
