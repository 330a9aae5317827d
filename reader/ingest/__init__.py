"""Bytes -> Document: plain text, Markdown, HTML, URLs (minimal until the ingest work lands)."""

from __future__ import annotations

from pathlib import Path

from reader.document import Block, Document
from reader.ingest.errors import IngestError

__all__ = ["IngestError", "load"]


def load(source: str) -> Document:
    """Read ``source`` (a path) and build its Document."""
    try:
        raw = Path(source).read_bytes()
    except OSError as error:
        raise IngestError(f"cannot read {source}: {error.strerror}") from None
    text = raw.decode("utf-8", errors="replace")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    blocks, parts, pos = [], [], 0
    for para in paragraphs:
        blocks.append(Block("paragraph", pos, pos + len(para)))
        parts.append(para)
        pos += len(para) + 2
    return Document("\n\n".join(parts), tuple(blocks), source)
