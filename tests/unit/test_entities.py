"""The entity rules, one behaviour each, on small constructed documents."""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities
from reader.document import Block, Document, Entity


def make_doc(*paragraphs: str, kinds: tuple[str, ...] = ()) -> Document:
    """A document of blank-line separated paragraphs (kinds default to 'paragraph')."""
    blocks, pos = [], 0
    for i, para in enumerate(paragraphs):
        kind = kinds[i] if i < len(kinds) else "paragraph"
        blocks.append(Block(kind, pos, pos + len(para)))
        pos += len(para) + 2
    return Document("\n\n".join(paragraphs), tuple(blocks), "test")


def entity(entities: list[Entity], name: str) -> Entity:
    """The entity with this name (fails the test when missing)."""
    found = [e for e in entities if e.name == name]
    assert found, f"{name!r} not in {[e.name for e in entities]}"
    return found[0]


def names(entities: list[Entity], kind: str | None = None) -> set[str]:
    return {e.name for e in entities if kind is None or e.type == kind}


def surfaces(doc: Document, ent: Entity) -> list[str]:
    return [doc.text[s:e] for s, e in ent.mentions]


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


def test_titles_are_stripped_and_become_roles() -> None:
    doc = make_doc(
        "Elected officials like Rep. Dan Crenshaw have spoken, and former Attorney General Bill Barr agreed with Sen. Bob Menendez."
    )
    found = find_entities(doc)
    assert entity(found, "Dan Crenshaw").role == "Rep."
    assert entity(found, "Bill Barr").role == "former Attorney General"
    assert entity(found, "Bob Menendez").role == "Sen."
    assert all(e.type == "PERSON" for e in found if e.name in {"Dan Crenshaw", "Bill Barr", "Bob Menendez"})


def test_bracketed_state_code_is_a_place() -> None:
    doc = make_doc("Republicans like Rep. Dan Crenshaw (TX) and Senator Lindsey Graham (SC) spoke.")
    found = find_entities(doc)
    assert entity(found, "TX").type == "PLACE"
    assert entity(found, "Lindsey Graham").role == "Senator"


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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It happened on March 8 in El Paso.", "March 8"),
        ("The suit was filed in August 2021 and dismissed.", "August 2021"),
        ("Inspections between 2015-2017 were reviewed.", "2015-2017"),
        ("There is a presidential election next year.", "next year"),
        ("Over the spring and summer, CBP plans more.", "spring"),
    ],
)
def test_dates(sentence: str, expected: str) -> None:
    doc = make_doc(sentence)
    dates = {doc.text[s:e] for ent in find_entities(doc) if ent.type == "DATE" for s, e in ent.mentions}
    assert expected in dates


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mexico alleged that half a million weapons are smuggled.", "half a million"),
        ("It claimed that 70 to 90 percent of guns are traced.", "70 to 90 percent"),
        ("The industry saw nearly 20 million guns sold.", "nearly 20 million"),
        ("They reviewed nearly 2,000 inspections.", "nearly 2,000"),
        ("The kidnapping of four citizens shocked many.", "four"),
        ("It costs $548 billion in total.", "$548 billion"),
    ],
)
def test_numbers(sentence: str, expected: str) -> None:
    doc = make_doc(sentence)
    numbers = {doc.text[s:e] for ent in find_entities(doc) if ent.type == "NUMBER" for s, e in ent.mentions}
    assert expected in numbers


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


def test_hyphenated_adjectives_are_not_names() -> None:
    doc = make_doc("It is a major Hong Kong-listed company with X-ray machines in Paris.")
    found = find_entities(doc)
    assert not {"X-ray", "Hong", "X", "Hong Kong", "Kong-listed"} & names(found)
    assert entity(found, "Paris").type == "PLACE"


def test_portfolio_title_before_a_name() -> None:
    doc = make_doc("Paul Drazek , senior trade advisor to Agriculture Secretary Dan Glickman , said so .")
    assert entity(find_entities(doc), "Dan Glickman").role == "Agriculture Secretary"


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


def test_role_runs_past_abbreviation_periods() -> None:
    doc = make_doc("Neera Tanden, a senior adviser to Mrs. Clinton and to the U.S. ambassador, said no.")
    person = entity(find_entities(doc), "Neera Tanden")
    assert person.role == "a senior adviser to Mrs. Clinton and to the U.S. ambassador"


def test_names_inside_double_apostrophe_quotes() -> None:
    doc = make_doc("He long held dreams of a bipartisan ''Grand Bargain'' with the Senate.")
    assert "Grand Bargain" in names(find_entities(doc))


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


def test_usa_today_stays_whole() -> None:
    doc = make_doc("In a joint investigation, USA Today and The Trace reviewed nearly 2,000 inspections.")
    found = find_entities(doc)
    assert entity(found, "USA Today").type == "ORG"


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


def test_arabic_article_names_and_the_in_a_dateline() -> None:
    doc = make_doc(
        "THE HAGUE 1996-08-30", "Pilgrims prayed at al-Aqsa mosque near the Jewish West Bank settlements ."
    )
    found = find_entities(doc)
    assert entity(found, "HAGUE").type == "PLACE"
    assert "al-Aqsa" in names(found)
    assert entity(found, "West Bank").type == "PLACE"
