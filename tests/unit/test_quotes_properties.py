"""Quote finding never crashes and keeps its offsets honest, whatever the marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.quotes import find_quotes
from reader.document import QUOTE_KINDS
from tests.unit.doc_helpers import make_doc

MARKS = ["“", "”", '"', "''", "‘", "’", "'", "«", "»"]
WORDS = [" ", "said ", "he ", "Alice ", "Mr. Smith ", ", ", ". ", "word"]
PIECES = st.sampled_from(MARKS + WORDS)
PARAGRAPH = st.lists(PIECES, max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=5))
def test_any_marks_give_well_formed_quotes(paragraphs: list[str]) -> None:
    doc = make_doc(*paragraphs)
    quotes, entities = find_quotes(doc, [])
    ids = {e.id for e in entities}
    for quote in quotes:
        start, end = quote.inner
        assert 0 <= quote.start <= start <= end <= quote.end <= len(doc.text)
        assert doc.text[start:end] == quote.text
        assert "\n\n" not in doc.text[quote.start : quote.end]  # a paragraph break always closes
        assert quote.kind in QUOTE_KINDS
        assert quote.speaker is None or quote.speaker_entity in ids
        assert quote.speaker is None or quote.speaker.lower() not in {"he", "she", "i", "it", "they", "we"}
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
