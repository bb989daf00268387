"""Build the Norwegian Bokmål -> English word list used by the matcher.

Source: the FreeDict/WikDict English-Norwegian dictionary (built from Wiktionary,
CC BY-SA 3.0), as shipped by Debian in ``dict-freedict-eng-nor``. The dictd files are
``freedict-eng-nor.index`` (headword, base64 offset, base64 length) and
``freedict-eng-nor.dict.dz`` (gzip-readable). Each entry looks like::

    state //steɪt// <n>          headword, IPA, part of speech
    1. tilstand                  sense 1: comma-separated Norwegian translations
    a condition                  English gloss
    2. stat 2.                   sense 2; the trailing "2." opens a numbered gloss list
    a political division ...
     3.                          next gloss of the same sense
    any sovereign polity

Output: ``tui/data/lexicon_nb_en.tsv``, one ``norwegian<TAB>english<TAB>pos`` line per
pair, lower-case, single words and short multiword items (at most three words), with
examples, placeholders ("jeg trenger ..."), digits and wiki markup dropped, plus
``tui/data/LEXICON-LICENSE.txt`` (the TSV is a derived work under the same licence).

Usage::

    python scripts/build_lexicon.py [SOURCE_PREFIX] [--out DIR]

SOURCE_PREFIX is the dictd path without extension, by default the Debian one,
``/usr/share/dictd/freedict-eng-nor``.

The Swedish, Danish and German lists are built by ``build_language_lexicons.py``,
the pivoted Bokmål pairs and Nynorsk spellings by ``build_pivot_lexicon.py``.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections.abc import Iterator
from pathlib import Path

DEFAULT_SOURCE = "/usr/share/dictd/freedict-eng-nor"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "tui" / "data"
TSV_NAME = "lexicon_nb_en.tsv"
LICENSE_NAME = "LEXICON-LICENSE.txt"

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
#: Parts of speech that do not translate word for word (affixes, sayings).
_SKIPPED_POS = {"suffix", "prefix", "proverb", "symbol", "interjection", "particle"}
_MAX_WORDS = 3
_HEADER = re.compile(r"^(?P<word>.+?)(?: /.*)? <(?P<pos>[a-z]+)>$")
_SENSE = re.compile(r"^(?P<number>\d+)\. (?P<text>.+)$")
_GLOSS_MARK = re.compile(r" \d+\.$")
_GLOSS_NUMBER = re.compile(r"^ \d+\.$")
_PERSON_GLOSS = re.compile(r"given name|surname|patronymic", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]*\)")
_CLEAN_ITEM = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)*$")


def _b64(text: str) -> int:
    """Decode dictd's base64 offsets (big-endian digits, no padding)."""
    value = 0
    for char in text:
        value = value * 64 + _B64.index(char)
    return value


def read_entries(source: str) -> Iterator[str]:
    """Yield the text of every dictionary entry, in index order."""
    data = gzip.open(f"{source}.dict.dz").read()
    with open(f"{source}.index", encoding="utf-8") as index:
        for line in index:
            headword, offset, length = line.rstrip("\n").split("\t")
            if headword.startswith("00database"):
                continue
            start = _b64(offset)
            yield data[start : start + _b64(length)].decode("utf-8")


def edition(source: str) -> str:
    """The dictionary's version string, read from its own metadata entry."""
    data = gzip.open(f"{source}.dict.dz").read(4096).decode("utf-8", "replace")
    match = re.search(r"ver\. (\S+)", data)
    return match.group(1) if match else "unknown"


def clean_item(text: str) -> str | None:
    """A lower-case word or short phrase, or None when the item is noise."""
    if "[[" in text or "..." in text or "…" in text:
        return None
    text = _PARENS.sub(" ", text)
    text = " ".join(text.split()).lower()
    if text.startswith("å "):
        text = text[2:]
    if len(text) < 2 or len(text.split()) > _MAX_WORDS:
        return None
    return text if _CLEAN_ITEM.match(text) else None


def split_items(line: str) -> list[str]:
    """Split a translation line on commas that are not inside parentheses."""
    items, depth, current = [], 0, []
    for char in line:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if char == "," and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return [item.strip() for item in items if item.strip()]


def senses(body: list[str]) -> Iterator[tuple[str, list[str]]]:
    """Each sense's translation line with its gloss lines.

    A sense starts at the first line, then at each "N. ..." line in sequence:
    requiring consecutive numbers keeps a gloss that happens to start with a
    number from being read as a translation.
    """
    expected = 1
    translation: str | None = None
    glosses: list[str] = []
    for position, line in enumerate(body):
        match = _SENSE.match(line)
        if match and int(match.group("number")) == expected:
            text = match.group("text")
        elif position == 0:
            text = line
        else:
            if not _GLOSS_NUMBER.match(line):
                glosses.append(line)
            continue
        if translation is not None:
            yield translation, glosses
        expected += 1
        translation, glosses = _GLOSS_MARK.sub("", text), []
    if translation is not None:
        yield translation, glosses


def entry_pairs(entry: str) -> Iterator[tuple[str, str, str]]:
    """(norwegian, english, pos) pairs of one dictionary entry.

    Senses glossed as personal names are skipped ("Anders" is not "Andrew" in a
    news story), and so are lines listing bare numbers, which are references
    ("Johannes, 1, 2, 3 Joh") rather than translations.
    """
    lines = entry.rstrip("\n").split("\n")
    header = _HEADER.match(lines[0].strip())
    if header is None or header.group("pos") in _SKIPPED_POS:
        return
    english = clean_item(header.group("word"))
    if english is None:
        return
    for line, glosses in senses(lines[1:]):
        if any(_PERSON_GLOSS.search(gloss) for gloss in glosses):
            continue
        items = split_items(line)
        if any(item.isdigit() for item in items):
            continue
        for item in items:
            norwegian = clean_item(item)
            if norwegian is not None:
                yield norwegian, english, header.group("pos")


def build_pairs(source: str) -> dict[tuple[str, str], set[str]]:
    """Every (norwegian, english) pair with the parts of speech it was seen with."""
    pairs: dict[tuple[str, str], set[str]] = {}
    for entry in read_entries(source):
        for norwegian, english, pos in entry_pairs(entry):
            pairs.setdefault((norwegian, english), set()).add(pos)
    return pairs


def render_tsv(pairs: dict[tuple[str, str], set[str]], version: str) -> str:
    """The TSV text: a provenance comment, then sorted pairs."""
    lines = [
        f"# Norwegian Bokmål -> English, derived from FreeDict/WikDict eng-nor {version}.",
        "# CC BY-SA 3.0; see LEXICON-LICENSE.txt. Columns: norwegian, english, pos.",
    ]
    for (norwegian, english), pos in sorted(pairs.items()):
        lines.append(f"{norwegian}\t{english}\t{','.join(sorted(pos))}")
    return "\n".join(lines) + "\n"


def render_license(version: str) -> str:
    """Attribution and licence notice for the derived TSV."""
    return f"""\
lexicon_nb_en.tsv - Norwegian Bokmål to English word pairs

Derived from the English-Norwegian FreeDict+WikDict dictionary, edition {version}
(FreeDict project, https://freedict.org/; WikDict, https://www.wikdict.com/;
maintainer Karl Bartel), which is built automatically from Wiktionary
(https://www.wiktionary.org/) via DBnary (http://kaiko.getalp.org/about-dbnary/).
Wiktionary content is written by the Wiktionary contributors.

The source dictionary is licensed under the Creative Commons
Attribution-ShareAlike 3.0 Unported licence (CC BY-SA 3.0),
https://creativecommons.org/licenses/by-sa/3.0/.

lexicon_nb_en.tsv is a derived work of that dictionary (entries were reversed,
lower-cased and filtered by scripts/build_lexicon.py) and is distributed under the
same licence, CC BY-SA 3.0. This licence applies to the TSV only, not to the rest of
crossread.
"""


def main(argv: list[str] | None = None) -> None:
    """Parse the dictd source and write the TSV and its licence notice."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    version = edition(args.source)
    pairs = build_pairs(args.source)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / TSV_NAME).write_text(render_tsv(pairs, version), encoding="utf-8")
    (args.out / LICENSE_NAME).write_text(render_license(version), encoding="utf-8")
    print(f"{len(pairs)} pairs written to {args.out / TSV_NAME}")


if __name__ == "__main__":
    main()
