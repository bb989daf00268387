"""Term weights, and the inverted index that proposes each sentence's candidate partners.

A term weighs its kind's prior times the corpus idf of its keys to the power
`IDF_EXPONENT` (`idf_weights`, `term_weights`). An index from candidate keys to
sentences (`candidate_lookup`) proposes, for each sentence, the few sentences of other
articles that share the most weight with it, so the work grows with the number of
sentences that share telling terms rather than with the square of the corpus.
`scoring` then scores those candidates exactly.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections import defaultdict
from collections.abc import Callable
from itertools import chain
from operator import itemgetter

import numpy

from tui.engine.bounds import BOUND_PREFIX
from tui.engine.cognates import prefix_key
from tui.engine.derivation import DERIVATION_PREFIX
from tui.engine.features import LOCAL_PREFIX, PHRASE_PREFIX, Kind, SentenceFeatures
from tui.engine.lexicon import PART_MATCH_PREFIX, SYNONYM_PREFIX

#: Candidates scored exactly per sentence, after the cheap inverted-index pass: the
#: best ``PRESELECT`` times as many by shared weight are ranked again by an estimate
#: of two-way coverage, and these many go on.
CANDIDATES_PER_SENTENCE = 20
PRESELECT = 3
#: A small corpus has more of its candidates scored (`candidates_per_sentence`): there
#: it costs little, and the cut at 20 dropped true partners whose shared words are
#: common ones (on the seeds, Putin's "talks ... on the second day of Xi's state visit"
#: and "har hatt flere samtaler med Putin" ranked 20th and 21st as terms changed).
SMALL_CORPUS_CANDIDATES = 60
#: ... up to this many sentences; from there the number falls to
#: `CANDIDATES_PER_SENTENCE` at three times as many.
SMALL_CORPUS_SENTENCES = 5_000
#: Postings read per sentence, rarest keys first: the commoner keys that would pass
#: this are left out (they weigh little and cost the most). At 10,000 generated
#: articles, where a story's names and words are each held by 400-700 sentences, 1,000
#: read two keys or so: 64.5% of the fact sentences showed a true link. 4,000 reads
#: the names too: 79.1%, for 0.3 ms more per sentence (`benchmarks/bench.py`).
HIT_BUDGET = 4000
#: A candidate key held by more sentences than this is too common to propose partners
#: (below it, the limit grows with the square root of the corpus's sentences). At
#: 10,000 articles a story's own names and numbers are held by several hundred
#: sentences: a lower cap left a fifth of the fact sentences with no partner of their
#: story among the candidates. The work per sentence stays bounded by `HIT_BUDGET`.
MAX_POSTINGS = 1000
#: Prior weight of each term kind, times the corpus idf of the term to this power.
#: Squared, a name that most sentences of a story share (the two leaders of a summit)
#: weighs far less than the figure or the rare word that makes one sentence's fact;
#: leave-one-corpus-out on the annotations: P@1 0.74 -> 0.78 and R@3 0.52 -> 0.56
#: at the default threshold, against the plain idf. 2.5 since article agreement is
#: graded (`context.FULL_AGREEMENT`): P@1 155/174 -> 158/175, R@3 156 -> 158/284,
#: false links 8 -> 9 (2.25 to 3.0 all beat 2.0; with the fit's L2 at 0.4 instead of
#: 0.5, 2.5 does worse than 2.0, so the gain is within the noise of the refits).
IDF_EXPONENT = 2.5
KIND_WEIGHT = {Kind.NUMBER: 1.6, Kind.DATE: 0.8, Kind.NAME: 1.2, Kind.WORD: 1.0}


#: Keys that match at part credit: they neither weigh a term nor propose partners.
_LOOSE = (SYNONYM_PREFIX, PART_MATCH_PREFIX, BOUND_PREFIX, DERIVATION_PREFIX)


def idf_weights(features: list[list[SentenceFeatures]]) -> dict[str, float]:
    """Inverse document frequency of every shared key over all sentences."""
    df: dict[str, int] = defaultdict(int)
    n = 0
    for article in features:
        for sentence in article:
            n += 1
            for key in {k for term in sentence.terms for k in term.keys}:
                df[key] += 1
    return {key: math.log((n + 1) / (count + 0.5)) + 1.0 for key, count in df.items()}


def term_weights(sentence: SentenceFeatures, idf: dict[str, float]) -> list[float]:
    weights = []
    for term in sentence.terms:
        # A phrase key is rarer than its head word: the word's own rarity weighs it.
        shared = [idf[k] for k in term.keys if not k.startswith((LOCAL_PREFIX, PHRASE_PREFIX) + _LOOSE)]
        if not shared:
            shared = [idf[k] for k in term.keys if k.startswith(PHRASE_PREFIX)]
        term_idf = max(shared) if shared else max((idf[k] for k in term.keys if not k.startswith(_LOOSE)), default=1.0)
        weights.append(KIND_WEIGHT[term.kind] * term.prior * term_idf ** IDF_EXPONENT)
    return weights


def key_gains(sentence: SentenceFeatures, weights: list[float]) -> dict[str, float]:
    """What sharing each candidate key with another sentence is worth to this one.

    A term's weight, spread over its keys (synonyms share it); half of it for the
    spelling prefix that finds cognates. Synonym and part-match keys
    (`lexicon.SYNONYM_PREFIX`, `lexicon.PART_MATCH_PREFIX`) propose no partner: a pair
    they would find shares little else, and at scale they would crowd better
    candidates out (on the generated 1,000-article corpus, true-link recall 82.7%
    without synonyms, 81.6% with them at a quarter of a term's weight).
    """
    gains: dict[str, float] = {}
    for term, weight in zip(sentence.terms, weights):
        keys = [key for key in term.keys if not key.startswith(_LOOSE)]
        gain = weight / math.sqrt(len(keys)) if keys else 0.0
        for key in keys:
            if gains.get(key, 0.0) < gain:
                gains[key] = gain
        if term.folded:
            prefix = prefix_key(term.folded)
            if prefix and gains.get(prefix, 0.0) < weight * 0.5:
                gains[prefix] = weight * 0.5
    return gains


def proposing_keys(sentence: SentenceFeatures) -> set[str]:
    """The keys by which a sentence finds partners: those `key_gains` gives a gain
    when every term weighs something."""
    return set(key_gains(sentence, [1.0] * len(sentence.terms)))


def candidates_per_sentence(n_sentences: int) -> int:
    """How many candidates of each sentence are scored exactly, in a corpus of
    ``n_sentences``: `SMALL_CORPUS_CANDIDATES` in a small one, `CANDIDATES_PER_SENTENCE`
    in a large one, so that the work stays linear in the corpus."""
    budget = SMALL_CORPUS_CANDIDATES * SMALL_CORPUS_SENTENCES // max(1, n_sentences)
    return max(CANDIDATES_PER_SENTENCE, min(SMALL_CORPUS_CANDIDATES, budget))


def candidate_lookup(
    features: list[list[SentenceFeatures]],
    weights: list[list[list[float]]],
    max_df: int | None,
    per_sentence: int = CANDIDATES_PER_SENTENCE,
) -> Callable[[int, int], list[tuple[int, int]]]:
    """An inverted index over candidate keys; returns a lookup of likely partners.

    Partners are ranked by the weight they share with the sentence, then the best
    ``PRESELECT * per_sentence`` again by an estimate of the two-way
    coverage that `score_pair` computes exactly. Keys held by more than ``max_df``
    sentences are skipped: they are too common to tell partners apart, and skipping
    them keeps the work per sentence bounded however large the corpus grows.
    ``max_df=None`` proposes every sentence of every other article (exhaustive
    scoring, for checking the pruning on small corpora).
    """
    places = [(a, s) for a, article in enumerate(features) for s in range(len(article))]
    if max_df is None:
        def everything(a: int, s: int) -> list[tuple[int, int]]:
            return [place for place in places if place[0] != a]

        return everything

    postings: dict[str, list[int]] = {}
    totals = array("d")
    first_gid = [0]
    for a, article in enumerate(features):
        for s, sentence in enumerate(article):
            gid = len(totals)
            gains = key_gains(sentence, weights[a][s])
            for key in gains:
                hits = postings.get(key)
                if hits is None:
                    postings[key] = [gid]
                elif len(hits) <= max_df:
                    hits.append(gid)
            totals.append(sum(gains.values()) or 1.0)
        first_gid.append(len(totals))
    # Keys too common to be read are left out (looked up, they are skipped alike), and
    # so are keys of one sentence (they propose no partner; most phrases and figures).
    # The others' postings are held end to end in one array: key -> (length, start).
    spans: dict[str, tuple[int, int]] = {}
    start = 0
    for key, hits in postings.items():
        if 1 < len(hits) <= max_df:
            spans[key] = (len(hits), start)
            start += len(hits)
    flat = numpy.fromiter(
        chain.from_iterable(hits for hits in postings.values() if 1 < len(hits) <= max_df), numpy.int32, start
    )
    del postings

    def lookup(a: int, s: int) -> list[tuple[int, int]]:
        lists: list[tuple[int, float, int]] = []
        for key, gain in key_gains(features[a][s], weights[a][s]).items():
            span = spans.get(key)
            if span is not None:
                lists.append((span[0], gain, span[1]))
        lists.sort(key=itemgetter(0))
        taken, budget = 0, HIT_BUDGET
        while taken < len(lists) and lists[taken][0] <= budget:
            budget -= lists[taken][0]
            taken += 1
        if not taken:
            return []
        sizes, gains, begins = (numpy.array(column) for column in zip(*lists[:taken]))
        # The lists read, end to end: each hit's place in ``flat``.
        ends = numpy.cumsum(sizes)
        hits = flat[numpy.arange(ends[-1]) + numpy.repeat(begins - (ends - sizes), sizes)]
        # The sentences met, each with where it was first met: a stable sort keeps each
        # one's hits in the order read.
        order = hits.argsort(kind="stable")
        ordered = hits[order]
        new = numpy.empty(len(ordered), numpy.bool_)
        new[0] = True
        numpy.not_equal(ordered[1:], ordered[:-1], out=new[1:])
        met, first = ordered[new], order[new]
        # The weight each shares with this one: its lists' gains summed in the order read
        # (bincount adds in input order, as a Python loop would).
        shares = numpy.bincount(numpy.cumsum(new) - 1, weights=numpy.repeat(gains, sizes)[order])
        others = (met < first_gid[a]) | (met >= first_gid[a + 1])
        met, first, shares = met[others], first[others], shares[others]
        # Best shares first; equal shares in the order they were first met.
        best = numpy.lexsort((first, -shares))[: PRESELECT * per_sentence]
        pool = zip(met[best].tolist(), shares[best].tolist())
        own_total = totals[first_gid[a] + s]
        rescored = [
            (gid, (shared / own_total) ** 0.6 * min(1.0, shared / totals[gid]) ** 0.4) for gid, shared in pool
        ]
        best = heapq.nlargest(per_sentence, rescored, key=itemgetter(1))
        return [places[gid] for gid, _ in best]

    return lookup


def max_postings(n_sentences: int) -> int:
    """How many sentences may share a candidate key before it is skipped as too common."""
    return min(MAX_POSTINGS, max(50, int(n_sentences**0.5) * 4))
