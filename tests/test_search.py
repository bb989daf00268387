"""Search: what a reader types finds the titles and sentences they mean, highlighted."""

from __future__ import annotations

import time

import pytest

from tui.engine.search import SearchHit, SearchIndex, fold, hit_text, search
from views_support import make_article, seed_articles


def highlighted(articles, hit: SearchHit) -> list[str]:
    text = hit_text(articles, hit)
    return [text[start:end] for start, end in hit.spans]


def test_folding_ignores_accents_case_and_typographic_quotes() -> None:
    assert fold("Tromsø") == fold("TROMSO") == "tromso"
    assert fold("Blåbær") == "blabaer"
    assert fold("Straße") == "strasse"
    assert fold("Putin’s «plan»") == "putin's \"plan\""


def test_lowercase_query_finds_capitalised_norwegian_word_in_the_seeds() -> None:
    articles = seed_articles()
    hits = search(articles, "moskva")
    assert hits, "the Norwegian seed mentions Moskva"
    assert all(hit.article == 0 for hit in hits), "only the Norwegian seed spells it Moskva"
    for hit in hits:
        assert hit.score == 100
        assert highlighted(articles, hit) == ["Moskva"]


def test_ascii_query_finds_letters_with_accents_and_highlights_the_original() -> None:
    articles = [
        make_article(["Været i Tromsø var kaldt.", "Blåbærsyltetøy fra Tromsø er godt."], name="a.txt"),
        make_article(["Nothing about the north here."], name="b.txt"),
    ]
    hits = search(articles, "tromso")
    assert [(hit.article, hit.sentence) for hit in hits] == [(0, 0), (0, 1)]
    # "æ" folds to two letters before the match: the span must still land on "Tromsø".
    assert [highlighted(articles, hit) for hit in hits] == [["Tromsø"], ["Tromsø"]]


def test_typo_finds_the_word_but_ranks_below_exact_matches() -> None:
    articles = seed_articles()
    hits = search(articles, "moskwa")
    assert hits and all(hit.score < 90 for hit in hits)
    assert highlighted(articles, hits[0]) == ["Moskva"]
    exact = search(articles, "moskva")
    assert exact[0].score > hits[0].score


def test_whole_words_rank_above_word_starts_and_word_insides() -> None:
    articles = [
        make_article(["The gasworks closed.", "Europe buys gas.", "Vegas odds."], title="Gas story", name="g.txt")
    ]
    hits = search(articles, "gas")
    assert [(hit.sentence, hit.score) for hit in hits] == [(None, 100), (1, 100), (0, 98), (2, 92)]


def test_title_hit_has_no_sentence_and_is_not_doubled_when_the_text_opens_with_it() -> None:
    titled = make_article(["Talks went on.", "Leaders met in Beijing."], title="Beijing summit", name="t.txt")
    opening = make_article(["Beijing summit ends.", "Nothing else."], name="o.txt")
    hits = search([titled, opening], "beijing")
    assert [(hit.article, hit.sentence) for hit in hits] == [(0, None), (0, 1), (1, 0)]
    assert highlighted([titled, opening], hits[0]) == ["Beijing"]


def test_all_words_of_a_query_found_apart_highlight_each_word() -> None:
    articles = seed_articles()
    hits = [hit for hit in search(articles, "putin gas") if hit.score >= 90]
    assert len(hits) >= 3
    for hit in hits:
        shown = [word.casefold() for word in highlighted(articles, hit)]
        assert shown == ["putin", "gas"]


def test_hits_are_best_first_and_limited() -> None:
    articles = seed_articles()
    hits = search(articles, "putin", limit=7)
    assert len(hits) == 7
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert len({(hit.article, hit.sentence) for hit in hits}) == 7


@pytest.mark.parametrize("query", ["", "   ", "qqqqqqqqqqqq", "zx"])
def test_empty_or_unmatched_query_finds_nothing(query: str) -> None:
    assert search(seed_articles(), query) == []


def test_short_queries_do_not_match_fuzzily() -> None:
    articles = [make_article(["Xu met Li.", "Xi met Putin."], name="x.txt")]
    assert [(hit.sentence, hit.score) for hit in search(articles, "xi")] == [(1, 100)]


def test_index_over_300000_sentences_answers_quickly() -> None:
    seeds = seed_articles()
    sentences = [a.sentence_text(i) for a in seeds for i in range(len(a.sentences))]
    articles = [
        make_article([f"{sentence} ({copy})" for sentence in sentences] * 20, name=f"{copy}.txt")
        for copy in range(100)
    ]
    index = SearchIndex(articles)
    assert len(index) >= 290_000
    for query in ("kremlin", "moskwa", "putin gas", "tromso"):
        started = time.perf_counter()
        hits = index.search(query)
        assert time.perf_counter() - started < 2.5, query
        assert query == "tromso" or len(hits) == 50
