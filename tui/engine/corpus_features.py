"""The terms of every sentence of a corpus (`features`), and what is worked out once per sentence.

`sentence_features_of` analyses the articles, in worker processes for a large corpus
(`worker_pool`); `share_repeated_sentences` makes a sentence repeated in one language
one features object, so that `per_sentence` works its weights and lookups out once.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Sequence

from tui.engine.features import SentenceFeatures, opening_names, sentence_features, written_names
from tui.engine.languages import guess_language
from tui.engine.link_index import Progress
from tui.engine.link_order import LinkOrder, Wanted
from tui.engine.models import Article
from tui.engine.scoring import TermIndex, term_index
from tui.engine.worker_pool import SHARED, balanced_ranges, collector_paused, in_workers, workers_for

#: The features stage hands each worker about this many article ranges: each range's
#: features reach this process as soon as it is done, and with them the provisional
#: links of the article being read (`provisional_links`).
FEATURE_RANGES_PER_WORKER = 32


def sentence_features_of(
    articles: Sequence[Article],
    report: Callable[[Progress], None] = lambda _p: None,
    keep: Callable[[int, list], None] | None = None,
    made: Callable[[int, list[list[SentenceFeatures]]], None] | None = None,
    wanted: Wanted | None = None,
) -> list[list[SentenceFeatures]]:
    """The terms of every sentence of every article.

    ``keep(i, plain)``, when given, is called with each article's index and its
    features as plain values (`cache`'s stored form) as soon as they are made: in a
    worker process when there are several, so it should only write them somewhere.
    ``made(first, features)`` is called in this process with each range of consecutive
    articles' features as they come in (`provisional_links.reporting`). In workers,
    the article ``wanted`` names is analysed next (`link_order.LinkOrder`).
    """
    with collector_paused():
        return _sentence_features_of(articles, report, keep, made, wanted)


def _sentence_features_of(
    articles: Sequence[Article],
    report: Callable[[Progress], None],
    keep: Callable[[int, list], None] | None,
    made: Callable[[int, list[list[SentenceFeatures]]], None] | None,
    wanted: Wanted | None,
) -> list[list[SentenceFeatures]]:
    """`sentence_features_of`, in workers for a large corpus."""
    from tui.engine.cache import _features_from_plain, _features_to_plain

    sizes = [len(article.sentences) for article in articles]
    workers = workers_for(sum(sizes))
    if workers > 1:
        found: list[list[SentenceFeatures] | None] = [None] * len(articles)
        done = 0
        shared = {"articles": articles, "keep": keep}
        order = LinkOrder(balanced_ranges(sizes, workers, FEATURE_RANGES_PER_WORKER), wanted)
        for lo, packed in in_workers(_features_range, order, workers, shared, lazily=True):
            # Plain values travel much faster than objects; a repeated sentence once.
            plain, layout = marshal.loads(packed)
            distinct = _features_from_plain(plain)
            found[lo : lo + len(layout)] = [[distinct[n] for n in numbers] for numbers in layout]
            done += len(layout)
            report(Progress("indexing", done, len(articles)))
            if made is not None:
                made(lo, found[lo : lo + len(layout)])  # type: ignore[arg-type]
        return found  # type: ignore[return-value]
    features: list[list[SentenceFeatures]] = []
    memo: dict[tuple[str, str | None, frozenset[str]], SentenceFeatures] = {}
    handed = 0
    for done, article in enumerate(articles, 1):
        features.append(article_features(article, memo))
        if keep is not None:
            keep(done - 1, _features_to_plain(features[-1]))
        if done % 50 == 0 or done == len(articles):
            report(Progress("indexing", done, len(articles)))
            if made is not None:
                made(handed, features[handed:done])
                handed = done
    return features


def _features_range(bounds: tuple[int, int]) -> tuple[int, bytes]:
    """The features of articles ``[lo, hi)``, marshalled as ``(plain, layout)``: the
    distinct sentences' plain features, and per article the number of each sentence's."""
    from tui.engine.cache import _features_to_plain

    articles, keep = SHARED["articles"], SHARED["keep"]
    lo, hi = bounds
    memo = SHARED.setdefault("sentence_memo", {})  # this worker's own, for its life
    numbered: dict[int, int] = {}
    distinct: list[SentenceFeatures] = []
    layout: list[list[int]] = []
    for a in range(lo, hi):
        numbers = []
        for sentence in article_features(articles[a], memo):  # type: ignore[index, arg-type]
            n = numbered.get(id(sentence))
            if n is None:
                n = numbered[id(sentence)] = len(distinct)
                distinct.append(sentence)
            numbers.append(n)
        layout.append(numbers)
    plain = _features_to_plain(distinct)
    if keep is not None:
        for a, numbers in zip(range(lo, hi), layout):
            keep(a, [plain[n] for n in numbers])  # type: ignore[operator]
    return lo, marshal.dumps((plain, layout))


def article_features(article: Article, memo: dict[tuple[str, str | None, frozenset[str]], SentenceFeatures] | None = None) -> list[SentenceFeatures]:
    """The terms of one article's sentences (in the article's language, or a guess).

    A capitalised dictionary word that opens a sentence is read as a word, unless the
    article writes it as a name elsewhere ("Moser forteller" beside "Edvard Moser"):
    then it is read as the name (`features.opening_names`).

    With ``memo``, a sentence already seen in that language (wire copies, boilerplate)
    is not analysed again: it gets the same `SentenceFeatures` object.
    """
    language = article.language or guess_language(article.text)
    memo = {} if memo is None else memo
    texts = [seg.text(article.text) for seg in article.sentences]
    found: list[SentenceFeatures] = []
    for text in texts:
        key = (text, language, _NO_NAMES)
        features = memo.get(key)
        if features is None:
            features = memo[key] = sentence_features(text, language)
        found.append(features)
    known = {name for features, text in zip(found, texts) for name in written_names(features, text)}
    for s, (features, text) in enumerate(zip(found, texts)):
        openings = opening_names(features, text, known)
        if openings:
            key = (text, language, openings)
            again = memo.get(key)
            if again is None:
                again = memo[key] = sentence_features(text, language, openings)
            found[s] = again
    return found


_NO_NAMES: frozenset[str] = frozenset()


def share_repeated_sentences(articles: Sequence[Article], features: list[list[SentenceFeatures]]) -> None:
    """Make the features of sentences repeated in one language one object (in place),
    so their weights and term lookups are worked out and held once. A sentence read
    differently in two articles (a name at its opening that only one of them writes
    elsewhere, `article_features`) keeps each reading."""
    seen: dict[tuple[str, str], SentenceFeatures] = {}
    for article, found in zip(articles, features):
        if article.language is None:
            continue  # its language is a guess: leave it alone
        text, language = article.text, article.language
        for s, seg in enumerate(article.sentences):
            if s < len(found):
                first = seen.setdefault((seg.text(text), language), found[s])
                if first is not found[s] and _same_reading(first, found[s]):
                    found[s] = first


def _same_reading(a: SentenceFeatures, b: SentenceFeatures) -> bool:
    """Do two analyses of one sentence hold the same terms?"""
    return len(a.terms) == len(b.terms) and all(
        x.keys == y.keys and x.kind == y.kind and x.prior == y.prior for x, y in zip(a.terms, b.terms)
    )


def per_sentence(function: Callable[[SentenceFeatures], object], features: list[list[SentenceFeatures]]) -> list[list]:
    """``function`` of every sentence, worked out once per distinct features object."""
    made: dict[int, object] = {}
    out = []
    for article in features:
        row = []
        for sentence in article:
            value = made.get(id(sentence))
            if value is None:
                value = made[id(sentence)] = function(sentence)
            row.append(value)
        out.append(row)
    return out


def term_indexes(features: list[list[SentenceFeatures]]) -> list[list[TermIndex]]:
    """The scoring lookups of every sentence, built once."""
    return per_sentence(term_index, features)
