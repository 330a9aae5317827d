"""File names from titles: safe, short, unique."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotations.export.filenames import MAX_NAME_BYTES, safe_filename, unique_filenames


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("US and Mexico Plan Joint Crackdown", "US and Mexico Plan Joint Crackdown.md"),
        ("../../etc/passwd", "etc - passwd.md"),
        (".hidden", "hidden.md"),
        ("a/b\\c:d", "a - b - c - d.md"),
        ("What? *Really* <now>|", "What - Really - now.md"),
        ("CON", "CON (article).md"),
        ("nul.txt", "nul.txt (article).md"),
        ("   ", "untitled.md"),
        ("...", "untitled.md"),
        ("tab\there\nnewline", "tab here newline.md"),
        ("Ünïcödé — ok", "Ünïcödé — ok.md"),
    ],
)
def test_safe_filename(title: str, name: str) -> None:
    assert safe_filename(title, "md") == name


def test_names_are_length_limited_at_a_character_boundary() -> None:
    name = safe_filename("é" * 500, "html")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.endswith("é.html")


def test_names_are_unique_case_insensitively() -> None:
    assert unique_filenames(["Notes", "notes", "NOTES", "Notes (2)"], "md") == [
        "Notes.md",
        "notes (2).md",
        "NOTES (3).md",
        "Notes (2) (2).md",
    ]


def test_long_duplicates_stay_within_the_limit() -> None:
    names = unique_filenames(["x" * 400] * 3, "json")
    assert len(set(names)) == 3
    assert all(len(n.encode()) <= MAX_NAME_BYTES for n in names)


@given(st.lists(st.text(max_size=300), min_size=1, max_size=5))
def test_any_titles_give_distinct_plain_names(titles: list[str]) -> None:
    names = unique_filenames(titles, "md")
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert Path(name).name == name and name not in (".", "..")
        assert not name.startswith(".") and "/" not in name and "\\" not in name and "\x00" not in name
        assert len(name.encode("utf-8", "surrogatepass")) <= MAX_NAME_BYTES
        assert name.endswith(".md")
