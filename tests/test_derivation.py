"""Words of one English derivational family ("injured", "injuries") meet at partial credit."""

from __future__ import annotations

import pytest

from tui.engine.derivation import DERIVATION_CREDIT, DERIVATION_PREFIX, family_stem
from tui.engine.features import sentence_features
from tui.engine.scoring import score_pair


def credits(a: str, a_lang: str, b: str, b_lang: str) -> dict[tuple[str, str], float]:
    """(source surface, target surface) -> credit of every matched pair, every term
    weighing the same."""
    x, y = sentence_features(a, a_lang), sentence_features(b, b_lang)
    pair = score_pair(x, y, [1.0] * len(x.terms), [1.0] * len(y.terms))
    return {(x.terms[i].surface, y.terms[j].surface): sim for i, j, sim in pair.matches}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("injure", "injury"),
        ("collide", "collision"),
        ("evacuate", "evacuation"),
        ("decide", "decision"),
        ("invade", "invasion"),
        ("expand", "expansion"),
        ("announce", "announcement"),
        ("elect", "election"),
        ("dominance", "domination"),
    ],
)
def test_a_verb_and_its_noun_share_a_stem(one: str, other: str) -> None:
    assert family_stem(one) is not None
    assert family_stem(one) == family_stem(other)


@pytest.mark.parametrize(("one", "other"), [("present", "presence"), ("permit", "permission"), ("order", "ordeal")])
def test_words_of_different_stems_stay_apart(one: str, other: str) -> None:
    assert family_stem(one) != family_stem(other)


def test_short_words_get_no_stem() -> None:
    assert family_stem("kill") is None
    assert family_stem("a-b") is None


def test_a_verb_meets_its_noun_in_another_wording() -> None:
    found = credits("Eight people were lightly injured.", "en", "Eight sailors suffered minor injuries.", "en")
    assert found[("injured", "injuries")] == DERIVATION_CREDIT < 1.0


def test_a_norwegian_verb_meets_the_english_noun_of_its_sense() -> None:
    found = credits("Alle passasjerene ble evakuert.", "nb", "The evacuation of the passengers took hours.", "en")
    assert found[("evakuert", "evacuation")] == DERIVATION_CREDIT


def test_common_words_get_no_family_keys() -> None:
    """"police" and "policy" share a stem, but words that common take no family."""
    police = sentence_features("The police said so.", "en")
    assert not any(key.startswith(DERIVATION_PREFIX) for term in police.terms for key in term.keys)
