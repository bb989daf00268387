"""The scale benchmark's synthetic corpus looks like real bilingual news coverage."""

from __future__ import annotations

import random
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus_values as v  # noqa: E402
from benchmarks.corpus_slots import Ctx  # noqa: E402
from benchmarks.make_corpus import generate, make_corpus, make_story, story_sizes  # noqa: E402
from tui.engine.loader import load_paths  # noqa: E402


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str, object]]:
    """300 articles in memory: (file name, text, record)."""
    return [(name, data.decode("utf-8-sig").replace("\r\n", "\n"), record)
            for name, data, record in generate(300, seed=7)]


def test_writes_n_files_and_returns_their_records(tmp_path: Path) -> None:
    records = make_corpus(60, tmp_path, seed=3)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len(files) == 60
    assert sorted(r.filename for r in records) == files
    assert all(name.endswith(".txt") for name in files)


def test_same_seed_same_bytes_other_seed_other_corpus() -> None:
    first = [(name, data) for name, data, _ in generate(80, seed=11)]
    again = [(name, data) for name, data, _ in generate(80, seed=11)]
    other = [(name, data) for name, data, _ in generate(80, seed=12)]
    assert first == again
    assert {data for _, data in first}.isdisjoint({data for _, data in other})


def test_both_languages_roughly_three_to_seven(corpus: list) -> None:
    languages = Counter(record.language for _, _, record in corpus)
    assert set(languages) == {"nb", "en"}
    assert 0.2 < languages["nb"] / len(corpus) < 0.4


def test_about_one_story_per_25_articles_each_told_in_both_languages(corpus: list) -> None:
    by_story: dict[int, list] = defaultdict(list)
    for _, _, record in corpus:
        by_story[record.story].append(record)
    assert len(by_story) == 12
    for records in by_story.values():
        assert len(records) >= 2
        assert {r.language for r in records} == {"nb", "en"}
        assert len({r.outlet for r in records}) >= 2
    assert len({r.event for rs in by_story.values() for r in rs}) >= 5


def test_facts_have_counterparts_across_languages(corpus: list) -> None:
    """Besides the lead, stories share many facts between nb and en articles."""
    shared = 0
    by_story: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for _, _, record in corpus:
        for fact in record.facts:
            by_story[record.story][fact].add(record.language)
    for facts in by_story.values():
        both = [f for f, langs in facts.items() if langs == {"nb", "en"} and
                not f.endswith(".lead")]
        shared += len(both) >= 5
    assert shared >= len(by_story) - 1


_NUMBER_WORDS = {
    "nb": {w: str(i) for i, w in enumerate(
        ("null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti"))}
    | {"ett": "1"},
    "en": {w: str(i) for i, w in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
         "ten"))},
}


def _numbers(text: str, lang: str) -> set[str]:
    """Values of the numbers in a sentence, whatever the language's way of writing them."""
    grouped = r"\d{1,3}(?:[ \u00a0.]\d{3})+(?!\d)" if lang == "nb" else r"\d{1,3}(?:,\d{3})+"
    point = "," if lang == "nb" else "."
    found = set()
    for match in re.findall(rf"{grouped}|\d+(?:{re.escape(point)}\d+)?", text):
        value = re.sub(r"[ \u00a0.,]", "", match) if re.fullmatch(grouped, match) else match
        found.add(value.replace(",", ".").lstrip("0") or "0")
    words = re.findall(r"[a-zåøæé]+", text.lower())
    return found | {_NUMBER_WORDS[lang][w] for w in words if w in _NUMBER_WORDS[lang]}


def test_a_fact_carries_the_same_numbers_in_both_languages() -> None:
    """Counterpart sentences agree on every figure, each written its own way."""
    checked = 0
    for number in range(40):
        story = make_story(number, random.Random(number), seed=0)
        rendered = {}
        style = ("weekday", "full", "date")[number % 3]
        for lang in ("nb", "en"):
            ctx = Ctx(lang, random.Random(number), style)
            rendered[lang] = {name: render(ctx) for name, render in story.slots.items()}
        for fact in story.event.facts:
            if fact.speaker:
                continue
            for nb, en in zip(fact.nb, fact.en):
                # Figures the story puts in, not wording ("ett døgn" / "24 hours").
                nb_numbers = _numbers(nb.format_map(rendered["nb"]), "nb") - _numbers(nb, "nb")
                en_numbers = _numbers(en.format_map(rendered["en"]), "en") - _numbers(en, "en")
                assert nb_numbers == en_numbers, (nb.format_map(rendered["nb"]),
                                                  en.format_map(rendered["en"]))
                checked += bool(nb_numbers)
    assert checked > 300


def test_articles_are_not_copies(corpus: list) -> None:
    sentences = [set(re.split(r"(?<=[.!?»”\"])\s+", text)) for _, text, _ in corpus]
    worst = max(len(a & b) / min(len(a), len(b)) for a, b in combinations(sentences[:150], 2))
    assert worst < 0.5


def test_house_styles_per_language(corpus: list) -> None:
    nb = "\n".join(text for _, text, r in corpus if r.language == "nb")
    en = "\n".join(text for _, text, r in corpus if r.language == "en")
    assert "«" in nb and "\n– " in nb and "Foto: " in nb and "(NTB): " in nb
    assert "“" in en and "Photo: " in en and "(Reuters) - " in en
    assert "Photo: " not in nb and "Foto: " not in en and "«" not in en
    assert re.search(r"\b(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b", nb)
    assert re.search(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", en)
    assert re.search(r"^date \d{4}-\d{2}-\d{2}$", nb + en, re.MULTILINE)


def test_norwegian_and_english_forms_of_values() -> None:
    rng = random.Random(0)
    assert v.Person("Mikhail", "Mishustin", "m", slavic=True).name("nb") == "Mikhail Misjustin"
    assert v.Person("Mikhail", "Mishustin", "m", slavic=True).name("en") == "Mikhail Mishustin"
    assert v.money(4.5e9, "NOK", "nb", rng) in ("4,5 milliarder kroner", "4,5 mrd. kroner")
    assert v.money(4.5e9, "USD", "en", rng) == "$4.5 billion"
    assert v.percent(4.5, "nb", rng) in ("4,5 prosent", "4,5 %")
    assert v.country_name("RU", "nb") == "Russland" and v.cities("DK")[0] == ("København",
                                                                               "Copenhagen")


def test_story_sizes_sum_to_n_and_never_leave_a_story_alone() -> None:
    for n in (2, 5, 49, 250, 1000):
        sizes = story_sizes(n, random.Random(n))
        assert sum(sizes) == n and min(sizes) >= 2


def test_loader_reads_every_file_as_a_news_article(tmp_path: Path) -> None:
    records = {r.filename: r for r in make_corpus(40, tmp_path, seed=5)}
    loaded = load_paths([tmp_path])
    assert loaded.skipped == []
    assert len(loaded.articles) == 40
    detected = Counter(a.language == records[a.path.name].language for a in loaded.articles)
    assert detected[True] >= 39
    counts = [len(a.sentences) for a in loaded.articles]
    assert 22 <= min(counts) and max(counts) <= 50
    words = sum(a.word_count for a in loaded.articles) / len(loaded.articles)
    assert 480 <= words <= 720
    assert any(s.caption for a in loaded.articles for s in a.sentences)
