"""Language detection: right on real articles and close neighbours, silent when unsure,
and quick from the first call (no dictionaries loaded up front)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.engine.languages import detect_language, guess_language
from tui.engine.loader import load_paths
from tui.engine.seeds import seed_paths

DEV_STORIES = Path(__file__).parent / "data" / "dev"


def test_seeds_and_dev_stories_get_the_language_their_names_state() -> None:
    dev_files = sorted(DEV_STORIES.rglob("*.txt"))
    assert len(dev_files) >= 9
    for path in dev_files:
        expected = path.name.split("_")[1]  # "01_nb_ruud.txt"
        assert detect_language(path.read_text(encoding="utf-8")) == expected, path.name
    languages = {path.name[:3]: detect_language(path.read_text(encoding="utf-8")) for path in seed_paths()}
    assert languages == {"000": "nb", "001": "en", "002": "en", "003": "en", "004": "en"}


def test_loaded_articles_carry_their_language() -> None:
    result = load_paths(seed_paths())
    assert sorted(article.language for article in result.articles) == ["en", "en", "en", "en", "nb"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jeg vet ikke hva vi skal gjøre i morgen, men det blir fint.", "nb"),
        ("Eg veit ikkje kva vi skal gjere i morgon, men det blir fint.", "nn"),
        ("Jeg ved ikke, hvad vi skal gøre i morgen, men det bliver godt.", "da"),
        ("Jag vet inte vad vi ska göra i morgon, men det blir bra.", "sv"),
        ("Ich weiß nicht, was wir morgen machen sollen, aber es wird gut.", "de"),
        ("I do not know what we will do tomorrow, but it will be fine.", "en"),
        ("Regjeringen la fram statsbudsjettet for neste år på onsdag.", "nb"),
    ],
)
def test_neighbouring_languages_are_told_apart(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Eg veit ikkje kva vi skal gjere i morgon, men det blir fint. ", "nn"),
        ("Jeg vet ikke hva vi skal gjøre i morgen, men det blir fint. ", "nb"),
        ("Jeg ved ikke, hvad vi skal gøre i morgen, men det bliver godt. ", "da"),
    ],
)
def test_long_texts_in_close_neighbours_keep_their_language(sentence: str, language: str) -> None:
    assert detect_language(sentence * 40) == language


def test_norwegian_place_names_do_not_make_english_norwegian() -> None:
    assert detect_language("Tromsø FK beat Kongsberg SK 1-0 in Eliteserien on Saturday.") == "en"
    assert detect_language("Major fire in Gjøvik after the storm hit the town on Monday.") == "en"


def test_bokmal_word_shared_with_nynorsk_stays_bokmal() -> None:
    # "seier" is "victory" in Bokmål and "says" in Nynorsk.
    assert detect_language("Ny seier for Tromsø FK i Eliteserien lørdag") == "nb"


@pytest.mark.parametrize(
    "text",
    ["", "Putin", "Putin og Xi", "Kishida in Kyiv", "12 345 6789", "Norges Bank satte ned renten"],
)
def test_unsure_gives_no_language(text: str) -> None:
    assert detect_language(text) is None


def test_guess_names_the_likeliest_language_even_when_unsure() -> None:
    assert detect_language("Putin og Xi") is None
    assert guess_language("Putin og Xi") in {"nb", "nn", "da"}
    assert guess_language("Kishida in Kyiv") == "en"
    assert guess_language("12 345") is None


def test_detection_does_not_load_simplemma() -> None:
    """simplemma's dictionaries took seconds to load: detection must not need them."""
    code = (
        "import sys\n"
        "from tui.engine.languages import detect_language\n"
        "assert detect_language('Jeg vet ikke hva vi skal gjøre i morgen.') == 'nb'\n"
        "print('simplemma' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


#: The same news item, written for this test in each supported language.
BUDGET_NEWS = {
    "nb": "Regjeringen la fram forslaget til statsbudsjett på tirsdag. Finansministeren sier "
    "at utgiftene skal holdes nede, men at det ikke blir kutt i sykehusene. Opposisjonen "
    "mener budsjettet er for stramt og vil ha mer penger til kommunene.",
    "nn": "Regjeringa la fram forslaget til statsbudsjett tysdag. Finansministeren seier at "
    "utgiftene skal haldast nede, men at det ikkje blir kutt i sjukehusa. Opposisjonen "
    "meiner budsjettet er for stramt og vil ha meir pengar til kommunane.",
    "da": "Regeringen fremlagde tirsdag sit forslag til finansloven. Finansministeren siger, "
    "at udgifterne skal holdes nede, men at der ikke bliver skåret i sygehusene. "
    "Oppositionen mener, at budgettet er for stramt, og vil have flere penge til kommunerne.",
    "sv": "Regeringen lade på tisdagen fram sitt förslag till statsbudget. Finansministern "
    "säger att utgifterna ska hållas nere, men att det inte blir några nedskärningar i "
    "sjukvården. Oppositionen menar att budgeten är för stram och vill ha mer pengar till "
    "kommunerna.",
    "de": "Die Regierung hat am Dienstag ihren Haushaltsentwurf vorgelegt. Der Finanzminister "
    "sagt, die Ausgaben sollen niedrig bleiben, aber bei den Krankenhäusern werde nicht "
    "gekürzt. Die Opposition hält den Haushalt für zu knapp und fordert mehr Geld für die "
    "Gemeinden.",
    "en": "The government presented its budget proposal on Tuesday. The finance minister says "
    "spending will be kept down, but there will be no cuts to hospitals. The opposition "
    "believes the budget is too tight and wants more money for local councils.",
}
#: Neighbours writing about each other: the other country's names must not decide.
NEIGHBOUR_NEWS = {
    "da": "Statsministeren mødtes med Norges statsminister i Oslo. De to talte om fiskeri, "
    "energi og forsvar. Efter mødet sagde hun, at samarbejdet mellem landene aldrig har "
    "været tættere.",
    "nb": "Statsministeren møtte Danmarks statsminister i København. De to snakket om fiske, "
    "energi og forsvar. Etter møtet sa hun at samarbeidet mellom landene aldri har vært "
    "tettere.",
    "nn": "Statsministeren møtte den danske statsministeren i København. Dei to snakka om "
    "fiske, energi og forsvar. Etter møtet sa ho at samarbeidet mellom landa aldri har "
    "vore tettare.",
    "sv": "Statsministern träffade Norges statsminister i Oslo. De två talade om fiske, "
    "energi och försvar. Efter mötet sade hon att samarbetet mellan länderna aldrig har "
    "varit närmare.",
    "de": "Der Ministerpräsident traf den norwegischen Regierungschef in Oslo. Die beiden "
    "sprachen über Fischerei, Energie und Verteidigung. Nach dem Treffen sagte sie, die "
    "Zusammenarbeit sei nie enger gewesen.",
}


@pytest.mark.parametrize("language", sorted(BUDGET_NEWS))
def test_each_language_is_told_apart_on_the_same_news(language: str) -> None:
    assert detect_language(BUDGET_NEWS[language]) == language


@pytest.mark.parametrize("language", sorted(NEIGHBOUR_NEWS))
def test_neighbours_writing_about_each_other_keep_their_language(language: str) -> None:
    assert detect_language(NEIGHBOUR_NEWS[language]) == language


def test_a_short_nynorsk_sentence_is_told_by_its_weekday() -> None:
    assert detect_language("Regjeringa la fram forslaget til statsbudsjett tysdag.") == "nn"
