"""List the common Bokmål words that `tui/data/lexicon_nb_en_news.tsv` was written for.

The hand-written news lexicon covers the commonest Bokmål words (wordfreq's list, by
frequency) that crossread's other lexicons leave untranslated, and the commonest
translated ones, whose senses were checked for the one news uses ("pågripe" had
"grab" and "seize", not "arrest"). This script writes both lists as they were made
(lemma as crossread's lemmatiser makes it, a form seen, its Zipf frequency, and for
translated words their current English); the English of the lexicon was then
written by hand, row by row, with no dictionary or article copied.

It was made in batches. The first ran against the lexicon without the news file
(rows 1-2,600 of the untranslated words, 1-3,200 of the translated ones); each later
one against the lexicon with the batches before it, leaving out the words their lists
held (``--after``: the next 2,800 and 3,400 rows).

    python scripts/news_lexicon_words.py OUTDIR [--top N] [--after OLD/*.tsv]

The forty-third session added three lists, each made against the lexicon as it then
was (``--kind``): ``compounds``, the commonest words (7 letters or more) the lexicon
knew only by splitting them, so that those whose parts mislead ("bortføring" away +
guidance: abduction) got their own English (the first 3,200, about 1,300 written);
``gaps``, the next untranslated words that no English list spells alike (8,331 rows,
about 4,000 written); and ``verbs``, the 700 commonest verbs (and the short irregular
ones), for the particle verbs the first list lacked (336 written).

    python scripts/news_lexicon_words.py OUTDIR --kind compounds|gaps|verbs
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

from tui.engine import lexicon

#: Rows of each list, as used: first batch untranslated words 1-2,600 and translated
#: 1-3,200 (two lists each); second batch the next 2,800 and 3,400.
GAP_ROWS = (1200, 2600)
SENSE_ROWS = (1500, 3200)
LATER_GAP_ROWS = (1400, 2800)
LATER_SENSE_ROWS = (1700, 3400)
#: Commonest words read: the first batch read 60,000, later ones 100,000 (their rows
#: reach further down the list).
FIRST_TOP, LATER_TOP = 60000, 100000


def first_forms(top: int, shortest: int, done: frozenset[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """(lemma, form) of the ``top`` commonest Bokmål words of ``shortest`` letters or
    more, by frequency, each lemma once (at its commonest form), none in ``done``."""
    seen: set[str] = set(done)
    for word in top_n_list("nb", top):
        if not word.isalpha() or len(word) < shortest:
            continue
        lemma = lexicon.lemma(word, "nb")
        if lemma not in seen:
            seen.add(lemma)
            yield lemma, word


def word_lists(
    top: int, done: frozenset[str] = frozenset()
) -> tuple[list[tuple[str, str, float]], list[tuple[str, str, float, str]]]:
    """(untranslated, translated) Bokmål lemmas of the ``top`` commonest words, by
    frequency, leaving out the lemmas in ``done``."""
    gaps: list[tuple[str, str, float]] = []
    have: list[tuple[str, str, float, str]] = []
    for lemma, word in first_forms(top, 3, done):
        english = lexicon.translations(word, "nb")
        zipf = round(zipf_frequency(word, "nb"), 2)
        if not english:
            if len(word) >= 4:
                gaps.append((lemma, word, zipf))
        else:
            have.append((lemma, word, zipf, ", ".join(sorted(english)[:12])))
    return gaps, have


#: ``--kind compounds``: words read, shortest word, rows written.
COMPOUND_TOP, MIN_COMPOUND, COMPOUND_ROWS = 120000, 7, 3200
#: ``--kind gaps``: the untranslated words among the first rows of the gap list that
#: English does not spell alike (Zipf in English under the first figure) and that are
#: common enough in Bokmål (at least the second).
GAP_LIST_ROWS, MAX_ENGLISH_ZIPF, MIN_GAP_ZIPF = 22000, 2.0, 2.2
#: ``--kind verbs``: verbs listed, and the short irregular ones the list's test for a
#: verb (an infinitive in -e) misses.
VERB_ROWS = 700
SHORT_VERBS = ("gå", "slå", "stå", "ta", "få", "se", "dra", "gi", "bli", "ha", "nå", "bo", "tro", "sy", "spå")


def compound_rows(top: int = COMPOUND_TOP) -> list[tuple[str, str, float, str, str]]:
    """(lemma, form, Zipf, parts, English from the parts) of the commonest words the
    lexicon knows only by splitting them."""
    known = lexicon.load_lexicon()
    rows = []
    for lemma, word in first_forms(top, MIN_COMPOUND):
        if known.to_english(word, "nb") or known.to_english(lemma, "nb"):
            continue
        parts = lexicon.split_compound(lemma, "nb")
        if len(parts) > 1:
            english = ", ".join(sorted(lexicon.translations(lemma, "nb"))[:10])
            rows.append((lemma, word, round(zipf_frequency(word, "nb"), 2), "+".join(parts), english))
    return rows[:COMPOUND_ROWS]


def gap_rows(top: int = 150000) -> list[tuple[str, str, float]]:
    """(lemma, form, Zipf) of the untranslated words (4 letters or more) English does
    not spell alike."""
    gaps = [(lemma, word) for lemma, word in first_forms(top, 4) if not lexicon.translations(word, "nb")]
    return [
        (lemma, word, round(zipf_frequency(word, "nb"), 2))
        for lemma, word in gaps[:GAP_LIST_ROWS]
        if zipf_frequency(word, "en") < MAX_ENGLISH_ZIPF and zipf_frequency(word, "nb") >= MIN_GAP_ZIPF
    ]


def verb_rows(top: int = 40000) -> list[str]:
    """The commonest Bokmål verbs (infinitives the lexicon tags as verbs)."""
    known = lexicon.load_lexicon()
    seen: list[str] = []
    for word in top_n_list("nb", top):
        lemma = lexicon.lemma(word, "nb") if word.isalpha() else ""
        if len(lemma) >= 3 and lemma.endswith("e") and lemma not in seen and "v" in known.pos(lemma):
            seen.append(lemma)
            if len(seen) == VERB_ROWS:
                break
    return [*SHORT_VERBS, *seen]


def write_kind(kind: str, outdir: Path) -> None:
    """Write the ``--kind`` list to OUTDIR/<kind>.tsv."""
    if kind == "compounds":
        header, rows = "lemma\tform_seen\tzipf\tparts\tenglish_from_parts", compound_rows()
    elif kind == "gaps":
        header, rows = "lemma\tform_seen\tzipf", gap_rows()
    else:
        header, rows = "verb", [(verb,) for verb in verb_rows()]
    lines = [header, *("\t".join(map(str, row)) for row in rows)]
    (outdir / f"{kind}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{kind}: {len(rows)} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--top", type=int, help=f"words read (default {FIRST_TOP}, with --after {LATER_TOP})")
    parser.add_argument("--after", type=Path, nargs="*", default=[], help="the earlier batch's lists")
    parser.add_argument("--kind", choices=("compounds", "gaps", "verbs"), help="one of the later lists")
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    if args.kind:
        write_kind(args.kind, args.outdir)
        return
    done = frozenset(
        line.split("\t", 1)[0]
        for path in args.after
        for line in path.read_text(encoding="utf-8").splitlines()[1:]
    )
    gaps, have = word_lists(args.top or (LATER_TOP if done else FIRST_TOP), done)
    gap_rows, sense_rows = (LATER_GAP_ROWS, LATER_SENSE_ROWS) if done else (GAP_ROWS, SENSE_ROWS)
    first = len(args.after) // 2 + 1  # the lists are numbered on from the earlier ones
    parts = [
        (f"gaps{first}", gaps[: gap_rows[0]], "lemma\tform_seen\tzipf"),
        (f"gaps{first + 1}", gaps[gap_rows[0] : gap_rows[1]], "lemma\tform_seen\tzipf"),
        (f"senses{first}", have[: sense_rows[0]], "lemma\tform_seen\tzipf\tcurrent_english"),
        (f"senses{first + 1}", have[sense_rows[0] : sense_rows[1]], "lemma\tform_seen\tzipf\tcurrent_english"),
    ]
    for name, rows, header in parts:
        lines = [header, *("\t".join(map(str, row)) for row in rows)]
        (args.outdir / f"{name}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
