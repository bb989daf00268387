"""Disk cache of the link index, so reopening an unchanged corpus skips the matching.

Two layers, both keyed by content and by the engine's fingerprint (the source of the
matching modules, the lexicon files, the Python and library versions):

- each article's sentence features, keyed by its digest, language and sentence spans,
  so a changed or added file has its features recomputed alone;
- the whole index (links, stories, sources), keyed by every article in order; any
  change to the corpus rebuilds the links (term weights and stories are corpus-wide)
  from the cached features.

Entries are `marshal` data (plain values only, nothing executable) behind a magic
header and a sha256 of the payload; an entry that is short, corrupt, from another
engine version or for another key is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs

from tui.engine.features import SentenceFeatures, Term, share_equal_values
from tui.engine.models import Article, Discrepancy, Evidence, Link

MAGIC = b"CROSSREAD-CACHE-1\n"
_DIGEST_SIZE = 32
#: Engine modules whose code decides what the index holds.
_ENGINE_MODULES = (
    "cache", "cognates", "dates", "features", "languages", "lexicon", "matcher", "names",
    "numbers", "scoring", "segment", "stories",
)
_LIBRARIES = ("simplemma", "wordfreq", "babel", "rapidfuzz")


def default_cache_dir() -> Path:
    """Where the reader and ``crossread links`` keep the index cache."""
    return Path(platformdirs.user_cache_dir("crossread")) / "index"


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Changes whenever the matcher's code, its word lists or its libraries change."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[:3]} marshal {marshal.version}".encode())
    engine = Path(__file__).resolve().parent
    for name in _ENGINE_MODULES:
        digest.update(name.encode())
        digest.update((engine / f"{name}.py").read_bytes())
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


def _write(path: Path, key: str, data: Any) -> None:
    """Store ``data`` for ``key`` atomically; a failure only costs a rebuild later."""
    payload = marshal.dumps((engine_fingerprint(), key, data))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)
    except OSError:
        return


def _read(path: Path, key: str) -> Any | None:
    """The data stored for ``key``, or None when missing, corrupt, stale or foreign."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + _DIGEST_SIZE
    if len(blob) < head or not blob.startswith(MAGIC):
        return None
    payload = blob[head:]
    if hashlib.sha256(payload).digest() != blob[len(MAGIC) : head]:
        return None
    try:
        fingerprint, stored_key, data = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    if fingerprint != engine_fingerprint() or stored_key != key:
        return None
    return data


def _article_key(article: Article) -> str:
    spans = ",".join(f"{s.start}-{s.end}" for s in article.sentences)
    return hashlib.sha256(f"{article.digest}|{article.language}|{spans}".encode()).hexdigest()


def _corpus_key(articles: Sequence[Article], threshold: float) -> str:
    digest = hashlib.sha256(f"threshold {threshold!r}".encode())
    for article in articles:
        digest.update(_article_key(article).encode())
    return digest.hexdigest()


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
) -> tuple[list[list[SentenceFeatures]], int]:
    """Every article's sentence features, from the cache where valid; and how many were computed.

    The missing ones are computed together (`matcher.sentence_features_of`, which may
    share the work among processes) and stored.
    """
    from tui.engine.matcher import Progress, sentence_features_of

    features: list[list[SentenceFeatures] | None] = []
    missing: list[int] = []
    for done, article in enumerate(articles, 1):
        key = _article_key(article)
        plain = _read(_features_path(cache_dir, key), key)
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

        computed = sentence_features_of([articles[i] for i in missing], progress)
        for i, found in zip(missing, computed):
            key = _article_key(articles[i])
            _write(_features_path(cache_dir, key), key, _features_to_plain(found))
            features[i] = found
    return features, len(missing)  # type: ignore[return-value]


def _features_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / "features" / key[:2] / f"{key}.bin"


def _link_to_plain(link: Link) -> tuple[Any, ...]:
    e = link.evidence
    return (
        link.target, link.target_sentence, link.score, e.names, e.numbers, e.words,
        e.source_spans, e.target_spans,
        tuple((d.kind, d.source_value, d.target_value) for d in link.discrepancies),
        link.cross_story,
    )


class _StoredLinks(dict):
    """Links read from the cache, turned into `Link` objects only when first asked for."""

    def get(self, key: Any, default: Any = None) -> Any:
        value = dict.get(self, key)
        if value is None:
            return default
        if value and isinstance(value[0], Link):
            return value
        a, s = key
        built = [
            Link(a, s, b, t, score, Evidence(n, num, w, ss, ts), tuple(Discrepancy(*d) for d in disc), cross)
            for b, t, score, n, num, w, ss, ts, disc, cross in value
        ]
        self[key] = built
        return built


def cached_index(
    articles: Sequence[Article],
    cache_dir: Path,
    *,
    progress: Callable[[Any], None] | None = None,
    threshold: float | None = None,
) -> Any:
    """The link index of ``articles``: opened from ``cache_dir`` when valid, else built and stored."""
    from tui.engine.matcher import DEFAULT_THRESHOLD, LinkIndex, Progress, link_corpus

    report = progress or (lambda _p: None)
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    cache_dir = Path(cache_dir)
    key = _corpus_key(articles, threshold)
    path = cache_dir / "index" / f"{key}.bin"
    stored = _read(path, key)
    if stored is not None:
        plain_links, stories, sources = stored
        links = _StoredLinks({(a, s): plain for a, s, plain in plain_links})
        n_links = sum(len(plain) for _, _, plain in plain_links)
        report(Progress("linking", len(articles), len(articles), n_links))
        return LinkIndex(articles, links, list(stories), list(sources), threshold)

    features, _computed = cached_features(articles, cache_dir, report)
    index = link_corpus(articles, report, threshold=threshold, features=features)
    plain_links = [
        (a, s, [_link_to_plain(link) for link in index.links_for(a, s, min_score=0.0)])
        for (a, s) in sorted(index._links)
    ]
    _write(path, key, (plain_links, index.stories, index.sources))
    return index
