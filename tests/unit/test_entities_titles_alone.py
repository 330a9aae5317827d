"""A title said alone, as a form of address, names no one."""

from __future__ import annotations

from reader.analysis.entities import find_entities
from reader.document import Document


def names(text: str) -> set[str]:
    return {e.name for e in find_entities(Document(text, (), "test"))}


def test_title_alone_as_an_address_is_no_entity() -> None:
    found = names(
        "“Believe me, Princess, I am ready,” he said. “Calm yourself, Princess!” Princess Mary wept."
    )
    assert "Princess" not in found
    assert "Mary" in found


def test_a_name_in_capitals_that_is_a_title_word_is_kept() -> None:
    found = names("The band PRINCE played in Leeds on Friday, and PRINCE left at dawn.")
    assert "PRINCE" in found
