"""Random highlights and notes exported to Markdown read back exactly with markdown-it-py."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from annotations.export.context import ArticleExport
from annotations.export.escape import expand_indent, neutralise_note
from annotations.export.markdown import render_markdown
from annotations.model import Annotation, Target
from reader.document import Block, Document

PARSER = MarkdownIt("commonmark")
MARKDOWN_CHARS = "#>-+*_`|<>[]()!\\&;~=$%:.1 \t\u00a0\u2003"
CHARS = st.characters(blacklist_categories=("Cs", "Cc")) | st.characters(
    whitelist_categories=(), whitelist_characters=MARKDOWN_CHARS
)
LINE = st.text(CHARS, min_size=1, max_size=30).filter(lambda s: s.strip(" \t"))
# canonical article text: lines within paragraphs, paragraphs separated by one blank line
PASSAGE = st.lists(st.lists(LINE, min_size=1, max_size=3).map("\n".join), min_size=1, max_size=3).map(
    "\n\n".join
)
NOTE_LINE = st.one_of(
    st.text(CHARS, max_size=30),
    st.sampled_from(
        ["# heading", "## two", "===", "---", "- item", "1. one", "> quoted", "```", "[ref]: /x", "    code"]
    ),
)
NOTE = st.lists(NOTE_LINE, max_size=6).map("\n".join)


def _export(passages: list[str], notes: list[str]) -> tuple[str, list[Annotation]]:
    """The Markdown export of one article made of ``passages``, each highlighted."""
    text = "\n\n".join(passages)
    blocks, annotations, pos = [], [], 0
    for index, (passage, note) in enumerate(zip(passages, notes, strict=True)):
        blocks.append(Block("paragraph", pos, pos + len(passage)))
        target = Target.from_text(text, pos, pos + len(passage))
        stamp = f"2026-01-01T00:00:{index:02d}+00:00"
        annotations.append(Annotation("k", target, "Key point", note, f"id-{index:03d}", stamp, stamp))
        pos += len(passage) + 2
    doc = Document(text, tuple(blocks), "article.txt", title="Title")
    return render_markdown(ArticleExport("k", tuple(annotations), doc)), annotations


def _inline_text(inline: Token) -> str:
    """The literal text of an inline token; any markup in it fails the test."""
    parts = []
    for child in inline.children or []:
        assert child.type in ("text", "softbreak"), f"markup {child.type} in a highlight"
        parts.append("\n" if child.type == "softbreak" else child.content)
    return "".join(parts)


def _items(tokens: list[Token]) -> list[list[Token]]:
    """The tokens of each top-level list item of the Highlights section."""
    start = next(i for i, t in enumerate(tokens) if t.type == "inline" and t.content == "Highlights")
    items: list[list[Token]] = []
    for token in tokens[start:]:
        if token.type == "list_item_open" and token.level == 1:
            items.append([])
        if items:
            items[-1].append(token)
        if token.type == "bullet_list_close" and token.level == 0:
            break
    return items


def _read_item(item: list[Token], lines: list[str]) -> tuple[str, str]:
    """(highlight text, note source) of one list item."""
    depth = item[0].level + 1
    blocks = [t for t in item if t.level == depth and t.map is not None]
    assert blocks[0].type == "blockquote_open"
    quote_end = next(i for i, t in enumerate(item) if t.type == "blockquote_close" and t.level == depth)
    paragraphs = [_inline_text(t) for t in item[:quote_end] if t.type == "inline"]
    meta = blocks[1]
    assert meta.type == "paragraph_open"
    note = ""
    if len(blocks) > 2:
        first, last = blocks[2].map[0], item[0].map[1]
        note = "\n".join(line[2:] for line in lines[first:last]).strip("\n")
    return "\n\n".join(paragraphs), note


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(PASSAGE, NOTE), min_size=1, max_size=4))
@example([("passage", "\t.1\n---")])  # a tab-indented code line must not become a heading
def test_highlights_and_notes_read_back_exactly(pairs: list[tuple[str, str]]) -> None:
    passages = [p for p, _ in pairs]
    notes = [n for _, n in pairs]
    markdown, _ = _export(passages, notes)
    tokens = PARSER.parse(markdown)
    # a note never adds a section: every heading is one of the export's own, at top level
    headings = [t for t in tokens if t.type == "heading_open"]
    assert all(t.level == 0 for t in headings)
    assert len(headings) == 2  # the title and "Highlights"
    items = _items(tokens)
    assert len(items) == len(passages)
    lines = markdown.split("\n")
    for item, passage, note in zip(items, passages, notes, strict=True):
        text, note_source = _read_item(item, lines)
        assert text == passage
        # nested in its item, a note's leading tabs are spaces (the same structure)
        assert note_source == "\n".join(map(expand_indent, neutralise_note(note).split("\n")))


@given(NOTE)
def test_notes_without_headings_are_kept_as_written(note: str) -> None:
    tokens = PARSER.parse(note)
    env: dict = {}
    PARSER.parse(note, env)
    plain = not any(t.type == "heading_open" for t in tokens) and not env.get("references")
    if plain and all(line == line.rstrip() or line.strip() for line in note.split("\n")):
        expected = "\n".join(line if line.strip() else "" for line in note.split("\n")).strip("\n")
        assert neutralise_note(note) == expected
