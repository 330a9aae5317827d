"""The export context: one article's highlights, notes, quotes and entities as plain values.

``build_context(item)`` turns an ``ArticleExport`` (article + annotations + optional
analysis) into the values every export format and every user template reads. Everything
here is deterministic: the same data always gives the same context (no clock, stable
order), so re-exporting unchanged data gives byte-identical files.
"""

from __future__ import annotations

import bisect
import re
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from annotations.model import DEFAULT_TAGS, Annotation, ArticleRecord, Tag
from reader.document import Analysis, Document, Entity, Quote

SPOKEN_KINDS = ("speech", "partial", "pull")
INDEX_TYPES = ("PERSON", "ORG", "GROUP")  # "People and organisations"
SECTIONS = ("quotes", "entities")  # optional sections (--include)
UNSECTIONED = {"title", "byline", "boilerplate", "heading"}  # blocks that are not paragraphs
_NO_COMMAND_SOURCES = {"", "-", "<stdin>"}


@dataclass(frozen=True)
class ArticleExport:
    """Everything needed to export one article (``doc`` is None when it cannot be loaded)."""

    key: str
    annotations: Sequence[Annotation] = ()
    doc: Document | None = None
    analysis: Analysis | None = None
    record: ArticleRecord | None = None
    tags: Sequence[Tag] = DEFAULT_TAGS

    @property
    def title(self) -> str:
        """The article's title (its source when it has none)."""
        candidates = (self.doc and self.doc.title, self.record and self.record.title, self.source)
        return next((c for c in candidates if c and c.strip()), self.key)

    @property
    def author(self) -> str | None:
        """The article's author, when known."""
        return (self.doc and self.doc.author) or (self.record and self.record.author) or None

    @property
    def source(self) -> str:
        """Where the article came from (path or URL)."""
        return (self.record and self.record.source) or (self.doc and self.doc.source) or ""


@dataclass(frozen=True)
class Highlight:
    """One annotation as a template sees it (``text`` is the current article text)."""

    id: str
    text: str
    note: str
    tag: str | None
    hashtag: str  # "#key-point", or "" without a tag
    start: int
    end: int
    status: str
    created: str
    updated: str
    speaker: str | None = None
    speaker_role: str | None = None
    section: str | None = None  # the heading above the passage
    paragraph: int | None = None  # paragraph number within the section (1-based)
    place: str | None = None  # "Section, ¶ 3" (None when the article could not be loaded)
    command: str | None = None  # the shell command that reopens gloss at the passage


@dataclass(frozen=True)
class TagUse:
    """A tag used in this article, with its definition and count."""

    name: str
    slug: str
    key: str | None
    colour: str
    count: int


@dataclass(frozen=True)
class SpeakerQuotes:
    """The quotes of one speaker (``speaker`` None: unattributed), in reading order."""

    speaker: str | None
    role: str | None
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class EntityInfo:
    """One person, organisation or group with its role and mention count."""

    name: str
    type: str
    role: str | None
    aliases: tuple[str, ...]
    mentions: int
    expansion: str | None = None


@dataclass(frozen=True)
class ExportContext:
    """All values an export renders from (see ``annotations.export`` for the template names)."""

    article: dict[str, Any]
    highlights: tuple[Highlight, ...]
    orphans: tuple[Highlight, ...]
    tags: tuple[TagUse, ...]
    quotes: tuple[SpeakerQuotes, ...] = ()
    entities: tuple[EntityInfo, ...] = ()
    include: frozenset[str] = field(default_factory=frozenset)

    @property
    def notes(self) -> tuple[Highlight, ...]:
        """Highlights (placed and orphaned) that carry a note, in reading order."""
        return tuple(h for h in self.highlights + self.orphans if h.note.strip())

    def template_vars(self) -> dict[str, Any]:
        """The variables a template receives."""
        return {
            "article": self.article,
            "highlights": self.highlights,
            "orphans": self.orphans,
            "notes": self.notes,
            "tags": self.tags,
            "quotes": self.quotes,
            "entities": self.entities,
            "include": self.include,
        }


def tag_slug(name: str) -> str:
    """A tag name as a notes-app tag: "Key point" -> "key-point" (never only digits)."""
    slug = re.sub(r"[^\w/-]+|_", "-", name.strip().lower()).strip("-/")
    slug = re.sub(r"-{2,}", "-", slug)
    if not slug or slug.replace("-", "").isdigit():
        slug = f"tag-{slug}" if slug else "tag"
    return slug


def latest_change(annotations: Iterable[Annotation]) -> str | None:
    """The latest ``updated`` time among ``annotations`` (as stored), or None."""
    best: tuple[datetime, str] | None = None
    for ann in annotations:
        stamp = ann.updated or ann.created
        try:
            when = datetime.fromisoformat(stamp)
        except ValueError:
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.now().astimezone().tzinfo)
        if best is None or (when, stamp) > best:
            best = (when, stamp)
    return best[1] if best else None


def reopen_command(source: str, offset: int | None = None) -> str | None:
    """``gloss SOURCE [--at OFFSET]``, quoted for a POSIX shell (None for stdin)."""
    if source in _NO_COMMAND_SOURCES:
        return None
    command = f"gloss {shlex.quote(source)}"
    return command if offset is None else f"{command} --at {offset}"


class _Places:
    """Section heading and paragraph number of any offset, by binary search over blocks."""

    def __init__(self, doc: Document) -> None:
        self.starts: list[int] = []
        self.places: list[tuple[str | None, int | None, str]] = []
        section: str | None = None
        number = 0
        for block in doc.blocks:
            if block.kind == "heading":
                section, number = " ".join(doc.block_text(block).split()), 0
            if block.kind not in UNSECTIONED:
                number += 1
            self.starts.append(block.start)
            paragraph = number if block.kind not in UNSECTIONED else None
            self.places.append((section, paragraph, _place_label(block.kind, section, paragraph)))

    def at(self, offset: int) -> tuple[str | None, int | None, str | None]:
        """(section, paragraph, label) of the block holding ``offset`` (or the one before)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.places[index] if index >= 0 else (None, None, None)


def _place_label(kind: str, section: str | None, paragraph: int | None) -> str:
    """Where a block is, for a reader: "Section, ¶ 3", "¶ 2", "Section", "title"."""
    if paragraph is not None:
        return f"{section}, ¶ {paragraph}" if section else f"¶ {paragraph}"
    if kind == "heading" and section:
        return section
    return kind


def _speaker(
    quotes: Sequence[Quote], analysis: Analysis, start: int, end: int
) -> tuple[str | None, str | None]:
    """The speaker of the passage [start, end), with their role, when it is quoted speech.

    A quote counts when it covers at least half of the passage or the passage holds the
    whole quote; among several, the one overlapping most wins. A passage of narration
    that merely touches a quote has no speaker.
    """
    best: Quote | None = None
    best_overlap = 0
    for quote in quotes:
        overlap = min(end, quote.end) - max(start, quote.start)
        inner_start, inner_end = quote.inner
        counts = overlap * 2 >= end - start or (start <= inner_start and inner_end <= end)
        if counts and overlap > best_overlap:
            best, best_overlap = quote, overlap
    if best is None:
        return None, None
    return best.speaker, _role(analysis, best)


def _role(analysis: Analysis, quote: Quote) -> str | None:
    """The speaker's role, from their entity (by id, else by name)."""
    entity = analysis.entity(quote.speaker_entity)
    if entity is None:
        entity = next((e for e in analysis.entities if e.name == quote.speaker), None)
    return entity.role if entity else None


def _highlight(item: ArticleExport, ann: Annotation, text: str, extra: dict[str, Any]) -> Highlight:
    """A ``Highlight`` of ``ann`` showing ``text``."""
    return Highlight(
        id=ann.id,
        text=text,
        note=ann.note or "",
        tag=ann.tag,
        hashtag=f"#{tag_slug(ann.tag)}" if ann.tag else "",
        start=ann.start,
        end=ann.end,
        status=ann.status,
        created=ann.created,
        updated=ann.updated,
        **extra,
    )


def _placed(item: ArticleExport, ann: Annotation) -> bool:
    """Whether ``ann`` can be shown at its position in the loaded article."""
    if ann.status == "orphan":
        return False
    if item.doc is None:
        return True
    return 0 <= ann.start < ann.end <= len(item.doc.text)


def build_highlights(item: ArticleExport) -> tuple[tuple[Highlight, ...], tuple[Highlight, ...]]:
    """(placed highlights in reading order, orphans in their former order)."""
    order = sorted(item.annotations, key=lambda a: (a.start, a.end, a.created, a.id))
    places = _Places(item.doc) if item.doc else None
    analysis = item.analysis or Analysis()
    spoken = [q for q in analysis.quotes if q.kind in SPOKEN_KINDS and q.speaker]
    placed: list[Highlight] = []
    orphans: list[Highlight] = []
    for ann in order:
        if not _placed(item, ann):
            orphans.append(_highlight(item, ann, ann.exact, {}))
            continue
        text = item.doc.text[ann.start : ann.end] if item.doc else ann.exact
        section, paragraph, place = places.at(ann.start) if places else (None, None, None)
        speaker, role = _speaker(spoken, analysis, ann.start, ann.end)
        extra = {
            "speaker": speaker,
            "speaker_role": role,
            "section": section,
            "paragraph": paragraph,
            "place": place,
            "command": reopen_command(item.source, ann.start),
        }
        placed.append(_highlight(item, ann, text, extra))
    return tuple(placed), tuple(orphans)


def build_tags(item: ArticleExport) -> tuple[TagUse, ...]:
    """The tags used in this article, in the order of the tag list (unknown tags last)."""
    counts: dict[str, int] = {}
    for ann in item.annotations:
        if ann.tag:
            counts[ann.tag] = counts.get(ann.tag, 0) + 1
    known = {tag.name: tag for tag in item.tags}
    names = [t.name for t in item.tags if t.name in counts] + sorted(n for n in counts if n not in known)
    uses = []
    for name in names:
        tag = known.get(name, Tag(name))
        uses.append(TagUse(name, tag_slug(name), tag.key, tag.colour, counts[name]))
    return tuple(uses)


def build_quotes(analysis: Analysis) -> tuple[SpeakerQuotes, ...]:
    """Spoken quotes grouped by speaker in order of first appearance; unattributed last.

    A pull quote repeats a body quote, so it is left out when its twin (or the same
    words) is already listed.
    """
    ordered = sorted(analysis.quotes, key=lambda q: (q.start, q.end))
    body_texts = {_words(q.text) for q in ordered if q.kind != "pull"}
    groups: dict[str | None, list[Quote]] = {}
    roles: dict[str | None, str | None] = {}
    for quote in ordered:
        if quote.kind not in SPOKEN_KINDS:
            continue
        if quote.kind == "pull" and (quote.twin is not None or _words(quote.text) in body_texts):
            continue
        groups.setdefault(quote.speaker, []).append(quote)
        if roles.get(quote.speaker) is None:
            roles[quote.speaker] = _role(analysis, quote) if quote.speaker else None
    named = [SpeakerQuotes(s, roles[s], tuple(q)) for s, q in groups.items() if s is not None]
    if None in groups:
        named.append(SpeakerQuotes(None, None, tuple(groups[None])))
    return tuple(named)


def _words(text: str) -> str:
    """Text reduced to its lowercase words, to spot a pull quote's body twin."""
    return " ".join(re.findall(r"\w+", text.lower()))


def build_entities(analysis: Analysis) -> tuple[EntityInfo, ...]:
    """People, organisations and groups, by type then most mentioned then name."""
    chosen: list[Entity] = [e for e in analysis.entities if e.type in INDEX_TYPES]
    chosen.sort(key=lambda e: (INDEX_TYPES.index(e.type), -len(e.mentions), e.name.lower(), e.id))
    return tuple(
        EntityInfo(e.name, e.type, e.role, tuple(e.aliases), len(e.mentions), e.expansion) for e in chosen
    )


def build_context(item: ArticleExport, include: Iterable[str] = ()) -> ExportContext:
    """The export context of one article; ``include`` names optional sections."""
    wanted = frozenset(include)
    unknown = wanted - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown section {sorted(unknown)[0]!r} (choose from {', '.join(SECTIONS)})")
    highlights, orphans = build_highlights(item)
    tags = build_tags(item)
    analysis = item.analysis or Analysis()
    article = {
        "title": item.title,
        "author": item.author,
        "source": item.source,
        "id": item.key,
        "updated": latest_change(item.annotations),
        "tags": [t.slug for t in tags],
        "highlight_count": len(highlights) + len(orphans),
        "orphan_count": len(orphans),
        "command": reopen_command(item.source),
    }
    return ExportContext(
        article=article,
        highlights=highlights,
        orphans=orphans,
        tags=tags,
        quotes=build_quotes(analysis) if "quotes" in wanted else (),
        entities=build_entities(analysis) if "entities" in wanted else (),
        include=wanted,
    )
