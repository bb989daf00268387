"""Find a word or phrase in every loaded article, forgiving accents, case and typos.

People type "tromso" for "Tromsø" and "moskwa" for "Moskva": titles and sentences are
folded once (accents stripped, case folded, "æ" to "ae") into a searchable copy; the
few texts that end up in the results are mapped back character by character, so
matches are highlighted in the original text. Exact matches are found first with C-speed scans and rank above
fuzzy ones; the fuzzy pass (rapidfuzz) only runs when exact matches do not fill the
result list, which keeps a search over hundreds of thousands of sentences fast.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from tui.engine.models import Article

__all__ = ["SearchHit", "SearchIndex", "fold", "hit_text", "search"]

#: Whole-word (or whole-phrase) matches.
SCORE_WORD = 100.0
#: The query starts a word ("mosk" in "Moskva"): what people type while typing.
SCORE_PREFIX = 98.0
#: The query appears inside a word.
SCORE_INSIDE = 92.0
#: Every word of a multi-word query appears, not as one phrase.
SCORE_ALL_WORDS = 90.0
#: Fuzzy matches never outrank exact ones.
SCORE_FUZZY_MAX = 89.0
#: Shorter queries match exactly only: one typo in three letters matches anything.
FUZZY_MIN_LENGTH = 5
#: rapidfuzz partial_ratio a fuzzy hit needs: one wrong letter in "moskva" scores 83.
FUZZY_CUTOFF = 80.0
#: How many texts the exact pass examines at most (bounds one-letter queries).
EXACT_SCAN = 50_000
#: How many candidate sentences the all-words pass examines at most.
ALL_WORDS_SCAN = 20_000

_SEPARATOR = "\x00"
_SPECIAL = {
    "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "«": '"', "»": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
}


def _fold_char(char: str) -> str:
    """One lowered character as search compares it (never called on printable ASCII)."""
    if char.isspace() or char == _SEPARATOR:
        return " "
    pieces = []
    for part in unicodedata.normalize("NFKD", char.casefold()):
        if unicodedata.combining(part):
            continue
        pieces.append(_SPECIAL.get(part, part))
    return "".join(pieces).casefold()


class _FoldCache(dict[str, str]):
    def __missing__(self, char: str) -> str:
        folded = self[char] = _fold_char(char)
        return folded


_FOLDED = _FoldCache()
_NOT_PLAIN = re.compile(r"[^\x20-\x7e]")


def _fold_match(match: re.Match[str]) -> str:
    return _FOLDED[match.group()]


def fold(text: str) -> str:
    """``text`` as search compares it: no accents, case folded, every space a plain space.

    Lowering the whole text first is what makes this fast: only the few characters
    outside printable ASCII go through the slow per-character path.
    """
    lowered = text.lower()
    if lowered.isascii() and _NOT_PLAIN.search(lowered) is None:
        return lowered
    return _NOT_PLAIN.sub(_fold_match, lowered)


def _origin(text: str) -> list[int]:
    """For each character of ``fold(text)``, its offset in ``text`` (folding can
    change lengths: "æ" becomes "ae", a combining accent disappears)."""
    origin: list[int] = []
    for index, char in enumerate(text):
        for part in char.lower():
            width = 1 if " " <= part <= "~" else len(_FOLDED[part])
            origin.extend([index] * width)
    return origin


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A title or sentence that matches the query."""

    article: int
    #: Index into the article's sentences; ``None`` when the title matched.
    sentence: int | None
    #: 0-100, higher is better; exact matches score 90 and above.
    score: float
    #: ``(start, end)`` of each matched stretch, as offsets into the hit's text
    #: (the title, or the sentence's text), ready for highlighting.
    spans: tuple[tuple[int, int], ...]


def hit_text(articles: Sequence[Article], hit: SearchHit) -> str:
    """The title or sentence ``hit`` points at."""
    article = articles[hit.article]
    return article.title if hit.sentence is None else article.sentence_text(hit.sentence)


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def _title_is_opening(article: Article) -> bool:
    """The title is just the text's first words: searching it again would double hits."""
    title = _normalised(article.title)
    return not title or _normalised(article.text[: len(article.title) * 2]).startswith(title)


class SearchIndex:
    """The folded titles and sentences of a corpus, built once and searched often."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = list(articles)
        self._keys: list[tuple[int, int | None]] = []
        self._folded: list[str] = []
        self._sentences = [article.sentences for article in self.articles]
        for a, article in enumerate(self.articles):
            if not _title_is_opening(article):
                self._keys.append((a, None))
                self._folded.append(fold(article.title))
            for s, segment in enumerate(self._sentences[a]):
                self._keys.append((a, s))
                self._folded.append(fold(segment.text(article.text)))
        self._starts: list[int] = []
        position = 0
        for folded in self._folded:
            self._starts.append(position)
            position += len(folded) + 1
        self._joined = _SEPARATOR.join(self._folded)

    def __len__(self) -> int:
        return len(self._keys)

    def _doc_at(self, position: int) -> int:
        return bisect_right(self._starts, position) - 1

    def _next_doc(self, doc: int) -> int:
        """Where the text after ``doc`` starts in the joined texts."""
        return self._starts[doc] + len(self._folded[doc]) + 1

    def _hit(self, doc: int, score: float, folded_spans: list[tuple[int, int]]) -> SearchHit:
        """A hit with its spans moved from the folded text to the original text."""
        article, sentence = self._keys[doc]
        source = self.articles[article]
        original = source.title if sentence is None else self._sentences[article][sentence].text(source.text)
        origin = None if len(original) == len(self._folded[doc]) and original.isascii() else _origin(original)
        last = len(origin) - 1 if origin else 0
        spans = sorted(
            (start, end) if origin is None else (origin[min(start, last)], origin[min(end - 1, last)] + 1)
            for start, end in folded_spans
            if end > start
        )
        return SearchHit(article, sentence, score, tuple(spans))

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Titles and sentences matching ``query``, best first (ties in reading order)."""
        needle = " ".join(fold(query).split())
        if not needle or limit <= 0:
            return []
        found: set[int] = set()
        hits = self._exact(needle, found, limit)
        words = needle.split()
        if len(hits) < limit and len(words) > 1:
            self._all_words(words, hits, found, limit)
        if len(hits) < limit and len(needle) >= FUZZY_MIN_LENGTH:
            self._fuzzy(needle, hits, found, limit)
        return hits

    def _exact(self, needle: str, found: set[int], limit: int) -> list[SearchHit]:
        """Texts containing ``needle``: whole words first, then word starts, then inside words."""
        ranked: dict[float, list[tuple[int, tuple[int, int]]]] = {SCORE_WORD: [], SCORE_PREFIX: [], SCORE_INSIDE: []}
        position = 0
        for _ in range(EXACT_SCAN):
            at = self._joined.find(needle, position)
            if at < 0:
                break
            doc = self._doc_at(at)
            score, span = _best_occurrence(self._folded[doc], needle, at - self._starts[doc])
            ranked[score].append((doc, span))
            if len(ranked[SCORE_WORD]) >= limit:
                break
            position = self._next_doc(doc)
        best = [(score, doc, span) for score, docs in ranked.items() for doc, span in docs][:limit]
        found.update(doc for _score, doc, _span in best)
        return [self._hit(doc, score, [span]) for score, doc, span in best]

    def _all_words(self, words: list[str], hits: list[SearchHit], found: set[int], limit: int) -> None:
        anchor = max(words, key=len)
        position = 0
        for _ in range(ALL_WORDS_SCAN):
            if len(hits) >= limit:
                return
            at = self._joined.find(anchor, position)
            if at < 0:
                return
            doc = self._doc_at(at)
            position = self._next_doc(doc)
            text = self._folded[doc]
            if doc in found:
                continue
            offsets = [text.find(word) for word in words]
            if min(offsets) < 0:
                continue
            found.add(doc)
            spans = [(offset, offset + len(word)) for offset, word in zip(offsets, words)]
            hits.append(self._hit(doc, SCORE_ALL_WORDS, spans))

    def _fuzzy(self, needle: str, hits: list[SearchHit], found: set[int], limit: int) -> None:
        wanted = limit - len(hits)
        candidates = process.extract(
            needle,
            self._folded,
            scorer=fuzz.partial_ratio,
            processor=None,
            limit=wanted + len(found),
            score_cutoff=FUZZY_CUTOFF,
        )
        ranked = sorted(
            ((score, doc) for _text, score, doc in candidates if doc not in found),
            key=lambda item: (-item[0], item[1]),
        )
        for score, doc in ranked[:wanted]:
            alignment = fuzz.partial_ratio_alignment(needle, self._folded[doc], processor=None)
            span = [] if alignment is None else [(alignment.dest_start, alignment.dest_end)]
            found.add(doc)
            hits.append(self._hit(doc, min(score, SCORE_FUZZY_MAX), span))


def _is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _best_occurrence(text: str, needle: str, first: int) -> tuple[float, tuple[int, int]]:
    """The best-placed occurrence of ``needle`` in ``text``, from offset ``first`` on."""
    best: tuple[float, tuple[int, int]] | None = None
    at = first
    while at >= 0:
        end = at + len(needle)
        starts_word = not (_is_word_char(text, at - 1) and _is_word_char(text, at))
        ends_word = not (_is_word_char(text, end - 1) and _is_word_char(text, end))
        score = SCORE_WORD if starts_word and ends_word else SCORE_PREFIX if starts_word else SCORE_INSIDE
        if best is None or score > best[0]:
            best = (score, (at, end))
        if score == SCORE_WORD:
            break
        at = text.find(needle, at + 1)
    assert best is not None
    return best


def search(articles: Sequence[Article], query: str, limit: int = 50) -> list[SearchHit]:
    """One-off search; build a ``SearchIndex`` instead to search the same corpus often."""
    return SearchIndex(articles).search(query, limit)
