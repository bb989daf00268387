"""Which language an article is written in, and what to call that language.

Detection is limited to the languages the reader links (Norwegian Bokmål and
Nynorsk, English, Swedish, Danish, German) and answers ``None`` rather than guess:
a wrong language would send the matcher to the wrong lexicon.
"""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError
from simplemma import langdetect

__all__ = ["SUPPORTED_LANGUAGES", "detect_language", "guess_language", "language_name"]

SUPPORTED_LANGUAGES: tuple[str, ...] = ("nb", "nn", "en", "sv", "da", "de")

#: Fewer words than this cannot tell close languages apart.
_MIN_WORDS = 3
#: Share of words the winning language must recognise.
_MIN_SCORE = 0.6
#: Lead the winner must have over the runner-up (Bokmål and Danish are close).
_MIN_MARGIN = 0.1
#: Detection reads at most this many characters: enough to decide, cheap on long texts.
_SAMPLE_CHARS = 5000
_WORD = re.compile(r"[^\W\d_]{2,}")
_UNKNOWN = {"nb": "ukjent", "no": "ukjent", "nn": "ukjend", "en": "unknown"}


def detect_language(text: str) -> str | None:
    """The language code of ``text`` ("nb", "en", ...), or ``None`` when unsure or too short."""
    sample = text[:_SAMPLE_CHARS]
    if len(_WORD.findall(sample)) < _MIN_WORDS:
        return None
    scores = [(code, score) for code, score in langdetect(sample, lang=SUPPORTED_LANGUAGES) if code != "unk"]
    if not scores:
        return None
    best_code, best = scores[0]
    runner_up = scores[1][1] if len(scores) > 1 else 0.0
    if best < _MIN_SCORE or best - runner_up < _MIN_MARGIN:
        return None
    return best_code


def guess_language(text: str) -> str | None:
    """The most likely language even when unsure: for the matcher, which must read
    the text some way, never for display (there unknown stays unknown)."""
    sample = text[:_SAMPLE_CHARS]
    scores = [(code, score) for code, score in langdetect(sample, lang=SUPPORTED_LANGUAGES) if code != "unk"]
    return scores[0][0] if scores and scores[0][1] > 0 else None


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
