"""Score how well two sentences state the same fact, from their terms.

The score is a weighted two-way coverage: how much of what sentence A says (its
names, numbers and rare words, by weight) sentence B also says, and the other way
round. Numbers and names weigh most because they are what a fact is about; a number
that one sentence gives and the other lacks costs a lot, which is what keeps "200
billion" from matching "185 billion".
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.engine import names
from tui.engine.cognates import cognate_similarity
from tui.engine.features import Kind, SentenceFeatures, Term

#: Folded spellings at least this close count as the same word (cognates, names).
COGNATE_MIN = 0.85
#: Credit for a number of the same unit with a different value: it is the same
#: quantity, reported differently (a discrepancy), not a different fact.
DISAGREEING_NUMBER_CREDIT = 0.4
#: Exponents of the two coverages: the source sentence's coverage counts more, since
#: the question asked is "is *this* fact stated there?".
SOURCE_EXPONENT = 0.6
TARGET_EXPONENT = 0.4


@dataclass(slots=True)
class PairScore:
    """The raw score of a sentence pair and the terms that carried it."""

    raw: float
    #: (source term index, target term index, similarity) of every matched pair.
    matches: list[tuple[int, int, float]]
    #: (kind, source surface, target surface) of disagreeing numbers or dates.
    disagreements: list[tuple[str, str, str]]
    source_coverage: float
    target_coverage: float


def _family(unit: str | None) -> str | None:
    """Units that measure the same kind of thing: any currency is money."""
    return unit.split(":", 1)[0] if unit and unit.startswith("currency:") else unit


def _fuzzy(a: Term, b: Term) -> float:
    if not a.folded or not b.folded or a.kind != b.kind:
        return 0.0
    if a.kind == Kind.NAME:
        if names.fuzzy_same_name(a.surface, b.surface):
            return 0.95
        return 0.0
    sim = cognate_similarity(a.folded, b.folded)
    return sim if sim >= COGNATE_MIN else 0.0


def score_pair(
    source: SentenceFeatures,
    target: SentenceFeatures,
    source_weights: list[float],
    target_weights: list[float],
) -> PairScore:
    """Match the terms of two sentences one-to-one and score the coverage both ways."""
    s_terms, t_terms = source.terms, target.terms
    s_total = sum(source_weights)
    t_total = sum(target_weights)
    if s_total <= 0 or t_total <= 0:
        return PairScore(0.0, [], [], 0.0, 0.0)

    proposals: list[tuple[float, int, int, float]] = []
    for i, a in enumerate(s_terms):
        for j, b in enumerate(t_terms):
            if a.keys & b.keys:
                sim = 1.0
            else:
                sim = _fuzzy(a, b)
                if not sim:
                    continue
            proposals.append((sim * min(source_weights[i], target_weights[j]), i, j, sim))
    proposals.sort(reverse=True)

    used_s: set[int] = set()
    used_t: set[int] = set()
    matches: list[tuple[int, int, float]] = []
    for _, i, j, sim in proposals:
        if i in used_s or j in used_t:
            continue
        used_s.add(i)
        used_t.add(j)
        matches.append((i, j, sim))

    disagreements: list[tuple[str, str, str]] = []
    partial: list[tuple[int, int, float]] = []
    for i, a in enumerate(s_terms):
        if i in used_s or a.kind not in (Kind.NUMBER, Kind.DATE) or a.unit is None or a.prior < 0.6:
            continue
        for j, b in enumerate(t_terms):
            if j in used_t or b.kind != a.kind or _family(b.unit) != _family(a.unit) or b.prior < 0.6:
                continue
            used_s.add(i)
            used_t.add(j)
            partial.append((i, j, DISAGREEING_NUMBER_CREDIT))
            disagreements.append((a.kind, a.surface, b.surface))
            break

    matched_s = sum(source_weights[i] * sim for i, _, sim in matches + partial)
    matched_t = sum(target_weights[j] * sim for _, j, sim in matches + partial)
    s_cov = matched_s / s_total
    t_cov = matched_t / t_total
    raw = (s_cov**SOURCE_EXPONENT) * (t_cov**TARGET_EXPONENT) if matches else 0.0
    return PairScore(raw, matches, disagreements, s_cov, t_cov)
