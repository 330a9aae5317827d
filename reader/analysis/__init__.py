"""Document -> Analysis: quotes with speakers and entities. Headless and fast."""

from __future__ import annotations

from reader.document import Analysis, Document


def analyze(doc: Document) -> Analysis:
    """Find the entities, then the quotes (whose speakers are entities)."""
    from reader.analysis.entities import find_entities
    from reader.analysis.quotes import find_quotes

    entities = find_entities(doc)
    quotes, entities = find_quotes(doc, entities)
    return Analysis(quotes=tuple(quotes), entities=tuple(entities))


__all__ = ["analyze"]
