"""Pivoted Bokmål->English pairs and Nynorsk spellings that widen the lexicon."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
import simplemma

from tui.engine.lexicon import (
    Lexicon,
    lemma,
    base_lexicon,
    load_lexicon,
    through_twins,
    parse_pairs,
    parse_tsv,
    split_compound,
    to_english,
    zipf,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tui" / "data"
SCRIPT = ROOT / "scripts" / "build_pivot_lexicon.py"
WORD = re.compile(r"[^\W\d_]+")
#: Content words are the rarer ones: "og", "har", "til" are not worth a lexicon entry.
MAX_CONTENT_ZIPF = 5.5


@cache
def build_script() -> ModuleType:
    """The build script, imported as a module."""
    spec = importlib.util.spec_from_file_location("build_pivot_lexicon", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def rows(name: str) -> list[list[str]]:
    """The data rows of a packaged TSV file."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if not line.startswith("#")]


def direct_only() -> Lexicon:
    """The lexicon as it was before pivoting: eng-nor pairs alone."""
    return parse_tsv((DATA / "lexicon_nb_en.tsv").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("word", "meanings"),
    [
        ("samtale", {"talk", "conversation"}),
        ("samtalene", {"talk", "conversation"}),
        ("møte", {"meeting"}),
        ("møtet", {"meeting"}),
        ("forslag", {"proposal"}),
        ("forslaget", {"proposal"}),
        ("besøk", {"visit"}),
        ("forbrytelse", {"crime"}),
        ("våpen", {"weapon"}),
    ],
)
def test_everyday_news_words_translate(word: str, meanings: set[str]) -> None:
    assert to_english(word, "nb") & meanings


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("flom", "flood"),
        ("valg", "election"),
        ("streik", "strike"),
        ("domstol", "court"),
        ("avtale", "agreement"),
        ("avtalen", "agreement"),
        ("våpenhvile", "ceasefire"),
        ("flyktning", "refugee"),
        ("skatt", "tax"),
        ("lønn", "salary"),
    ],
)
def test_news_words_from_other_domains_translate(word: str, meaning: str) -> None:
    assert meaning in to_english(word, "nb")


def test_pivoting_fills_gaps_of_the_direct_dictionary() -> None:
    before = direct_only()
    for word in ("møte", "forslag", "forbrytelse", "flom", "avtale"):
        assert to_english(word, "nb") - before.to_english(word, "nb"), word


def test_direct_senses_stay_and_missing_ones_join_them() -> None:
    assert {"chat", "conversation"} <= to_english("samtale", "nb")
    assert {"hot", "strong"} <= to_english("sterk", "nb")


def test_false_friends_do_not_get_the_danish_meaning() -> None:
    # Danish "rar" is nice; Bokmål "rar" is strange, as the direct lexicon says.
    assert "strange" in to_english("rar", "nb")
    assert not to_english("rar", "nb") & {"nice", "lovely", "pleasant", "agreeable"}


@pytest.mark.parametrize(
    ("danish", "bokmal"),
    [
        ("møde", "møte"),
        ("besøg", "besøk"),
        ("forbrydelse", "forbrytelse"),
        ("våben", "våpen"),
        ("aftale", "avtale"),
        ("hjælp", "hjelp"),
        ("vej", "vei"),
        ("forslag", "forslag"),
        ("tog", "tog"),
    ],
)
def test_danish_words_are_respelled_as_bokmal(danish: str, bokmal: str) -> None:
    assert build_script().real_spellings(danish)[0] == bokmal


def test_danish_only_spellings_are_not_bokmal_words() -> None:
    script = build_script()
    assert script.real_spellings("hvad") == []
    assert script.bokmal_zipf("hvad") == 0.0
    assert script.bokmal_zipf("hva") > 0.0


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("kyrkja", "church"),
        ("sjukehus", "hospital"),
        ("avgjerd", "decision"),
        ("eigar", "owner"),
        ("røyndomen", "reality"),
        ("ikkje", "not"),
    ],
)
def test_nynorsk_words_reach_english_through_bokmal(word: str, meaning: str) -> None:
    assert meaning in to_english(word, "nn")
    assert meaning not in direct_only().to_english(word, "nn")


def test_pivoted_compounds_still_split_into_parts() -> None:
    assert "station" in to_english("jernbanestasjon", "nb")
    assert split_compound("jernbanestasjon", "nb") == ["jernbane", "stasjon"]


def _content_words(path: Path) -> list[str]:
    """Lower-case words of an article whose Bokmål lemma is not very common.

    Capitalised words simplemma does not know in lower case are names ("Misjustin").
    """
    words = []
    for word in WORD.findall(path.read_text(encoding="utf-8")):
        name = word[:1].isupper() and not simplemma.is_known(word.lower(), lang="nb")
        if name or len(word) < 2:
            continue
        if zipf(lemma(word, "nb"), "nb") < MAX_CONTENT_ZIPF:
            words.append(word.lower())
    return words


def test_pivot_covers_clearly_more_of_the_norwegian_seed() -> None:
    (seed,) = (ROOT / "seeds").glob("000_*.txt")
    words = _content_words(seed)
    assert len(words) > 100
    before = direct_only()
    covered_before = sum(bool(before.to_english(word, "nb")) for word in words) / len(words)
    covered_after = sum(bool(to_english(word, "nb")) for word in words) / len(words)
    assert covered_after >= 0.8
    assert covered_after - covered_before >= 0.07


def test_pivot_files_are_clean_small_and_attributed() -> None:
    pivot = rows("lexicon_nb_en_pivot.tsv")
    assert len(pivot) > 5_000
    assert all(len(row) == 3 for row in pivot)
    assert all(row[0] == row[0].lower() and row[1] == row[1].lower() for row in pivot)
    # Only the CC BY-SA 3.0 WikDict pivots: the GPL Swedish/Danish lists may not be mixed in.
    languages = {"fin", "pol", "ell"}
    assert all(set(row[2].split(",")) <= languages for row in pivot)
    assert not any(re.search(r"\d", row[0] + row[1]) for row in pivot)
    direct = {(row[0], row[1]) for row in rows("lexicon_nb_en.tsv")}
    assert not direct & {(row[0], row[1]) for row in pivot}
    nynorsk = rows("lexicon_nn_nb.tsv")
    assert len(nynorsk) > 5_000 and all(len(row) == 2 and row[0] != row[1] for row in nynorsk)
    for name in ("lexicon_nb_en_pivot.tsv", "lexicon_nn_nb.tsv"):
        assert (DATA / name).stat().st_size < 3_000_000
    notice = (DATA / "LEXICON-PIVOT-LICENSE.txt").read_text(encoding="utf-8")
    for needed in ("fin-eng", "pol-nor", "ell-nor", "nno-nob", "Wiktionary", "CC BY-SA 3.0",
                   "GPL-2.0-or-later"):
        assert needed in notice
    assert "swe-eng" not in notice and "dan-eng" not in notice


def test_the_six_files_make_the_base_lexicon() -> None:
    # Load time is a benchmark figure, not a test: machines here are shared.
    texts = [
        (DATA / name).read_text(encoding="utf-8")
        for name in (
            "lexicon_nb_en.tsv", "lexicon_nb_en_pivot.tsv", "lexicon_nb_en_institutions.tsv",
            "lexicon_nb_en_news.tsv", "lexicon_nb_en_particle_verbs.tsv", "lexicon_nn_nb.tsv",
        )
    ]
    extra = parse_pairs(texts[1])
    for text in texts[2:5]:
        for word, english in parse_pairs(text).items():
            extra.setdefault(word, set()).update(english)
    lexicon = parse_tsv(texts[0]).extended(extra, parse_pairs(texts[5]))
    assert len(lexicon) == len(base_lexicon())
    assert base_lexicon().to_english("stortinget", "nb") == {"parliament"}
    # The news senses the dictionaries missed: "pågripe" is "arrest", not only "grab".
    assert "arrest" in base_lexicon().to_english("pågripe", "nb")
    assert "arrest" not in parse_tsv(texts[0]).extended(parse_pairs(texts[1]), {}).to_english("pågripe", "nb")
    # The particle verbs, read where a verb meets its particle: "legge fram" is "present".
    assert "present" in base_lexicon().to_english("legge fram", "nb")
    # The packaged lexicon adds only words the base lacks (through their twins).
    assert len(load_lexicon()) == len(lexicon) + sum(1 for word in through_twins() if word not in lexicon)


def _sources_installed() -> bool:
    script = build_script()
    return all(Path(f"{script.DICTD}{name}.index").exists() for name in script.SOURCES)


@pytest.mark.skipif(not _sources_installed(), reason="dict-freedict-* sources not installed")
def test_build_script_reproduces_the_committed_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)], check=True, capture_output=True
    )
    for name in ("lexicon_nb_en_pivot.tsv", "lexicon_nn_nb.tsv", "LEXICON-PIVOT-LICENSE.txt"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA / name).read_text(
            encoding="utf-8"
        ), name
