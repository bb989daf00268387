"""Which language an article is written in, and what to call that language.

Detection is limited to the languages the reader links (Norwegian Bokmål and
Nynorsk, English, Swedish, Danish, German) and answers ``None`` rather than guess:
a wrong language would send the matcher to the wrong lexicon.

It weighs each word by how common it is in each language (wordfreq's "small"
tables, about 10 ms per language to load, instead of simplemma's full
dictionaries, which took seconds on the first call). Close neighbours differ in
their most frequent words ("ikke"/"ikkje", "af"/"av", "och"/"og"), which is where
the evidence piles up. wordfreq has no Nynorsk table, so Nynorsk is Bokmål's table
with the everyday words that differ swapped for their Nynorsk forms.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError

__all__ = ["SUPPORTED_LANGUAGES", "detect_language", "guess_language", "language_name"]

SUPPORTED_LANGUAGES: tuple[str, ...] = ("nb", "nn", "en", "sv", "da", "de")

#: Fewer words than this cannot tell close languages apart.
_MIN_WORDS = 3
#: Share of words the winning language must know.
_MIN_SCORE = 0.6
#: Log-likelihood lead (in nats) the winner must have over the runner-up.
_MIN_LEAD = 4.0
#: Detection reads at most this many characters: enough to decide, cheap on long texts.
_SAMPLE_CHARS = 2000
#: A long text whose opening this long is clearly one language is not read further.
_OPENING_CHARS = 600
_CLEAR_SCORE = 0.8
_CLEAR_LEAD = 3 * _MIN_LEAD
#: Log frequency given to a word a language's table lacks: rarer than anything listed.
_LOG_UNLISTED = math.log(1e-8)
#: Most evidence (in nats) one lower-case word, or one capitalised word, can give.
_WORD_EVIDENCE = 6.0
_NAME_EVIDENCE = 1.5
_WORD = re.compile(r"[^\W\d_]+")
_UNKNOWN = {"nb": "ukjent", "no": "ukjent", "nn": "ukjend", "en": "unknown"}

#: Everyday Bokmål words and the Nynorsk forms that replace them.
_NYNORSK_FORMS: dict[str, tuple[str, ...]] = {
    "ikke": ("ikkje",), "jeg": ("eg",), "hva": ("kva",), "hvordan": ("korleis",),
    "fra": ("frå",), "bare": ("berre",), "mye": ("mykje",), "noe": ("noko",),
    "noen": ("nokon", "nokre"), "de": ("dei",), "dem": ("dei",), "deres": ("deira",),
    "en": ("ein",), "et": ("eit",), "hun": ("ho",), "være": ("vere",), "vært": ("vore",),
    "ble": ("vart", "blei"), "hvorfor": ("kvifor",), "hvem": ("kven",), "hele": ("heile",),
    "selv": ("sjølv",), "gjøre": ("gjere",), "sier": ("seier",), "hvis": ("viss", "dersom"),
    "hver": ("kvar",), "hvor": ("kor", "kvar"), "nå": ("no",), "flere": ("fleire",),
    "mer": ("meir",), "uke": ("veke",), "hjemme": ("heime",), "sammen": ("saman",),
    "annen": ("annan",), "annet": ("anna",), "egen": ("eigen",), "eget": ("eige",),
    "egne": ("eigne",), "kommer": ("kjem",), "fikk": ("fekk",), "gikk": ("gjekk",),
    "sto": ("stod",), "mener": ("meiner",), "enda": ("enno",), "også": ("òg", "også"),
    "hos": ("hjå", "hos"), "ham": ("han",), "blir": ("blir", "vert"), "bli": ("bli", "verte"),
    "uten": ("utan",), "siden": ("sidan",), "samme": ("same",), "gang": ("gong",),
    "disse": ("desse",), "mandag": ("måndag",), "tirsdag": ("tysdag",),
    "lørdag": ("laurdag",), "søndag": ("sundag", "søndag"), "penger": ("pengar",),
    "syk": ("sjuk",), "sykehus": ("sjukehus",), "regjeringen": ("regjeringa",),
}


@dataclass(frozen=True, slots=True)
class _Verdict:
    """How one text scored: languages by log-likelihood, the share of words each
    lists, and how many words of two letters or more it has."""

    ranked: list[tuple[str, float]]
    known: dict[str, float]
    words: int


@lru_cache(maxsize=None)
def _frequencies(code: str) -> dict[str, float]:
    """Word frequencies for ``code``, loaded on first use."""
    from wordfreq import get_frequency_dict  # deferred: a third of a second to import

    if code != "nn":
        return get_frequency_dict(code, wordlist="small")
    table = dict(_frequencies("nb"))
    for bokmal, nynorsk_forms in _NYNORSK_FORMS.items():
        frequency = table.get(bokmal, 0.0)
        if bokmal not in nynorsk_forms:
            table.pop(bokmal, None)
        for form in nynorsk_forms:
            table[form] = max(table.get(form, 0.0), frequency)
    return table


@lru_cache(maxsize=200_000)
def _evidence(word: str) -> tuple[tuple[float, ...], tuple[int, ...]] | None:
    """What ``word`` (as written) says for each supported language: its capped log
    frequency, and 1 where the language lists it; ``None`` when no language does.

    One word's evidence is capped, tighter for capitalised words: "Bodø" and "Hamar"
    are common in Norwegian tables but say nothing about an English sentence naming them.
    """
    lowered = word.lower()
    frequencies = [_frequencies(code).get(lowered, 0.0) for code in SUPPORTED_LANGUAGES]
    if not any(frequencies):
        return None
    logs = [math.log(frequency) if frequency else _LOG_UNLISTED for frequency in frequencies]
    lowest = max(logs) - (_NAME_EVIDENCE if word[0].isupper() else _WORD_EVIDENCE)
    return tuple(max(value, lowest) for value in logs), tuple(1 if frequency else 0 for frequency in frequencies)


def _score(text: str) -> _Verdict:
    """Log-likelihood of ``text`` in each language, over the words some language lists."""
    counts = Counter(_WORD.findall(text[:_SAMPLE_CHARS]))
    scores: list[tuple[float, ...]] = []
    listed: list[tuple[int, ...]] = []
    for word, count in counts.items():
        evidence = _evidence(word)
        if evidence is None:
            continue
        logs, known = evidence
        scores.extend([logs] * count)
        listed.extend([known] * count)
    words = sum(counts.values())
    totals = [sum(column) for column in zip(*scores)] or [0.0] * len(SUPPORTED_LANGUAGES)
    hits = [sum(column) for column in zip(*listed)] or [0] * len(SUPPORTED_LANGUAGES)
    ranked = sorted(zip(SUPPORTED_LANGUAGES, totals), key=lambda item: item[1], reverse=True)
    share = {code: hit / words if words else 0.0 for code, hit in zip(SUPPORTED_LANGUAGES, hits)}
    multiletter = sum(count for word, count in counts.items() if len(word) >= 2)
    return _Verdict(ranked, share, multiletter)


def _clear_from_the_start(text: str) -> str | None:
    """The language when the opening alone leaves no doubt (most articles), else ``None``."""
    if len(text) <= _OPENING_CHARS:
        return None
    verdict = _score(text[:_OPENING_CHARS])
    (best, best_total), (_runner_up, runner_up_total) = verdict.ranked[:2]
    if verdict.known[best] >= _CLEAR_SCORE and best_total - runner_up_total >= _CLEAR_LEAD:
        return best
    return None


def detect_language(text: str) -> str | None:
    """The language code of ``text`` ("nb", "en", ...), or ``None`` when unsure or too short."""
    if clear := _clear_from_the_start(text):
        return clear
    verdict = _score(text)
    if verdict.words < _MIN_WORDS:
        return None
    (best, best_total), (runner_up, runner_up_total) = verdict.ranked[:2]
    if verdict.known[best] < _MIN_SCORE:
        return None
    if best_total - runner_up_total < _MIN_LEAD:
        # Bokmål and Nynorsk share most words: without clear Nynorsk forms the
        # text is Norwegian and Bokmål is what nearly all Norwegian news is written in.
        third_total = verdict.ranked[2][1]
        if {best, runner_up} == {"nb", "nn"} and best_total - third_total >= _MIN_LEAD:
            return "nb"
        return None
    return best


def guess_language(text: str) -> str | None:
    """The most likely language even when unsure: for the matcher, which must read
    the text some way, never for display (there unknown stays unknown)."""
    verdict = _score(text)
    best, _total = verdict.ranked[0]
    return best if verdict.known[best] > 0 else None


def _locale(ui_locale: str) -> Locale:
    try:
        return Locale.parse(ui_locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en")


def language_name(code: str | None, ui_locale: str) -> str:
    """The name of language ``code`` in the user's language ``ui_locale``.

    "nb" is "norsk bokmål" under "nb" and "Norwegian Bokmål" under "en"; ``None`` is
    "ukjent" / "unknown"; a code babel does not know is returned as is.
    """
    locale = _locale(ui_locale)
    if code is None:
        return _UNKNOWN.get(locale.language, locale.languages.get("und", "unknown"))
    return locale.languages.get(code.replace("-", "_"), code)
