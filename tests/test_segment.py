"""Splitting news text into the sentences the cursor visits and the matcher compares."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.engine.models import Segment, SegmentKind
from tui.engine.segment import split_segments
from tui.engine.seeds import seed_paths

SENTENCE = SegmentKind.SENTENCE


def _seed(prefix: str) -> str:
    (path,) = [p for p in seed_paths() if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


def _texts(text: str, kind: SegmentKind) -> list[str]:
    return [s.text(text) for s in split_segments(text) if s.kind is kind]


def _segment_of(text: str, fragment: str) -> Segment:
    """The segment that contains ``fragment``; fails when it is split across segments."""
    start = text.index(fragment)
    for segment in split_segments(text):
        if segment.start <= start and start + len(fragment) <= segment.end:
            return segment
    raise AssertionError(f"{fragment!r} is split across segments")


def _assert_exact_cover(text: str, segments: list[Segment]) -> None:
    position = 0
    expected_index = 0
    for segment in segments:
        assert segment.start == position and segment.end > segment.start
        chunk = segment.text(text)
        if segment.kind is SegmentKind.SPACE:
            assert chunk.isspace()
        else:
            assert chunk == chunk.strip()
        if segment.kind is SENTENCE:
            assert segment.sentence_index == expected_index
            expected_index += 1
        else:
            assert segment.sentence_index is None
        position = segment.end
    assert position == len(text)
    paragraphs = [s.paragraph for s in segments]
    assert paragraphs == sorted(paragraphs)


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_every_seed_is_covered_exactly(path) -> None:
    text = path.read_text(encoding="utf-8")
    segments = split_segments(text)
    _assert_exact_cover(text, segments)
    assert "".join(s.text(text) for s in segments) == text


def test_norwegian_quote_dash_starts_its_own_sentence() -> None:
    text = _seed("000")
    sentences = _texts(text, SENTENCE)
    assert "– Jeg foreslår å styrke vår koordinering og vårt samarbeid, sa president Xi Jinping tirsdag og kalte Putin for en kjær venn." in sentences
    assert "– I stedet for å fordømme, gir de Russland diplomatisk støtte til å fortsette disse forbrytelsene, sier Blinken." in sentences


def test_photo_caption_is_a_sentence_and_the_foto_line_a_credit() -> None:
    text = _seed("000")
    caption = _segment_of(text, "Kinas president Xi Jinping har hatt samtaler med Russlands statsminister")
    assert caption.kind is SENTENCE and caption.caption
    assert caption.text(text).endswith("i Moskva tirsdag.")
    credits = _texts(text, SegmentKind.CREDIT)
    assert credits == [
        "Foto: Dmitry Astakhov / AP",
        "Foto: SPUTNIK / Reuters",
        "Foto: Grigory Sysoyev / AP",
        "Foto: JIM WATSON / AFP",
    ]
    ordinary = _segment_of(text, "Russland vil gi mer gass til Kina")
    assert not ordinary.caption


def test_norwegian_paragraph_with_three_sentences() -> None:
    text = _seed("000")
    sentences = _texts(text, SENTENCE)
    start = sentences.index(
        "Gazprom, det statlige russiske gasselskapet, sa tirsdag at de har levert rekordmye gass til Kina i rør via Sibir."
    )
    assert sentences[start + 1 : start + 3] == [
        "Misjustin mener handelen vil nå 200 milliarder dollar i år.",
        "I fjor endte summen på 185 milliarder dollar.",
    ]


def test_us_abbreviation_does_not_end_a_sentence() -> None:
    text = _seed("001")
    segment = _segment_of(
        text, "U.S. Secretary of State Antony Blinken told reporters in Washington Monday that any proposal"
    )
    assert segment.kind is SENTENCE
    assert segment.text(text).startswith("U.S. Secretary") and segment.text(text).endswith("continue its offensive.")
    inside = _segment_of(text, "at a time when the U.S. and its Western allies have imposed widespread sanctions")
    assert inside.kind is SENTENCE


def test_mr_xi_stays_inside_the_sentence() -> None:
    text = _seed("002")
    sentence = _segment_of(text, "Mr Putin was greeted by Mr Xi with full military honours")
    assert sentence.text(text).endswith("in the heart of the capital Beijing.")


def test_closing_quote_stays_with_the_sentence_it_ends() -> None:
    text = _seed("001")
    sentences = _texts(text, SENTENCE)
    assert "However, so far, we see no such readiness from their side.”" in sentences
    opening = next(s for s in sentences if s.startswith('Putin said, "We believe'))
    assert opening.endswith("in the West and in Kyiv.")


def test_headings_in_seeds() -> None:
    assert _texts(_seed("000"), SegmentKind.HEADING) == ["Kinesisk fredsplan for Ukraina", "Skepsis i Vesten"]
    assert _texts(_seed("003"), SegmentKind.HEADING) == ["'Constructive role'", "- Kishida in Kyiv -"]
    assert _texts(_seed("004"), SegmentKind.HEADING) == ["‘Diplomatic Cover’"]


def test_datelines_are_separate_from_the_first_sentence() -> None:
    text = _seed("004")
    assert _texts(text, SegmentKind.DATELINE) == ["date 2023-03-21", "(CNN)"]
    first = next(s for s in split_segments(text) if s.kind is SENTENCE)
    assert first.sentence_index == 0
    assert first.text(text).startswith("Xi Jinping and Vladimir Putin posed as peace brokers")
    afp = _seed("003")
    assert _texts(afp, SegmentKind.DATELINE) == ["Moscow (AFP) -"]
    assert _texts(afp, SENTENCE)[0].startswith("Chinese leader Xi Jinping arrived at the Kremlin")


def test_contributor_note_is_a_credit_not_a_fact() -> None:
    text = _seed("001")
    assert _texts(text, SegmentKind.CREDIT) == ["Some material in this report came from Reuters."]


def test_one_paragraph_per_line_and_blank_line_paragraphs_count_alike() -> None:
    per_line = "First fact. Second fact.\nThird fact.\nFourth fact."
    blank = per_line.replace("\n", "\n\n")
    for text in (per_line, blank):
        segments = [s for s in split_segments(text) if s.kind is SENTENCE]
        assert [s.paragraph for s in segments] == [0, 0, 1, 2]
    assert max(s.paragraph for s in split_segments(_seed("003"))) == text_lines(_seed("003")) - 1


def text_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones in St. Petersburg. They talked.", 2),
        ("J. Smith arrived. He left.", 2),
        ("The rate rose to 3.5 per cent. Markets fell.", 2),
        ("Møtet er 21. mars i Oslo. Det blir langt.", 2),
        ("Han kom bl.a. fra Moskva. Hun kom f.eks. fra Oslo.", 2),
        ("Det koster ca. 200 kroner, dvs. mye. Men det går.", 2),
        ("Vi spiste epler, pærer osv. Det var godt.", 2),
        ("Sanctions were imposed by the U.S. The talks ended.", 2),
        ("Prices rose, e.g. Oil. They fell, i.e. Gas.", 2),
        ("Møtet starter kl. 12 i dag. Alle kommer.", 2),
        ("He asked: “Why?” Nobody knew.", 2),
        ("Really?! Yes.", 2),
        ("Wait… Then he left.", 2),
        ("sa han. – Vi er klare, sa hun.", 2),
        ("He said «Nei.» Så gikk han.", 2),
        ("中国很好。俄罗斯也很好。", 2),
        ("No. 10 Downing Street was quiet.", 1),
        ("1. Putin arrived in Beijing.", 1),
    ],
)
def test_sentence_boundaries(text: str, expected: int) -> None:
    sentences = _texts(text, SENTENCE)
    assert len(sentences) == expected, sentences
    _assert_exact_cover(text, split_segments(text))


def test_hard_wrapped_lines_stay_one_sentence() -> None:
    text = "Putin said the talks with Xi were open and\nfriendly, and that more would follow.\nXi agreed."
    assert _texts(text, SENTENCE) == [
        "Putin said the talks with Xi were open and\nfriendly, and that more would follow.",
        "Xi agreed.",
    ]


@pytest.mark.parametrize(
    ("text", "credit"),

    [
        ("Xi in Moscow. (Photo by Mikhail Metzel/TASS via Getty Images)", "(Photo by Mikhail Metzel/TASS via Getty Images)"),
        ("Putin and Xi. Photo: Sergei Karpukhin / Reuters", "Photo: Sergei Karpukhin / Reuters"),
        ("By Andrew Osborn and Guy Faulconbridge", "By Andrew Osborn and Guy Faulconbridge"),
        ("The Associated Press contributed to this report.", "The Associated Press contributed to this report."),
        ("(©NTB)", "(©NTB)"),
    ],
)
def test_other_credit_styles(text: str, credit: str) -> None:
    assert _texts(text, SegmentKind.CREDIT) == [credit]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("OSLO (NTB): Regjeringen la fram budsjettet.", "OSLO (NTB):"),
        ("WASHINGTON, March 21 (Reuters) - The talks ended.", "WASHINGTON, March 21 (Reuters) -"),
        ("MOSCOW — Putin met Xi.", "MOSCOW —"),
        ("OSLO, Aug 9 - A dam on Norway's biggest river partly gave way.", "OSLO, Aug 9 -"),
    ],
)
def test_other_dateline_styles(text: str, dateline: str) -> None:
    assert _texts(text, SegmentKind.DATELINE) == [dateline]
    assert len(_texts(text, SENTENCE)) == 1


def test_escape_sequences_in_the_text_do_not_hide_sentence_boundaries() -> None:
    """Text pasted from a terminal keeps its colour codes (shown literally); they sit
    where a sentence starts or ends and must not join two sentences or make a heading."""
    text = (
        "Prisen steg i mars. \x1b[31mRenten ble holdt uendret.\x1b[0m Banken venter "
        "\x1b[1m[bold]to\x1b[0m kutt til.\x07 Neste møte er i mai.\x1b[0m"
    )
    sentences = _texts(text, SegmentKind.SENTENCE)
    assert sentences == [
        "Prisen steg i mars.",
        "\x1b[31mRenten ble holdt uendret.\x1b[0m",
        "Banken venter \x1b[1m[bold]to\x1b[0m kutt til.\x07",
        "Neste møte er i mai.\x1b[0m",
    ]
    _assert_exact_cover(text, split_segments(text))


def test_a_short_line_ending_in_an_escape_after_its_full_stop_is_no_heading() -> None:
    text = "Renten ble holdt uendret.\x1b[0m"
    assert _texts(text, SegmentKind.SENTENCE) == [text]


def test_parenthesis_later_in_the_article_is_not_a_dateline() -> None:
    text = "One.\nTwo.\nThree.\n(CNN) is a broadcaster, it said."
    assert _texts(text, SegmentKind.DATELINE) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_covered_exactly(text: str) -> None:
    _assert_exact_cover(text, split_segments(text))


_NEWSY = st.lists(
    st.sampled_from(
        ["Mr.", "U.S.", "Xi", "sa", "«Nei.»", "“Yes.”", "–", "bl.a.", "21.", "mars", "Foto:", "(CNN)", "date",
         "2023-03-21", "Moscow", "(AFP)", "-", ".", "!", "?", "…", "\n", "\n\n", " ", "  ", "\t", "Kina", "the"]
    ),
    max_size=80,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_NEWSY)
def test_news_like_text_is_covered_exactly(text: str) -> None:
    _assert_exact_cover(text, split_segments(text))


@pytest.mark.parametrize(
    "text",
    [
        "word " * 400_000,
        "x" * 200_000,
        "." * 200_000,
        ". " * 200_000,
        "A. " * 200_000,
        "(" * 100_000 + " " * 100_000,
        "Mr. " * 200_000,
        "\n" * 200_000,
        "a\n" * 200_000,
    ],
    ids=["words", "long-word", "dots", "dot-space", "initials", "parens", "abbreviations", "newlines", "wrapped"],
)
def test_hostile_input_is_split_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    segments = split_segments(text)
    assert time.perf_counter() - started < 2.0
    assert segments[0].start == 0 and segments[-1].end == len(text)


def test_packed_segments_read_like_the_list_they_pack() -> None:
    import pickle

    from tui.engine.models import Segments

    text = _seed("003")
    listed = split_segments(text)
    packed = Segments(listed)
    for segments in (packed, Segments.from_bytes(packed.to_bytes()), pickle.loads(pickle.dumps(packed))):
        assert segments == listed and list(segments) == listed and len(segments) == len(listed)
        assert segments[3] == listed[3] and segments[-2:] == listed[-2:]
        sentences = [s for s in listed if s.kind is SENTENCE]
        assert segments.sentences() == sentences and segments.sentence_count() == len(sentences)
        assert segments.sentence_spans() == [(s.start, s.end) for s in sentences]
    assert Segments([]) == [] and Segments().sentence_count() == 0


@pytest.mark.parametrize("data", [b"\x01\x02\x03", bytes(4 * 5), bytes(4 * 2) + (99).to_bytes(4, "little") + bytes(12)])
def test_bytes_that_are_not_packed_segments_are_refused(data: bytes) -> None:
    from tui.engine.models import Segments

    with pytest.raises(ValueError):
        Segments.from_bytes(data)
