"""Build the English irregular verb forms the lemmatiser misreads, from WordNet 3.0.

simplemma reads "won" as "won", "left" as "left" and "cancelled" as "cancell", so an
English report that says a team "won" never meets a Norwegian one that says "vant"
(vinne: win). WordNet's exception list (``verb.exc``) gives each irregular form its
verb. A form is kept when simplemma's lemma is not one of its verbs and the verb is
more often the reading than the form's own senses: the verb's sense-tagged count in
WordNet's SemCor counts (``cntlist.rev``) is higher than the form's own in every part
of speech. So "won" (win: 115, won: 0) and "left" (leave: 414, left: 78) are kept,
"ground" (grind: 10, ground: 112) and "bit" (bite: 15, bit: 26) are not.

    python scripts/build_english_verb_forms.py [/usr/share/wordnet]

Needs Debian's ``wordnet-base`` (or WordNet 3.0's dict directory). Writes
``tui/data/english_verb_forms.tsv`` (``form<TAB>verb``, sorted) and its licence
notice ``tui/data/ENGLISH-VERB-FORMS-LICENSE.txt``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import simplemma

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tui" / "data" / "english_verb_forms.tsv"
LICENSE = ROOT / "tui" / "data" / "ENGLISH-VERB-FORMS-LICENSE.txt"
#: WordNet's part-of-speech digit for verbs in a sense key ("win%2:33:00::").
VERB = "2"


def tagged_counts(cntlist: Path) -> tuple[Counter[str], Counter[str]]:
    """(lemma -> its verb senses' tagged count, lemma -> every sense's tagged count)."""
    verbs: Counter[str] = Counter()
    every: Counter[str] = Counter()
    for line in cntlist.read_text(encoding="utf-8").splitlines():
        key, _number, count = line.split()
        lemma, _, sense = key.partition("%")
        lemma = lemma.replace("_", " ")
        every[lemma] += int(count)
        if sense.startswith(VERB):
            verbs[lemma] += int(count)
    return verbs, every


def verb_forms(wordnet: Path) -> list[tuple[str, str]]:
    """(form, verb) pairs to ship, sorted."""
    verbs, every = tagged_counts(wordnet / "cntlist.rev")
    kept: set[tuple[str, str]] = set()
    for line in (wordnet / "verb.exc").read_text(encoding="utf-8").splitlines():
        form, *bases = line.split()
        if "_" in form or simplemma.lemmatize(form, lang="en").lower() in bases:
            continue
        for base in bases:
            if verbs[base] > every[form]:
                kept.add((form, base))
    return sorted(kept)


NOTICE = """english_verb_forms.tsv is derived from WordNet 3.0 (verb.exc and cntlist.rev) by
scripts/build_english_verb_forms.py.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

Permission to use, copy, modify and distribute this software and database and its
documentation for any purpose and without fee or royalty is hereby granted, provided
that you agree to comply with the following copyright notice and statements,
including the disclaimer, and that the same appear on ALL copies of the software,
database and documentation, including modifications that you make for internal use
or for distribution.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.  BY WAY OF EXAMPLE, BUT NOT
LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF
MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED
SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in advertising or
publicity pertaining to distribution of the software and/or database.  Title to
copyright in this software, database and any associated documentation shall at all
times remain with Princeton University and LICENSEE agrees to preserve same.
"""


def main() -> int:
    wordnet = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/wordnet")
    pairs = verb_forms(wordnet)
    OUT.write_text("".join(f"{form}\t{verb}\n" for form, verb in pairs), encoding="utf-8")
    LICENSE.write_text(NOTICE, encoding="utf-8")
    print(f"{len(pairs)} forms -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
