"""Second look at each candidate pair: does its context agree that it is right?

Rewrites and translations of one report keep its facts in roughly the same order and
neighbouring facts together, and two articles about one event share many facts. So a
weak pair (a, s) -> (b, t) is more likely right when a neighbouring sentence of ``s``
is linked to a sentence near ``t``, when ``t`` is the best partner of ``s`` in ``b``
and ``s`` the best of ``t`` in ``a``, when the two articles share many strong links,
and when the two sentences sit at similar places in their articles. A second small
logistic model (`CONTEXT_FEATURES`) combines these with the first confidence.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

#: Raw candidates per source sentence: (score, target article, target sentence, pair).
RawLinks = Mapping[tuple[int, int], Sequence[tuple[float, int, int, Any]]]

#: What the second model sees of a candidate pair.
CONTEXT_FEATURES = (
    "first_logit",  # log-odds of the first (pair-only) confidence
    "neighbours",  # best first confidence of a pair between neighbours, on the diagonal
    "mutual_best",  # 1 when each sentence is the other's best partner in its article
    "article_agreement",  # strong links the two articles share, per sentence of the shorter
    "position_gap",  # difference of the two sentences' relative places in their articles
)
#: Fitted by `benchmarks/fit_calibration.py --context` (see `CONTEXT_FEATURES`). These
#: neutral weights leave the first confidence as it is: the fitted model (with the first
#: model refitted alongside) is not adopted yet, since its extra neighbours make the
#: pruned index differ from exhaustive scoring and it lowers the seeds' recall.
CONTEXT_BIAS = 0.0
CONTEXT_WEIGHTS = (1.0, 0.0, 0.0, 0.0, 0.0)
#: A first confidence this high counts as a strong link between two articles.
STRONG_LINK = 0.4
#: Neighbours looked at: the sentence before / after ``s``, paired with a sentence up to
#: this far from ``t`` in the same direction (or ``t``'s own place).
NEIGHBOUR_REACH = 2
#: Strong links per sentence of the shorter article at which agreement counts as full.
FULL_AGREEMENT = 1 / 3


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


class PairContext:
    """Lookups over the first confidences of a corpus's candidate pairs."""

    def __init__(self, raw_links: RawLinks, sizes: Sequence[int]) -> None:
        self.sizes = sizes
        self.score: dict[tuple[int, int, int, int], float] = {}
        self.best_in: dict[tuple[int, int, int], float] = defaultdict(float)
        strong: dict[tuple[int, int], int] = defaultdict(int)
        for (a, s), scored in raw_links.items():
            for score, b, t, _pair in scored:
                self.score[(a, s, b, t)] = score
                if score > self.best_in[(a, s, b)]:
                    self.best_in[(a, s, b)] = score
                if score >= STRONG_LINK:
                    strong[(a, b)] += 1
        self.strong = strong

    def _either(self, a: int, s: int, b: int, t: int) -> float:
        get = self.score.get
        return max(get((a, s, b, t), 0.0), get((b, t, a, s), 0.0))

    def vector(self, a: int, s: int, b: int, t: int, score: float) -> tuple[float, ...]:
        """The second model's input for one pair (see ``CONTEXT_FEATURES``)."""
        neighbours = 0.0
        for ds in (-1, 1):
            for dt in range(0, NEIGHBOUR_REACH + 1):
                neighbours = max(neighbours, self._either(a, s + ds, b, t + ds * dt))
        reverse = self.score.get((b, t, a, s), 0.0)
        mutual = score >= self.best_in[(a, s, b)] - 1e-9 and reverse >= self.best_in[(b, t, a)] - 1e-9 and reverse > 0
        shared = (self.strong.get((a, b), 0) + self.strong.get((b, a), 0)) / 2
        shorter = max(1, min(self.sizes[a], self.sizes[b]))
        agreement = min(1.0, shared / shorter / FULL_AGREEMENT)
        gap = abs(s / max(1, self.sizes[a] - 1) - t / max(1, self.sizes[b] - 1))
        return (_logit(score), neighbours, 1.0 if mutual else 0.0, agreement, gap)


def calibrate(vector: Sequence[float]) -> float:
    """The second model's confidence that a pair states the same fact."""
    z = CONTEXT_BIAS + sum(w * x for w, x in zip(CONTEXT_WEIGHTS, vector))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def rescore(
    raw_links: dict[tuple[int, int], list[tuple[float, int, int, Any]]],
    sizes: Sequence[int],
    floor: float = 0.0,
    model: Callable[[Sequence[float]], float] = calibrate,
) -> None:
    """Replace every first confidence in ``raw_links`` by the context model's, in place.

    Candidates whose new confidence falls under ``floor`` are dropped, and sentences
    left with none.
    """
    context = PairContext(raw_links, sizes)
    rescored = {}
    for (a, s), scored in raw_links.items():
        kept = [
            (new, b, t, pair)
            for score, b, t, pair in scored
            if (new := model(context.vector(a, s, b, t, score))) >= floor
        ]
        if kept:
            rescored[(a, s)] = kept
    raw_links.clear()
    raw_links.update(rescored)
