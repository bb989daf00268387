"""The context features: mutual best partners, articles that agree, similar places."""

from pathlib import Path

from tui.engine import context, matcher
from tui.engine.context import PairContext
from tui.engine.loader import load_paths
from tui.engine.raw_chunks import ChunkContext, pack_candidates

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

SIZES = [5, 5]


def _raw(*pairs: tuple[int, int, int, int, float]) -> dict:
    raw: dict = {}
    for a, s, b, t, score in pairs:
        raw.setdefault((a, s), []).append((score, b, t, None))
    return raw


def test_mutual_best_partners_are_marked_and_others_not() -> None:
    raw = _raw((0, 0, 1, 0, 0.6), (1, 0, 0, 0, 0.6), (0, 0, 1, 3, 0.3), (1, 3, 0, 0, 0.3), (1, 3, 0, 4, 0.8))
    context = PairContext(raw, SIZES)
    assert context.vector(0, 0, 1, 0, 0.6)[1] == 1.0
    assert context.vector(0, 0, 1, 3, 0.3)[1] == 0.0


def test_articles_sharing_many_strong_links_agree_and_far_places_do_not() -> None:
    raw = _raw(*[(0, i, 1, i, 0.8) for i in range(5)], (0, 0, 1, 4, 0.3))
    context = PairContext(raw, SIZES)
    near = context.vector(0, 0, 1, 0, 0.8)
    far = context.vector(0, 0, 1, 4, 0.3)
    assert near[2] == far[2] == 1.0
    assert (near[3], far[3]) == (0.0, 1.0)


def test_packed_chunks_give_every_candidate_the_same_second_look_as_the_table() -> None:
    """`link_corpus` reads the context from packed chunks, the calibration script from a
    table of every pair: on the seeds, split over chunks, both give every candidate the
    same confidence (the reverse pairs of many sit in another chunk)."""
    articles = load_paths([SEEDS]).articles
    features, weights, lookup = matcher.prepare(articles)
    raw: dict = {}
    for a, article in enumerate(features):
        for s in range(len(article)):
            scored = [
                (score, b, t, matcher.KeptPair.of(pair))
                for b, t, pair, vector in matcher.scored_candidates(articles, features, weights, lookup, a, s)
                if (score := matcher.calibrate(vector)) >= matcher.KEEP_FLOOR
            ]
            if scored:
                raw[(a, s)] = matcher._prune(scored)
    sizes = [len(article) for article in features]
    firsts = [0, 2, 3]
    bounds = list(zip(firsts, [*firsts[1:], len(articles)]))
    chunks = [pack_candidates((a, s, raw[(a, s)]) for (a, s) in sorted(raw) if lo <= a < hi) for lo, hi in bounds]
    packed = ChunkContext(chunks, firsts, sizes)
    table = PairContext(raw, sizes)
    compared = mutual = 0
    for chunk in chunks:
        for a, s, rows in chunk.rows():
            for (new, b, t, _m), (score, *_rest) in zip(packed.rescored(a, s, rows), rows):
                vector = table.vector(a, s, b, t, score)
                assert new == context.calibrate(vector)
                compared += 1
                mutual += int(vector[1])
    assert compared == sum(len(scored) for scored in raw.values()) > 100
    assert mutual > 10
