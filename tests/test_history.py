"""Back/forward behaves like a browser's, so readers can retrace jumps between articles."""

from tui.history import History, Location


def test_new_history_has_nowhere_to_go() -> None:
    history: History[Location] = History()
    assert history.current is None
    assert history.back() is None
    assert history.forward() is None


def test_back_and_forward_retrace_jumps() -> None:
    history: History[Location] = History()
    history.visit(Location(0, 3))
    history.visit(Location(2, 7))
    history.visit(Location(4, 1))
    assert history.back() == Location(2, 7)
    assert history.back() == Location(0, 3)
    assert history.back() is None
    assert history.forward() == Location(2, 7)
    assert history.forward() == Location(4, 1)
    assert history.forward() is None


def test_a_new_jump_drops_the_forward_trail() -> None:
    history: History[Location] = History()
    for place in (Location(0, 0), Location(1, 0), Location(2, 0)):
        history.visit(place)
    history.back()
    history.back()
    history.visit(Location(3, 5))
    assert not history.can_go_forward
    assert history.back() == Location(0, 0)


def test_cursor_moves_update_the_place_you_come_back_to() -> None:
    history: History[Location] = History()
    history.visit(Location(0, 0))
    history.update(Location(0, 9))
    history.visit(Location(1, 4))
    assert history.back() == Location(0, 9)
    assert len(history) == 2


def test_visiting_the_current_place_adds_no_step() -> None:
    history: History[Location] = History()
    history.visit(Location(0, 0))
    history.visit(Location(0, 0))
    assert not history.can_go_back


def test_history_is_bounded() -> None:
    history: History[int] = History(limit=3)
    for n in range(10):
        history.visit(n)
    assert len(history) == 3
    assert history.back() == 8
    assert history.back() == 7
    assert history.back() is None
