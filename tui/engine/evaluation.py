"""Score a matcher against hand-made "same fact" annotations.

The annotation names sentences by a short snippet of their text rather than by index,
so it survives changes to the sentence splitter: a snippet that stops matching exactly
one sentence is an error, never a silent guess. The metrics are the ones crossread is
judged on (precision@1 over the sentences that show a link, recall@3 over the
sentences that have a counterpart, and false links on sentences without one), given
for all sentences and per language direction, with every error kept for inspection.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from tui.engine.models import Article, Link

#: (article index, sentence index) in a loaded corpus.
Key = tuple[int, int]
#: A matcher under test: the links of one sentence, best first.
LinksFor = Callable[[int, int], list[Link]]


class AnnotationError(ValueError):
    """The annotation does not fit the articles (a snippet matches no or several sentences)."""


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """A sentence named by its file and a snippet of its text."""

    file: str
    text: str


@dataclass(frozen=True, slots=True)
class AnnotatedSentence:
    """One sentence and the sentences of other articles that state the same fact."""

    ref: SentenceRef
    same_fact: tuple[SentenceRef, ...] = ()
    #: Closest statements from a different story (event): reported, never correct.
    other_story: tuple[SentenceRef, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Annotation:
    """A gold annotation as stored on disk (snippets, not indexes)."""

    articles: tuple[str, ...]
    sentences: tuple[AnnotatedSentence, ...]

    def pairs(self) -> set[tuple[SentenceRef, SentenceRef]]:
        """Every (sentence, same-fact sentence) pair, in the direction written."""
        return {(s.ref, t) for s in self.sentences for t in s.same_fact}

    def asymmetric_pairs(self) -> list[tuple[SentenceRef, SentenceRef]]:
        """Same-fact pairs whose reverse is missing: the gold must be symmetric."""
        pairs = self.pairs()
        return sorted((p for p in pairs if (p[1], p[0]) not in pairs), key=repr)


def _refs(items: Iterable[dict[str, str]]) -> tuple[SentenceRef, ...]:
    return tuple(SentenceRef(item["file"], item["text"]) for item in items)


def parse_annotation(data: dict) -> Annotation:
    """Build an ``Annotation`` from its JSON form."""
    sentences = tuple(
        AnnotatedSentence(
            ref=SentenceRef(entry["file"], entry["text"]),
            same_fact=_refs(entry.get("same_fact", [])),
            other_story=_refs(entry.get("other_story", [])),
            note=entry.get("note", ""),
        )
        for entry in data["sentences"]
    )
    return Annotation(tuple(data["articles"]), sentences)


def load_annotation(path: Path | str) -> Annotation:
    """Read an annotation file (``seed_links.json``, ``links.json``)."""
    return parse_annotation(json.loads(Path(path).read_text(encoding="utf-8")))


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def _norm(text: str) -> str:
    """Fold the differences a snippet should not depend on: quote styles, spacing."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(slots=True)
class ResolvedAnnotation:
    """The annotation mapped onto loaded articles: gold sets per (article, sentence)."""

    same_fact: dict[Key, frozenset[Key]]
    other_story: dict[Key, frozenset[Key]]
    notes: dict[Key, str] = field(default_factory=dict)

    def annotated(self, key: Key) -> bool:
        return key in self.same_fact

    def annotated_articles(self) -> set[int]:
        return {a for a, _ in self.same_fact}


def _article_index(articles: Sequence[Article]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, article in enumerate(articles):
        index.setdefault(article.path.name, i)
    return index


def resolve_ref(ref: SentenceRef, articles: Sequence[Article], by_name: dict[str, int]) -> Key:
    """The one sentence ``ref`` names; raises ``AnnotationError`` on none or several."""
    if ref.file not in by_name:
        raise AnnotationError(f"{ref.file}: no such article among the loaded ones")
    a = by_name[ref.file]
    article = articles[a]
    snippet = _norm(ref.text)
    hits = [
        i for i in range(len(article.sentences)) if snippet in _norm(article.sentence_text(i))
    ]
    if len(hits) != 1:
        found = "no sentence" if not hits else f"{len(hits)} sentences {hits}"
        raise AnnotationError(f"{ref.file}: snippet {ref.text!r} matches {found}")
    return (a, hits[0])


def resolve(annotation: Annotation, articles: Sequence[Article]) -> ResolvedAnnotation:
    """Map every snippet to (article, sentence), failing loudly on any ambiguity.

    The same-fact relation is made symmetric here, so a pair written in one direction
    only still counts both ways (``Annotation.asymmetric_pairs`` reports such pairs).
    """
    by_name = _article_index(articles)
    missing = [name for name in annotation.articles if name not in by_name]
    if missing:
        raise AnnotationError(f"articles not loaded: {', '.join(missing)}")
    same: dict[Key, set[Key]] = {}
    other: dict[Key, set[Key]] = {}
    notes: dict[Key, str] = {}
    for entry in annotation.sentences:
        key = resolve_ref(entry.ref, articles, by_name)
        if key in same:
            raise AnnotationError(f"{entry.ref.file}: two entries name sentence {key[1]}")
        same[key] = {resolve_ref(t, articles, by_name) for t in entry.same_fact}
        other[key] = {resolve_ref(t, articles, by_name) for t in entry.other_story}
        if entry.note:
            notes[key] = entry.note
        if any(t[0] == key[0] for t in same[key] | other[key]):
            raise AnnotationError(f"{entry.ref.file}: {entry.ref.text!r} links to its own article")
    for key, targets in list(same.items()):
        for target in targets:
            if target not in same:
                raise AnnotationError(f"same-fact target {target} has no entry of its own")
            same[target].add(key)
    return ResolvedAnnotation(
        {k: frozenset(v) for k, v in same.items()},
        {k: frozenset(v) for k, v in other.items()},
        notes,
    )


def _resolved(
    annotation: Annotation | ResolvedAnnotation, articles: Sequence[Article]
) -> ResolvedAnnotation:
    if isinstance(annotation, ResolvedAnnotation):
        return annotation
    return resolve(annotation, articles)


def unannotated_sentences(resolved: ResolvedAnnotation, articles: Sequence[Article]) -> list[Key]:
    """Sentences of annotated articles that have no entry (should be none)."""
    return [
        (a, s)
        for a in sorted(resolved.annotated_articles())
        for s in range(len(articles[a].sentences))
        if not resolved.annotated((a, s))
    ]


@dataclass(slots=True)
class Scores:
    """Counts and rates over one set of source sentences."""

    #: Sentences that show at least one link (annotated, or linked to an annotated one).
    shown: int = 0
    #: Shown sentences whose best link states the same fact.
    correct_at_1: int = 0
    #: Annotated sentences with at least one same-fact counterpart.
    with_counterpart: int = 0
    #: ... of which one counterpart is among the top 3 links.
    found_at_3: int = 0
    #: Annotated sentences without any counterpart.
    no_counterpart: int = 0
    #: ... of which show a link anyway.
    false_links: int = 0
    #: Best links that land on the closest statement of another story.
    other_story_at_1: int = 0

    @property
    def precision_at_1(self) -> float:
        """Share of shown sentences whose best link is right (0 when nothing is shown)."""
        return self.correct_at_1 / self.shown if self.shown else 0.0

    @property
    def recall_at_3(self) -> float:
        """Share of sentences with a counterpart that find one in their top 3."""
        return self.found_at_3 / self.with_counterpart if self.with_counterpart else 0.0

    def __add__(self, other: Scores) -> Scores:
        """The counts of two sets of sentences together (to pool several annotations)."""
        return Scores(*(getattr(self, name) + getattr(other, name) for name in Scores.__dataclass_fields__))

    def summary(self) -> str:
        return (
            f"P@1 {self.precision_at_1:.2f} ({self.correct_at_1}/{self.shown})  "
            f"R@3 {self.recall_at_3:.2f} ({self.found_at_3}/{self.with_counterpart})  "
            f"false links {self.false_links}/{self.no_counterpart}  "
            f"other-story@1 {self.other_story_at_1}"
        )


@dataclass(frozen=True, slots=True)
class EvalError:
    """One mistake, with the texts needed to judge it."""

    kind: str  # "wrong_top1", "missed", "false_link"
    direction: str
    source: Key
    source_text: str
    #: What the matcher showed (best first, up to 3) and what the gold expected.
    got: tuple[tuple[Key, str], ...]
    expected: tuple[tuple[Key, str], ...]

    def describe(self) -> str:
        lines = [f"[{self.kind} {self.direction}] {self.source}: {self.source_text}"]
        lines += [f"    got      {k}: {t}" for k, t in self.got]
        lines += [f"    expected {k}: {t}" for k, t in self.expected]
        return "\n".join(lines)


@dataclass(slots=True)
class Metrics:
    """Scores over all sentences, per direction ("nb->en", "en->en", ...), and errors."""

    overall: Scores
    by_direction: dict[str, Scores]
    errors: list[EvalError]

    @property
    def precision_at_1(self) -> float:
        return self.overall.precision_at_1

    @property
    def recall_at_3(self) -> float:
        return self.overall.recall_at_3

    @property
    def shown(self) -> int:
        return self.overall.shown

    @property
    def false_links(self) -> int:
        return self.overall.false_links

    def direction(self, name: str) -> Scores:
        return self.by_direction.get(name, Scores())

    def report(self, title: str = "") -> str:
        lines = [f"{title}all    {self.overall.summary()}"]
        lines += [
            f"{title}{name:6} {scores.summary()}"
            for name, scores in sorted(self.by_direction.items())
        ]
        return "\n".join(lines)


def _language(article: Article) -> str:
    return article.language or "?"


def _score_one(
    scores: Scores,
    errors: list[EvalError] | None,
    direction: str,
    key: Key,
    links: list[Link],
    gold: ResolvedAnnotation,
    allowed: Callable[[int], bool],
    text: Callable[[Key], str],
) -> None:
    """Add one source sentence's outcome to ``scores`` (targets limited by ``allowed``)."""
    links = [link for link in links if allowed(link.target)]
    targets = [(link.target, link.target_sentence) for link in links]
    got = tuple((t, text(t)) for t in targets[:3])
    if not gold.annotated(key):
        if targets and gold.annotated(targets[0]):
            scores.shown += 1
            if errors is not None:
                errors.append(EvalError("wrong_top1", direction, key, text(key), got, ()))
        return
    expected_keys = sorted(t for t in gold.same_fact[key] if allowed(t[0]))
    expected = tuple((t, text(t)) for t in expected_keys)
    if targets:
        scores.shown += 1
        if targets[0] in gold.same_fact[key]:
            scores.correct_at_1 += 1
        else:
            if targets[0] in gold.other_story.get(key, frozenset()):
                scores.other_story_at_1 += 1
            if errors is not None:
                kind = "wrong_top1" if expected else "false_link"
                errors.append(EvalError(kind, direction, key, text(key), got, expected))
    if expected:
        scores.with_counterpart += 1
        if any(t in gold.same_fact[key] for t in targets[:3]):
            scores.found_at_3 += 1
        elif errors is not None:
            errors.append(EvalError("missed", direction, key, text(key), got, expected))
    else:
        scores.no_counterpart += 1
        if targets:
            scores.false_links += 1


def evaluate(
    articles: Sequence[Article],
    links_for: LinksFor,
    annotation: Annotation | ResolvedAnnotation,
    *,
    source_filter: Callable[[Article], bool] | None = None,
) -> Metrics:
    """Score ``links_for`` on every sentence of the articles that ``source_filter`` keeps.

    A link from an annotated sentence to anything outside its same-fact list is wrong
    (links to another story's closest statement are counted as such, never as right).
    A link from an unannotated sentence counts, as wrong, only when it lands on an
    annotated one; links between two unannotated sentences are ignored. Per direction
    ("nb->en"), only the links and gold targets in articles of the target language are
    considered, so "nb->en" asks: what does a Norwegian sentence show from English?
    """
    gold = _resolved(annotation, articles)
    overall = Scores()
    by_direction: dict[str, Scores] = {}
    errors: list[EvalError] = []
    languages = sorted({_language(a) for a in articles})

    def text(key: Key) -> str:
        return articles[key[0]].sentence_text(key[1])

    for a, article in enumerate(articles):
        if source_filter is not None and not source_filter(article):
            continue
        for s in range(len(article.sentences)):
            links = [link for link in links_for(a, s) if link.target != a]
            _score_one(overall, errors, "all", (a, s), links, gold, lambda _t: True, text)
            for language in languages:
                direction = f"{_language(article)}->{language}"

                def allowed(t: int, language: str = language) -> bool:
                    return _language(articles[t]) == language

                if not any(allowed(t) for t in range(len(articles)) if t != a):
                    continue
                scores = by_direction.setdefault(direction, Scores())
                _score_one(scores, None, direction, (a, s), links, gold, allowed, text)
    return Metrics(overall, by_direction, errors)


def rapidfuzz_baseline(articles: Sequence[Article], *, threshold: float = 0.0) -> LinksFor:
    """The naive matcher: in every other article, the sentence with the best
    ``token_set_ratio``; kept when its score (0-1) reaches ``threshold``."""
    texts = [
        [utils.default_process(a.sentence_text(i)) for i in range(len(a.sentences))]
        for a in articles
    ]
    cache: dict[Key, list[Link]] = {}

    def links_for(article: int, sentence: int) -> list[Link]:
        if (article, sentence) not in cache:
            query = texts[article][sentence]
            found: list[Link] = []
            for target, choices in enumerate(texts):
                if target == article or not choices:
                    continue
                best = process.extractOne(query, choices, scorer=fuzz.token_set_ratio)
                if best is not None:
                    _, score, index = best
                    found.append(Link(article, sentence, target, index, score / 100))
            found.sort(key=lambda link: -link.score)
            cache[(article, sentence)] = found
        return [link for link in cache[(article, sentence)] if link.score >= threshold]

    return links_for


def sweep_baseline(
    articles: Sequence[Article],
    annotation: Annotation | ResolvedAnnotation,
    thresholds: Iterable[float] = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9),
) -> list[tuple[float, Metrics]]:
    """The baseline at several thresholds: shows what a naive cut-off can and cannot buy."""
    gold = _resolved(annotation, articles)
    base = rapidfuzz_baseline(articles)
    results = []
    for threshold in thresholds:

        def cut(a: int, s: int, threshold: float = threshold) -> list[Link]:
            return [link for link in base(a, s) if link.score >= threshold]

        results.append((threshold, evaluate(articles, cut, gold)))
    return results


def best_of_sweep(sweep: Sequence[tuple[float, Metrics]]) -> tuple[float, Metrics]:
    """The threshold with the best harmonic mean of P@1 and R@3."""

    def f1(m: Metrics) -> float:
        p, r = m.precision_at_1, m.recall_at_3
        return 2 * p * r / (p + r) if p + r else 0.0

    return max(sweep, key=lambda item: f1(item[1]))


def _articles_for(
    annotation_path: Path, annotation: Annotation, directory: Path | None
) -> list[Path]:
    """Where the annotated files are: ``directory``, next to the annotation, or the seeds."""
    from tui.engine.seeds import seed_dir

    candidates = [directory] if directory else []
    candidates += [annotation_path.parent]
    try:
        candidates.append(seed_dir())
    except FileNotFoundError:
        pass
    for folder in candidates:
        if all((folder / name).is_file() for name in annotation.articles):
            return [folder / name for name in annotation.articles]
    raise AnnotationError(f"cannot find the articles of {annotation_path}")


def main(argv: Sequence[str] | None = None) -> int:
    """Print the matcher's and the baseline's scores on one or more annotations."""
    parser = argparse.ArgumentParser(
        prog="crossread eval", description=main.__doc__
    )
    parser.add_argument("annotations", nargs="+", type=Path, help="seed_links.json, links.json")
    parser.add_argument("--dir", type=Path, help="folder holding the annotated articles")
    parser.add_argument("--errors", action="store_true", help="list the matcher's errors")
    parser.add_argument(
        "--min-score", type=float, default=None, metavar="X",
        help="score the links at or above X (default: the reader's threshold; links under 0.1 are not kept)",
    )
    args = parser.parse_args(argv)
    if args.min_score is not None and not 0.0 <= args.min_score <= 1.0:
        parser.error("--min-score must be between 0 and 1")

    from tui.engine.loader import load_paths
    from tui.engine.matcher import DEFAULT_THRESHOLD, KEEP_FLOOR, build_index

    min_score = DEFAULT_THRESHOLD if args.min_score is None else args.min_score
    pooled, pooled_base, sentences = Scores(), Scores(), 0
    for path in args.annotations:
        annotation = load_annotation(path)
        articles = load_paths(_articles_for(path, annotation, args.dir)).articles
        gold = resolve(annotation, articles)
        print(f"== {path}: {len(gold.same_fact)} sentences, {len(articles)} articles")
        index = build_index(articles, threshold=max(min_score, KEEP_FLOOR))
        metrics = evaluate(articles, lambda a, s: index.links_for(a, s, min_score), gold)
        print(metrics.report("matcher   "))
        sweep = sweep_baseline(articles, gold)
        print(sweep[0][1].report("rapidfuzz "))
        threshold, base = best_of_sweep(sweep)
        print(base.report(f"rapidfuzz, best cut-off {threshold:.1f}: "))
        if args.errors:
            for error in metrics.errors:
                print(error.describe())
        pooled, pooled_base = pooled + metrics.overall, pooled_base + sweep[0][1].overall
        sentences += len(gold.same_fact)
    if len(args.annotations) > 1:
        print(f"== {len(args.annotations)} annotations pooled: {sentences} sentences")
        print(f"matcher   all    {pooled.summary()}")
        print(f"rapidfuzz all    {pooled_base.summary()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
