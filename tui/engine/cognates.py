"""Spelling folds that let Norwegian and English cognates and name variants meet.

"konstruktiv" and "constructive", "okkupasjon" and "occupation", "Misjustin" and
"Mishustin" differ by regular spelling habits, not by meaning. Folding both sides
through the same rules and comparing with rapidfuzz catches them without a word list.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

# Ordered: longer patterns first so that "tion" wins over "t".
_FOLDS: tuple[tuple[str, str], ...] = (
    ("æ", "ae"),
    ("ø", "o"),
    ("å", "a"),
    ("ß", "ss"),
    ("tion", "sjon"),
    ("sion", "sjon"),
    ("sch", "sh"),
    ("sj", "sh"),
    ("skj", "sh"),
    ("kj", "ch"),
    ("ph", "f"),
    ("th", "t"),
    ("qu", "kv"),
    ("ck", "k"),
    ("ch", "k"),
    ("c", "k"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("z", "s"),
    ("x", "ks"),
)

#: Shortest folded form worth a fuzzy comparison; shorter words collide by chance.
MIN_FUZZY_LENGTH = 5
#: Length of the folded prefix used as a candidate key.
PREFIX_LENGTH = 5


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower-case, strip accents and apply the spelling folds."""
    text = word.lower()
    for source, target in _FOLDS[:4]:
        text = text.replace(source, target)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and ch.isalnum())
    for source, target in _FOLDS[4:]:
        text = text.replace(source, target)
    # Doubled letters are spelled singly across the two languages (kontroll/control).
    out: list[str] = []
    for ch in text:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def prefix_key(folded: str) -> str | None:
    """A coarse key that two cognates usually share, used only to find candidates."""
    if len(folded) < PREFIX_LENGTH + 1:
        return None
    return "pfx:" + folded[:PREFIX_LENGTH]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def cognate_similarity(a: str, b: str) -> float:
    """0-1 similarity of two folded words, 0 when they are too short to judge.

    A long shared stem counts most (prioritere/prioritise share "priorit"); otherwise
    the rapidfuzz ratio of the whole folded words.
    """
    if len(a) < MIN_FUZZY_LENGTH or len(b) < MIN_FUZZY_LENGTH:
        return 0.0
    shortest = min(len(a), len(b))
    prefix = _common_prefix(a, b)
    if prefix >= 6 and prefix >= 0.7 * shortest:
        return max(0.9, fuzz.ratio(a, b) / 100)
    return fuzz.ratio(a, b) / 100
