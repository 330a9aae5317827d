"""What y and Y copy: plain text and a Markdown quote with its speaker."""

from __future__ import annotations

from reader.document import Analysis, Quote
from reader.ui.clipboard import markdown_quote, plain, speaker_of


def test_plain_tidies_whitespace_and_keeps_paragraphs():
    assert plain("one  two\nthree\n\n\nfour ") == "one two three\n\nfour"


def test_markdown_quote_with_speaker_and_title():
    text = markdown_quote("First para.\n\nSecond  para.", "Ann Lee", "A Title")
    assert text == "> First para.\n>\n> Second para.\n>\n> — Ann Lee, *A Title*\n"
    assert markdown_quote("Just this.") == "> Just this.\n"


def test_speaker_of_a_passage_inside_or_holding_a_quote():
    quote = Quote(10, 30, "inside words", "speech", "Ann Lee", "p1", "said")
    analysis = Analysis(quotes=(quote,))
    assert speaker_of(analysis, 12, 20) == "Ann Lee"  # inside the quote
    assert speaker_of(analysis, 0, 40) == "Ann Lee"  # holds it
    assert speaker_of(analysis, 25, 45) is None  # only overlaps
