"""Stories the reader joined by hand.

The matcher groups articles into stories from the facts they share and agree on
(`tui.engine.stories`). Short reports of one event often share too few such facts,
and then come out as two stories: the gutter does not count the other article as a
source and the sidebar marks its matches "other story". The reader can say that two
articles report one event (J on a match); the join is kept with the
other saved state, by the two articles' content digests, and applied on top of the
matcher's grouping whenever both articles are open.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.engine.link_index import LinkIndex

#: Two article digests, in sorted order: a join does not depend on which side it was
#: made from.
StoryJoin = tuple[str, str]


def join_key(digest: str, other: str) -> StoryJoin:
    """The key a join of the two articles' stories is saved under."""
    return (digest, other) if digest <= other else (other, digest)


def joined_stories(stories: Sequence[int], digests: Sequence[str], joins: Iterable[StoryJoin]) -> list[int]:
    """The story id of each article once ``joins`` are applied to the matcher's ``stories``.

    Each join whose two articles are both among ``digests`` puts their stories into one;
    a joined story takes the smallest id among those it unites, so the stories the user
    did not touch keep their ids. Joins of articles that are not open are ignored.
    """
    position = {digest: number for number, digest in enumerate(digests)}
    parent: dict[int, int] = {}

    def root(story: int) -> int:
        while story in parent:
            story = parent[story]
        return story

    for first, second in joins:
        if first in position and second in position:
            a, b = root(stories[position[first]]), root(stories[position[second]])
            if a != b:
                parent[max(a, b)] = min(a, b)
    return [root(story) for story in stories]


def with_joins(index: LinkIndex, joins: Iterable[StoryJoin]) -> LinkIndex:
    """``index`` with ``joins`` applied to the matcher's stories (itself when none apply)."""
    stories = joined_stories(index.found_stories, [article.digest for article in index.articles], joins)
    return index if tuple(stories) == tuple(index.stories) else index.regrouped(stories)
