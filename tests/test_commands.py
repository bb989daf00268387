"""The command table: one definition per command, no key bound twice in one place."""

from __future__ import annotations

from collections import Counter

from tui.commands import COMMANDS


def test_every_command_id_is_defined_once() -> None:
    counts = Counter(command.id for command in COMMANDS)
    assert [cid for cid, n in counts.items() if n > 1] == []


def test_no_key_is_bound_twice_in_the_same_place() -> None:
    seen: Counter[tuple[str, str]] = Counter()
    for command in COMMANDS:
        for key in command.keys.split(","):
            seen[(command.where.value, key.strip())] += 1
    assert [pair for pair, n in seen.items() if n > 1] == []
