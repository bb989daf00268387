"""Reopening a corpus reuses the split into sentences, titles and languages of unchanged texts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.engine import analysis_cache
from tui.engine.loader import load_paths
from tui.engine.models import Article
from tui.engine.seeds import seed_paths


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in seed_paths():
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts analysed afresh (not found in the cache), by first line."""
    found: list[str] = []
    real = analysis_cache.analyse_text

    def counting(text: str) -> analysis_cache.TextAnalysis:
        found.append(text.splitlines()[0])
        return real(text)

    monkeypatch.setattr(analysis_cache, "analyse_text", counting)
    return found


def _view(article: Article) -> tuple[object, ...]:
    return (article.path.name, article.title, article.outlet, article.language, article.date,
            article.word_count, article.segments)


def test_reopening_unchanged_files_analyses_nothing_and_gives_the_same_articles(
    corpus: Path, tmp_path: Path, analysed: list[str]
) -> None:
    fresh = [_view(a) for a in load_paths([corpus]).articles]
    analysed.clear()
    first = [_view(a) for a in load_paths([corpus], cache_dir=tmp_path / "cache").articles]
    assert len(analysed) == 5 and first == fresh
    analysed.clear()
    again = [_view(a) for a in load_paths([corpus], cache_dir=tmp_path / "cache").articles]
    assert analysed == [] and again == fresh


def test_a_changed_file_is_analysed_alone(corpus: Path, tmp_path: Path, analysed: list[str]) -> None:
    load_paths([corpus], cache_dir=tmp_path / "cache")
    changed = sorted(corpus.iterdir())[1]
    changed.write_text("Endret tittel\n\nDette er en helt ny tekst om noe annet. Den har to setninger.\n", encoding="utf-8")
    analysed.clear()
    articles = load_paths([corpus], cache_dir=tmp_path / "cache").articles
    assert analysed == ["Endret tittel"]
    assert [a.title for a in articles if a.path == changed] == ["Endret tittel"]
    assert len(articles[1].sentences) == 2


def test_a_corrupt_or_truncated_cache_is_rebuilt_not_trusted(corpus: Path, tmp_path: Path, analysed: list[str]) -> None:
    expected = [_view(a) for a in load_paths([corpus], cache_dir=tmp_path / "cache").articles]
    (pack,) = (tmp_path / "cache" / "analysis").glob("*.bin")
    blob = pack.read_bytes()
    for damaged in (blob[:50], blob[:-10] + b"0123456789", b""):
        pack.write_bytes(damaged)
        analysed.clear()
        assert [_view(a) for a in load_paths([corpus], cache_dir=tmp_path / "cache").articles] == expected
        assert len(analysed) == 5


def test_an_entry_of_another_shape_is_analysed_again_not_trusted(corpus: Path, tmp_path: Path, analysed: list[str]) -> None:
    from tui.engine.stored_entries import read_entry, write_entry

    expected = [_view(a) for a in load_paths([corpus], cache_dir=tmp_path / "cache").articles]
    (pack,) = (tmp_path / "cache" / "analysis").glob("*.bin")
    key = pack.stem
    stored = read_entry(pack, key)
    # Segments as the tuples an older format kept, under a valid key and digest.
    write_entry(pack, key, {digest: ([(0, 1, "sentence", 0, 0, False)], *rest) for digest, (_, *rest) in stored.items()})
    analysed.clear()
    assert [_view(a) for a in load_paths([corpus], cache_dir=tmp_path / "cache").articles] == expected
    assert len(analysed) == 5
