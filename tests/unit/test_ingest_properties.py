"""Properties every ingested document keeps, whatever the input text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.document import Document
from reader.ingest.markdown import parse_markdown
from reader.ingest.plain import parse_plain
from reader.ingest.sanitize import clean_text

# Text made of the pieces structure inference reacts to, so the rules really run.
PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "    ",
        "word ",
        "Capital ",
        "said. ",
        "“Quoted words here,” ",
        "“Quoted words here.”",
        "• ",
        "- ",
        "1. ",
        "By Jane Doe",
        "Photo: ",
        "Show Comments",
        "CHAPTER I",
        "# ",
        "```",
        "> ",
        "*em* ",
        "[link](x) ",
        "\x1b[1m",
        "\u202e",
        "\r\n",
        "\t",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


def _check_blocks(doc: Document) -> None:
    previous_end = 0
    for block in doc.blocks:
        assert previous_end <= block.start < block.end <= len(doc.text)
        body = doc.text[block.start : block.end]
        assert body == body.strip() or block.kind == "code"
        previous_end = block.end


@settings(max_examples=200, deadline=None)
@given(TEXTS)
@example("Title Here\n\n      deeper first\nshort b\nshort c\n")
def test_plain_text_invariants(raw: str) -> None:
    doc = parse_plain(clean_text(raw), "x.txt")
    _check_blocks(doc)
    assert "\n\n\n" not in doc.text
    assert "\n\n".join(doc.block_text(b) for b in doc.blocks) == doc.text
    assert "\x1b" not in doc.text and "\u202e" not in doc.text


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_markdown_invariants(raw: str) -> None:
    doc = parse_markdown(clean_text(raw), "x.md")
    _check_blocks(doc)
    assert "\x1b" not in doc.text and "\u202e" not in doc.text
