"""Quantities read the same way in every language, from digits or from words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.engine.numbers import NumberMention, find_numbers

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_line(prefix: str, fragment: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    (line,) = [line for line in path.read_text(encoding="utf-8").splitlines() if fragment in line]
    return line


def keys(text: str, lang: str) -> list[str]:
    return [mention.key for mention in find_numbers(text, lang)]


def only(text: str, lang: str) -> NumberMention:
    (mention,) = find_numbers(text, lang)
    return mention


@pytest.mark.parametrize(
    ("norwegian", "english", "key"),
    [
        ("fire og en halv time", "four and a half hours", "4.5 hour"),
        ("fire og en halv time", "four-and-a-half hours", "4.5 hour"),
        ("200 milliarder dollar", "$200 billion", "2e+11 currency:USD"),
        ("200 milliarder dollar", "200 billion dollars", "2e+11 currency:USD"),
        ("200 milliarder amerikanske dollar", "200 billion US dollars", "2e+11 currency:USD"),
        ("4,5 prosent", "4.5%", "4.5 percent"),
        ("4,1 %", "4.1 percent", "4.1 percent"),
        ("10 000 soldater", "10,000 soldiers", "10000"),
        ("3,5 millioner", "3.5 million", "3.5e+06"),
        ("5 mill. kroner", "NOK 5m", "5e+06 currency:NOK"),
        ("halvannen time", "an hour and a half", "1.5 hour"),
        ("en og en halv time", "one and a half hours", "1.5 hour"),
        ("et halvt år", "half a year", "0.5 year"),
        ("en halv time", "half an hour", "0.5 hour"),
        ("en halv million mennesker", "half a million people", "500000 person"),
        ("48 mandater", "48 seats", "48 seat"),
        ("182 poeng", "182 points", "182 point"),
        ("86 mål", "86 goals", "86 goal"),
        ("80 stemmer", "80 votes", "80 vote"),
        ("5000 meter", "5,000 metres", "5000 metre"),
        ("386 passasjerer", "386 passengers", "386 passenger"),
        ("13 ganger", "13 times", "13 times"),
        ("40 land", "40 countries", "40 country"),
        ("13 måneder", "13-month", "13 month"),
        ("tre dager", "three-day", "3 day"),
        ("nesten 8000 mennesker", "almost 8,000 people", "8000 person"),
        ("tjuefem år", "twenty-five years", "25 year"),
        ("to hundre og femti", "two hundred and fifty", "250"),
        ("3 milliarder euro", "€3 billion", "3e+09 currency:EUR"),
        ("112 millioner kroner", "112 million Norwegian crowns", "1.12e+08 currency:NOK"),
    ],
)
def test_norwegian_and_english_quantities_share_a_key(
    norwegian: str, english: str, key: str
) -> None:
    assert keys(norwegian, "nb") == [key]
    assert keys(english, "en") == [key]


def test_seed_quantities_agree_across_articles() -> None:
    talks_nb = seed_line("000", "fire og en halv time")
    talks_en = seed_line("001", "four-and-a-half hours")
    talks_en2 = seed_line("003", "four and a half hours")
    hours = {"4.5 hour"}
    assert hours <= set(keys(talks_nb, "nb"))
    assert hours <= set(keys(talks_en, "en"))
    assert hours <= set(keys(talks_en2, "en"))
    trade = seed_line("000", "200 milliarder dollar")
    assert {"2e+11 currency:USD", "1.85e+11 currency:USD"} <= set(keys(trade, "nb"))
    plan_nb = seed_line("000", "12-punktsplan")
    plan_en = seed_line("001", "12-point plan")
    assert "12" in keys(plan_nb, "nb") and "12" in keys(plan_en, "en")


def test_other_languages() -> None:
    assert keys("200 miljarder kronor", "sv") == ["2e+11 currency:SEK"]
    assert keys("3,5 Milliarden Euro", "de") == ["3.5e+09 currency:EUR"]
    assert keys("viereinhalb Stunden", "de") == ["4.5 hour"]
    assert keys("fünfundzwanzig Jahre", "de") == ["25 year"]
    assert keys("1.000 Soldaten", "de") == ["1000"]
    assert keys("halvtreds procent", "da") == ["50 percent"]
    assert keys("fire og ein halv time", "nn") == ["4.5 hour"]


def test_locale_separators() -> None:
    assert only("4,5", "nb").value == 4.5
    assert only("4.5", "en").value == 4.5
    assert only("10 000", "nb").value == 10_000
    assert only("10\u00a0000", "sv").value == 10_000
    assert only("10,000", "en").value == 10_000
    assert only("1 000 000,25", "nb").value == 1_000_000.25
    assert keys("1,5", "en") == ["1", "5"]  # not a decimal comma in English
    assert keys("i 2022 20 ganger", "nb") == ["year:2022", "20 times"]


def test_years_and_ordinals() -> None:
    assert keys("in 2014 and in 1949", "en") == ["year:2014", "year:1949"]
    assert keys("i fjor, 2022,", "nb") == ["year:2022"]
    assert keys("2000 dollar", "nb") == ["2000 currency:USD"]
    assert keys("the 75th anniversary", "en") == ["ordinal:75"]
    assert keys("den 5. plassen", "nb") == ["ordinal:5"]


def test_small_number_words_are_weak() -> None:
    (one,) = find_numbers("one of the main factors", "en")
    assert one.weak and one.value == 1
    (two,) = find_numbers("de to landene", "nb")
    assert two.weak and two.value == 2
    assert find_numbers("en venn av Russland", "nb") == []  # "en" is an article here
    (four,) = find_numbers("four and a half hours", "en")
    assert not four.weak
    (digits,) = find_numbers("3 leaders", "en")
    assert not digits.weak


def test_dates_and_clock_times_are_not_quantities() -> None:
    assert find_numbers("date 2023-03-21 at 10:30", "en") == []
    assert find_numbers("møtet starter kl. 10.30", "nb") == []
    assert find_numbers("21.03.2023", "nb") == []


def test_spans_cover_the_whole_quantity() -> None:
    text = "Handelen vil nå 200 milliarder dollar i år, mot $185bn i fjor."
    mentions = find_numbers(text, "nb")
    assert [text[m.start : m.end] for m in mentions] == ["200 milliarder dollar", "$185bn"]
    assert all(m.text == text[m.start : m.end] for m in mentions)


def test_made_up_sentences_on_another_event() -> None:
    norwegian = "Arbeidsledigheten steg til 3,9 prosent, og 12 500 personer mistet jobben på tre uker."
    english = "Unemployment rose to 3.9%, and 12,500 people lost their jobs in three weeks."
    assert keys(norwegian, "nb") == keys(english, "en") == [
        "3.9 percent",
        "12500 person",
        "3 week",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "english"),
    [
        ("fire en halv time", "da", "four and a half hours"),
        ("femogtyve procent", "da", "twenty-five percent"),
        ("hundredeogtyve personer", "da", "one hundred and twenty people"),
        ("fyra och en halv timme", "sv", "four and a half hours"),
        ("tvåhundra människor", "sv", "two hundred people"),
        ("200 miljarder dollar", "sv", "$200 billion"),
        ("viereinhalb Stunden", "de", "four-and-a-half hours"),
        ("dreitausendfünfhundert Menschen", "de", "3,500 people"),
        ("200 Milliarden Dollar", "de", "200 billion dollars"),
        ("4,5 Prozent", "de", "4.5 percent"),
        ("200 milliardar dollar", "nn", "$200 billion"),
    ],
)
def test_number_words_and_scales_of_each_language(text: str, lang: str, english: str) -> None:
    assert keys(text, lang) == keys(english, "en")


def test_nynorsk_plural_scales_match_bokmal() -> None:
    assert keys("tre millionar kroner", "nn") == keys("tre millioner kroner", "nb") != []


def test_words_that_only_look_like_numbers_are_not_read() -> None:
    assert find_numbers("hundrevis av mennesker", "nb") == []
    assert find_numbers("Tausende Menschen", "de") == []


def test_crowns_are_a_currency_after_a_figure_and_a_word_elsewhere() -> None:
    """English news writes the krone "crown": after a figure it is the currency, of the
    country its adjective names; "the Crown Princess" holds no quantity."""
    assert keys("5 million Swedish crowns", "en") == ["5e+06 currency:SEK"]
    assert keys("1.6 million crowns", "en") == [keys("1.6 million kroner", "en")[0]]
    assert keys("1.6 million crowns", "en")[0].startswith("1.6e+06 currency:")
    assert keys("The Crown Princess wore a crown.", "en") == []


def test_per_second_is_a_rate_not_a_rank() -> None:
    """"metres per second" holds one figure, not a second one ranked 2nd; "came second"
    is still a rank."""
    assert keys("gusts of up to 50 metres per second", "en") == keys("vindkast opp mot 50 meter per sekund", "nb")
    assert keys("gusts of up to 50 metres per second", "en") == ["50"]
    assert only("She came second.", "en").kind == "ordinal"


def test_a_half_before_a_word_that_is_no_unit_is_no_number() -> None:
    assert find_numbers("Half the voters stayed home.", "en") == []
    assert keys("It took half a day and half the night.", "en") == ["0.5 day"]


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        ("en mann i 40-årene", "nb", "40 decade"),
        ("a man in his 40s", "en", "40 decade"),
        ("a man in his forties", "en", "40 decade"),
        ("i førtiårene", "nb", "40 decade"),
        ("på 1990-tallet", "nb", "1990 decade"),
        ("in the 1990s", "en", "1990 decade"),
        ("the ’90s", "en", "90 decade"),
        ("på nittitallet", "nb", "90 decade"),
        ("på 1990‑talet", "sv", "1990 decade"),
        ("i 1990’erne", "da", "1990 decade"),
    ],
)
def test_decades_as_digits_or_words(text: str, lang: str, key: str) -> None:
    assert keys(text, lang) == [key]


def test_a_number_of_years_is_no_decade() -> None:
    assert keys("i de siste 40 årene", "nb") == ["40 year"]
    assert keys("for 40 years", "en") == ["40 year"]
    assert keys("the 45s were sold", "en") == ["45"]  # not a round ten: no decade
