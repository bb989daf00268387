"""Write a realistic synthetic news corpus: N articles in Norwegian Bokmål and English
(about 30/70) about N/25 stories, each story covered by several outlets in both languages.

Usage: python benchmarks/make_corpus.py 10000 /some/dir [--seed 1] [--manifest m.jsonl]

Articles of one story share facts (the same names, numbers and dates, each in its
language's form) but differ in wording, order, which facts they carry, quotes, captions,
datelines and background sentences, as real coverage does. Output is deterministic for a
seed, so benchmark runs are comparable.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus_layout as layout  # noqa: E402
from benchmarks import corpus_values as v  # noqa: E402
from benchmarks.corpus_events import EVENT_TYPES, EventType, Fact  # noqa: E402
from benchmarks.corpus_slots import Ctx, Slots  # noqa: E402

NB_SHARE = 0.3
#: How likely an article is to carry each background detail of its story.
BACKGROUND_SHARE = 0.45
#: Scales every fact's share: how much of a story each article tells.
FACT_SHARE_SCALE = 1.25
ARTICLES_PER_STORY = 25
FIRST_DAY = dt.date(2021, 1, 4)
LAST_DAY = dt.date(2025, 6, 27)


@dataclass(frozen=True, slots=True)
class Story:
    index: int
    #: Seeds the story's background details, identical in every article about it.
    key: str
    event: EventType
    country: str
    day: dt.date
    slots: Slots


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """What an article is, for checking a corpus: its story and the facts it states."""

    filename: str
    story: int
    event: str
    language: str
    outlet: str
    date: str
    #: Keys ("s12.deaths") of the story facts it states, in order.
    facts: tuple[str, ...]
    #: The sentence stating each of ``facts`` (same order), to find it in the text.
    fact_texts: tuple[str, ...] = ()


def story_sizes(n: int, rng: random.Random) -> list[int]:
    """Articles per story: skewed (a few big stories, many small), at least 2 each."""
    if n < 4:
        return [n]
    stories = max(1, min(round(n / ARTICLES_PER_STORY), n // 2))
    weights = [rng.lognormvariate(0, 0.7) for _ in range(stories)]
    spare = n - 2 * stories
    total = sum(weights)
    sizes = [2 + int(spare * w / total) for w in weights]
    while sum(sizes) < n:
        sizes[rng.choices(range(stories), weights)[0]] += 1
    return sizes


def make_story(index: int, rng: random.Random, seed: int) -> Story:
    event = rng.choice(EVENT_TYPES)
    country = rng.choice(event.countries) if event.countries else v.pick_country(rng)
    day = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
    while day.weekday() not in event.weekdays:
        day += dt.timedelta(days=1)
    return Story(index, f"{seed}/{index}", event, country, day,
                 event.make_slots(rng, day, country))


def _capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:] if ch.islower() else text
        if ch.isdigit():
            return text
    return text


def _fact_sentence(fact: Fact, values: dict[str, str], lang: str, rng: random.Random,
                   quote_styles: tuple[int, int], outlet: str) -> str:
    variants = fact.nb if lang == "nb" else fact.en
    text = rng.choice(variants).format_map(values)
    if fact.speaker:
        speaker = values[f"{fact.speaker}_t"] if rng.random() < 0.6 else values[fact.speaker]
        text = layout.quote(lang, rng.choice(quote_styles), text, speaker,
                            values[f"{fact.speaker}_last"], outlet)
    return _tidy(text)


def _tidy(text: str) -> str:
    """Capitalise, and drop the period doubled by an abbreviation at the end ("a.m..")."""
    if text.endswith("..") and not text.endswith("..."):
        text = text[:-1]
    return _capitalise(text)


def _paragraphs(sentences: list[str], rng: random.Random, lang: str) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(sentences):
        size = rng.choices((1, 2, 3), (0.55, 0.35, 0.1) if lang == "nb" else (0.45, 0.4, 0.15))[0]
        group = sentences[i:i + size]
        # Quotes open their own paragraph, as in print.
        for j in range(1, len(group)):
            if group[j][:1] in "–«“\"":
                group = group[:j]
                break
        out.append(" ".join(group))
        i += len(group)
    return out


def render_article(story: Story, lang: str, outlet: str, rng: random.Random
                   ) -> tuple[str, list[tuple[str, str]], dt.date]:
    """One article about ``story``: its text, the (fact key, sentence) it states, its date."""
    event = story.event
    late = rng.choices((0, 1, 2), (0.6, 0.3, 0.1))[0]
    day = story.day + dt.timedelta(days=late)
    ctx = Ctx(lang, rng, rng.choices(("weekday", "full", "date"), (0.7, 0.15, 0.15))[0],
              updated=(late > 0 and rng.random() < 0.5) or rng.random() < 0.05)
    values = {name: render(ctx) for name, render in story.slots.items()}
    values["outlet"] = outlet
    first, second = rng.sample(range(4), 2)
    styles = (first, second)

    lead, *others = [f for f in event.facts if not f.caption]
    chosen = [f for f in others if rng.random() < min(0.92, f.share * FACT_SHARE_SCALE)]
    chosen.sort(key=lambda f: others.index(f) + rng.gauss(0, 2.5))
    facts = [lead, *chosen]
    items: list[tuple[str | None, str]] = [
        (f"s{story.index}.{f.key}", _fact_sentence(f, values, lang, rng, styles, outlet))
        for f in facts
    ]

    # Background details of the story: the same values in every article that has them.
    background = list(zip(event.filler["nb"], event.filler["en"]))
    for number, pair in enumerate(background):
        if rng.random() < BACKGROUND_SHARE:
            draw = random.Random(f"{story.key}/{number}")
            slots = layout.FillerSlots(values, lang, story.country, story.day, draw, rng)
            sentence = _tidy(pair[lang == "en"].format_map(slots))
            items.insert(rng.randint(1, len(items)), (f"s{story.index}.bg{number}", sentence))

    # Sentences only this article has.
    pool = list(layout.GENERIC_FILLER[lang])
    rng.shuffle(pool)
    for i in range(max(0, rng.randint(28, 42) - len(items))):
        template = pool[i] if i < len(pool) else rng.choice(pool)
        slots = layout.FillerSlots(values, lang, story.country, day, rng, rng)
        items.insert(rng.randint(1, len(items)), (None, _tidy(template.format_map(slots))))

    paragraphs = _paragraphs([text for _, text in items], rng, lang)
    city = values["city"]
    paragraphs[0] = layout.dateline(lang, outlet, city, day, rng) + paragraphs[0]

    captions = [f for f in event.facts if f.caption and rng.random() < f.share]
    for fact in captions:
        caption = _capitalise(rng.choice(fact.nb if lang == "nb" else fact.en)
                              .format_map(values))
        if rng.random() < 0.8:
            caption += " " + layout.photo_credit(lang, rng, story.country)
        items.append((f"s{story.index}.{fact.key}", caption))
        paragraphs.insert(rng.randint(1, len(paragraphs)), caption)

    if rng.random() < 0.55 and len(paragraphs) > 8:
        headings = list(event.headings[lang]) + list(layout.GENERIC_HEADINGS[lang])
        # Subheadings at least three paragraphs apart, inserted back to front.
        slots = range(3, len(paragraphs) - 1, 3)
        places = sorted(rng.sample(slots, min(len(slots), rng.randint(1, 3))), reverse=True)
        for place, heading in zip(places, rng.sample(headings, len(places))):
            if lang == "en" and rng.random() < 0.2:
                heading = f"- {heading} -" if rng.random() < 0.5 else f"'{heading}'"
            paragraphs.insert(place + rng.randint(0, 1), heading)

    head: list[str] = []
    if rng.random() < 0.15:
        head.append(f"date {day.isoformat()}")
    if rng.random() < 0.45:
        head.append(_capitalise(rng.choice(event.headlines[lang]).format_map(values)))
    credit = layout.end_credit(lang, outlet, rng, story.country)
    body = head + paragraphs + ([credit] if credit else [])
    text = ("\n\n" if rng.random() < 0.6 else "\n").join(body) + "\n"
    facts = [(key, sentence) for key, sentence in items if key is not None]
    where = {key: text.find(sentence) for key, sentence in facts}
    facts.sort(key=lambda fact: where[fact[0]])
    return text, facts, day


def generate(n: int, seed: int = 0) -> Iterator[tuple[str, bytes, ArticleRecord]]:
    """Yield (filename, file bytes, record) for the N articles of the corpus."""
    rng = random.Random(seed)
    sizes = story_sizes(n, rng)
    stories = [make_story(i, rng, seed) for i in range(len(sizes))]
    plan: list[tuple[Story, str]] = []
    for story, size in zip(stories, sizes):
        langs = ["nb", "en"][:size] + ["nb" if rng.random() < NB_SHARE else "en"
                                       for _ in range(size - 2)]
        plan.extend((story, lang) for lang in langs)
    rng.shuffle(plan)
    for number, (story, lang) in enumerate(plan):
        article_rng = random.Random(f"{seed}/{number}")
        outlet = article_rng.choice(layout.NB_OUTLETS if lang == "nb" else layout.EN_OUTLETS)
        text, facts, day = render_article(story, lang, outlet, article_rng)
        if article_rng.random() < 0.02:
            text = text.replace("\n", "\r\n")
        data = text.encode("utf-8")
        if article_rng.random() < 0.01:
            data = b"\xef\xbb\xbf" + data
        name = f"{number:05d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        yield name, data, ArticleRecord(name, story.index, story.event.name, lang, outlet,
                                        day.isoformat(), tuple(key for key, _ in facts),
                                        tuple(sentence for _, sentence in facts))


def make_corpus(n: int, directory: Path, seed: int = 0,
                manifest: Path | None = None) -> list[ArticleRecord]:
    """Write the corpus into ``directory`` (created if needed) and return its records."""
    directory.mkdir(parents=True, exist_ok=True)
    records: list[ArticleRecord] = []
    for name, data, record in generate(n, seed):
        (directory / name).write_bytes(data)
        records.append(record)
    if manifest is not None:
        with manifest.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(asdict(record), ensure_ascii=False) + "\n")
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("directory", type=Path, help="where to write the .txt files")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--manifest", type=Path, default=None,
                        help="also write one JSON line per article: story, language, facts")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("n must be at least 1")
    if args.manifest is not None and args.directory.resolve() in args.manifest.resolve().parents:
        parser.error("put the manifest outside the corpus folder: the loader would read it")
    started = time.perf_counter()
    records = make_corpus(args.n, args.directory, args.seed, args.manifest)
    stories = len({r.story for r in records})
    nb = sum(r.language == "nb" for r in records)
    print(f"wrote {len(records)} articles ({nb} nb, {len(records) - nb} en) about "
          f"{stories} stories to {args.directory} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
