"""Where the link index of a corpus is stored, worked out without the matcher's modules.

The key names every article (its digest, language and sentence spans) in order, and
the threshold. Kept apart from `tui.engine.cache` so that the corpus job can tell
whether the index is stored before it imports the matcher, whose modules and word
lists take most of a second to load: when the reader opens the stored index, they are
never loaded at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from tui.engine.models import Article

__all__ = ["article_key", "corpus_key", "index_entry"]


def article_key(article: Article) -> str:
    """What the article's cached features are stored under (its text and sentence spans)."""
    spans = ",".join(f"{start}-{end}" for start, end in article.segments.sentence_spans())
    return hashlib.sha256(f"{article.digest}|{article.language}|{spans}".encode()).hexdigest()


def corpus_key(articles: Sequence[Article], threshold: float) -> str:
    """What the index of ``articles``, built at ``threshold``, is stored under."""
    digest = hashlib.sha256(f"threshold {threshold!r}".encode())
    for article in articles:
        digest.update(article_key(article).encode())
    return digest.hexdigest()


def index_entry(articles: Sequence[Article], cache_dir: Path, threshold: float) -> tuple[Path, str]:
    """Where the index of ``articles`` is stored in ``cache_dir``, and the key it is stored under."""
    key = corpus_key(articles, threshold)
    return Path(cache_dir) / "index" / f"{key}.bin", key
