"""Properties of find_entities on arbitrary text: never fails, spans stay in bounds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.entities import find_entities
from tests.unit.doc_helpers import make_doc

WORDS = st.sampled_from(
    ["The", "Mexico", "DEA", "(DEA)", "Dr.", "Sen.", "said", "of", "and", "Biden’s", "U.S.", "“", "”", ",", ".",
     "1996-08-30", "March", "8", "nearly", "20", "million", "Ethan", "Nadelmann", "LONDON", "\n\n", "Ünïcödé", "X-ray"]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join)))
def test_entities_are_well_formed(text: str) -> None:
    doc = make_doc(*text.split("\n\n"))  # the same text, one block per paragraph
    entities = find_entities(doc)
    assert [e.id for e in entities] == [f"e{i}" for i in range(1, len(entities) + 1)]
    for entity in entities:
        assert entity.mentions, entity
        assert list(entity.mentions) == sorted(entity.mentions)
        for start, end in entity.mentions:
            assert 0 <= start < end <= len(text)
        assert entity.name.strip()
