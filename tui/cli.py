"""The ``crossread`` command: open the reader, or run a subcommand.

Subcommands are recognised only as the very first argument, so a file that happens
to be called "links" is still opened with ``crossread ./links`` or ``crossread -- links``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path

from tui import __version__
from tui.cli_language import add_language_option, choose_language
from tui.cli_state import add_state_options, open_state_from
from tui.commands import COMMANDS, Where, key_names
from tui.i18n import _

#: Subcommand name -> "module:function" taking the remaining arguments, returning the exit status.
SUBCOMMANDS: dict[str, str] = {
    "links": "tui.cli_links:run_links",
    "eval": "tui.engine.evaluation:main",
}


def _keys_epilog() -> str:
    lines = [_("keys:")]
    for where in Where:
        commands = [c for c in COMMANDS if c.where is where]
        if commands:
            lines.append(f"  {where.heading}")
            lines.extend(f"    {key_names(c.keys):<20} {c.text}" for c in commands)
    if SUBCOMMANDS:
        lines.append("")
        lines.append(
            _("subcommands (run `crossread NAME --help`): {names}").format(names=", ".join(sorted(SUBCOMMANDS)))
        )
    lines.append("")
    lines.append(_('A file named like a subcommand opens with "crossread ./NAME" or "crossread -- NAME".'))
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The reader's argument parser (subcommands have their own), in the interface
    language."""
    parser = argparse.ArgumentParser(
        prog="crossread",
        description=_(
            "Read news articles side by side across outlets and languages: for the "
            "sentence under the cursor, see which sentences of the other articles "
            "state the same fact."
        ),
        epilog=_keys_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar=_("PATH"),
        help=_("article files or folders to read (default: the bundled seed articles)"),
    )
    add_state_options(parser)
    add_language_option(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"crossread {__version__}",
        help=_("show the version and exit"),
    )
    return parser


def _subcommand(name: str) -> Callable[[list[str]], int]:
    module, _, function = SUBCOMMANDS[name].partition(":")
    return getattr(import_module(module), function)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``crossread`` and ``python -m tui``; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    choose_language(args)
    if args and args[0] in SUBCOMMANDS:
        return _subcommand(args[0])(args[1:])
    options = build_parser().parse_args(args)
    missing = [path for path in options.paths if not path.exists()]
    if options.paths and len(missing) == len(options.paths):
        for path in missing:
            print("crossread: " + _("{path}: no such file or folder").format(path=path), file=sys.stderr)
        return 2
    from tui.app import make_app

    with open_state_from(options) as state:
        make_app(options.paths or None, state=state).run()
    return 0
