"""Race times read to seconds, so that Norwegian and English reports of one time meet."""

from __future__ import annotations

import pytest

from tui.engine.candidates import idf_weights, term_weights
from tui.engine.durations import DURATION_UNIT, find_durations
from tui.engine.features import Kind, sentence_features
from tui.engine.scoring import score_pair, term_index


def durations(text: str, lang: str) -> list[tuple[str, float]]:
    return [(m.text, m.seconds) for m in find_durations(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("Ingebrigtsen vant på 3.28,32.", "nb", [("3.28,32", 208.32)]),
        ("Vinnertiden ble 3,28,32.", "nb", [("3,28,32", 208.32)]),
        ("Hun gikk 2:03,45 på 1000 meter.", "nb", [("2:03,45", 123.45)]),
        ("Han brukte 1.02.33,4 på femmila.", "nb", [("1.02.33,4", 3753.4)]),
        ("Maratonvinneren løp inn på 2:08:38.", "nb", [("2:08:38", 7718.0)]),
        ("He set a Games record of 3:28.32.", "en", [("3:28.32", 208.32)]),
        ("Kerr took bronze in 3:29.05 and Cheruiyot silver.", "en", [("3:29.05", 209.05)]),
        ("She won the marathon in 2:18:34.", "en", [("2:18:34", 8314.0)]),
        ("The winner needed 1:02:33.4 for the 50 km.", "en", [("1:02:33.4", 3753.4)]),
        # Spelt out with unit abbreviations, as agencies write them.
        ("setting a new Games record of 3min 28.32sec — and", "en", [("3min 28.32sec", 208.32)]),
        ("She won in 2hr 18min 34sec.", "en", [("2hr 18min 34sec", 8314.0)]),
        ("Han løp på 3 min 28,32 sek.", "nb", [("3 min 28,32 sek", 208.32)]),
        ("Vinneren brukte 2 t 8 min 38 sek.", "nb", [("2 t 8 min 38 sek", 7718.0)]),
        # Norwegian sports pages also write the English form.
        ("Han løp i mål på tiden 3:29.23, mens nummer to klokket inn på 3:29.47.", "nb",
         [("3:29.23", 209.23), ("3:29.47", 209.47)]),
        # Minutes as a word, then seconds with hundredths.
        ("His winning time of 3 minutes, 29.23 was the fastest this year.", "en", [("3 minutes, 29.23", 209.23)]),
        ("in one race, 1 minute, 40.25 seconds", "en", [("1 minute, 40.25 seconds", 100.25)]),
        ("Han løp på 3 minutter og 29,23 sekunder.", "nb", [("3 minutter og 29,23 sekunder", 209.23)]),
    ],
)
def test_race_times_in_both_languages(text: str, lang: str, found: list[tuple[str, float]]) -> None:
    assert durations(text, lang) == found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Møtet startet kl. 15.30 mandag.", "nb"),
        ("Avtalen ble signert 28.10.21 i Oslo.", "nb"),
        ("Prisen steg 4,5 prosent til 1.500,50 kroner.", "nb"),
        ("Vi ses 3.10.2021.", "nb"),
        ("The vote closed at 10:45 a.m.", "en"),
        ("Inflation was 4.5 per cent, up from 3.2.", "en"),
        ("The score was 3:1 after 90 minutes.", "en"),
        ("The train left at 3:28.", "en"),
        ("The wall is 10 m high and 3 min away.", "en"),
        ("Det tok 20 min å gå 3 km.", "nb"),
        ("Møtet startet kl. 15:30. 23 personer kom.", "nb"),
        ("It took 3 minutes, 29 people were there.", "en"),
        ("Over 3 minutes, 29.5 percent answered.", "en"),
    ],
)
def test_dates_times_and_decimals_are_not_race_times(text: str, lang: str) -> None:
    assert durations(text, lang) == []


def test_a_race_time_is_one_number_not_two() -> None:
    """Before, "3.28,32" was read as the numbers 3 and 28.32, and "3:28.32" not at all."""
    numbers = [t for t in sentence_features("Ingebrigtsen vant på 3.28,32.", "nb").terms if t.kind == Kind.NUMBER]
    assert [(t.surface, t.value, t.unit) for t in numbers] == [("3.28,32", 208.32, DURATION_UNIT)]


def test_the_same_time_matches_across_languages_and_another_time_disagrees() -> None:
    nb = sentence_features("Ingebrigtsen vant finalen på 3.28,32.", "nb")
    en = sentence_features("Ingebrigtsen won the final in 3:28.32.", "en")
    other = sentence_features("Ingebrigtsen won the final in 3:29.05.", "en")
    idf = idf_weights([[nb, en, other]])
    weights = [term_weights(s, idf) for s in (nb, en, other)]
    same = score_pair(nb, en, weights[0], weights[1], term_index(nb), term_index(en))
    different = score_pair(nb, other, weights[0], weights[2], term_index(nb), term_index(other))
    assert same.raw > different.raw
    assert not same.disagreements
    assert different.disagreements == [(Kind.NUMBER, "3.28,32", "3:29.05")]


def test_a_time_with_units_meets_the_same_time_written_as_a_clock() -> None:
    """Before, "3min 28.32sec" was the numbers 3 and 28.32 (no unit): no match for
    NTB's "3.28,32"."""
    nb = sentence_features("Vinnertiden ble 3.28,32.", "nb")
    en = sentence_features("He set a Games record of 3min 28.32sec.", "en")
    idf = idf_weights([[nb, en]])
    pair = score_pair(nb, en, term_weights(nb, idf), term_weights(en, idf), term_index(nb), term_index(en))
    assert [(nb.terms[i].surface, en.terms[j].surface) for i, j, _ in pair.matches if nb.terms[i].kind == Kind.NUMBER] == [
        ("3.28,32", "3min 28.32sec")
    ]
