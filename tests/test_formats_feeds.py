"""Saved RSS and Atom feeds: each entry is an article with the feed's own metadata."""

from __future__ import annotations

import datetime as dt
import shutil
from html import escape
from pathlib import Path

from tui.engine.loader import load_paths
from tui.engine.models import Article
from tui.engine.seeds import seed_paths


def seed_paragraphs(prefix: str, count: int) -> list[str]:
    (path,) = [p for p in seed_paths() if p.name.startswith(prefix)]
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line][:count]


NB = seed_paragraphs("000", 4)
EN_AP = seed_paragraphs("001", 3)
EN_AFP = seed_paragraphs("003", 3)


def html_paragraphs(paragraphs: list[str]) -> str:
    return "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)


def rss_feed() -> str:
    """An RSS 2.0 channel marked Norwegian holding Norwegian and English entries."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>NRK Urix</title>
  <link>https://www.nrk.no/urix/</link>
  <description>Utenriksnyheter</description>
  <language>nb-NO</language>
  <item>
    <title>Putin: – Kina skal få hjelp til å erstatte vestlige selskaper</title>
    <link>https://www.nrk.no/urix/putin-kina-1.16344444</link>
    <guid>https://www.nrk.no/urix/putin-kina-1.16344444</guid>
    <pubDate>Wed, 22 Mar 2023 00:40:00 +0100</pubDate>
    <description>{escape(NB[0])}</description>
    <content:encoded><![CDATA[<figure><img src="xi.jpg" alt=""></figure>
{html_paragraphs(NB)}<script>track("urix")</script>]]></content:encoded>
  </item>
  <item>
    <title>Putin and Xi sign strategic partnership, call for diplomacy in Ukraine</title>
    <link>https://apnews.com/article/putin-xi-partnership</link>
    <dc:language>en</dc:language>
    <pubDate>Tue, 21 Mar 2023 16:10:00 +0000</pubDate>
    <content:encoded><![CDATA[{html_paragraphs(EN_AP)}]]></content:encoded>
  </item>
  <item>
    <title>Xi arrives at Kremlin for formal talks with Putin</title>
    <link>https://www.france24.com/en/xi-kremlin</link>
    <pubDate>Tue, 21 Mar 2023 12:00:00 +0000</pubDate>
    <description>{escape(html_paragraphs(EN_AFP))}</description>
  </item>
  <item>
    <title>Direkte: Xi Jinping i Moskva</title>
    <link>https://www.nrk.no/urix/direkte</link>
  </item>
</channel>
</rss>
"""


def atom_feed() -> str:
    """An Atom feed marked English with one entry marked Norwegian Bokmål."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>World Desk</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2023-03-22T04:00:00Z</updated>
  <entry>
    <title>Xi and Putin talk late into the night</title>
    <link rel="alternate" href="https://example.org/world/xi-putin-dinner"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2023-03-21T23:30:00-04:00</published>
    <updated>2023-03-22T03:30:00Z</updated>
    <content type="html">{escape(html_paragraphs(EN_AP[1:]))}</content>
  </entry>
  <entry xml:lang="nb">
    <title>Kina og Russland vil handle mer gass</title>
    <link rel="alternate" href="https://example.org/nb/gass"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b</id>
    <updated>2023-03-21T19:00:00+01:00</updated>
    <summary type="text">{escape(NB[1])}</summary>
  </entry>
</feed>
"""


def by_title(articles: list[Article]) -> dict[str, Article]:
    return {article.title: article for article in articles}


def test_rss_entries_are_articles_with_the_feeds_metadata(tmp_path: Path) -> None:
    feed = tmp_path / "urix.xml"
    feed.write_text(rss_feed(), encoding="utf-8")

    result = load_paths([feed])

    articles = by_title(result.articles)
    assert len(result.articles) == 3
    nb = articles["Putin: – Kina skal få hjelp til å erstatte vestlige selskaper"]
    assert nb.outlet == "NRK Urix"
    assert nb.language == "nb"
    assert nb.url == "https://www.nrk.no/urix/putin-kina-1.16344444"
    # 00:40 in Oslo is the 22nd, although it is still the 21st in UTC.
    assert nb.date == dt.date(2023, 3, 22)
    assert nb.text == "\n\n".join(NB)
    assert nb.sentence_text(0) == NB[0]
    assert "track(" not in nb.text and "<" not in nb.text

    ap = articles["Putin and Xi sign strategic partnership, call for diplomacy in Ukraine"]
    assert ap.language == "en"
    assert ap.outlet == "NRK Urix"
    assert ap.text == "\n\n".join(EN_AP)
    assert ap.date == dt.date(2023, 3, 21)


def test_an_entry_in_another_language_than_its_channel_is_detected(tmp_path: Path) -> None:
    feed = tmp_path / "urix.rss"
    feed.write_text(rss_feed(), encoding="utf-8")

    afp = by_title(load_paths([feed]).articles)["Xi arrives at Kremlin for formal talks with Putin"]

    assert afp.language == "en"
    assert any("reads as 'en'" in note for note in afp.notes)
    assert afp.text.startswith("Moscow (AFP) - Chinese leader Xi Jinping arrived at the Kremlin")
    assert afp.url == "https://www.france24.com/en/xi-kremlin"


def test_entries_get_their_own_paths_and_digests_and_empty_ones_are_reported(tmp_path: Path) -> None:
    feed = tmp_path / "urix.xml"
    feed.write_text(rss_feed(), encoding="utf-8")

    result = load_paths([feed])

    assert [a.path.name for a in result.articles] == ["urix.xml#1", "urix.xml#2", "urix.xml#3"]
    assert len({a.digest for a in result.articles}) == 3
    (skipped,) = result.skipped
    assert skipped.path.name == "urix.xml#4"
    assert "Direkte: Xi Jinping i Moskva" in skipped.reason and "no text" in skipped.reason


def test_an_entry_keeps_its_digest_when_the_feed_is_moved_or_grows(tmp_path: Path) -> None:
    first = tmp_path / "urix.xml"
    first.write_text(rss_feed(), encoding="utf-8")
    moved = tmp_path / "archive" / "urix-2023-03-21.rss"
    moved.parent.mkdir()
    shutil.copy(first, moved)
    grown = tmp_path / "urix-later.xml"
    extra = "<item><title>Ny sak</title><description>Xi reiste hjem onsdag.</description></item>"
    grown.write_text(rss_feed().replace("<item>", extra + "<item>", 1), encoding="utf-8")

    digests = [by_title(load_paths([path]).articles) for path in (first, moved, grown)]

    title = "Putin and Xi sign strategic partnership, call for diplomacy in Ukraine"
    assert digests[0][title].digest == digests[1][title].digest == digests[2][title].digest


def test_atom_entries_use_their_own_language_and_the_date_as_published(tmp_path: Path) -> None:
    feed = tmp_path / "world.atom"
    feed.write_text(atom_feed(), encoding="utf-8")

    result = load_paths([feed])

    articles = by_title(result.articles)
    assert result.skipped == []
    late = articles["Xi and Putin talk late into the night"]
    assert late.outlet == "World Desk"
    assert late.language == "en"
    assert late.url == "https://example.org/world/xi-putin-dinner"
    assert late.date == dt.date(2023, 3, 21)  # published 23:30 in New York, not the UTC day
    assert late.text == "\n\n".join(EN_AP[1:])

    gas = articles["Kina og Russland vil handle mer gass"]
    assert gas.language == "nb"
    assert gas.text == NB[1]
    assert gas.date == dt.date(2023, 3, 21)
    assert "the feed gives only a summary of this article" in gas.notes
    assert "date is the entry's last update" in gas.notes


def test_xml_that_is_not_a_feed_is_skipped_with_a_reason(tmp_path: Path) -> None:
    config = tmp_path / "settings.xml"
    config.write_text('<?xml version="1.0"?><settings><theme>dark</theme></settings>', encoding="utf-8")

    result = load_paths([config])

    assert result.articles == []
    (skipped,) = result.skipped
    assert skipped.path == config and "not an RSS or Atom feed" in skipped.reason


def test_a_file_naming_another_file_is_not_followed(tmp_path: Path) -> None:
    real = tmp_path / "urix.xml"
    real.write_text(rss_feed(), encoding="utf-8")
    pointer = tmp_path / "pointer.rss"
    pointer.write_text(str(real), encoding="utf-8")

    result = load_paths([pointer])

    assert result.articles == []
    assert [s.path for s in result.skipped] == [pointer]
