"""Loading what users point crossread at, and explaining every file left out."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.engine.loader import MAX_FILE_BYTES, SkipFile, load_file, load_paths
from tui.engine.models import Article, Skipped
from tui.engine.seeds import seed_dir, seed_paths

ARTICLE = "Putin met Xi in Moscow on Tuesday. They signed a partnership.\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 20


def _write(path: Path, content: str | bytes = ARTICLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def _reasons(skipped: list[Skipped]) -> dict[str, str]:
    return {item.path.name: item.reason for item in skipped}


def test_seeds_load_with_their_metadata() -> None:
    result = load_paths([seed_dir()])
    assert result.skipped == []
    assert [a.path.name[:3] for a in result.articles] == ["000", "001", "002", "003", "004"]
    by_prefix = {a.path.name[:3]: a for a in result.articles}
    assert [by_prefix[p].language for p in sorted(by_prefix)] == ["nb", "en", "en", "en", "en"]
    assert by_prefix["003"].outlet == "AFP"
    assert (by_prefix["004"].outlet, str(by_prefix["004"].date)) == ("CNN", "2023-03-21")
    for article in result.articles:
        assert article.digest == hashlib.sha256(article.path.read_bytes()).hexdigest()
        assert article.encoding == "utf-8" and article.notes == []
        assert article.sentences and article.word_count > 300
        assert "".join(s.text(article.text) for s in article.segments) == article.text


def test_folders_are_read_recursively_in_name_order_with_files_mixed_in(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    _write(folder / "b.txt")
    _write(folder / "A.md", "# Xi i Moskva\n\nKina skal få hjelp til å erstatte vestlige selskaper, sa Putin.\n")
    _write(folder / "sub" / "c.txt")
    _write(folder / "sub" / "deeper" / "d.TXT")
    _write(folder / "notes.pdf", b"%PDF-1.4")
    _write(folder / "picture.png", PNG)
    _write(folder / ".hidden" / "e.txt")
    single = _write(tmp_path / "single.text")
    result = load_paths([single, folder])
    assert [a.path.relative_to(tmp_path).as_posix() for a in result.articles] == [
        "single.text",
        "news/A.md",
        "news/b.txt",
        "news/sub/c.txt",
        "news/sub/deeper/d.TXT",
    ]
    assert result.skipped == []
    markdown = result.articles[1]
    assert (markdown.title, markdown.language) == ("Xi i Moskva", "nb")


def test_the_same_real_file_is_loaded_once(tmp_path: Path) -> None:
    original = _write(tmp_path / "a.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(original)
    copy = _write(tmp_path / "copy" / "a.txt")
    result = load_paths([original, tmp_path, original, link])
    assert [a.path for a in result.articles] == [original, copy]
    assert result.skipped == []


def test_each_problem_is_reported_and_the_rest_still_loads(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt")
    _write(tmp_path / "empty.txt", "  \n\n")
    _write(tmp_path / "image.txt", PNG)
    _write(tmp_path / "huge.txt", b"a" * (MAX_FILE_BYTES + 1024 * 1024))
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    articles: list[Article] = []
    skips: list[Skipped] = []
    result = load_paths([tmp_path, tmp_path / "missing"], on_article=articles.append, on_skip=skips.append)
    assert [a.path for a in result.articles] == [good] and articles == result.articles
    assert skips == result.skipped
    assert _reasons(result.skipped) == {
        "broken.txt": "broken symbolic link",
        "empty.txt": "empty file",
        "huge.txt": "too large (6 MB; the limit is 5 MB)",
        "image.txt": "binary content (PNG image)",
        "missing": "no such file or folder",
        "pipe.txt": "not a regular file",
        "self.txt": "symbolic link loop",
    }


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions without root")
def test_unreadable_file_and_folder_are_skipped(tmp_path: Path) -> None:
    good = _write(tmp_path / "a_good.txt")
    private = _write(tmp_path / "private.txt")
    locked = _write(tmp_path / "locked" / "inside.txt").parent
    private.chmod(0)
    locked.chmod(0)
    try:
        result = load_paths([tmp_path])
    finally:
        private.chmod(0o644)
        locked.chmod(0o755)
    assert [a.path for a in result.articles] == [good]
    assert _reasons(result.skipped) == {"private.txt": "permission denied", "locked": "permission denied"}


def test_permission_errors_are_reported_even_when_running_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = _write(tmp_path / "a_good.txt")
    private = _write(tmp_path / "private.txt")
    real_open = os.open

    def refuse_private(path, flags, *args, **kwargs):
        if Path(path) == private:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    locked = _write(tmp_path / "locked" / "inside.txt").parent
    real_scandir = os.scandir

    def refuse_locked(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "open", refuse_private)
    monkeypatch.setattr(os, "scandir", refuse_locked)
    result = load_paths([tmp_path])
    assert [a.path for a in result.articles] == [good]
    assert _reasons(result.skipped) == {"private.txt": "permission denied", "locked": "permission denied"}


def test_symlink_loop_between_folders_is_reported_once_and_walking_ends(tmp_path: Path) -> None:
    _write(tmp_path / "top" / "a.txt")
    (tmp_path / "top" / "sub").mkdir()
    (tmp_path / "top" / "sub" / "back").symlink_to(tmp_path / "top")
    result = load_paths([tmp_path / "top"])
    assert [a.path.name for a in result.articles] == ["a.txt"]
    assert [(s.path.name, s.reason) for s in result.skipped] == [
        ("back", "symbolic link loop (folder links back to itself)")
    ]


def test_file_deleted_while_loading_is_skipped(tmp_path: Path) -> None:
    first = _write(tmp_path / "1.txt")
    doomed = _write(tmp_path / "2.txt")
    last = _write(tmp_path / "3.txt")

    def delete_the_next_file(article: Article) -> None:
        if article.path == first:
            doomed.unlink()

    result = load_paths([tmp_path], on_article=delete_the_next_file)
    assert [a.path for a in result.articles] == [first, last]
    assert _reasons(result.skipped) == {"2.txt": "file not found (it may have been moved or deleted)"}


def test_load_file_explains_a_folder_given_as_a_file(tmp_path: Path) -> None:
    with pytest.raises(SkipFile, match="is a folder, not a file"):
        load_file(tmp_path)


def test_load_file_reads_windows_1252_with_a_note(tmp_path: Path) -> None:
    data = "Kina skal få hjelp til å erstatte vestlige selskaper, sa Putin i Moskva.\r\n".encode("cp1252")
    article = load_file(_write(tmp_path / "gammel.txt", data))
    assert article.encoding == "cp1252"
    assert article.text == "Kina skal få hjelp til å erstatte vestlige selskaper, sa Putin i Moskva.\n"
    assert len(article.notes) == 2 and article.language == "nb"
    assert article.digest == hashlib.sha256(data).hexdigest()


def test_untitled_text_falls_back_to_the_file_name(tmp_path: Path) -> None:
    article = load_file(_write(tmp_path / "only-credit.txt", "Foto: NTB\n"))
    assert article.title == "only-credit"
    assert article.sentences == [] and article.language is None


def test_twenty_thousand_tiny_files_load_without_quadratic_work(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(20_000):
        (folder / f"{index:05}.txt").write_text(f"Note {index}: Putin met Xi.\n", encoding="utf-8")
    started = time.perf_counter()
    result = load_paths([folder])
    elapsed = time.perf_counter() - started
    assert len(result.articles) == 20_000 and result.skipped == []
    assert result.articles[-1].path.name == "19999.txt"
    assert elapsed < 60  # linear work takes a few seconds; quadratic work would take many minutes


def test_seeds_are_found_from_any_working_directory(tmp_path: Path) -> None:
    code = "from tui.engine.seeds import seed_dir, seed_paths; print(seed_dir()); print(len(seed_paths()))"
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.split()
    # An installed package finds its own copy, an editable one the repo's: same bytes.
    found = Path(output[0])
    assert output[1] == "5"
    assert {p.name: p.read_bytes() for p in found.glob("*.txt")} == {
        p.name: p.read_bytes() for p in seed_dir().glob("*.txt")
    }
    assert [p.name for p in seed_paths()] == sorted(p.name for p in seed_dir().glob("*.txt"))


def test_loading_pauses_the_cycle_collector_and_gives_it_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from tui.engine import loader

    _write(tmp_path / "a.txt")
    during: list[bool] = []
    real = loader._read_file

    def watching(path: Path) -> tuple[bytes, tuple[int, int]]:
        during.append(gc.isenabled())
        return real(path)

    monkeypatch.setattr(loader, "_read_file", watching)
    assert gc.isenabled()
    load_paths([tmp_path])
    assert during == [False] and gc.isenabled()

    def broken(path: Path) -> tuple[bytes, tuple[int, int]]:
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "_read_file", broken)
    with pytest.raises(KeyboardInterrupt):
        load_paths([tmp_path])
    assert gc.isenabled()
    gc.disable()
    try:
        monkeypatch.setattr(loader, "_read_file", real)
        load_paths([tmp_path])
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
