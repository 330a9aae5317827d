"""The article model: immutable data shared by ingest, analysis, the UI and export.

All offsets are Python ``str`` indices (code points) into ``Document.text``, the
canonical text that ingest produced. Nothing here imports anything of ours.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

BLOCK_KINDS = (
    "title",
    "heading",
    "paragraph",
    "pull_quote",
    "blockquote",
    "list_item",
    "caption",
    "byline",
    "code",
    "boilerplate",
)

QUOTE_KINDS = ("speech", "partial", "pull", "scare", "term")
ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "DATE", "NUMBER", "GROUP", "MISC")


@dataclass(frozen=True, slots=True)
class Block:
    """A structural block of the article: ``text[start:end]`` (no trailing newline)."""

    kind: str
    start: int
    end: int
    level: int = 0  # heading level, list nesting depth
    lang: str | None = None  # language of a code block, when known

    def to_json(self) -> dict[str, Any]:
        """The block as in the analysis JSON (level/lang only when set)."""
        out: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end}
        if self.level:
            out["level"] = self.level
        if self.lang:
            out["lang"] = self.lang
        return out


@dataclass(frozen=True, slots=True)
class Document:
    """One article: canonical text, its blocks and metadata."""

    text: str
    blocks: tuple[Block, ...]
    source: str
    title: str | None = None
    author: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def block_at(self, offset: int) -> Block | None:
        """The block containing ``offset``, or None between blocks."""
        index = bisect_right(self.blocks, offset, key=lambda block: block.end)
        if index < len(self.blocks) and self.blocks[index].start <= offset:
            return self.blocks[index]
        return None

    def block_text(self, block: Block) -> str:
        """The text of one block."""
        return self.text[block.start : block.end]


@dataclass(frozen=True, slots=True)
class Span:
    """A styled range for the view and the lexer.

    ``kind`` is a dotted token path below ``Token.Gloss`` ("quote", "quote.mark",
    "entity.person", "date", "heading", "highlight" …; see ``reader.tokens``).
    ``group`` picks a colour within a kind (the speaker's palette slot for quotes).
    ``ref`` points back at what made the span (a quote index, an entity id …).
    """

    start: int
    end: int
    kind: str
    group: int = 0
    ref: Any = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation. ``start``/``end`` include the marks; ``text`` does not."""

    start: int
    end: int
    text: str
    kind: str  # one of QUOTE_KINDS
    speaker: str | None = None  # full canonical name, never a pronoun
    speaker_entity: str | None = None  # Entity.id of the speaker
    cue: str | None = None  # the cue verb or phrase ("told", "according to")
    content_start: int = -1  # start of the text inside the marks (-1: start + 1)
    content_end: int = -1  # end of the text inside the marks (-1: end - 1)
    twin: int | None = None  # for a pull quote: index of its body twin in the quote list

    @property
    def inner(self) -> tuple[int, int]:
        """The range of the quoted words, without the marks."""
        s = self.content_start if self.content_start >= 0 else self.start + 1
        e = self.content_end if self.content_end >= 0 else self.end - 1
        return s, e

    def to_json(self) -> dict[str, Any]:
        """The quote as in the analysis JSON."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_entity": self.speaker_entity,
            "cue": self.cue,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing with all its mentions in the article."""

    id: str
    name: str
    type: str  # one of ENTITY_TYPES
    mentions: tuple[tuple[int, int], ...] = ()
    aliases: tuple[str, ...] = ()
    role: str | None = None
    expansion: str | None = None  # for an acronym-named entity, its long form

    def to_json(self) -> dict[str, Any]:
        """The entity as in the analysis JSON."""
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "role": self.role,
            "aliases": list(self.aliases),
            "mentions": [list(m) for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the analysers found in one document."""

    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    _by_id: dict[str, Entity] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        # an id index, so status lines and exports look speakers up without a scan
        object.__setattr__(self, "_by_id", {ent.id: ent for ent in self.entities})

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, if any."""
        return self._by_id.get(entity_id) if entity_id is not None else None


def analysis_json(doc: Document, analysis: Analysis) -> dict[str, Any]:
    """The analysis JSON object of DESIGN.md for one document."""
    return {
        "schema": 1,
        "source": doc.source,
        "title": doc.title,
        "author": doc.author,
        "text": doc.text,
        "blocks": [b.to_json() for b in doc.blocks],
        "quotes": [q.to_json() for q in analysis.quotes],
        "entities": [e.to_json() for e in analysis.entities],
    }
