"""The interface language: gettext catalogues, and dates and numbers through babel.

Pure Python (no Textual), so the engine may use it for the reasons it gives.

The language is chosen once per run: ``--ui-lang`` when given, else the first
non-empty of LC_ALL, LC_MESSAGES and LANG (the POSIX order). Norwegian ("nb_NO.UTF-8",
"no", "nn") gives Norwegian Bokmål; anything else English. The choice is passed on to
child processes in ``CROSSREAD_UI_LANG``, so the background job speaks it too.

Catalogues live in ``tui/locale/<lang>/LC_MESSAGES/crossread.po`` and are compiled to
``.mo`` when the package is built or installed. From a source tree without compiled
files (or with a ``.po`` newer than its ``.mo``), the ``.po`` is compiled in memory.

Strings defined at import time (the command table, legends) are marked with ``N_``
and translated where they are shown, with ``_``.
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import io
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

DOMAIN = "crossread"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: Interface languages, the first is the fallback.
LANGUAGES: tuple[str, ...] = ("en", "nb")
DEFAULT_LANGUAGE = "en"
#: Carries the chosen language to child processes (set by ``set_language``).
ENV_VAR = "CROSSREAD_UI_LANG"
#: Where the language comes from, first non-empty wins (POSIX order).
LOCALE_VARIABLES: tuple[str, ...] = ("LC_ALL", "LC_MESSAGES", "LANG")
#: Locale language codes read as Norwegian Bokmål.
_NORWEGIAN = frozenset({"nb", "no", "nn"})


def language_for(value: str | None) -> str:
    """The interface language for a locale name: "nb_NO.UTF-8", "no", "nn" -> "nb";
    anything else ("C", "en_US.UTF-8", "de_DE") -> "en"."""
    if not value:
        return DEFAULT_LANGUAGE
    code = value.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].lower()
    return "nb" if code in _NORWEGIAN else DEFAULT_LANGUAGE


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale variables ask for (LC_ALL, then LC_MESSAGES, then LANG)."""
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return language_for(value)
    return DEFAULT_LANGUAGE


def _initial_language() -> str:
    inherited = os.environ.get(ENV_VAR, "")
    return inherited if inherited in LANGUAGES else language_from_environment()


_current = _initial_language()


def current_language() -> str:
    """The interface language of this run: "en" or "nb"."""
    return _current


def set_language(language: str) -> str:
    """Speak ``language`` ("nb", "en" or a locale name) from now on, here and in child
    processes started later; returns the language chosen."""
    global _current
    _current = language if language in LANGUAGES else language_for(language)
    os.environ[ENV_VAR] = _current
    return _current


def _compiled(po_path: Path) -> bytes:
    """The ``.mo`` bytes of a ``.po`` catalogue, compiled in memory with babel."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as file:
        catalog = read_po(file, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def compile_catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every ``<lang>/LC_MESSAGES/crossread.po`` under ``locale_dir`` to its
    ``.mo`` (what the build hook runs); returns the files written."""
    written: list[Path] = []
    for po_path in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo_path = po_path.with_suffix(".mo")
        mo_path.write_bytes(_compiled(po_path))
        written.append(mo_path)
    return written


@lru_cache(maxsize=None)
def translations(language: str) -> _gettext.NullTranslations:
    """The catalogue of ``language``: the compiled ``.mo``, else the ``.po`` compiled now."""
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    mo_path, po_path = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    try:
        if mo_path.exists() and (not po_path.exists() or mo_path.stat().st_mtime >= po_path.stat().st_mtime):
            return _gettext.GNUTranslations(io.BytesIO(mo_path.read_bytes()))
        if po_path.exists():
            return _gettext.GNUTranslations(io.BytesIO(_compiled(po_path)))
    except (OSError, ValueError):
        pass
    return _gettext.NullTranslations()


def gettext(message: str) -> str:
    """``message`` in the interface language."""
    return translations(_current).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the interface language."""
    return translations(_current).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (one English word, two Norwegian ones)."""
    return translations(_current).pgettext(context, message)


_ = gettext


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (translate it where
    it is shown, with ``_``): for strings built when a module is imported."""
    return message


def format_date(date: dt.date, width: str = "full") -> str:
    """``date`` as the interface language writes it: "full" ("tirsdag 21. mars 2023",
    "Tuesday, March 21, 2023") or "medium" where space is tight ("21. mars 2023",
    "Mar 21, 2023")."""
    return _formatted_date(date, width, _current)


def format_number(number: int | float) -> str:
    """A count with the interface language's grouping ("12 345" / "12,345")."""
    return _formatted_number(type(number), number, _current)


# Remembered: the article list writes a date and a word count for each of 10,000
# articles, and Babel takes a fifth of a millisecond for each.
@lru_cache(maxsize=4096)
def _formatted_date(date: dt.date, width: str, locale: str) -> str:
    from babel.dates import format_date as babel_format_date

    return babel_format_date(date, format=width, locale=locale)


@lru_cache(maxsize=4096)
def _formatted_number(kind: type, number: int | float, locale: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(number, locale=locale)


def format_decimal(number: float, pattern: str = "0.00") -> str:
    """A decimal with the interface language's separator ("0,45" / "0.45")."""
    from babel.numbers import format_decimal as babel_format_decimal

    return babel_format_decimal(number, format=pattern, locale=_current)


def format_percent(fraction: float) -> str:
    """A fraction as a whole percentage ("82 %" / "82%")."""
    from babel.numbers import format_percent as babel_format_percent

    return babel_format_percent(fraction, locale=_current)


def language_name(code: str | None) -> str:
    """The name of language ``code`` in the interface language ("engelsk", "English");
    unknown languages said plainly."""
    return _language_name(code, _current)


@lru_cache(maxsize=256)
def _language_name(code: str | None, ui_locale: str) -> str:
    """CLDR's name, remembered: the list asks it for every one of 10,000 articles."""
    from tui.engine.languages import language_name as cldr_language_name

    return cldr_language_name(code, ui_locale)
