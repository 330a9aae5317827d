"""Entity types: PERSON, ORG, PLACE, GROUP or MISC from heads, gazetteers and context."""

from __future__ import annotations

from reader.analysis.entities import find_entities
from tests.unit.doc_helpers import entity, make_doc, names


def test_bracketed_state_code_is_a_place() -> None:
    doc = make_doc("Republicans like Rep. Dan Crenshaw (TX) and Senator Lindsey Graham (SC) spoke.")
    found = find_entities(doc)
    assert entity(found, "TX").type == "PLACE"
    assert entity(found, "Lindsey Graham").role == "Senator"


def test_types_from_heads_and_gazetteers() -> None:
    doc = make_doc(
        "The Drug Policy Alliance and the Giffords Law Center to Prevent Gun Violence met in El Paso, Texas, with the Republicans."
    )
    found = find_entities(doc)
    assert entity(found, "Drug Policy Alliance").type == "ORG"
    assert entity(found, "Giffords Law Center to Prevent Gun Violence").type == "ORG"
    assert entity(found, "El Paso").type == "PLACE"
    assert entity(found, "Texas").type == "PLACE"
    assert entity(found, "Republicans").type == "GROUP"


def test_listed_names_share_a_type() -> None:
    doc = make_doc(
        "CBP plans to build similar systems at border crossings in Ysleta, Santa Teresa, Tornillo and El Paso."
    )
    found = find_entities(doc)
    assert {e.type for e in found if e.name in {"Ysleta", "Santa Teresa", "Tornillo", "El Paso"}} == {"PLACE"}


def test_laws_and_events_are_misc() -> None:
    doc = make_doc(
        "Crenshaw introduced an Authorization for Use of Military Force (AUMF) to widen the War on Drugs."
    )
    found = find_entities(doc)
    assert entity(found, "Authorization for Use of Military Force").type == "MISC"
    assert entity(found, "War on Drugs").type == "MISC"


def test_department_variant_joins() -> None:
    doc = make_doc(
        "The Department of State weighed in.", "They work with the state department on guidelines."
    )
    dept = entity(find_entities(doc), "Department of State")
    assert dept.type == "ORG"
    assert "state department" in dept.aliases


def test_one_type_for_every_mention() -> None:
    doc = make_doc(
        "President Bill Clinton spoke on Monday. Clinton said the plan would work.",
        "Clinton later flew out.",
    )
    found = find_entities(doc)
    person = entity(found, "Bill Clinton")
    assert person.type == "PERSON"
    assert len(person.mentions) == 3


def test_dateline_place_in_capitals() -> None:
    doc = make_doc("BOMBAY 1996-08-30", "Copper prices fell on Friday , dealers said .")
    place = entity(find_entities(doc), "BOMBAY")
    assert place.type == "PLACE"


def test_names_opening_table_rows() -> None:
    doc = make_doc(
        "Standings after the games on Saturday :", "Tranmere 4 2 1 1 6 4 7", "Millwall 4 2 1 1 7 5 7"
    )
    found = find_entities(doc)
    assert {"Tranmere", "Millwall"} <= names(found, "ORG")


def test_town_used_as_a_team_is_an_organisation() -> None:
    doc = make_doc(
        "Essex beat Kent by an innings , and Kent now trail Essex by 20 points in the county table ."
    )
    found = find_entities(doc)
    assert entity(found, "Essex").type == "ORG"
    assert entity(found, "Kent").type == "ORG"
