"""Numbers in text as values with units, so that "200 milliarder dollar" equals
"$200 billion" and "fire og en halv time" equals "four-and-a-half hours".

Digits are read with the separators of the text's language (babel's CLDR number
symbols: nb "4,5" and "10 000", en "4.5" and "10,000"), number words and scale words
("milliarder", "bn", "mrd.") come from small per-language tables, currencies from
:mod:`tui.engine.names`. Small spelled-out numbers ("one of the", "de to landene")
are flagged weak: they rarely carry a fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from babel import Locale

from tui.engine.names import currency_key, currency_of, name_key, unit_currency_key

#: Spelled-out numbers up to this value are weak ("one of the", "two leaders").
WEAK_WORD_LIMIT = 10
#: Plain four-digit numbers in this range are calendar years when nothing else
#: (a unit, a scale, a currency) says otherwise.
YEAR_RANGE = range(1800, 2100)

_UNITS_0_19: dict[str, tuple[str, ...]] = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
           "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
           "seventeen", "eighteen", "nineteen"),
    "nb": ("null", "ett", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti",
           "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "atten",
           "nitten"),
    "sv": ("noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
           "elva", "tolv", "tretton", "fjorton", "femton", "sexton", "sjutton", "arton",
           "nitton"),
    "da": ("nul", "et", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti",
           "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "atten",
           "nitten"),
    "de": ("null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
           "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn",
           "achtzehn", "neunzehn"),
}
_TENS: dict[str, tuple[str, ...]] = {
    "en": ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
    "nb": ("tjue", "tretti", "førti", "femti", "seksti", "sytti", "åtti", "nitti"),
    "sv": ("tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"),
    "da": ("tyve", "tredive", "fyrre", "halvtreds", "tres", "halvfjerds", "firs", "halvfems"),
    "de": ("zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
           "neunzig"),
}
#: Other spellings of the same numbers.
_VARIANTS: dict[str, dict[str, float]] = {
    "en": {},
    "nb": {"syv": 7, "tyve": 20, "tredve": 30, "førr": 40},
    "sv": {},
    "da": {},
    "de": {"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "dreissig": 30},
}
_HUNDRED = {"en": "hundred", "nb": "hundre", "sv": "hundra", "da": "hundrede", "de": "hundert"}
_THOUSAND = {"en": "thousand", "nb": "tusen", "sv": "tusen", "da": "tusind", "de": "tausend"}
#: Words for "one" that are mostly articles: numbers only before a fraction or scale.
_ARTICLES = {
    "en": ("a", "an", "one"),
    "nb": ("en", "ei", "et", "ett"),
    "sv": ("en", "ett"),
    "da": ("en", "et"),
    "de": ("ein", "eine", "einen"),
}
_AND = {"en": ("and",), "nb": ("og",), "sv": ("och",), "da": ("og",), "de": ("und",)}
#: Languages that say the unit before the tens, in one word: "fünfundzwanzig", "femogtyve".
_UNIT_BEFORE_TENS = frozenset({"de", "da"})
#: Languages where "four a half" means four and a half ("fire en halv time").
_HALF_WITHOUT_AND = frozenset({"da"})
_HALF = {"en": ("half",), "nb": ("halv", "halvt"), "sv": ("halv", "halvt"), "da": ("halv", "halvt"),
         "de": ("halb", "halbe")}
#: Languages that put a half before the article: "half a year" (Norwegian says "et halvt år").
_HALF_BEFORE_ARTICLE = {"en": ("half",)}
#: One and a half in one word: "halvannen time", "anderthalb Stunden".
_ONE_AND_HALF = {"nb": ("halvannen", "halvannet"), "sv": ("halvannan", "halvtannat"),
                 "da": ("halvanden", "halvandet"), "de": ("anderthalb", "eineinhalb"), "en": ()}
_SCALES: dict[str, dict[str, float]] = {
    "en": {"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
           "trillion": 1e12, "bn": 1e9, "mn": 1e6, "tn": 1e12, "mln": 1e6},
    "nb": {"tusen": 1e3, "million": 1e6, "millioner": 1e6, "mill": 1e6, "mln": 1e6,
           "milliard": 1e9, "milliarder": 1e9, "mrd": 1e9, "billion": 1e12, "billioner": 1e12},
    "sv": {"tusen": 1e3, "miljon": 1e6, "miljoner": 1e6, "milj": 1e6, "mn": 1e6,
           "miljard": 1e9, "miljarder": 1e9, "mdr": 1e9, "md": 1e9, "biljon": 1e12},
    "da": {"tusind": 1e3, "million": 1e6, "millioner": 1e6, "mio": 1e6, "mill": 1e6,
           "milliard": 1e9, "milliarder": 1e9, "mia": 1e9, "mrd": 1e9, "billion": 1e12},
    "de": {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9,
           "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12},
}
#: Scale letters written against the digits: "$200m", "1.5bn", "10k".
_ATTACHED_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_UNIT_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "percent": {"en": ("percent", "pct"), "nb": ("prosent",), "sv": ("procent",),
                "da": ("procent", "pct"), "de": ("prozent",)},
    "percentage-point": {"en": (), "nb": ("prosentpoeng",), "sv": ("procentenheter",),
                         "da": ("procentpoint",), "de": ("prozentpunkte",)},
    "minute": {"en": ("minute", "minutes", "min", "mins"),
               "nb": ("minutt", "minutter", "minuttene", "min"),
               "sv": ("minut", "minuter", "minuterna"), "da": ("minut", "minutter"),
               "de": ("minute", "minuten")},
    "hour": {"en": ("hour", "hours", "hr", "hrs"), "nb": ("time", "timer", "timen", "timene"),
             "sv": ("timme", "timmar", "timmen", "timmarna"), "da": ("time", "timer", "timen"),
             "de": ("stunde", "stunden")},
    "day": {"en": ("day", "days"), "nb": ("dag", "dager", "dagen", "dagene", "døgn", "dagers"),
            "sv": ("dag", "dagar", "dagen", "dygn"), "da": ("dag", "dage", "dagen", "døgn"),
            "de": ("tag", "tage", "tagen", "tages")},
    "week": {"en": ("week", "weeks"), "nb": ("uke", "uker", "uka", "uken", "ukene"),
             "sv": ("vecka", "veckor", "veckan"), "da": ("uge", "uger", "ugen"),
             "de": ("woche", "wochen")},
    "month": {"en": ("month", "months"), "nb": ("måned", "måneder", "måneden", "månedene"),
              "sv": ("månad", "månader", "månaden"), "da": ("måned", "måneder", "måneden"),
              "de": ("monat", "monate", "monaten", "monats")},
    "year": {"en": ("year", "years"), "nb": ("år", "året", "årene", "års"),
             "sv": ("år", "året", "åren"), "da": ("år", "året", "årene"),
             "de": ("jahr", "jahre", "jahren", "jahres")},
    "person": {"en": ("people", "persons"), "nb": ("personer", "mennesker", "menneske"),
               "sv": ("personer", "människor"), "da": ("personer", "mennesker"),
               "de": ("menschen", "personen")},
    "km": {"en": ("km", "kilometre", "kilometres", "kilometer", "kilometers"),
           "nb": ("km", "kilometer"), "sv": ("km", "kilometer"), "da": ("km", "kilometer"),
           "de": ("km", "kilometer")},
    "mile": {"en": ("mile", "miles"), "nb": ("mil",), "sv": (), "da": (), "de": ("meilen",)},
    "tonne": {"en": ("tonne", "tonnes", "ton", "tons"), "nb": ("tonn",), "sv": ("ton",),
              "da": ("ton", "tons"), "de": ("tonne", "tonnen")},
    "kg": {"en": ("kg", "kilo", "kilos", "kilogram", "kilograms"), "nb": ("kg", "kilo"),
           "sv": ("kg", "kilo"), "da": ("kg", "kilo"), "de": ("kg", "kilo")},
    # What news counts: a unit keeps "seven goals" from matching "seven minutes", and
    # makes "88 mandater" and "89 seats" a discrepancy rather than two bare figures.
    # Only plural forms where the singular is also an everyday word ("en gang" once, "a
    # 12-point plan"), and "a vote", "et mål" stay words (`_COUNTED`).
    "metre": {"en": ("metre", "metres", "meter", "meters"), "nb": ("meter", "meterne"),
              "sv": ("meter", "metrar"), "da": ("meter",), "de": ("meter", "metern")},
    "point": {"en": ("points", "pts"), "nb": ("poeng", "poengs"), "sv": ("poäng",),
              "da": ("point",), "de": ("punkte", "punkten")},
    "goal": {"en": ("goal", "goals"), "nb": ("mål", "scoringer"), "sv": ("mål",), "da": ("mål",),
             "de": ("tore", "toren")},
    "seat": {"en": ("seat", "seats"), "nb": ("mandat", "mandater", "seter"), "sv": ("mandat", "platser"),
             "da": ("mandater", "pladser"), "de": ("sitze", "mandate")},
    "vote": {"en": ("vote", "votes"), "nb": ("stemme", "stemmer"), "sv": ("röster",), "da": ("stemmer",),
             "de": ("stimmen",)},
    "times": {"en": ("times",), "nb": ("ganger",), "sv": ("gånger",), "da": ("gange",), "de": ("mal",)},
    "passenger": {"en": ("passenger", "passengers"), "nb": ("passasjer", "passasjerer"),
                  "sv": ("passagerare",), "da": ("passagerer",), "de": ("passagiere",)},
    "employee": {"en": ("employee", "employees", "workers", "staff"), "nb": ("ansatte", "arbeidere"),
                 "sv": ("anställda",), "da": ("ansatte",), "de": ("mitarbeiter", "beschäftigte")},
    "country": {"en": ("countries",), "nb": ("land", "nasjoner"), "sv": ("länder",), "da": ("lande",),
                "de": ("länder", "ländern")},
}
#: A decade is its first year or age, with this unit: "the 1990s" and "1990-tallet",
#: "in his 40s" and "i 40-årene", "the nineties" and "nittitallet".
DECADE_UNIT = "decade"
#: What makes digits a decade, by what joins them: nothing ("1990s"), a hyphen
#: ("40-årene", "1990-talet") or an apostrophe (Danish "90'erne").
_DECADE_SUFFIXES: dict[str, dict[str, tuple[str, ...]]] = {
    "": {"en": ("s",)},
    "-": {"nb": ("årene", "tallet"), "nn": ("åra", "talet"), "sv": ("talet", "åren"), "da": ("erne",)},
    "'": {"da": ("erne",)},
}
_DASHES = {"-": "-", "\u2010": "-", "\u2011": "-", "\u2013": "-", "'": "'", "\u2019": "'"}
#: Decades written as words: the tens with these endings ("forty" -> "forties").
_DECADE_WORD_ENDINGS: dict[str, tuple[str, ...]] = {
    "nb": ("årene", "tallet"), "nn": ("åra", "talet"), "sv": ("talet",), "da": ("erne",),
}
#: What makes a speed of metres: "metres per second", "Meter pro Sekunde".
_PER = frozenset({"per", "pro"})
#: Units of things counted: a small count spelled out ("sju mål", "three times") is as
#: weak as the bare word, since it says little on its own.
_COUNTED = frozenset({"point", "goal", "seat", "vote", "times", "passenger", "employee", "country"})
_ORDINAL_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
           "ninth", "tenth"),
    "nb": ("første", "", "tredje", "fjerde", "femte", "sjette", "sjuende", "åttende",
           "niende", "tiende"),  # "andre" is mostly "other"
    "sv": ("första", "", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde",
           "nionde", "tionde"),
    "da": ("første", "", "tredje", "fjerde", "femte", "sjette", "syvende", "ottende",
           "niende", "tiende"),
    "de": ("erste", "zweite", "dritte", "vierte", "fünfte", "sechste", "siebte", "achte",
           "neunte", "zehnte"),
}


def _add_nynorsk() -> None:
    """Nynorsk shares Bokmål's number words, with its own articles and plurals."""
    for table in (_UNITS_0_19, _TENS, _ORDINAL_WORDS):
        table["nn"] = table["nb"]
    for words in (_HUNDRED, _THOUSAND):
        words["nn"] = words["nb"]
    for options in (_AND, _HALF, _ONE_AND_HALF):
        options["nn"] = options["nb"]
    _SCALES["nn"] = {**_SCALES["nb"], "millionar": 1e6, "milliardar": 1e9, "billionar": 1e12}
    _VARIANTS["nn"] = {**_VARIANTS["nb"], "eitt": 1}
    _ARTICLES["nn"] = ("ein", "eit", "ei", "en", "ett")
    extra = {"hour": ("timar", "timane"), "day": ("dagar", "dagane"),
             "week": ("veke", "veker", "veka"), "month": ("månad", "månader")}
    for unit, words_by_language in _UNIT_WORDS.items():
        words_by_language["nn"] = words_by_language["nb"] + extra.get(unit, ())


_add_nynorsk()


#: Ordinals that open compounds: "andre" stands alone mostly as "other", but in
#: "andreplass" it is "second".
_COMPOUND_SECOND = {"nb": "andre", "nn": "andre", "sv": "andra", "da": "anden"}


def ordinal_prefix(word: str, lang: str, is_word: Callable[[str], bool]) -> int | None:
    """The rank a compound opens with ("sjetteplass" -> 6, "andreplassen" -> 2), when
    the rest is a word (``is_word``) of at least four letters; else None."""
    words = _ORDINAL_WORDS.get(lang)
    if not words:
        return None
    for value, ordinal in enumerate(words, 1):
        if value == 2:
            ordinal = _COMPOUND_SECOND.get(lang, ordinal)
        if ordinal and word.startswith(ordinal) and len(word) - len(ordinal) >= 4 and is_word(word[len(ordinal):]):
            return value
    return None
_ENGLISH_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_CURRENCY_SYMBOLS = "$€£¥₹₽"

_TOKEN = re.compile(rf"\d+|[^\W\d_]+|[{_CURRENCY_SYMBOLS}%½]")
_DIGIT_RUN = re.compile(r"\d+(?:(?:[.,]|[ \u00a0\u202f])\d+)*")
#: Clock times and numeric dates, which are not quantities (dates.py reads dates).
_DATE_OR_TIME = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}:\d{2}\b"
    r"|(?<=kl\. )\d{1,2}[.:]\d{2}\b|(?<=klokken )\d{1,2}[.:]\d{2}\b"
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A quantity in a text.

    ``kind`` is "number", "ordinal" or "year" (a calendar year such as 1949; a
    duration of years is a number with unit "year"). ``unit`` is "currency:USD",
    "percent", "hour", "year", "person", ... or None.
    """

    value: float
    unit: str | None
    start: int
    end: int
    text: str
    kind: str = "number"
    #: A small spelled-out number without unit ("one of the"): weak evidence.
    weak: bool = False

    @property
    def key(self) -> str:
        """Comparable form: "2e+11 currency:USD", "4.5 hour", "year:2022"."""
        if self.kind != "number":
            return f"{self.kind}:{self.value:g}"
        return f"{self.value:g} {self.unit}" if self.unit else f"{self.value:g}"


class _Token(NamedTuple):
    """A word, symbol or number of a sentence (a tuple: sentences hold many)."""

    text: str
    start: int
    end: int
    lower: str
    value: float | None = None  # set for digit tokens


def _base(lang: str) -> str:
    """Table language for ``lang``; languages without tables read as English."""
    return lang if lang in _UNITS_0_19 else "en"


@cache
def _separators(lang: str) -> tuple[str, frozenset[str]]:
    """(decimal, group separators) from CLDR, with the space variants writers use."""
    locale_name = lang if lang in ("nb", "nn", "sv", "da", "de", "en") else "en"
    symbols = Locale.parse(locale_name).number_symbols["latn"]
    decimal, group = symbols["decimal"], symbols["group"]
    groups = {group}
    if group.isspace():
        groups |= {" ", "\u00a0", "\u202f", "."}  # "10 000"; "10.000" is common too
    return decimal, frozenset(groups)


def _read_digits(raw: str, lang: str) -> list[tuple[float, int, int]]:
    """Split a run of digits and separators into numbers: (value, start, end).

    A group separator must be followed by exactly three digits (and the first group
    have at most three); the decimal separator may be used once. Anything else ends
    the number, so English "1,5" is two numbers and "2022 20" is not 202220.
    """
    decimal, groups = _separators(lang)
    parts = re.split(r"([.,]|[ \u00a0\u202f])", raw)
    found: list[tuple[float, int, int]] = []
    whole, fraction, grouped = parts[0], "", False
    start = 0
    position = len(parts[0])
    for separator, run in zip(parts[1::2], parts[2::2]):
        if separator in groups and not fraction and len(run) == 3 and (grouped or len(whole) <= 3):
            whole, grouped = whole + run, True
        elif separator == decimal and not fraction:
            fraction = run
        else:
            found.append((float(f"{whole}.{fraction or 0}"), start, position))
            start = position + len(separator)
            whole, fraction, grouped = run, "", False
        position += len(separator) + len(run)
    found.append((float(f"{whole}.{fraction or 0}"), start, position))
    return found


def _tokens(text: str, lang: str) -> list[_Token]:
    """Words, symbols and numbers (digits already read), skipping dates and times."""
    blocked = [match.span() for match in _DATE_OR_TIME.finditer(text)]
    numbers: list[_Token] = []
    for match in _DIGIT_RUN.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in blocked):
            continue
        for value, start, end in _read_digits(match.group(), lang):
            offset = match.start()
            digits = text[offset + start : offset + end]
            numbers.append(_Token(digits, offset + start, offset + end, digits.lower(), value))
    words = [
        _Token(word, match.start(), match.end(), word.lower())
        for match in _TOKEN.finditer(text)
        if not (word := match.group())[0].isdigit()
    ]
    return sorted(numbers + words, key=lambda token: token.start)


@cache
def _word_values(lang: str) -> dict[str, float]:
    """Number words of ``lang`` -> value (0-99 and the tens)."""
    values: dict[str, float] = {word: index for index, word in enumerate(_UNITS_0_19[lang])}
    for index, word in enumerate(_TENS[lang]):
        values[word] = 20 + 10 * index
    values.update(_VARIANTS[lang])
    return values


def _compound_word_value(word: str, lang: str) -> float | None:
    """Numbers written as one word: "tjuefem", "fünfundzwanzig", "femogtyve",
    "viereinhalb", "tvåhundra", "dreitausendfünfhundert"."""
    values = _word_values(lang)
    if word in values:
        return values[word]
    if lang != "en":
        for scale_word, factor in ((_THOUSAND[lang], 1000.0), (_HUNDRED[lang], 100.0)):
            if scale_word in word and word != scale_word:
                return _scaled_value(word, scale_word, factor, lang)
    if lang == "de" and word.endswith("einhalb") and word[:-7] in values:
        return values[word[:-7]] + 0.5
    if lang in _UNIT_BEFORE_TENS:
        unit, _, tens = word.partition(_AND[lang][0])  # "fünfundzwanzig", "femogtyve"
        if tens in values and unit in values and values[tens] >= 20 and 0 < values[unit] < 10:
            return values[tens] + values[unit]
        return None
    for tens in _TENS[lang]:
        if word.startswith(tens) and word[len(tens):] in values:
            unit = values[word[len(tens):]]
            if 0 < unit < 10:
                return values[tens] + unit
    return None


def _scaled_value(word: str, scale_word: str, factor: float, lang: str) -> float | None:
    """"tvåhundra" -> 200, "dreitausendfünf" -> 3005: count, scale word, remainder."""
    left, _, right = word.partition(scale_word)
    for joiner in _AND[lang]:
        if right.startswith(joiner) and len(right) > len(joiner):
            right = right[len(joiner):]  # "hundredeogtyve"
    count = 1.0 if not left else _compound_word_value(left, lang)
    rest = 0.0 if not right else _compound_word_value(right, lang)
    if count is None or rest is None or count == 0:
        return None
    return count * factor + rest


@cache
def _decade_words(lang: str) -> dict[str, float]:
    """Decades written as words in ``lang`` -> their first year: "forties" -> 40."""
    if lang == "en":
        return {word[:-1] + "ies": 20.0 + 10 * n for n, word in enumerate(_TENS["en"])}
    return {
        tens + ending: 20.0 + 10 * n
        for n, tens in enumerate(_TENS.get(lang, ()))
        for ending in _DECADE_WORD_ENDINGS.get(lang, ())
    }


@lru_cache(maxsize=200_000)
def _may_start_number(word: str, lang: str) -> bool:
    """Cheap filter: can a quantity start with this word? Most words cannot."""
    return (
        word in _ORDINAL_WORDS[lang]
        or word in _ARTICLES[lang]
        or word in _ONE_AND_HALF[lang]
        or word in _HALF_BEFORE_ARTICLE.get(lang, ())
        or word == "½"
        or word in _decade_words(lang)
        or _compound_word_value(word, lang) is not None
    )


@cache
def _unit_words(lang: str) -> dict[str, str]:
    """Unit words of ``lang`` -> unit key."""
    return {word: unit for unit, words in _UNIT_WORDS.items() for word in words[lang]}


class _Reader:
    """Reads quantities from a token list, left to right."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.base = _base(lang)
        self.tokens = _tokens(text, lang)

    def word(self, index: int) -> str:
        return self.tokens[index].lower if index < len(self.tokens) else ""

    def attached(self, index: int) -> bool:
        """Is token ``index`` written against the one before it ("200bn", "$5")?"""
        return 0 < index < len(self.tokens) and (
            self.tokens[index].start == self.tokens[index - 1].end
        )

    def read(self) -> list[NumberMention]:
        found: list[NumberMention] = []
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            if token.value is None and not _may_start_number(token.lower, self.base):
                index += 1
                continue
            result = self.read_at(index)
            if result is None:
                index += 1
                continue
            mention, index = result
            found.append(mention)
        return found

    def number_at(self, index: int) -> tuple[float, int, bool] | None:
        """(value, next index, spelled out) of a number starting at ``index``."""
        token = self.tokens[index]
        if token.value is not None:
            return token.value, index + 1, False
        word = token.lower
        if word == "½":
            return 0.5, index + 1, False
        if word in _ONE_AND_HALF[self.base]:
            return 1.5, index + 1, True
        if word in _HALF_BEFORE_ARTICLE.get(self.base, ()) and self.word(index + 1) in _ARTICLES[self.base]:
            after = self.word(index + 2)
            if after in _SCALES[self.base] or after in _unit_words(self.base):
                return 0.5, index + 2, True  # "half a year", "half a million"
        if word in _ARTICLES[self.base]:
            after = self.word(index + 1)
            if after in _HALF[self.base]:
                return 0.5, index + 2, True
            if after in _SCALES[self.base] or after in (_HUNDRED[self.base], _THOUSAND[self.base]):
                return self.spelled(index + 1, start_value=1.0)
            unit = _unit_words(self.base).get(after)
            if unit and unit not in _COUNTED:
                return 1.0, index + 1, True  # "ett år", "a day": as weak as "one day"
            if after in _AND[self.base] and self.word(index + 3) in _HALF[self.base]:
                return 1.0, index + 1, True  # "en og en halv": the half is added later
            if word != "one":
                return None
        return self.spelled(index)

    def spelled(
        self, index: int, start_value: float | None = None
    ) -> tuple[float, int, bool] | None:
        """Read spelled-out numbers: "four", "twenty-five", "to hundre og femti"."""
        total, current = 0.0, start_value or 0.0
        seen = start_value is not None
        position = index
        while position < len(self.tokens):
            word = self.word(position)
            value = _compound_word_value(word, self.base)
            if word == "one":
                value = 1.0
            if value is not None:
                current += value
            elif word == _HUNDRED[self.base] and seen:
                current = max(current, 1.0) * 100
            elif word == _THOUSAND[self.base] and seen:
                total += max(current, 1.0) * 1000
                current = 0.0
            elif word in _AND[self.base] and seen and _compound_word_value(
                self.word(position + 1), self.base
            ) is not None and current >= 100:
                position += 1  # "one hundred and twenty"
                continue
            else:
                break
            seen = True
            position += 1
        if not seen:
            return None
        return total + current, position, True

    def read_at(self, index: int) -> tuple[NumberMention, int] | None:
        """The quantity starting at token ``index`` and the index after it."""
        word = self.tokens[index].lower
        if word in _ORDINAL_WORDS[self.base] and not (index > 0 and self.tokens[index - 1].lower == "per"):
            # ("metres per second" is a rate, not a rank.)
            token = self.tokens[index]
            value = _ORDINAL_WORDS[self.base].index(word) + 1
            ordinal = NumberMention(value, None, token.start, token.end, token.text, "ordinal", True)
            return ordinal, index + 1
        decade = _decade_words(self.base).get(word)
        if decade is not None:
            token = self.tokens[index]
            return NumberMention(decade, DECADE_UNIT, token.start, token.end, token.text), index + 1
        prefix_unit, first = self.currency_before(index)
        number = self.number_at(index)
        if number is None:
            return None
        value, position, spelled = number
        value, position = self.half_after(value, position)
        ordinal, position = self.ordinal_after(index, position, spelled)
        scale, position = self.scale_after(position)
        value *= scale
        unit, position = self.unit_after(position)
        if unit == "metre" and self.word(position) in _PER:
            unit = None  # "50 metres per second" (wind): a speed, not a distance
        if unit and value.is_integer():
            value, position = self.half_after(value, position)  # "an hour and a half"
        unit = unit or prefix_unit
        start, end = self.tokens[first].start, self.tokens[position - 1].end
        surface = self.text[start:end]
        kind = "ordinal" if ordinal else "number"
        token = self.tokens[index]
        if (
            kind == "number"
            and not unit
            and scale == 1.0
            and token.value is not None
            and position == index + 1
            and token.value.is_integer()
            and int(token.value) in YEAR_RANGE
            and len(token.text) == 4
        ):
            kind = "year"
        weak = (
            spelled
            and scale == 1.0
            and value <= WEAK_WORD_LIMIT
            and value.is_integer()
            and (not unit or unit in _COUNTED or self.word(index) in _ARTICLES[self.base])
        )
        return NumberMention(value, unit, start, end, surface, kind, weak), position

    def currency_before(self, index: int) -> tuple[str | None, int]:
        """A currency symbol or code just before the number: "$200", "NOK 5"."""
        if index == 0:
            return None, index
        before = self.tokens[index - 1]
        key = currency_key(before.text, self.lang)
        written_before = before.text in _CURRENCY_SYMBOLS or before.text.isupper()
        if key and (written_before or before.lower == "kr"):
            return key, index - 1
        return None, index

    def half_after(self, value: float, position: int) -> tuple[float, int]:
        """"og en halv", "and a half", "½" after a number adds one half."""
        if self.word(position) == "½":
            return value + 0.5, position + 1
        if (
            self.word(position) in _AND[self.base]
            and self.word(position + 1) in _ARTICLES[self.base]
            and self.word(position + 2) in _HALF[self.base]
        ):
            return value + 0.5, position + 3
        if (
            self.base in _HALF_WITHOUT_AND
            and self.word(position) in _ARTICLES[self.base]
            and self.word(position + 1) in _HALF[self.base]
        ):
            return value + 0.5, position + 2
        return value, position

    def ordinal_after(self, index: int, position: int, spelled: bool) -> tuple[bool, int]:
        """"21st", "75th"; "21. mars" in the Nordic languages and German."""
        if spelled or position != index + 1:
            return False, position
        if self.word(position) in _ENGLISH_ORDINAL_SUFFIXES and self.attached(position):
            return True, position + 1
        end = self.tokens[index].end
        if self.base != "en" and self.text[end : end + 2] == ". " and end + 2 < len(self.text):
            return self.text[end + 2].islower(), position
        return False, position

    def scale_after(self, position: int) -> tuple[float, int]:
        """"milliarder", "billion", "mrd.", or "bn"/"m" written against the digits."""
        word = self.word(position)
        if self.attached(position) and word in _ATTACHED_SCALES:
            return _ATTACHED_SCALES[word], position + 1
        if word in _SCALES[self.base]:
            return _SCALES[self.base][word], position + 1
        if word in (_HUNDRED[self.base], _THOUSAND[self.base]) and position < len(self.tokens):
            return (100.0 if word == _HUNDRED[self.base] else 1000.0), position + 1
        return 1.0, position

    def decade_after(self, position: int) -> bool:
        """Does the word at ``position`` make the digits before it a decade ("1990s",
        "40-årene", "90'erne")?"""
        if not 0 < position < len(self.tokens) or self.tokens[position - 1].value is None:
            return False
        before, token = self.tokens[position - 1], self.tokens[position]
        joiner = self.text[before.end : token.start]
        joiner = _DASHES.get(joiner, joiner) if len(joiner) == 1 else joiner
        suffixes = _DECADE_SUFFIXES.get(joiner, {}).get(self.base, ())
        return token.lower in suffixes and before.value % 10 == 0  # type: ignore[operator]

    def unit_after(self, position: int) -> tuple[str | None, int]:
        """The unit after the number: "%", "timer", "dollars", "US dollars"."""
        word = self.word(position)
        if not word:
            return None, position
        if self.decade_after(position):
            return DECADE_UNIT, position + 1
        if word == "%":
            return "percent", position + 1
        if word == "per" and self.word(position + 1) == "cent":
            return "percent", position + 2
        unit = _unit_words(self.base).get(word)
        if unit:
            return unit, position + 1
        token = self.tokens[position]
        key = unit_currency_key(token.text, self.lang)
        if key:
            return key, position + 1
        if position + 1 < len(self.tokens):
            following = self.tokens[position + 1].text
            key = currency_key(f"{token.text} {following}", self.lang)  # "amerikanske dollar"
            describer = name_key(token.text, self.lang)  # "US dollars"
            if not key and describer and describer.startswith(("lang:", "place:")):
                key = unit_currency_key(following, self.lang)
                if key:
                    key = currency_of(describer, key)  # "Norwegian crowns" -> NOK
            if key:
                return key, position + 2
        return None, position


@cache
def _worth_reading(lang: str) -> re.Pattern[str]:
    """Matches any text that may hold a quantity: a digit, "½", a number or ordinal
    word, or an article before a half, a scale or a unit ("a million", "en halv").

    Most sentences have none, and skipping them keeps the cost per sentence low.
    """
    words = [*_word_values(lang), *_ORDINAL_WORDS[lang], *_ONE_AND_HALF[lang], *_decade_words(lang),
             _HUNDRED[lang], _THOUSAND[lang]]
    after_article = [*_HALF[lang], *_SCALES[lang], *_unit_words(lang)]
    pattern = (
        r"\d|½|\b(?:" + "|".join(sorted(map(re.escape, filter(None, words)), key=len, reverse=True))
        + r")|\b(?:" + "|".join(map(re.escape, _ARTICLES[lang])) + r")\s+(?:"
        + "|".join(sorted(map(re.escape, after_article), key=len, reverse=True)) + r")\b"
    )
    return re.compile(pattern, re.IGNORECASE)


def find_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every quantity in ``text``: digits, number words, fractions, scales and units."""
    if not _worth_reading(_base(lang)).search(text):
        return []
    return _Reader(text, lang).read()
