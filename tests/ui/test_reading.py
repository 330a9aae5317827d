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


async def test_colour_toggles_change_the_painted_line():
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        quote = app.screen.analysis.quotes[1]
        view.jump_to(quote.start + 3)
        await pilot.pause()
        row = view.cursor_line() - view.scroll_offset.y
        coloured = view.render_line(row)
        await pilot.press("c")
        assert not view.show_quotes
        plain = view.render_line(row)
        assert coloured.text == plain.text and list(coloured) != list(plain)
        await pilot.press("c", "m")
        assert view.show_quotes and not view.show_entities


async def test_theme_switch_recolours_spans():
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        dark_quote = view.component_style("article--quote")
        await pilot.press("t")
        await pilot.pause()
        assert app.theme == "gloss-light"
        assert view.component_style("article--quote") != dark_quote
        app.theme = "nord"  # a Textual theme still works: gloss variables fall back
        await pilot.pause()
        assert view.component_style("article--speaker-1").color is not None


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


async def test_untrusted_text_is_drawn_literally():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        await pilot.press("G")
        row = view.cursor_line() - view.scroll_offset.y
        assert "[bold]not markup[/bold] and [@click=app.quit]x[/] stay literal." in view.render_line(row).text


async def test_code_block_is_highlighted():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        code = next(b for b in view.document.blocks if b.kind == "code")
        row = view.layout_table.line_of(code.start) - view.scroll_offset.y
        segments = {seg.text: seg.style for seg in view.render_line(row)}
        assert segments["def"] != segments["("] != segments["f"]


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


async def test_empty_document_and_wide_text_do_not_break_the_view():
    from reader.document import Block, Document
    from reader.ui.app import make_app

    empty = make_app(Document("", (), "empty"), analyzer=None)
    async with empty.run_test(size=SIZE) as pilot:
        await pilot.press(
            "j", "w", "space", "G", "right_parenthesis", "right_square_bracket", "e", "v", "escape"
        )
        assert empty.screen.query_one(ArticleView).cursor == 0
    text = "漢字のテキスト、とても長い文章です。" * 12 + "\n\nMixed café 😀 text."
    blocks = (Block("paragraph", 0, text.index("\n")), Block("paragraph", text.index("Mixed"), len(text)))
    wide = make_app(Document(text, blocks, "wide"), analyzer=None)
    async with wide.run_test(size=SIZE) as pilot:
        view = wide.screen.query_one(ArticleView)
        await pilot.press("j", "j", "l")
        layout = view.layout_table
        for row in range(layout.__len__()):
            assert view.render_line(row).cell_length == view.size.width
        await pilot.press("G")
        assert text[view.cursor :].startswith("Mixed")


async def test_quote_tab_speaker_colours_follow_the_theme():
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await app.screen.sidebar.show_tab("tab-quotes")
        await pilot.pause()
        tree = app.screen.query_one("#quotes")
        dark = tree.root.children[0].label.style
        app.theme = "gloss-light"
        await pilot.pause()
        assert tree.root.children[0].label.style != dark


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


async def test_cursor_is_drawn_once_where_a_long_word_breaks():
    from reader.document import Block, Document
    from reader.ui.app import make_app

    text = "x" * 150
    app = make_app(Document(text, (Block("paragraph", 0, 150),), "long"), analyzer=None)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.pause()
        width = view.layout_table.width
        view.move_cursor(width)  # the first character of the second visual line
        cursor_style = view.component_style("article--cursor")
        rows = [
            row
            for row in range(3)
            if any(cursor_style.reverse and seg.style and seg.style.reverse for seg in view.render_line(row))
        ]
        assert rows == [1]


async def test_list_items_get_one_bullet():
    app = small_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(app, pilot)
        item = next(b for b in view.document.blocks if b.kind == "list_item")
        row = view.layout_table.line_of(item.start) - view.scroll_offset.y
        assert view.render_line(row).text.strip() == "• An item in a list"


def test_the_main_speakers_never_share_a_quote_colour():
    from reader.document import Analysis, Quote
    from reader.spans import SPEAKER_SLOTS, speaker_slots

    # nine minor voices quoted once, then the main voice: first-quote order gave it the
    # first voice's colour again
    speakers = [f"Minor {n}" for n in range(SPEAKER_SLOTS)] + ["Main"] * 3
    quotes = tuple(Quote(10 * i, 10 * i + 5, "x", "speech", speaker) for i, speaker in enumerate(speakers))
    slots = speaker_slots(Analysis(quotes=quotes))
    assert slots["Main"] == 1 and slots["Minor 0"] == 2  # most quoted first, then by first quote
    assert list(slots.values()).count(slots["Main"]) == 2  # the repeat falls on the last minor voice
