"""Small builders and lookups shared by the analysis unit tests (constructed documents)."""

from __future__ import annotations

from reader.document import Block, Document, Entity


def make_doc(*paragraphs: str, kinds: tuple[str, ...] = ()) -> Document:
    """A Document whose paragraphs are separated by one blank line (block kinds optional)."""
    blocks, pos = [], 0
    for index, para in enumerate(paragraphs):
        kind = kinds[index] if index < len(kinds) else "paragraph"
        blocks.append(Block(kind, pos, pos + len(para)))
        pos += len(para) + 2
    return Document("\n\n".join(paragraphs), tuple(blocks), "test")


def entity(entities: list[Entity], name: str) -> Entity:
    """The entity with this name (fails the test when missing)."""
    found = [e for e in entities if e.name == name]
    assert found, f"{name!r} not in {[e.name for e in entities]}"
    return found[0]


def names(entities: list[Entity], kind: str | None = None) -> set[str]:
    """The names of the entities (of one type when ``kind`` is given)."""
    return {e.name for e in entities if kind is None or e.type == kind}


def surfaces(doc: Document, ent: Entity) -> list[str]:
    """The text of each mention of an entity."""
    return [doc.text[s:e] for s, e in ent.mentions]
