"""Named entities (placeholder until the entities issue lands: finds none)."""

from __future__ import annotations

from reader.document import Document, Entity


def find_entities(doc: Document) -> list[Entity]:
    """Every entity of the document with its mentions."""
    return []
