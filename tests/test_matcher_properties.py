"""Property tests: the matcher takes any Unicode text without raising, and its scores
stay within 0-1 with offsets inside the articles."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.engine.features import sentence_features
from tui.engine.loader import SkipFile, article_from_bytes
from tui.engine.matcher import build_index

LANGUAGES = st.sampled_from(["nb", "nn", "en", "sv", "da", "de", None])
# Mix arbitrary Unicode with the stuff matching cares about: digits, separators,
# number words, capitals, quotes and dashes.
PIECES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["4,5", "12-punktsplan", "200 milliarder dollar", "four-and-a-half", "«", "»", "– ",
                     "Kina", "China's", "tirsdag", "March 21, 2023", "$", "%", ". ", "\n\n", "U.S.", "Misjustin"]),
)
TEXTS = st.lists(PIECES, max_size=25).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, LANGUAGES)
def test_sentence_features_take_any_text(text: str, language: str | None) -> None:
    features = sentence_features(text, language)
    for term in features.terms:
        assert 0 <= term.start <= term.end <= len(text)
        assert term.keys


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=2, max_size=4))
def test_build_index_scores_stay_within_0_and_1(texts: list[str]) -> None:
    articles = []
    for n, text in enumerate(texts):
        try:
            articles.append(article_from_bytes(Path(f"a{n}.txt"), text.encode("utf-8")))
        except SkipFile:
            continue
    index = build_index(articles)
    for link in index.all_links(min_score=0.0):
        assert 0.0 <= link.score <= 1.0
        assert link.source != link.target
        for start, end in link.evidence.source_spans:
            assert 0 <= start <= end <= len(articles[link.source].text)
        for start, end in link.evidence.target_spans:
            assert 0 <= start <= end <= len(articles[link.target].text)


def test_a_200_000_character_word_is_no_word_to_compare() -> None:
    word = "Tsjernysjenko" * 15_385  # about 200,000 letters, in two articles
    articles = [
        article_from_bytes(Path(f"{n}.txt"), f"Putin møtte {word} i Moskva tirsdag.\n".encode())
        for n in range(2)
    ]
    index = build_index(articles)
    for link in index.all_links(min_score=0.0):
        assert all(end - start < 1000 for start, end in link.evidence.source_spans)
