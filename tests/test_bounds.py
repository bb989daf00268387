"""Hedged figures ("over 300", "nesten 3 prosent") meet the exact figures they bound."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.engine import bounds
from tui.engine.features import sentence_features
from tui.engine.loader import load_paths
from tui.engine.matcher import build_index
from tui.engine.scoring import APPROX_CREDIT, score_pair


def credits(a: str, a_lang: str, b: str, b_lang: str) -> tuple[dict[tuple[str, str], float], list]:
    """(source surface, target surface) -> credit of every matched pair, and the
    disagreements, with every term weighing the same."""
    x, y = sentence_features(a, a_lang), sentence_features(b, b_lang)
    pair = score_pair(x, y, [1.0] * len(x.terms), [1.0] * len(y.terms))
    return {(x.terms[i].surface, y.terms[j].surface): sim for i, j, sim in pair.matches}, pair.disagreements


@pytest.mark.parametrize(
    ("text", "lang", "hedge"),
    [
        ("Over 300 reindeer died.", "en", bounds.AT_LEAST),
        ("More than 700 were killed.", "en", bounds.AT_LEAST),
        ("Nearly 5,000 were hurt.", "en", bounds.AT_MOST),
        ("Some 4 million people live there.", "en", bounds.ABOUT),
        ("Mer enn 700 er meldt døde.", "nb", bounds.AT_LEAST),
        ("Aksjen falt nesten 3 prosent.", "nb", bounds.AT_MOST),
        ("Det koster om lag 20 millioner kroner.", "nb", bounds.ABOUT),
        ("Over 300 dyr ble drept.", "nb", bounds.AT_LEAST),
        ("He was 300 metres away.", "en", None),
        ("Bussen hadde 30 passasjerer.", "nb", None),
    ],
)
def test_the_word_before_a_figure_says_what_it_bounds(text: str, lang: str, hedge: str | None) -> None:
    start = next(i for i, c in enumerate(text) if c.isdigit())
    assert bounds.hedge_before(text, start, lang) == hedge


def test_an_exact_figure_fits_the_bounds_it_rounds_to() -> None:
    keys = bounds.fitting_keys(323)
    assert {"~b:>300", "~b:>320", "~b:<400", "~b:<330", "~b:=300", "~b:=320"} == keys
    assert "~b:=400" in bounds.fitting_keys(350) and "~b:>300" in bounds.fitting_keys(350)


def test_a_hedged_count_meets_the_exact_count_it_bounds() -> None:
    matched, disagreements = credits("323 villrein ble drept.", "nb", "Over 300 reindeer were killed.", "en")
    assert matched[("323", "300")] == APPROX_CREDIT
    assert disagreements == []
    matched, _ = credits("Over 300 reindeer were killed.", "en", "323 villrein ble drept.", "nb")
    assert matched[("300", "323")] == APPROX_CREDIT


def test_a_hedged_figure_does_not_meet_one_outside_its_bound() -> None:
    """"over 300" is no 250 and no 420; "nearly 5,000" is no 5,300."""
    assert ("250", "300") not in credits("250 villrein ble drept.", "nb", "Over 300 reindeer were killed.", "en")[0]
    assert ("420", "300") not in credits("420 villrein ble drept.", "nb", "Over 300 reindeer were killed.", "en")[0]
    assert ("5300", "5,000") not in credits("5300 ble skadet.", "nb", "Nearly 5,000 were hurt.", "en")[0]


def test_two_exact_figures_never_meet_through_the_bounds_they_fit() -> None:
    """323 and 345 both fit "over 300", but neither says "over 300"."""
    matched, _ = credits("323 villrein ble drept.", "nb", "345 reindeer were killed.", "en")
    assert ("323", "345") not in matched


def test_nearly_three_percent_agrees_with_two_point_nine() -> None:
    """Before, "nesten 3 prosent" and "2.9%" were flagged as a disagreeing number."""
    matched, disagreements = credits("Aksjen falt nesten 3 prosent.", "nb", "The shares were down 2.9%.", "en")
    assert matched[("3 prosent", "2.9%")] == APPROX_CREDIT
    assert disagreements == []


def test_a_hedged_figure_of_another_unit_does_not_match() -> None:
    matched, _ = credits("Over 300 kroner.", "nb", "The trip took 320 minutes.", "en")
    assert not any(a == "300 kroner" for a, _ in matched)


def test_the_reader_links_a_headline_count_to_the_hedged_lead(tmp_path: Path) -> None:
    """A Norwegian headline-like sentence and an English lead that rounds its count."""
    (tmp_path / "nb.txt").write_text(
        "Villrein drept\n\n323 villrein ble drept av lynnedslag på Hardangervidda.\n\nSNO teller dyrene søndag.\n",
        encoding="utf-8",
    )
    (tmp_path / "en.txt").write_text(
        "Reindeer killed\n\nOver 300 reindeer were killed by lightning on Hardangervidda.\n\n"
        "The agency will count the animals on Sunday.\n",
        encoding="utf-8",
    )
    index = build_index(load_paths([tmp_path]).articles)
    nb = next(i for i, a in enumerate(index.articles) if a.path.name == "nb.txt")
    en = 1 - nb
    s = next(i for i in range(len(index.articles[nb].sentences)) if "323" in index.articles[nb].sentence_text(i))
    links = index.links_for(nb, s, min_score=0.0)
    assert links and "Over 300" in index.articles[en].sentence_text(links[0].target_sentence)
    assert "323 = 300" in links[0].evidence.numbers
    assert links[0].discrepancies == ()
