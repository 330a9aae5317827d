"""The tag manager: open from the palette action, add, rename, recolour, re-key."""

from __future__ import annotations

from textual.widgets import DataTable

from annotations.store import Store
from reader.ui.screens.tag_manager import Prompt, TagManager
from tests.ui.snapshot_apps import small_app
from tests.ui.test_annotate_helpers import SIZE, loaded, wait_until


def tags():
    with Store.open() as store:
        return [(t.name, t.key, t.colour) for t in store.tags()]


def shown(manager: TagManager) -> list[tuple[str, str | None]]:
    """The (name, key) pairs the tag manager lists."""
    return [(t.name, t.key) for t in manager.tags]


async def answer(pilot, app, text: str) -> None:
    assert isinstance(app.screen, Prompt)
    app.screen.query_one("Input").value = text
    await pilot.press("enter")


async def test_tag_manager_edits_tags_and_the_view_follows():
    app = small_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "2")
        await pilot.press("ctrl+t")
        manager = app.screen
        assert isinstance(manager, TagManager)
        table = manager.query_one(DataTable)
        await wait_until(pilot, lambda: table.row_count == 5)
        [_key, name, colour] = [column.get_render_width(table) for column in table.columns.values()]
        assert name > len("Follow up") and colour > len("#e5c07b")  # names are not cut to "Foll"
        await pilot.press("a")
        await answer(pilot, app, "Method")
        await wait_until(pilot, lambda: shown(manager) == [t[:2] for t in tags()] and table.row_count == 6)
        table.move_cursor(row=[t[0] for t in tags()].index("Method"))
        await pilot.press("k")
        await answer(pilot, app, "6")
        await wait_until(pilot, lambda: ("Method", "6") in shown(manager))
        table.move_cursor(row=1)  # Evidence
        await pilot.press("r")
        await answer(pilot, app, "Proof")
        await wait_until(pilot, lambda: ("Proof", "2") in shown(manager))
        table.move_cursor(row=1)
        await pilot.press("c")
        await answer(pilot, app, "#123456")
        await wait_until(pilot, lambda: ("Proof", "2", "#123456") in tags())
        await wait_until(pilot, lambda: manager.tags[1].colour == "#123456")
        await pilot.press("k")
        await answer(pilot, app, "1")  # taken by Key point: refused, nothing changes
        await wait_until(pilot, lambda: any("already used" in str(n.message) for n in app._notifications))
        assert ("Proof", "2", "#123456") in tags()
        await pilot.press("escape")
        assert app.screen is screen
        # the highlight follows the rename and the new colour; key 6 now tags
        await wait_until(
            pilot,
            lambda: (
                screen.session.annotations()[0].tag == "Proof"
                and screen.session.colours()[screen.session.group("Proof")].startswith("#123456")
            ),
        )
        await pilot.press("right_parenthesis", "6")
        assert [a.tag for a in screen.session.annotations()] == ["Proof", "Method"]


async def test_palette_tags_by_name_even_without_a_key():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        with Store.open() as store:
            store.add_tag("Unkeyed [b]x[/b]")
        screen.reload_annotations()  # what the tag manager does after a change
        await wait_until(pilot, lambda: screen.session.tag("Unkeyed [b]x[/b]") is not None)
        await pilot.press("right_curly_bracket", "ctrl+p")
        await pilot.pause()
        app.screen.query_one("Input").value = "Tag as Unkeyed"
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert [a.tag for a in screen.session.annotations()] == ["Unkeyed [b]x[/b]"]
