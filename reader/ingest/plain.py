"""Plain text -> Document: paragraphs, then block kinds, title and author."""

from __future__ import annotations

from typing import Any

from reader.document import Document
from reader.ingest.canonical import Unit, assemble
from reader.ingest.structure import split_units
from reader.ingest.structure_author import find_author
from reader.ingest.structure_gutenberg import is_gutenberg, mark_gutenberg, title_unit_index
from reader.ingest.structure_kinds import classify_units, find_title_index
from reader.ingest.structure_pull import mark_pull_quotes


def parse_plain(text: str, source: str, meta: dict[str, Any] | None = None) -> Document:
    """Build the Document of clean plain text (newlines normalised, sanitised)."""
    units = split_units(text)
    title, author = infer_structure(units, len(text))
    canonical, blocks = assemble(units)
    meta = {**(meta or {}), "format": "text"}
    return Document(canonical, blocks, source, title=title, author=author, meta=meta)


def infer_structure(units: list[Unit], text_length: int) -> tuple[str | None, str | None]:
    """Set every unit's kind; return the title and author the text gives."""
    header: dict[str, str] = {}
    if units and is_gutenberg(units[0].text + "\n" + "\n".join(u.text for u in units[1:60])):
        header = mark_gutenberg(units)
    has_title = "title" in header
    title_index = title_unit_index(units, header["title"]) if has_title else find_title_index(units)
    classify_units(units, title_index)
    mark_pull_quotes(units, text_length)
    found_author = find_author(units)  # also marks the byline blocks
    author = header.get("author") or found_author
    if "title" in header:
        return header["title"], author
    title = units[title_index].text.rstrip(";:").strip() if title_index is not None else None
    return title, author
