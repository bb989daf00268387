"""Provisional links: the article being read, matched while the corpus is still read.

Linking waits for the sentence features of every article (about a minute at 10,000
articles): the corpus's term weights and candidate lookup need them all. The article
the reader is on need not wait that long. As the features come in, `ProvisionalLinks`
counts the keys of the sentences made so far and notes which of them share a key with
the wanted article's sentences; from these it gives that article's first-look links
into the articles read so far, as an `EarlyPart` with ``read`` set: term weights from
the counts so far, candidates by the weight they share, each pair scored and
calibrated as linking's first look does (`scoring.score_pair`, `pair_model`). The
features stage makes the wanted article's features first (`link_order.LinkOrder`),
so they start a second or two after it does; this process makes none itself (the
word lists alone would add 250 MB to it).

They are rough: the corpus is partly read and its weights are not final. The linking
step takes the wanted article first (`link_order`), and its early part replaces them.

No Textual here.
"""

from __future__ import annotations

import heapq
import math
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter

from tui.engine.candidates import (
    MAX_POSTINGS,
    PRESELECT,
    candidates_per_sentence,
    key_gains,
    max_postings,
    proposing_keys,
    term_weights,
)
from tui.engine.cognates import prefix_key
from tui.engine.early_links import EarlyPart, rank_early
from tui.engine.features import SentenceFeatures
from tui.engine.link_index import KEEP_FLOOR, Progress
from tui.engine.link_order import Wanted
from tui.engine.link_store import StoreBuilder
from tui.engine.pair_model import KeptPair, calibrate, pair_vector, term_roles
from tui.engine.models import Article
from tui.engine.scoring import score_pair

#: A new provisional part is made at most this often while features come in, unless
#: twice as many articles were read as for the last one, or all of them, or the
#: reader opened another article.
PROVISIONAL_SECONDS = 2.0

#: A sentence's place: (article, sentence).
Place = tuple[int, int]


class _Idf(dict[str, float]):
    """`candidates.idf_weights`, worked out per key when asked, from
    the key counts of the sentences read so far."""

    def __init__(self, counts: Counter[str], sentences: int) -> None:
        super().__init__()
        self._counts = counts
        self._sentences = sentences

    def __missing__(self, key: str) -> float:
        count = max(self._counts.get(key, 0), 1)
        value = self[key] = math.log((self._sentences + 1) / (count + 0.5)) + 1.0
        return value


class ProvisionalLinks:
    """The wanted article's links into the articles whose features were made so far.

    ``add`` takes each range of articles' features as it comes; ``part`` gives a new
    provisional `EarlyPart` when there is something new to show (see
    `PROVISIONAL_SECONDS`), else None.
    ``per_target`` and ``most`` cap the links as the final ones are.
    """

    def __init__(self, articles: Sequence[Article], wanted: Wanted, *, per_target: int, most: int) -> None:
        self._articles = articles
        self._wanted = wanted
        self._per_target = per_target
        self._most = most
        self._counts: Counter[str] = Counter()
        self._sentences = 0
        self._received: dict[int, list[SentenceFeatures]] = {}
        #: The article looked for, its sentences, their candidate keys, and which
        #: sentences read so far share each key.
        self._article: int | None = None
        self._own: list[SentenceFeatures] = []
        self._own_keys: set[str] = set()
        #: How many of its own sentences hold each key: they count towards a key being
        #: too common, as in `candidates.candidate_lookup`, though they are no partners.
        self._own_counts: Counter[str] = Counter()
        self._postings: dict[str, list[Place]] = defaultdict(list)
        #: Folded spelling -> its spelling prefix key (`cognates.prefix_key`; "" for none).
        self._prefixes: dict[str, str] = {}
        self._news = False
        self._sent_at = -math.inf
        self._read_at_last = 0

    @property
    def articles(self) -> Sequence[Article]:
        """The corpus's articles."""
        return self._articles

    @property
    def articles_read(self) -> int:
        """How many articles' features have come in."""
        return len(self._received)

    def add(self, indexes: Iterable[int], features: Iterable[list[SentenceFeatures]]) -> None:
        """The features of the articles of these indexes have been made."""
        for a, article in zip(indexes, features):
            self._received[a] = article
            self._sentences += len(article)
            for sentence in article:
                self._counts.update({key for term in sentence.terms for key in term.keys})
            if self._article is not None:
                self._post(a, article)
        self._news = True

    def part(self, now: float | None = None) -> EarlyPart | None:
        """A provisional part for the wanted article, when there is news to show."""
        wanted = self._wanted()
        if wanted is None or wanted not in self._received:
            return None  # its own features are not made yet (the features stage makes it next)
        now = time.monotonic() if now is None else now
        read = self.articles_read
        if wanted != self._article:
            self._look_for(wanted)
        elif not self._news or not (
            now - self._sent_at >= PROVISIONAL_SECONDS or read >= 2 * self._read_at_last or read == len(self._articles)
        ):
            return None
        self._news, self._sent_at, self._read_at_last = False, now, read
        return EarlyPart(wanted, wanted + 1, self._links(wanted).build(), read=self.articles_read)

    def _look_for(self, article: int) -> None:
        """Start over for ``article``: its sentences, and who shares their keys."""
        self._article = article
        self._own = self._received[article]
        self._own_counts = Counter(key for sentence in self._own for key in proposing_keys(sentence))
        self._own_keys = set(self._own_counts)
        self._postings = defaultdict(list)
        for a, found in self._received.items():
            self._post(a, found)

    def _post(self, a: int, article: list[SentenceFeatures]) -> None:
        """Note the sentences of article ``a`` that share a key with the wanted one's."""
        if a == self._article:
            return
        own_keys, postings, prefixes = self._own_keys, self._postings, self._prefixes
        for s, sentence in enumerate(article):
            shared: set[str] = set()
            for term in sentence.terms:
                if not own_keys.isdisjoint(term.keys):
                    shared |= own_keys.intersection(term.keys)
                folded = term.folded
                if folded:
                    prefix = prefixes.get(folded)
                    if prefix is None:
                        prefix = prefixes[folded] = prefix_key(folded) or ""
                    if prefix in own_keys:
                        shared.add(prefix)
            for key in shared:
                hits = postings[key]
                if len(hits) <= MAX_POSTINGS:  # past it, a key is too common ever to be read
                    hits.append((a, s))

    def _links(self, article: int) -> StoreBuilder:
        """The wanted article's first-look links, ranked and capped."""
        idf = _Idf(self._counts, self._sentences)
        made: dict[int, list[float]] = {}

        def weights_of(sentence: SentenceFeatures) -> list[float]:
            found = made.get(id(sentence))
            if found is None:
                found = made[id(sentence)] = term_weights(sentence, idf)
            return found

        totals: dict[Place, float] = {}
        language = self._articles[article].language
        too_common = max_postings(self._sentences)
        per_sentence = candidates_per_sentence(self._sentences)
        builder = StoreBuilder()
        for s, sentence in enumerate(self._own):
            weights = weights_of(sentence)
            gains = key_gains(sentence, weights)
            shared: dict[Place, float] = defaultdict(float)
            for key, gain in gains.items():
                hits = self._postings.get(key)
                if hits and len(hits) + self._own_counts[key] <= too_common:
                    for place in hits:
                        shared[place] += gain
            own_total = sum(gains.values()) or 1.0
            rescored = []
            for place, weight in heapq.nlargest(PRESELECT * per_sentence, shared.items(), key=itemgetter(1)):
                total = totals.get(place)
                if total is None:
                    target = self._received[place[0]][place[1]]
                    total = totals[place] = sum(key_gains(target, weights_of(target)).values()) or 1.0
                rescored.append((place, (weight / own_total) ** 0.6 * min(1.0, weight / total) ** 0.4))
            scored = []
            for (b, t), _estimate in heapq.nlargest(per_sentence, rescored, key=itemgetter(1)):
                target = self._received[b][t]
                pair = score_pair(sentence, target, weights, weights_of(target))
                if pair.matches:
                    scored.append((b, t, pair))
            best = max((pair.raw for _b, _t, pair in scored), default=0.0)
            roles = term_roles(sentence)
            candidates = []
            for b, t, pair in scored:
                same = language == self._articles[b].language
                score = calibrate(pair_vector(pair, sentence, weights, best, same, roles))
                if score >= KEEP_FLOOR:
                    candidates.append((score, b, t, KeptPair.of(pair)))
            rank_early(builder, article, s, candidates, floor=KEEP_FLOOR, per_target=self._per_target, most=self._most)
        return builder


def reporting(
    provisional: ProvisionalLinks,
    report: Callable[[Progress], None],
    places: Sequence[int] | None = None,
) -> Callable[[int, list[list[SentenceFeatures]]], None]:
    """A ``made`` for `corpus_features.sentence_features_of`: each range of articles'
    features goes to ``provisional``, and a new provisional part is reported while
    "indexing". ``places`` maps the ranges' indexes to the corpus's when only some of
    its articles are analysed (the others came from the cache)."""
    total = len(provisional.articles)

    def made(first: int, features: list[list[SentenceFeatures]]) -> None:
        indexes = range(first, first + len(features))
        provisional.add(indexes if places is None else (places[i] for i in indexes), features)
        part = provisional.part()
        if part is not None:
            report(Progress("indexing", provisional.articles_read, total, early=part))

    return made
