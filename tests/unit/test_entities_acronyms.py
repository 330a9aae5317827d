"""Acronyms: bracketed and well-known short forms join their long forms."""

from __future__ import annotations

from reader.analysis.entities import find_entities
from tests.unit.doc_helpers import entity, make_doc, names, surfaces


def test_bracketed_acronym_links_both_ways() -> None:
    doc = make_doc(
        "US law enforcement like the Drug Enforcement Administration (DEA) will keep working.",
        "Officials said the DEA has scheduled several chemicals.",
    )
    found = find_entities(doc)
    agency = entity(found, "Drug Enforcement Administration")
    assert agency.type == "ORG"
    assert "DEA" in agency.aliases
    assert agency.expansion == "Drug Enforcement Administration"
    assert surfaces(doc, agency) == ["Drug Enforcement Administration", "DEA", "DEA"]
    assert "DEA" not in names(found)


def test_acronym_long_form_spans_commas_and_connectors() -> None:
    doc = make_doc("And the US Bureau of Alcohol, Tobacco and Firearms (ATF) will monitor guns.")
    found = find_entities(doc)
    bureau = entity(found, "Bureau of Alcohol, Tobacco and Firearms")
    assert "ATF" in bureau.aliases


def test_acronym_of_a_person() -> None:
    doc = make_doc(
        "Biden met Mexican President Andrés Manuel López Obrador (AMLO) in January.",
        "AMLO has emphasized his own government’s efforts.",
    )
    person = entity(find_entities(doc), "Andrés Manuel López Obrador")
    assert person.type == "PERSON"
    assert person.role == "Mexican President"
    assert person.aliases.count("AMLO") == 1
    assert len(person.mentions) == 3


def test_acronym_before_its_long_form() -> None:
    doc = make_doc(
        "The GAO published a report on Tuesday.",
        "Auditors at the Government Accountability Office found evidence.",
    )
    found = find_entities(doc)
    office = entity(found, "Government Accountability Office")
    assert "GAO" in office.aliases
    assert "GAO" not in names(found)


def test_well_known_acronym_links_to_spelled_out_name() -> None:
    doc = make_doc("The United States and Mexico will announce a deal.", "The US will crack down on guns.")
    country = entity(find_entities(doc), "United States")
    assert country.type == "PLACE"
    assert "US" in country.aliases


def test_well_known_acronym_alone_gets_its_expansion() -> None:
    doc = make_doc("Officials in the U.S. said so on Friday.")
    country = entity(find_entities(doc), "U.S.")
    assert country.type == "PLACE"
    assert country.expansion == "United States"
