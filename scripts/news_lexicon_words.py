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
"""

from __future__ import annotations

import argparse
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


def word_lists(
    top: int, done: frozenset[str] = frozenset()
) -> tuple[list[tuple[str, str, float]], list[tuple[str, str, float, str]]]:
    """(untranslated, translated) Bokmål lemmas of the ``top`` commonest words, by
    frequency, leaving out the lemmas in ``done``."""
    seen: set[str] = set(done)
    gaps: list[tuple[str, str, float]] = []
    have: list[tuple[str, str, float, str]] = []
    for word in top_n_list("nb", top):
        if not word.isalpha() or len(word) < 3:
            continue
        lemma = lexicon.lemma(word, "nb")
        if lemma in seen:
            continue
        seen.add(lemma)
        english = lexicon.translations(word, "nb")
        zipf = round(zipf_frequency(word, "nb"), 2)
        if not english:
            if len(word) >= 4:
                gaps.append((lemma, word, zipf))
        else:
            have.append((lemma, word, zipf, ", ".join(sorted(english)[:12])))
    return gaps, have


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--top", type=int, help=f"words read (default {FIRST_TOP}, with --after {LATER_TOP})")
    parser.add_argument("--after", type=Path, nargs="*", default=[], help="the earlier batch's lists")
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
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
