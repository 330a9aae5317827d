"""Text motions and soft wrap of the reading view (pure functions, no app)."""

from __future__ import annotations

from reader.document import Block, Span
from reader.ui import motions
from reader.ui.widgets.span_index import SpanIndex
from reader.ui.widgets.text_layout import TextLayout

TEXT = "Dr. Alex Krotulski spoke. He said “no.” Then U.S. officials left.\n\nNext paragraph here."
BLOCKS = (Block("paragraph", 0, TEXT.index("\n")), Block("paragraph", TEXT.index("Next"), len(TEXT)))


def test_words():
    assert motions.word_at(TEXT, 5) == (4, 8)
    assert motions.word_at(TEXT, 3) is None  # the space after "Dr."
    assert motions.next_word(TEXT, 0) == 4
    assert motions.next_word(TEXT, 5) == 9
    assert motions.previous_word(TEXT, 9) == 4
    assert motions.previous_word(TEXT, 6) == 4


def test_sentences_skip_abbreviations_and_initials():
    start = TEXT.index("He said")
    assert motions.sentence_at(TEXT, BLOCKS, 2) == (0, start - 1)
    assert motions.next_sentence(TEXT, BLOCKS, 0) == start
    then = TEXT.index("Then")
    assert motions.next_sentence(TEXT, BLOCKS, start) == then  # after “no.” with its closing mark
    assert motions.sentence_at(TEXT, BLOCKS, then + 8) == (then, TEXT.index("\n"))  # "U.S." does not end it
    assert motions.next_sentence(TEXT, BLOCKS, then) == BLOCKS[1].start  # into the next block
    assert motions.previous_sentence(TEXT, BLOCKS, BLOCKS[1].start) == then
    assert motions.previous_sentence(TEXT, BLOCKS, then + 3) == then


def test_paragraphs():
    assert motions.next_paragraph(BLOCKS, 3) == BLOCKS[1].start
    assert motions.next_paragraph(BLOCKS, BLOCKS[1].start) == BLOCKS[1].start  # last block: stay
    assert motions.previous_paragraph(BLOCKS, BLOCKS[1].start + 2) == BLOCKS[1].start
    assert motions.previous_paragraph(BLOCKS, BLOCKS[1].start) == 0


def test_wrap_keeps_words_and_offsets():
    layout = TextLayout(TEXT, BLOCKS, 20)
    lines = [TEXT[layout.starts[i] : layout.ends[i]] for i in range(len(layout))]
    assert all(len(line) <= 20 for line in lines)
    assert "" in lines  # the blank line between the blocks
    assert " ".join(line for line in lines if line) == TEXT.replace("\n\n", " ")
    assert layout.line_of(TEXT.index("Next")) == len(layout) - 1
    assert layout.blocks[lines.index("")] == -1


def test_wrap_wide_characters_by_cells():
    text = "漢字漢字漢字 漢字漢字"
    layout = TextLayout(text, (Block("paragraph", 0, len(text)),), 12)
    assert [text[layout.starts[i] : layout.ends[i]] for i in range(len(layout))] == [
        "漢字漢字漢字",
        "漢字漢字",
    ]
    assert layout.column_of(2, text) == 4
    assert layout.offset_at(0, 5, text) == 2


def test_long_word_is_broken():
    text = "x" * 25
    layout = TextLayout(text, (Block("paragraph", 0, 25),), 10)
    assert [layout.ends[i] - layout.starts[i] for i in range(len(layout))] == [10, 10, 5]


def test_span_index_overlaps():
    index = SpanIndex([Span(0, 100, "quote"), Span(10, 15, "entity.person"), Span(50, 60, "date")])
    assert {s.kind for s in index.overlapping(12, 13)} == {"quote", "entity.person"}
    assert [s.kind for s in index.at(55)] == ["quote", "date"]
    assert index.next_after(10).kind == "date"
    assert index.previous_before(50).kind == "entity.person"
    assert index.overlapping(200, 210) == []


def test_list_items_sit_together():
    text = "Intro.\n\n• one\n\n• two\n\nOutro."
    starts = [0, text.index("• one"), text.index("• two"), text.index("Outro")]
    kinds = ["paragraph", "list_item", "list_item", "paragraph"]
    ends = [text.index("\n"), starts[1] + 5, starts[2] + 5, len(text)]
    blocks = tuple(Block(k, s, e) for k, s, e in zip(kinds, starts, ends, strict=True))
    layout = TextLayout(text, blocks, 40)
    assert [text[layout.starts[i] : layout.ends[i]] for i in range(len(layout))] == [
        "Intro.",
        "",
        "• one",
        "• two",
        "",
        "Outro.",
    ]
