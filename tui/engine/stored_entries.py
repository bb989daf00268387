"""Checked cache entries on disk, shared by the index cache and the text-analysis cache.

An entry is `marshal` data (plain values only, nothing executable) behind a magic
header and a sha256 of the payload, stored with the engine's fingerprint and its key;
one that is short, corrupt, from another engine version or for another key reads as
missing. Writes are atomic, and a failed write only costs a rebuild later.

Kept apart from `tui.engine.cache` so that loading articles needs none of the
matcher's modules and word lists.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import marshal
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs

MAGIC = b"CROSSREAD-CACHE-1\n"
_DIGEST_SIZE = 32
_LIBRARIES = ("simplemma", "wordfreq", "babel", "rapidfuzz")


def default_cache_dir() -> Path:
    """Where the reader and ``crossread links`` keep their caches."""
    return Path(platformdirs.user_cache_dir("crossread")) / "index"


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Changes whenever the matcher's code, its word lists or its libraries change."""
    digest = hashlib.sha256()
    # The byte order too: packed segments and links are stored as this machine's arrays.
    digest.update(f"{sys.version_info[:3]} marshal {marshal.version} {sys.byteorder}".encode())
    engine = Path(__file__).resolve().parent
    # Every engine module: a hand-kept list of the ones that matter would miss a new one.
    for module in sorted(engine.glob("*.py")):
        digest.update(module.name.encode())
        digest.update(module.read_bytes())
    for path in sorted((engine.parent / "data").glob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library} {importlib.metadata.version(library)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{library} none".encode())
    return digest.hexdigest()


def write_entry(path: Path, key: str, data: Any) -> None:
    """Store ``data`` for ``key`` atomically; a failure only costs a rebuild later."""
    payload = marshal.dumps((engine_fingerprint(), key, data))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            # Piece by piece: a large entry (the link index) is not copied once more.
            out.write(MAGIC)
            out.write(hashlib.sha256(payload).digest())
            out.write(payload)
        os.replace(temporary, path)
    except OSError:
        return


def read_entry(path: Path, key: str) -> Any | None:
    """The data stored for ``key``, or None when missing, corrupt, stale or foreign."""
    payload = read_payload(path)
    return None if payload is None else payload_data(payload, key)


def read_payload(path: Path) -> memoryview | None:
    """The payload of the entry at ``path`` once its digest is checked; None when missing or corrupt.

    Reading and hashing let other threads run: an entry can be read ahead, and its data
    taken (`payload_data`) once the key it must be stored under is known.
    """
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + _DIGEST_SIZE
    if len(blob) < head or not blob.startswith(MAGIC):
        return None
    payload = memoryview(blob)[head:]  # not a copy: the index's entry is hundreds of MB
    if hashlib.sha256(payload).digest() != blob[len(MAGIC) : head]:
        return None
    return payload


def payload_data(payload: memoryview | bytes, key: str) -> Any | None:
    """The data of a checked payload (`read_payload`), or None when stale or stored for another key."""
    try:
        fingerprint, stored_key, data = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    if fingerprint != engine_fingerprint() or stored_key != key:
        return None
    return data
