"""Project Gutenberg texts: the header and licence are boilerplate; Title/Author come from the header."""

from __future__ import annotations

import re

from reader.ingest.canonical import Unit

_START = re.compile(r"\*{3}\s*START OF (?:THIS|THE) PROJECT GUTENBERG", re.IGNORECASE)
_END = re.compile(
    r"\*{3}\s*END OF (?:THIS|THE) PROJECT GUTENBERG|End of (?:the )?Project Gutenberg", re.IGNORECASE
)
_END_OPENINGS = ("***", "End", "END", "end")
_FIELD = re.compile(r"(?P<key>Title|Author):\s*(?P<value>.+)", re.DOTALL)


def is_gutenberg(text: str) -> bool:
    """True when the start of ``text`` carries a Project Gutenberg header."""
    head = text[:4000]
    return "Project Gutenberg" in head and _START.search(text[:20000]) is not None


def mark_gutenberg(units: list[Unit]) -> dict[str, str]:
    """Mark the header and licence units as boilerplate; return the header's Title/Author."""
    fields: dict[str, str] = {}
    start = next((i for i, unit in enumerate(units) if _START.match(unit.text)), None)
    if start is None:
        return fields
    for unit in units[: start + 1]:
        unit.kind = "boilerplate"
        field = _FIELD.match(unit.text)
        if field and field["key"].lower() not in fields:
            fields[field["key"].lower()] = " ".join(field["value"].split())
    for index in range(start + 1, len(units)):
        if units[index].text[:3] in _END_OPENINGS and _END.match(units[index].text):
            for unit in units[index:]:
                unit.kind = "boilerplate"
            break
    return fields


def title_unit_index(units: list[Unit], title: str) -> int | None:
    """The first unit after the header whose text is the title (any case)."""
    wanted = title.casefold()
    for index, unit in enumerate(units[:200]):
        if unit.kind != "boilerplate" and unit.text.casefold() == wanted:
            return index
    return None
