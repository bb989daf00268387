"""The gold annotations fit the articles, and the metrics count what they claim to."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest

from tui.engine.evaluation import (
    Annotation,
    AnnotationError,
    ResolvedAnnotation,
    best_of_sweep,
    evaluate,
    load_annotation,
    parse_annotation,
    rapidfuzz_baseline,
    resolve,
    sweep_baseline,
    unannotated_sentences,
)
from tui.engine.loader import load_paths
from tui.engine.models import Article, Link
from tui.engine.seeds import seed_dir
from tui.engine.segment import split_segments

DATA = Path(__file__).parent / "data"
SEED_LINKS = DATA / "seed_links.json"
DEV_SETS = sorted(p.parent for p in (DATA / "dev").glob("*/links.json"))
NORWEGIAN_SEED = "000_9d70b3237cfb51d0.txt"
BEIJING_2024 = "002_224c937b70eb1750.txt"


def _load(annotation: Annotation, folder: Path) -> list[Article]:
    return load_paths([folder / name for name in annotation.articles]).articles


@pytest.fixture(scope="module")
def seeds() -> tuple[list[Article], Annotation, ResolvedAnnotation]:
    annotation = load_annotation(SEED_LINKS)
    articles = _load(annotation, seed_dir())
    return articles, annotation, resolve(annotation, articles)


def _perfect(gold: ResolvedAnnotation):
    def links_for(a: int, s: int) -> list[Link]:
        return [Link(a, s, t, ts, 1.0) for t, ts in sorted(gold.same_fact.get((a, s), ()))]

    return links_for


def _no_counterpart(articles, gold, file: str) -> list[str]:
    a = next(i for i, art in enumerate(articles) if art.path.name == file)
    return [
        articles[a].sentence_text(s)
        for s in range(len(articles[a].sentences))
        if not gold.same_fact[(a, s)]
    ]


def test_seed_annotation_covers_every_sentence_once(seeds) -> None:
    articles, annotation, gold = seeds
    assert [a.path.name for a in articles] == list(annotation.articles)
    assert unannotated_sentences(gold, articles) == []
    assert len(gold.same_fact) == len(annotation.sentences) == sum(len(a.sentences) for a in articles)


def test_seed_links_are_symmetric_and_never_cross_to_the_2024_meeting(seeds) -> None:
    articles, annotation, gold = seeds
    assert annotation.asymmetric_pairs() == []
    beijing = [a.path.name for a in articles].index(BEIJING_2024)
    for (a, s), targets in gold.same_fact.items():
        assert all(t[0] != a for t in targets)
        if a == beijing:
            assert not targets
        assert all(t[0] != beijing for t in targets)
        assert not targets & gold.other_story[(a, s)]
    assert any(gold.other_story[k] for k in gold.other_story if k[0] == beijing)


def test_seed_norwegian_sentences_without_english_counterpart(seeds) -> None:
    articles, _, gold = seeds
    lonely = _no_counterpart(articles, gold, NORWEGIAN_SEED)
    joined = "\n".join(lonely)
    for fact in ("200 milliarder", "185 milliarder", "egne valutaer", "Stoltenberg"):
        assert fact in joined
    assert len(lonely) == 9


def test_seed_caption_with_mishustin_has_english_counterparts(seeds) -> None:
    articles, _, gold = seeds
    nb = [a.path.name for a in articles].index(NORWEGIAN_SEED)
    caption = next(
        s for s, seg in enumerate(articles[nb].sentences)
        if "statsminister Mikhail Misjustin i Moskva tirsdag" in articles[nb].sentence_text(s)
    )
    assert articles[nb].sentences[caption].caption
    targets = {articles[t].sentence_text(ts) for t, ts in gold.same_fact[(nb, caption)]}
    assert any("Mishustin" in text for text in targets)


@pytest.mark.parametrize("folder", DEV_SETS, ids=lambda p: p.name)
def test_dev_set_resolves_and_is_shaped_like_the_seeds(folder: Path) -> None:
    annotation = load_annotation(folder / "links.json")
    articles = _load(annotation, folder)
    gold = resolve(annotation, articles)
    assert annotation.asymmetric_pairs() == []
    assert unannotated_sentences(gold, articles) == []
    assert Counter(a.language for a in articles) == {"nb": 1, "en": 2}
    # News-length articles (the seeds have 20 to 35 sentences): not a stub, not a failed cut.
    assert all(8 <= len(a.sentences) <= 24 for a in articles)
    nb = next(i for i, a in enumerate(articles) if a.language == "nb")
    linked = sum(1 for (a, _), t in gold.same_fact.items() if a == nb and t)
    lonely = sum(1 for (a, _), t in gold.same_fact.items() if a == nb and not t)
    assert linked >= 8 and lonely >= 3


def test_dev_sets_stay_out_of_the_seed_folder() -> None:
    seed_names = {p.name for p in seed_dir().glob("*.txt")}
    assert len(DEV_SETS) >= 8  # the eight annotated dev stories the held-out figures count
    for folder in DEV_SETS:
        assert not seed_names & {p.name for p in folder.glob("*.txt")}


def test_perfect_links_score_one_and_empty_links_score_zero(seeds) -> None:
    articles, _, gold = seeds
    perfect = evaluate(articles, _perfect(gold), gold)
    assert perfect.precision_at_1 == 1.0 and perfect.recall_at_3 == 1.0
    assert perfect.false_links == 0 and perfect.errors == []
    assert perfect.direction("nb->en").recall_at_3 == 1.0
    assert perfect.shown == sum(1 for t in gold.same_fact.values() if t)

    empty = evaluate(articles, lambda a, s: [], gold)
    assert empty.recall_at_3 == 0.0 and empty.shown == 0 and empty.false_links == 0
    assert {e.kind for e in empty.errors} == {"missed"}


def _article(name: str, language: str, text: str) -> Article:
    return Article(
        path=Path(name), text=text, encoding="utf-8",
        digest=hashlib.sha256(text.encode()).hexdigest(), title=name, outlet=None,
        language=language, date=None, word_count=len(text.split()),
        segments=split_segments(text),
    )


TINY = [
    _article("nb.txt", "nb", "Brannen startet tirsdag. Tre personer ble skadet. Ordføreren takket mannskapene."),
    _article("en1.txt", "en", "The fire started on Tuesday. Three people were hurt. The weather was dry."),
    _article("en2.txt", "en", "Firefighters fought the blaze for hours. The fire began on Tuesday."),
]
TINY_GOLD = parse_annotation({
    "articles": ["nb.txt", "en1.txt", "en2.txt"],
    "sentences": [
        {"file": "nb.txt", "text": "Brannen startet", "same_fact": [
            {"file": "en1.txt", "text": "The fire started"}, {"file": "en2.txt", "text": "began on Tuesday"}]},
        {"file": "nb.txt", "text": "Tre personer", "same_fact": [{"file": "en1.txt", "text": "Three people"}]},
        {"file": "nb.txt", "text": "Ordføreren", "same_fact": [],
         "other_story": [{"file": "en2.txt", "text": "Firefighters"}]},
        {"file": "en1.txt", "text": "The fire started", "same_fact": [
            {"file": "nb.txt", "text": "Brannen startet"}, {"file": "en2.txt", "text": "began on Tuesday"}]},
        {"file": "en1.txt", "text": "Three people", "same_fact": [{"file": "nb.txt", "text": "Tre personer"}]},
        {"file": "en1.txt", "text": "weather", "same_fact": []},
        {"file": "en2.txt", "text": "began on Tuesday", "same_fact": [
            {"file": "nb.txt", "text": "Brannen startet"}, {"file": "en1.txt", "text": "The fire started"}]},
    ],
})


def test_hand_made_links_are_counted_exactly() -> None:
    shown = {
        # right at 1
        (0, 0): [Link(0, 0, 2, 1, 0.9), Link(0, 0, 1, 0, 0.8)],
        # wrong at 1, right at 2: a precision error but found for recall
        (0, 1): [Link(0, 1, 1, 2, 0.7), Link(0, 1, 1, 1, 0.6)],
        # no counterpart, linked to the other story's look-alike: a false link
        (0, 2): [Link(0, 2, 2, 0, 0.5)],
        # right at 1
        (1, 0): [Link(1, 0, 0, 0, 0.9)],
        # (1, 1) shows nothing: missed
        # no counterpart, nothing shown: fine
        # unannotated sentence linked to an annotated one: counted wrong
        (2, 0): [Link(2, 0, 1, 2, 0.4)],
        # right at 1, after a link to its own article that must be ignored
        (2, 1): [Link(2, 1, 2, 0, 1.0), Link(2, 1, 1, 0, 0.9)],
    }
    metrics = evaluate(TINY, lambda a, s: shown.get((a, s), []), TINY_GOLD)
    o = metrics.overall
    assert (o.shown, o.correct_at_1) == (6, 3)
    assert (o.with_counterpart, o.found_at_3) == (5, 4)
    assert (o.no_counterpart, o.false_links, o.other_story_at_1) == (2, 1, 1)
    kinds = Counter(e.kind for e in metrics.errors)
    assert kinds == {"wrong_top1": 2, "false_link": 1, "missed": 1}

    nb_en = metrics.direction("nb->en")
    assert (nb_en.shown, nb_en.correct_at_1, nb_en.found_at_3, nb_en.false_links) == (3, 1, 2, 1)
    en_nb = metrics.direction("en->nb")
    assert (en_nb.shown, en_nb.correct_at_1, en_nb.with_counterpart) == (1, 1, 3)
    assert "nb->nb" not in metrics.by_direction

    only_nb = evaluate(TINY, lambda a, s: shown.get((a, s), []), TINY_GOLD,
                       source_filter=lambda art: art.language == "nb")
    assert (only_nb.shown, only_nb.overall.correct_at_1, only_nb.false_links) == (3, 1, 1)


def test_snippets_must_name_exactly_one_sentence() -> None:
    def one(text: str) -> Annotation:
        return parse_annotation({"articles": ["en1.txt"], "sentences": [{"file": "en1.txt", "text": text}]})

    assert resolve(one("weather was"), TINY).same_fact == {(1, 2): frozenset()}
    with pytest.raises(AnnotationError, match="no sentence"):
        resolve(one("a sentence nobody wrote"), TINY)
    with pytest.raises(AnnotationError, match="2 sentences"):
        resolve(one("The "), TINY)
    with pytest.raises(AnnotationError, match="not loaded"):
        resolve(parse_annotation({"articles": ["gone.txt"], "sentences": []}), TINY)


def test_rapidfuzz_baseline_scores_low_on_norwegian_to_english(seeds) -> None:
    articles, _, gold = seeds
    naive = evaluate(articles, rapidfuzz_baseline(articles), gold)
    assert naive.shown == len(gold.same_fact)  # always shows its best guess
    assert naive.direction("nb->en").precision_at_1 < 0.5
    assert naive.precision_at_1 < 0.5
    threshold, best = best_of_sweep(sweep_baseline(articles, gold))
    assert 0.0 <= threshold <= 1.0
    assert best.direction("nb->en").precision_at_1 < 0.5
    assert best.direction("nb->en").recall_at_3 < 0.5


def _all_rows(output: str, who: str) -> list[tuple[int, ...]]:
    """The counts of every ``<who> all`` line of `crossread eval` output, in order."""
    rows = []
    for line in output.splitlines():
        if line.startswith(f"{who} all "):
            # (P@1 right, shown), (R@3 found, with a counterpart), (false links, without one)
            rows.append(tuple(int(count) for pair in re.findall(r"(\d+)/(\d+)", line) for count in pair))
    return rows


def test_crossread_eval_pools_several_annotations_and_takes_a_threshold(capsys: pytest.CaptureFixture[str]) -> None:
    from tui.engine.evaluation import main

    annotations = [str(DATA / "dev" / name / "links.json") for name in ("alta_landslide", "fosse_nobel")]
    assert main(annotations) == 0
    out = capsys.readouterr().out
    first, second, pooled = _all_rows(out, "matcher  ")
    assert pooled == tuple(a + b for a, b in zip(first, second))
    assert "== 2 annotations pooled: 93 sentences" in out
    base_first, base_second, base_pooled = _all_rows(out, "rapidfuzz")
    assert base_pooled == tuple(a + b for a, b in zip(base_first, base_second))

    assert main([*annotations, "--min-score", "0.3"]) == 0
    lower = _all_rows(capsys.readouterr().out, "matcher  ")[-1]
    assert lower[1] > pooled[1]  # a lower threshold shows more sentences a link
    assert lower[2] >= pooled[2]  # ... and finds as many counterparts in the top 3

    with pytest.raises(SystemExit) as exit_info:
        main([annotations[0], "--min-score", "2"])
    assert exit_info.value.code == 2
