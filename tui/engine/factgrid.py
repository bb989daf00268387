"""The fact grid of a story: which article states which fact.

Rows are facts, columns are the story's articles, a cell is the sentence of that
article that states the fact. Facts are grown from the strongest links down, and two
groups only merge when no article would then state the fact twice: plain connected
components chain unrelated facts together through one loosely worded sentence,
while a fact normally appears once per article.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.engine.link_index import LinkIndex
from tui.engine.models import Article
from tui.i18n import gettext

__all__ = ["Column", "Fact", "FactGrid", "build_fact_grid", "to_csv", "to_markdown"]

Node = tuple[int, int]

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class Column:
    """One article of the story."""

    article: int
    #: Outlet (or file name) and language, unique within the grid.
    header: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact and the sentence stating it in each column (``None``: not stated)."""

    #: The most central sentence: the one most strongly linked to the others.
    label: Node
    label_text: str
    cells: tuple[int | None, ...]
    #: Independent sources stating it (wire copies in two outlets count once).
    sources: int

    @property
    def articles(self) -> int:
        """How many of the story's articles state it."""
        return sum(cell is not None for cell in self.cells)


@dataclass(frozen=True, slots=True)
class FactGrid:
    """Facts of one story, most widely reported first."""

    story: int
    columns: tuple[Column, ...]
    facts: tuple[Fact, ...]
    min_score: float


def _headers(articles: Sequence[Article], members: list[int]) -> list[str]:
    def header(a: int, full: bool) -> str:
        article = articles[a]
        name = article.path.name if full or not article.outlet else article.outlet
        return f"{_clean(name)} ({article.language or '?'})"

    short = [header(a, False) for a in members]
    return [header(a, True) if short.count(s) > 1 else s for a, s in zip(members, short)]


def _clean(text: str) -> str:
    """One line without control characters: exports must not carry terminal escapes."""
    return " ".join(_CONTROL.sub(" ", text).split())


def _edges(index: LinkIndex, members: set[int], min_score: float) -> dict[tuple[Node, Node], float]:
    """Undirected links inside the story, each with its best score either way."""
    edges: dict[tuple[Node, Node], float] = {}
    for a in sorted(members):
        for s in range(len(index.articles[a].sentences)):
            for link in index.links_for(a, s, min_score):
                if link.target not in members or link.target == a or link.cross_story:
                    continue
                key = tuple(sorted(((a, s), (link.target, link.target_sentence))))
                edges[key] = max(edges.get(key, 0.0), link.score)  # type: ignore[index]
    return edges


def _cluster(edges: dict[tuple[Node, Node], float]) -> list[set[Node]]:
    """Merge along the strongest links first, never putting two sentences of one
    article in one fact."""
    group: dict[Node, int] = {}
    groups: dict[int, set[Node]] = {}
    for (x, y), _score in sorted(edges.items(), key=lambda item: (-item[1], item[0])):
        for node in (x, y):
            if node not in group:
                group[node] = len(group)
                groups[group[node]] = {node}
        gx, gy = group[x], group[y]
        if gx == gy:
            continue
        if {a for a, _s in groups[gx]} & {a for a, _s in groups[gy]}:
            continue
        keep, gone = min(gx, gy), max(gx, gy)
        for node in groups.pop(gone):
            group[node] = keep
            groups[keep].add(node)
    return list(groups.values())


def _central(nodes: set[Node], edges: dict[tuple[Node, Node], float]) -> Node:
    strength = dict.fromkeys(nodes, 0.0)
    for (x, y), score in edges.items():
        if x in nodes and y in nodes:
            strength[x] += score
            strength[y] += score
    return min(nodes, key=lambda node: (-strength[node], node))


def _reading_order(fact: Fact) -> tuple[int, int]:
    """Where the fact first appears, reading the columns left to right."""
    return min((column, cell) for column, cell in enumerate(fact.cells) if cell is not None)


def build_fact_grid(
    index: LinkIndex, story: int, *, min_score: float | None = None, min_articles: int = 2
) -> FactGrid:
    """The grid of story ``story`` (a value of ``index.stories``) at ``min_score``
    (default: the index's threshold); facts stated by fewer than ``min_articles``
    articles are left out."""
    floor = index.threshold if min_score is None else min_score
    members = [a for a, s in enumerate(index.stories) if s == story]
    edges = _edges(index, set(members), floor)
    position = {a: i for i, a in enumerate(members)}
    facts: list[Fact] = []
    for nodes in _cluster(edges):
        if len({a for a, _s in nodes}) < max(min_articles, 1):
            continue
        cells: list[int | None] = [None] * len(members)
        for a, s in nodes:
            cells[position[a]] = s
        label = _central(nodes, edges)
        text = _clean(index.articles[label[0]].sentence_text(label[1]))
        facts.append(Fact(label, text, tuple(cells), len({index.sources[a] for a, _s in nodes})))
    facts.sort(key=lambda fact: (-fact.sources, -fact.articles, _reading_order(fact)))
    columns = tuple(Column(a, h) for a, h in zip(members, _headers(index.articles, members)))
    return FactGrid(story, columns, tuple(facts), floor)


def _cell(sentence: int | None) -> str:
    """Sentence numbers count from 1 in exports, as people count."""
    return "" if sentence is None else str(sentence + 1)


def to_markdown(grid: FactGrid) -> str:
    """The grid as a Markdown table (sentence numbers count from 1)."""

    def row(values: Sequence[str]) -> str:
        return "| " + " | ".join(value.replace("\\", "\\\\").replace("|", "\\|") for value in values) + " |"

    lines = [
        row([gettext("Fact"), gettext("Sources"), *(column.header for column in grid.columns)]),
        "| " + " | ".join(["---", "---:", *(":---:" for _ in grid.columns)]) + " |",
    ]
    for fact in grid.facts:
        lines.append(row([fact.label_text, str(fact.sources), *(_cell(c) or "–" for c in fact.cells)]))
    return "\n".join(lines) + "\n"


def _spreadsheet_safe(text: str) -> str:
    """A sentence opening with "=", "+", "-" or "@" would run as a spreadsheet formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_csv(grid: FactGrid) -> str:
    """The grid as CSV: one row per fact, one column per article (sentence numbers
    from 1, empty when the article does not state the fact)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([gettext("fact"), gettext("sources"), *(_spreadsheet_safe(column.header) for column in grid.columns)])
    for fact in grid.facts:
        writer.writerow([_spreadsheet_safe(fact.label_text), fact.sources, *(_cell(c) for c in fact.cells)])
    return out.getvalue()
