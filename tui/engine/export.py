"""The links export (`crossread links`): one record per link and direction."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from tui.engine.link_index import LinkIndex
from tui.engine.models import Link
from tui.engine.state import REJECT, link_key

FORMATS = ("json", "csv", "tsv")

#: Columns of the flat (CSV/TSV) export, in order; JSON has the same keys.
FLAT_FIELDS = (
    "source_file",
    "source_sentence",
    "source_start",
    "source_end",
    "source_lang",
    "source_story",
    "source_text",
    "target_file",
    "target_sentence",
    "target_start",
    "target_end",
    "target_lang",
    "target_story",
    "target_text",
    "score",
    "cross_story",
    "evidence_names",
    "evidence_numbers",
    "evidence_words",
    "discrepancy",
    "verdict",
)

VerdictKey = tuple[str, int, str, int]


def link_record(index: LinkIndex, link: Link, verdicts: Mapping[VerdictKey, str] | None = None) -> dict[str, Any]:
    """One link as a plain dict, ready for JSON."""
    source = index.articles[link.source]
    target = index.articles[link.target]
    s_seg = source.sentences[link.source_sentence]
    t_seg = target.sentences[link.target_sentence]
    key = link_key(index.articles, link)
    return {
        "source_file": str(source.path),
        "source_sentence": link.source_sentence,
        "source_start": s_seg.start,
        "source_end": s_seg.end,
        "source_lang": source.language,
        "source_story": index.stories[link.source],
        "source_text": s_seg.text(source.text),
        "target_file": str(target.path),
        "target_sentence": link.target_sentence,
        "target_start": t_seg.start,
        "target_end": t_seg.end,
        "target_lang": target.language,
        "target_story": index.stories[link.target],
        "target_text": t_seg.text(target.text),
        "score": link.score,
        "cross_story": link.cross_story,
        "evidence": {
            "names": list(link.evidence.names),
            "numbers": list(link.evidence.numbers),
            "words": list(link.evidence.words),
        },
        "discrepancy": [
            {"kind": d.kind, "source_value": d.source_value, "target_value": d.target_value}
            for d in link.discrepancies
        ],
        "verdict": (verdicts or {}).get(key),
    }


def export_records(
    index: LinkIndex,
    verdicts: Mapping[VerdictKey, str] | None = None,
    *,
    min_score: float | None = None,
    include_rejected: bool = False,
) -> Iterator[dict[str, Any]]:
    """Every link as a record with the user's verdict; rejected ones only when asked for.

    One at a time: at 10,000 articles there are millions, and held all at once they
    took gigabytes.
    """
    verdicts = verdicts or {}
    for link in index.iter_links(min_score=min_score):
        if not include_rejected and verdicts.get(link_key(index.articles, link)) == REJECT:
            continue
        yield link_record(index, link, verdicts)


def _flatten(record: dict[str, Any]) -> dict[str, Any]:
    flat = {k: v for k, v in record.items() if k not in ("evidence", "discrepancy")}
    flat["evidence_names"] = "; ".join(record["evidence"]["names"])
    flat["evidence_numbers"] = "; ".join(record["evidence"]["numbers"])
    flat["evidence_words"] = "; ".join(record["evidence"]["words"])
    flat["discrepancy"] = "; ".join(
        f"{d['kind']}: {d['source_value']} / {d['target_value']}" for d in record["discrepancy"]
    )
    flat["verdict"] = record["verdict"] or ""
    return flat


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """Write link records to ``out`` as JSON, CSV or TSV, one record at a time.

    The JSON is what ``json.dumps(list(records), indent=2)`` gives, without the list.
    """
    if fmt == "json":
        opened = False
        for record in records:
            text = json.dumps(record, ensure_ascii=False, indent=2)
            out.write(",\n" if opened else "[\n")
            out.write("  " + text.replace("\n", "\n  "))  # JSON strings hold no raw newline
            opened = True
        out.write("\n]\n" if opened else "[]\n")
        return
    if fmt not in ("csv", "tsv"):
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    writer = csv.DictWriter(out, fieldnames=FLAT_FIELDS, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(_flatten(record))


def render(records: Iterable[dict[str, Any]], fmt: str) -> str:
    """Link records as JSON, CSV or TSV text (`write_records` into a string)."""
    buffer = io.StringIO()
    write_records(records, fmt, buffer)
    return buffer.getvalue()
