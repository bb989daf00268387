"""Score how well two sentences state the same fact, from their terms.

The score is a weighted two-way coverage: how much of what sentence A says (its
names, numbers and rare words, by weight) sentence B also says, and the other way
round. Numbers and names weigh most because they are what a fact is about; a number
that one sentence gives and the other lacks costs a lot, which is what keeps "200
billion" from matching "185 billion".

A sentence is scored against dozens of candidates, so what can be worked out once per
sentence (which term holds which key, which terms may match by spelling) is kept in a
`TermIndex`, and spelling similarities are remembered per pair of folded words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from tui.engine import names
from tui.engine.bounds import BOUND_PREFIX, HEDGED_MARK
from tui.engine.cognates import MIN_FUZZY_LENGTH, cognate_similarity
from tui.engine.derivation import DERIVATION_CREDIT, DERIVATION_PREFIX
from tui.engine.lexicon import PART_MATCH_PREFIX, SYNONYM_PREFIX
from tui.engine.features import APPROX_PREFIX, DAY_UNIT, ORDINAL_UNIT, Kind, SentenceFeatures, Term

#: Folded spellings at least this close count as the same word (cognates, names).
COGNATE_MIN = 0.85
#: Credit for a number of the same unit with a different value: it is the same
#: quantity, reported differently (a discrepancy), not a different fact.
DISAGREEING_NUMBER_CREDIT = 0.4
#: Credit for a number that matches another only once rounded ("about 28%" and
#: "28,2 prosent"): the same figure, less precisely given.
APPROX_CREDIT = 0.8
#: Credit for two words that are only synonyms (`lexicon.SYNONYM_PREFIX`):
#: a paraphrase is weaker evidence than the word itself (0.65 and 0.8 did worse
#: held out).
SYNONYM_CREDIT = 0.5
#: Exponents of the two coverages: the source sentence's coverage counts more, since
#: the question asked is "is *this* fact stated there?".
SOURCE_EXPONENT = 0.6
TARGET_EXPONENT = 0.4
#: A sentence of few terms is weak evidence even when all of them match: each
#: coverage is discounted by n / (n + this) for a sentence of n terms ("It's great."
#: fully covered by a long sentence that says "store" (great) is not its fact). The
#: discounted coverages make the raw score and the models' inputs; near-copies are
#: still judged on the plain ones (`stories.copied`). Measured 2026-11-25 with both
#: models refitted: leave-one-corpus-out over the forty-one annotated corpora (robust
#: mean at 0.5) P@1 0.896 (884.3/986.7) -> 0.901 (888.0/985.7), R@3 890.0 -> 893.3 of
#: 1,349, false links 50.0 -> 46.3 of 675, average precision 0.772 -> 0.769; six real
#: news events (not in the repository) P@1 0.82 -> 0.86, false links 4 -> 1 of 85,
#: R@3 61 -> 57 of 139 (fitted on the thirty-five corpora there were).
SHORT_SMOOTHING = 1.0
#: Remembered spelling similarities before the memo is emptied (bounds memory).
_MEMO_LIMIT = 300_000


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
    #: The coverages discounted for sentences of few terms (`SHORT_SMOOTHING`): what
    #: the raw score and the calibration model read.
    source_support: float = 0.0
    target_support: float = 0.0


@dataclass(slots=True)
class TermIndex:
    """What one sentence offers to pair scoring, worked out once per sentence."""

    #: Key -> indexes of the terms that carry it (its keys view finds the shared
    #: keys), for the keys that match as they are.
    by_key: dict[str, tuple[int, ...]]
    #: The same for the keys that match on conditions: a date's approximate forms (a
    #: time's hours) and a word's synonyms (partial credit), and a number's bare value
    #: (only between compatible units).
    approximate: dict[str, tuple[int, ...]]
    synonyms: dict[str, tuple[int, ...]]
    bare: dict[str, tuple[int, ...]]
    #: Kind -> (index, spelling compared, that spelling's remembered similarities,
    #: first letter of a name's fold) of the terms that may match by spelling.
    fuzzy: dict[str, list[tuple[int, str, dict[str, float], str]]]
    #: Indexes of numbers and dates with a unit and a strong prior (discrepancy checks).
    measured: tuple[int, ...]
    #: A number's rounded values without their unit ("~1.12e+08"): a rounded figure
    #: matches one given with the same or a compatible unit, or none ("112 million" and
    #: "112,4 millioner kroner"), as exact values do (`bare`).
    rounded_values: dict[str, tuple[int, ...]]
    #: The bounds of hedged figures ("over 300"), and those that exact figures fit
    #: (`bounds`): one side's hedged meet the other's fits, never two fits.
    hedged: dict[str, tuple[int, ...]]
    fits: dict[str, tuple[int, ...]]
    #: English derivational families ("injured", "injuries": `derivation`).
    derived: dict[str, tuple[int, ...]]


#: The one empty lookup every `TermIndex` without such keys shares: most sentences have
#: no rounded figure, hedge or approximate time, and a million empty dicts of their own
#: held about 85 MB at 10,000 articles. Never written to.
_NO_KEYS: dict[str, tuple[int, ...]] = {}

#: Shared one-term tuples: most keys are carried by a single term of a sentence.
_ALONE = tuple((i,) for i in range(256))


def term_index(features: SentenceFeatures) -> TermIndex:
    """The per-sentence lookups that `score_pair` uses."""
    by_key: dict[str, tuple[int, ...]] = {}
    approximate: dict[str, tuple[int, ...]] = {}
    synonyms: dict[str, tuple[int, ...]] = {}
    bare: dict[str, tuple[int, ...]] = {}
    fuzzy: dict[str, list[tuple[int, str, dict[str, float], str]]] = {}
    measured: list[int] = []
    rounded_values: dict[str, tuple[int, ...]] = {}
    hedged: dict[str, tuple[int, ...]] = {}
    fits: dict[str, tuple[int, ...]] = {}
    derived: dict[str, tuple[int, ...]] = {}
    for i, term in enumerate(features.terms):
        one = _ALONE[i] if i < len(_ALONE) else (i,)
        for key in term.keys:
            if key[0] == APPROX_PREFIX:
                if key.startswith(BOUND_PREFIX):
                    # A hedged figure's bound, or one an exact figure fits (`bounds`).
                    if key.endswith(HEDGED_MARK):
                        into, key = hedged, key[:-1]
                    else:
                        into = fits
                elif key.startswith((SYNONYM_PREFIX, PART_MATCH_PREFIX)):
                    into = synonyms
                elif key.startswith(DERIVATION_PREFIX):
                    into = derived
                elif term.kind == Kind.NUMBER:
                    # Keyed by the value alone; `score_pair` checks the units.
                    value = key.split(":", 1)[0]
                    held = rounded_values.get(value)
                    if held is None:
                        rounded_values[value] = one
                    elif i not in held:
                        rounded_values[value] = held + one
                    continue
                else:
                    into = approximate
            else:
                into = bare if _is_bare(key) else by_key
            held = into.get(key)
            into[key] = one if held is None else held + (i,)
        # Mirrors _fuzzy: names compare their surfaces, other terms their folded
        # spellings, which cognate_similarity ignores when short.
        if term.folded and (term.kind == Kind.NAME or len(term.folded) >= MIN_FUZZY_LENGTH):
            spelling = term.surface if term.kind == Kind.NAME else term.folded
            fuzzy.setdefault(term.kind, []).append((i, spelling, _memo_row(term.kind, spelling), term.folded[0]))
        if term.kind in (Kind.NUMBER, Kind.DATE) and term.unit not in (None, ORDINAL_UNIT) and term.prior >= 0.6:
            measured.append(i)
    return TermIndex(
        by_key, approximate or _NO_KEYS, synonyms or _NO_KEYS, bare or _NO_KEYS, fuzzy, tuple(measured),
        rounded_values or _NO_KEYS, hedged or _NO_KEYS, fits or _NO_KEYS, derived or _NO_KEYS,
    )


#: Prefix of a number's keys; "num:4" alone is its value without the unit.
NUMBER_PREFIX = "num:"


def _is_bare(key: str) -> bool:
    """Is ``key`` a number's value without its unit ("num:4")?"""
    return key.startswith(NUMBER_PREFIX) and key.count(":") == 1


def _other_units(a: Term, b: Term) -> bool:
    """Two quantities of different kinds ("four years", "4 prosent"): their bare value
    key is no match. A number without a unit may still match either."""
    return a.unit is not None and b.unit is not None and _family(a.unit) != _family(b.unit)


def _family(unit: str | None) -> str | None:
    """Units that measure the same kind of thing: any currency is money, and
    passengers and employees are people ("400 ansatte", "400 people")."""
    if unit and unit.startswith("currency:"):
        return unit.split(":", 1)[0]
    return _PEOPLE.get(unit, unit) if unit else unit


#: Counts of people of some kind, which news also gives as a count of people.
_PEOPLE = {"passenger": "person", "employee": "person"}


def _fuzzy(a: Term, b: Term) -> float:
    if not a.folded or not b.folded or a.kind != b.kind:
        return 0.0
    if a.kind == Kind.NAME:
        if names.fuzzy_same_name(a.surface, b.surface):
            return 0.95
        return 0.0
    sim = cognate_similarity(a.folded, b.folded)
    return sim if sim >= COGNATE_MIN else 0.0


#: (kind, spelling) -> {other spelling: similarity}: `_fuzzy` remembered per pair.
_memo: dict[tuple[str, str], dict[str, float]] = {}
_memo_size = [0]


def _memo_row(kind: str, spelling: str) -> dict[str, float]:
    row = _memo.get((kind, spelling))
    if row is None:
        row = _memo[(kind, spelling)] = {}
    return row


def _fuzzy_spellings(kind: str, a: str, b: str, row: dict[str, float]) -> float:
    """`_fuzzy` of two spellings of one kind (surfaces for names), remembered in ``row``."""
    if kind == Kind.NAME:
        sim = 0.95 if names.fuzzy_same_name(a, b) else 0.0
    else:
        sim = cognate_similarity(a, b)
        sim = sim if sim >= COGNATE_MIN else 0.0
    if _memo_size[0] >= _MEMO_LIMIT:
        # Bounded: rows stay (sentence indexes hold them), their contents go.
        for stale in _memo.values():
            stale.clear()
        _memo_size[0] = 0
    row[b] = sim
    _memo_size[0] += 1
    return sim


def forget_spellings() -> None:
    """Empty the spelling-similarity memo once a corpus is linked (it only saves time)."""
    _memo.clear()
    _memo_size[0] = 0


#: The parts of a proposal ``(credit, source term, target term, similarity)``.
_SOURCE_TERM = itemgetter(1)
_TARGET_TERM = itemgetter(2)
_MATCH = itemgetter(1, 2, 3)


def _propose_partial(
    s_keys: dict[str, tuple[int, ...]],
    t_keys: dict[str, tuple[int, ...]],
    credit: float,
    shared: set[tuple[int, int]],
    proposals: list[tuple[float, int, int, float]],
    source_weights: Sequence[float],
    target_weights: Sequence[float],
    allowed: Callable[[int, int], bool] | None = None,
) -> None:
    """Propose at ``credit`` the term pairs that share one of these keys (rounded figures,
    approximate times, synonyms), are not proposed yet and are ``allowed``; they join ``shared``."""
    if s_keys.keys().isdisjoint(t_keys.keys()):
        return  # nothing shared: settled without building the intersection
    pairs = {(i, j) for key in s_keys.keys() & t_keys.keys() for i in s_keys[key] for j in t_keys[key]}
    pairs -= shared
    if allowed is not None:
        pairs = {(i, j) for i, j in pairs if allowed(i, j)}
    for i, j in pairs:
        w_i, w_j = source_weights[i], target_weights[j]
        proposals.append((credit * (w_i if w_i < w_j else w_j), i, j, credit))
    shared |= pairs


def score_pair(
    source: SentenceFeatures,
    target: SentenceFeatures,
    source_weights: list[float],
    target_weights: list[float],
    source_index: TermIndex | None = None,
    target_index: TermIndex | None = None,
) -> PairScore:
    """Match the terms of two sentences one-to-one and score the coverage both ways.

    ``source_index`` / ``target_index`` (from `term_index`) save rebuilding them when a
    sentence is scored many times; the result is the same with or without them.
    """
    s_terms, t_terms = source.terms, target.terms
    s_total = sum(source_weights)
    t_total = sum(target_weights)
    if s_total <= 0 or t_total <= 0:
        return PairScore(0.0, [], [], 0.0, 0.0)
    s_index = source_index or term_index(source)
    t_index = target_index or term_index(target)

    s_by_key, t_by_key = s_index.by_key, t_index.by_key
    shared = {(i, j) for key in s_by_key.keys() & t_by_key.keys() for i in s_by_key[key] for j in t_by_key[key]}
    # Bare values only between compatible units; rounded forms for partial credit.
    if s_index.bare and t_index.bare:
        t_bare = t_index.bare
        for key in s_index.bare.keys() & t_bare.keys():
            for i in s_index.bare[key]:
                for j in t_bare[key]:
                    if not _other_units(s_terms[i], t_terms[j]):
                        shared.add((i, j))
    proposals = [
        (w_i if w_i < w_j else w_j, i, j, 1.0)
        for i, j in shared
        for w_i, w_j in ((source_weights[i], target_weights[j]),)
    ]
    if s_index.rounded_values and t_index.rounded_values:
        _propose_partial(
            s_index.rounded_values, t_index.rounded_values, APPROX_CREDIT, shared, proposals, source_weights,
            target_weights, lambda i, j: not _other_units(s_terms[i], t_terms[j]),
        )
    if s_index.hedged or t_index.hedged:  # few sentences hedge a figure
        compatible = lambda i, j: not _other_units(s_terms[i], t_terms[j])  # noqa: E731
        for s_bounds, t_bounds in ((s_index.hedged, t_index.fits), (s_index.fits, t_index.hedged)):
            if s_bounds and t_bounds:
                _propose_partial(
                    s_bounds, t_bounds, APPROX_CREDIT, shared, proposals, source_weights, target_weights, compatible
                )
    if s_index.approximate and t_index.approximate:
        _propose_partial(s_index.approximate, t_index.approximate, APPROX_CREDIT, shared, proposals, source_weights, target_weights)
    if s_index.derived and t_index.derived:
        _propose_partial(s_index.derived, t_index.derived, DERIVATION_CREDIT, shared, proposals, source_weights, target_weights)
    if s_index.synonyms and t_index.synonyms:
        _propose_partial(
            s_index.synonyms, t_index.synonyms, SYNONYM_CREDIT, shared, proposals, source_weights, target_weights
        )
    t_fuzzy_of = t_index.fuzzy
    for kind, s_fuzzy in s_index.fuzzy.items():
        t_fuzzy = t_fuzzy_of.get(kind)
        if not t_fuzzy:
            continue
        is_name = kind == Kind.NAME
        for i, a_spelling, row, a_first in s_fuzzy:
            get = row.get
            for j, b_spelling, _row, b_first in t_fuzzy:
                sim = get(b_spelling)
                if sim == 0.0:
                    continue  # known not to match: the commonest case, settled first
                # Names of different first letters never match (`names.fuzzy_same_name`).
                if (is_name and a_first != b_first and a_spelling != b_spelling) or (i, j) in shared:
                    continue
                if sim is None:
                    sim = _fuzzy_spellings(kind, a_spelling, b_spelling, row)
                if sim:
                    w_i, w_j = source_weights[i], target_weights[j]
                    proposals.append((sim * (w_i if w_i < w_j else w_j), i, j, sim))
    proposals.sort(reverse=True)

    used_s = set(map(_SOURCE_TERM, proposals))
    used_t = set(map(_TARGET_TERM, proposals))
    if len(used_s) == len(proposals) == len(used_t):
        # No term is proposed twice (the common case): the greedy pass keeps them all.
        matches = list(map(_MATCH, proposals))
    else:
        used_s.clear()
        used_t.clear()
        matches = []
        for _, i, j, sim in proposals:
            if i in used_s or j in used_t:
                continue
            used_s.add(i)
            used_t.add(j)
            matches.append((i, j, sim))

    disagreements: list[tuple[str, str, str]] = []
    partial: list[tuple[int, int, float]] = []
    if s_index.measured and t_index.measured:
        for i in s_index.measured:
            if i in used_s:
                continue
            a = s_terms[i]
            for j in t_index.measured:
                b = t_terms[j]
                if j in used_t or b.kind != a.kind or _family(b.unit) != _family(a.unit):
                    continue
                used_s.add(i)
                used_t.add(j)
                partial.append((i, j, DISAGREEING_NUMBER_CREDIT))
                disagreements.append((Kind.DATE if a.unit.startswith(DAY_UNIT) else a.kind, a.surface, b.surface))
                break

    kept = matches + partial if partial else matches
    matched_s = sum(source_weights[i] * sim for i, _, sim in kept)
    matched_t = sum(target_weights[j] * sim for _, j, sim in kept)
    s_cov = matched_s / s_total
    t_cov = matched_t / t_total
    s_support = s_cov * len(s_terms) / (len(s_terms) + SHORT_SMOOTHING)
    t_support = t_cov * len(t_terms) / (len(t_terms) + SHORT_SMOOTHING)
    raw = (s_support**SOURCE_EXPONENT) * (t_support**TARGET_EXPONENT) if matches else 0.0
    return PairScore(raw, matches, disagreements, s_cov, t_cov, s_support, t_support)
