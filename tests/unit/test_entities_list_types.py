"""Names listed together share a type, but not a nationality word's GROUP or MISC."""

from __future__ import annotations

from reader.analysis.entities import find_entities
from reader.document import Document


def types(text: str) -> dict[str, str]:
    return {e.name: e.type for e in find_entities(Document(text, (), "test"))}


def test_names_listed_after_a_group_word_are_not_groups() -> None:
    found = types("There are now two Russians, Milorádovich, and Dokhtúrov, and a third is coming.")
    assert found["Russians"] == "GROUP"
    assert found["Milorádovich"] != "GROUP"
    assert found["Dokhtúrov"] != "GROUP"


def test_places_listed_together_still_share_their_type() -> None:
    found = types("The agents patrol in Ysleta, El Paso, Fort Hancock and Presidio every night.")
    assert found["Ysleta"] == "PLACE"
    assert found["Presidio"] == "PLACE"


def test_nationality_nouns_type_like_their_nation_words() -> None:
    found = types("A Frenchman rode past, and later two Englishmen followed him to the river.")
    assert found["Frenchman"] == "MISC"
    assert found["Englishmen"] == "GROUP"


def test_nation_words_whose_country_name_does_not_spell_them() -> None:
    found = types("A German officer rode past, and later two Germans and a Norwegian followed him.")
    assert found["German"] == "MISC"
    assert found["Germans"] == "GROUP"
    assert found["Norwegian"] == "MISC"
