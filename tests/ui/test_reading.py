"""Pilot tests of the reading view: motions, paging, selection, quotes, entities."""

from __future__ import annotations

from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article_view import ArticleView
from tests.ui.snapshot_apps import seed_app, small_app

SIZE = (100, 32)


async def ready(app, pilot) -> ArticleView:
    """Wait for the analysis worker and its message; return the view."""
    await app.screen.wait_until_analysed()
    await pilot.pause()
    return app.screen.query_one(ArticleView)


def status_text(app) -> str:
    """The status line's description as plain text."""
    return str(app.screen.status.description)


async def test_word_and_character_motions():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        text = view.text
        await pilot.press("right_curly_bracket")  # the first paragraph
        assert text[view.cursor :].startswith("First sentence")
        await pilot.press("w", "w")
        assert text[view.cursor :].startswith("here.")
        await pilot.press("b")
        assert text[view.cursor :].startswith("sentence here")
        await pilot.press("l", "l")
        assert text[view.cursor :].startswith("ntence")
        await pilot.press("h")
        assert text[view.cursor :].startswith("entence")


async def test_sentence_and_paragraph_motions():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        text = view.text
        await pilot.press("right_curly_bracket", "right_parenthesis")
        assert text[view.cursor :].startswith("Second sentence")
        await pilot.press("right_parenthesis")
        assert text[view.cursor :].startswith("Third one.")
        await pilot.press("left_parenthesis")
        assert text[view.cursor :].startswith("Second sentence")
        await pilot.press("right_curly_bracket")
        assert text[view.cursor :].startswith("A Heading")
        await pilot.press("left_curly_bracket")
        assert text[view.cursor :].startswith("First sentence")
        assert view.sentence_at(view.cursor) == (view.cursor, text.index(" Second"))


async def test_line_motions_keep_column_and_skip_blank_lines():
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        layout = view.layout_table
        await pilot.press("j")
        # from the title, down skips the blank line into the first paragraph
        assert layout.blocks[view.cursor_line()] == 1
        await pilot.press("w", "w", "j")
        line = view.cursor_line()
        assert line == 3
        assert view.cursor - layout.starts[line] == len("The United ")
        await pilot.press("k", "k")
        assert view.cursor_line() == 0


async def test_page_down_scrolls_and_keeps_cursor_visible():
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        await pilot.press("space")
        assert view.scroll_offset.y > 0
        top = view.scroll_offset.y
        assert top <= view.cursor_line() < top + view.size.height
        await pilot.press("pageup")
        assert view.scroll_offset.y == 0
        await pilot.press("G")
        assert view.cursor_line() == view.line_count - 1
        assert view.scroll_offset.y + view.size.height >= view.line_count
        await pilot.press("g")
        assert view.cursor == 0 and view.scroll_offset.y == 0


async def test_cursor_moved_message_updates_status_line():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert status_text(app) == "Title"
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert status_text(app) == "Paragraph"


async def test_quote_jumps_and_status_names_speaker_and_role():
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        quotes = sorted(app.screen.analysis.quotes, key=lambda q: q.start)
        await pilot.press("right_square_bracket")
        assert view.cursor == quotes[0].start
        await pilot.press("right_square_bracket")
        assert view.cursor == quotes[1].start
        await pilot.press("l")  # inside the quote, on no entity
        await pilot.pause()
        assert status_text(app).startswith(
            "Quote — Ethan Nadelmann, the founder and former executive director"
        )
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert view.cursor == quotes[0].start
        assert "Scare quote" in status_text(app)


async def test_entity_jumps_follow_the_same_entity():
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        analysis = app.screen.analysis
        nadelmann = analysis.entity("e1")
        view.jump_to(nadelmann.mentions[0][0])
        await pilot.pause()
        assert status_text(app) == (
            "Person — Ethan Nadelmann · the founder and former executive director of the Drug Policy Alliance"
            f" · {len(nadelmann.mentions)} mentions"
        )
        await pilot.press("e")
        assert view.cursor == nadelmann.mentions[1][0]
        await pilot.press("E")
        assert view.cursor == nadelmann.mentions[0][0]
        # off any entity, e goes to the next mention of any entity
        await pilot.press("g", "e")
        first = min(m for e in analysis.entities for m in e.mentions)
        assert view.cursor == first[0]


async def test_selection_by_keyboard():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        await pilot.press("right_curly_bracket", "v", "w")
        start = view.text.index("First")
        # forward, the selection stops before the cursor: one word (and its space)
        assert view.selection == (start, view.text.index("sentence here"))
        await pilot.press("right_parenthesis")
        assert view.text[slice(*view.selection)] == "First sentence here. "
        await pilot.press("escape")
        assert view.selection is None and not view.selecting
        cursor = view.cursor
        await pilot.press("shift+right", "shift+right")
        assert view.selection == (cursor, cursor + 2)  # two presses, two characters
        await pilot.press("shift+left", "shift+left", "shift+left")
        assert view.selection == (cursor - 1, cursor + 1)  # backward keeps the anchor's character


async def test_mouse_drag_and_double_click_select():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        layout = view.layout_table
        left = (view.size.width - layout.width) // 2
        line = 2  # "First sentence here. …"
        await pilot.mouse_down(view, offset=(left, line))
        await pilot.hover(view, offset=(left + 5, line))
        await pilot.mouse_up(view, offset=(left + 5, line))
        await pilot.pause()
        start = layout.starts[line]
        # Textual's drag includes the character under the pointer
        assert view.selection == (start, start + 6)
        assert view.text[slice(*view.selection)] == "First "
        await pilot.click(view, offset=(left + 8, line), times=2)
        await pilot.pause()
        word_start = view.text.index("sentence")
        assert view.selection == (word_start, word_start + len("sentence"))


async def test_sidebar_quotes_tab_jumps_to_a_quote():
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        screen: ReaderScreen = app.screen
        await pilot.press("s")
        assert screen.sidebar.visible
        await screen.sidebar.show_tab("tab-quotes")
        await pilot.pause()
        tree = screen.query_one("#quotes")
        assert app.focused is tree
        speaker = tree.root.children[0]
        assert str(speaker.label).startswith("Ethan Nadelmann  3")
        speaker.expand()
        await pilot.pause()
        tree.move_cursor(speaker.children[1])
        await pilot.press("enter")
        await pilot.pause()
        assert view.cursor == speaker.children[1].data
        assert view.cursor in [q.start for q in screen.analysis.quotes]


async def test_left_and_right_switch_sidebar_tabs_and_wrap():
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen: ReaderScreen = app.screen
        await pilot.press("s")
        await pilot.pause()
        tabs = screen.query_one("#sidebar-tabs")
        assert tabs.active == "tab-outline"
        await pilot.press("right")
        await pilot.pause()
        assert tabs.active == "tab-quotes" and app.focused is screen.query_one("#quotes")
        await pilot.press("left", "left")
        await pilot.pause()
        assert tabs.active == "tab-notes"  # wrapped round to the last tab


async def test_sidebar_outline_and_entities_tabs_jump():
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        screen: ReaderScreen = app.screen
        await screen.sidebar.show_tab("tab-outline")
        await pilot.pause()
        outline = screen.query_one("#outline")
        outline.highlighted = 1  # the first heading after the title
        await pilot.press("enter")
        await pilot.pause()
        heading = view.document.block_at(view.cursor)
        assert heading.kind == "heading" and view.cursor == heading.start
        assert app.focused is view
        await screen.sidebar.show_tab("tab-entities")
        await pilot.pause()
        tree = screen.query_one("#entities")
        people = tree.root.children[0]
        assert str(people.label).startswith("People")
        tree.move_cursor(people.children[0])
        await pilot.press("enter")
        await pilot.pause()
        assert view.entity_at(view.cursor) in ("e1", "e2")


async def test_help_screen_lists_bindings():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Next sentence" in text and "Quote" in text and "Sidebar" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_public_api_highlights_and_search():
    from reader.document import Span

    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        row = 2
        before = list(view.render_line(row))
        start = view.layout_table.starts[row]
        view.set_highlights([Span(start, start + 5, "highlight", 2)], {2: "#ff000080"})
        highlighted = list(view.render_line(row))
        assert highlighted != before
        view.set_highlights([])
        view.set_search_matches([(start, start + 5)])
        assert list(view.render_line(row)) != before
        assert view.word_at(start) == (start, start + len("First"))


async def test_scrolling_by_mouse_brings_the_cursor_along():
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        view.scroll_to(y=20, animate=False, immediate=True)  # as the wheel or scrollbar would
        await pilot.pause()
        top = view.scroll_offset.y
        assert top > 0
        assert top <= view.cursor_line() < top + view.size.height


async def test_shift_selection_ends_on_a_plain_motion_but_v_selection_extends():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        await pilot.press("shift+right", "shift+right")
        assert view.selection is not None
        await pilot.press("w")
        assert view.selection is None
        await pilot.press("v", "w", "w")
        assert view.selection is not None and view.selecting
        await pilot.press("v")  # leave selection mode, keep the selection
        assert view.selection is not None and not view.selecting


async def test_bindings_are_remappable_by_id():
    app = seed_app()
    app.set_keymap({"article.next_quote": "ctrl+n", "reader.toggle_sidebar": "f2"})
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        first = min(q.start for q in app.screen.analysis.quotes)
        await pilot.press("ctrl+n")
        assert view.cursor == first
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.sidebar.visible
