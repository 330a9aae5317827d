"""The canonical name of a person: a one-off leading word glued to a name is dropped."""

from __future__ import annotations

from reader.analysis.entities import find_entities
from reader.document import Document, Entity
from tests.unit.doc_helpers import make_doc


def person_with(entities: list[Entity], surface: str, doc: Document) -> Entity:
    """The person entity one of whose mentions reads ``surface``."""
    for ent in entities:
        if ent.type == "PERSON" and any(doc.text[s:e] == surface for s, e in ent.mentions):
            return ent
    raise AssertionError(f"no person mentioned as {surface!r}: {[e.name for e in entities]}")


def test_ordinary_word_before_a_name_is_not_the_name() -> None:
    doc = make_doc(
        "The soldier was a private in the regiment, and Dolokhov knew it.",
        "He said that Private Dolokhov would be pardoned.",
        "Dolokhov laughed. Then Dolokhov left, and Dolokhov came back at dawn.",
    )
    ent = person_with(find_entities(doc), "Private Dolokhov", doc)
    assert ent.name == "Dolokhov"
    assert "Private Dolokhov" in ent.aliases


def test_tail_of_a_possessive_place_is_not_part_of_the_name() -> None:
    doc = make_doc(
        "Pierre walked all morning. Pierre was tired, and Pierre was hungry.",
        "Having reached the Patriarch’s Ponds Pierre found the house.",
        "Pierre knocked, and Pierre waited.",
    )
    ent = person_with(find_entities(doc), "Pierre", doc)
    assert ent.name == "Pierre"


def test_word_that_is_also_a_given_name_is_dropped_before_a_far_commoner_name() -> None:
    story = " ".join(f"Nicholas spoke on day {i}." for i in range(1, 25))
    doc = make_doc(
        "The young officer rode on ahead of the others.",
        "Behind them, Young Nicholas, now a slim lad of fifteen, listened.",
        story,
    )
    ent = person_with(find_entities(doc), "Nicholas", doc)
    assert ent.name == "Nicholas"


def test_news_full_name_once_then_surname_keeps_the_full_name() -> None:
    doc = make_doc(
        "Prices will mark a high, said Mark Carney to reporters.",
        "Carney said the plan was sound. Carney left, and Carney came back.",
    )
    ent = person_with(find_entities(doc), "Carney", doc)
    assert ent.name == "Mark Carney"  # "mark" is an ordinary word here, but a given name


def test_first_name_after_a_possessive_stays_in_the_name() -> None:
    doc = make_doc(
        "The rules were set by Biden’s Ron Klain on Monday.",
        "Klain said the plan was sound. Klain left, and Klain came back.",
    )
    ent = person_with(find_entities(doc), "Klain", doc)
    assert ent.name == "Ron Klain"


def test_epithet_before_a_far_commoner_place_is_not_its_name() -> None:
    story = " ".join(f"On day {i} they rode into Moscow again." for i in range(1, 25))
    doc = make_doc("It was a holy day in the town.", "They prayed for Holy Moscow that night.", story)
    found = find_entities(doc)
    place = [e for e in found if any(doc.text[s:e] == "Holy Moscow" for s, e in e.mentions)]
    assert place and place[0].name == "Moscow"


def test_a_known_place_keeps_its_full_name() -> None:
    story = " ".join(f"On day {i} the ship sailed for Britain again." for i in range(1, 25))
    doc = make_doc("It was a great day in the port.", "They left Great Britain that night.", story)
    assert "Great Britain" in {e.name for e in find_entities(doc)}


def test_run_written_once_before_a_far_commoner_name_is_not_its_name() -> None:
    story = " ".join(f"On day {i} Pierre walked home." for i in range(1, 25))
    doc = make_doc("Crossing the Bolotnoe Place Pierre saw the crowd.", story)
    ent = person_with(find_entities(doc), "Pierre", doc)
    assert ent.name == "Pierre"


def test_given_name_written_once_before_a_common_surname_stays() -> None:
    story = " ".join(f"On day {i} Bezukhov walked home." for i in range(1, 25))
    doc = make_doc("The heir, Pierre Bezukhov, arrived.", story)
    ent = person_with(find_entities(doc), "Bezukhov", doc)
    assert ent.name == "Pierre Bezukhov"


def test_title_that_is_also_a_given_name_is_dropped_before_a_commoner_name() -> None:
    doc = make_doc(
        "It was a major battle for the regiment.",
        "There, Major Denisov waved his sabre.",
        "Denisov laughed. Then Denisov left, and Denisov came back at dawn.",
    )
    ent = person_with(find_entities(doc), "Denisov", doc)
    assert ent.name == "Denisov"
