"""Roles and titles of people: titles peeled off names, appositives, bio lines."""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities
from tests.unit.doc_helpers import entity, make_doc, names


def test_titles_are_stripped_and_become_roles() -> None:
    doc = make_doc(
        "Elected officials like Rep. Dan Crenshaw have spoken, and former Attorney General Bill Barr agreed with Sen. Bob Menendez."
    )
    found = find_entities(doc)
    assert entity(found, "Dan Crenshaw").role == "Rep."
    assert entity(found, "Bill Barr").role == "former Attorney General"
    assert entity(found, "Bob Menendez").role == "Sen."
    assert all(e.type == "PERSON" for e in found if e.name in {"Dan Crenshaw", "Bill Barr", "Bob Menendez"})


def test_appositive_role_beats_an_honorific() -> None:
    doc = make_doc(
        "Dr. Alex Krotulski, associate director at the Center for Forensic Science Research, told the paper that it was true."
    )
    found = find_entities(doc)
    person = entity(found, "Alex Krotulski")
    assert person.role == "associate director at the Center for Forensic Science Research"
    assert entity(found, "Center for Forensic Science Research").type == "ORG"


def test_appositive_role_with_the() -> None:
    doc = make_doc(
        "“It is a farce,” Ethan Nadelmann, the founder and former executive director of the Drug Policy Alliance, told us."
    )
    person = entity(find_entities(doc), "Ethan Nadelmann")
    assert person.role == "the founder and former executive director of the Drug Policy Alliance"


def test_a_list_of_names_is_not_an_appositive() -> None:
    doc = make_doc("Title rivals Essex, Derbyshire and Surrey all closed in on victory on Friday.")
    found = find_entities(doc)
    assert {"Essex", "Derbyshire", "Surrey"} <= names(found)
    assert all(e.role is None for e in found)


def test_bio_line_gives_a_role() -> None:
    doc = make_doc("The story ran on Monday.", "• Alexander is Filter’s staff writer. He lives in Ohio.")
    person = entity(find_entities(doc), "Alexander")
    assert person.type == "PERSON"
    assert person.role == "Filter’s staff writer"


def test_nation_word_before_a_person_is_split_off() -> None:
    doc = make_doc(
        "Australian Tom Moody took six wickets , U.S. Assistant Secretary of State John Kornblum said ."
    )
    found = find_entities(doc)
    assert entity(found, "Tom Moody").type == "PERSON"
    assert entity(found, "U.S.").type == "PLACE"
    assert entity(found, "John Kornblum").role == "Assistant Secretary of State"
    assert "Australian Tom Moody" not in names(found)


def test_title_between_organisation_and_person() -> None:
    doc = make_doc('" A great boxer , " Panamanian Boxing Association President Ramon Manzanares said .')
    found = find_entities(doc)
    assert entity(found, "Ramon Manzanares").role == "President"
    assert entity(found, "Panamanian Boxing Association").type == "ORG"


def test_portfolio_title_before_a_name() -> None:
    doc = make_doc("Paul Drazek , senior trade advisor to Agriculture Secretary Dan Glickman , said so .")
    assert entity(find_entities(doc), "Dan Glickman").role == "Agriculture Secretary"


def test_role_runs_past_abbreviation_periods() -> None:
    doc = make_doc("Neera Tanden, a senior adviser to Mrs. Clinton and to the U.S. ambassador, said no.")
    person = entity(find_entities(doc), "Neera Tanden")
    assert person.role == "a senior adviser to Mrs. Clinton and to the U.S. ambassador"


@pytest.mark.parametrize(
    ("sentence", "person", "role", "other"),
    [
        (
            "Hong Kong Financial Secretary Donald Tsang said on Friday it grew .",
            "Donald Tsang",
            "Financial Secretary",
            "Hong Kong",
        ),
        (
            "Shares rose after Cofinec CEO Stephen Frater told reporters in a call .",
            "Stephen Frater",
            "CEO",
            "Cofinec",
        ),
    ],
)
def test_titled_person_inside_a_longer_run(sentence: str, person: str, role: str, other: str) -> None:
    found = find_entities(make_doc(sentence))
    assert entity(found, person).role == role
    assert other in names(found)


def test_who_clause_marks_a_person_even_at_a_sentence_start() -> None:
    doc = make_doc(
        "The round went well on Friday .", "Henke , who called his round a pleasant surprise , led ."
    )
    assert entity(find_entities(doc), "Henke").type == "PERSON"


def test_longer_form_joins_the_person_and_relative_clauses_leave_the_role() -> None:
    doc = make_doc(
        "Suu Kyi, a Nobel Peace Prize winner who spent 15 years under house arrest, arrived on Monday.",
        "Aung San Suu Kyi met then-Secretary of State Hillary Clinton in 2011.",
    )
    found = find_entities(doc)
    person = entity(found, "Aung San Suu Kyi")
    assert person.type == "PERSON"
    assert person.role == "a Nobel Peace Prize winner"
    assert entity(found, "Hillary Clinton").role == "then-Secretary of State"
