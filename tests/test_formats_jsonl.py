"""JSON Lines exports: one article per line, a broken line reported by its number."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tui.engine.loader import load_paths
from tui.engine.seeds import seed_paths


def seed_text(prefix: str) -> str:
    (path,) = [p for p in seed_paths() if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


def export_lines() -> list[str]:
    nrk = {
        "title": "Putin: – Kina skal få hjelp",
        "text": seed_text("000"),
        "date": "2023-03-21T18:02:11+01:00",
        "url": "https://www.nrk.no/urix/putin-kina-1.16344444",
        "outlet": "NRK",
        "lang": "nb",
    }
    ap = {
        "title": "Putin, Xi sign partnership",
        "text": seed_text("001"),
        "date": "2023-03-21",
        "url": "https://apnews.com/article/putin-xi-ukraine",
        "outlet": "AP",
    }
    afp = {"text": seed_text("003"), "date": "last Tuesday", "outlet": None}
    return [
        json.dumps(nrk, ensure_ascii=False),
        json.dumps(ap),
        '{"title": "Half a line", "text": "Xi Jinping arrived in Mosc',
        "",
        json.dumps({"title": "No body", "url": "https://example.org/empty"}),
        json.dumps(afp),
    ]


def test_each_line_is_an_article_and_broken_lines_are_reported(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(export_lines()) + "\n", encoding="utf-8")

    result = load_paths([export])

    assert [a.path.name for a in result.articles] == ["export.jsonl#1", "export.jsonl#2", "export.jsonl#6"]
    nrk, ap, afp = result.articles
    assert (nrk.title, nrk.outlet, nrk.language, nrk.date) == (
        "Putin: – Kina skal få hjelp",
        "NRK",
        "nb",
        dt.date(2023, 3, 21),
    )
    assert nrk.url == "https://www.nrk.no/urix/putin-kina-1.16344444"
    assert nrk.text == seed_text("000").strip()
    assert (ap.title, ap.outlet, ap.date, ap.url) == (
        "Putin, Xi sign partnership",
        "AP",
        dt.date(2023, 3, 21),
        "https://apnews.com/article/putin-xi-ukraine",
    )
    assert ap.language == "en"  # no "lang" given: detected from the text
    assert [(s.path, s.reason.split(":")[0]) for s in result.skipped] == [
        (export, "line 3"),
        (export, "line 5"),
    ]
    assert result.skipped[0].reason == "line 3: not valid JSON at column 34 (Unterminated string starting at)"
    assert "no \"text\" field" in result.skipped[1].reason
    assert len({a.digest for a in result.articles}) == 3


def test_metadata_a_line_does_not_state_comes_from_the_text_or_stays_unknown(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(export_lines()), encoding="utf-8")

    afp = load_paths([export]).articles[-1]

    assert afp.outlet == "AFP"  # from the "Moscow (AFP) -" dateline, as for a text file
    assert afp.date is None
    assert "date 'last Tuesday' not understood" in afp.notes
    assert afp.url is None
    assert afp.title == "Chinese leader Xi Jinping arrived at the Kremlin on Tuesday for formal talks…"


def test_the_same_line_has_the_same_digest_in_another_export(tmp_path: Path) -> None:
    lines = export_lines()
    first = tmp_path / "monday.jsonl"
    first.write_text("\n".join(lines), encoding="utf-8")
    second = tmp_path / "tuesday.jsonl"
    second.write_text("\n".join([lines[1], lines[0]]), encoding="utf-8")

    monday = {a.title: a.digest for a in load_paths([first]).articles}
    tuesday = {a.title: a.digest for a in load_paths([second]).articles}

    assert tuesday["Putin: – Kina skal få hjelp"] == monday["Putin: – Kina skal få hjelp"]
    assert tuesday["Putin, Xi sign partnership"] == monday["Putin, Xi sign partnership"]


def test_a_file_of_binary_junk_is_skipped_whole(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    export.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))

    result = load_paths([export])

    assert result.articles == []
    assert [s.path for s in result.skipped] == [export]
