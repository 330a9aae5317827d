"""Assemble the canonical text and its blocks from a list of block texts.

Every ingest format ends here, so the canonical-text rules live in one place: blocks in
reading order, separated by exactly one blank line, no block empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.document import Block


@dataclass(slots=True)
class Unit:
    """One block before it has offsets: its text (may hold single newlines) and kind."""

    text: str
    kind: str = "paragraph"
    level: int = 0
    lang: str | None = None


def assemble(units: list[Unit]) -> tuple[str, tuple[Block, ...]]:
    """The canonical text of ``units`` and one Block per non-empty unit."""
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for unit in units:
        if not unit.text:
            continue
        if parts:
            pos += 2  # the blank line between blocks
        parts.append(unit.text)
        blocks.append(Block(unit.kind, pos, pos + len(unit.text), unit.level, unit.lang))
        pos += len(unit.text)
    return "\n\n".join(parts), tuple(blocks)
