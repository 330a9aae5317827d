"""Store calls the app makes; each runs on the store writer thread (``writer.StoreWriter``)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotations.errors import InvalidError, NotFoundError

if TYPE_CHECKING:
    from annotations.model import Annotation, ArticleRecord, Tag
    from annotations.store import Store
    from reader.document import Document


@dataclass(frozen=True)
class OpenedArticle:
    """What the reading screen needs from the store for one article."""

    record: ArticleRecord
    annotations: list[Annotation]
    tags: list[Tag]


@dataclass(frozen=True)
class LibraryRow:
    """One stored article with its counts, for the library screen."""

    record: ArticleRecord
    highlights: int
    notes: int

    @property
    def progress(self) -> float:
        """Reading position as a fraction of the text."""
        return min(1.0, self.record.position / max(1, self.record.length - 1)) if self.record.length else 0.0


def ensure_tags(store: Store, tags: tuple[Tag, ...]) -> None:
    """Create the config's default tags that the store does not have yet."""
    for tag in tags:
        if store.tag(tag.name) is not None:
            continue
        key = tag.key if tag.key and store.tag_by_key(tag.key) is None else None
        store.add_tag(tag.name, key=key, colour=tag.colour or None)


def open_article(store: Store, document: Document, tags: tuple[Tag, ...] = ()) -> OpenedArticle:
    """Register the article (re-anchoring if its text changed) and read its highlights."""
    if tags:
        ensure_tags(store, tags)
    record = store.register_document(document)
    return OpenedArticle(record, store.annotations(record.key), store.tags())


def upsert(store: Store, annotation: Annotation, document: Document | None = None) -> None:
    """Save an annotation whether or not the store has it yet (undo re-adds removed ones).

    With ``document``, an article the store does not know (it could not be opened when
    the article was) is registered first.
    """
    try:
        store.update(annotation)
        return
    except NotFoundError:
        if document is not None and store.article(annotation.article) is None:
            store.register_document(document)
    try:
        store.add(annotation)
    except InvalidError:
        store.update(annotation)  # added meanwhile by another gloss


def delete(store: Store, annotation: Annotation) -> None:
    """Remove an annotation; already gone is fine."""
    with contextlib.suppress(NotFoundError):
        store.remove(annotation.id, annotation.article)


def save_position(store: Store, key: str, offset: int) -> None:
    """Remember the reading position; an article deleted meanwhile has none to keep."""
    with contextlib.suppress(NotFoundError):
        store.set_position(key, offset)


def library(store: Store) -> list[LibraryRow]:
    """Every stored article with highlight and note counts, most recently opened first."""
    rows = []
    for record in store.articles():
        notes = store.annotations(record.key)
        rows.append(LibraryRow(record, len(notes), sum(1 for a in notes if a.note.strip())))
    return rows


def reload(store: Store, key: str) -> tuple[list[Annotation], list[Tag]]:
    """An article's annotations and the tags, read again (after a tag rename)."""
    return store.annotations(key), store.tags()
