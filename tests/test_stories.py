"""Story grouping: which articles report one event, at the scale of a real corpus."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tui.engine.features import sentence_features
from tui.engine.loader import load_paths
from tui.engine.matcher import build_index
from tui.engine.pair_model import agrees
from tui.engine.scoring import score_pair
from tui.engine.seeds import seed_dir
from tui.engine.stories import stories_from_counts

DATA = Path(__file__).parent / "data"


def _articles(n: int, sentences: int = 10) -> list[SimpleNamespace]:
    return [SimpleNamespace(sentences=[None] * sentences, date=None) for _ in range(n)]


def _counts(pairs: dict[tuple[int, int], int]) -> dict[int, int]:
    """Shared-fact counts of both directions of each pair."""
    out = {}
    for (a, b), count in pairs.items():
        out[(a << 32) | b] = count
        out[(b << 32) | a] = count
    return out


def test_one_bridge_between_two_stories_does_not_make_them_one() -> None:
    first, second = range(0, 4), range(4, 8)
    pairs = {(a, b): 5 for group in (first, second) for a in group for b in group if a < b}
    pairs[(3, 4)] = 6  # one article of each event shares stock sentences, even more
    stories = stories_from_counts(_articles(8), _counts(pairs), 8)
    assert len({stories[a] for a in first}) == 1
    assert len({stories[a] for a in second}) == 1
    assert stories[0] != stories[4]


def test_groups_whose_articles_share_facts_widely_are_one_story() -> None:
    pairs = {(a, b): 3 for a in range(6) for b in range(6) if a < b and (a + b) % 2}
    stories = stories_from_counts(_articles(6), _counts(pairs), 6)
    assert len(set(stories)) == 1


def test_too_few_shared_facts_are_no_story() -> None:
    stories = stories_from_counts(_articles(2), _counts({(0, 1): 1}), 2)
    assert stories[0] != stories[1]


def test_one_shared_fact_makes_a_story_of_two_short_reports() -> None:
    """Two six-sentence reports that agree on one fact (their lead) and word the rest
    differently are one event; one fact of seven sentences is too small a share."""
    short = stories_from_counts(_articles(2, sentences=6), _counts({(0, 1): 1}), 2)
    assert short[0] == short[1]
    longer = stories_from_counts(_articles(2, sentences=7), _counts({(0, 1): 1}), 2)
    assert longer[0] != longer[1]


def _agree(a: str, a_lang: str, b: str, b_lang: str) -> bool:
    source, target = sentence_features(a, a_lang), sentence_features(b, b_lang)
    pair = score_pair(source, target, [1.0] * len(source.terms), [1.0] * len(target.terms))
    return agrees(pair, source, target, translated=a_lang != b_lang)


def test_the_same_fact_across_languages_is_story_evidence() -> None:
    assert _agree(
        "Kinas president Xi Jinping har hatt samtaler med Russlands statsminister Mikhail Misjustin i Moskva tirsdag.",
        "nb",
        "Chinese President Xi Jinping held talks with Russian Prime Minister Mikhail Mishustin in Moscow on Tuesday.",
        "en",
    )


def test_sentences_cast_in_one_mould_are_no_story_evidence() -> None:
    # Other people in the same role.
    assert not _agree(
        "Henrik Jensen, som er tillitsvalgt i Haugesund, sier stemningen blant de streikende er god.", "nb",
        "Per Jørgensen, som er tillitsvalgt i Haugesund, sier stemningen blant de streikende er god.", "nb",
    )
    # Other figures.
    assert not _agree(
        "Streiken rammer rundt 120 000 flypassasjerer hver dag.", "nb",
        "Streiken rammer rundt 307 000 flypassasjerer hver dag.", "nb",
    )
    # Another place.
    assert not _agree(
        "Vladimir Putin thanked Xi Jinping for his peace efforts at a summit in Beijing.", "en",
        "Xi Jinping and Vladimir Putin posed as peace brokers at a summit in Moscow.", "en",
    )
    # A stock phrase with neither name nor number, even copied word for word.
    stock = "The opposition is now demanding that the government present a plan by May."
    assert not _agree(stock, "en", stock, "en")


@pytest.mark.parametrize(
    ("told", "too_little", "english"),
    [
        (
            "– Vi må vente på svar fra legene, og det er vanskelig.",
            "– Vi må vente, og det er vanskelig.",
            "We must wait for an answer from the doctors, and that is difficult.",
        ),
        (
            "Tidligere mandag ble det kjent at partiet nå forlater regjeringen.",
            "Partiet møttes mandag.",
            "The party said on Monday it was leaving the government.",
        ),
    ],
    ids=["quote", "dated report"],
)
def test_a_report_told_again_in_another_language_is_story_evidence(told: str, too_little: str, english: str) -> None:
    """A quote translated term for term, or the day and three more terms of what
    happened, told in two languages, is one report's words, though it names no one
    and gives no figure; copied word for word in one language it may be a stock
    phrase, and a looser telling is not enough."""
    assert _agree(told, "nb", english, "en")
    assert not _agree(english, "en", english, "en")
    assert not _agree(too_little, "nb", english, "en")


def test_a_long_quote_told_again_inside_a_longer_sentence_is_story_evidence() -> None:
    """The English runs the quote on into the next clause and names the speaker, so
    only the Norwegian side is nearly all matched: six terms and more told again still
    make it one report's words. A short quote must be matched both ways."""
    assert _agree(
        "– Dette er en trist dag fordi vi har verdens mest avanserte teknologi tilgjengelig for å fortsette sikker drift.", "nb",
        "This is a sad day because we have the world's most advanced technology available to continue safe operations, "
        "and this will hurt jobs and suppliers,” said the company's vice president.", "en",
    )
    assert not _agree(
        "– Det er en trist dag.", "nb",
        "It is a sad day for the town, and this will hurt jobs and suppliers,” said the company's vice president.", "en",
    )


def test_a_small_count_alone_does_not_make_two_accidents_one_story() -> None:
    """"Four people injured" recurs in reports of every accident: with nothing else
    shared it is no evidence of one event. A larger count is, and so is the same small
    count with the place it happened."""
    assert not _agree(
        "Fire personer er sendt til sykehus med lettere skader.", "nb",
        "The four people injured were taken to a nearby hospital.", "en",
    )
    assert _agree("Det var 55 personer om bord i toget.", "nb", "The train had 55 people on board.", "en")
    assert _agree(
        "Fire personer ble skadet på Brynseng skole.", "nb",
        "Four people were injured at Brynseng school.", "en",
    )


def test_a_country_named_only_to_place_a_report_does_not_part_two_reports() -> None:
    """Reports of one event name countries for their own readers ("Norway's", "an
    Ethiopian runner"): that each names one the other does not is no sign of two
    events. Another city is."""
    assert _agree(
        "Karin Dahl vant VM-gull på 10 000 meter i Budapest, foran en etiopisk løper.", "nb",
        "Norway's Karin Dahl won the 10,000 metres world title in Budapest.", "en",
    )
    assert not _agree(
        "Karin Dahl won the 10,000 metres world title in Budapest.", "en",
        "Karin Dahl won the 10,000 metres world title in Oslo.", "en",
    )


def test_each_annotated_story_is_its_own_in_one_corpus() -> None:
    """The seeds (two summits) and two dev stories opened together: four stories."""
    folders = [seed_dir(), DATA / "dev" / "storm_hans", DATA / "dev" / "oslo_pride_verdict"]
    articles = load_paths(folders).articles
    index = build_index(articles)
    by_folder: dict[str, set[int]] = {}
    beijing = None
    for number, article in enumerate(articles):
        if article.path.parent == seed_dir() and article.path.name.startswith("002_"):
            beijing = index.stories[number]
            continue
        by_folder.setdefault(article.path.parent.name, set()).add(index.stories[number])
    assert beijing is not None
    assert all(len(stories) == 1 for stories in by_folder.values()), by_folder
    found = [stories.pop() for stories in by_folder.values()] + [beijing]
    assert len(set(found)) == 4


def test_the_beijing_article_stays_apart_with_every_dev_story_in_one_corpus() -> None:
    """Opened with all the dev stories, the 2024 Beijing article is still its own story,
    the four Moscow articles one, and no dev story joins the seeds'."""
    folders = [seed_dir(), *sorted(p for p in (DATA / "dev").iterdir() if p.is_dir())]
    articles = load_paths(folders).articles
    index = build_index(articles)
    seeds = {n: index.stories[n] for n, article in enumerate(articles) if article.path.parent == seed_dir()}
    beijing = {story for n, story in seeds.items() if articles[n].path.name.startswith("002_")}
    moscow = {story for n, story in seeds.items() if not articles[n].path.name.startswith("002_")}
    assert len(moscow) == 1 and len(beijing) == 1 and beijing != moscow
    dev = {index.stories[n] for n, article in enumerate(articles) if article.path.parent != seed_dir()}
    assert not dev & (beijing | moscow)


def _agree_weighted(a: str, a_lang: str, b: str, b_lang: str) -> bool:
    """`agrees` with each term weighing its kind's weight times its prior, as linking
    weighs them before the corpus's idf."""
    from tui.engine.candidates import KIND_WEIGHT

    source, target = sentence_features(a, a_lang), sentence_features(b, b_lang)
    weights = [KIND_WEIGHT[term.kind] * term.prior for term in source.terms]
    pair = score_pair(source, target, weights, [KIND_WEIGHT[t.kind] * t.prior for t in target.terms])
    return agrees(pair, source, target, weights)


def test_two_statements_sharing_only_who_made_them_are_no_story_evidence() -> None:
    """Sentences about one prime minister on two occasions share his title and names and
    nothing of what is said: no evidence that the two articles report one event."""
    assert not _agree_weighted(
        "He and Prime Minister Jonas Gahr Støre had met over lunch before the announcement.", "en",
        "Labour, led by Prime Minister Jonas Gahr Støre, remained the largest party.", "en",
    )
    assert _agree_weighted(
        "Kinas president Xi Jinping har hatt samtaler med Russlands statsminister Mikhail Misjustin i Moskva tirsdag.",
        "nb",
        "Chinese President Xi Jinping held talks with Russian Prime Minister Mikhail Mishustin in Moscow on Tuesday.",
        "en",
    )
