"""Sentence starts inside a run of capitalised words are judged like other sentence starts."""

from __future__ import annotations

from reader.analysis.entities import find_entities
from tests.unit.doc_helpers import make_doc


def test_word_after_a_capitalised_word_ending_a_sentence_opens_a_sentence() -> None:
    doc = make_doc(
        "The soldier stood before the Kremlin. Suddenly a cannon fired.",
        "Everyone turned, and suddenly the field was quiet.",
    )
    found = find_entities(doc)
    assert "Suddenly" not in {e.name for e in found}
    assert "Kremlin" in {e.name for e in found}


def test_word_opening_a_quotation_is_judged_as_a_sentence_start() -> None:
    doc = make_doc(
        "Prince Andrew listened, and said, “Very good!” to the officer.",
        "It was a very long day for Pierre.",
        "“Pierre, come here,” she said.",
    )
    found = {e.name for e in find_entities(doc)}
    assert "Very" not in found
    assert "Pierre" in found


def test_indefinite_pronouns_are_no_names_even_when_capitalised() -> None:
    doc = make_doc(
        "He was a man for whom Nothing was sacred and Everything was for sale.",
        "Pierre said nothing, and Someone laughed.",
    )
    found = {e.name for e in find_entities(doc)}
    assert not {"Nothing", "Everything", "Someone"} & found
    assert "Pierre" in found


def test_cheers_are_no_names() -> None:
    doc = make_doc("The regiment roared “Hurrah!” so loudly, and the general shouted Hurrah again.")
    assert "Hurrah" not in {e.name for e in find_entities(doc)}
