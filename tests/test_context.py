"""The context features: neighbouring facts linked in the same order support a pair."""

from tui.engine.context import PairContext, rescore

SIZES = [5, 5]


def _raw(*pairs: tuple[int, int, int, int, float]) -> dict:
    raw: dict = {}
    for a, s, b, t, score in pairs:
        raw.setdefault((a, s), []).append((score, b, t, None))
    return raw


def test_a_linked_neighbour_on_the_diagonal_supports_a_weak_pair() -> None:
    context = PairContext(_raw((0, 2, 1, 2, 0.2), (0, 1, 1, 1, 0.9)), SIZES)
    assert context.vector(0, 2, 1, 2, 0.2)[1] == 0.9


def test_a_neighbour_linked_in_the_opposite_order_does_not() -> None:
    # Sentence 1 before 2 in article 0, but its partner comes after 2's in article 1.
    context = PairContext(_raw((0, 2, 1, 2, 0.2), (0, 1, 1, 4, 0.9)), SIZES)
    assert context.vector(0, 2, 1, 2, 0.2)[1] == 0.0


def test_mutual_best_partners_are_marked_and_others_not() -> None:
    raw = _raw((0, 0, 1, 0, 0.6), (1, 0, 0, 0, 0.6), (0, 0, 1, 3, 0.3), (1, 3, 0, 0, 0.3), (1, 3, 0, 4, 0.8))
    context = PairContext(raw, SIZES)
    assert context.vector(0, 0, 1, 0, 0.6)[2] == 1.0
    assert context.vector(0, 0, 1, 3, 0.3)[2] == 0.0


def test_rescoring_drops_what_falls_under_the_floor() -> None:
    raw = _raw((0, 0, 1, 0, 0.6), (0, 1, 1, 1, 0.05))
    rescore(raw, SIZES, floor=0.1, model=lambda vector: 1 / (1 + 2.718281828 ** -vector[0]))
    assert list(raw) == [(0, 0)]
    assert abs(raw[(0, 0)][0][0] - 0.6) < 1e-6
