"""Messages the background workers post to the main screen.

Workers run in threads; they never touch widgets, they only post these.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.engine.link_index import LinkIndex, Progress
from tui.engine.models import Article, LoadResult, Skipped


@dataclass
class ArticlesLoaded(Message, bubble=False):
    """More articles were read, in load order (batched: one message per file would
    flood the screen with updates on a corpus of thousands)."""

    articles: tuple[Article, ...]


@dataclass
class FileSkipped(Message, bubble=False):
    """A file could not be read as an article."""

    skipped: Skipped


@dataclass
class LoadFinished(Message, bubble=False):
    """Every path has been read."""

    result: LoadResult


@dataclass
class IndexProgress(Message, bubble=False):
    """The link index is being built."""

    progress: Progress


@dataclass
class IndexReady(Message, bubble=False):
    """The link index is built: the sidebar can list matches."""

    index: LinkIndex


@dataclass
class JobFailed(Message, bubble=False):
    """Loading or matching failed as a whole (single files are skipped, not failed)."""

    error: str
