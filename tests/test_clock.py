"""Times of day read to comparable keys in Norwegian and English."""

from __future__ import annotations

import pytest

from tui.engine.clock import ClockMention, find_times, time_keys
from tui.engine.features import Kind, sentence_features


def times(text: str, lang: str) -> list[tuple[str, int, int]]:
    return [(m.text, *divmod(m.minutes, 60)) for m in find_times(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("Flyet landet klokken 22.57 søndag.", "nb", [("klokken 22.57", 22, 57)]),
        ("Den første meldingen kom kl. 18.13.", "nb", [("kl. 18.13", 18, 13)]),
        ("Raset gikk like før klokken fire.", "nb", [("klokken fire", 4, 0)]),
        ("Han ble hentet i halv fem-tiden.", "nb", [("halv fem-tiden", 4, 30)]),
        ("Situasjonen var stabil ved 19-tiden.", "nb", [("19-tiden", 19, 0)]),
        ("Politiet kom fram ca. kl 0130.", "nb", [("kl 0130", 1, 30)]),
        ("Meldingen kom klokken 2315, sier vaktleder.", "nb", [("klokken 2315", 23, 15)]),
        ("It landed shortly before 11pm on Sunday.", "en", [("11pm", 23, 0)]),
        ("Police were called at 6.30 p.m.", "en", [("6.30 p.m.", 18, 30)]),
        ("The vote closed at 10:45 a.m. local time.", "en", [("10:45 a.m.", 10, 45)]),
        ("The deadline passed at 18:45 GMT.", "en", [("at 18:45", 18, 45)]),
        ("The ban ends at midnight.", "en", [("midnight", 0, 0)]),
    ],
)
def test_times_of_day_in_both_languages(text: str, lang: str, found: list[tuple[str, int, int]]) -> None:
    assert times(text, lang) == found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ruud ledet 3-1 i andre sett.", "nb"),
        ("Prisen steg 4,5 prosent.", "nb"),
        ("Det var kl 2460 poeng.", "nb"),
        ("Nadal won 6-3, 6-3, 6-0.", "en"),
        ("Inflation was 4.5 per cent.", "en"),
        ("He ran 3:45.12 in the heat.", "en"),
    ],
)
def test_scores_figures_and_race_times_are_no_times_of_day(text: str, lang: str) -> None:
    assert find_times(text, lang) == []


def test_a_time_meets_the_same_moment_rounded_and_a_worded_time_both_halves_of_the_day() -> None:
    minute = time_keys(find_times("klokken 22.57", "nb")[0])
    hour = time_keys(find_times("before 11pm", "en")[0])
    assert minute & hour and all(key.startswith("~") for key in minute & hour)
    assert time_keys(find_times("klokken 05.18", "nb")[0]) & time_keys(find_times("at 5 a.m.", "en")[0])
    worded = time_keys(ClockMention(0, 0, "klokken fire", 4 * 60, twelve_hour=True))
    assert {"clock:04:00", "clock:16:00"} <= worded
    # "ved 16-tiden" gives the hour only: it has no exact key to claim.
    assert not any(key.startswith("clock:") for key in time_keys(find_times("ved 16-tiden", "nb")[0]))


def test_a_time_of_day_is_a_date_term_not_a_number() -> None:
    terms = sentence_features("Police were called at 6.30pm on Sunday.", "en").terms
    assert [(t.kind, t.surface) for t in terms if t.kind in (Kind.DATE, Kind.NUMBER)] == [
        (Kind.DATE, "6.30pm"),
        (Kind.DATE, "Sunday"),
    ]


def test_a_four_digit_norwegian_time_meets_the_english_clock_not_a_number() -> None:
    terms = sentence_features("Politiet kom fram kl 0130 i natt.", "nb").terms
    assert [t.kind for t in terms if t.surface == "kl 0130"] == [Kind.DATE]
    assert not any(t.kind == Kind.NUMBER for t in terms)
    english = time_keys(find_times("Police arrived at 1:30 a.m. Saturday.", "en")[0])
    assert "clock:01:30" in time_keys(find_times("kl 0130", "nb")[0]) & english
