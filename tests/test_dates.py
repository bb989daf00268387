"""Dates, months, years and weekdays read to the same keys in every language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tui.engine.dates import coarser_keys, find_dates

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_line(prefix: str, fragment: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    (line,) = [line for line in path.read_text(encoding="utf-8").splitlines() if fragment in line]
    return line


def keys(text: str, lang: str, reference: dt.date | None = None) -> list[str]:
    return [mention.key for mention in find_dates(text, lang, reference)]


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        ("21. mars 2023", "nb", "date:2023-03-21"),
        ("March 21, 2023", "en", "date:2023-03-21"),
        ("21 March 2023", "en", "date:2023-03-21"),
        ("den 21 mars 2023", "sv", "date:2023-03-21"),
        ("am 21. März 2023", "de", "date:2023-03-21"),
        ("2023-03-21", "en", "date:2023-03-21"),
        ("21.03.2023", "nb", "date:2023-03-21"),
        ("5. sep. 2024", "nb", "date:2024-09-05"),
        ("Sept 5, 2024", "en", "date:2024-09-05"),
        ("mars 2023", "nb", "month:2023-03"),
        ("in March 2023", "en", "month:2023-03"),
        ("21. mars", "nb", "date:--03-21"),
        ("on the 21st of March", "en", "date:--03-21"),
        ("i mars", "nb", "month:3"),
        ("tirsdag", "nb", "weekday:2"),
        ("on Tuesday", "en", "weekday:2"),
        ("tirsdagens møte", "nb", "weekday:2"),
        ("Tuesday’s dinner", "en", "weekday:2"),
        ("Mandag hadde de", "nb", "weekday:1"),
        ("på søndag", "nn", "weekday:7"),
        ("am Freitag", "de", "weekday:5"),
        ("i 1949", "nb", "year:1949"),
        ("in early 2022", "en", "year:2022"),
        ("i går", "nb", "relative:day-1"),
        ("yesterday", "en", "relative:day-1"),
        ("i fjor", "nb", "relative:year-1"),
        ("last year", "en", "relative:year-1"),
    ],
)
def test_dates_read_to_language_independent_keys(text: str, lang: str, key: str) -> None:
    assert keys(text, lang) == [key]


def test_invalid_or_ambiguous_dates_are_not_invented() -> None:
    assert keys("31. februar", "nb") == ["month:2"]
    assert keys("we may meet", "en") == []
    assert keys("2000 dollar", "nb") == []


def test_reference_date_resolves_yearless_and_relative_dates() -> None:
    published = dt.date(2023, 3, 22)
    mentions = find_dates("Putin sa i går at møtet 21. mars var viktig.", "nb", published)
    assert [(m.key, m.date) for m in mentions] == [
        ("date:2023-03-21", dt.date(2023, 3, 21)),
        ("date:2023-03-21", dt.date(2023, 3, 21)),
    ]
    assert keys("last year", "en", published) == ["year:2022"]
    assert keys("forrige måned", "nb", dt.date(2023, 1, 10)) == ["month:2022-12"]


def test_seed_articles_date_the_same_meeting() -> None:
    caption_en = seed_line("004", "Russian Prime Minister Mikhail Mishustin meets")
    assert "date:2023-03-21" in keys(caption_en, "en")
    norwegian = seed_line("000", "Kinas president Xi Jinping har hatt samtaler")
    english = seed_line("004", "Xi invited Russian Prime Minister")
    assert "weekday:2" in set(keys(norwegian, "nb")) & set(keys(english, "en"))
    nb_trade = seed_line("000", "200 milliarder dollar")
    assert {"relative:year+0", "relative:year-1"} <= set(keys(nb_trade, "nb"))


def test_made_up_sentences_on_another_event() -> None:
    norwegian = "Stortinget vedtok budsjettet torsdag 5. desember 2024, ett år etter valget i 2023."
    english = "Parliament passed the budget on Thursday, December 5, 2024, a year after the 2023 election."
    assert keys(norwegian, "nb") == keys(english, "en") == [
        "weekday:4",
        "date:2024-12-05",
        "year:2023",
    ]


def test_spans_point_at_the_mention() -> None:
    text = "Møtet fant sted tirsdag 21. mars 2023 i Moskva."
    for mention in find_dates(text, "nb"):
        assert text[mention.start : mention.end] == mention.text


def test_coarser_keys_let_partial_dates_agree() -> None:
    assert coarser_keys("date:2023-03-21") == ["month:2023-03", "year:2023", "month:3"]
    assert coarser_keys("month:2023-03") == ["year:2023", "month:3"]
    assert coarser_keys("date:--03-21") == ["month:3"]
    assert coarser_keys("weekday:2") == []
