"""Saved web pages: the article's text and metadata, without the page around it."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from tui.engine.loader import load_paths
from tui.engine.seeds import seed_paths


def seed_paragraphs(prefix: str, count: int) -> list[str]:
    (path,) = [p for p in seed_paths() if p.name.startswith(prefix)]
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line][:count]


NB = seed_paragraphs("000", 6)
EN = seed_paragraphs("001", 5)
TITLE = "Putin: – Kina skal få hjelp til å erstatte vestlige selskaper"
BOILERPLATE = [
    "informasjonskapsler",
    "Godta alle",
    "Forsiden",
    "ANNONSE",
    "strømavtale",
    "Syden",
    "Les også",
    "nye sanksjonene",
    "Ansvarlig redaktør",
    "Kontakt oss",
    "dataLayer",
    "trackPageView",
    "display: block",
]


def nrk_page() -> str:
    p = [f"<p>{escape(text)}</p>" for text in NB]
    return f"""<!DOCTYPE html>
<html lang="nb-NO">
<head>
<meta charset="utf-8">
<title>{TITLE} – NRK</title>
<meta property="og:site_name" content="NRK">
<meta property="og:title" content="{TITLE}">
<meta property="og:url" content="https://www.nrk.no/urix/putin-kina-1.16344444">
<link rel="canonical" href="/urix/putin-kina-1.16344444">
<meta property="article:published_time" content="2023-03-21T23:02:11+01:00">
<script>window.dataLayer = [{{"page": "article"}}];</script>
<style>.ad {{ display: block }}</style>
</head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>Vi bruker informasjonskapsler for å gi deg en bedre
opplevelse. Godta alle informasjonskapsler eller velg innstillinger.</p><button>Godta alle</button></div>
<header><nav><ul><li><a href="/">Forsiden</a></li><li><a href="/nyheter">Nyheter</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/kultur">Kultur</a></li></ul></nav>
<time datetime="2024-05-16">Torsdag 16. mai</time></header>
<div class="ad advertisement"><p>ANNONSE: Kjøp strømavtale nå og spar 500 kroner i måneden!</p></div>
<main>
<article>
<h1>{TITLE}</h1>
<p class="byline">Av NTB · Publisert <time datetime="2023-03-21T23:02:11+01:00">21. mars 2023</time></p>
{p[0]}
{p[1]}
<aside class="related"><h2>Les også</h2><ul><li><a href="/a">Dette er de nye sanksjonene mot Russland</a></li></ul></aside>
{p[2]}
{p[3]}
<div class="ad-slot"><p>ANNONSE: Bestill reisen din til Syden i dag.</p></div>
{p[4]}
{p[5]}
</article>
</main>
<footer><p>Ansvarlig redaktør: Vibeke Fürst Haugen. © NRK 2023. Kontakt oss på nrk.no/kontakt.</p></footer>
<script>trackPageView();</script>
</body>
</html>
"""


def test_the_article_is_read_and_the_page_around_it_dropped(tmp_path: Path) -> None:
    page = tmp_path / "nrk-putin-kina.html"
    page.write_text(nrk_page(), encoding="utf-8")

    result = load_paths([page])

    assert result.skipped == []
    (article,) = result.articles
    assert article.title == TITLE
    assert article.outlet == "NRK"
    assert article.date == dt.date(2023, 3, 21)
    assert article.url == "https://www.nrk.no/urix/putin-kina-1.16344444"
    assert article.language == "nb"
    assert article.text == "\n\n".join(NB)
    assert article.sentence_text(0) == NB[0]
    for junk in BOILERPLATE:
        assert junk not in article.text


def ap_page_windows_1252() -> bytes:
    """An older English page in Windows-1252 whose metadata is only in JSON-LD."""
    paragraphs = "\n".join(f"<p>{escape(text)}</p>" for text in EN)
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Putin, Xi sign partnership | AP News</title>
<script type="application/ld+json">
{{"@context": "https://schema.org", "@graph": [
  {{"@type": "WebSite", "name": "AP News"}},
  {{"@type": "NewsArticle", "headline": "Putin, Xi pledge closer ties, call for peace in Ukraine",
    "datePublished": "2023-03-21T16:10:00Z", "inLanguage": "en-US",
    "url": "https://apnews.com/article/putin-xi-ukraine",
    "publisher": {{"@type": "Organization", "name": "The Associated Press"}}}}]}}
</script>
</head>
<body>
<div id="menu"><a href="/">Home</a> | <a href="/world">World</a> | <a href="/us">U.S.</a></div>
<div class="story">
{paragraphs}
</div>
<div id="footer">Copyright 2023 The Associated Press. All Rights Reserved.</div>
</body>
</html>
""".encode("cp1252")


def test_a_page_in_windows_1252_with_json_ld_metadata(tmp_path: Path) -> None:
    page = tmp_path / "ap.htm"
    page.write_bytes(ap_page_windows_1252())

    (article,) = load_paths([page]).articles

    assert article.title == "Putin, Xi pledge closer ties, call for peace in Ukraine"
    assert article.outlet == "The Associated Press"
    assert article.date == dt.date(2023, 3, 21)
    assert article.url == "https://apnews.com/article/putin-xi-ukraine"
    assert article.language == "en"
    assert article.encoding == "cp1252"
    assert "Moscow’s war against Ukraine" in article.text  # curly quote decoded from 0x92
    assert article.sentence_text(0) == EN[0]
    assert "All Rights Reserved" not in article.text


def test_a_page_that_states_nothing_gets_no_invented_metadata(tmp_path: Path) -> None:
    paragraphs = "\n".join(f"<p>{escape(text)}</p>" for text in EN)
    page = tmp_path / "saved.html"
    page.write_text(f"<html><body><article>{paragraphs}</article></body></html>", encoding="utf-8")

    (article,) = load_paths([page]).articles

    assert article.outlet is None
    assert article.date is None
    assert article.url is None
    assert article.language == "en"  # detected from the text
    assert article.title.startswith("Russian President Vladimir Putin")


def test_a_page_without_an_article_is_skipped(tmp_path: Path) -> None:
    page = tmp_path / "login.html"
    page.write_text(
        "<html><body><nav><a href='/'>Home</a></nav><form><input name='user'></form></body></html>",
        encoding="utf-8",
    )

    result = load_paths([page])

    assert result.articles == []
    assert [(s.path, s.reason) for s in result.skipped] == [(page, "no article text found in the page")]
