"""`crossread links PATH... --format json|csv|tsv [--min-score X] [-o FILE]`.

The links export for fact-checkers and scripts. Without ``--min-score`` it holds
exactly the links the sidebar shows: each with the user's verdict from the reader's
state, rejected links left out unless ``--include-rejected``, and the stories the user
joined in the reader (`tui.engine.story_joins`). The export only reads the state,
never writes it. Exit status: 0 on success, 1 when some input
files could not be read (each named on stderr; the rest is still exported), 2 on bad
usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tui.cli_language import add_language_option, choose_language
from tui.cli_state import add_state_options, open_state_from
from tui.engine.export import FORMATS, export_records, write_records
from tui.engine.loader import load_paths
from tui.engine.cache import default_cache_dir
from tui.engine.story_joins import with_joins
from tui.engine.matcher import DEFAULT_THRESHOLD, build_index
from tui.engine.seeds import seed_dir
from tui.i18n import N_, _


def _score(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(_("must be between 0 and 1"))
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the links export, in the interface language."""
    parser = argparse.ArgumentParser(
        prog="crossread links",
        description=_("Export the same-fact links between the sentences of the given articles."),
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar=_("PATH"), help=_("article files or folders (default: the seed articles)")
    )
    parser.add_argument("--format", choices=FORMATS, default="json", help=_("output format (default: json)"))
    parser.add_argument(
        "--min-score",
        type=_score,
        default=None,
        metavar="X",
        help=_("lowest score exported, 0-1 (default: what the reader shows, {threshold})").format(
            threshold=DEFAULT_THRESHOLD
        ),
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar=_("FILE"), help=_("write to FILE instead of standard output")
    )
    parser.add_argument(
        "--include-rejected",
        action="store_true",
        help=_("also export the links you rejected in the reader (their verdict says so)"),
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=_("build the link index afresh instead of reusing the one cached for these files"),
    )
    add_state_options(parser, N_("accepted for symmetry with the reader: the export never writes the state"))
    add_language_option(parser)
    return parser


def run_links(argv: list[str]) -> int:
    """Run the export; returns the process exit status."""
    choose_language(argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    paths = args.paths or [seed_dir()]
    cache_dir = None if args.no_cache else default_cache_dir()
    result = load_paths(paths, cache_dir=cache_dir)
    for skipped in result.skipped:
        print(
            "crossread: " + _("skipped {path}: {reason}").format(path=skipped.path, reason=_(skipped.reason)),
            file=sys.stderr,
        )
    with open_state_from(args, read_only=True) as state:
        for message in state.messages:
            print(f"crossread: {message}", file=sys.stderr)
        verdicts = state.verdicts()
        joins = state.story_joins()
    index = with_joins(build_index(result.articles, cache_dir=cache_dir), joins)
    records = export_records(
        index, verdicts, min_score=args.min_score, include_rejected=args.include_rejected
    )
    if args.output:
        try:
            with args.output.open("w", encoding="utf-8", newline="") as out:
                write_records(records, args.format, out)
        except OSError as error:
            print(
                "crossread: " + _("cannot write {path}: {error}").format(path=args.output, error=error.strerror or error),
                file=sys.stderr,
            )
            return 2
    else:
        try:
            write_records(records, args.format, sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader of the pipe stopped early (`| head`): not an error of ours.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1 if result.skipped else 0
