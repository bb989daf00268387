"""Reading a corpus's stored link index ahead, while the corpus job loads its articles.

When the corpus job finds or builds the index of a list of paths, it notes which cache
entry holds it. The next time the same paths are opened, the reader reads, checks and
unpacks that entry in a thread of its own while the articles arrive, and uses it only
when the job names that very entry (`tui.corpus_job`). A note is a hint, never trusted:
the entry is checked like any other (`tui.engine.stored_entries`).

No Textual here.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tui.engine.stored_entries import default_cache_dir

#: The name of a stored index entry (`tui.engine.index_key`), as noted for `ReadAhead`.
ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.bin")


def entry_note(paths: Sequence[Path], threshold: float) -> Path:
    """Where the name of the stored index last used for ``paths`` at ``threshold`` is noted."""
    named = "\0".join(str(Path(path).resolve()) for path in paths) + f"\0threshold {threshold!r}"
    digest = hashlib.sha256(named.encode()).hexdigest()
    return default_cache_dir() / "index" / "last-used" / digest


def note_entry(paths: Sequence[Path], threshold: float, entry: Path) -> None:
    """Note that ``entry`` holds the index of ``paths`` (the child does, once it knows)."""
    note = entry_note(paths, threshold)
    try:
        note.parent.mkdir(parents=True, exist_ok=True)
        temporary = note.with_name(f".tmp-{os.getpid()}-{note.name}")
        temporary.write_text(entry.name, encoding="ascii")
        os.replace(temporary, note)
    except OSError:
        pass  # only a hint: without it the entry is read once the child names it


def noted_entry(paths: Sequence[Path], threshold: float) -> Path | None:
    """The stored index last used for ``paths`` at ``threshold``, if one is noted and still there."""
    note = entry_note(paths, threshold)
    try:
        name = note.read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return None
    if not ENTRY_NAME.fullmatch(name):
        return None
    entry = note.parent.parent / name
    return entry if entry.is_file() else None


class ReadAhead:
    """The stored index last used for the corpus, read, checked and unpacked in a thread of
    its own while the child loads the articles and works out which entry is theirs.

    Only a guess: the entry is checked like any other (its digest, the engine version,
    and the key its name says, `tui.engine.stored_entries`), and its data is used only
    when the child names that very entry under that key; a wrong guess costs a read.
    Reading and hashing let the reader's other threads run; the payload is let go once
    unpacked, so the reader holds no more than when it opens the entry itself.
    """

    def __init__(self, entry: Path) -> None:
        self.entry = entry
        self._stored: Any | None = None
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    @classmethod
    def of(cls, paths: Sequence[Path], threshold: float) -> ReadAhead | None:
        """Reading ahead the entry noted for ``paths``; None when none is noted."""
        entry = noted_entry(paths, threshold)
        return None if entry is None else cls(entry)

    def _read(self) -> None:
        from tui.engine.stored_entries import payload_data, read_payload

        payload = read_payload(self.entry)
        if payload is not None:
            # An entry is stored under its key (`tui.engine.index_key`).
            self._stored = payload_data(payload, self.entry.stem)

    def stored_for(self, entry: Path, key: str) -> Any | None:
        """The checked data of ``entry`` stored under ``key``, if that is the entry read
        ahead (waiting for the read); None otherwise."""
        if entry != self.entry or key != self.entry.stem:
            return None
        self._thread.join()
        stored, self._stored = self._stored, None
        return stored
