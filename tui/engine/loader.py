"""Turn the paths a user gives into articles, and say plainly why any file was skipped.

Users point crossread at a mix of files and folders, sometimes huge ones, sometimes
with broken links, private files or pictures in them. One bad file must never cost
the others: every problem becomes a ``Skipped(path, reason)`` and loading goes on.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from tui.engine.analysis_cache import AnalysisCache, TextAnalysis, analyse_text
from tui.engine.decode import NotText, decode_bytes
from tui.engine.formats import FORMAT_SUFFIXES, Document, read_formatted
from tui.engine.models import Article, LoadResult, Skipped
from tui.i18n import _

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_BYTES",
    "SkipFile",
    "article_from_bytes",
    "article_from_document",
    "load_file",
    "load_paths",
]

#: Files over this size are skipped: no news article is this long.
MAX_FILE_BYTES = 5 * 1024 * 1024
#: Read as plain text (Markdown too).
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
#: Inside folders only these files are read: text, feeds, OPML lists, saved pages, JSON Lines.
_FOLDER_SUFFIXES = ARTICLE_SUFFIXES | FORMAT_SUFFIXES
_READ_CHUNK = 1024 * 1024


class SkipFile(Exception):
    """A file cannot be loaded as an article; ``reason`` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _megabytes(size: int) -> str:
    from tui.i18n import format_decimal

    return format_decimal(size / (1024 * 1024), "0.#") + " MB"


def _too_large(size: int) -> SkipFile:
    return SkipFile(
        _("too large ({size}; the limit is {limit})").format(
            size=_megabytes(size), limit=_megabytes(MAX_FILE_BYTES)
        )
    )


def _os_reason(error: OSError, path: Path) -> str:
    if isinstance(error, FileNotFoundError):
        if path.is_symlink():
            return _("broken symbolic link")
        return _("file not found (it may have been moved or deleted)")
    if isinstance(error, PermissionError):
        return _("permission denied")
    if error.errno == errno.ELOOP:
        return _("symbolic link loop")
    if isinstance(error, IsADirectoryError):
        return _("is a folder, not a file")
    return _("cannot be read ({error})").format(error=error.strerror or error)


def _read_file(path: Path) -> tuple[bytes, tuple[int, int]]:
    """The file's bytes and its identity (device, inode); raises ``SkipFile``.

    Opening without blocking and checking the opened file keeps a named pipe or a
    device from hanging the reader, and a file swapped for a folder meanwhile.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise SkipFile(_os_reason(error, path)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SkipFile(_("is a folder, not a file"))
        if not stat.S_ISREG(info.st_mode):
            raise SkipFile(_("not a regular file"))
        if info.st_size > MAX_FILE_BYTES:
            raise _too_large(info.st_size)
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, _READ_CHUNK):
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_FILE_BYTES:
                raise _too_large(total)
        return b"".join(chunks), (info.st_dev, info.st_ino)
    except OSError as error:
        raise SkipFile(_os_reason(error, path)) from None
    finally:
        os.close(fd)


Analyse = Callable[[str], TextAnalysis]


def article_from_bytes(path: Path, data: bytes, analyse: Analyse = analyse_text) -> Article:
    """Build the article that ``data`` (the bytes of ``path``) holds; raises ``SkipFile``."""
    try:
        text, encoding, notes = decode_bytes(data)
    except NotText as error:
        raise SkipFile(error.reason) from None
    digest = hashlib.sha256(data).hexdigest()
    return article_from_document(Document(path, text, encoding, digest, notes=tuple(notes)), analyse)


def article_from_document(document: Document, analyse: Analyse = analyse_text) -> Article:
    """The article a text file, feed entry, saved page or export line holds.

    What the document states (title, outlet, date, language) wins; whatever it leaves
    out is read from the text as for any text file, or stays unknown. ``analyse``
    splits the text and reads its metadata (an `AnalysisCache` remembers the work).
    """
    text = document.text
    analysis = analyse(text)
    segments, metadata = analysis.segments, analysis.metadata
    return Article(
        path=document.path,
        text=text,
        encoding=document.encoding,
        digest=document.digest,
        title=document.title or metadata.title or document.path.stem,
        outlet=document.outlet or metadata.outlet,
        language=document.language or analysis.language,
        date=document.date or metadata.date,
        word_count=metadata.word_count,
        segments=segments,
        notes=list(document.notes),
        url=document.url,
    )


def _read_local(path: Path) -> bytes:
    """A file an OPML list names, read with the same limits as any other file."""
    return _read_file(path)[0]


def load_file(path: Path) -> Article:
    """Load one article file; raises ``SkipFile`` with a human reason when it cannot."""
    data, _identity = _read_file(path)
    return article_from_bytes(path, data)


def _sorted_entries(folder: str) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda entry: (entry.name.casefold(), entry.name))


def _walk(root: Path, skip: Callable[[Path, str], None], visited: set[tuple[int, int]]) -> Iterator[Path]:
    """Article files under ``root``, depth first in name order, each folder once.

    Hidden entries (".git", ".venv") are passed over; a link back to a folder being
    walked is reported as a loop instead of being followed forever.
    """
    try:
        info = root.stat()
        entries = _sorted_entries(str(root))
    except OSError as error:
        skip(root, _os_reason(error, root))
        return
    root_key = (info.st_dev, info.st_ino)
    visited.add(root_key)
    active = {root_key}
    stack: list[tuple[tuple[int, int], Iterator[os.DirEntry[str]]]] = [(root_key, iter(entries))]
    while stack:
        key, pending = stack[-1]
        entry = next(pending, None)
        if entry is None:
            stack.pop()
            active.discard(key)
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if not is_dir:
            if path.suffix.lower() in _FOLDER_SUFFIXES:
                yield path
            continue
        try:
            info = entry.stat()
            folder_key = (info.st_dev, info.st_ino)
            if folder_key in active:
                skip(path, _("symbolic link loop (folder links back to itself)"))
                continue
            if folder_key in visited:
                continue
            children = _sorted_entries(entry.path)
        except OSError as error:
            skip(path, _os_reason(error, path))
            continue
        visited.add(folder_key)
        active.add(folder_key)
        stack.append((folder_key, iter(children)))


@contextmanager
def collection_paused() -> Iterator[None]:
    """Run the block with Python's cycle collector paused, then resume it.

    Loading makes objects by the hundred thousand (every article's segments) and
    frees almost none, so each automatic collection only walks the growing pile of
    live ones again: at 10,000 articles that was a third of the loading time. Nothing
    the loader makes needs the collector (no reference cycles), and a collection
    runs as usual once it is back on. The reader pauses it the same way while it
    unpickles what the corpus job sends (``tui.corpus_job``).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def load_paths(
    paths: Sequence[Path],
    on_article: Callable[[Article], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    cache_dir: Path | None = None,
) -> LoadResult:
    """Load every article under ``paths`` (files and folders, folders recursively).

    Files named directly are read whatever their suffix; inside folders only text,
    Markdown, feed, OPML, HTML and JSON Lines files are. Feeds, OPML lists, pages and
    JSON Lines go to their format reader; a feed gives one article per entry. The same
    file reached twice (a link, a path given twice), or the same feed entry through a
    feed and an OPML list, is loaded once. ``on_article`` and ``on_skip`` are called as
    each file is done, so a reader can show progress. With ``cache_dir``, the split
    into sentences, titles, dates and languages found when the same paths were last
    opened are reused for every unchanged text (`AnalysisCache`).
    """
    with collection_paused():
        return _load_paths(paths, on_article, on_skip, cache_dir)


def _load_paths(
    paths: Sequence[Path],
    on_article: Callable[[Article], None] | None,
    on_skip: Callable[[Skipped], None] | None,
    cache_dir: Path | None,
) -> LoadResult:
    cache = AnalysisCache(cache_dir, paths) if cache_dir is not None else None
    analyse: Analyse = cache.analyse if cache is not None else analyse_text
    result = LoadResult()
    seen_files: set[tuple[int, int]] = set()
    seen_documents: set[str] = set()
    visited_folders: set[tuple[int, int]] = set()

    def skip(path: Path, reason: str) -> None:
        skipped = Skipped(path, reason)
        result.skipped.append(skipped)
        if on_skip is not None:
            on_skip(skipped)

    def add(article: Article) -> None:
        result.articles.append(article)
        if on_article is not None:
            on_article(article)

    def load_documents(path: Path, data: bytes) -> None:
        reading = read_formatted(path, data, _read_local)
        for document in reading.documents:
            if document.digest in seen_documents:
                continue
            seen_documents.add(document.digest)
            try:
                article = article_from_document(document, analyse)
            except Exception as error:  # noqa: BLE001 - one odd entry must not cost the feed
                skip(document.path, _("could not be read ({error})").format(error=f"{type(error).__name__}: {error}"))
                continue
            add(article)
        for skipped in reading.skipped:
            skip(skipped.path, skipped.reason)

    def load(path: Path) -> None:
        try:
            data, identity = _read_file(path)
            if identity in seen_files:
                return
            seen_files.add(identity)
            if path.suffix.lower() in FORMAT_SUFFIXES:
                load_documents(path, data)
                return
            article = article_from_bytes(path, data, analyse)
        except SkipFile as error:
            skip(path, error.reason)
            return
        except Exception as error:  # noqa: BLE001 - one odd file must not stop the rest
            skip(path, _("could not be read ({error})").format(error=f"{type(error).__name__}: {error}"))
            return
        add(article)

    for given in paths:
        path = Path(given)
        if not os.path.lexists(path):
            skip(path, _("no such file or folder"))
        elif _is_folder(path):
            for file in _walk(path, skip, visited_folders):
                load(file)
        else:
            load(path)
    if cache is not None:
        cache.save()
    return result
