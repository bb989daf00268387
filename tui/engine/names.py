"""Language-independent keys for names: places, languages, days, months, currencies.

"Kina", "China" and "China's" all become "place:CN"; "kinesiske" and "Chinese"
become "lang:zh"; "tirsdag" and "Tuesday" become "weekday:2". The tables come from
CLDR (through babel) for nb, nn, en, sv, da and de, plus the proper-noun pairs of the
Bokmål lexicon ("Kreml" ~ "Kremlin"), so nothing is written for one story. Personal
names are not in any table; :func:`fuzzy_same_name` compares their spellings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import babel.numbers
import simplemma
from babel import Locale
from babel.core import get_global
from rapidfuzz import fuzz

from tui.engine.lexicon import load_lexicon, zipf

LANGUAGES = ("nb", "nn", "en", "sv", "da", "de")
#: Longest multiword name looked up ("Democratic Republic of the Congo" is rare).
MAX_NAME_WORDS = 4
#: CLDR's short alternates ("US-alt-short", "GB-alt-short") that babel does not expose.
SHORT_TERRITORY_NAMES = {"US": "US", "UK": "GB", "EU": "EU", "UN": "UN"}
#: Country names in common use that babel's CLDR names lack: CLDR's own alternates
#: ("TR-alt-variant" Turkey, "PS-alt-short" Palestine, "HK-alt-short" Hong Kong), which
#: babel drops, and the usual short forms of news writing ("Britain", "Holland").
#: Forms `_name_forms` derives from CLDR's names ("Macao", "Hongkong") are not here.
PLACE_VARIANTS: dict[str, dict[str, str]] = {
    "en": {
        "Britain": "GB",
        "Great Britain": "GB",
        "Turkey": "TR",
        "Czech Republic": "CZ",
        "Ivory Coast": "CI",
        "Hong Kong": "HK",
        "Macau": "MO",
        "Palestine": "PS",
        "Swaziland": "SZ",
        "East Timor": "TL",
        "Holland": "NL",
        "Vatican": "VA",
    },
    "nb": {"Palestina": "PS", "Holland": "NL"},
    "nn": {"Palestina": "PS", "Holland": "NL"},
    "da": {"Palæstina": "PS", "Holland": "NL"},
    "sv": {"Palestina": "PS", "Holland": "NL"},
    "de": {"Palästina": "PS", "Holland": "NL"},
}
#: Tie-break for a unit word shared by many currencies ("dollar", "pound"): the
#: most traded currencies, after the writer's own.
MAJOR_CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "RUB", "INR")
#: A currency word this common in its language is a word first ("som", "real", "won").
MAX_CURRENCY_WORD_ZIPF = 4.0
#: An old tz ID whose last part is this common in English is no city ("Australia/West").
COMMON_WORD_ZIPF = 4.0
#: Adjective endings per language, for inflected language/nationality adjectives.
ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "nb": ("e",),
    "nn": ("e",),
    "da": ("e",),
    "sv": ("a", "t"),
    "de": ("e", "en", "er", "es", "em"),
    "en": (),
}
#: Endings of weekday names in running text ("tirsdagen", "Tuesdays").
WEEKDAY_ENDINGS: dict[str, tuple[str, ...]] = {
    "nb": ("en", "er", "ene", "ens", "s"),
    "nn": ("en", "ar", "ane", "s"),
    "da": ("en", "e", "ene", "s"),
    "sv": ("en", "ar", "arna", "s"),
    "de": ("s", "e", "en"),
    "en": ("s",),
}
_VOWELS = "aeiouyæøåäö"
_TOKEN = re.compile(r"[^\W\d_](?:\.[^\W\d_])+\.?|[^\W_]+(?:[-'’][^\W_]+)*|[$€£¥₹₽]")


@dataclass(frozen=True, slots=True)
class NameMention:
    """A name found in a text: its key and where it is."""

    key: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    #: Only a capitalised token counts ("Man" the island, not "man"; "May", not "may").
    capital: bool


class _Table:
    """Aliases of one language: lower-case single tokens and token tuples."""

    def __init__(self) -> None:
        self.single: dict[str, _Entry] = {}
        self.multi: dict[tuple[str, ...], _Entry] = {}
        #: First words of multiword aliases: only these start a multiword lookup.
        self.starts: set[str] = set()

    def add(self, alias: str, key: str, capital: bool) -> None:
        """Register ``alias``; the first key given for an alias wins."""
        words = tuple(match.group().lower() for match in _TOKEN.finditer(alias))
        if not words:
            return
        if len(words) == 1:
            self.single.setdefault(words[0], _Entry(key, capital))
        elif len(words) <= MAX_NAME_WORDS:
            self.multi.setdefault(words, _Entry(key, capital))
            self.starts.add(words[0])


@cache
def _current_currencies() -> frozenset[str]:
    """ISO codes of currencies that are legal tender somewhere today."""
    codes: set[str] = set()
    for territory in get_global("territory_currencies"):
        codes.update(babel.numbers.get_territory_currencies(territory, tender=True))
    return frozenset(codes)


def _home_currency(lang: str) -> str | None:
    """The currency of the language's main country (nb -> NOK)."""
    likely = get_global("likely_subtags").get(lang, "")
    territory = likely.split("_")[-1] if likely else ""
    found = babel.numbers.get_territory_currencies(territory, tender=True) if territory else []
    return found[0] if found else None


def _currency_rank(code: str, home: str | None) -> tuple[int, str]:
    """Sort key: home currency, then major ones, then alphabetical."""
    if code == home:
        return (0, code)
    if code in MAJOR_CURRENCIES:
        return (1 + MAJOR_CURRENCIES.index(code), code)
    return (99, code)


@cache
def _currency_names(lang: str) -> dict[str, str]:
    """Full CLDR currency names, singular and plural ("amerikanske dollar") -> ISO code."""
    names: dict[str, str] = {}
    for code in sorted(_current_currencies()):
        for count in (1, 2, 5):
            try:
                name = babel.numbers.get_currency_name(code, count, lang)
            except (KeyError, ValueError):
                continue
            if name != code:
                names.setdefault(name.lower(), code)
    return names


@cache
def _currency_words(lang: str) -> dict[str, str]:
    """Currency unit words ("dollar", "kroner", "euros") and symbols -> ISO code.

    The unit word is the last word of a CLDR name ("US-Dollar" -> "dollar"); when
    several currencies share it, the writer's own currency wins, then the most
    traded ones.
    """
    home = _home_currency(lang)
    candidates: dict[str, set[str]] = {}
    for name, code in _currency_names(lang).items():
        candidates.setdefault(re.split(r"[\s-]", name)[-1], set()).add(code)
    words: dict[str, str] = {}
    for word, codes in candidates.items():
        best = min(codes, key=lambda code: _currency_rank(code, home))
        if zipf(word, lang) >= MAX_CURRENCY_WORD_ZIPF and _currency_rank(best, home)[0] == 99:
            continue  # "som", "real", "won": common words before currencies
        words[word] = best
    for locale in dict.fromkeys((lang, "en")):
        for code, symbol in Locale.parse(locale).currency_symbols.items():
            if code in _current_currencies() and symbol != code:
                words.setdefault(symbol.lower(), code)
    if home and lang in ("nb", "nn", "sv", "da"):
        words.setdefault("kr", home)  # CLDR's symbol for the home krone
    return words


#: The English translation of krone/krona/koruna, as English-language news writes it
#: after a figure ("112 million Norwegian crowns"); elsewhere a crown is a word.
KRONE_IN_ENGLISH = frozenset({"crown", "crowns"})


def unit_currency_key(text: str, lang: str) -> str | None:
    """`currency_key` of a word just after a figure, where English "crowns" is the
    krone ("5 million crowns")."""
    if lang == "en" and text.lower() in KRONE_IN_ENGLISH:
        return currency_key("kroner", lang)
    return currency_key(text, lang)


def currency_of(describer: str, unit_key: str) -> str:
    """The currency a nationality or country adjective names with a unit word that
    several countries use ("Norwegian" + "crowns" -> NOK, "Swedish" -> SEK);
    ``unit_key`` ("currency:DKK", what the word alone reads as) when it names none."""
    kind, _, value = describer.partition(":")
    if kind == "lang":
        likely = get_global("likely_subtags").get(value, "")
        territory = likely.split("_")[-1] if likely else ""
    elif kind in ("place", "dem"):
        territory = value
    else:
        return unit_key
    found = babel.numbers.get_territory_currencies(territory, tender=True) if territory.isalpha() else []
    return f"currency:{found[0]}" if found else unit_key


#: Nationality adjectives made from a territory's own name, per language, as (how the
#: name ends, or "C" for any consonant; letters dropped; what is added):
#: "Kenya" + "n" = "Kenyan", "Iran" + "ian", "Canada" - "a" + "ian", "Mexico" - "o" +
#: "an", "Israel" + "i"; Bokmål "Kenya" + "nsk" = "kenyansk", "Iran" + "sk", "Syria" -
#: "ia" + "isk". Earlier rules win where two territories would give one form
#: ("Nigerian": Nigeria, not Niger). Forms no one writes ("Chadi") are never met.
DEMONYM_RULES: dict[str, tuple[tuple[str, int, str], ...]] = {
    "en": (
        ("a", 0, "n"), ("C", 0, "i"), ("C", 0, "ian"), ("a", 1, "ian"), ("y", 1, "ian"), ("e", 1, "ian"),
        ("o", 1, "an"), ("C", 0, "ese"),
    ),
    "nb": (
        ("a", 0, "nsk"), ("e", 0, "nsk"), ("C", 0, "sk"), ("C", 0, "isk"), ("ia", 2, "isk"), ("a", 1, "sk"),
        ("C", 0, "iansk"), ("o", 1, "ansk"),
    ),
}
DEMONYM_RULES["nn"] = DEMONYM_RULES["nb"]
#: Nationality words no rule makes from the territory's name ("British" is no
#: language and "Britain" no CLDR name): the commonest in the news.
DEMONYM_VARIANTS: dict[str, dict[str, str]] = {
    "en": {"British": "GB", "Briton": "GB", "American": "US", "Dutch": "NL", "Swiss": "CH", "Danish": "DK"},
    "nb": {"britisk": "GB", "amerikansk": "US", "sveitsisk": "CH", "meksikansk": "MX", "italiensk": "IT", "kanadisk": "CA"},
}
DEMONYM_VARIANTS["nn"] = DEMONYM_VARIANTS["nb"]
#: Shortest territory name a demonym is made from (no "Mali" + "sk" clash is worth it).
MIN_DEMONYM_BASE = 4
#: A made form this common in its language is a word of its own first, and is left out.
MAX_DEMONYM_ZIPF = 5.5


def _demonym_forms(adjective: str, lang: str) -> list[str]:
    """A nationality adjective with its inflections and the nouns for its people:
    "Kenyan", "Kenyans"; "kenyansk", "kenyanske", "kenyaner", "kenyaneren"."""
    if lang == "en":
        return [adjective, adjective + "s"]
    forms = [adjective, adjective + "e"]
    if adjective.endswith("sk"):
        stem = adjective[:-3] if adjective.endswith("isk") else adjective[:-2]
        forms += [stem + ending for ending in ("er", "ere", "eren", "erne")]
    return forms


def _demonym_aliases(lang: str, table: _Table) -> None:
    """Nationality words made from CLDR's territory names (`DEMONYM_RULES`), keyed
    "dem:<territory>": "Kenyan" and "kenyanske" are "dem:KE" (they meet "Kenya" at
    part credit: `country_key`). Common words of their own are left out."""
    rules = DEMONYM_RULES.get(lang)
    if rules is None:
        return
    capital = lang == "en"
    territories = [
        (code, name) for code, name in Locale.parse(lang).territories.items()
        if code.isalpha() and name.isalpha() and len(name) >= MIN_DEMONYM_BASE
    ]
    made: dict[str, str] = {}
    for name, code in DEMONYM_VARIANTS.get(lang, {}).items():
        made.setdefault(name, code)
    for ending, drop, add in rules:
        for code, name in territories:
            if not (name.lower().endswith(ending) or ending == "C" and name[-1].lower() not in _VOWELS):
                continue
            base = name[: len(name) - drop] + add
            made.setdefault(base if capital else base.lower(), code)
    for adjective, code in made.items():
        for form in _demonym_forms(adjective, lang):
            if form.lower() not in table.single and not _other_word(form, lang):
                table.add(form, f"dem:{code}", capital)


def _other_word(form: str, lang: str) -> bool:
    """Is a made ``form`` too common a word to be read as a nationality
    (`MAX_DEMONYM_ZIPF`)? The listed variants ("American") always are nationalities."""
    return zipf(form.lower(), lang) >= MAX_DEMONYM_ZIPF and form not in DEMONYM_VARIANTS.get(lang, {})


def _language_aliases(lang: str, table: _Table) -> None:
    """Language names that double as nationality adjectives, with their inflections."""
    capital = lang == "en"  # "Chinese"; German adjectives are lower-case ("chinesische")
    for code, name in Locale.parse(lang).languages.items():
        if len(code) != 2 or " " in name or len(name) < 4:
            continue
        key = f"lang:{code}"
        table.add(name, key, capital)
        for ending in ADJECTIVE_ENDINGS[lang]:
            table.add(name + ending, key, capital)
        if lang == "en":
            table.add(name + "s", key, capital)  # "Russians"
        elif lang in ("nb", "nn", "da") and name.endswith("sk"):
            for form in _scandinavian_people(name):
                table.add(form, key, False)
    for noun, code in PEOPLE_NOUNS.get(lang, {}).items():
        plural = noun[:-3] + "men" if noun.endswith("man") else noun + "s"
        for form in (noun, plural):
            table.add(form, f"lang:{code}", capital)


#: English nouns for a people that no rule makes from its language's name ("Swedish":
#: "Swede", "French": "Frenchman"), keyed by that language; their plurals follow. Not
#: "Pole": the North Pole is no Polish one.
PEOPLE_NOUNS: dict[str, dict[str, str]] = {
    "en": {
        "Swede": "sv", "Dane": "da", "Turk": "tr", "Spaniard": "es", "Frenchman": "fr",
        "Englishman": "en", "Dutchman": "nl", "Irishman": "ga", "Welshman": "cy",
    },
}
#: Shortest stem a Scandinavian people noun drops "sk" to ("japansk": "japaner");
#: shorter ones are other words ("finsk": "finer", "polsk": "poler").
MIN_PEOPLE_STEM = 5


def _scandinavian_people(adjective: str) -> list[str]:
    """The nouns for a people made from its language's name: "kinesisk" gives
    "kineser", "kineserne"; "japansk" "japaner", "japanerne"; "svensk" "svensker",
    "svensken", "svenskene" and "tysk" "tysker", "tyskerne"."""
    forms = [adjective + ending for ending in ("er", "ere", "eren", "erne", "en", "ene")]
    if adjective.endswith("isk"):
        stem = adjective[:-3]
    elif len(adjective) - 2 >= MIN_PEOPLE_STEM:
        stem = adjective[:-2]
    else:
        return forms
    return forms + [stem + ending for ending in ("er", "ere", "eren", "erne")]


#: German adjective endings of a multiword name in the nominative, and the form they
#: take after an article in other cases ("die Vereinigte*n* Staaten", "der
#: Europäische*n* Union", "im Vereinigte*n* Königreich").
GERMAN_WEAK_ENDINGS = ("es", "e")


def _place_aliases(lang: str, table: _Table) -> None:
    """Territory names and short forms (German also in their inflected forms)."""
    for code, name in Locale.parse(lang).territories.items():
        if code != "ZZ":
            for form in _name_forms(name, lang):
                table.add(form, f"place:{code}", True)
            if lang == "de":
                for inflected in _german_inflections(name):
                    table.add(inflected, f"place:{code}", True)
    for name, code in PLACE_VARIANTS.get(lang, {}).items():
        table.add(name, f"place:{code}", True)


#: "and" per language, for CLDR's "&" ("Bosnia & Herzegovina").
_AND = {"en": "and", "nb": "og", "nn": "og", "da": "og", "sv": "och", "de": "und"}


def _name_forms(name: str, lang: str) -> list[str]:
    """A CLDR territory name and the forms running text uses: "Myanmar (Burma)" is
    "Myanmar" or "Burma", "Hong Kong SAR China" is "Hong Kong", "Bosnia &
    Herzegovina" is also "Bosnia and Herzegovina"."""
    forms = [name]
    if name.endswith(")") and " (" in name:
        outer, inner = name[:-1].split(" (", 1)
        forms += [outer, inner]
    words = name.split(" ")
    if "SAR" in words[1:]:
        forms.append(" ".join(words[: words.index("SAR")]))
    if " & " in name and lang in _AND:
        forms.append(name.replace(" & ", f" {_AND[lang]} "))
    return forms


def _german_inflections(name: str) -> list[str]:
    """A multiword German name with its leading adjectives weakly inflected:
    "Vereinigte Staaten" -> "Vereinigten Staaten"."""
    words = name.split(" ")
    if len(words) < 2:
        return []
    inflected = []
    for word in words[:-1]:
        ending = next((end for end in GERMAN_WEAK_ENDINGS if word.endswith(end)), None)
        if ending is None or not word[:1].isupper() or len(word) < 5:
            break
        inflected.append(word[: -len(ending)] + "en")
    if not inflected:
        return []
    return [" ".join([*inflected, *words[len(inflected):]])]


def _canonical_zone(zone: str) -> str:
    """Current tz ID for an old one ("Europe/Kiev" -> "Europe/Kyiv")."""
    return get_global("zone_aliases").get(zone, zone)


def _city_aliases(lang: str, table: _Table) -> None:
    """Time-zone exemplar cities, localised ("Moskva") and from tz IDs ("Moscow")."""
    for zone, names in Locale.parse(lang).time_zones.items():
        city = names.get("city")
        if city:
            table.add(city, f"city:{_canonical_zone(zone)}", True)
    current = set(get_global("zone_territories"))
    for zone in sorted(current | set(get_global("zone_aliases"))):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/")):
            continue
        city = zone.rsplit("/", 1)[1].replace("_", " ")
        if zone not in current and zipf(city.lower(), "en") >= COMMON_WORD_ZIPF:
            continue  # old IDs such as "Australia/West" or "Canada/Eastern"
        table.add(city, f"city:{_canonical_zone(zone)}", True)


def _calendar_aliases(lang: str, table: _Table) -> None:
    """Weekday and month names (wide and abbreviated) with their running-text forms."""
    locale = Locale.parse(lang)
    capital = lang == "en"  # English "May", "March" are also "may", "march"
    for context in ("format", "stand-alone"):
        for index, name in locale.days[context]["wide"].items():
            key = f"weekday:{index + 1}"
            table.add(name, key, False)
            for ending in WEEKDAY_ENDINGS[lang]:
                table.add(name + ending, key, False)
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                name = name.rstrip(".")
                if len(name) >= 3:
                    table.add(name, f"month:{number}", capital)


def _lexicon_aliases(lang: str, table: _Table, english: _Table | None) -> None:
    """Proper-noun pairs of the Bokmål lexicon ("kreml" -> "kremlin").

    A Norwegian name whose English side is already known takes that key, so
    "Moskva" and "Moscow" agree even where CLDR has no exemplar city.
    """
    lexicon = load_lexicon()
    for norwegian, english_names in lexicon.items_with_pos("pn"):
        if _inflected_word(norwegian, "nb"):
            continue  # "Andre" (the book) is mostly "andre" (other)
        if lexicon.pos(norwegian) - {"pn"}:
            continue  # a word first: "Hans" (his), "Sol" (sun), "Herre" open sentences
        for name in sorted(english_names):
            if _inflected_word(name, "en"):
                continue  # "Judges" (the book) is mostly "judges"
            if lang == "en":
                table.add(name, _english_key(name, english), True)
            elif lang in ("nb", "nn"):
                table.add(norwegian, _english_key(name, english), True)


def _inflected_word(word: str, lang: str) -> bool:
    """An inflected form of an ordinary word, whatever the dictionary also calls it."""
    return " " not in word and simplemma.lemmatize(word, lang=lang).lower() != word


def _english_key(name: str, english: _Table | None) -> str:
    """The key an English name already has, else "name:<name>"."""
    if english is not None:
        words = tuple(match.group().lower() for match in _TOKEN.finditer(name))
        entry = english.single.get(words[0]) if len(words) == 1 else english.multi.get(words)
        if entry is not None:
            return entry.key
    return f"name:{name}"


@cache
def _table(lang: str) -> _Table:
    """All aliases of ``lang``, built once. Earlier sources win on conflicts."""
    table = _Table()
    _place_aliases(lang, table)
    _city_aliases(lang, table)
    _language_aliases(lang, table)
    _demonym_aliases(lang, table)
    for word, code in _currency_words(lang).items():
        table.add(word, f"currency:{code}", False)
    for name, code in _currency_names(lang).items():
        if " " in name:
            table.add(name, f"currency:{code}", False)  # "amerikanske dollar"
    _calendar_aliases(lang, table)
    _lexicon_aliases(lang, table, None if lang == "en" else _table("en"))
    return table


@cache
def _codes() -> dict[str, str]:
    """Upper-case codes written in text ("US", "U.S.", "UK", "USA", "NOK") -> key."""
    codes = {short: f"place:{code}" for short, code in SHORT_TERRITORY_NAMES.items()}
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1:
            if not simplemma.is_known(alias.lower(), lang="en"):  # not "CAN", "AND"
                codes.setdefault(alias, f"place:{targets[0]}")
    for code in _current_currencies():
        if not simplemma.is_known(code.lower(), lang="en"):  # not "ALL", "TOP"
            codes.setdefault(code, f"currency:{code}")
    return codes


#: Possessive endings written with an apostrophe, in any language.
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")


def genitive_stems(token: str, lang: str) -> Iterator[str]:
    """The token without a possessive ending ("China's", "Kinas", "USAs", "Paris'"),
    or an English family name without its plural "s" ("the Mosers")."""
    for suffix in POSSESSIVE_ENDINGS:
        if token.endswith(suffix) and len(token) > len(suffix) + 1:
            yield token[: -len(suffix)]
    if lang != "en" and token.endswith("s") and (len(token) > 3 or (len(token) == 3 and token[:-1].isupper())):
        yield token[:-1]  # "Kinas", and a short code's "FNs", "EUs"
    elif lang == "en" and token.endswith("s") and not token.endswith("ss") and len(token) > 4:
        # A family's name in the plural: "the Mosers" names the Mosers.
        yield token[:-1]


def _entry_key(entry: _Entry | None, *words: str) -> str | None:
    """The entry's key if the words' case allows it (one capital is enough: "the Hague")."""
    if entry is None or (entry.capital and not any(word[:1].isupper() for word in words)):
        return None
    return entry.key


@lru_cache(maxsize=500_000)
def name_key(token: str, lang: str) -> str | None:
    """Key of a single token: "Kinas" -> "place:CN", "tirsdag" -> "weekday:2".

    Keys are "place:<ISO territory>", "lang:<ISO language>", "weekday:<1-7, Monday
    1>", "month:<1-12>", "currency:<ISO>", "city:<tz ID>" or "name:<english>".
    English names are also found in other languages' text ("Power of Siberia"
    aside, news keeps many English names).
    """
    token = token.strip(".,;:!?«»\"“”()[]")
    if not token:
        return None
    for form in (token, *genitive_stems(token, lang)):  # "UN", "U.N.", "EU's", "FNs"
        bare = form.replace(".", "")
        if bare.isupper() and bare.isalpha() and bare in _codes():
            return _codes()[bare]
    table = _table(lang if lang in LANGUAGES else "en")
    for form in (token, *genitive_stems(token, lang)):
        key = _entry_key(table.single.get(form.lower()), form)
        if key:
            return key
    if lang != "en" and token[:1].isupper():
        key = name_key(token, "en")
        if key and key.split(":", 1)[0] in ("place", "city", "name"):
            return key
    return None


@cache
def calendar_words(lang: str) -> dict[str, tuple[str, bool]]:
    """Weekday and month words of ``lang`` (lower-case, with their running-text forms)
    -> (key, needs a capital letter)."""
    table = _table(lang if lang in LANGUAGES else "en")
    return {
        alias: (entry.key, entry.capital)
        for alias, entry in table.single.items()
        if entry.key.startswith(("weekday:", "month:"))
    }


def currency_key(text: str, lang: str) -> str | None:
    """"currency:<ISO>" for a currency word, symbol, code or full name ("dollar", "$",
    "NOK", "amerikanske dollar")."""
    if " " in text:
        code = _currency_names(lang if lang in LANGUAGES else "en").get(text.lower())
        return f"currency:{code}" if code else None
    key = name_key(text, lang)
    return key if key and key.startswith("currency:") else None


@lru_cache(maxsize=200_000)
def _multi_key(words: tuple[str, ...], lang: str) -> str | None:
    """Key of a multiword name ("United States", "Sør-Korea's" aside); remembered,
    since every word that may open a name is tried with the words after it."""
    table = _table(lang if lang in LANGUAGES else "en")
    lowered = [word.lower() for word in words]
    for stem in (lowered[-1], *genitive_stems(lowered[-1], lang)):
        entry = table.multi.get((*lowered[:-1], stem))
        key = _entry_key(entry, *words)
        if key:
            return key
    if lang != "en":
        key = _multi_key(words, "en")
        if key and key.split(":", 1)[0] in ("place", "city", "name"):
            return key
    return None


@cache
def _multi_starts(lang: str) -> frozenset[str]:
    """Words that can open a multiword name in ``lang`` text (English names included)."""
    return frozenset(_table(lang if lang in LANGUAGES else "en").starts | _table("en").starts)


def find_names(text: str, lang: str) -> list[NameMention]:
    """Every name in ``text``, longest match first, with character spans.

    Hyphenated words are looked up whole, then part by part ("Ukraina-krisen" ->
    Ukraine, "russisk-kinesisk" -> Russian and Chinese).
    """
    tokens = list(_TOKEN.finditer(text))
    starts = _multi_starts(lang)
    found: list[NameMention] = []
    index = 0
    while index < len(tokens):
        longest = MAX_NAME_WORDS if tokens[index].group().lower() in starts else 1
        for size in range(min(longest, len(tokens) - index), 1, -1):
            window = tokens[index : index + size]
            key = _multi_key(tuple(match.group() for match in window), lang)
            if key:
                start, end = window[0].start(), window[-1].end()
                found.append(NameMention(key, start, end, text[start:end]))
                index += size
                break
        else:
            found.extend(_token_names(tokens[index], lang))
            index += 1
    return found


def _token_names(match: re.Match[str], lang: str) -> list[NameMention]:
    """Names in one token, trying its hyphen parts when the whole is unknown."""
    key = name_key(match.group(), lang)
    if key:
        return [NameMention(key, match.start(), match.end(), match.group())]
    if "-" not in match.group():
        return []
    mentions = []
    offset = match.start()
    for part in re.finditer(r"[^-]+", match.group()):
        if part.group() != match.group():
            part_key = name_key(part.group(), lang)
            if part_key:
                start = offset + part.start()
                end = start + len(part.group())
                mentions.append(NameMention(part_key, start, end, part.group()))
    return mentions


def place_key(key: str) -> str | None:
    """The country a key points at: "lang:zh" -> "place:CN" (CLDR likely territory).

    Lets "kinesisk" meet "China" and "Chinese" meet "Kina" when the matcher wants
    that looser agreement.
    """
    kind, _, value = key.partition(":")
    if kind == "place":
        return key
    if kind == "dem":
        return f"place:{value}"
    if kind == "lang":
        likely = get_global("likely_subtags").get(value)
        return f"place:{likely.split('_')[-1]}" if likely else None
    if kind == "city":
        territory = get_global("zone_territories").get(value)
        return f"place:{territory}" if territory else None
    return None


#: Prefix of the part-credit key by which a country's name, its people's adjective and
#: its language's name meet: "China", "Chinese" and "kinesisk" all hold "~c:CN"; so
#: does its capital where news writes it for its government ("Beijing denied").
COUNTRY_PREFIX = "~c:"
#: The capitals of the world's countries (and seats of government), by ISO code.
CAPITALS_FILE = "capitals.tsv"


@cache
def capital_keys() -> dict[str, str]:
    """The name keys of every country's capital -> its ISO code: "city:Europe/Moscow"
    -> "RU", "name:beijing" -> "CN". A capital named like its country ("Singapore",
    "Kuwait City") already holds the country's key and is left out."""
    text = (resources.files("tui") / "data" / CAPITALS_FILE).read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, *spellings = line.split("\t")
        for spelling in spellings:
            keys = {"name:" + joined_fold(spelling)}
            keys |= {key for lang in ("en", "nb") if (key := _whole_name_key(spelling, lang))}
            if any(key.startswith("place:") for key in keys):
                continue
            for key in keys:
                found.setdefault(key, code)
    return found


def _whole_name_key(name: str, lang: str) -> str | None:
    """The key the names table gives a whole name of one or more words."""
    words = tuple(match.group() for match in _TOKEN.finditer(name))
    if len(words) > 1:
        return _multi_key(words, lang)
    return name_key(name, lang)


@lru_cache(maxsize=4096)
def country_key(key: str) -> str | None:
    """The part-credit country key of a name key: "place:CN", "dem:KE", and the key of
    a language named like its country ("lang:zh" -> "~c:CN": "Chinese" and "China"
    open alike in English or Bokmål). A language named otherwise ("English", the
    language of "United States" in CLDR's likely territories) gets none."""
    kind, _, value = key.partition(":")
    if kind in ("place", "dem"):
        return COUNTRY_PREFIX + value
    if kind != "lang":
        return None
    likely = get_global("likely_subtags").get(value)
    if not likely:
        return None
    territory = likely.split("_")[-1]
    for lang in ("en", "nb"):
        locale = Locale.parse(lang)
        language, country = locale.languages.get(value, ""), locale.territories.get(territory, "")
        if len(language) >= 2 and language[:2].lower() == country[:2].lower():
            return COUNTRY_PREFIX + territory
    return None


_TRANSLITERATION: tuple[tuple[str, str], ...] = (
    ("shch", "shch"),
    ("sjtsj", "shch"),
    ("stsj", "shch"),
    ("tsj", "ch"),
    ("tch", "ch"),
    ("sch", "sh"),
    ("sj", "sh"),
    ("zh", "sh"),
    ("kh", "h"),
    ("ph", "f"),
    ("w", "v"),
    ("x", "ks"),
    ("j", "i"),
    ("y", "i"),
)


@lru_cache(maxsize=200_000)
def transliteration_fold(name: str) -> str:
    """A spelling skeleton shared by transliterations of one name.

    Norwegian writes Russian and Ukrainian names with "sj", "tsj", "j" where English
    writes "sh", "ch", "y": "Misjustin"/"Mishustin", "Zelenskyj"/"Zelensky". Vowel
    doubling from the folds is collapsed ("Kyiv" -> "kiiv" -> "kiv").
    """
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("ø", "o").replace("æ", "ae").replace("å", "a").replace("ß", "ss")
    for source, target in _TRANSLITERATION:
        text = text.replace(source, target)
    text = re.sub(r"[^a-z ]+", "", text)
    text = re.sub(r"([aeiou])\1+", r"\1", text)
    return re.sub(r"([a-z])\1+", r"\1", text).strip()


def joined_fold(name: str) -> str:
    """`transliteration_fold` without spaces: what an unknown name is keyed by
    ("name:" + it), in a sentence and in `capital_keys` alike."""
    return transliteration_fold(name).replace(" ", "")


#: Similarity (0-100) two folded names need; short names need more.
NAME_SIMILARITY = 80.0
SHORT_NAME_SIMILARITY = 85.0
SHORT_NAME = 5


def fuzzy_same_name(a: str, b: str) -> bool:
    """Do two spellings plausibly name the same person or place?

    True for transliteration variants ("Misjustin"/"Mishustin", "Zelenskyj"/
    "Zelensky", "Kyiv"/"Kiev"); False for different names ("Xi"/"Li").
    """
    folded_a, folded_b = transliteration_fold(a), transliteration_fold(b)
    if not folded_a or not folded_b:
        return False
    if folded_a == folded_b:
        return True
    if folded_a[0] != folded_b[0]:
        return False
    short = min(len(folded_a), len(folded_b)) < SHORT_NAME
    needed = SHORT_NAME_SIMILARITY if short else NAME_SIMILARITY
    return fuzz.ratio(folded_a, folded_b) >= needed
