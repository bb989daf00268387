"""Times of day in Norwegian and English text: "klokken 22.57", "kl. 18", "kl 0130",
"ved 16-tiden", "shortly before 11pm", "6.30 p.m.", "at 10:45", "midnight".

A time of day is when something happened, as a date is, and reports of one event
give it in their own ways: to the minute on a 24-hour clock in Norwegian, to the
hour on a 12-hour clock in English. Each time gets an exact key and approximate keys
for the hours it is nearest to (`time_keys`), so that 22.57 meets "shortly before
11pm" at an approximate number's credit, and 18.13 and 6.30pm meet as two tellings
of one moment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Prefix of a time of day's exact key ("clock:22:57") and of its approximate hour
#: keys ("~clock:23"; `features.APPROX_PREFIX` marks partial-credit keys).
CLOCK_PREFIX = "clock:"
APPROX_CLOCK_PREFIX = "~clock:"

#: Hours as Norwegian words: "klokken fire", "halv fem-tiden" (a 12-hour reading).
_HOUR_WORDS = ("ett", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv")
_HOUR_WORD = "|".join(_HOUR_WORDS) + "|syv|et"
_NORWEGIAN = re.compile(
    r"\b(?:kl\.?|klokka|klokken)\s*(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?(?![\d,])"
    # "kl. 0130", "kl 2315": the four digits of police logs and press releases.
    r"|\b(?:kl\.?|klokka|klokken)\s*(?P<hh>[0-2]\d)(?P<mm>[0-5]\d)(?!\d|[,.:]\d)"
    rf"|\b(?:kl\.?|klokka|klokken)\s+(?P<halv>halv\s+)?(?P<hw>{_HOUR_WORD})\b(?!-)"
    r"|(?<![\d.,])\b(?P<about>\d{1,2})(?:[.:](?P<aboutm>\d{2}))?-tiden\b"
    rf"|\b(?P<halvabout>halv\s+)?(?P<hwabout>{_HOUR_WORD})-tiden\b"
    r"|\b(?P<midnight>midnatt)\b",
    re.IGNORECASE,
)
_ENGLISH = re.compile(
    r"(?<![\d.,])\b(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<half>[ap])(?:\.m\.|m\b)"
    r"|\b(?:at|by|around|about|until|before|after)\s+(?P<h24>\d{1,2}):(?P<m24>\d{2})(?![\d:])(?!\s*[ap](?:\.m\.|m\b))"
    r"|\b(?P<midnight>midnight)\b|\b(?P<noon>noon|midday)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ClockMention:
    """A time of day: where it is written and the minutes since midnight it names.
    ``exact`` is False for times given only to the hour on purpose ("ved 16-tiden")."""

    start: int
    end: int
    text: str
    minutes: int
    exact: bool = True
    #: Said in words ("klokken fire"): morning or afternoon, the text does not say.
    twelve_hour: bool = False


def find_times(text: str, lang: str | None) -> list[ClockMention]:
    """The times of day written in ``text`` (Norwegian rules for nb/nn, else English).
    A time said in Norwegian words is read on a 12-hour clock, as the morning's."""
    pattern = _NORWEGIAN if lang in ("nb", "nn", "no") else _ENGLISH
    found: list[ClockMention] = []
    for match in pattern.finditer(text):
        minutes = _minutes(match)
        if minutes is None:
            continue
        groups = match.groupdict()
        exact = not (groups.get("about") or groups.get("hwabout"))
        twelve_hour = bool(groups.get("hw") or groups.get("hwabout"))
        found.append(ClockMention(match.start(), match.end(), match.group(), minutes, exact, twelve_hour))
    return found


def _minutes(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("midnight"):
        return 0
    if groups.get("noon"):
        return 12 * 60
    word = groups.get("hw") or groups.get("hwabout")
    if word:
        hour = _word_hour(word)
        if groups.get("halv") or groups.get("halvabout"):
            return ((hour - 1) % 12) * 60 + 30  # "halv fem" is half past four
        return (hour % 12) * 60
    if groups.get("about"):
        hour, minute = int(groups["about"]), int(groups.get("aboutm") or 0)
    elif groups.get("h24"):
        hour, minute = int(groups["h24"]), int(groups["m24"])
    elif groups.get("hh"):
        hour, minute = int(groups["hh"]), int(groups["mm"])
    else:
        hour, minute = int(groups["h"]), int(groups["m"] or 0)
        half = groups.get("half")
        if half:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if half.lower() == "p" else 0)
    if hour > 24 or minute > 59:
        return None
    return (hour % 24) * 60 + minute


def _word_hour(word: str) -> int:
    word = word.lower()
    return {"syv": 7, "et": 1}.get(word) or _HOUR_WORDS.index(word) + 1


def time_keys(mention: ClockMention) -> frozenset[str]:
    """The exact key of a time (none for "ved 16-tiden") and approximate keys for the
    hour it falls in and the hour it is nearest to; both readings of a time said in
    words ("klokken fire": 04 and 16)."""
    keys: set[str] = set()
    for minutes in (mention.minutes, mention.minutes + 12 * 60) if mention.twelve_hour else (mention.minutes,):
        hour, minute = divmod(minutes, 60)
        nearest = (hour + (1 if minute >= 30 else 0)) % 24
        keys |= {f"{APPROX_CLOCK_PREFIX}{hour}", f"{APPROX_CLOCK_PREFIX}{nearest}"}
        if mention.exact:
            keys.add(f"{CLOCK_PREFIX}{hour:02d}:{minute:02d}")
    return frozenset(keys)
