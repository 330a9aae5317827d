"""The library screen and reopening: counts, Enter opens, delete asks, position restored,
highlights re-anchored when the file changed."""

from __future__ import annotations

from textual.widgets import DataTable

from annotations.model import Annotation, Target
from annotations.store import Store
from reader.ingest import load
from reader.ui.annotating.screen import AnnotatingScreen
from reader.ui.app import make_app
from reader.ui.screens.confirm import Confirm
from reader.ui.screens.library import LibraryScreen
from tests.ui.test_annotate_helpers import SIZE, loaded, settle, stored, view, wait_until

ARTICLE = """A Test Article

The first paragraph talks about the weather. It was raining all day.

The second paragraph is about lunch. We had soup and bread.
"""


def no_analysis(_doc):
    from reader.document import Analysis

    return Analysis()


def write_article(path, text=ARTICLE):
    path.write_text(text)
    return path


def stored_article(path, highlight: str, note: str = ""):
    """Register ``path`` in the store with one highlight; returns (key, annotation)."""
    doc = load(str(path))
    with Store.open() as store:
        record = store.register_document(doc)
        start = doc.text.index(highlight)
        annotation = Annotation(
            record.key, Target.from_text(doc.text, start, start + len(highlight)), "Evidence", note
        )
        store.add(annotation)
    return record.key, annotation


async def table_rows(app, pilot) -> DataTable:
    table = app.screen.query_one(DataTable)
    await wait_until(pilot, lambda: table.row_count > 0)
    return table


async def test_library_at_start_lists_counts_and_enter_opens(tmp_path):
    path = write_article(tmp_path / "weather.txt")
    key, _ = stored_article(path, "It was raining all day.", "a note")
    app = make_app(load(str(path)), analyzer=no_analysis, start_in_library=True)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LibraryScreen)
        table = await table_rows(app, pilot)
        cells = [str(c) for c in table.get_row_at(0)]
        assert cells[0] == "A Test Article" and cells[2:4] == ["1", "1"]
        await pilot.press("enter")
        screen = await loaded(app, pilot)
        assert screen.record.key == key
        [note] = screen.session.annotations()
        assert view(app).highlights.at(note.start)


async def test_delete_asks_first(tmp_path):
    key, _ = stored_article(write_article(tmp_path / "a.txt"), "We had soup")
    app = make_app(load(str(tmp_path / "a.txt")), analyzer=no_analysis, start_in_library=True)
    async with app.run_test(size=SIZE) as pilot:
        await table_rows(app, pilot)
        await pilot.press("delete")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        with Store.open() as store:
            assert store.article(key) is not None
        await pilot.press("d", "y")
        await wait_until(pilot, lambda: app.screen.query_one(DataTable).row_count == 0)
        with Store.open() as store:
            assert store.article(key) is None


async def test_L_opens_the_library_over_the_article_and_escape_returns(tmp_path):
    write_article(tmp_path / "a.txt")
    app = make_app(load(str(tmp_path / "a.txt")), analyzer=no_analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("L")
        assert isinstance(app.screen, LibraryScreen)
        table = await table_rows(app, pilot)
        assert table.row_count == 1
        await pilot.press("question_mark")  # help about the library, not the reading keys
        help_text = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Enter opens one where you left off" in help_text and "library.delete" in help_text
        assert "Next word" not in help_text
        await pilot.press("escape", "escape")
        assert app.screen is screen


async def test_library_opens_another_article(tmp_path):
    write_article(tmp_path / "a.txt")
    other = write_article(tmp_path / "b.txt", ARTICLE.replace("A Test Article", "Another Article"))
    key, _ = stored_article(other, "We had soup")
    app = make_app(load(str(tmp_path / "a.txt")), analyzer=no_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("L")
        table = await table_rows(app, pilot)
        await wait_until(pilot, lambda: table.row_count == 2)
        titles = [str(table.get_row_at(i)[0]) for i in range(2)]
        table.move_cursor(row=titles.index("Another Article"))
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, AnnotatingScreen)
                and app.screen.record is not None
                and app.screen.record.key == key
            ),
        )
        assert len(app.screen_stack) == 1


async def test_reopen_restores_position_and_reanchors_changed_text(tmp_path):
    path = write_article(tmp_path / "a.txt")
    app = make_app(load(str(path)), analyzer=no_analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        text = view(app).text
        view(app).jump_to(text.index("We had soup"))
        await pilot.press("2")
        position = view(app).cursor
        key = screen.record.key
    await settle(app)
    with Store.open() as store:
        assert store.article(key).position == position
    # the file changes: a paragraph is inserted before the highlight
    path.write_text(ARTICLE.replace("The second", "An inserted paragraph here.\n\nThe second"))
    app = make_app(load(str(path)), analyzer=no_analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        text = view(app).text
        [note] = screen.session.annotations()
        assert text[note.start : note.end] == "We had soup and bread."
        assert view(app).highlights.at(note.start)
        assert view(app).cursor == position  # the saved offset
    assert [a.start for a in stored(key)] == [note.start]


async def test_at_offset_wins_over_the_saved_position(tmp_path):
    path = write_article(tmp_path / "a.txt")
    doc = load(str(path))
    with Store.open() as store:
        record = store.register_document(doc)
        store.set_position(record.key, 60)
    app = make_app(doc, analyzer=no_analysis, at=20)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        assert view(app).cursor == 20


def test_cli_refuses_a_negative_at_offset(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    path = write_article(tmp_path / "a.txt")
    result = subprocess.run(
        [sys.executable, "main.py", str(path), "--at=-3"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "gloss: --at must be an offset of 0 or more"


async def test_a_drifted_highlight_says_so_in_the_status_line(tmp_path):
    path = write_article(tmp_path / "a.txt")
    stored_article(path, "The second paragraph is about lunch. We had soup and bread.")
    path.write_text(ARTICLE.replace("We had soup and bread.", "We had a soup and some bread."))
    app = make_app(load(str(path)), analyzer=no_analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        [note] = screen.session.annotations()
        assert note.status == "drifted"
        view(app).jump_to(note.start)
        await pilot.pause()
        assert "Evidence (the text changed here)" in str(screen.status.description)
