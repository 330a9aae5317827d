"""Date and number patterns tried only where a match can start find what finditer finds."""

from __future__ import annotations

import re

import pytest

from reader.analysis import entity_numbers
from reader.analysis.regex_scan import finditer_at, tail_starts

TEXTS = [
    "Next year, last summer and this week; a hundred, one thousand, A trillion, One dozen.",
    "Half a million, half a billion; thousands, Millions; today, Tonight, tomorrow, yesterday.",
    "often to twenty, ontonight tonightonight oftoday ahundred a\u00a0million one\ttrillion",
    "On 12 June 1812, 2015-2017, the 1990s, $20,000 to $30,000, 3/4/21, £5.5 million, ١٩٩٠.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_date_and_number_pattern_matches_as_finditer(text: str) -> None:
    digits = [m.start() for m in re.finditer(r"[$£€\d]", text)]
    for pattern in (*entity_numbers.DATE_PATTERNS, *entity_numbers.NUMBER_PATTERNS):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in entity_numbers._matches(pattern, text, digits)] == expected


def test_finditer_at_resumes_after_each_match() -> None:
    pattern = re.compile(r"ab+")
    text = "abbb ab xab"
    starts = [i for i, c in enumerate(text) if c == "a"]
    assert [m.span() for m in finditer_at(pattern, text, starts)] == [(0, 4), (5, 7), (9, 11)]


def test_tail_starts_finds_overlapping_words_and_checks_first_letters() -> None:
    assert tail_starts("tonightonight xonight", ("onight",), (1,), "tT") == [0, 6]
    assert tail_starts("a million", ("illion",), (3, 4), "a") == [0]


def test_dense_digits_fall_back_to_plain_scans() -> None:
    assert entity_numbers.digit_starts("1 2 3 4") is None
    assert entity_numbers.digit_starts("x" * 1000 + "1") == [1000]
