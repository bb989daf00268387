"""Disk cache of the link index, so reopening an unchanged corpus skips the matching.

Two layers, both keyed by content and by the engine's fingerprint (the source of the
matching modules, the lexicon files, the Python and library versions):

- each article's sentence features, keyed by its digest, language and sentence spans,
  so a changed or added file has its features recomputed alone;
- the whole index (the packed `LinkStore`, stories, sources), keyed by every article
  in order; any change to the corpus rebuilds the links (term weights and stories are
  corpus-wide) from the cached features. Reading it back is a few memory copies: the
  links' evidence is unpacked per sentence when the reader looks at it.

Entries are checked `tui.engine.stored_entries`: `marshal` data behind a magic header
and a sha256 of the payload; an entry that is short, corrupt, from another engine
version or for another key is ignored and rewritten, never trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tui.engine import index_key
from tui.engine.features import SentenceFeatures, Term, share_equal_values
from tui.engine.index_key import article_key
from tui.engine.link_index import DEFAULT_THRESHOLD, Progress, open_index
from tui.engine.models import Article
from tui.engine.stored_entries import default_cache_dir, read_entry, write_entry

__all__ = ["cached_features", "cached_index", "default_cache_dir", "index_entry", "open_index"]


def _features_to_plain(features: list[SentenceFeatures]) -> list[Any]:
    return [
        [(t.kind, tuple(t.keys), t.folded, t.start, t.end, t.surface, t.prior, t.value, t.unit) for t in s.terms]
        for s in features
    ]


def _features_from_plain(plain: list[Any]) -> list[SentenceFeatures]:
    features = [
        SentenceFeatures([Term(k, frozenset(keys), f, a, b, surface, p, v, u) for k, keys, f, a, b, surface, p, v, u in terms])
        for terms in plain
    ]
    share_equal_values(features)
    return features


def cached_features(
    articles: Sequence[Article],
    cache_dir: Path,
    report: Callable[[Any], None] = lambda _p: None,
    wanted: Callable[[], int | None] | None = None,
) -> tuple[list[list[SentenceFeatures]], int]:
    """Every article's sentence features, from the cache where valid; and how many were computed.

    The missing ones are computed together (`corpus_features.sentence_features_of`,
    which may share the work among processes) and stored. Meanwhile the article
    ``wanted`` names gets provisional links (`provisional_links`), reported with the
    progress.
    """
    from tui.engine.corpus_features import sentence_features_of

    features: list[list[SentenceFeatures] | None] = []
    missing: list[int] = []
    for done, article in enumerate(articles, 1):
        key = article_key(article)
        plain = read_entry(_features_path(cache_dir, key), key)
        if plain is None:
            features.append(None)
            missing.append(done - 1)
        else:
            features.append(_features_from_plain(plain))
        if done % 50 == 0 or done == len(articles):
            report(Progress("indexing", done - len(missing), len(articles)))
    if missing:
        found_before = len(articles) - len(missing)

        def progress(update: Any) -> None:
            report(Progress("indexing", found_before + update.done, len(articles)))

        def store(n: int, plain: list[Any]) -> None:
            key = article_key(articles[missing[n]])
            write_entry(_features_path(cache_dir, key), key, plain)

        made = None
        if wanted is not None:
            from tui.engine.matcher import provisional_links_for
            from tui.engine.provisional_links import reporting

            provisional = provisional_links_for(articles, wanted)
            # The cached articles count as read at once; the rest as they are made.
            cached = [i for i, found in enumerate(features) if found is not None]
            reporting(provisional, report, cached)(0, [features[i] for i in cached])  # type: ignore[misc]
            made = reporting(provisional, report, missing)
        place = {article: n for n, article in enumerate(missing)}

        def wanted_here() -> int | None:
            """The wanted article's place among the missing ones (None: not missing)."""
            article = wanted() if wanted is not None else None
            return place.get(article) if article is not None else None

        computed = sentence_features_of(
            [articles[i] for i in missing], progress, keep=store, made=made, wanted=wanted_here
        )
        for i, found in zip(missing, computed):
            features[i] = found
    return features, len(missing)  # type: ignore[return-value]


def _features_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / "features" / key[:2] / f"{key}.bin"


def index_entry(articles: Sequence[Article], cache_dir: Path, threshold: float | None = None) -> tuple[Path, str]:
    """Where the index of ``articles`` is stored in ``cache_dir``, and the key it is stored under."""
    return index_key.index_entry(articles, cache_dir, DEFAULT_THRESHOLD if threshold is None else threshold)


def cached_index(
    articles: Sequence[Article],
    cache_dir: Path,
    *,
    progress: Callable[[Any], None] | None = None,
    threshold: float | None = None,
    wanted: Callable[[], int | None] | None = None,
) -> Any:
    """The link index of ``articles``: opened from ``cache_dir`` when valid, else built and
    stored (linking the article ``wanted`` names next, `tui.engine.link_order`)."""
    from tui.engine.matcher import link_corpus

    report = progress or (lambda _p: None)
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    path, key = index_entry(articles, cache_dir, threshold)
    index = open_index(articles, path, key, threshold)
    if index is not None:
        report(Progress("linking", len(articles), len(articles), index.store.link_count))
        return index

    # Handed over, not kept: the largest thing held, freed while the links are packed.
    index = link_corpus(
        articles, report, threshold=threshold, features=cached_features(articles, cache_dir, report, wanted)[0], wanted=wanted
    )
    write_entry(path, key, (index.store.to_plain(), index.stories, index.sources))
    return index
