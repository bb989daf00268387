"""The reading pane's wrapping keeps every character and maps rows back to offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rich.cells import cell_len

from tui.text_layout import char_width, wrap
from tui.visible_text import visible, visible_char, visible_spans


def _shown_width(text: str, start: int, end: int) -> int:
    return sum(char_width(c) for c in text[start:end])


def test_wrap_breaks_at_spaces_within_width() -> None:
    text = "Putin tar også til orde for økt gassalg til Kina"
    lines = wrap(text, 0, len(text), 20)
    assert [text[a:b] for a, b in lines] == ["Putin tar også til", "orde for økt gassalg", "til Kina"]


def test_wrap_splits_a_word_longer_than_the_line() -> None:
    text = "a Russisk-kinesiskesamarbeidsavtaler b"
    lines = wrap(text, 0, len(text), 10)
    assert all(_shown_width(text, a, b) <= 10 for a, b in lines)
    assert "".join(text[a:b] for a, b in lines).replace(" ", "") == text.replace(" ", "")


def test_wrap_honours_newlines_and_wide_characters() -> None:
    text = "习近平 访问 莫斯科\nsecond line"
    lines = wrap(text, 0, len(text), 7)
    assert text[lines[-1][0] : lines[-1][1]] == "line"
    assert all(_shown_width(text, a, b) <= 7 for a, b in lines)


def test_wrap_of_a_range_stays_inside_it() -> None:
    text = "Before. The middle sentence here. After."
    start, end = 8, 33
    lines = wrap(text, start, end, 12)
    assert lines[0][0] == start and lines[-1][1] == end


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200), st.integers(1, 40))
def test_wrap_keeps_every_visible_character_once_in_order(text: str, width: int) -> None:
    lines = wrap(text, 0, len(text), width)
    kept = "".join(text[a:b] for a, b in lines)
    breakable = " \t\n\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u205f\u3000"
    assert [c for c in kept if c not in breakable] == [c for c in text if c not in breakable]
    for (a, b), (c, _d) in zip(lines, lines[1:]):
        assert a <= b <= c
    for a, b in lines:
        assert _shown_width(text, a, b) <= width or b - a == 1


def test_escape_sequences_and_controls_become_visible() -> None:
    shown = visible("\x1b]8;;http://x\x07click\x1b[31m red\x9b\u202e\x00")
    assert "\x1b" not in shown and "\x07" not in shown and "\x00" not in shown
    assert shown.startswith("\u241b]8;;http://x\u2407click\u241b[31m red")
    assert "\\x9b" in shown and "\\u202e" in shown


@given(st.text(max_size=50))
def test_visible_text_contains_no_control_characters(text: str) -> None:
    shown = visible(text, one_line=True)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert all(cell_len(visible_char(c)) >= 0 for c in text)


def test_spans_follow_the_text_through_escapes() -> None:
    source = "Intro. A \x9bB 200 milliarder dollar."
    start = source.index("A")
    number = source.index("200")
    shown, spans = visible_spans(source, start, len(source), [(number, number + 3)])
    a, b = spans[0]
    assert shown[a:b] == "200"


def test_sentence_rows_cover_each_seed_sentence_exactly() -> None:
    from tui.engine.loader import load_paths
    from tui.engine.seeds import seed_paths
    from tui.text_layout import Source, layout_article

    for article in load_paths(seed_paths()).articles:
        for width in (24, 57, 90):
            layout = layout_article(article, width)
            for sentence, (first, last) in zip(article.sentences, layout.sentence_rows):
                rows = [
                    row
                    for row, line in enumerate(layout.lines)
                    if line.source is Source.TEXT and line.start < sentence.end and line.end > sentence.start
                ]
                assert (first, last) == (rows[0], rows[-1])
                shown = " ".join(
                    article.text[max(layout.lines[r].start, sentence.start) : min(layout.lines[r].end, sentence.end)]
                    for r in rows
                )
                assert shown.split() == sentence.text(article.text).split()


def test_text_width_is_the_sum_of_character_widths() -> None:
    from tui.text_layout import char_width, text_width

    for text in ("Putin met Xi", "Tromsø «sitat»", "a\tb", "\x1b[31m", "日本語", "\u202eabc", "5\u00a0%", "", "~!"):
        assert text_width(text) == sum(char_width(c) for c in text), text


def test_segment_bounds_inside_a_range() -> None:
    from tui.engine.models import Segment, SegmentKind
    from tui.text_layout import SegmentLookup

    segments = [Segment(0, 5, SegmentKind.SENTENCE, 0, 0), Segment(5, 6, SegmentKind.SPACE, 0),
                Segment(6, 20, SegmentKind.SENTENCE, 0, 1)]
    lookup = SegmentLookup(segments)
    assert lookup.bounds_within(0, 20) == [5, 5, 6, 6]
    assert lookup.bounds_within(2, 6) == [5, 5]
    assert lookup.bounds_within(7, 19) == []
