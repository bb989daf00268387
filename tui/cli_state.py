"""The ``--state PATH`` and ``--no-state`` options, shared by the reader and the export."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.engine.state import StateStore, default_state_path, open_state
from tui.i18n import N_, _

NO_STATE_HELP = N_("read the saved state but write nothing: changes last until you quit")


def add_state_options(parser: argparse.ArgumentParser, no_state_help: str = NO_STATE_HELP) -> None:
    """Let the user pick the state file, or keep it from being written (``no_state_help``
    is the English text of ``--no-state``'s help, translated here)."""
    parser.add_argument(
        "--state",
        type=Path,
        metavar=_("PATH"),
        default=None,
        help=_("the file keeping read marks, cursors and link verdicts (default: {path})").format(
            path=default_state_path()
        ),
    )
    parser.add_argument(
        "--no-state",
        action="store_true",
        help=_(no_state_help),
    )


def open_state_from(args: argparse.Namespace, *, read_only: bool = False) -> StateStore:
    """The store the parsed options ask for; never raises (see ``open_state``)."""
    return open_state(args.state, read_only=read_only or args.no_state)
