"""The Bokmål->English lexicon, lemmas and compound splitting that the matcher uses."""

from __future__ import annotations

import gzip
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tui.engine.lexicon import (
    british_spelling,
    english_lemma,
    lemma,
    load_lexicon,
    split_compound,
    to_english,
    translations,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tui" / "data"
DEBIAN_SOURCE = Path("/usr/share/dictd/freedict-eng-nor")
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def seed_sentence(prefix: str, fragment: str) -> str:
    """The line of seed ``prefix`` containing ``fragment`` (fails if the seeds change)."""
    (path,) = (ROOT / "seeds").glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    (line,) = [line for line in text.splitlines() if fragment in line]
    return line


def english_meanings(sentence: str, lang: str) -> set[str]:
    """Every English lemma the words of ``sentence`` can stand for."""
    meanings: set[str] = set()
    for word in WORD.findall(sentence):
        if lang == "en":
            meanings.update(english_lemma(part) for part in word.split("-"))
        else:
            meanings |= translations(word, lang)
    return meanings


def test_lexicon_translates_norwegian_lemmas_and_inflected_forms() -> None:
    assert "peace" in to_english("fred", "nb")
    assert "company" in to_english("selskapene", "nb")
    assert "chinese" in to_english("kinesiske", "nb")
    assert "invasion" in to_english("invasjonen", "nb")
    assert "hospital" in to_english("sykehusene", "nb")


def test_nynorsk_borrows_the_bokmal_lexicon() -> None:
    assert "company" in to_english("selskapet", "nn")


def test_noun_finds_its_verb_twin_unless_it_is_also_an_english_word() -> None:
    assert "visit" in to_english("besøket", "nb")  # only "besøke" is in the dictionary
    assert "help" in to_english("hjelpen", "nb")
    # "fest" (party) is spelled like English "fest": its "twin" "feste" (fix) is not it.
    assert "fix" not in to_english("festen", "nb")


def test_unknown_words_and_languages_give_nothing() -> None:
    assert to_english("xyzzyqq", "nb") == frozenset()
    assert to_english("paix", "fr") == frozenset()


def test_swedish_danish_german_words_reach_english() -> None:
    assert "peace" in to_english("freden", "sv")
    assert "visit" in to_english("besøget", "da")
    assert "government" in to_english("Regierung", "de")
    assert "negotiation" in to_english("Verhandlungen", "de")


def test_a_compound_the_lexicon_knows_whole_stays_whole() -> None:
    assert split_compound("statsministern", "sv") == ["statsminister"]
    assert "premier" in translations("statsministern", "sv")


def test_german_and_swedish_compounds_fall_back_to_their_parts() -> None:
    assert split_compound("Friedensplan", "de") == ["frieden", "plan"]
    assert {"peace", "plan"} <= translations("Friedensplanes", "de")
    assert {"state", "visit"} <= translations("statsbesöket", "sv")


def test_english_lemma_normalises_inflection_and_case() -> None:
    assert english_lemma("talks") == "talk"
    assert english_lemma("Countries") == "country"
    assert english_lemma("signed") == "sign"


def test_lemma_for_each_supported_language() -> None:
    assert lemma("selskapene", "nb") == "selskap"
    assert lemma("samtalene", "nb") == "samtale"
    assert lemma("regeringen", "sv") == "regering"
    assert lemma("crimes", "en") == "crime"
    assert lemma("Ukraina", "xx") == "ukraina"


def test_a_definite_genitive_is_its_noun() -> None:
    """simplemma leaves "statens" (the state's) as it is, and it was read as a compound
    of "stat" and "ens" (one); a genitive it knows, or a word that only ends like one,
    is left to it."""
    assert [lemma(w, "nb") for w in ("statens", "klubbens", "rikets", "landenes")] == ["stat", "klubb", "rike", "land"]
    assert to_english(lemma("kongens", "nb"), "nb") >= {"king"}
    assert lemma("mens", "nb") == "mens"  # "while": no genitive
    assert split_compound("statens", "nb") == ["stat"]  # not "stat" + "ens"


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("fredsplan", ["fred", "plan"]),
        ("statsbesøk", ["stat", "besøk"]),
        ("gasselskapet", ["gass", "selskap"]),
        ("12-punktsplan", ["12", "punkt", "plan"]),
        ("Fredsplanen", ["fred", "plan"]),
        ("Ukraina-krisen", ["ukraina", "krise"]),
        ("sjøruten", ["sjø", "rute"]),
        ("oljeprisen", ["olje", "pris"]),
        ("jernbanestasjon", ["jernbane", "stasjon"]),
        ("sikkerhetsrådet", ["sikkerhet", "råd"]),
        ("menneskerettigheter", ["menneske", "rettighet"]),
        ("sentralbanksjefen", ["sentral", "bank", "sjef"]),
        # A first part the dictionary lists as a noun is not read with a binding letter
        # dropped: "fare" (danger), not "far" (father); "børs", not "bør" (should).
        ("faregraden", ["fare", "grad"]),
        ("børsmeldingen", ["børs", "melding"]),
        ("damesko", ["dame", "sko"]),
        ("sauebonde", ["sau", "bonde"]),
        # Where the lemma reads the head as a verb ("innsatsled"), the written head
        # that is a noun is taken: "leder", not "lide" (suffer).
        ("innsatsleder", ["innsats", "leder"]),
        ("utrykningskjøretøyer", ["utrykning", "kjøretøy"]),
        # A first part the dictionary lists as a noun as written, before a noun head, is
        # that noun, though its lemma reads it as a verb ("vinner" -> "vinne").
        ("vinnertiden", ["vinner", "tid"]),
        # Where the lemmatiser cuts an unknown compound's ending as it comes
        # ("løpestjern"), the compound as written splits ("stjernen": "stjerne").
        ("løpestjernen", ["løpe", "stjerne"]),
        ("statsministeren", ["statsminister"]),
    ],
)
def test_norwegian_compounds_split_into_lemmas(word: str, parts: list[str]) -> None:
    assert split_compound(word, "nb") == parts


@pytest.mark.parametrize(
    "word",
    [
        "forslag",  # bound prefix "for", not "for" + "slag"
        "vennskap",  # "-skap" is a suffix, not "cupboard"
        "samtaler",
        "leveransen",  # not "lever" (lives) + "anse"
        "kutting",  # "kutt" + "-ing", not "ting"
        "statsminister",  # known whole to the lexicon
        "Lysaker",  # a name, not "lys" + "aker"
        "Stoltenberg",
    ],
)
def test_compound_splitting_is_conservative(word: str) -> None:
    assert len(split_compound(word, "nb")) == 1


def test_other_compounding_languages_split_too() -> None:
    assert split_compound("handelsavtalet", "sv") == ["handel", "avtal"]
    assert split_compound("Friedensplan", "de") == ["frieden", "plan"]
    assert split_compound("fredsplanen", "da") == ["fred", "plan"]
    assert split_compound("peace-plan", "en") == ["peace", "plan"]


def test_split_results_are_not_shared_mutable_state() -> None:
    split_compound("fredsplan", "nb").append("junk")
    assert split_compound("fredsplan", "nb") == ["fred", "plan"]


def test_compound_meaning_comes_from_its_parts() -> None:
    assert {"peace"} <= translations("fredsplanen", "nb")
    assert {"state", "visit"} <= translations("statsbesøket", "nb")
    assert {"gas", "company"} <= translations("gasselskapet", "nb")


@pytest.mark.parametrize(
    ("nb_prefix", "nb_fragment", "en_prefix", "en_fragment", "shared"),
    [
        ("000", "erstatte vestlige selskaper", "001", "replace Western firms",
         {"replace", "western", "russia", "help", "chinese"}),
        ("000", "Russland vil gi mer gass", "001", "planned pipeline", {"gas", "china"}),
        ("000", "12-punktsplan", "001", "12-point plan", {"point", "ukraine"}),
        ("000", "fire og en halv time", "003", "four and a half hours",
         {"monday", "four", "half", "hour", "dear", "friend", "call"}),
        ("000", "levert rekordmye gass", "003", "Power of Siberia",
         {"gas", "siberia", "china", "russian"}),
        ("000", "arrestordre", "003", "International Criminal Court warrant",
         {"court", "child", "ukrainian"}),
    ],
)
def test_seed_sentences_about_one_fact_share_english_meanings(
    nb_prefix: str, nb_fragment: str, en_prefix: str, en_fragment: str, shared: set[str]
) -> None:
    norwegian = english_meanings(seed_sentence(nb_prefix, nb_fragment), "nb")
    english = english_meanings(seed_sentence(en_prefix, en_fragment), "en")
    assert shared <= norwegian & english


def test_made_up_sentences_on_another_event_share_meanings() -> None:
    norwegian = english_meanings(
        "Regjeringen vil øke strømstøtten til husholdningene etter flommen i Bergen.", "nb"
    )
    english = english_meanings(
        "The government will increase electricity support to households after the flood in Bergen.",
        "en",
    )
    assert {"government", "increase", "support", "household"} <= norwegian & english


def test_lexicon_file_is_clean_and_attributed() -> None:
    lexicon = load_lexicon()
    assert len(lexicon) > 10_000
    rows = [
        line.split("\t")
        for line in (DATA / "lexicon_nb_en.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    assert all(len(row) == 3 for row in rows)
    assert all(row[0] == row[0].lower() and row[1] == row[1].lower() for row in rows)
    assert not any("..." in row[0] or "…" in row[0] or "/" in row[0] for row in rows)
    assert not any(re.search(r"\d", row[0] + row[1]) for row in rows)
    notice = (DATA / "LEXICON-LICENSE.txt").read_text(encoding="utf-8")
    for needed in ("FreeDict", "WikDict", "Wiktionary", "CC BY-SA 3.0", "derived work"):
        assert needed in notice


@pytest.mark.skipif(
    not DEBIAN_SOURCE.with_suffix(".index").exists(), reason="dict-freedict-eng-nor not installed"
)
def test_build_script_reproduces_the_committed_lexicon(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_lexicon.py"), str(DEBIAN_SOURCE),
         "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("lexicon_nb_en.tsv", "LEXICON-LICENSE.txt"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA / name).read_text(
            encoding="utf-8"
        )


WORDNET = Path("/usr/share/wordnet")


def test_english_verb_forms_ship_with_their_wordnet_notice() -> None:
    from tui.engine.lexicon import english_verbs

    assert english_verbs("won") == ("win",)
    assert english_verbs("cancelled") == ("cancel",)
    # Forms the lemmatiser reads right, and forms read mostly as themselves, are not listed.
    assert english_verbs("took") == english_verbs("ground") == english_verbs("talks") == ()
    notice = (DATA / "ENGLISH-VERB-FORMS-LICENSE.txt").read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in notice


@pytest.mark.skipif(not (WORDNET / "verb.exc").exists(), reason="wordnet-base not installed")
def test_build_script_reproduces_the_committed_verb_forms() -> None:
    module = _script(ROOT / "scripts" / "build_english_verb_forms.py")
    rows = "".join(f"{form}\t{verb}\n" for form, verb in module.verb_forms(WORDNET))
    assert rows == (DATA / "english_verb_forms.tsv").read_text(encoding="utf-8")


DATA_DIR = Path(__file__).resolve().parent.parent / "tui" / "data"
LANGUAGE_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_language_lexicons.py"


def _shipped_header(path: Path) -> str:
    raw = path.read_bytes()
    text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")
    return "\n".join(line for line in text.splitlines()[:8] if line.startswith("#"))


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("lexicon_*.tsv*")), ids=lambda path: path.name)
def test_every_shipped_word_list_points_to_its_licence_notice(path: Path) -> None:
    notices = re.findall(r"LEXICON-[A-Z-]*LICENSE\.txt", _shipped_header(path).replace("\n# ", " "))
    assert notices, f"{path.name} names no licence notice"
    for notice in notices:
        text = (DATA_DIR / notice).read_text(encoding="utf-8")
        assert path.name in text
        assert "Licence" in text or "licensed" in text


def _language_script():
    return _script(LANGUAGE_SCRIPT)


def _script(path: Path):
    """A build script under scripts/, imported as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    spec.loader.exec_module(module)
    return module


def test_builder_drops_words_known_only_by_phrases_so_compounds_split() -> None:
    script = _language_script()
    pairs = {("staatsbesuch", "state visit"): {"x"}, ("besuch", "visit"): {"x"},
             ("besuch", "paying a call"): {"x"}}
    assert set(script.without_lone_phrases(pairs)) == {("besuch", "visit"), ("besuch", "paying a call")}


def test_builder_keeps_loose_pivot_pairs_only_when_both_pivots_agree() -> None:
    script = _language_script()
    aligned = {("fred", "peace"): {"fin"}}
    loose = {("fred", "calm"): {"pol"}, ("val", "whale"): {"fin"}, ("val", "election"): {"fin", "pol"}}
    assert set(script.keep_wikdict(aligned, loose)) == {("fred", "peace"), ("val", "election")}


def test_bokmal_words_missing_from_the_dictionary_reach_english_through_their_twins() -> None:
    """Common newsroom words the FreeDict/WikDict lexicon lacks get English through
    their Swedish or Danish twin, and only from that list (the base lacks them)."""
    from tui.engine import lexicon

    for word, english in (("beslutning", "decision"), ("sivil", "civilian"), ("offensiv", "offensive")):
        assert not lexicon.base_lexicon().to_english(word, "nb")
        assert english in lexicon.to_english(word, "nb")


def test_twin_translations_drop_words_too_vague_to_bridge_sentences() -> None:
    from tui.engine import lexicon

    assert all(0 < len(english) <= lexicon.MAX_TWIN_SENSES for english in lexicon.through_twins().values())


def test_twins_add_only_agreed_senses_to_words_the_dictionary_has() -> None:
    """A word the dictionary gives one odd sense ("flertall": "plural") also reaches
    its usual English through its Swedish and Danish twins, but only senses both
    twins' routes give, never ones it has, and never for the commonest words."""
    from tui.engine import lexicon

    base = lexicon.base_lexicon()
    twins: dict[tuple[str, str], set[str]] = {}
    text = (lexicon.resources.files("tui") / "data" / lexicon.TWINS_FILE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, twin, lang = line.split("\t")
            twins.setdefault((word, lang), set()).add(twin)

    def route(word: str, lang: str) -> set[str]:
        tables = lexicon.foreign_lexicon(lang)
        return {
            english
            for twin in twins.get((word, lang), ())
            for english in next((table[twin] for table in tables if twin in table), ())
        }

    added = {word: english for word, english in lexicon.through_twins().items() if base.to_english(word, "nb")}
    assert added, "the twins add senses to words the dictionary has"
    for word, english in added.items():
        assert not english & base.to_english(word, "nb")
        assert english <= route(word, "sv") & route(word, "da")
        assert lexicon.zipf(word, "nb") <= lexicon.MAX_TWIN_SENSE_ZIPF
    assert base.to_english("flertall", "nb") == {"plural"}
    assert {"plural", "majority"} <= lexicon.to_english("flertall", "nb")
    # "dette" (this) is also the verb "fall" in both twins; too common to take it.
    assert route("dette", "sv") & route("dette", "da") - base.to_english("dette", "nb")
    assert "dette" not in added


@pytest.mark.parametrize(
    ("american", "british"),
    [
        ("center", "centre"), ("theaters", "theatres"), ("defense", "defence"), ("labor", "labour"),
        ("organization", "organisation"), ("recognized", "recognised"), ("analyze", "analyse"),
        ("catalog", "catalogue"), ("judgment", "judgement"), ("program", "programme"),
        # Words that only look American stay as they are.
        ("water", "water"), ("for", "for"), ("prize", "prize"), ("size", "size"), ("sense", "sense"),
        ("major", "major"), ("dog", "dog"), ("centre", "centre"),
    ],
)
def test_an_american_spelling_is_read_as_the_british_one(american: str, british: str) -> None:
    assert british_spelling(american) == british
