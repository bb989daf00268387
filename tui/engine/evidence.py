"""The evidence of a link: which names, numbers and words its sentences share, and where.

`evidence_parts` makes the `models.Evidence` fields of one link from its matched
terms; `TermSpans` finds each term's span in its article's text once per sentence,
for every link of that sentence to share.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.engine.features import Kind, SentenceFeatures
from tui.engine.models import Article


def evidence_parts(
    matched: bytes | tuple[int, ...],
    source: SentenceFeatures,
    target: SentenceFeatures,
    source_spans: Sequence[tuple[int, int]],
    target_offset: int,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """`Evidence` fields of a link from its matched (source term, target term) pairs:
    the matched names, numbers (and dates) and words, and their spans.

    ``matched`` is flattened (`pair_model.term_pairs`). ``source_spans`` holds each
    source term's span in its article's text (`TermSpans`), shared by every link of
    the sentence; ``target_offset`` is where the target sentence starts in its
    article: only its matched terms' spans are made.
    """
    names: list[str] = []
    numbers: list[str] = []
    words: list[str] = []
    s_spans: list[tuple[int, int]] = []
    t_spans: list[tuple[int, int]] = []
    s_terms, t_terms = source.terms, target.terms
    name, word = Kind.NAME, Kind.WORD
    flat = iter(matched)
    for i, j in zip(flat, flat):
        a, b = s_terms[i], t_terms[j]
        kind = a.kind
        bucket = names if kind == name else words if kind == word else numbers
        a_surface, b_surface = a.surface, b.surface
        bucket.append(a_surface if a_surface == b_surface else f"{a_surface} = {b_surface}")
        s_spans.append(source_spans[i])
        t_spans.append((target_offset + b.start, target_offset + b.end))
    s_spans.sort()
    t_spans.sort()
    return tuple(names), tuple(numbers), tuple(words), tuple(s_spans), tuple(t_spans)


class TermSpans:
    """Each term's ``(start, end)`` in its article's text, made once per sentence, so
    that the many links of a sentence share them instead of holding copies.

    ``starts`` holds the sentences' offsets of the articles looked at: it may be
    shared by the `TermSpans` of every chunk a process packs.
    """

    def __init__(
        self, articles: Sequence[Article], features: list[list[SentenceFeatures]], starts: dict[int, list[int]] | None = None
    ) -> None:
        self._articles = articles
        self._starts = {} if starts is None else starts
        self._features = features
        self._made: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def __call__(self, a: int, s: int) -> list[tuple[int, int]]:
        spans = self._made.get((a, s))
        if spans is None:
            offset = self.offset(a, s)
            spans = [(offset + term.start, offset + term.end) for term in self._features[a][s].terms]
            self._made[(a, s)] = spans
        return spans

    def offset(self, a: int, s: int) -> int:
        """Where sentence ``s`` of article ``a`` starts in its text."""
        starts = self._starts.get(a)
        if starts is None:
            starts = self._starts[a] = [segment.start for segment in self._articles[a].sentences]
        return starts[s]
