"""Pilot tests of annotating: tag keys, selection, remove, undo/redo, jumps, copy, export."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Input

from annotations.store import Store
from reader.ui.annotating.start import start_writer
from reader.ui.widgets.article_view import ArticleView
from tests.ui.snapshot_apps import seed_app, small_app
from tests.ui.test_annotate_helpers import SIZE, loaded, settle, stored, view, wait_until


async def test_tag_key_without_selection_tags_the_sentence_and_saves():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "2")
        [note] = screen.session.annotations()
        assert note.tag == "Evidence"
        assert note.exact == "First sentence here."
        # drawn at once, in the Evidence colour group
        [span] = view(app).highlights.at(note.start)
        assert span.group == screen.session.group("Evidence")
        await settle(app)
        assert [(a.id, a.tag) for a in stored(screen.record.key)] == [(note.id, "Evidence")]


async def test_same_tag_removes_the_highlight_and_another_tag_replaces_it():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "1")
        assert [a.tag for a in screen.session.annotations()] == ["Key point"]
        await pilot.press("3")
        assert [a.tag for a in screen.session.annotations()] == ["Question"]
        await pilot.press("3")
        assert screen.session.annotations() == []
        assert not view(app).highlights
        await settle(app)
        assert stored(screen.record.key) == []


async def test_selection_with_v_and_shift_arrows_is_tagged():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "v", "w", "w")
        await pilot.press("4")
        [note] = screen.session.annotations()
        assert note.exact == "First sentence"  # two words, without the space after them
        assert view(app).selection is None  # tagging ends the selection
        await pilot.press("right_parenthesis", "shift+right", "shift+right", "shift+right", "5")
        assert [a.exact for a in screen.session.annotations()][1] == "Sec"
        await pilot.press("right_parenthesis", "v", "right_parenthesis", "3")
        assert screen.session.annotations()[2].exact == "Third one."  # a sentence, nothing after it


async def test_mouse_drag_selects_and_double_click_selects_a_word():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        article = view(app)
        line = article.layout_table.line_of(article.text.index("First sentence"))
        left = (article.size.width - article.layout_table.width) // 2
        await pilot.mouse_down(ArticleView, offset=(left + 0, line))
        await pilot.hover(ArticleView, offset=(left + 14, line))
        await pilot.mouse_up(ArticleView, offset=(left + 14, line))
        await pilot.pause()
        start, end = article.selection
        assert article.text[start:end].startswith("First sentence")
        await pilot.press("2")
        assert app.screen.session.annotations()[0].exact.startswith("First sentence")
        await pilot.click(ArticleView, offset=(left + 7, line), times=2)
        await pilot.pause()
        start, end = article.selection
        assert article.text[start:end] == "sentence"


async def test_overlapping_highlights_keep_both_and_the_inner_one_wins_under_the_cursor():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "1")  # the whole first sentence
        await pilot.press("w", "v", "w", "2")  # "sentence h" inside it
        outer, inner = sorted(screen.session.annotations(), key=lambda a: a.start)
        assert outer.tag == "Key point" and inner.tag == "Evidence"
        assert screen.session.at(inner.start + 1).id == inner.id
        assert screen.session.at(outer.start).id == outer.id
        # both are painted; the inner highlight is painted last (on top)
        spans = view(app).highlights.overlapping(outer.start, outer.end)
        assert [s.ref for s in spans] == [outer.id, inner.id]


async def test_remove_undo_redo_also_after_the_save():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        key = screen.record.key
        await pilot.press("right_curly_bracket", "2")
        await settle(app)
        [note] = stored(key)
        await pilot.press("x")
        assert screen.session.annotations() == []
        await settle(app)
        assert stored(key) == []
        await pilot.press("u")  # back from the store's point of view too
        assert [a.id for a in screen.session.annotations()] == [note.id]
        await settle(app)
        assert [a.id for a in stored(key)] == [note.id]
        await pilot.press("ctrl+r")
        await settle(app)
        assert stored(key) == []
        await pilot.press("u", "u")  # undo the remove, then undo the tag
        await settle(app)
        assert stored(key) == [] and screen.session.annotations() == []
        await pilot.press("ctrl+r", "ctrl+r")
        assert screen.session.annotations() == []  # redo: added, then removed again


async def test_undo_of_a_retag_restores_the_old_tag():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "1", "2")
        assert [a.tag for a in screen.session.annotations()] == ["Evidence"]
        await pilot.press("u")
        assert [a.tag for a in screen.session.annotations()] == ["Key point"]
        await settle(app)
        assert [a.tag for a in stored(screen.record.key)] == ["Key point"]


async def test_jump_between_highlights():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        text = view(app).text
        await pilot.press("right_curly_bracket", "1", "right_parenthesis", "right_parenthesis", "3")
        first, second = (a.start for a in screen.session.annotations())
        await pilot.press("g", "greater_than_sign")
        assert view(app).cursor == first
        await pilot.press("greater_than_sign")
        assert view(app).cursor == second
        await pilot.press("less_than_sign")
        assert view(app).cursor == first
        assert text[second:].startswith("Third one.")


async def test_unbound_tag_key_says_so():
    app = small_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "9")
        assert screen.session.annotations() == []
        assert any("No tag on key 9" in str(n.message) for n in app._notifications)


async def test_copy_plain_and_markdown_quote_with_speaker():
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("y")
        assert app.clipboard == ""  # nothing selected, no highlight: nothing copied
        text = view(app).text
        start = text.index("We have decades")
        view(app).select(start, start + len("We have decades"))
        await pilot.press("y")
        assert app.clipboard == "We have decades"
        await pilot.press("Y")
        assert app.clipboard.startswith("> We have decades\n>\n> — Ethan Nadelmann, *")
        view(app).clear_selection()
        view(app).jump_to(start)
        await pilot.press("2", "y")  # the highlight under the cursor
        [note] = screen.session.annotations()
        assert app.clipboard == " ".join(note.exact.split())


async def test_export_writes_markdown_and_says_where(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = small_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "2", "ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        path = screen.exported
        assert path.parent == tmp_path and path.suffix == ".md"
        assert "First sentence here." in path.read_text()
        assert any(str(path) in str(n.message) for n in app._notifications)


async def test_export_goes_to_the_configured_export_dir(tmp_path, monkeypatch):
    from reader.ui.config import load_config

    monkeypatch.chdir(tmp_path)
    config_file = tmp_path / "gloss.toml"
    config_file.write_text('export_dir = "notes/out"\n')
    app = small_app(config=load_config(config_file))
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "2", "ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.exported.parent == Path("notes/out")
        assert (tmp_path / "notes" / "out" / screen.exported.name).is_file()


async def test_every_annotation_action_is_in_the_palette_and_help():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette_input = app.screen.query_one(Input)
        for query in ("Manage tags", "Undo", "Export notes", "Library", "Notes tab", "Find"):
            palette_input.value = query
            await pilot.pause(0.3)
            assert query in app.screen.query_one("CommandList").get_option_at_index(0).prompt.plain
        await pilot.press("escape")
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        for words in (
            "Tag: Evidence",
            "Note",
            "Undo",
            "Redo",
            "Next highlight",
            "Find",
            "Copy as Markdown quote",
        ):
            assert words in help_text
        assert "Tag 2" not in help_text and "Tag 9" not in help_text  # keys without a tag are left out
        # grouped: motions under their heading, tags under "Annotating", Textual's keys last
        order = [
            help_text.index(w)
            for w in ("Reading and selecting", "Next word", "\nAnnotating\n", "Tag: Evidence")
        ]
        assert order == sorted(order) and help_text.index("\nApp\n") > order[-1]
        assert "annotate.tag_2" in help_text  # the id a config [keymap] remaps it by


async def test_the_palette_names_tags_once_by_their_name():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        app.screen.query_one(Input).value = "tag"
        await pilot.pause(0.3)
        command_list = app.screen.query_one("CommandList")
        prompts = [
            command_list.get_option_at_index(i).prompt.plain.split("\n")[0]
            for i in range(command_list.option_count)
        ]
        assert "Tag as Evidence" in prompts
        assert not any(prompt.startswith("Tag ") and prompt[4:5].isdigit() for prompt in prompts)


@pytest.mark.parametrize("width", [60, 80, 100])
async def test_the_footer_shows_help_and_quit_at_every_width(width):
    app = small_app()
    async with app.run_test(size=(width, 32)) as pilot:
        await loaded(app, pilot)
        await pilot.pause()
        keys = app.screen.query("FooterKey")
        shown = {key.description: key.region for key in keys if key.region.width}
        palette = [key.region for key in keys if key.has_class("-command-palette")]
        for description in ("Help", "Quit", "Note", "Find"):
            assert shown[description].right <= (palette[0].x if palette else width)


async def test_a_failing_store_keeps_changes_in_memory_and_saves_them_when_it_recovers(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.ui.annotating.writer.RETRY_DELAYS", (0.05,))
    blocked = tmp_path / "store"
    blocked.write_text("not a folder")  # the store cannot be created here
    app = small_app(store_path=blocked)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "2")
        assert [a.tag for a in screen.session.annotations()] == ["Evidence"]  # shown at once
        await wait_until(pilot, lambda: any(n.title == "Could not save" for n in app._notifications))
        assert app.store_writer.pending() >= 1
        blocked.unlink()  # the disk comes back
        await settle(app, pilot)
        await wait_until(pilot, lambda: any("writable again" in str(n.message) for n in app._notifications))
        with Store(blocked) as store:
            assert [a.tag for a in store.annotations(screen.session.article)] == ["Evidence"]


async def test_only_a_highlight_going_away_gets_a_toast():
    app = small_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "2")
        assert not app._notifications  # the colour and the status line say it
        await pilot.press("2")
        assert any("u undoes" in str(n.message) for n in app._notifications)


async def test_a_highlight_made_before_the_store_answers_is_kept():
    app = small_app()
    gate = threading.Event()
    app.store_writer = start_writer(app)
    app.store_writer.call(lambda store: gate.wait(5))  # the store is slow to answer
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("right_curly_bracket", "2")
        assert not screen.loaded
        gate.set()
        screen = await loaded(app, pilot)
        assert [a.tag for a in screen.session.annotations()] == ["Evidence"]
        await settle(app)
        assert [a.tag for a in stored(screen.record.key)] == ["Evidence"]


async def test_every_annotation_binding_is_active_described_and_remappable():
    from reader.ui.annotating.screen import AnnotatingScreen

    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        active = {b.binding.action: b.binding for b in screen.active_bindings.values()}
        for binding in AnnotatingScreen.BINDINGS:
            assert binding.action in active, binding.action
            assert binding.description and binding.id and binding.id.startswith(("annotate.", "search."))
