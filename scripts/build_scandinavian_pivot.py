"""Build tui/data/lexicon_nb_sv_da_apertium.tsv: Swedish and Danish twins of frequent
Bokmål words, so they reach English through Swedish and Danish.

The FreeDict/WikDict Bokmål lexicon has about 11,000 headwords and misses common
newsroom words ("beslutning", "uttalelse", "sivil", "dom"); for others it gives one
odd sense ("kutte": "cowl", "svekke": "attenuate"). Apertium's Swedish-Norwegian and
Danish-Norwegian bilingual dictionaries translate Bokmål words into their
near-identical Swedish and Danish twins ("beslutning" -> sv "beslut", da
"beslutning"; "kutte" -> sv "skära", da "skære"). The file holds the twins of every
frequent Bokmål lemma, known to the lexicon or not; `tui.engine.lexicon` gives them
their English at load time from the shipped Swedish and Danish lists (all of it for
words the lexicon lacks, only what both routes agree on for words it has), so each
file keeps its own licence and no two are mixed.

    python scripts/build_scandinavian_pivot.py [--workdir DIR]

Needs Debian's apt-get, dpkg-deb and lt-proc (package lttoolbox). Apertium's data is
GPL-2+/GPL-3+, so the output is GPL-3.0-or-later, with its notice in
LEXICON-APERTIUM-LICENSE.txt.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import wordfreq  # noqa: E402

from tui.engine import lexicon  # noqa: E402

OUTPUT = ROOT / "tui" / "data" / "lexicon_nb_sv_da_apertium.tsv"
PACKAGES = {"sv": ("apertium-swe-nor", "nor-swe.autobil.bin"), "da": ("apertium-dan-nor", "nor-dan.autobil.bin")}
#: How many frequent Bokmål word forms are looked at.
VOCABULARY = 60_000
#: Apertium looks words up by lemma and full tags; these cover nouns of each gender,
#: adjectives, verbs and adverbs in their dictionary forms.
TAGS = (
    "<n><m><sg><ind>",
    "<n><f><sg><ind>",
    "<n><nt><sg><ind>",
    "<adj><pst><mf><sg><ind>",
    "<vblex><inf>",
    "<adv>",
)

HEADER = """\
# Swedish and Danish twins of frequent Norwegian Bokmål words, from the Apertium apertium-swe-nor and apertium-dan-nor bilingual
# dictionaries. Built by scripts/build_scandinavian_pivot.py. GPL-3.0-or-later, see
# LEXICON-APERTIUM-LICENSE.txt. Columns: norwegian, twin, language (sv, da).
"""


def frequent_lemmas() -> list[str]:
    """Lemmas of the ``VOCABULARY`` most frequent Bokmål word forms, most frequent first:
    headwords of the shipped Bokmål lexicons and words they cannot translate at all
    (not those they reach through another form, whose twins would hide that form)."""
    known = lexicon.base_lexicon()
    out: dict[str, None] = {}
    for word in wordfreq.top_n_list("nb", VOCABULARY):
        if len(word) < 3 or not word.isalpha():
            continue
        lemma = lexicon.lemma(word, "nb")
        if lemma in out:
            continue
        if lemma in known or not (known.to_english(lemma, "nb") or known.to_english(word, "nb")):
            out[lemma] = None
    return list(out)


def fetch_bidix(package: str, name: str, workdir: Path) -> Path:
    """The compiled Norwegian->X bilingual dictionary of an Apertium Debian package."""
    subprocess.run(["apt-get", "download", package], cwd=workdir, check=True, capture_output=True)
    deb = next(workdir.glob(f"{package}_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(workdir / "x")], check=True)
    return next((workdir / "x").rglob(name))


def twins(lemmas: list[str], bidix: Path) -> dict[str, set[str]]:
    """Bokmål lemma -> the Swedish or Danish lemmas Apertium translates it to."""
    text = "\n".join(" ".join(f"^{lemma}{tags}$" for tags in TAGS) for lemma in lemmas) + "\n"
    lines = subprocess.run(
        ["lt-proc", "-b", str(bidix)], input=text, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    found: dict[str, set[str]] = {}
    for lemma, line in zip(lemmas, lines):
        for unit in re.findall(r"\^(.*?)\$", line):
            for option in unit.split("/")[1:]:
                word = option.split("<", 1)[0].lower()
                if word and not option.startswith("@") and " " not in word:
                    found.setdefault(lemma, set()).add(word)
    return found


def build(workdir: Path) -> list[tuple[str, str, str]]:
    """(norwegian, swedish or danish twin, language) rows, sorted."""
    lemmas = frequent_lemmas()
    rows: list[tuple[str, str, str]] = []
    for lang, (package, name) in PACKAGES.items():
        for lemma, found in twins(lemmas, fetch_bidix(package, name, workdir)).items():
            rows.extend((lemma, twin, lang) for twin in found)
    return sorted(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, help="where the Debian packages are unpacked")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        rows = build(workdir)
    OUTPUT.write_text(HEADER + "".join(f"{n}\t{t}\t{lang}\n" for n, t, lang in rows), encoding="utf-8")
    print(f"{len({n for n, _, _ in rows})} Bokmål words, {len(rows)} twins -> {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
