"""``--ui-lang nb|en`` and argparse's own words in the interface language.

The language must be known before a parser is built (its help texts are translated
then) and before ``--help`` prints, so ``choose_language`` reads ``--ui-lang`` from the
raw arguments first; the parser then declares the option for help and validation.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from tui.i18n import LANGUAGES, N_, _, current_language, gettext, ngettext, set_language

#: argparse's messages the user can meet (Python 3.11+), for the catalogue.
ARGPARSE_MESSAGES: tuple[str, ...] = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unexpected option string: %s"),
    N_("can't open '%(filename)s': %(error)s"),
)


def localize_argparse() -> None:
    """Let argparse's own words ("usage:", "options", its error messages) follow the
    interface language: argparse looks them up through its module's ``_`` and
    ``ngettext`` (by default the process-wide gettext domain, which never holds them)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def choose_language(argv: Sequence[str]) -> str:
    """Apply ``--ui-lang`` if ``argv`` gives a valid one (else keep the language the
    locale variables chose), and translate argparse; returns the language."""
    early = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    early.add_argument("--ui-lang", choices=LANGUAGES, default=None)
    try:
        known, _rest = early.parse_known_args(list(argv))
    except argparse.ArgumentError:
        known = None  # a bad value: the full parser reports it in the user's language
    if known is not None and known.ui_lang:
        set_language(known.ui_lang)
    localize_argparse()
    return current_language()


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """Declare ``--ui-lang`` (read early by ``choose_language``)."""
    parser.add_argument(
        "--ui-lang",
        choices=LANGUAGES,
        default=None,
        metavar="nb|en",
        help=_(
            "the interface language: nb (Norwegian Bokmål) or en (English); default: "
            "from LC_ALL, LC_MESSAGES or LANG"
        ),
    )
