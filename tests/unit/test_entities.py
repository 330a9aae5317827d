"""The entity rules on names: linking, boundaries, sentence starts and headlines (small documents)."""

from __future__ import annotations

from reader.analysis.entities import find_entities
from tests.unit.doc_helpers import entity, make_doc, names, surfaces


def test_surname_links_to_full_name() -> None:
    doc = make_doc(
        "Ethan Nadelmann spoke to reporters on the steps.",
        "Later that day Nadelmann returned, and Nadelmann left again.",
    )
    found = find_entities(doc)
    person = entity(found, "Ethan Nadelmann")
    assert person.type == "PERSON"
    assert surfaces(doc, person) == ["Ethan Nadelmann", "Nadelmann", "Nadelmann"]
    assert "Nadelmann" in person.aliases
    assert "Nadelmann" not in names(found)


def test_surname_goes_to_the_nearest_person_with_it() -> None:
    doc = make_doc(
        "Bill Clinton met voters in the morning, and later Clinton spoke again.",
        "Hillary Clinton arrived in the evening; Clinton thanked the crowd.",
    )
    found = find_entities(doc)
    bill, hillary = entity(found, "Bill Clinton"), entity(found, "Hillary Clinton")
    assert len(bill.mentions) == 2
    assert len(hillary.mentions) == 2


def test_accent_insensitive_matching() -> None:
    doc = make_doc(
        "Andrés Manuel López Obrador spoke on Tuesday.",
        "Photograph of President Andres Manuel Lopez Obrador in January via Facebook",
    )
    found = find_entities(doc)
    person = entity(found, "Andrés Manuel López Obrador")
    assert "Andres Manuel Lopez Obrador" in person.aliases
    assert len([e for e in found if e.type == "PERSON"]) == 1


def test_possessive_is_not_part_of_the_name() -> None:
    doc = make_doc(
        "Joe Biden spoke first.",
        "It came in Biden’s speech, and Mexico’s government answered, as did Filter‘s editor.",
    )
    found = find_entities(doc)
    person = entity(found, "Joe Biden")
    assert surfaces(doc, person) == ["Joe Biden", "Biden"]
    assert entity(found, "Mexico").type == "PLACE"
    assert "Filter" in names(found)


def test_sentence_initial_capitals_that_are_not_names() -> None:
    doc = make_doc(
        "Although details are not public, officials met. Moreover, attempting to cut supply fails.",
        "Increasingly linked to violence, the trade grew. Overall, Nichols said it was bad.",
    )
    found = names(find_entities(doc))
    assert not {"Although", "Moreover", "Increasingly", "Overall"} & found


def test_sentence_initial_name_confirmed_elsewhere() -> None:
    doc = make_doc("He met Lindsey Graham on Friday.", "Graham has also vowed to introduce a bill.")
    person = entity(find_entities(doc), "Lindsey Graham")
    assert len(person.mentions) == 2


def test_dropped_article_keeps_the_name() -> None:
    doc = make_doc("The United States and Mexico will soon announce an agreement.")
    found = find_entities(doc)
    assert entity(found, "United States").type == "PLACE"
    assert "The" not in names(found)


def test_all_caps_headline_keeps_only_names() -> None:
    doc = make_doc(
        "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .",
        "LONDON 1996-08-30",
        "Phil Simmons took four wickets as Leicestershire beat Somerset by an innings to take over at the top after victory .",
    )
    found = find_entities(doc)
    county = entity(found, "Leicestershire")
    assert doc.text[slice(*county.mentions[0])] == "LEICESTERSHIRE"
    assert entity(found, "LONDON").type == "PLACE"
    assert not {"TAKE", "OVER", "TOP", "AFTER", "INNINGS", "VICTORY", "CRICKET"} & names(found)


def test_title_case_heading_keeps_only_names() -> None:
    doc = make_doc(
        "The Politicization of Fentanyl",
        "Politicians in Mexico want to politicize the fentanyl crisis and the gun supply.",
        "The Gun Supply",
        kinds=("heading", "paragraph", "heading"),
    )
    found = names(find_entities(doc))
    assert "Mexico" in found
    assert not {"Fentanyl", "Gun Supply", "Gun", "Supply"} & found


def test_ids_follow_first_mention_and_mentions_are_sorted() -> None:
    doc = make_doc("Mexico and the United States met in 2021.", "Mexico said so.")
    found = find_entities(doc)
    assert [e.id for e in found] == [f"e{i}" for i in range(1, len(found) + 1)]
    firsts = [e.mentions[0][0] for e in found]
    assert firsts == sorted(firsts)
    assert all(list(e.mentions) == sorted(e.mentions) for e in found)


def test_empty_and_odd_documents() -> None:
    assert find_entities(make_doc("")) == []
    assert find_entities(make_doc("no capitals at all here.")) == []
    odd = make_doc(
        "[bold]Rich[/bold] \x1b[31mred\x1b[0m Ünïcödé ÅÅÅ (AB) (",
    )
    for ent in find_entities(odd):
        assert 0 <= ent.mentions[0][0] < ent.mentions[0][1] <= len(odd.text)


def test_hyphenated_adjectives_are_not_names() -> None:
    doc = make_doc("It is a major Hong Kong-listed company with X-ray machines in Paris.")
    found = find_entities(doc)
    assert not {"X-ray", "Hong", "X", "Hong Kong", "Kong-listed"} & names(found)
    assert entity(found, "Paris").type == "PLACE"


def test_initials_and_capitalised_particles() -> None:
    doc = make_doc("Hampshire 232 ( A. Fraser 5-79 ) , and then De Wilde saved a shot .")
    found = names(find_entities(doc), "PERSON")
    assert {"A. Fraser", "De Wilde"} <= found


def test_possessive_ends_a_name_inside_a_run() -> None:
    doc = make_doc(
        "Hillary Clinton spoke on Monday.",
        "It came before Mrs. Clinton's N.Y.U. speech at New York University.",
    )
    found = find_entities(doc)
    person = entity(found, "Hillary Clinton")
    assert "Mrs. Clinton" in person.aliases
    assert "N.Y.U." in entity(found, "New York University").aliases


def test_names_inside_double_apostrophe_quotes() -> None:
    doc = make_doc("He long held dreams of a bipartisan ''Grand Bargain'' with the Senate.")
    assert "Grand Bargain" in names(find_entities(doc))


def test_usa_today_stays_whole() -> None:
    doc = make_doc("In a joint investigation, USA Today and The Trace reviewed nearly 2,000 inspections.")
    found = find_entities(doc)
    assert entity(found, "USA Today").type == "ORG"


def test_arabic_article_names_and_the_in_a_dateline() -> None:
    doc = make_doc(
        "THE HAGUE 1996-08-30", "Pilgrims prayed at al-Aqsa mosque near the Jewish West Bank settlements ."
    )
    found = find_entities(doc)
    assert entity(found, "HAGUE").type == "PLACE"
    assert "al-Aqsa" in names(found)
    assert entity(found, "West Bank").type == "PLACE"
