"""Build the Swedish, Danish and German -> English word lists used by the matcher.

Each output keeps the licence of its source, so sources under different licences go
to different files (``tui/data``), each with its own notice:

- ``lexicon_sv_en_wikdict.tsv``, ``lexicon_de_en_wikdict.tsv`` (CC BY-SA 3.0): pairs
  that translate the same sense of one Finnish or Polish Wiktionary word, from the
  WikDict dictionaries fin-swe/fin-eng, pol-swe/pol-eng, fin-deu/fin-eng and
  pol-deu/pol-eng. A sense-aligned pair stands alone; a pair from a word whose
  senses could not be aligned needs both Finnish and Polish.
- ``lexicon_da_en_via_nb.tsv`` (CC BY-SA 3.0): frequent Danish words that, respelled
  by general Danish -> Bokmål rules (møde/møte, besøg/besøk), are headwords of the
  Bokmål lexicon, with that lexicon's English words (derived from
  ``lexicon_nb_en.tsv`` and ``lexicon_nb_en_pivot.tsv``).
- ``lexicon_sv_en_freedict.tsv`` (GPL-2.0-or-later): FreeDict swe-eng and eng-swe.
- ``lexicon_da_en_freedict.tsv`` (GPL-3.0-or-later): FreeDict dan-eng and eng-dan.
- ``lexicon_de_en_ding.tsv.gz`` (GPL): FreeDict deu-eng, from the Ding dictionary,
  cut to single German words that are common in German text.

Every TSV has ``word<TAB>english`` lines, lower-case, "#" comments first.

Usage::

    python scripts/build_language_lexicons.py [--dictd DIR] [--out DIR]

DIR holds the dictd files ``freedict-<pair>.index`` and ``.dict.dz`` of the Debian
packages ``dict-freedict-<pair>`` (fetch with ``apt-get download`` and unpack with
``dpkg-deb -x``); by default ``/usr/share/dictd``.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import textwrap
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import product
from pathlib import Path

import simplemma
import wordfreq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_lexicon import clean_item, read_entries, split_items  # noqa: E402
from build_pivot_lexicon import (  # noqa: E402
    WIKDICT_NOTICE,
    bokmal_spellings,
    edition,
    english_item,
    freedict_pairs,
    wikdict_senses,
)

DATA = Path(__file__).resolve().parent.parent / "tui" / "data"
#: Wiktionaries whose X-<lang> and X-eng WikDict files share sense glosses.
PIVOTS = ("fin", "pol")
ISO3 = {"sv": "swe", "da": "dan", "de": "deu"}
NAMES = {"sv": "Swedish", "da": "Danish", "de": "German"}
#: A foreign word must be this common in its language (Zipf) or a lemma simplemma knows.
MIN_WORD_ZIPF = 1.5
#: Ding lists half a million headwords; only words this common in German are kept.
MIN_DING_ZIPF = 2.0
#: English words kept per German headword of Ding, in the dictionary's order.
MAX_DING_TRANSLATIONS = 6
#: Danish words this common (Zipf) are tried as respelled Bokmål words.
MIN_DANISH_ZIPF = 2.5
#: A respelled Danish word this much more common in Bokmål than in Danish is a
#: different word ("rar" aside, a false friend), not the same word respelled.
MAX_BOKMAL_LEAD = 1.0
#: The English translations of a Bokmål word reused for its Danish twin.
MAX_VIA_NB_TRANSLATIONS = 6
#: Ding markup: [domain] and [usage] tags, <pos>, /IPA/, {cross-references}.
_DING_MARKUP = re.compile(r"\[[^\]]*\]|<[^>]*>|/[^/]*/|\{[^}]*\}")
#: What follows a part-of-speech tag up to the next comma is an abbreviation
#: ("government <n> Gov.").
_DING_AFTER_POS = re.compile(r"<[^>]*>[^,;]*")
_DING_SKIP = re.compile(r"^\s*(?:\"|Synonyms?:|see:|Note:|Example:)")
_GERMAN_OBJECTS = re.compile(r"(?:^|\s)(?:jdn|jdm|jds|etw|sich)\.?(?=\s|$)")
_PLACEHOLDER = re.compile(r"\b(?:sb|sth|jdn|jdm|jds|etw|so|oneself)\.?(?=\s|,|$)")


def is_word_of(word: str, lang: str) -> bool:
    """``word`` (lower-case, possibly a short phrase) is plausibly ``lang``: each of
    its words is common enough there or a lemma simplemma knows."""
    for part in re.split(r"[ \-]", word):
        if wordfreq.zipf_frequency(part, lang) < MIN_WORD_ZIPF and not simplemma.is_known(
            part, lang=lang
        ) and not simplemma.is_known(part.capitalize(), lang=lang):
            return False
    return True


def english_lemma(item: str) -> str:
    """A one-word English item as its lemma ("governments" -> "government")."""
    if " " in item or "-" in item:
        return item
    return simplemma.lemmatize(item, lang="en").lower()


def wikdict_pairs(lang: str, dictd: Path) -> tuple[dict[tuple[str, str], set[str]], dict[str, str]]:
    """(word, english) -> pivot languages that gave it, and the editions used.

    Senses of a Finnish or Polish word are aligned on their gloss in the X-<lang> and
    X-eng files; a pair from an aligned sense stands alone, pairs from words with no
    alignable sense need both pivots (see :func:`keep_wikdict`).
    """
    target = ISO3[lang]
    aligned: dict[tuple[str, str], set[str]] = defaultdict(set)
    loose: dict[tuple[str, str], set[str]] = defaultdict(set)
    editions: dict[str, str] = {}
    for pivot in PIVOTS:
        sources = {name: str(dictd / f"freedict-{name}") for name in (f"{pivot}-{target}", f"{pivot}-eng")}
        editions.update({name: edition(path) for name, path in sources.items()})
        foreign = _by_sense(wikdict_senses(sources[f"{pivot}-{target}"]), lambda item: _foreign_item(item, lang))
        english = _by_sense(wikdict_senses(sources[f"{pivot}-eng"]), english_item)
        aligned_words = set()
        for key in foreign.keys() & english.keys():
            if key[2]:
                aligned_words.add(key[0])
                for word, gloss in product(foreign[key], english[key]):
                    aligned[word, english_lemma(gloss)].add(pivot)
        foreign_words, english_words = _by_word(foreign), _by_word(english)
        for headword in foreign_words.keys() & english_words.keys() - aligned_words:
            for word, gloss in product(foreign_words[headword], english_words[headword]):
                loose[word, english_lemma(gloss)].add(pivot)
    return keep_wikdict(aligned, loose), editions


def keep_wikdict(
    aligned: dict[tuple[str, str], set[str]], loose: dict[tuple[str, str], set[str]]
) -> dict[tuple[str, str], set[str]]:
    """Aligned pairs, plus loose pairs that both pivots (or an aligned one) give."""
    kept = {pair: set(languages) for pair, languages in aligned.items()}
    for pair, languages in loose.items():
        if pair in kept or len(languages) > 1:
            kept.setdefault(pair, set()).update(languages)
    return kept


def _by_sense(senses: Iterable, clean) -> dict[tuple[str, str, str], set[str]]:
    """Cleaned translations per (headword, pos, gloss)."""
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for sense in senses:
        found[sense.headword, sense.pos, sense.gloss].update(filter(None, map(clean, sense.items)))
    return {key: items for key, items in found.items() if items}


def _by_word(by_sense: dict[tuple[str, str, str], set[str]]) -> dict[str, set[str]]:
    """All translations of each headword, whatever the sense."""
    found: dict[str, set[str]] = defaultdict(set)
    for (headword, _pos, _gloss), items in by_sense.items():
        found[headword] |= items
    return found


def _foreign_item(text: str, lang: str) -> str | None:
    """A cleaned translation item in ``lang``, single words only (phrases rarely help)."""
    item = clean_item(text)
    if item is None or " " in item or not is_word_of(item, lang):
        return None
    return item


def classic_pairs(lang: str, dictd: Path) -> tuple[dict[tuple[str, str], set[str]], dict[str, str]]:
    """(word, english) pairs of the classic FreeDict X-eng and eng-X lists."""
    target = ISO3[lang]
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    editions = {}
    for name, side in ((f"{target}-eng", 1), (f"eng-{target}", 0)):
        path = str(dictd / f"freedict-{name}")
        editions[name] = edition(path)
        for word, english in freedict_pairs(path, english_side=side):
            if " " not in word and is_word_of(word, lang):
                pairs[word, english_lemma(english)].add(name)
    return pairs, editions


def ding_entries(path: str) -> Iterator[tuple[str, list[str]]]:
    """(German headword, English items in order) of each Ding entry."""
    for entry in read_entries(path):
        lines = entry.rstrip("\n").split("\n")
        # "jdn. warnen", "sich etw. ansehen": the verb is the headword.
        headword = _GERMAN_OBJECTS.sub(" ", _DING_MARKUP.sub(" ", lines[0])).strip()
        items: list[str] = []
        for line in lines[1:]:
            if not line.strip() or _DING_SKIP.match(line):
                continue
            line = _DING_AFTER_POS.sub("", line)
            line = _PLACEHOLDER.sub(" ", _DING_MARKUP.sub(" ", line))
            items.extend(split_items(line.replace(";", ",")))
        yield headword, items


def ding_pairs(dictd: Path) -> tuple[dict[tuple[str, str], set[str]], dict[str, str]]:
    """(german, english) pairs from Ding, common single German words only.

    Ding lists a word's translations by synonym group, not by importance, so the
    English words kept for a headword are those most of its entries give, then the
    most common in English ("wichtig": "important" before "weighty").
    """
    path = str(dictd / "freedict-deu-eng")
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for headword, items in ding_entries(path):
        word = clean_item(headword)
        if word is None or " " in word or wordfreq.zipf_frequency(word, "de") < MIN_DING_ZIPF:
            continue
        for english in {english_lemma(found) for found in map(english_item, items) if found}:
            counts[word][english] += 1
    pairs = {}
    for word, englishes in counts.items():
        ranked = sorted(englishes, key=lambda english: (-englishes[english], -_english_zipf(english), english))
        for english in ranked[:MAX_DING_TRANSLATIONS]:
            pairs[word, english] = {"deu-eng"}
    return pairs, {"deu-eng": edition(path)}


def _english_zipf(item: str) -> float:
    """How common an English item is: its rarest word's Zipf frequency."""
    return min(wordfreq.zipf_frequency(word, "en") for word in re.split(r"[ \-]", item))


def read_bokmal(paths: Iterable[Path]) -> dict[str, list[str]]:
    """Bokmål headword -> English words, in file order, from the packaged lexicons."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                norwegian, english = line.split("\t")[:2]
                if english not in found[norwegian]:
                    found[norwegian].append(english)
    return found


def danish_via_bokmal(bokmal: dict[str, list[str]]) -> dict[tuple[str, str], set[str]]:
    """(danish, english) for frequent Danish words that are Bokmål headwords respelled.

    The Danish word itself is tried first ("tog"), then its respellings (møde ->
    møte); a word far more common in Bokmål than in Danish is a false friend or a
    Norwegian word, and is skipped.
    """
    pairs: dict[tuple[str, str], set[str]] = {}
    for danish, frequency in wordfreq.get_frequency_dict("da").items():
        if wordfreq.zipf_frequency(danish, "da") < MIN_DANISH_ZIPF:
            break  # the table is sorted, most frequent first
        if not danish.isalpha() or len(danish) < 3:
            continue
        for spelling in bokmal_spellings(danish):
            if spelling not in bokmal:
                continue
            lead = wordfreq.zipf_frequency(spelling, "nb") - wordfreq.zipf_frequency(danish, "da")
            if spelling == danish and lead > MAX_BOKMAL_LEAD:
                break
            for english in bokmal[spelling][:MAX_VIA_NB_TRANSLATIONS]:
                pairs[danish, english] = {"nb"}
            break
    return pairs


def without_lone_phrases(pairs: dict[tuple[str, str], set[str]]) -> dict[tuple[str, str], set[str]]:
    """Drop the words whose only translations are phrases ("Staatsbesuch": "state
    visit"): the matcher compares single English lemmas, and a word missing from the
    list falls back to its compound parts ("Staat" + "Besuch"), which do match."""
    single = {word for word, english in pairs if " " not in english}
    return {pair: found for pair, found in pairs.items() if pair[0] in single}


def render(pairs: dict[tuple[str, str], set[str]], header: str) -> str:
    """A TSV text: wrapped "#" header, then sorted ``word<TAB>english`` lines, words
    with phrase-only translations left out (:func:`without_lone_phrases`)."""
    pairs = without_lone_phrases(pairs)
    lines = textwrap.wrap(header, width=86, initial_indent="# ", subsequent_indent="# ",
                          break_on_hyphens=False)
    lines.extend(f"{word}\t{english}" for word, english in sorted(pairs))
    return "\n".join(lines) + "\n"




def _notice(title: str, derivation: str, sources: str, licence: str) -> str:
    """One licence notice file's text."""
    parts = [title, textwrap.fill(derivation, width=84, break_on_hyphens=False)]
    if sources:
        parts.append(sources.rstrip("\n"))
    if licence:
        parts.append(textwrap.fill(licence, width=84))
    return "\n\n".join(parts) + "\n"


def build(dictd: Path, data: Path) -> dict[str, str | bytes]:
    """The output files by name."""
    out: dict[str, str | bytes] = {}
    for lang in ("sv", "de"):
        pairs, editions = wikdict_pairs(lang, dictd)
        listed = ", ".join(f"{name} {version}" for name, version in editions.items())
        name = f"lexicon_{lang}_en_wikdict.tsv"
        notice = f"LEXICON-{lang.upper()}-WIKDICT-LICENSE.txt"
        out[name] = render(pairs, (
            f"{NAMES[lang]} -> English pairs that translate one sense of a Finnish or Polish "
            f"Wiktionary word: FreeDict/WikDict {listed}. Built by "
            f"scripts/build_language_lexicons.py. CC BY-SA 3.0, see {notice}. "
            "Columns: word, english."
        ))
        out[notice] = _notice(
            f"{name} - {NAMES[lang]} to English word pairs",
            f"{name} is a derived work of the dictionaries below (senses of one Finnish or "
            "Polish word were paired, lower-cased and filtered by "
            "scripts/build_language_lexicons.py; wordfreq and simplemma were used only to "
            "filter). It is distributed under the same licence, CC BY-SA 3.0, which applies "
            "to this file only, not to the rest of crossread.",
            WIKDICT_NOTICE.format(listed=textwrap.fill(listed, width=84)),
            "",
        )
    pairs, editions = classic_pairs("sv", dictd)
    out["lexicon_sv_en_freedict.tsv"] = render(pairs, (
        f"Swedish -> English pairs from FreeDict swe-eng {editions['swe-eng']} and eng-swe "
        f"{editions['eng-swe']} (Ergane). Built by scripts/build_language_lexicons.py. "
        "GPL-2.0-or-later, see LEXICON-SV-FREEDICT-LICENSE.txt. Columns: word, english."
    ))
    out["LEXICON-SV-FREEDICT-LICENSE.txt"] = _notice(
        "lexicon_sv_en_freedict.tsv - Swedish to English word pairs",
        "lexicon_sv_en_freedict.tsv is a derived work of the dictionaries below (entries "
        "were reversed, lower-cased and filtered by scripts/build_language_lexicons.py).",
        f"FreeDict Swedish-English swe-eng {editions['swe-eng']} and English-Swedish eng-swe "
        f"{editions['eng-swe']}\n(FreeDict project, https://freedict.org/; generated from "
        "Ergane, http://www.travlang.com/).",
        "Licence: GNU General Public License, version 2 or (at your option) any later "
        "version (GPL-2.0-or-later), https://www.gnu.org/licenses/. This licence applies "
        "to this file only, not to the rest of crossread.",
    )
    pairs, editions = classic_pairs("da", dictd)
    out["lexicon_da_en_freedict.tsv"] = render(pairs, (
        f"Danish -> English pairs from FreeDict dan-eng {editions['dan-eng']} and eng-dan "
        f"{editions['eng-dan']}. Built by scripts/build_language_lexicons.py. "
        "GPL-3.0-or-later, see LEXICON-DA-FREEDICT-LICENSE.txt. Columns: word, english."
    ))
    out["LEXICON-DA-FREEDICT-LICENSE.txt"] = _notice(
        "lexicon_da_en_freedict.tsv - Danish to English word pairs",
        "lexicon_da_en_freedict.tsv is a derived work of the dictionaries below (entries "
        "were reversed, lower-cased and filtered by scripts/build_language_lexicons.py).",
        f"FreeDict Danish-English dan-eng {editions['dan-eng']} and English-Danish eng-dan "
        f"{editions['eng-dan']}\n(FreeDict project, https://freedict.org/; maintainer Joe "
        "Hansen; dan-eng first generated from Ergane, http://www.travlang.com/).",
        "Licence: GNU General Public License, version 3 or any later version "
        "(GPL-3.0-or-later), https://www.gnu.org/licenses/; eng-dan, and dan-eng's changes "
        "since its version 0.3, are also available under CC BY-SA 3.0. The file as a whole "
        "is distributed under GPL-3.0-or-later, which applies to this file only, not to "
        "the rest of crossread.",
    )
    bokmal = read_bokmal([data / "lexicon_nb_en.tsv", data / "lexicon_nb_en_pivot.tsv"])
    out["lexicon_da_en_via_nb.tsv"] = render(danish_via_bokmal(bokmal), (
        "Danish -> English pairs: frequent Danish words (wordfreq) that, respelled by "
        "general Danish -> Bokmål rules, are headwords of lexicon_nb_en.tsv or "
        "lexicon_nb_en_pivot.tsv, with their English words. Built by "
        "scripts/build_language_lexicons.py. CC BY-SA 3.0, see LEXICON-DA-VIA-NB-LICENSE.txt. "
        "Columns: word, english."
    ))
    out["LEXICON-DA-VIA-NB-LICENSE.txt"] = _notice(
        "lexicon_da_en_via_nb.tsv - Danish to English word pairs through Bokmål",
        "lexicon_da_en_via_nb.tsv is a derived work of lexicon_nb_en.tsv and of the "
        "FreeDict/WikDict rows of lexicon_nb_en_pivot.tsv (see LEXICON-LICENSE.txt and "
        "LEXICON-PIVOT-LICENSE.txt for their sources); wordfreq's Danish word list chose "
        "which Danish words to try.",
        "",
        "Licence: Creative Commons Attribution-ShareAlike 3.0 Unported (CC BY-SA 3.0), "
        "https://creativecommons.org/licenses/by-sa/3.0/, which applies to this file only, "
        "not to the rest of crossread.",
    )
    pairs, editions = ding_pairs(dictd)
    text = render(pairs, (
        f"German -> English pairs from FreeDict deu-eng {editions['deu-eng']} (Ding), common "
        "single German words only. Built by scripts/build_language_lexicons.py. GPL, see "
        "LEXICON-DE-DING-LICENSE.txt. Columns: word, english."
    ))
    out["lexicon_de_en_ding.tsv.gz"] = gzip.compress(text.encode("utf-8"), mtime=0)
    out["LEXICON-DE-DING-LICENSE.txt"] = _notice(
        "lexicon_de_en_ding.tsv.gz - German to English word pairs",
        "lexicon_de_en_ding.tsv.gz is a derived work of the dictionary below (entries were "
        "cut to common single German words, lower-cased and filtered by "
        "scripts/build_language_lexicons.py).",
        f"FreeDict German-English deu-eng {editions['deu-eng']}\n(FreeDict project, "
        "https://freedict.org/; generated from the Ding dictionary, "
        "https://dict.tu-chemnitz.de/, Copyright (C) Frank Richter 1995-2020, Einhard "
        "Leichtfuss 2020-2022, Sebastian Humenda 2021).",
        "Licence: the Ding word list is under the GNU General Public License, version 2 or "
        "any later version; the FreeDict edition is distributed under GPL version 3 "
        "(GPL-3.0), https://www.gnu.org/licenses/. This file is distributed under "
        "GPL-3.0-or-later, which applies to this file only, not to the rest of crossread.",
    )
    return out


def main(argv: list[str] | None = None) -> None:
    """Read the dictd sources and write the word lists and their notices."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dictd", type=Path, default=Path("/usr/share/dictd"))
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, content in build(args.dictd, DATA).items():
        path = args.out / name
        if isinstance(content, bytes):
            path.write_bytes(content)
            content = gzip.decompress(content).decode("utf-8")
        else:
            path.write_text(content, encoding="utf-8")
        if ".tsv" in name:
            count = sum(1 for line in content.splitlines() if not line.startswith("#"))
            print(f"{count} pairs written to {path}")


if __name__ == "__main__":
    main()
