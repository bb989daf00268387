"""Story slots: one fact's values, rendered per article in that article's language.

A story fixes the truth (who, where, how many); each article renders it with its own
habits (weekday or date, "4,5 %" or "4,5 prosent") and sometimes an updated figure, the
way later reports revise a death toll.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks import corpus_values as v


@dataclass(slots=True)
class Ctx:
    """How one article renders values."""

    lang: str
    rng: random.Random
    #: "weekday", "full" or "date": how the article names the event day.
    day_style: str = "weekday"
    #: The article was written later and reports revised figures.
    updated: bool = False


SlotFn = Callable[[Ctx], str]
Slots = dict[str, SlotFn]


def fixed(nb: str, en: str) -> SlotFn:
    return lambda c: nb if c.lang == "nb" else en


def same(text: str) -> SlotFn:
    return lambda c: text


def number(n: int, updated: int | None = None, words: bool = True) -> SlotFn:
    """A count; articles written later may carry the ``updated`` figure instead."""

    def render(c: Ctx) -> str:
        value = updated if (updated is not None and c.updated) else n
        return v.count(value, c.lang, c.rng, words)

    return render


def money(value: float, currency: str) -> SlotFn:
    return lambda c: v.money(value, currency, c.lang, c.rng)


def pct(x: float, places: int = 1) -> SlotFn:
    return lambda c: v.percent(x, c.lang, c.rng, places)


def day(date: dt.date, style: str | None = None) -> SlotFn:
    """The event day in the article's style, or always in ``style``."""
    return lambda c: v.day_phrase(date, c.lang, style or c.day_style)


def month_of(date: dt.date) -> SlotFn:
    return lambda c: v.month(date, c.lang)


def person(name: str, who: v.Person, nb_title: str, en_title: str) -> Slots:
    """``name`` (full), ``name_last`` (surname) and ``name_t`` (title + full name)."""
    return {
        name: lambda c: who.name(c.lang),
        f"{name}_last": lambda c: who.surname(c.lang),
        f"{name}_t": lambda c: f"{nb_title if c.lang == 'nb' else en_title} {who.name(c.lang)}",
    }


def place(where: v.Place) -> Slots:
    """``city``, ``country`` and ``country_gen`` (Norges / Norway's)."""
    return {
        "city": lambda c: where.city(c.lang),
        "country": lambda c: where.country(c.lang),
        "country_gen": lambda c: v.genitive(where.country(c.lang), c.lang),
    }


def head_title(code: str, lang: str) -> str:
    presidential = code in v.PRESIDENTIAL
    if lang == "nb":
        return "president" if presidential else "statsminister"
    return "President" if presidential else "Prime Minister"


def leader(name: str, who: v.Person, code: str) -> Slots:
    """A head of government, titled with the country: Sveriges statsminister X."""
    slots = person(name, who, head_title(code, "nb"), head_title(code, "en"))
    slots[f"{name}_t"] = lambda c: (
        f"{v.genitive(v.country_name(code, c.lang), c.lang)} {head_title(code, c.lang)}"
        f" {who.name(c.lang)}"
    )
    slots[f"{name}_p"] = lambda c: f"{head_title(code, c.lang)} {who.name(c.lang)}"
    return slots
