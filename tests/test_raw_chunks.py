"""Packed raw candidates: what the parent reads from the workers' chunks must equal what
it would read from a table of every candidate (stories, sources, the context model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.engine import context, matcher, pair_model
from tui.engine.loader import load_paths
from tui.engine.raw_chunks import ChunkContext, ChunkedCounts, CountTable, pack_candidates
from tui.engine.stories import group_sources, group_stories, sources_from_counts, stories_from_counts

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
#: First article of each chunk: the seeds split three ways, so many reverse pairs and
#: article pairs sit in another chunk than their source.
FIRSTS = [0, 2, 3]


@pytest.fixture(scope="module")
def seeds_raw():
    """The seeds' raw links as `link_corpus` keeps them (first model, pruned), their
    articles and sentence counts, and the same links packed in chunks."""
    articles = load_paths([SEEDS]).articles
    features, weights, lookup = matcher.prepare(articles)
    raw: dict = {}
    for a, article in enumerate(features):
        for s in range(len(article)):
            scored = [
                (score, b, t, pair_model.KeptPair.of(pair, features[a][s], features[b][t]))
                for b, t, pair, vector in matcher.scored_candidates(articles, features, weights, lookup, a, s)
                if (score := pair_model.calibrate(vector)) >= matcher.KEEP_FLOOR
            ]
            if scored:
                raw[(a, s)] = matcher._prune(scored)
    bounds = list(zip(FIRSTS, [*FIRSTS[1:], len(articles)]))
    chunks = [pack_candidates((a, s, raw[(a, s)]) for (a, s) in sorted(raw) if lo <= a < hi) for lo, hi in bounds]
    return articles, raw, [len(article) for article in features], chunks


def test_packed_chunks_give_every_candidate_the_same_second_look_as_the_table(seeds_raw) -> None:
    """`link_corpus` reads the context from packed chunks, the calibration script from a
    table of every pair: both give every candidate of the seeds the same confidence."""
    articles, raw, sizes, chunks = seeds_raw
    languages = [article.language for article in articles]
    packed = ChunkContext(chunks, FIRSTS, sizes, languages)
    table = context.PairContext(raw, sizes, languages)
    compared = mutual = same = 0
    for chunk in chunks:
        for a, s, rows in chunk.rows():
            for (new, b, t, _m), (score, *_rest) in zip(packed.rescored(a, s, rows), rows):
                vector = table.vector(a, s, b, t, score)
                assert new == context.calibrate(vector)
                compared += 1
                mutual += int(vector[1])
                same += int(vector[7])
    assert compared == sum(len(scored) for scored in raw.values()) > 100
    assert mutual > 10
    assert 10 < same < compared  # English to English, and across languages


def test_stories_and_sources_from_chunk_counts_equal_those_from_the_raw_links(seeds_raw) -> None:
    articles, raw, _sizes, chunks = seeds_raw
    stories = stories_from_counts(articles, ChunkedCounts([chunk.facts for chunk in chunks], FIRSTS), len(articles))
    assert stories == group_stories(articles, raw, len(articles))
    assert len(set(stories)) == 2  # the 2024 Beijing meeting is a story of its own
    sources = sources_from_counts(articles, ChunkedCounts([chunk.copies for chunk in chunks], FIRSTS), len(articles))
    assert sources == group_sources(articles, raw, len(articles))


def test_count_tables_answer_like_the_dict_they_were_made_from() -> None:
    counts = {(3 << 32) | 1: 2, (0 << 32) | 4: 7, (3 << 32) | 0: 1}
    table = CountTable(counts)
    assert {key: table.get(key) for key in counts} == counts
    assert table.get((1 << 32) | 1) == 0 and table.get(-1, 5) == 5
    merged = ChunkedCounts([CountTable({4: 7}), CountTable({(3 << 32) | 1: 2, (3 << 32) | 0: 1})], [0, 2])
    assert dict(merged.items()) == counts
    assert merged.get((3 << 32) | 1) == 2 and merged.get((2 << 32) | 1) == 0
