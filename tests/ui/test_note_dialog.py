"""Pilot tests of the note dialog: create, edit, save, cancel, discard question, note mark."""

from __future__ import annotations

from textual.widgets import TextArea

from reader.ui.screens.confirm import Confirm
from reader.ui.screens.note_dialog import NoteDialog, shorten
from tests.ui.snapshot_apps import small_app
from tests.ui.test_annotate_helpers import SIZE, loaded, settle, stored, view


async def test_note_on_a_sentence_creates_a_highlight_and_shows_its_first_line():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "a")
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        assert "First sentence here." in str(dialog.query(".note-passage").first().render())
        await pilot.press(*"why", "enter", *"[b]second")
        await pilot.press("ctrl+s")
        assert app.screen is screen
        [note] = screen.session.annotations()
        assert note.note == "why\n[b]second" and note.tag is None
        assert "✎ why" in str(screen.status.description)
        # the note mark: a "note" span on the last word of the highlight
        marks = [s for s in view(app).highlights.spans if s.kind == "note"]
        assert [view(app).text[s.start : s.end] for s in marks] == ["here"]
        await settle(app)
        assert [a.note for a in stored(screen.record.key)] == ["why\n[b]second"]


async def test_note_edits_an_existing_highlight_and_undo_restores_it():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "2", "a", *"one", "ctrl+s")
        await pilot.press("a")
        assert app.screen.query_one(TextArea).text == "one"
        await pilot.press("backspace", "backspace", "backspace", *"two", "ctrl+s")
        [note] = screen.session.annotations()
        assert (note.tag, note.note) == ("Evidence", "two")
        await pilot.press("u")
        assert screen.session.annotations()[0].note == "one"


async def test_escape_without_edits_closes_and_with_edits_asks_first():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "a", "escape")
        assert app.screen is screen and screen.session.annotations() == []
        await pilot.press("a", *"draft", "escape")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # keep editing
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one(TextArea).text == "draft"
        await pilot.press("escape", "y")  # discard
        assert app.screen is screen
        assert screen.session.annotations() == []


def test_long_passages_are_shortened_in_the_middle():
    text = "word " * 400
    short = shorten(text, 100)
    assert len(short) <= 104 and " … " in short
    assert shorten("a\n\nb") == "a b"
