"""Dates and numbers found as entities."""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities
from tests.unit.doc_helpers import make_doc


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
