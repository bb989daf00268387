"""Fact grid: which article of a story states which fact, and its exports."""

from __future__ import annotations

import csv
import io
from itertools import combinations
from pathlib import Path

from tui.engine.evaluation import load_annotation, resolve
from tui.engine.factgrid import build_fact_grid, to_csv, to_markdown
from views_support import find_sentence, make_article, make_index, seed_articles, seed_index

GOLD = Path(__file__).parent / "data" / "seed_links.json"


def story_corpus():
    """Three reports of one meeting (two of them one wire story) and one other event."""
    ntb = make_article(
        ["Xi kom til Moskva mandag.", "Putin kalte Xi en kjær venn.", "Handelen nådde 185 milliarder dollar."],
        language="nb", outlet="NTB", name="ntb.txt",
    )
    ap = make_article(
        ["Xi arrived in Moscow on Monday.", "Trade reached $185 billion.", "Putin called Xi a dear friend."],
        outlet="AP", name="ap.txt",
    )
    ap_copy = make_article(
        ["Xi arrived in Moscow on Monday.", "Putin called Xi a dear friend.", "Weather was cold."],
        outlet="AP", name="ap-copy.txt",
    )
    other = make_article(["Xi arrived in Beijing a year later."], outlet="CNN", name="cnn.txt")
    return [ntb, ap, ap_copy, other]


def arrival_links():
    return [
        ((0, 0), (1, 0), 0.9),
        ((1, 0), (2, 0), 0.99),
        ((0, 0), (2, 0), 0.85),
        ((0, 1), (1, 2), 0.8),
        ((0, 1), (2, 1), 0.75),
        ((0, 2), (1, 1), 0.7),
        ((1, 0), (3, 0), 0.6),  # a different story: never in this grid
    ]


def test_rows_are_facts_most_sources_first_and_cells_name_the_stating_sentence() -> None:
    articles = story_corpus()
    index = make_index(articles, arrival_links(), stories=[0, 0, 0, 1], sources=[0, 1, 1, 2])
    grid = build_fact_grid(index, 0)
    assert [column.article for column in grid.columns] == [0, 1, 2]
    rows = [(fact.cells, fact.sources, fact.articles) for fact in grid.facts]
    assert rows == [
        ((0, 0, 0), 2, 3),  # arrival: three articles but two sources (AP copy)
        ((1, 2, 1), 2, 3),  # "dear friend"
        ((2, 1, None), 2, 2),  # trade figure, not in the copy
    ]


def test_independent_sources_rank_above_copies() -> None:
    articles = story_corpus()
    links = [((1, 0), (2, 0), 0.99), ((0, 2), (1, 1), 0.7)]
    index = make_index(articles, links, stories=[0, 0, 0, 1], sources=[0, 1, 1, 2])
    grid = build_fact_grid(index, 0)
    assert [(fact.label, fact.sources) for fact in grid.facts] == [((0, 2), 2), ((1, 0), 1)]


def test_a_fact_never_takes_two_sentences_of_one_article() -> None:
    articles = story_corpus()
    # AP's arrival sentence loosely matches NTB's "dear friend" too: connected
    # components would fuse both NTB sentences into one fact.
    links = [((0, 0), (1, 0), 0.9), ((1, 0), (0, 1), 0.55), ((0, 1), (1, 2), 0.8)]
    index = make_index(articles, links, stories=[0, 0, 0, 1])
    grid = build_fact_grid(index, 0)
    assert sorted(fact.cells for fact in grid.facts) == [(0, 0, None), (1, 2, None)]


def test_links_below_the_shown_threshold_are_left_out() -> None:
    articles = story_corpus()
    index = make_index(articles, arrival_links(), stories=[0, 0, 0, 1], sources=[0, 1, 1, 2])
    strict = build_fact_grid(index, 0, min_score=0.8)
    assert [fact.cells for fact in strict.facts] == [(0, 0, 0), (1, 2, None)]
    assert strict.min_score == 0.8
    assert len(build_fact_grid(index, 0, min_score=0.3).facts) == 3


def test_label_is_the_most_central_sentence() -> None:
    articles = story_corpus()
    links = [((0, 0), (1, 0), 0.9), ((1, 0), (2, 0), 0.8)]  # AP's sentence links both others
    grid = build_fact_grid(make_index(articles, links, stories=[0, 0, 0, 1]), 0)
    assert grid.facts[0].label == (1, 0)
    assert grid.facts[0].label_text == "Xi arrived in Moscow on Monday."


def test_single_article_facts_only_on_request() -> None:
    articles = story_corpus()
    index = make_index(articles, arrival_links(), stories=[0, 0, 0, 1], sources=[0, 1, 1, 2])
    assert all(fact.articles >= 2 for fact in build_fact_grid(index, 0).facts)
    other = build_fact_grid(index, 1)
    assert other.facts == () and [column.article for column in other.columns] == [3]


def test_headers_tell_same_outlet_articles_apart() -> None:
    index = make_index(story_corpus(), arrival_links(), stories=[0, 0, 0, 1])
    headers = [column.header for column in build_fact_grid(index, 0).columns]
    assert headers == ["NTB (nb)", "ap.txt (en)", "ap-copy.txt (en)"]


def test_markdown_export_is_a_table_with_sentence_numbers_from_one() -> None:
    articles = story_corpus()
    index = make_index(articles, arrival_links(), stories=[0, 0, 0, 1], sources=[0, 1, 1, 2])
    lines = to_markdown(build_fact_grid(index, 0)).splitlines()
    assert lines[0] == "| Fact | Sources | NTB (nb) | ap.txt (en) | ap-copy.txt (en) |"
    assert len(lines) == 2 + 3
    assert lines[-1] == "| Handelen nådde 185 milliarder dollar. | 2 | 3 | 2 | – |"


def test_markdown_export_escapes_pipes_and_drops_control_characters() -> None:
    a = make_article(["Score was 2|1 \x1b[31mred."], outlet="A", name="a.txt")
    b = make_article(["It ended 2-1."], outlet="B", name="b.txt")
    index = make_index([a, b], [((0, 0), (1, 0), 0.9)], stories=[0, 0])
    text = to_markdown(build_fact_grid(index, 0))
    assert "\x1b" not in text
    assert "2\\|1" in text
    assert text.splitlines()[-1].count(" | ") == 3


def test_csv_export_reads_back_as_the_grid() -> None:
    articles = story_corpus()
    index = make_index(articles, arrival_links(), stories=[0, 0, 0, 1], sources=[0, 1, 1, 2])
    grid = build_fact_grid(index, 0)
    rows = list(csv.reader(io.StringIO(to_csv(grid))))
    assert rows[0] == ["fact", "sources", "NTB (nb)", "ap.txt (en)", "ap-copy.txt (en)"]
    assert rows[1:] == [
        [fact.label_text, str(fact.sources), *("" if c is None else str(c + 1) for c in fact.cells)]
        for fact in grid.facts
    ]


def test_csv_export_keeps_spreadsheets_from_running_a_sentence() -> None:
    a = make_article(["=HYPERLINK(\"http://x\") says hi."], outlet="A", name="a.txt")
    b = make_article(["Hi."], outlet="B", name="b.txt")
    index = make_index([a, b], [((0, 0), (1, 0), 0.9)], stories=[0, 0])
    rows = list(csv.reader(io.StringIO(to_csv(build_fact_grid(index, 0)))))
    assert rows[1][0].startswith("'=")


def test_seed_grid_with_the_real_matcher_groups_gold_counterparts() -> None:
    articles = seed_articles()
    index = seed_index()
    grid = build_fact_grid(index, index.stories[0])
    names = [articles[column.article].path.name[:3] for column in grid.columns]
    assert names == ["000", "001", "003", "004"], "002 reports the 2024 meeting, another story"
    gold = resolve(load_annotation(GOLD), articles).same_fact
    pairs = [
        (x, y)
        for fact in grid.facts
        for x, y in combinations(
            [(column.article, s) for column, s in zip(grid.columns, fact.cells) if s is not None], 2
        )
    ]
    assert len(grid.facts) >= 8
    correct = sum(y in gold.get(x, ()) for x, y in pairs)
    assert correct / len(pairs) >= 0.75, f"{correct} of {len(pairs)} same-fact pairs are gold"
    gas, afp = find_sentence(articles, "rekordmye gass til Kina"), find_sentence(articles, "Gazprom said")
    assert any(fact.cells[0] == gas[1] and fact.cells[2] == afp[1] for fact in grid.facts)
    assert [fact.sources for fact in grid.facts] == sorted((f.sources for f in grid.facts), reverse=True)
