"""OPML subscription lists: local feeds are read, web feeds are reported, not fetched."""

from __future__ import annotations

from pathlib import Path

from tui.engine.loader import load_paths

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
  <title>Reuters World</title>
  <language>en</language>
  <item>
    <title>Xi arrives in Moscow</title>
    <link>https://www.reuters.com/world/xi-moscow</link>
    <pubDate>Mon, 20 Mar 2023 14:05:00 +0000</pubDate>
    <description>Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state visit. He is expected to hold talks with Russian President Vladimir Putin.</description>
  </item>
  <item>
    <title>Putin and Xi sign agreements</title>
    <link>https://www.reuters.com/world/putin-xi-agreements</link>
    <pubDate>Tue, 21 Mar 2023 17:30:00 +0000</pubDate>
    <description>Putin and Xi signed a series of agreements on Tuesday. The two leaders discussed a new gas pipeline to China.</description>
  </item>
</channel></rss>
"""


def subscriptions(*outlines: str) -> str:
    body = "\n".join(outlines)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Mine abonnementer</title></head>
  <body>
    <outline text="Nyheter" title="Nyheter">
{body}
    </outline>
  </body>
</opml>
"""


def test_local_feeds_are_read_and_remote_ones_reported(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    feed = tmp_path / "feeds" / "reuters.xml"
    feed.write_text(FEED, encoding="utf-8")
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(
        subscriptions(
            '<outline type="rss" text="Reuters World" xmlUrl="feeds/reuters.xml"/>',
            '<outline type="rss" text="NRK Urix" xmlUrl="https://www.nrk.no/urix/toppsaker.rss"/>',
        ),
        encoding="utf-8",
    )

    result = load_paths([opml])

    assert [a.title for a in result.articles] == ["Xi arrives in Moscow", "Putin and Xi sign agreements"]
    first = result.articles[0]
    assert first.outlet == "Reuters World"
    assert first.language == "en"
    assert first.url == "https://www.reuters.com/world/xi-moscow"
    assert first.path.name == "reuters.xml#1"
    assert first.text.startswith("Chinese President Xi Jinping arrived in Moscow on Monday")
    (remote,) = result.skipped
    assert remote.path == opml
    assert "https://www.nrk.no/urix/toppsaker.rss" in remote.reason
    assert "not fetched" in remote.reason


def test_missing_feed_files_are_reported_and_file_urls_are_read(tmp_path: Path) -> None:
    feed = tmp_path / "reuters.xml"
    feed.write_text(FEED, encoding="utf-8")
    opml = tmp_path / "export.xml"
    opml.write_text(
        subscriptions(
            '<outline text="Gone" xmlUrl="old/gone.rss"/>',
            f'<outline text="Reuters" xmlUrl="{feed.as_uri()}"/>',
        ),
        encoding="utf-8",
    )

    result = load_paths([opml])

    assert len(result.articles) == 2
    (missing,) = result.skipped
    assert missing.path == tmp_path / "old" / "gone.rss"
    assert "not found" in missing.reason


def test_a_folder_with_a_list_and_its_feed_shows_each_entry_once(tmp_path: Path) -> None:
    (tmp_path / "reuters.xml").write_text(FEED, encoding="utf-8")
    (tmp_path / "subscriptions.opml").write_text(
        subscriptions('<outline text="Reuters World" xmlUrl="reuters.xml"/>'), encoding="utf-8"
    )

    result = load_paths([tmp_path])

    assert sorted(a.title for a in result.articles) == ["Putin and Xi sign agreements", "Xi arrives in Moscow"]
    assert result.skipped == []


def test_a_list_without_local_feeds_loads_nothing_and_says_why(tmp_path: Path) -> None:
    opml = tmp_path / "empty.opml"
    opml.write_text(subscriptions(), encoding="utf-8")

    result = load_paths([opml])

    assert result.articles == []
    assert [s.reason for s in result.skipped] == ["the OPML list names no feeds"]
