"""Dates in text as comparable keys: "21. mars 2023" and "March 21, 2023" are both
"date:2023-03-21"; "tirsdag" and "on Tuesday" are both "weekday:2".

Month and weekday names come from CLDR through babel (via :mod:`tui.engine.names`),
so every supported language reads the same way. Keys, coarse to fine:
"year:2023", "month:2023-03" (or "month:3" without a year), "date:2023-03-21"
(or "date:--03-21" without a year, ISO 8601's form), "weekday:1".."weekday:7"
(Monday is 1), and "relative:day-1" for "yesterday" when no reference date is given.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from babel import Locale

from tui.engine.names import LANGUAGES, calendar_words
from tui.engine.numbers import NumberMention, find_numbers

#: Words for days and years relative to the writing date: (unit, offset).
_RELATIVE: dict[str, dict[str, tuple[str, int]]] = {
    "en": {"today": ("day", 0), "yesterday": ("day", -1), "tomorrow": ("day", 1),
           "this year": ("year", 0), "last year": ("year", -1), "next year": ("year", 1),
           "last week": ("week", -1), "next week": ("week", 1), "this week": ("week", 0),
           "last month": ("month", -1), "next month": ("month", 1)},
    "nb": {"i dag": ("day", 0), "i går": ("day", -1), "i morgen": ("day", 1),
           "i år": ("year", 0), "i fjor": ("year", -1), "neste år": ("year", 1),
           "forrige uke": ("week", -1), "neste uke": ("week", 1), "denne uken": ("week", 0),
           "forrige måned": ("month", -1), "neste måned": ("month", 1)},
    "nn": {"i dag": ("day", 0), "i går": ("day", -1), "i morgon": ("day", 1),
           "i år": ("year", 0), "i fjor": ("year", -1), "neste år": ("year", 1),
           "førre veke": ("week", -1), "neste veke": ("week", 1)},
    "sv": {"i dag": ("day", 0), "idag": ("day", 0), "i går": ("day", -1),
           "igår": ("day", -1), "i morgon": ("day", 1), "i år": ("year", 0),
           "i fjol": ("year", -1), "förra året": ("year", -1), "nästa år": ("year", 1),
           "förra veckan": ("week", -1), "nästa vecka": ("week", 1)},
    "da": {"i dag": ("day", 0), "i går": ("day", -1), "i morgen": ("day", 1),
           "i år": ("year", 0), "sidste år": ("year", -1), "i fjor": ("year", -1),
           "næste år": ("year", 1), "sidste uge": ("week", -1), "næste uge": ("week", 1)},
    # Not "morgen" (tomorrow): capitalised, "Morgen" is the morning.
    "de": {"heute": ("day", 0), "gestern": ("day", -1), "übermorgen": ("day", 2),
           "dieses jahr": ("year", 0), "letztes jahr": ("year", -1),
           "im vergangenen jahr": ("year", -1), "nächstes jahr": ("year", 1),
           "letzte woche": ("week", -1), "nächste woche": ("week", 1)},
}
_ORDINAL_SUFFIX = r"(?:st|nd|rd|th)?"
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date, month, year, weekday or relative day in a text."""

    key: str
    start: int
    end: int
    text: str
    #: The calendar day when the text (or the reference date) pins one down.
    date: dt.date | None = None


@cache
def _month_numbers(lang: str) -> dict[str, int]:
    """Lower-case month names and abbreviations (without dots) -> 1..12."""
    locale = Locale.parse(lang if lang in LANGUAGES else "en")
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                name = name.lower().rstrip(".")
                if len(name) >= 3:
                    names.setdefault(name, number)
    if lang == "en":
        names.setdefault("sept", 9)  # AP style, not in CLDR
    return names


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """Day-month-year, month-day-year, month-year and numeric date patterns."""
    months = "|".join(sorted(map(re.escape, _month_numbers(lang)), key=len, reverse=True))
    month = rf"(?P<m>{months})\.?"
    year = r"(?P<y>\d{4})"
    flags = re.IGNORECASE
    return (
        re.compile(r"\b(?P<y>\d{4})-(?P<mm>\d{2})-(?P<d>\d{2})\b"),
        re.compile(r"\b(?P<d>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<y>\d{4})\b"),
        re.compile(rf"\b(?P<d>\d{{1,2}}){_ORDINAL_SUFFIX}\.?\s+(?:of\s+)?{month}(?:,?\s+{year})?\b",
                   flags),
        re.compile(rf"\b{month}\s+(?P<d>\d{{1,2}}){_ORDINAL_SUFFIX}\b(?!\d)(?:,?\s+{year}\b)?",
                   flags),
        re.compile(rf"\b{month}\s+{year}\b", flags),
    )


def _english_month_is_capitalised(match: re.Match[str], lang: str) -> bool:
    """English "May 5" is a date; "may 5" usually is not."""
    return lang != "en" or "m" not in match.groupdict() or match.group("m")[:1].isupper()


def _from_match(match: re.Match[str], lang: str, reference: dt.date | None) -> DateMention | None:
    """A mention for one pattern match, or None when it is no valid date."""
    groups = match.groupdict()
    month_text = groups.get("m")
    if month_text is not None:
        month = _month_numbers(lang).get(month_text.lower())
    else:
        month = int(groups["mm"])
    year = int(groups["y"]) if groups.get("y") else None
    day = int(groups["d"]) if groups.get("d") else None
    if month is None:
        return None
    surface = match.group()
    if day is None:
        return DateMention(f"month:{year:04d}-{month:02d}", match.start(), match.end(), surface)
    resolved_year = year if year is not None else (reference.year if reference else None)
    try:
        date = dt.date(resolved_year or 2000, month, day)  # 2000: a leap year
    except ValueError:
        return None
    if resolved_year is None:
        return DateMention(f"date:--{month:02d}-{day:02d}", match.start(), match.end(), surface)
    return DateMention(f"date:{date.isoformat()}", match.start(), match.end(), surface, date)


@cache
def _relative_pattern(lang: str) -> re.Pattern[str]:
    """One alternation of the language's relative expressions."""
    phrases = sorted(_RELATIVE[lang], key=len, reverse=True)
    body = "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _relative_mentions(text: str, lang: str, reference: dt.date | None) -> list[DateMention]:
    """"i går", "yesterday", "last year" ...; resolved when a reference date is given."""
    table_lang = lang if lang in _RELATIVE else "en"
    found: list[DateMention] = []
    for match in _relative_pattern(table_lang).finditer(text):
        unit, offset = _RELATIVE[table_lang][" ".join(match.group().lower().split())]
        found.append(_relative(unit, offset, match.start(), match.end(), match.group(), reference))
    return found


def _relative(unit: str, offset: int, start: int, end: int, surface: str,
              reference: dt.date | None) -> DateMention:
    """A relative expression as an absolute key when possible."""
    if reference is None:
        return DateMention(f"relative:{unit}{offset:+d}", start, end, surface)
    if unit == "day":
        day = reference + dt.timedelta(days=offset)
        return DateMention(f"date:{day.isoformat()}", start, end, surface, day)
    if unit == "year":
        return DateMention(f"year:{reference.year + offset}", start, end, surface)
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + offset
        return DateMention(f"month:{index // 12:04d}-{index % 12 + 1:02d}", start, end, surface)
    monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=offset)
    iso_year, iso_week, _ = monday.isocalendar()
    return DateMention(f"week:{iso_year}-W{iso_week:02d}", start, end, surface)


def _word_mentions(text: str, lang: str) -> list[DateMention]:
    """Weekday names ("tirsdag", "Tuesday's") and bare month names ("i mars")."""
    words = calendar_words(lang if lang in LANGUAGES else "en")
    found: list[DateMention] = []
    for match in _WORD.finditer(text):
        word = match.group()
        entry = words.get(word.lower())
        if entry is not None and (not entry[1] or word[:1].isupper()):
            found.append(DateMention(entry[0], match.start(), match.end(), word))
    return found


def _non_overlapping(candidates: list[DateMention]) -> list[DateMention]:
    """Keep the longest mention where several overlap, in text order."""
    chosen: list[DateMention] = []
    for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= other.start or other.end <= mention.start for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def find_dates(
    text: str, lang: str, reference: dt.date | None = None, numbers: Sequence[NumberMention] | None = None
) -> list[DateMention]:
    """Every date-like mention in ``text``.

    ``reference`` is the article's own date, if known: it gives yearless dates
    ("21. mars") their year and turns "i går" into a calendar day. ``numbers``, when
    the caller has them, are ``find_numbers(text, lang)`` (read once, not twice).
    """
    candidates: list[DateMention] = []
    has_digits = _DIGIT.search(text) is not None
    for pattern in _patterns(lang) if has_digits else ():  # every pattern has a number
        for match in pattern.finditer(text):
            if _english_month_is_capitalised(match, lang):
                mention = _from_match(match, lang, reference)
                if mention is not None:
                    candidates.append(mention)
    candidates += _relative_mentions(text, lang, reference)
    candidates += _word_mentions(text, lang)
    if has_digits:
        for number in find_numbers(text, lang) if numbers is None else numbers:
            if number.kind == "year":
                candidates.append(DateMention(f"year:{number.value:.0f}", number.start, number.end,
                                              number.text))
    return _non_overlapping(candidates)


def coarser_keys(key: str) -> list[str]:
    """The same mention at coarser grain: "date:2023-03-21" -> month and year keys.

    Two sentences that say "March 2023" and "21 March 2023" agree on the month; two
    that give different days of the same month disagree on the date.
    """
    kind, _, value = key.partition(":")
    if kind == "date" and not value.startswith("--"):
        year, month, _day = value.split("-")
        return [f"month:{year}-{month}", f"year:{year}", f"month:{int(month)}"]
    if kind == "date":
        return [f"month:{int(value[2:4])}"]
    if kind == "month" and "-" in value:
        year, month = value.split("-")
        return [f"year:{year}", f"month:{int(month)}"]
    return []
