"""Stories joined by hand: the grouping the reader corrects, on the real seeds, and its
saved state (a state file of the schema before it is brought up to date)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tui.engine.loader import load_paths
from tui.engine.seeds import seed_paths
from tui.engine.state import SCHEMA_VERSION, open_state
from tui.engine.story_joins import join_key, joined_stories, with_joins
from views_support import real_links

BEIJING = "002_"  # the seed about the 2024 Beijing meeting: a story of its own


def test_a_join_unites_two_stories_and_leaves_the_others_their_ids() -> None:
    stories = [0, 0, 1, 2, 3]
    digests = ["a", "b", "c", "d", "e"]
    assert joined_stories(stories, digests, []) == stories
    assert joined_stories(stories, digests, [join_key("d", "b")]) == [0, 0, 1, 0, 3]
    # Joins chain: c with e, then e with a, puts c, e and the first story together.
    assert joined_stories(stories, digests, [("c", "e"), ("a", "e")]) == [0, 0, 0, 2, 0]
    # A join naming an article that is not open changes nothing.
    assert joined_stories(stories, digests, [("a", "zz")]) == stories
    assert join_key("b", "a") == join_key("a", "b") == ("a", "b")


def test_joining_the_beijing_seed_to_the_moscow_story_changes_marks_and_counts() -> None:
    articles = load_paths(seed_paths()).articles
    index = real_links(articles)
    beijing = next(n for n, a in enumerate(articles) if a.path.name.startswith(BEIJING))
    moscow = next(n for n in range(len(articles)) if n != beijing)
    assert index.stories[beijing] != index.stories[moscow]
    floor = 0.3
    crossing = [
        link for s in range(len(articles[beijing].sentences)) for link in index.links_for(beijing, s, floor)
        if link.cross_story
    ]
    assert crossing, "the Beijing article has weak look-alikes in the Moscow story"
    link = crossing[0]
    assert index.corroboration(beijing, link.source_sentence, floor) == 0

    joined = with_joins(index, [join_key(articles[beijing].digest, articles[moscow].digest)])
    assert joined is not index and joined.regrouped_by_hand
    assert len(set(joined.stories)) == 1
    assert joined.found_stories == tuple(index.stories)
    again = joined.links_for(beijing, link.source_sentence, floor)
    assert [(l.target, l.target_sentence, l.score) for l in again] == [
        (l.target, l.target_sentence, l.score) for l in index.links_for(beijing, link.source_sentence, floor)
    ]
    assert not any(l.cross_story for l in again)
    assert joined.corroboration(beijing, link.source_sentence, floor) >= 1
    # Within the Moscow story nothing changes.
    for s in range(len(articles[moscow].sentences)):
        assert joined.corroboration(moscow, s) == index.corroboration(moscow, s)
    # The index the matcher made is left as it was (the reader shares it).
    assert index.links_for(beijing, link.source_sentence, floor)[0].cross_story == link.cross_story
    assert not index.regrouped_by_hand
    # A join of two articles already in one story returns the index itself.
    other_moscow = next(n for n in range(len(articles)) if n not in (beijing, moscow))
    assert with_joins(index, [join_key(articles[moscow].digest, articles[other_moscow].digest)]) is index


def test_joins_are_saved_in_either_order_and_forgotten(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with open_state(path) as store:
        store.set_story_join("b" * 64, "a" * 64)
        store.set_story_join("a" * 64, "b" * 64)  # the same join
        store.set_story_join("c" * 64, "a" * 64)
    with open_state(path) as store:
        assert store.story_joins() == {("a" * 64, "b" * 64), ("a" * 64, "c" * 64)}
        store.set_story_join("b" * 64, "a" * 64, joined=False)
        assert store.story_joins() == {("a" * 64, "c" * 64)}
        with pytest.raises(ValueError):
            store.set_story_join("a" * 64, "a" * 64)


def test_a_state_file_of_the_first_schema_keeps_its_verdicts_and_gains_joins(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        INSERT INTO schema_version VALUES (1);
        CREATE TABLE articles (digest TEXT PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0
            CHECK (read IN (0, 1)), cursor INTEGER CHECK (cursor >= 0), updated REAL NOT NULL) WITHOUT ROWID;
        CREATE TABLE verdicts (source_digest TEXT NOT NULL, source_sentence INTEGER NOT NULL,
            target_digest TEXT NOT NULL, target_sentence INTEGER NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('confirm', 'reject')), updated REAL NOT NULL,
            PRIMARY KEY (source_digest, source_sentence, target_digest, target_sentence)) WITHOUT ROWID;
        INSERT INTO articles VALUES ('x', 1, 3, 0.0);
        INSERT INTO verdicts VALUES ('x', 1, 'y', 2, 'reject', 0.0);
        """
    )
    conn.commit()
    conn.close()
    with open_state(path) as store:
        assert store.messages == []
        assert store.read_digests() == {"x"}
        assert store.verdicts() == {("x", 1, "y", 2): "reject"}
        assert store.story_joins() == set()
        store.set_story_join("x", "y")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    assert conn.execute("SELECT first_digest, second_digest FROM story_joins").fetchall() == [("x", "y")]
    conn.close()
