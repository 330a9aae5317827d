"""Pilot tests of painting the article: span colours, themes, code, bullets, odd text."""

from __future__ import annotations

from textual.strip import Strip

from reader.ui.widgets.article_view import ArticleView
from tests.ui.snapshot_apps import seed_app, small_app
from tests.ui.test_reading import SIZE, ready


def painted(view: ArticleView, offset: int) -> Strip:
    """The painted line that shows ``offset`` (it must be on screen)."""
    return view.render_line(view.layout_table.line_of(offset) - view.scroll_offset.y)


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
        segments = {seg.text: seg.style for seg in painted(view, code.start)}
        assert segments["def"] != segments["("] != segments["f"]


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
        assert painted(view, item.start).text.strip() == "• An item in a list"


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
