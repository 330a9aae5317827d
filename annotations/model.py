"""The user's data: annotations (highlights with tag and note), articles and tags.

Frozen dataclasses with ``to_json``/``from_json`` so only JSON-native values reach the
store. Selectors follow the W3C Web Annotation model.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

CONTEXT_CHARS = 32  # prefix/suffix length of a TextQuoteSelector
STATUSES = ("ok", "drifted", "orphan")


def now_iso() -> str:
    """The current UTC time as an ISO-8601 string with seconds precision."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def new_id() -> str:
    """A fresh annotation id (uuid4)."""
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """The highlighted words with some context on each side."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_text(cls, text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> TextQuoteSelector:
        """The selector for ``text[start:end]``."""
        return cls(text[start:end], text[max(0, start - context) : start], text[end : end + context])


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    """Code-point offsets into the article's canonical text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Target:
    """Where an annotation points: quote and position selectors together."""

    quote: TextQuoteSelector
    position: TextPositionSelector

    @classmethod
    def from_text(cls, text: str, start: int, end: int) -> Target:
        """The target for ``text[start:end]``."""
        return cls(TextQuoteSelector.from_text(text, start, end), TextPositionSelector(start, end))

    def to_json(self) -> dict[str, Any]:
        """JSON-native form."""
        return {
            "exact": self.quote.exact,
            "prefix": self.quote.prefix,
            "suffix": self.quote.suffix,
            "start": self.position.start,
            "end": self.position.end,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Target:
        """Inverse of ``to_json``."""
        return cls(
            TextQuoteSelector(data["exact"], data.get("prefix", ""), data.get("suffix", "")),
            TextPositionSelector(int(data["start"]), int(data["end"])),
        )


@dataclass(frozen=True, slots=True)
class Annotation:
    """A highlight on one article, with an optional tag and Markdown note."""

    article: str
    target: Target
    tag: str | None = None
    note: str = ""
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    status: str = "ok"  # one of STATUSES

    @property
    def start(self) -> int:
        """Start offset in the article text."""
        return self.target.position.start

    @property
    def end(self) -> int:
        """End offset in the article text."""
        return self.target.position.end

    @property
    def exact(self) -> str:
        """The highlighted text."""
        return self.target.quote.exact

    def edited(self, **changes: Any) -> Annotation:
        """A copy with ``changes`` applied and ``updated`` set to now."""
        return replace(self, updated=now_iso(), **changes)

    def to_json(self) -> dict[str, Any]:
        """JSON-native form."""
        return {
            "id": self.id,
            "article": self.article,
            "target": self.target.to_json(),
            "tag": self.tag,
            "note": self.note,
            "created": self.created,
            "updated": self.updated,
            "status": self.status,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Annotation:
        """Inverse of ``to_json``."""
        return cls(
            article=data["article"],
            target=Target.from_json(data["target"]),
            tag=data.get("tag"),
            note=data.get("note") or "",
            id=data["id"],
            created=data.get("created") or now_iso(),
            updated=data.get("updated") or data.get("created") or now_iso(),
            status=data.get("status") or "ok",
        )


@dataclass(frozen=True, slots=True)
class Tag:
    """A highlight tag: a name, a key (1-9, 0) and a colour."""

    name: str
    key: str | None = None
    colour: str = "#f7e27a"

    def to_json(self) -> dict[str, Any]:
        """JSON-native form."""
        return {"name": self.name, "key": self.key, "colour": self.colour}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Tag:
        """Inverse of ``to_json``."""
        return cls(data["name"], data.get("key"), data.get("colour") or "#f7e27a")


DEFAULT_TAGS = (
    Tag("Key point", "1", "#e5c07b"),
    Tag("Evidence", "2", "#98c379"),
    Tag("Question", "3", "#61afef"),
    Tag("Disagree", "4", "#e06c75"),
    Tag("Follow up", "5", "#c678dd"),
)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """An article the user has opened: where it came from and where they were."""

    key: str
    source: str
    title: str | None = None
    author: str | None = None
    fingerprint: str = ""
    added: str = field(default_factory=now_iso)
    last_opened: str = field(default_factory=now_iso)
    position: int = 0  # reading cursor offset
    length: int = 0  # length of the text, for progress

    def to_json(self) -> dict[str, Any]:
        """JSON-native form."""
        return {
            "key": self.key,
            "source": self.source,
            "title": self.title,
            "author": self.author,
            "fingerprint": self.fingerprint,
            "added": self.added,
            "last_opened": self.last_opened,
            "position": self.position,
            "length": self.length,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleRecord:
        """Inverse of ``to_json``."""
        return cls(
            key=data["key"],
            source=data.get("source") or "",
            title=data.get("title"),
            author=data.get("author"),
            fingerprint=data.get("fingerprint") or "",
            added=data.get("added") or now_iso(),
            last_opened=data.get("last_opened") or now_iso(),
            position=int(data.get("position") or 0),
            length=int(data.get("length") or 0),
        )
