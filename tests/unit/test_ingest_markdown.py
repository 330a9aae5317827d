"""Markdown ingest: blocks from markdown-it-py, inline markup out of the canonical text."""

from __future__ import annotations

from reader.document import Document
from reader.ingest.markdown import parse_markdown, split_front_matter


def _blocks(doc: Document) -> list[tuple[str, str, int, str | None]]:
    return [(b.kind, doc.block_text(b), b.level, b.lang) for b in doc.blocks]


def test_headings_and_title() -> None:
    doc = parse_markdown("# The *Big* Story\n\nIntro.\n\n## Part two\n\nMore.\n\n# Second h1\n", "a.md")
    assert doc.title == "The Big Story"
    assert _blocks(doc) == [
        ("title", "The Big Story", 1, None),
        ("paragraph", "Intro.", 0, None),
        ("heading", "Part two", 2, None),
        ("paragraph", "More.", 0, None),
        ("heading", "Second h1", 1, None),
    ]
    assert doc.meta["format"] == "markdown"


def test_setext_heading() -> None:
    doc = parse_markdown("Title\n=====\n\nSub\n---\n\nText.\n", "a.md")
    assert [(k, t, lvl) for k, t, lvl, _ in _blocks(doc)] == [
        ("title", "Title", 1),
        ("heading", "Sub", 2),
        ("paragraph", "Text.", 0),
    ]


def test_inline_markup_is_removed() -> None:
    source = (
        'Some **bold**, _em_, [a link](http://x.org "t"), ![the alt](i.png), `x = 1` and\nwrapped &amp; done.'
    )
    doc = parse_markdown(source, "a.md")
    assert doc.text == "Some bold, em, a link, the alt, x = 1 and wrapped & done."


def test_lists_with_nesting_and_numbers() -> None:
    doc = parse_markdown("- one\n  more\n  - inner\n- two\n\n3. three\n4. four\n", "a.md")
    assert [(k, t, lvl) for k, t, lvl, _ in _blocks(doc)] == [
        ("list_item", "• one more", 1),
        ("list_item", "• inner", 2),
        ("list_item", "• two", 1),
        ("list_item", "3. three", 1),
        ("list_item", "4. four", 1),
    ]


def test_blockquote() -> None:
    doc = parse_markdown("Intro.\n\n> Quoted words\n> go on.\n>\n> > Nested.\n", "a.md")
    assert _blocks(doc)[1:] == [
        ("blockquote", "Quoted words go on.", 1, None),
        ("blockquote", "Nested.", 2, None),
    ]


def test_code_blocks_keep_lines_and_language() -> None:
    doc = parse_markdown(
        "Text.\n\n```python extra\ndef f():\n    return 1\n```\n\n    indented\n    code\n", "a.md"
    )
    assert _blocks(doc)[1:] == [
        ("code", "def f():\n    return 1", 0, "python"),
        ("code", "indented\ncode", 0, None),
    ]


def test_table_rows_become_lines() -> None:
    doc = parse_markdown("| a | b |\n|---|---|\n| 1 | **2** |\n", "a.md")
    assert _blocks(doc) == [("paragraph", "a | b\n1 | 2", 0, None)]


def test_html_tags_are_dropped_and_markup_stays_literal() -> None:
    doc = parse_markdown("<div>Hello <b>there</b></div>\n\nA [bold]tag[/bold] stays.\n", "a.md")
    assert doc.text == "Hello there\n\nA [bold]tag[/bold] stays."


def test_front_matter_gives_title_and_author() -> None:
    doc = parse_markdown("---\ntitle: From YAML\nauthor: [Ann, Bo]\n---\n\nBody text.\n", "a.md")
    assert (doc.title, doc.author) == ("From YAML", "Ann, Bo")
    assert doc.text == "Body text."


def test_broken_front_matter_is_left_as_text() -> None:
    fields, body = split_front_matter("---\n: [unclosed\n---\nText\n")
    assert fields == {}
    assert body.startswith("---")


def test_byline_paragraph_sets_the_author() -> None:
    doc = parse_markdown("# Title\n\nBy Jane Doe\n\nText.\n", "a.md")
    assert doc.author == "Jane Doe"
    assert doc.blocks[1].kind == "byline"


def test_offsets_match_block_text() -> None:
    doc = parse_markdown("# T\n\nA *b* c.\n\n- x\n- y\n\n```\ncode\n```\n", "a.md")
    assert doc.text == "T\n\nA b c.\n\n• x\n\n• y\n\ncode"
    for block in doc.blocks:
        assert doc.text[block.start : block.end].strip() == doc.text[block.start : block.end]


def test_without_h1_a_short_first_line_is_the_title() -> None:
    doc = parse_markdown("Meeting Notes\n\nWe met and *talked* for a long while about many things.\n", "a.md")
    assert doc.title == "Meeting Notes"
    assert doc.blocks[0].kind == "title"
    assert parse_markdown("## Only a subheading\n\nText.\n", "a.md").title is None


def test_an_html_line_break_separates_words() -> None:
    doc = parse_markdown("First line<br>second line<BR/>third.\n", "a.md")
    assert doc.text == "First line\nsecond line\nthird."


def test_markdown_on_stdin_is_read_as_markdown(monkeypatch) -> None:
    import io
    import sys

    from reader.ingest import load

    piped = b"# Piped *Story*\n\nSome **bold** text.\n\n```python\nx = 1\n```\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(piped)))
    doc = load("-")
    assert doc.meta["format"] == "markdown" and doc.title == "Piped Story"
    assert "**" not in doc.text and [b.kind for b in doc.blocks] == ["title", "paragraph", "code"]
    prose = b"A Title\n\nPlain prose with #hashtags and a 3 * 4 sum.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(prose)))
    assert load("-").meta["format"] != "markdown"
