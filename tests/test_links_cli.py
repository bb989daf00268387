"""`crossread links`: the export fact-checkers script against."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.engine.loader import load_paths
from tui.engine.matcher import build_index
from tui.engine.seeds import seed_dir


def test_json_export_holds_exactly_the_links_the_sidebar_shows(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["links", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    index = build_index(load_paths([seed_dir()]).articles)
    assert len(records) == len(index.all_links()) > 0
    first = records[0]
    for field in ("source_file", "source_text", "target_file", "target_text", "score", "source_sentence",
                  "target_sentence", "source_start", "target_end", "source_lang", "target_story", "evidence",
                  "discrepancy", "cross_story", "verdict"):
        assert field in first
    text = Path(first["source_file"]).read_text(encoding="utf-8")
    assert text[first["source_start"]:first["source_end"]] == first["source_text"]


def test_min_score_and_csv_tsv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "links.csv"
    assert main(["links", "--format", "csv", "--min-score", "0.2", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and all(float(row["score"]) >= 0.2 for row in rows)
    assert main(["links", "--format", "tsv", "--min-score", "0.9"]) == 0
    tsv = capsys.readouterr().out.splitlines()
    assert tsv[0].startswith("source_file\tsource_sentence")
    assert len(tsv) - 1 < len(rows)


def test_unreadable_input_is_named_and_the_rest_exported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert main(["links", str(seed_dir()), str(tmp_path / "broken.txt")]) == 1
    captured = capsys.readouterr()
    assert "broken.txt" in captured.err
    assert json.loads(captured.out)


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["links", "--format", "xml"]) == 2
    assert main(["links", "--min-score", "7"]) == 2


def test_links_reuses_the_cached_index(capsys: pytest.CaptureFixture[str]) -> None:
    from tui.engine.cache import default_cache_dir

    assert main(["links", "--no-cache"]) == 0
    fresh = capsys.readouterr().out
    assert main(["links"]) == 0
    assert any(default_cache_dir().rglob("*")), "the export should leave its index in the cache"
    assert main(["links"]) == 0
    assert capsys.readouterr().out.count("source_file") == fresh.count("source_file") * 2


def test_json_is_written_record_by_record_in_the_usual_layout() -> None:
    """The export streams (10,000 articles have millions of links) and still writes
    exactly what one ``json.dumps`` of the whole list would, empty list included."""
    from tui.engine.export import export_records, render

    index = build_index(load_paths([seed_dir()]).articles)
    records = export_records(index)
    assert iter(records) is records  # a generator, not a list held in memory
    everything = list(records)
    assert render(iter(everything), "json") == json.dumps(everything, ensure_ascii=False, indent=2) + "\n"
    assert render(iter([]), "json") == "[]\n"
