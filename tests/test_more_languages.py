"""Swedish, Danish, German and Nynorsk articles are linked to English ones like Bokmål.

Each language gets a short article on one made-up event (a power cable under the
Baltic Sea), written for this test, next to an English article on the same event.
Some sentences state the English article's facts; others are distractors that share
its names, currency and scale but state another fact, and must not be linked to it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.engine.loader import load_paths
from tui.engine.matcher import LinkIndex, build_index

ENGLISH = """\
Sweden and Germany signed an agreement on Thursday to build a power cable under the Baltic Sea.

The cable will cost 2.5 billion euros and should be finished in 2031.

The Swedish energy minister said the link would lower electricity prices in the south of the country.

Environmental groups warned that the work could harm fish stocks in the Baltic.
"""

#: Per language: the article, then (its sentence, the English sentence it states) pairs,
#: then its distractors, which state no fact of the English article.
ARTICLES: dict[str, tuple[str, list[tuple[str, str]], list[str]]] = {
    "sv": (
        """\
Sverige och Tyskland undertecknade på torsdagen ett avtal om att bygga en elkabel under Östersjön.

Kabeln kommer att kosta 2,5 miljarder euro och ska vara klar 2031.

Förra året köpte Tyskland el från Sverige för 1,2 miljarder euro.

Den svenska energiministern sade att förbindelsen skulle sänka elpriserna i södra delen av landet.
""",
        [
            ("undertecknade", "signed an agreement"),
            ("Kabeln kommer", "2.5 billion euros"),
            ("energiministern", "energy minister"),
        ],
        ["Förra året"],
    ),
    "da": (
        """\
Sverige og Tyskland underskrev torsdag en aftale om at bygge et elkabel under Østersøen.

Kablet kommer til at koste 2,5 milliarder euro og skal være færdigt i 2031.

Danmark solgte sidste år strøm til Tyskland for 800 millioner euro.

Den svenske energiminister sagde, at forbindelsen vil sænke elpriserne i den sydlige del af landet.

Miljøorganisationer advarede om, at arbejdet kan skade fiskebestandene i Østersøen.
""",
        [
            ("underskrev", "signed an agreement"),
            ("Kablet kommer", "2.5 billion euros"),
            ("sænke elpriserne", "energy minister"),
        ],
        ["Danmark solgte"],
    ),
    "de": (
        """\
Schweden und Deutschland haben am Donnerstag ein Abkommen über den Bau eines Stromkabels unter der Ostsee unterzeichnet.

Das Kabel soll 2,5 Milliarden Euro kosten und 2031 fertig sein.

Im vergangenen Jahr kaufte Deutschland Strom aus Schweden für 1,2 Milliarden Euro.

Der schwedische Energieminister sagte, die Verbindung werde die Strompreise im Süden des Landes senken.

Umweltverbände warnten, die Arbeiten könnten den Fischbeständen in der Ostsee schaden.
""",
        [
            ("Abkommen", "signed an agreement"),
            ("Das Kabel soll", "2.5 billion euros"),
            ("Energieminister", "energy minister"),
        ],
        ["Im vergangenen Jahr"],
    ),
    "nn": (
        """\
Sverige og Tyskland skreiv torsdag under ein avtale om å byggje ein straumkabel under Austersjøen.

Kabelen kjem til å koste 2,5 milliardar euro og skal vere ferdig i 2031.

I fjor kjøpte Tyskland straum frå Sverige for 1,2 milliardar euro.

Den svenske energiministeren sa at sambandet vil senke straumprisane i den sørlege delen av landet.
""",
        [
            ("skreiv", "signed an agreement"),
            ("Kabelen kjem", "2.5 billion euros"),
            ("energiministeren", "energy minister"),
        ],
        ["I fjor"],
    ),
}


def _index(tmp_path: Path, lang: str) -> LinkIndex:
    (tmp_path / f"{lang}.txt").write_text(ARTICLES[lang][0], encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    return build_index(load_paths([tmp_path]).articles)


def _article(index: LinkIndex, lang: str) -> int:
    return next(i for i, article in enumerate(index.articles) if article.path.stem == lang)


def _sentence(index: LinkIndex, article: int, needle: str) -> int:
    found = [
        i
        for i in range(len(index.articles[article].sentences))
        if needle in index.articles[article].sentence_text(i)
    ]
    assert len(found) == 1, needle
    return found[0]


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_the_article_is_read_in_its_language(tmp_path: Path, lang: str) -> None:
    index = _index(tmp_path, lang)
    assert index.articles[_article(index, lang)].language == lang


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_sentences_link_to_their_english_counterparts(tmp_path: Path, lang: str) -> None:
    index = _index(tmp_path, lang)
    source, english = _article(index, lang), _article(index, "en")
    for needle, counterpart in ARTICLES[lang][1]:
        links = index.links_for(source, _sentence(index, source, needle))
        assert links, f"{lang}: {needle!r} has no link"
        best = links[0]
        assert best.target == english
        assert counterpart in index.articles[english].sentence_text(best.target_sentence), needle


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_distractors_sharing_names_and_numbers_are_not_linked(tmp_path: Path, lang: str) -> None:
    index = _index(tmp_path, lang)
    source = _article(index, lang)
    for needle in ARTICLES[lang][2]:
        assert index.links_for(source, _sentence(index, source, needle)) == [], needle
