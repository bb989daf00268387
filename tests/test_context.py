"""The context features: mutual best partners, articles that agree, similar places."""

from tui.engine.context import PairContext, calibrate

SIZES = [5, 5]
LANGUAGES = ["nb", "en"]


def _raw(*pairs: tuple[int, int, int, int, float]) -> dict:
    raw: dict = {}
    for a, s, b, t, score in pairs:
        raw.setdefault((a, s), []).append((score, b, t, None))
    return raw


def test_mutual_best_partners_are_marked_and_others_not() -> None:
    raw = _raw((0, 0, 1, 0, 0.6), (1, 0, 0, 0, 0.6), (0, 0, 1, 3, 0.3), (1, 3, 0, 0, 0.3), (1, 3, 0, 4, 0.8))
    context = PairContext(raw, SIZES, LANGUAGES)
    assert context.vector(0, 0, 1, 0, 0.6)[1] == 1.0
    assert context.vector(0, 0, 1, 3, 0.3)[1] == 0.0


def test_articles_sharing_many_strong_links_agree_and_far_places_do_not() -> None:
    raw = _raw(*[(0, i, 1, i, 0.8) for i in range(5)], (0, 0, 1, 4, 0.3))
    context = PairContext(raw, SIZES, LANGUAGES)
    near = context.vector(0, 0, 1, 0, 0.8)
    far = context.vector(0, 0, 1, 4, 0.3)
    assert near[2] == far[2] == 1.0
    assert (near[3], far[3]) == (0.0, 1.0)


def test_agreement_grows_with_the_share_of_strong_links_before_it_is_full() -> None:
    """Two articles with strong links on two of five sentences agree less than two
    with links on all five: a loose rewrite is not a close one."""

    def agreement(linked: int) -> float:
        raw = _raw(*[(0, i, 1, i, 0.8) for i in range(linked)], *[(1, i, 0, i, 0.8) for i in range(linked)])
        return PairContext(raw, SIZES, LANGUAGES).vector(0, 0, 1, 0, 0.8)[2]

    assert 0.0 < agreement(2) < agreement(5) == 1.0


def test_mutual_best_counts_with_agreement_and_unequal_lengths_are_seen() -> None:
    """Mutual best partners vouch for a pair as far as their articles agree; the
    articles' difference in length is an input of its own."""
    strong = [(0, i, 1, i, 0.8) for i in range(1, 5)] + [(1, i, 0, i, 0.8) for i in range(1, 5)]
    raw = _raw((0, 0, 1, 0, 0.3), (1, 0, 0, 0, 0.3), *strong)
    agreeing = PairContext(raw, SIZES, LANGUAGES).vector(0, 0, 1, 0, 0.3)
    loose_raw = _raw((0, 0, 1, 0, 0.3), (1, 0, 0, 0, 0.3), (0, 1, 1, 1, 0.8))
    loose = PairContext(loose_raw, SIZES, LANGUAGES).vector(0, 0, 1, 0, 0.3)
    assert agreeing[1] == loose[1] == 1.0
    assert agreeing[5] == 1.0 and 0.0 < loose[5] < agreeing[5]
    assert agreeing[4] == 0.0
    assert PairContext(raw, [5, 20], LANGUAGES).vector(0, 0, 1, 0, 0.3)[4] > 1.0


def test_a_pair_in_one_language_is_told_from_one_across_languages() -> None:
    """Two reports written apart in one language (AFP, CNN) order their facts unlike
    each other, so place says nothing there: the same far-apart pair is doubted for
    its place between a Norwegian and an English article, not between two English
    ones. (The pair here is no mutual best pair, so only place and language differ.)"""
    raw = _raw((0, 0, 1, 4, 0.6), (1, 4, 0, 2, 0.7), (0, 2, 1, 4, 0.7))
    across = PairContext(raw, SIZES, LANGUAGES).vector(0, 0, 1, 4, 0.6)
    within = PairContext(raw, SIZES, ["en", "en"]).vector(0, 0, 1, 4, 0.6)
    assert across[:3] == within[:3] and across[4:7] == within[4:7]
    assert across[3] == 1.0 and within[3] == 0.0
    assert across[7:] == (0.0, 0.0) and within[7:] == (1.0, 0.0)
    assert calibrate(within) > calibrate(across)


#: A Norwegian report and an English one of the same grounding, written for this test,
#: the English telling it in the reverse order (real outlets order facts their own way).
FERRY_NB = """Fergen Nordlys gikk på grunn utenfor Ålesund natt til søndag med 212 passasjerer om bord.

Alle passasjerene ble evakuert til land med livbåter.

Ingen ble alvorlig skadd, opplyser politiet.

Rederiet sier at skipet vil bli tauet til verftet i Kristiansund.

Fergen ble bygget i 1998 og har gått i fast rute langs kysten siden.
"""
FERRY_EN = """The ferry Nordlys was built in 1998 and has sailed a regular coastal route since then.

The shipping company said the vessel would be towed to the shipyard in Kristiansund.

Nobody was seriously injured, police said.

All passengers were evacuated ashore in lifeboats.

The ferry Nordlys ran aground off Alesund early on Sunday with 212 passengers on board.
"""


def test_a_fact_told_at_the_other_end_of_an_article_in_another_language_is_still_shown(tmp_path) -> None:
    """Position is a hint, not a verdict: the English tells the grounding backwards, and
    every Norwegian sentence still shows its counterpart at the default threshold
    (the last one, "built in 1998" against the English opening, fell under it while
    the second look trusted position fully across languages)."""
    from tui.engine.loader import load_paths
    from tui.engine.matcher import DEFAULT_THRESHOLD, build_index

    (tmp_path / "01_nb_ferje.txt").write_text(FERRY_NB, encoding="utf-8")
    (tmp_path / "02_en_ferry.txt").write_text(FERRY_EN, encoding="utf-8")
    articles = load_paths([tmp_path]).articles
    index = build_index(articles)
    count = articles[0].sentence_count
    shown = {s: [link.target_sentence for link in index.links_for(0, s, DEFAULT_THRESHOLD)] for s in range(count)}
    assert shown == {s: [count - 1 - s] for s in range(count)}
