"""Disk cache of what reading an article's text works out: its segments, metadata and language.

Splitting ten thousand articles into sentences, finding their titles, datelines and
languages takes longer than reading them; reopening an unchanged corpus should not
pay for it again. The results are kept in one file per corpus (the paths it was opened
with), keyed by the sha256 of each text, so an edited or added file is analysed
alone and a removed one is dropped when the file is written again.

The file is one of `tui.engine.stored_entries`: plain `marshal` data behind a
magic header and a payload digest, tied to the engine's fingerprint; anything short,
corrupt, stale or foreign is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.engine.stored_entries import read_entry, write_entry
from tui.engine.languages import detect_language
from tui.engine.metadata import ArticleMetadata, derive_metadata
from tui.engine.models import Segment, SegmentKind, Segments
from tui.engine.segment import split_segments

#: Language detection reads this much of the article's prose.
LANGUAGE_SAMPLE_CHARS = 5000


@dataclass(frozen=True, slots=True)
class TextAnalysis:
    """What an article's text says about its structure and itself."""

    segments: Segments
    metadata: ArticleMetadata
    #: The detected language code, or None when unsure.
    language: str | None


def prose_sample(text: str, segments: Sequence[Segment]) -> str:
    """The first ``LANGUAGE_SAMPLE_CHARS`` of the article's sentences and headings."""
    parts: list[str] = []
    size = 0
    for segment in segments:
        if segment.kind in (SegmentKind.SENTENCE, SegmentKind.HEADING):
            parts.append(text[segment.start : min(segment.end, segment.start + LANGUAGE_SAMPLE_CHARS)])
            size += len(parts[-1])
            if size >= LANGUAGE_SAMPLE_CHARS:
                break
    return " ".join(parts)


def analyse_text(text: str) -> TextAnalysis:
    """Segments, metadata and language of ``text``, worked out now."""
    segments = Segments(split_segments(text))
    return TextAnalysis(segments, derive_metadata(text, segments), detect_language(prose_sample(text, segments)))


def _to_plain(analysis: TextAnalysis) -> tuple[Any, ...]:
    meta = analysis.metadata
    return (
        analysis.segments.to_bytes(),
        meta.title,
        meta.outlet,
        meta.date.toordinal() if meta.date else None,
        meta.word_count,
        analysis.language,
    )


def _from_plain(plain: tuple[Any, ...]) -> TextAnalysis:
    packed, title, outlet, ordinal, words, language = plain
    return TextAnalysis(
        Segments.from_bytes(packed),
        ArticleMetadata(title, outlet, dt.date.fromordinal(ordinal) if ordinal else None, words),
        language,
    )


class AnalysisCache:
    """Text analyses from an earlier opening of the same paths; new ones are added.

    ``analyse`` answers from the cache when the text is unchanged; ``save`` writes the
    analyses of this opening back when anything was new or dropped.
    """

    def __init__(self, cache_dir: Path, paths: Sequence[Path]) -> None:
        opened = "\n".join(str(Path(p).resolve()) for p in paths)
        self._key = hashlib.sha256(f"analysis\n{opened}".encode()).hexdigest()
        self._path = Path(cache_dir) / "analysis" / f"{self._key}.bin"
        stored = read_entry(self._path, self._key)
        self._stored: dict[str, tuple[Any, ...]] = stored if isinstance(stored, dict) else {}
        self._used: dict[str, tuple[Any, ...]] = {}
        #: Texts analysed now rather than found in the cache.
        self.analysed = 0

    def analyse(self, text: str) -> TextAnalysis:
        """The analysis of ``text``: from the cache when its text is unchanged."""
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        plain = self._used.get(digest) or self._stored.get(digest)
        if plain is not None:
            # The entry was checked on reading and is keyed by the text's own digest;
            # one of another shape is analysed again, never trusted.
            try:
                found = _from_plain(plain)
            except (TypeError, ValueError, OverflowError):
                pass
            else:
                self._used[digest] = plain
                return found
        analysis = analyse_text(text)
        self._used[digest] = _to_plain(analysis)
        self.analysed += 1
        return analysis

    def save(self) -> None:
        """Store this opening's analyses if they differ from what was stored."""
        if self.analysed or set(self._used) != set(self._stored):
            write_entry(self._path, self._key, self._used)

