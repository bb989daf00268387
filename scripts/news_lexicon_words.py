"""List the common Bokmål words that `tui/data/lexicon_nb_en_news.tsv` was written for.

The hand-written news lexicon covers the commonest Bokmål words (wordfreq's list, by
frequency) that crossread's other lexicons leave untranslated, and the commonest
translated ones, whose senses were checked for the one news uses ("pågripe" had
"grab" and "seize", not "arrest"). This script writes both lists as they were made
(lemma as crossread's lemmatiser makes it, a form seen, its Zipf frequency, and for
translated words their current English); the English of the lexicon was then
written by hand, row by row, with no dictionary or article copied.

Run it against the lexicon without the news file to see the lists as they were:
the news file's own words are translated once it is in.

    python scripts/news_lexicon_words.py OUTDIR [--top 60000]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

from tui.engine import lexicon

#: Rows of each list, as used: untranslated words 1-2,600, translated 1-3,200.
GAP_ROWS = (1200, 2600)
SENSE_ROWS = (1500, 3200)


def word_lists(top: int) -> tuple[list[tuple[str, str, float]], list[tuple[str, str, float, str]]]:
    """(untranslated, translated) Bokmål lemmas of the ``top`` commonest words, by frequency."""
    seen: set[str] = set()
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
    parser.add_argument("--top", type=int, default=60000)
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    gaps, have = word_lists(args.top)
    parts = [
        ("gaps1", gaps[: GAP_ROWS[0]], "lemma\tform_seen\tzipf"),
        ("gaps2", gaps[GAP_ROWS[0] : GAP_ROWS[1]], "lemma\tform_seen\tzipf"),
        ("senses1", have[: SENSE_ROWS[0]], "lemma\tform_seen\tzipf\tcurrent_english"),
        ("senses2", have[SENSE_ROWS[0] : SENSE_ROWS[1]], "lemma\tform_seen\tzipf\tcurrent_english"),
    ]
    for name, rows, header in parts:
        lines = [header, *("\t".join(map(str, row)) for row in rows)]
        (args.outdir / f"{name}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
