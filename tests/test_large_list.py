"""The article list on a few hundred generated articles: real keys, no timing.

The list draws only the rows on screen (``LazyRow``); these check that what it draws
and where the keys take the highlight stay right with many rows, before and after the
articles are grouped by story.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tui.app import CrossreadApp, make_app
from tui.engine.matcher import LinkIndex, Progress
from tui.engine.models import Article
from tui.screens.main import MainScreen
from tui.widgets.article_list import UNREAD_MARK, ArticleList, article_prompt
from tui.widgets.reading_pane import ReadingPane

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.make_corpus import make_corpus  # noqa: E402

COUNT = 300
STORIES = 12


def by_story(articles: Sequence[Article], progress: Callable[[Progress], None] | None = None) -> LinkIndex:
    """No links; article n in story n % STORIES, each its own source."""
    return LinkIndex(articles, {}, [n % STORIES for n in range(len(articles))], list(range(len(articles))))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus(COUNT, folder, seed=4)
    return folder


async def ready(app: CrossreadApp, pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def drawn_text(listing: ArticleList) -> str:
    return "\n".join(
        "".join(segment.text for segment in listing.render_line(y))
        for y in range(listing.scrollable_content_region.height)
    )


async def test_keys_walk_a_list_of_hundreds_grouped_by_story(corpus: Path) -> None:
    app = make_app([corpus], matcher=by_story, isolate=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.index is not None
        listing = screen.query_one(ArticleList)
        shown = listing.shown_articles
        assert sorted(shown) == list(range(COUNT))
        # Grouped: every story's articles together, a header above each.
        assert [n % STORIES for n in shown] == sorted(n % STORIES for n in shown)
        assert sum(1 for option in listing.options if (option.id or "").startswith("story-")) == STORIES
        listing.focus()
        await pilot.press("home")
        assert listing.highlighted_article == shown[0]
        await pilot.press("j", "j", "j", "down", "k")
        assert listing.highlighted_article == shown[3]
        assert screen.location is not None and screen.location.article == shown[3]
        await pilot.press("end")
        assert listing.highlighted_article == shown[-1]
        # The last rows are drawn, their titles as text, not markup.
        title = article_prompt(screen.articles[shown[-1]], "en", listing._title_width)
        assert str(title).splitlines()[0][:10] in drawn_text(listing)
        await pilot.press("pageup", "pageup")
        after_pages = listing.highlighted_article
        assert after_pages is not None and shown.index(after_pages) < len(shown) - 1
        await pilot.press("pagedown")
        assert shown.index(listing.highlighted_article) > shown.index(after_pages)
        # Enter reads it: marked read, and the reading pane takes the keys.
        await pilot.press("home", "j", "enter")
        read = shown[1]
        assert screen.location is not None and screen.location.article == read
        assert isinstance(app.focused, ReadingPane)
        assert screen.articles[read].digest in screen.read
        assert not str(listing.get_option(f"article-{read}").prompt).startswith(UNREAD_MARK)
        await pilot.press("j")
        assert screen.location.article == read and screen.location.sentence == 1
        await pilot.press("shift+tab")
        assert app.focused is listing and listing.highlighted_article == read
        # m marks it unread again; n finds the next unread (the one below).
        await pilot.press("m")
        assert screen.articles[read].digest not in screen.read
        assert str(listing.get_option(f"article-{read}").prompt).startswith(UNREAD_MARK)
        await pilot.press("n")
        assert listing.highlighted_article == shown[2]


async def test_a_click_reads_the_row_under_the_mouse(corpus: Path) -> None:
    app = make_app([corpus], matcher=by_story, isolate=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        listing = screen.query_one(ArticleList)
        shown = listing.shown_articles
        # Row 0 is the first story's header; its first article starts on line 1.
        await pilot.click(ArticleList, offset=(5, 2))
        await pilot.pause()
        assert screen.location is not None and screen.location.article == shown[0]
        assert screen.articles[shown[0]].digest in screen.read


@pytest.mark.parametrize("width", [12, 20, 31, 44, 60, 90])
def test_a_row_is_measured_as_tall_as_it_is_drawn(width: int) -> None:
    """Rows are measured without being built; the measure must agree with the drawn row."""
    import datetime as dt

    from textual.css.styles import RulesMap

    from views_support import make_article, seed_articles
    from tui.widgets.article_list import article_height, article_parts

    made = [
        make_article(["A sentence."], title="Kort", outlet="NRK", language="nb", date=dt.date(2023, 3, 21)),
        make_article(["Ein setning."], title="Xi 習近平 møter Putin i Moskva " * 3, outlet="Asahi 朝日新聞"),
        make_article(["One."], title="x" * 70, outlet="A very long outlet name indeed, Ltd.", language=None),
    ]
    measured = 0
    for article in [*seed_articles(), *made]:
        parts = article_parts(article)
        total = len(article.sentences)
        for read, corroborated in ((False, None), (True, total), (None, 0)):
            height = article_height(parts, total, corroborated, width, mark=read is not None)
            if height is None:
                continue
            prompt = article_prompt(article, "en", width, read=read, corroborated=corroborated, parts=parts)
            assert height == prompt.get_height(RulesMap(), width), (article.title, width, read)
            measured += 1
    assert measured, "some rows must be measurable at every width tried"
