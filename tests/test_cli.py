"""The command line: help documents every key, bad paths fail fast, subcommands dispatch."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui import cli
from tui.commands import COMMANDS


def test_help_documents_every_key(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--help"])
    assert exit_info.value.code == 0
    shown = capsys.readouterr().out
    assert "PATH" in shown
    for command in COMMANDS:
        assert command.description in shown


def test_only_missing_paths_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli.main([str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_subcommands_dispatch_only_on_the_first_argument(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[list[str]] = []

    def record(argv: list[str]) -> int:
        calls.append(argv)
        return 0

    monkeypatch.setitem(cli.SUBCOMMANDS, "links", "example:links")
    monkeypatch.setattr(cli, "_subcommand", lambda name: record)
    assert cli.main(["links", "a.txt", "--format", "csv"]) == 0
    assert calls == [["a.txt", "--format", "csv"]]
    # "links" later on, or after "--", is a path: nothing is dispatched.
    assert cli.main(["--", str(tmp_path / "links")]) == 2
    assert calls == [["a.txt", "--format", "csv"]]
