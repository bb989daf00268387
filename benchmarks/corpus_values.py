"""The things a news fact is made of (people, places, amounts, dates), written the way
Norwegian Bokmål and English newsrooms write them.

Every value renders in both languages from one language-neutral truth, so the nb and en
versions of a fact carry the same name, number and date in each language's own form
("4,5 milliarder kroner" / "4.5 billion kroner", "tirsdag" / "Tuesday").
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.core import get_global
from babel.dates import format_date, get_timezone_location

LANGS = ("nb", "en")

NORDIC_FIRST = (
    ("Ola", "m"), ("Kari", "f"), ("Ingrid", "f"), ("Lars", "m"), ("Silje", "f"),
    ("Anders", "m"), ("Marit", "f"), ("Håkon", "m"), ("Sigrid", "f"), ("Eirik", "m"),
    ("Ragnhild", "f"), ("Torbjørn", "m"), ("Åse", "f"), ("Øystein", "m"), ("Hanne", "f"),
    ("Jonas", "m"), ("Nora", "f"), ("Magnus", "m"), ("Ida", "f"), ("Sindre", "m"),
    ("Guro", "f"), ("Espen", "m"), ("Tone", "f"), ("Vegard", "m"), ("Line", "f"),
    ("Trond", "m"), ("Camilla", "f"), ("Bjørn", "m"), ("Mette", "f"), ("Henrik", "m"),
    ("Solveig", "f"), ("Per", "m"), ("Astrid", "f"), ("Kjetil", "m"), ("Randi", "f"),
    ("Erik", "m"), ("Elin", "f"), ("Gunnar", "m"), ("Linnea", "f"), ("Mikkel", "m"),
)
NORDIC_LAST = (
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
    "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg",
    "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen",
    "Halvorsen", "Henriksen", "Lund", "Sørensen", "Solberg", "Strand", "Bakken", "Moen",
    "Aasen", "Lie", "Engen", "Vik", "Holm", "Bråten", "Ødegård", "Næss", "Lindqvist",
    "Nyström", "Fjeld", "Rønning", "Sandvik", "Myhre", "Tangen", "Hovland", "Kvam",
    "Brekke", "Aune", "Sæther", "Lindahl",
)
ANGLO_FIRST = (
    ("James", "m"), ("Sarah", "f"), ("Michael", "m"), ("Emily", "f"), ("David", "m"),
    ("Laura", "f"), ("Daniel", "m"), ("Rachel", "f"), ("Thomas", "m"), ("Helen", "f"),
    ("Andrew", "m"), ("Claire", "f"), ("Patrick", "m"), ("Megan", "f"), ("Robert", "m"),
    ("Fiona", "f"), ("Mark", "m"), ("Joanna", "f"), ("Stephen", "m"), ("Alice", "f"),
    ("Graham", "m"), ("Susan", "f"), ("Kevin", "m"), ("Natalie", "f"), ("Simon", "m"),
)
ANGLO_LAST = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
    "Hall", "Wood", "Harris", "Clarke", "Jackson", "Cooper", "Morgan", "Hughes",
    "Campbell", "O'Brien", "Kelly", "Murphy", "Fletcher", "Holloway", "Pritchard",
    "Whitaker", "Bennett", "Gallagher", "Sullivan",
)
GERMAN_FIRST = (
    ("Jürgen", "m"), ("Katrin", "f"), ("Matthias", "m"), ("Sabine", "f"), ("Stefan", "m"),
    ("Ulrike", "f"), ("Wolfgang", "m"), ("Anja", "f"), ("Markus", "m"), ("Heike", "f"),
)
GERMAN_LAST = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Hoffmann", "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
)
FRENCH_FIRST = (
    ("Jean", "m"), ("Marie", "f"), ("Pierre", "m"), ("Sophie", "f"), ("Nicolas", "m"),
    ("Camille", "f"), ("Olivier", "m"), ("Isabelle", "f"), ("François", "m"), ("Élise", "f"),
)
FRENCH_LAST = (
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
    "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Fournier",
)
HISPANIC_FIRST = (
    ("José", "m"), ("María", "f"), ("Carlos", "m"), ("Lucía", "f"), ("Javier", "m"),
    ("Carmen", "f"), ("Alejandro", "m"), ("Isabel", "f"), ("Diego", "m"), ("Paula", "f"),
)
HISPANIC_LAST = (
    "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez",
    "Pérez", "Gómez", "Díaz", "Ramírez", "Torres", "Flores", "Moreno", "Navarro",
)
SLAVIC_FIRST = (
    ("Mikhail", "m"), ("Olga", "f"), ("Dmitry", "m"), ("Yelena", "f"), ("Sergey", "m"),
    ("Natalya", "f"), ("Andriy", "m"), ("Yuliya", "f"), ("Oleksiy", "m"), ("Tatyana", "f"),
    ("Vasily", "m"), ("Irina", "f"), ("Yevgeny", "m"), ("Svetlana", "f"), ("Anatoly", "m"),
)
SLAVIC_LAST = (
    "Mishustin", "Chernyshenko", "Shevchenko", "Zhukov", "Kuznetsov", "Sokolov",
    "Popov", "Lebedev", "Kozlov", "Novikov", "Morozov", "Volkov", "Solovyov", "Kovalenko",
    "Bondarenko", "Tkachenko", "Kravchuk", "Melnyk", "Shcherbakov", "Chaikovsky",
    "Khrushchenko", "Yakovlev", "Zaitsev", "Orlov",
)
EAST_ASIAN = (
    (("Li", "m"), ("Wang", "f"), ("Zhang", "m"), ("Chen", "f"), ("Liu", "m"), ("Zhao", "f")),
    ("Wei", "Fang", "Jun", "Ling", "Qiang", "Mei", "Hao", "Yan"),
)

_POOLS: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {
    "nordic": (NORDIC_FIRST, NORDIC_LAST),
    "anglo": (ANGLO_FIRST, ANGLO_LAST),
    "german": (GERMAN_FIRST, GERMAN_LAST),
    "french": (FRENCH_FIRST, FRENCH_LAST),
    "hispanic": (HISPANIC_FIRST, HISPANIC_LAST),
    "slavic": (SLAVIC_FIRST, SLAVIC_LAST),
}

_ORIGIN_BY_COUNTRY = {
    **dict.fromkeys(("NO", "SE", "DK", "FI", "IS"), "nordic"),
    **dict.fromkeys(("GB", "US", "CA", "AU", "IE", "ZA", "KE", "NG", "IN"), "anglo"),
    **dict.fromkeys(("DE", "AT", "CH", "NL"), "german"),
    **dict.fromkeys(("FR", "BE"), "french"),
    **dict.fromkeys(("ES", "MX", "AR", "PT", "BR"), "hispanic"),
    **dict.fromkeys(("RU", "UA", "PL", "CZ", "EE", "LV", "LT", "RO", "HU"), "slavic"),
    **dict.fromkeys(("CN", "JP", "KR"), "east_asian"),
}


def nb_transliteration(name: str) -> str:
    """Norwegian spelling of an English-transliterated Slavic name (Mishustin -> Misjustin)."""
    out = name
    for en, nb in (("shch", "sjtsj"), ("Shch", "Sjtsj"), ("sh", "sj"), ("Sh", "Sj"),
                   ("ch", "tsj"), ("Ch", "Tsj"), ("zh", "sj"), ("Zh", "Sj"),
                   ("ya", "ja"), ("Ya", "Ja"), ("yu", "ju"), ("Yu", "Ju"),
                   ("ye", "je"), ("Ye", "Je"), ("yo", "jo")):
        out = out.replace(en, nb)
    if out.endswith("y"):
        out = out[:-1] + "ij"
    return out


@dataclass(frozen=True, slots=True)
class Person:
    """A named person; ``slavic`` names are spelled differently in Norwegian."""

    first: str
    last: str
    gender: str
    slavic: bool = False

    def name(self, lang: str) -> str:
        full = f"{self.first} {self.last}"
        return nb_transliteration(full) if lang == "nb" and self.slavic else full

    def surname(self, lang: str) -> str:
        return nb_transliteration(self.last) if lang == "nb" and self.slavic else self.last

    def pronoun(self, lang: str) -> str:
        if lang == "nb":
            return "han" if self.gender == "m" else "hun"
        return "he" if self.gender == "m" else "she"


def feminine_surname(last: str) -> str:
    """Russian and Ukrainian surnames agree with a woman: Kozlov -> Kozlova."""
    if last.endswith(("ov", "ev", "in", "yov")):
        return last + "a"
    if last.endswith("sky"):
        return last[:-3] + "skaya"
    return last


def make_person(rng: random.Random, country: str = "NO") -> Person:
    """A plausible name for someone from ``country``; sometimes from elsewhere."""
    origin = _ORIGIN_BY_COUNTRY.get(country, "anglo")
    if rng.random() < 0.15:
        origin = rng.choice(("nordic", "anglo", "german", "french", "hispanic", "slavic"))
    if origin == "east_asian":
        surname, gender = rng.choice(EAST_ASIAN[0])
        return Person(surname, rng.choice(EAST_ASIAN[1]), gender)
    firsts, lasts = _POOLS[origin]
    first, gender = rng.choice(firsts)
    last = rng.choice(lasts)
    if origin == "nordic" and rng.random() < 0.12:
        last = f"{rng.choice(lasts)}-{last}" if gender == "f" else f"{rng.choice(lasts)} {last}"
    if origin == "slavic" and gender == "f":
        last = feminine_surname(last)
    return Person(first, last, gender, slavic=origin == "slavic")


NORWEGIAN_TOWNS = (
    "Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Kristiansand", "Bodø",
    "Ålesund", "Drammen", "Fredrikstad", "Hamar", "Lillehammer", "Molde", "Haugesund",
    "Harstad", "Alta", "Sandnes", "Tønsberg", "Arendal", "Narvik", "Kongsberg", "Gjøvik",
    "Førde", "Mo i Rana", "Steinkjer", "Larvik", "Halden", "Hammerfest", "Kirkenes",
)
#: Second cities CLDR has no time zone for: (nb, en).
EXTRA_CITIES = {
    "SE": (("Göteborg", "Gothenburg"), ("Malmö", "Malmo"), ("Uppsala", "Uppsala")),
    "DK": (("Aarhus", "Aarhus"), ("Odense", "Odense")),
    "FI": (("Tammerfors", "Tampere"), ("Åbo", "Turku")),
    "DE": (("München", "Munich"), ("Hamburg", "Hamburg"), ("Köln", "Cologne")),
    "GB": (("Manchester", "Manchester"), ("Edinburgh", "Edinburgh")),
    "IN": (("New Delhi", "New Delhi"), ("Mumbai", "Mumbai")),
    "CN": (("Beijing", "Beijing"),),
}
_SKIP_CITIES = {"Canary", "Busingen", "Ceuta", "Madeira", "Azores", "Lord Howe Island",
                "Eucla", "Lindeman", "Adak", "Eirunepe", "Khandyga", "Simferopol"}

COUNTRIES_ABROAD = (
    "SE", "DK", "FI", "IS", "DE", "FR", "GB", "ES", "IT", "PL", "NL", "BE", "AT", "CH",
    "US", "CA", "RU", "UA", "CN", "JP", "IN", "BR", "AU", "ZA", "EG", "TR", "GR", "PT",
    "IE", "EE", "LV", "LT", "KR", "MX", "KE", "NG", "CZ", "HU", "RO",
)
#: Where heads of government are called presidents rather than prime ministers.
PRESIDENTIAL = {"US", "FR", "RU", "UA", "CN", "BR", "MX", "KR", "TR", "EG", "ZA", "KE",
                "NG", "FI", "PL", "PT", "LT", "RO"}
_EN_COUNTRY = {"US": "the United States", "GB": "Britain", "NL": "the Netherlands",
               "CZ": "the Czech Republic"}
EURO_COUNTRIES = {"DE", "FR", "ES", "IT", "NL", "BE", "AT", "FI", "GR", "PT", "IE", "EE",
                  "LV", "LT"}


@dataclass(frozen=True, slots=True)
class Place:
    """A city in a country, named in both languages (København / Copenhagen)."""

    code: str
    city_nb: str
    city_en: str

    def city(self, lang: str) -> str:
        return self.city_nb if lang == "nb" else self.city_en

    def country(self, lang: str) -> str:
        return country_name(self.code, lang)


@lru_cache(maxsize=None)
def country_name(code: str, lang: str) -> str:
    """CLDR territory name, with the article English prose needs ("the Netherlands")."""
    if lang == "en" and code in _EN_COUNTRY:
        return _EN_COUNTRY[code]
    return Locale(lang).territories[code]


def genitive(noun: str, lang: str) -> str:
    """Possessive form: Norges / Norway's, Hellas' / Athens'."""
    if lang == "nb":
        return noun + ("'" if noun[-1] in "sxz" else "s")
    return noun + ("'" if noun.endswith("s") else "'s")


@lru_cache(maxsize=None)
def cities(code: str) -> tuple[tuple[str, str], ...]:
    """(nb, en) city names for a country, from CLDR time-zone exemplar cities."""
    if code == "NO":
        return tuple((town, town) for town in NORWEGIAN_TOWNS)
    found: list[tuple[str, str]] = []
    for zone in get_global("territory_zones").get(code, []):
        nb = get_timezone_location(zone, locale="nb", return_city=True)
        en = get_timezone_location(zone, locale="en", return_city=True)
        if "/" in nb or "/" in en or en in _SKIP_CITIES or nb.endswith(" by"):
            continue
        found.append((nb, en))
    found.extend(EXTRA_CITIES.get(code, ()))
    return tuple(found)


def make_place(rng: random.Random, code: str) -> Place:
    nb, en = rng.choice(cities(code))
    return Place(code, nb, en)


def pick_country(rng: random.Random) -> str:
    """Norway-heavy, as a Norwegian-English reader's corpus would be."""
    roll = rng.random()
    if roll < 0.35:
        return "NO"
    if roll < 0.5:
        return rng.choice(("SE", "DK", "FI", "IS"))
    return rng.choice(COUNTRIES_ABROAD)


_NB_SMALL = ("null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti")
_EN_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
             "nine", "ten")


def group_digits(n: int, lang: str, rng: random.Random) -> str:
    """12 000 (nb, with a space, no-break space or point) or 12,000 (en)."""
    plain = f"{n:,}"
    if n < 1000:
        return plain
    if lang == "en":
        return plain
    if n < 10_000 and rng.random() < 0.5:
        return str(n)
    return plain.replace(",", rng.choice((" ", "\u00a0", " ", ".")))


def count(n: int, lang: str, rng: random.Random, words: bool = True) -> str:
    """A count as newsrooms write it: small ones in words, large ones grouped."""
    if words and n <= 10 and rng.random() < 0.8:
        word = (_NB_SMALL if lang == "nb" else _EN_SMALL)[n]
        return "ett" if word == "én" and rng.random() < 0.3 else word
    return group_digits(n, lang, rng)


def decimal(x: float, lang: str, places: int = 1) -> str:
    text = f"{x:.{places}f}"
    if places and text.endswith("0" * places) and places == 1:
        text = text[: -places - 1]
    return text.replace(".", ",") if lang == "nb" else text


def percent(x: float, lang: str, rng: random.Random, places: int = 1) -> str:
    """4,5 prosent / 4,5 % (nb); 4.5 percent / 4.5 per cent / 4.5% (en)."""
    num = decimal(x, lang, places)
    if lang == "nb":
        return f"{num} prosent" if rng.random() < 0.75 else f"{num} %"
    return rng.choice((f"{num} percent", f"{num} per cent", f"{num}%"))


def points(x: float, lang: str) -> str:
    """A rate change: 0,25 prosentpoeng / 0.25 percentage points."""
    if lang == "nb":
        return f"{decimal(x, lang, 2)} prosentpoeng"
    return f"{decimal(x, lang, 2)} percentage points"


_CURRENCY = {
    # code: (nb unit, en unit after the number, en symbol before the number or "")
    "NOK": ("kroner", ("kroner", "crowns", "Norwegian crowns"), "NOK "),
    "SEK": ("svenske kroner", ("Swedish crowns", "Swedish kronor"), "SEK "),
    "DKK": ("danske kroner", ("Danish crowns", "Danish kroner"), "DKK "),
    "EUR": ("euro", ("euros",), "€"),
    "USD": ("dollar", ("dollars",), "$"),
    "GBP": ("pund", ("pounds",), "£"),
}


def currency_for(code: str) -> str:
    if code == "NO":
        return "NOK"
    if code == "SE":
        return "SEK"
    if code == "DK":
        return "DKK"
    if code == "GB":
        return "GBP"
    if code in EURO_COUNTRIES:
        return "EUR"
    return "USD"


def money(value: float, currency: str, lang: str, rng: random.Random) -> str:
    """4,5 milliarder kroner / 4,5 mrd. kroner (nb); 4.5 billion kroner / $4.5 billion (en)."""
    nb_unit, en_units, symbol = _CURRENCY[currency]
    if value >= 1e9:
        amount, scale = value / 1e9, ("milliarder", "mrd.", "billion")
    elif value >= 1e6:
        amount, scale = value / 1e6, ("millioner", "mill.", "million")
    else:
        amount, scale = value, ("", "", "")
    if scale[0]:
        num = decimal(amount, lang, 1)
        if lang == "nb":
            word = scale[1] if rng.random() < 0.2 else scale[0]
            if num == "1":
                word = "milliard" if scale[0] == "milliarder" else "million"
            return f"{num} {word} {nb_unit}"
        if currency in ("EUR", "USD", "GBP") or rng.random() < 0.3:
            return f"{symbol}{num} {scale[2]}"
        return f"{num} {scale[2]} {rng.choice(en_units)}"
    num = group_digits(int(value), lang, rng)
    if lang == "nb":
        return f"{num} {nb_unit}"
    if currency in ("EUR", "USD", "GBP"):
        return f"{symbol}{num}"
    return f"{num} {rng.choice(en_units)}"


def round_money(rng: random.Random, low: float, high: float) -> float:
    """A reported amount with two or three significant digits."""
    value = rng.uniform(low, high)
    magnitude = 10 ** (len(str(int(value))) - 2)
    return round(value / magnitude) * magnitude


def weekday(day: dt.date, lang: str) -> str:
    return format_date(day, "EEEE", locale=lang)


def month(day: dt.date, lang: str) -> str:
    return format_date(day, "MMMM", locale=lang)


def day_phrase(day: dt.date, lang: str, style: str) -> str:
    """The event day, after a preposition in English: tirsdag / Tuesday, 21. mars / March 21."""
    if style == "weekday":
        return weekday(day, lang)
    if style == "full":
        pattern = "EEEE d. MMMM" if lang == "nb" else "EEEE, MMMM d"
        return format_date(day, pattern, locale=lang)
    pattern = "d. MMMM" if lang == "nb" else "MMMM d"
    return format_date(day, pattern, locale=lang)


def clock(hour: int, minute: int, lang: str, rng: random.Random) -> str:
    """klokken 03.12 / kl. 03.12 (nb); at 3:12 a.m. / at 03:12 local time (en)."""
    if lang == "nb":
        return f"{rng.choice(('klokken', 'kl.'))} {hour:02d}.{minute:02d}"
    if rng.random() < 0.3:
        return f"at {hour:02d}:{minute:02d} local time"
    suffix = "a.m." if hour < 12 else "p.m."
    return f"at {(hour - 1) % 12 + 1}:{minute:02d} {suffix}"


_NB_ORDINAL = ("første", "andre", "tredje", "fjerde", "femte", "sjette", "sjuende",
               "åttende", "niende", "tiende", "ellevte", "tolvte")
_EN_ORDINAL = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
               "eighth", "ninth", "tenth", "eleventh", "twelfth")


def ordinal_word(n: int, lang: str) -> str:
    return (_NB_ORDINAL if lang == "nb" else _EN_ORDINAL)[n - 1]


def ordinal_number(n: int) -> str:
    """English 23rd; Norwegian writes ``23.``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
