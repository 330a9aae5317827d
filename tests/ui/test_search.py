"""Incremental search: matching, the search bar, n/N, Esc."""

from __future__ import annotations

from reader.ui.search import SearchBar, SearchResults, find_matches
from tests.ui.snapshot_apps import small_app
from tests.ui.test_annotate_helpers import SIZE, loaded, view


def test_find_matches_is_literal_and_case_insensitive():
    text = "Ann Lee met ann. [a] (a) a.b"
    assert find_matches(text, "ann") == [(0, 3), (12, 15)]
    assert find_matches(text, "[a]") == [(17, 20)]
    assert find_matches(text, "a.b") == [(25, 28)]
    assert find_matches(text, "") == []
    assert len(find_matches("a" * 50, "a", limit=10)) == 10


def test_results_step_and_wrap():
    results = SearchResults("x", [(5, 6), (10, 11), (20, 21)])
    assert results.first_from(7) == (10, 11)
    assert results.next_after(10) == (20, 21)
    assert results.next_after(20) == (5, 6)  # wraps
    assert results.previous_before(5) == (20, 21)
    assert results.position(10) == 2
    assert results.count_text() == "3 matches"


async def test_typing_finds_incrementally_and_enter_keeps_matches_for_n():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        text = view(app).text
        await pilot.press("slash")
        assert isinstance(app.focused, SearchBar)
        await pilot.press("a", "n")
        assert len(screen.search_results.matches) > 2
        await pilot.press("n", " ", "l")
        starts = [s for s, _ in screen.search_results.matches]
        assert [text[s : s + 6] for s in starts] == ["Ann Le", "Ann Le"]
        assert view(app).cursor == starts[0]
        assert view(app)._search_index  # drawn
        assert "1/2 matches" in screen.status.position and not screen.status.busy
        await pilot.press("enter")
        assert not screen.query(SearchBar) and app.focused is view(app)
        await pilot.press("n")
        assert view(app).cursor == starts[1]
        await pilot.press("n")
        assert view(app).cursor == starts[0]  # wraps
        await pilot.press("N")
        assert view(app).cursor == starts[1]
        assert screen.status.position.startswith("2/2 matches")


async def test_escape_clears_matches_and_returns_the_cursor():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        before = view(app).cursor
        await pilot.press("slash", *"end")
        assert view(app).cursor != before
        await pilot.press("escape")
        assert view(app).cursor == before
        assert not screen.search_results and not view(app)._search_index
        await pilot.press("slash", *"zzzq")
        assert "no match" in screen.status.position


async def test_the_search_bar_shows_above_the_status_line_not_under_the_footer():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("slash", "a")
        await pilot.pause()
        bar = screen.query_one(SearchBar).region
        footer = screen.query_one("Footer").region
        assert bar.height == 1 and not bar.overlaps(footer)
        assert bar.bottom == screen.status.region.y  # the row just above the status line
