"""W3C Web Annotation (JSON-LD) export and import.

Export: one ``AnnotationCollection`` whose ``items`` are ``Annotation``s. Each target
names the article ``source`` (an absolute path becomes a ``file:`` URI) with a
``TextQuoteSelector`` and a ``TextPositionSelector``; the tag is a ``TextualBody`` with
``purpose: tagging`` and the note one with ``purpose: commenting`` (``format:
text/markdown``). gloss's own fields (article key, anchoring status, article metadata,
tag colours) use the ``gloss:`` prefix, which other tools ignore.

Import: ``parse_collection`` reads such a file (also a bare Annotation, a list of them, or
a collection paged under ``first``) back into model objects, so ``gloss import`` can merge
them by id.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from annotations.export.context import ArticleExport, latest_change
from annotations.export.errors import ExportError
from annotations.model import Annotation, ArticleRecord, Tag, Target, TextPositionSelector, TextQuoteSelector

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
GLOSS_PREFIX = "urn:gloss:"
CONTEXT = [ANNO_CONTEXT, {"gloss": GLOSS_PREFIX}]


def source_iri(source: str) -> str:
    """An article source as an IRI: absolute paths become ``file:`` URIs."""
    if source.startswith("/") and not source.startswith("//"):
        return Path(source).as_uri()
    return source


def source_from_iri(iri: str) -> str:
    """Inverse of ``source_iri``: a ``file:`` URI back to its path."""
    if iri.startswith("file://"):
        return unquote(urlparse(iri).path)
    return iri


def annotation_iri(annotation_id: str) -> str:
    """``urn:uuid:…`` for uuid ids; other ids are used as they are."""
    try:
        parsed = uuid.UUID(annotation_id)
    except ValueError:
        return annotation_id
    return parsed.urn if str(parsed) == annotation_id else annotation_id


def annotation_id_from_iri(iri: str) -> str:
    """Inverse of ``annotation_iri``."""
    return iri[len("urn:uuid:") :] if iri.startswith("urn:uuid:") else iri


def annotation_json(ann: Annotation, source: str) -> dict[str, Any]:
    """One annotation as a W3C ``Annotation``."""
    bodies: list[dict[str, Any]] = []
    if ann.tag:
        bodies.append({"type": "TextualBody", "purpose": "tagging", "value": ann.tag})
    if ann.note:
        bodies.append(
            {"type": "TextualBody", "purpose": "commenting", "value": ann.note, "format": "text/markdown"}
        )
    motivation = "commenting" if ann.note else "tagging" if ann.tag else "highlighting"
    item: dict[str, Any] = {
        "id": annotation_iri(ann.id),
        "type": "Annotation",
        "motivation": motivation,
        "created": ann.created,
        "modified": ann.updated,
    }
    if bodies:
        item["body"] = bodies
    quote = ann.target.quote
    item["target"] = {
        "source": source_iri(source),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": quote.exact,
                "prefix": quote.prefix,
                "suffix": quote.suffix,
            },
            {"type": "TextPositionSelector", "start": ann.start, "end": ann.end},
        ],
    }
    item["gloss:article"] = ann.article
    item["gloss:status"] = ann.status
    return item


def _article_json(item: ArticleExport) -> dict[str, Any]:
    """What gloss needs to recreate the article entry on import."""
    return {"key": item.key, "source": item.source, "title": item.title, "author": item.author}


def collection_json(items: Sequence[ArticleExport]) -> dict[str, Any]:
    """Articles' annotations as one ``AnnotationCollection`` (articles in the given order)."""
    annotations: list[dict[str, Any]] = []
    tags: dict[str, Tag] = {}
    for item in items:
        known = {t.name: t for t in item.tags}
        for ann in sorted(item.annotations, key=lambda a: (a.start, a.end, a.created, a.id)):
            annotations.append(annotation_json(ann, item.source))
            if ann.tag and ann.tag not in tags:
                tags[ann.tag] = known.get(ann.tag, Tag(ann.tag))
    keys = "/".join(item.key for item in items)
    label = items[0].title if len(items) == 1 else f"gloss annotations of {len(items)} articles"
    collection: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"{GLOSS_PREFIX}collection:{uuid.uuid5(uuid.NAMESPACE_URL, GLOSS_PREFIX + keys)}",
        "type": "AnnotationCollection",
        "label": label,
        "total": len(annotations),
        "modified": latest_change(a for item in items for a in item.annotations),
        "gloss:articles": [_article_json(item) for item in items],
        "gloss:tags": [tags[name].to_json() for name in sorted(tags)],
        "items": annotations,
    }
    if collection["modified"] is None:
        del collection["modified"]
    return collection


def render_json(items: Sequence[ArticleExport]) -> str:
    """The JSON-LD text of ``collection_json``: one top-level key, and one annotation,
    article or tag per line (readable, diff-friendly, and fast: compact encoding is C)."""
    collection = collection_json(items)
    lines = [f"  {json.dumps(key)}: {_value(value)}" for key, value in collection.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _value(value: Any) -> str:
    """A top-level value: a list of objects one per line, anything else on one line."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return "[\n" + ",\n".join(f"    {_compact(v)}" for v in value) + "\n  ]"
    return _compact(value)


def _compact(value: Any) -> str:
    """One JSON value on one line."""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


@dataclass(frozen=True)
class Imported:
    """What an annotation file holds: annotations, plus the articles and tags it names.

    An annotation from another tool has no gloss article key: its ``article`` is then
    empty and ``sources[annotation.id]`` names the document it belongs to.
    """

    annotations: tuple[Annotation, ...]
    articles: tuple[ArticleRecord, ...]
    tags: tuple[Tag, ...]
    sources: dict[str, str]
    skipped: int


def _items(data: Any) -> list[Any]:
    """The annotation objects of a collection, page, list or single annotation."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise ExportError("not a W3C annotation file: expected a JSON object or list")
    kind = data.get("type")
    if kind == "Annotation":
        return [data]
    if "items" in data and isinstance(data["items"], list):
        return data["items"]
    first = data.get("first")
    if isinstance(first, dict) and isinstance(first.get("items"), list):
        return first["items"]
    raise ExportError("not a W3C annotation file: no Annotation items found")


def _selectors(target: Any) -> tuple[str, list[dict[str, Any]]]:
    """(source, selectors) of a target object."""
    if not isinstance(target, dict):
        raise ValueError("target is not an object")
    selectors = target.get("selector", [])
    if isinstance(selectors, dict):
        selectors = [selectors]
    return source_from_iri(str(target.get("source", ""))), [s for s in selectors if isinstance(s, dict)]


def parse_annotation(data: dict[str, Any]) -> tuple[Annotation, str]:
    """One W3C Annotation -> (Annotation, article source); ValueError when unusable."""
    target = data.get("target")
    if isinstance(target, list):
        target = target[0] if target else None
    source, selectors = _selectors(target)
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    if quote is None or not isinstance(quote.get("exact"), str):
        raise ValueError("no TextQuoteSelector")
    start = int(position["start"]) if position else -1
    end = int(position["end"]) if position else -1
    bodies = data.get("body", [])
    bodies = [bodies] if isinstance(bodies, dict) else bodies if isinstance(bodies, list) else []
    tag = next(
        (b.get("value") for b in bodies if isinstance(b, dict) and b.get("purpose") == "tagging"), None
    )
    note = next(
        (b.get("value") for b in bodies if isinstance(b, dict) and b.get("purpose") == "commenting"), ""
    )
    created = _text(data.get("created")) or _text(data.get("modified"))
    if not isinstance(data.get("id"), str) or not created:
        raise ValueError("no id or time")
    ann = Annotation(
        article=_text(data.get("gloss:article")) or "",
        target=Target(
            TextQuoteSelector(quote["exact"], str(quote.get("prefix", "")), str(quote.get("suffix", ""))),
            TextPositionSelector(start, end),
        ),
        tag=_text(tag) or None,
        note=_text(note) or "",
        id=annotation_id_from_iri(data["id"]),
        created=created,
        updated=_text(data.get("modified")) or created,
        status=str(data.get("gloss:status") or "ok"),
    )
    return ann, source


def parse_collection(data: Any) -> Imported:
    """Read a W3C annotation document (already JSON-decoded)."""
    annotations: list[Annotation] = []
    sources: dict[str, str] = {}
    skipped = 0
    for raw in _items(data):
        try:
            if not isinstance(raw, dict):
                raise ValueError("not an object")
            ann, source = parse_annotation(raw)
        except (ValueError, TypeError, KeyError):
            skipped += 1
            continue
        annotations.append(ann)
        sources[ann.id] = source
    meta = data if isinstance(data, dict) else {}
    articles = tuple(
        ArticleRecord(
            key=a["key"],
            source=_text(a.get("source")) or "",
            title=_text(a.get("title")),
            author=_text(a.get("author")),
        )
        for a in _objects(meta.get("gloss:articles"))
        if isinstance(a.get("key"), str)
    )
    tags = tuple(
        Tag(t["name"], _text(t.get("key")), _text(t.get("colour")) or "#f7e27a")
        for t in _objects(meta.get("gloss:tags"))
        if isinstance(t.get("name"), str) and t["name"]
    )
    return Imported(tuple(annotations), articles, tags, sources, skipped)


def _objects(value: Any) -> list[dict[str, Any]]:
    """The JSON objects of a metadata list; anything else (a hand-edited file) is ignored."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _text(value: Any) -> str | None:
    """A metadata string, or None when the file holds something else there."""
    return value if isinstance(value, str) else None


def read_collection(path: str | Path) -> Imported:
    """Read and parse an annotation file; one-line ``ExportError`` when it cannot be."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ExportError(f"cannot read {path}: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportError(f"{path} is not valid JSON: {error}".splitlines()[0]) from None
    return parse_collection(data)
