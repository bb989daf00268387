"""The packed link store gives back exactly the links it was given, however it travels."""

from __future__ import annotations

import marshal
import pickle

import pytest

from tui.engine.link_store import LinkStore
from tui.engine.loader import load_paths
from tui.engine.matcher import KEEP_FLOOR, LinkIndex, build_index
from tui.engine.models import Link
from tui.engine.seeds import seed_dir


@pytest.fixture(scope="module")
def index() -> LinkIndex:
    return build_index(load_paths([seed_dir()]).articles)


def _every_link(links: LinkStore | dict[tuple[int, int], list[Link]]) -> dict[tuple[int, int], list[Link]]:
    return {key: list(links[key]) for key in links}


def test_the_seeds_links_survive_the_cache_format_and_pickling(index: LinkIndex) -> None:
    original = _every_link(index.store)
    assert sum(len(links) for links in original.values()) == index.store.link_count > 100
    assert any(link.evidence.source_spans for links in original.values() for link in links)
    assert any(link.discrepancies for links in original.values() for link in links)
    from_cache = LinkStore.from_plain(marshal.loads(marshal.dumps(index.store.to_plain())))
    assert _every_link(from_cache) == original
    assert _every_link(pickle.loads(pickle.dumps(index.store))) == original
    assert _every_link(LinkStore.from_links(original)) == original


def test_lookups_without_links_are_empty_not_errors(index: LinkIndex) -> None:
    store = index.store
    assert (999, 0) not in store and store.get((999, 0)) is None
    assert list(store.targets(999, 0)) == []
    assert index.links_for(999, 0) == []


def test_targets_and_corroboration_agree_with_the_full_links(index: LinkIndex) -> None:
    for article, sentence in index.store:
        links = index.links_for(article, sentence, KEEP_FLOOR)
        assert [(l.target, l.score, l.cross_story) for l in links] == list(index.store.targets(article, sentence))
        own = index.sources[article]
        for floor in (KEEP_FLOOR, index.threshold):
            expected = {
                index.sources[l.target]
                for l in links
                if l.score >= floor and not l.cross_story and index.sources[l.target] != own
            }
            assert index.corroboration(article, sentence, floor) == len(expected)


def test_a_damaged_store_is_refused(index: LinkIndex) -> None:
    plain = list(index.store.to_plain())
    truncated = plain.copy()
    truncated[3] = truncated[3][:-4]  # one target fewer than scores
    odd = plain.copy()
    odd[5] = odd[5][:-3]  # not a whole number of scores
    other_layout = plain.copy()
    other_layout[0] = 999
    for damaged in (truncated, odd, other_layout, plain[:5]):
        with pytest.raises(ValueError):
            LinkStore.from_plain(tuple(damaged))
