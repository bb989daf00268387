"""Build extra Bokmål -> English word pairs by pivoting through related dictionaries.

The direct FreeDict/WikDict eng-nor lexicon (``lexicon_nb_en.tsv``, built by
``build_lexicon.py``) lacks much everyday news vocabulary ("møte", "forslag") and has
odd senses ("samtale" is only "chat"). Other dictionaries bridge the gap:

1. Swedish pivot: Bokmål word <- swe-nor <- Swedish word -> English through swe-eng,
   and through eng-swe read backwards. Pivoting adds noise (Swedish "val" is both
   "valg" and "hval", "election" and "whale"), and these two are small old lists
   with slips, so alone a pair needs the English word from both directions and a
   Swedish word with a single Bokmål translation (:func:`add_swedish`).
2. Danish near-identity: each Danish headword of dan-eng (and of eng-dan, read
   backwards) is respelled by general rules (:func:`bokmal_spellings`: møde/møte,
   besøg/besøk, station/stasjon, aftale/avtale) and kept when the respelling is a
   real Bokmål word (:func:`bokmal_zipf`). A Danish word that already is a Bokmål
   word keeps its spelling ("tog" is a train in both).
3. Wiktionary pivots: the WikDict dictionaries fin-nor/fin-eng, pol-nor/pol-eng and
   ell-nor/ell-eng come from the same Finnish, Polish and Greek Wiktionaries, whose
   entries carry a sense gloss in both files, so a Bokmål and an English word are
   paired only when they translate the same sense of the same word.
4. Nynorsk: nno-nob gives Nynorsk -> Bokmål pairs, so Nynorsk words reach English
   through Bokmål.

A pair is kept when the direct lexicon confirms it, or when the direct lexicon does
not contradict it and either two languages (Swedish, Danish, Finnish, Polish, Greek)
give it or one gives it through a reliable route (see above; sense-aligned Finnish
and Polish pairs are), or, against the direct lexicon, when two languages give it
and one of them through a reliable route. The direct lexicon contradicts a pair when
it knows the Bokmål word and none of its English words is the new English word,
contains it or shares a Bokmål translation with it (a synonym): that is how false
friends such as Danish "rar" (nice; Bokmål "rar" is strange) are caught without a
hand-made list. Pairs the direct lexicon already has are not repeated.

English phrases are kept only for words that also have a one-word translation
(:func:`_without_lone_phrases`).

Outputs (deterministic, sorted), in ``tui/data``: ``lexicon_nb_en_pivot.tsv``
(``norwegian<TAB>english<TAB>source``, source listing the languages that gave the pair:
``swe``, ``dan``, ``fin``, ``pol``, ``ell``), ``lexicon_nn_nb.tsv``
(``nynorsk<TAB>bokmal``) and their attribution and licences,
``LEXICON-PIVOT-LICENSE.txt``.

Usage::

    python scripts/build_pivot_lexicon.py [--swe-nor PREFIX] ... [--ell-eng PREFIX]
        [--direct TSV] [--languages swe,dan,fin,pol,ell] [--out DIR]

Each PREFIX is a dictd path without extension (the ``.index`` and ``.dict.dz`` pair),
by default the Debian one, ``/usr/share/dictd/freedict-<name>``, from the packages
``dict-freedict-<name>``. ``--direct`` is the direct lexicon, by default the packaged
``lexicon_nb_en.tsv``. ``--languages`` picks the pivot languages (all by default;
``fin,pol,ell`` builds the pivot file from CC BY-SA WikDict dictionaries only).
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import textwrap
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from pathlib import Path

import simplemma
import wordfreq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_lexicon import clean_item, read_entries, senses, split_items  # noqa: E402

DICTD = "/usr/share/dictd/freedict-"
#: Wiktionary languages whose WikDict X-nor and X-eng dictionaries share sense glosses.
WIKTIONARY_PIVOTS = ("fin", "pol", "ell")
SOURCES = (
    "swe-nor", "swe-eng", "eng-swe", "dan-eng", "eng-dan", "nno-nob",
    *(f"{lang}-{target}" for lang in WIKTIONARY_PIVOTS for target in ("nor", "eng")),
)
LANGUAGES = ("swe", "dan", *WIKTIONARY_PIVOTS)
#: Wiktionary pivots whose sense-aligned pairs stand on their own. Greek's ell-nor has
#: glosses on few senses and often on the wrong one (a spot check found most of its
#: lone pairs wrong), so Greek only ever confirms another language.
TRUSTED_ALONE = frozenset({"fin", "pol"})
DATA = Path(__file__).resolve().parent.parent / "tui" / "data"
PIVOT_NAME = "lexicon_nb_en_pivot.tsv"
NYNORSK_NAME = "lexicon_nn_nb.tsv"
LICENSE_NAME = "LEXICON-PIVOT-LICENSE.txt"

#: A respelled Danish word must be at least this common in Bokmål text (Zipf)...
MIN_BOKMAL_ZIPF = 2.5
#: ...or be a Bokmål lemma simplemma knows and at least this common.
MIN_LEMMA_ZIPF = 1.0
#: A word this much more common in Danish or Swedish than in Bokmål ("hvad", "och") is
#: quoted in Norwegian text, not a Bokmål word.
MAX_NEIGHBOUR_LEAD = 1.5
#: English items must be real English words ("comeacross" is two glued together).
MIN_ENGLISH_ZIPF = 2.0
#: Cap on respellings tried per Danish word (the rules combine per position).
MAX_SPELLINGS = 256
#: Bokmål words for one Nynorsk word must be this close (Zipf) to the most common one.
MAX_NYNORSK_SPREAD = 1.5
#: Parts of speech whose entries are names or not word-for-word translations.
SKIPPED_POS = frozenset({"pn", "affix", "suffix", "prefix", "interjection", "proverb", "symbol"})
#: Glosses that mark a sense as a name ("[drengenavn] Aaron", "förnamn").
NAME_GLOSS = re.compile(r"navn|namn|\bname\b|nimi\b|imię|nazwisko|όνομα", re.IGNORECASE)

_HEADER = re.compile(r"^(?P<word>.+?)(?: /[^/]*/)?(?: <(?P<pos>[^>]*)>)?$")
_NUMBERED = re.compile(r"^\d+\.\s*(?P<text>.*)$")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_EDITION = re.compile(r"^(?:Edition|Version): *(\S+)", re.MULTILINE)
_VOWELS = "aeiouyæøå"
#: Danish soft consonants after a vowel and their Bokmål spelling.
_HARDENED = {"b": "p", "d": "t", "g": "k"}


def edition(source: str) -> str:
    """The dictionary's edition, read from its metadata entry."""
    with gzip.open(f"{source}.dict.dz") as data:
        head = data.read(4096).decode("utf-8", "replace")
    match = _EDITION.search(head)
    return match.group(1) if match else "unknown"


def _header(line: str) -> tuple[str, str]:
    """(headword, first part of speech or "") of an entry's first line."""
    match = _HEADER.match(line.strip())
    if match is None:
        return line.strip(), ""
    pos = (match.group("pos") or "").split(",")[0].strip()
    return match.group("word").strip(), pos


def english_item(text: str) -> str | None:
    """A lower-case English word or short phrase made of real English words."""
    item = clean_item(text)
    if item is None:
        return None
    for article in ("to ", "a ", "an ", "the "):
        if item.startswith(article):
            item = item[len(article) :]
            break
    words = re.split(r"[ \-]", item)
    if not all(wordfreq.zipf_frequency(word, "en") >= MIN_ENGLISH_ZIPF for word in words):
        return None
    return item



#: The attribution every WikDict-derived word list carries; ``listed`` names the
#: dictionaries and their editions.
WIKDICT_NOTICE = """\
FreeDict+WikDict dictionaries
{listed}
(FreeDict project, https://freedict.org/; WikDict, https://www.wikdict.com/;
maintainer Karl Bartel), built automatically from Wiktionary
(https://www.wiktionary.org/, written by the Wiktionary contributors) via DBnary
(http://kaiko.getalp.org/about-dbnary/). Licence: Creative Commons
Attribution-ShareAlike 3.0 Unported (CC BY-SA 3.0),
https://creativecommons.org/licenses/by-sa/3.0/.
"""

@dataclass(frozen=True, slots=True)
class Sense:
    """One sense of a WikDict entry: its headword, gloss and translations."""

    headword: str
    pos: str
    gloss: str
    items: tuple[str, ...]


def wikdict_senses(source: str) -> Iterator[Sense]:
    """Senses of a WikDict dictionary, translations as raw items.

    Names (capitalised headwords, "pn" entries, senses glossed as names) and affixes
    are skipped.
    """
    for entry in read_entries(source):
        lines = entry.rstrip("\n").split("\n")
        headword, pos = _header(lines[0])
        word = clean_item(headword)
        if pos in SKIPPED_POS or headword[:1].isupper() or word is None:
            continue
        for line, glosses in senses(lines[1:]):
            gloss = " ".join(" ".join(glosses).split())
            if not NAME_GLOSS.search(gloss):
                yield Sense(word, pos, gloss, tuple(split_items(line)))


def freedict_pairs(source: str, *, english_side: int) -> Iterator[tuple[str, str]]:
    """(foreign, english) pairs of a classic FreeDict dictionary (swe-eng, dan-eng...).

    Classic entries list one sense per line, numbered or not, with optional "[gloss]"
    brackets that are dropped. ``english_side`` is 1 when the translations are English
    (swe-eng), 0 when the headwords are (eng-swe). Capitalised foreign words and
    senses glossed as names are skipped.
    """
    for entry in read_entries(source):
        lines = entry.rstrip("\n").split("\n")
        headword, pos = _header(lines[0])
        if pos in SKIPPED_POS:
            continue
        for line in lines[1:]:
            line = line.strip()
            match = _NUMBERED.match(line)
            if match:
                line = match.group("text")
            if any(NAME_GLOSS.search(gloss) for gloss in _BRACKETS.findall(line)):
                continue
            for item in split_items(_BRACKETS.sub(" ", line)):
                foreign, english = (headword, item) if english_side == 1 else (item, headword)
                if foreign.strip()[:1].isupper():
                    continue
                foreign_word, english_word = clean_item(foreign), english_item(english)
                if foreign_word and english_word:
                    yield foreign_word, english_word


def nynorsk_pairs(source: str) -> Iterator[tuple[str, str]]:
    """(nynorsk, bokmål) pairs of nno-nob, identical spellings left out.

    Of several Bokmål words for one Nynorsk word only the common ones are kept
    (within :data:`MAX_NYNORSK_SPREAD` Zipf of the most common): "kyrkje" is "kirke",
    while the dialectal "kjerke" and the stray "kverke" (throat) are dropped.
    """
    bokmal_of: dict[str, set[str]] = defaultdict(set)
    for entry in read_entries(source):
        lines = entry.rstrip("\n").split("\n")
        nynorsk = clean_item(lines[0])
        for line in lines[1:]:
            bokmal = clean_item(line)
            if nynorsk and bokmal and nynorsk != bokmal:
                bokmal_of[nynorsk].add(bokmal)
    for nynorsk, forms in sorted(bokmal_of.items()):
        common = {form: wordfreq.zipf_frequency(form, "nb") for form in forms}
        top = max(common.values())
        for form in sorted(forms):
            if common[form] >= top - MAX_NYNORSK_SPREAD:
                yield nynorsk, form


def read_direct(path: Path) -> dict[str, set[str]]:
    """The direct Bokmål -> English lexicon (``norwegian<TAB>english<TAB>pos``)."""
    direct: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            norwegian, english, _pos = line.split("\t")
            direct[norwegian].add(english)
    return direct


class Referee:
    """Judges a new (bokmål, english) pair against the direct lexicon."""

    def __init__(self, direct: dict[str, set[str]]) -> None:
        self.direct = direct
        self.bokmal_of: dict[str, set[str]] = defaultdict(set)
        for norwegian, englishes in direct.items():
            for english in englishes:
                self.bokmal_of[english].add(norwegian)

    def _related(self, english: str, known: Iterable[str]) -> bool:
        """``english`` is one of ``known``, contains or is contained in one as a word
        ("church building", "church"), or shares a Bokmål translation with one."""
        bokmal = self.bokmal_of.get(english, set())
        words = set(english.split())
        return any(
            words <= set(other.split())
            or set(other.split()) <= words
            or bokmal & self.bokmal_of.get(other, set())
            for other in known
        )

    def confirms(self, bokmal: str, english: str) -> bool:
        """The direct lexicon knows the word and gives ``english`` or a synonym of it."""
        known = self.direct.get(bokmal)
        return bool(known) and self._related(english, known)

    def agrees(self, bokmal: str, english: str) -> bool:
        """No contradiction: the direct lexicon lacks the word or confirms the pair."""
        return bokmal not in self.direct or self.confirms(bokmal, english)

    def has(self, bokmal: str, english: str) -> bool:
        """The direct lexicon already has the pair."""
        return english in self.direct.get(bokmal, ())


@dataclass
class Evidence:
    """Which languages gave each (bokmål, english) pair, and which did so reliably."""

    languages: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    supported: set[tuple[str, str]] = field(default_factory=set)

    def add(self, pair: tuple[str, str], language: str, *, supported: bool) -> None:
        """Record that ``language`` gave ``pair`` (``supported``: through a reliable route)."""
        self.languages[pair].add(language)
        if supported:
            self.supported.add(pair)

    def kept(self, referee: Referee) -> dict[tuple[str, str], set[str]]:
        """The pairs worth keeping, each with its languages (see the module docstring).

        The direct lexicon's word is overruled only by two languages, one of them
        through a reliable route: "sterk" is "strong", not only "hot", but the loose
        Finnish and Greek word-level pivots together do not make "bak" (behind) a tin.
        """
        kept = {}
        for pair, languages in self.languages.items():
            if referee.has(*pair):
                continue
            supported = pair in self.supported
            if referee.confirms(*pair):
                keep = True
            elif referee.agrees(*pair):
                keep = supported or len(languages) > 1
            else:
                keep = supported and len(languages) > 1
            if keep:
                kept[pair] = languages
        return _without_lone_phrases(kept, referee)


def _without_lone_phrases(
    kept: dict[tuple[str, str], set[str]], referee: Referee
) -> dict[tuple[str, str], set[str]]:
    """Drop English phrases for words with no one-word translation ("valglokale":
    "polling station").

    The matcher compares single English lemmas, and a word the lexicon does not know
    falls back to its compound parts ("valg" + "lokale": "election"), which then
    match where the phrase never would.
    """
    single = {bokmal for (bokmal, english) in kept if " " not in english}
    single |= {
        bokmal
        for bokmal, englishes in referee.direct.items()
        if any(" " not in english for english in englishes)
    }
    return {pair: languages for pair, languages in kept.items() if pair[0] in single}


def add_swedish(
    evidence: Evidence,
    swe_nor: Iterable[Sense],
    swe_eng: Iterable[tuple[str, str]],
    eng_swe: Iterable[tuple[str, str]],
) -> None:
    """Record (bokmål, english) pairs reached through a Swedish word.

    swe-eng and eng-swe are small, old word lists (Ergane) with many slips, and
    eng-swe cuts English headwords to their first word ("bathing" for "bathing
    suit"), so a pair stands alone only when the English word comes from both
    directions and the Swedish word has a single Bokmål translation (no second sense
    to mix up: Swedish "val" is "valg" and "hval").
    """
    bokmal_of: dict[str, set[str]] = defaultdict(set)
    for sense in swe_nor:
        bokmal_of[sense.headword].update(filter(None, map(bokmal_item, sense.items)))
    forward: dict[str, set[str]] = defaultdict(set)
    for swedish, english in swe_eng:
        forward[swedish].add(english)
    backward: dict[str, set[str]] = defaultdict(set)
    for swedish, english in eng_swe:
        backward[swedish].add(english)
    for swedish, targets in sorted(bokmal_of.items()):
        there, back = forward.get(swedish, set()), backward.get(swedish, set())
        for pair in product(sorted(targets), sorted(there | back)):
            both = pair[1] in there and pair[1] in back
            evidence.add(pair, "swe", supported=both and len(targets) == 1)


def add_wiktionary(
    evidence: Evidence, language: str, to_bokmal: Iterable[Sense], to_english: Iterable[Sense]
) -> None:
    """Record pairs that translate the same sense of a word of one Wiktionary.

    Senses are matched on their gloss (the same text in both files). A word whose
    senses carry no matching gloss falls back to pairing all its translations, which
    counts only when another language agrees; so do all pairs of a language outside
    :data:`TRUSTED_ALONE`.
    """
    bokmal: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for sense in to_bokmal:
        bokmal[sense.headword, sense.pos, sense.gloss].update(
            filter(None, map(bokmal_item, sense.items))
        )
    english: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for sense in to_english:
        english[sense.headword, sense.pos, sense.gloss].update(
            filter(None, map(english_item, sense.items))
        )
    aligned_words: set[str] = set()
    for key in sorted(bokmal.keys() & english.keys()):
        if key[2]:
            aligned_words.add(key[0])
            for pair in product(sorted(bokmal[key]), sorted(english[key])):
                evidence.add(pair, language, supported=language in TRUSTED_ALONE)
    words_bokmal: dict[str, set[str]] = defaultdict(set)
    for (word, _pos, _gloss), items in bokmal.items():
        words_bokmal[word] |= items
    words_english: dict[str, set[str]] = defaultdict(set)
    for (word, _pos, _gloss), items in english.items():
        words_english[word] |= items
    for word in sorted(words_bokmal.keys() & words_english.keys() - aligned_words):
        for pair in product(sorted(words_bokmal[word]), sorted(words_english[word])):
            evidence.add(pair, language, supported=False)


def bokmal_zipf(word: str) -> float:
    """How common ``word`` is as a Bokmål word (Zipf scale), 0 when it is not one."""
    nb = wordfreq.zipf_frequency(word, "nb")
    if any(wordfreq.zipf_frequency(word, lang) - nb > MAX_NEIGHBOUR_LEAD for lang in ("da", "sv")):
        return 0.0
    if nb >= MIN_BOKMAL_ZIPF:
        return nb
    lemma = simplemma.is_known(word, lang="nb") and simplemma.lemmatize(word, lang="nb") == word
    return nb if lemma and nb >= MIN_LEMMA_ZIPF else 0.0


@lru_cache(maxsize=None)
def bokmal_item(text: str) -> str | None:
    """A cleaned Norwegian translation item, None when it is noise or not Bokmål."""
    item = clean_item(text)
    return item if item is not None and looks_bokmal(item) else None


def looks_bokmal(item: str) -> bool:
    """Every word of ``item`` is plausibly Bokmål (or Nynorsk): seen in Norwegian text
    or known to simplemma, and not a Swedish or Danish word quoted there.

    Pivot dictionaries sometimes put glosses or Swedish words where the Norwegian
    translation belongs ("om möbler").
    """
    for word in re.split(r"[ \-]", item):
        nb = wordfreq.zipf_frequency(word, "nb")
        if any(wordfreq.zipf_frequency(word, lang) - nb > MAX_NEIGHBOUR_LEAD for lang in ("da", "sv")):
            return False
        if nb < MIN_LEMMA_ZIPF and not simplemma.is_known(word, lang="nb"):
            return False
    return True


def bokmal_spellings(danish: str) -> list[str]:
    """Candidate Bokmål spellings of a Danish word.

    General correspondences: always "aa" -> "å" and "tion" -> "sjon"; each optional
    per position (the first candidate takes none of them), b/d/g after a vowel -> p/t/k (møde/møte, besøg/besøk, våben/våpen),
    "af" before a consonant -> "av" (aftale/avtale), "c" -> "s" before e/i/y and "k"
    elsewhere (central/sentral), "æ" -> "e" (hjælp/hjelp), "ej"/"øj" -> "ei"/"øy"
    (vej/vei, høj/høy).
    """
    word = danish.replace("aa", "å").replace("tion", "sjon")
    options: list[tuple[str, ...]] = []
    for position, char in enumerate(word):
        previous = word[position - 1] if position else ""
        following = word[position + 1] if position + 1 < len(word) else ""
        if char in _HARDENED and previous and previous in _VOWELS:
            options.append((char, _HARDENED[char]))
        elif char == "f" and previous == "a" and following and following not in _VOWELS:
            options.append(("f", "v"))
        elif char == "c":
            options.append(("c", "s" if following and following in "eiy" else "k"))
        elif char == "æ":
            options.append(("æ", "e"))
        elif char == "j" and previous in ("e", "ø") and previous and not (
            following and following in _VOWELS
        ):
            options.append(("j", "i" if previous == "e" else "y"))
        else:
            options.append((char,))
    spellings: list[str] = []
    for choice in product(*options):
        spellings.append("".join(choice))
        if len(spellings) >= MAX_SPELLINGS:
            break
    return spellings


def real_spellings(danish: str) -> list[str]:
    """The real Bokmål spellings of a Danish word, the most likely first.

    The word itself comes first when it is a Bokmål word ("tog" is a train in both
    languages, not "tok"); the other respellings follow, most common first.
    """
    candidates = [spelling for spelling in bokmal_spellings(danish) if spelling != danish]
    scored = sorted(((bokmal_zipf(spelling), spelling) for spelling in candidates), reverse=True)
    respelled = [spelling for score, spelling in scored if score > 0]
    return [danish, *respelled] if bokmal_zipf(danish) > 0 else respelled


def add_danish(evidence: Evidence, danish_english: Iterable[tuple[str, str]]) -> None:
    """Record pairs from single Danish words respelled as real Bokmål words.

    The likeliest spelling stands alone; the others ("tok" for "tog") only confirm
    another language.
    """
    spellings_of: dict[str, list[str]] = {}
    for danish, english in danish_english:
        if " " in danish or "-" in danish:
            continue
        if danish not in spellings_of:
            spellings_of[danish] = real_spellings(danish)
        for rank, bokmal in enumerate(spellings_of[danish]):
            evidence.add((bokmal, english), "dan", supported=rank == 0)


#: The dictd sources each pivot language needs.
LANGUAGE_SOURCES: dict[str, tuple[str, ...]] = {
    "swe": ("swe-nor", "swe-eng", "eng-swe"),
    "dan": ("dan-eng", "eng-dan"),
    **{lang: (f"{lang}-nor", f"{lang}-eng") for lang in WIKTIONARY_PIVOTS},
}
#: The sources among them that WikDict built from Wiktionary (CC BY-SA 3.0).
WIKDICT_SOURCES = ("swe-nor", *(name for lang in WIKTIONARY_PIVOTS for name in LANGUAGE_SOURCES[lang]))
LANGUAGE_NAMES = {"swe": "Swedish", "dan": "Danish", "fin": "Finnish", "pol": "Polish", "ell": "Greek"}


def render_pivot(
    kept: dict[tuple[str, str], set[str]], languages: Iterable[str], editions: dict[str, str]
) -> str:
    """The pivot TSV: provenance comments, then sorted pairs with their languages."""
    used = [name for lang in languages for name in LANGUAGE_SOURCES[lang]]
    versions = ", ".join(f"{name} {editions[name]}" for name in used)
    names = ", ".join(LANGUAGE_NAMES[lang] for lang in languages)
    header = (
        f"Norwegian Bokmål -> English pairs pivoted through {names}: FreeDict/WikDict "
        f"{versions}. Built by scripts/build_pivot_lexicon.py; pairs of lexicon_nb_en.tsv "
        f"left out. Licences: see {LICENSE_NAME}. Columns: norwegian, english, source."
    )
    lines = textwrap.wrap(
        header, width=86, initial_indent="# ", subsequent_indent="# ", break_on_hyphens=False
    )
    for (bokmal, english), found_in in sorted(kept.items()):
        source = ",".join(sorted(found_in, key=LANGUAGES.index))
        lines.append(f"{bokmal}\t{english}\t{source}")
    return "\n".join(lines) + "\n"


def render_nynorsk(pairs: set[tuple[str, str]], version: str) -> str:
    """The Nynorsk -> Bokmål TSV."""
    lines = [
        f"# Norwegian Nynorsk -> Bokmål pairs from FreeDict nno-nob {version}",
        "# (based on apertium-nn-nb), built by scripts/build_pivot_lexicon.py.",
        f"# Licence: see {LICENSE_NAME}. Columns: nynorsk, bokmal.",
    ]
    lines.extend(f"{nynorsk}\t{bokmal}" for nynorsk, bokmal in sorted(pairs))
    return "\n".join(lines) + "\n"


def _fill(text: str) -> str:
    """``text`` wrapped at 84 columns, never inside a hyphenated name."""
    return textwrap.fill(text, width=84, break_on_hyphens=False)


def render_license(languages: Iterable[str], editions: dict[str, str]) -> str:
    """Attribution and licences of the dictionaries both TSV files derive from."""
    languages = list(languages)
    intro = (
        "Both files are derived works of the dictionaries below (entries were reversed, "
        "combined, lower-cased and filtered by scripts/build_pivot_lexicon.py); each is "
        "distributed under the licences of the dictionaries it derives from, which apply "
        "to these two files only, not to the rest of crossread. The \"source\" column of "
        f"{PIVOT_NAME} names the languages whose dictionaries gave each row, so rows "
        "can be told apart by licence. lexicon_nb_en.tsv (see LEXICON-LICENSE.txt), "
        "wordfreq and simplemma were used only to filter pairs, not as a source of them."
    )
    parts = [f"{PIVOT_NAME} and {NYNORSK_NAME} - extra Norwegian word pairs\n\n{_fill(intro)}\n"]
    wikdict = [name for name in WIKDICT_SOURCES if name in editions]
    if wikdict:
        listed = _fill(", ".join(f"{name} {editions[name]}" for name in wikdict))
        parts.append(WIKDICT_NOTICE.format(listed=listed))
    if "swe" in languages:
        parts.append(f"""\
FreeDict Swedish-English swe-eng {editions["swe-eng"]} and English-Swedish eng-swe \
{editions["eng-swe"]}
(FreeDict project, https://freedict.org/; generated from Ergane,
http://www.travlang.com/). Licence: GNU General Public License, version 2 or (at
your option) any later version (GPL-2.0-or-later).
""")
    if "dan" in languages:
        parts.append(f"""\
FreeDict Danish-English dan-eng {editions["dan-eng"]} and English-Danish eng-dan \
{editions["eng-dan"]}
(FreeDict project, https://freedict.org/; maintainer Joe Hansen; dan-eng first
generated from Ergane). Licence: GNU General Public License, version 3 or any later
version (GPL-3.0-or-later); eng-dan, and dan-eng's changes since its version 0.3,
are also available under CC BY-SA 3.0.
""")
    parts.append(f"""\
FreeDict Norwegian Nynorsk-Norwegian Bokmål nno-nob {editions["nno-nob"]}
(source of {NYNORSK_NAME} only; FreeDict project, https://freedict.org/; based on
apertium-nn-nb by Francis Tyers, Kevin Brubeck Unhammer and Trond Trosterud). Licence: GNU General
Public License, version 2 or any later version (GPL-2.0-or-later).
""")
    return "\n".join(parts)


def build(
    prefixes: dict[str, str], direct_path: Path, languages: Iterable[str] = LANGUAGES
) -> dict[str, str]:
    """The output files' texts by file name, pivoting through ``languages``."""
    languages = [lang for lang in LANGUAGES if lang in set(languages)]
    evidence = Evidence()
    if "swe" in languages:
        add_swedish(
            evidence,
            wikdict_senses(prefixes["swe-nor"]),
            freedict_pairs(prefixes["swe-eng"], english_side=1),
            freedict_pairs(prefixes["eng-swe"], english_side=0),
        )
    if "dan" in languages:
        add_danish(
            evidence,
            [
                *freedict_pairs(prefixes["dan-eng"], english_side=1),
                *freedict_pairs(prefixes["eng-dan"], english_side=0),
            ],
        )
    for language in WIKTIONARY_PIVOTS:
        if language in languages:
            add_wiktionary(
                evidence,
                language,
                wikdict_senses(prefixes[f"{language}-nor"]),
                wikdict_senses(prefixes[f"{language}-eng"]),
            )
    kept = evidence.kept(Referee(read_direct(direct_path)))
    used = ["nno-nob", *(name for lang in languages for name in LANGUAGE_SOURCES[lang])]
    editions = {name: edition(prefixes[name]) for name in used}
    nynorsk = set(nynorsk_pairs(prefixes["nno-nob"]))
    return {
        PIVOT_NAME: render_pivot(kept, languages, editions),
        NYNORSK_NAME: render_nynorsk(nynorsk, editions["nno-nob"]),
        LICENSE_NAME: render_license(languages, editions),
    }


#: Pivot languages whose dictionaries are CC BY-SA 3.0 like the direct lexicon, so
#: the pivot file stays under one licence.
CC_BY_SA_LANGUAGES = ("fin", "pol", "ell")


def main(argv: list[str] | None = None) -> None:
    """Read the dictd sources and write the TSV files and their licence notice."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name in SOURCES:
        parser.add_argument(f"--{name}", default=f"{DICTD}{name}", metavar="PREFIX")
    parser.add_argument("--direct", type=Path, default=DATA / "lexicon_nb_en.tsv")
    parser.add_argument(
        "--languages",
        default=",".join(CC_BY_SA_LANGUAGES),
        help=(
            "pivot languages to use, comma-separated (default: the CC BY-SA 3.0 WikDict "
            "sources only; the Swedish and Danish lists are GPL and may not be mixed in)"
        ),
    )
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    languages = [lang for lang in args.languages.split(",") if lang]
    unknown = set(languages) - set(LANGUAGES)
    if unknown:
        parser.error(f"unknown languages: {', '.join(sorted(unknown))}")
    prefixes = {name: getattr(args, name.replace("-", "_")) for name in SOURCES}
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in build(prefixes, args.direct, languages).items():
        (args.out / name).write_text(text, encoding="utf-8")
        if name.endswith(".tsv"):
            count = sum(1 for line in text.splitlines() if not line.startswith("#"))
            print(f"{count} pairs written to {args.out / name}")


if __name__ == "__main__":
    main()
