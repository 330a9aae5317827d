"""A town is a sports team only when the text uses it like one more than once in a while."""

from __future__ import annotations

from reader.analysis.entities import find_entities
from reader.document import Document


def types(text: str) -> dict[str, str]:
    return {e.name: e.type for e in find_entities(Document(text, (), "test"))}


def test_one_score_like_phrase_among_many_mentions_keeps_a_city_a_place() -> None:
    story = " ".join(f"On day {i} they rode into Moscow again." for i in range(1, 13))
    found = types(story + " The paper money which flooded Moscow lost its value.")
    assert found["Moscow"] == "PLACE"


def test_a_town_named_as_a_team_is_an_organisation() -> None:
    found = types("Essex beat Kent by five wickets at Chelmsford on Monday.")
    assert found["Kent"] == "ORG"
