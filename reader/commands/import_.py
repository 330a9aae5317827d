"""``gloss import FILE.json``: merge W3C Web Annotations back into the store."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reader.errors import GlossError

if TYPE_CHECKING:
    from annotations.export.webanno import Imported
    from annotations.model import Annotation, ArticleRecord
    from annotations.store import Store

DESCRIPTION = """Merge a W3C Web Annotation file (from gloss export --format json) into the store.

Annotations are matched by id: a new id is added, an existing one is replaced only when
the file's copy was modified later, so importing the same file twice changes nothing.
Articles and tags the store does not know are created."""


class ImportCommandError(GlossError):
    """An annotation file that cannot be imported."""


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``import``."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="W3C Web Annotation JSON files")
    parser.add_argument(
        "--store", metavar="PATH", help="the store folder (default: $GLOSS_STORE or the user data dir)"
    )


def _when(stamp: str) -> datetime:
    """An ISO time for comparison (naive times are taken as UTC; bad ones as the epoch)."""
    try:
        when = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return datetime.min.replace(tzinfo=UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _ensure_tags(store: Store, imported: Imported) -> None:
    """Create the tags the annotations use that the store lacks (colours from the file)."""
    from annotations.errors import InvalidError

    described = {tag.name.casefold(): tag for tag in imported.tags}
    for name in sorted({a.tag for a in imported.annotations if a.tag}):
        if store.tag(name) is not None:
            continue
        tag = described.get(name.casefold())
        try:
            store.add_tag(name, key=None, colour=tag.colour if tag else None)
        except InvalidError:  # a colour the store refuses: take a spare one
            store.add_tag(name)


def _article_for(store: Store, ann: Annotation, imported: Imported, made: dict[str, str]) -> str:
    """The store key for an imported annotation's article, registering it if needed."""
    from annotations.keys import article_key

    source = imported.sources.get(ann.id, "")
    if ann.article and store.article(ann.article) is not None:
        return ann.article
    wanted = ann.article or source
    if wanted in made:
        return made[wanted]
    record: ArticleRecord | None = next((r for r in imported.articles if r.key == ann.article), None)
    source = (record.source if record else "") or source
    if not source and ann.article:
        raise ImportCommandError(f"annotation {ann.id} names article {ann.article} but no source for it")
    existing = store.article(article_key(source)) if source else None
    if existing is None:
        existing = _register(store, source, record)
    made[wanted] = existing.key
    return existing.key


def _register(store: Store, source: str, record: ArticleRecord | None) -> ArticleRecord:
    """Register an article: from its file when it is here, else from the file's metadata
    (its text is then unknown; opening it later re-anchors the annotations)."""
    from pathlib import Path

    from reader.ingest import load

    if source and Path(source).is_file():
        try:
            return store.register_document(load(source))
        except GlossError:
            pass
    title, author = (record.title, record.author) if record else (None, None)
    return store.register_article(source, "", title=title, author=author)


def _placed(store: Store, ann: Annotation, texts: dict[str, str | None]) -> Annotation:
    """An annotation without a position (from another tool) anchored by its quote.

    The article's text is read from its file when it is here; otherwise the annotation
    waits as an orphan until the article is opened and re-anchored.
    """
    from dataclasses import replace

    from annotations.anchor import anchor
    from annotations.model import TextPositionSelector
    from reader.ingest import load

    if ann.start >= 0 and ann.end >= ann.start:
        return ann
    if ann.article not in texts:
        record = store.article(ann.article)
        try:
            texts[ann.article] = (
                load(record.source).text if record and record.source.startswith("/") else None
            )
        except GlossError:
            texts[ann.article] = None
    unplaced = replace(ann, target=replace(ann.target, position=TextPositionSelector(0, 0)))
    text = texts[ann.article]
    return anchor(unplaced, text) if text is not None else replace(unplaced, status="orphan")


def merge(store: Store, imported: Imported) -> dict[str, int]:
    """Merge ``imported`` into ``store``; counts of added/updated/unchanged/skipped."""
    from dataclasses import replace

    from annotations.errors import StoreError

    counts = {"added": 0, "updated": 0, "unchanged": 0, "skipped": imported.skipped}
    _ensure_tags(store, imported)
    made: dict[str, str] = {}
    texts: dict[str, str | None] = {}
    for ann in imported.annotations:
        if not ann.article and not imported.sources.get(ann.id):
            counts["skipped"] += 1  # no article and no source: nowhere to put it
            continue
        ann = replace(ann, article=_article_for(store, ann, imported, made))
        ann = _placed(store, ann, texts)
        current = store.get(ann.id, ann.article)
        try:
            if current is None:
                store.add(ann)
                counts["added"] += 1
            elif _when(ann.updated) > _when(current.updated):
                store.update(ann)
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        except StoreError:  # e.g. a range outside the article as the store knows it
            counts["skipped"] += 1
    return counts


def run(args: argparse.Namespace) -> int:
    """Read each file and merge it; print what changed."""
    from annotations.cli import open_store
    from annotations.errors import InvalidError
    from annotations.export import ExportError, read_collection

    with open_store(args) as store:
        for path in args.files:
            try:
                imported = read_collection(path)
            except ExportError as error:
                raise ImportCommandError(str(error)) from None
            if imported.skipped and not imported.annotations:
                raise ImportCommandError(
                    f"{path}: no usable annotation ({imported.skipped} skipped: each needs an id,"
                    " a created time and a TextQuoteSelector)"
                )
            try:
                counts = merge(store, imported)
            except InvalidError as error:  # e.g. a tag name the store refuses
                raise ImportCommandError(f"{path}: {error}") from None
            print(
                f"{path}: {counts['added']} added, {counts['updated']} updated, "
                f"{counts['unchanged']} unchanged, {counts['skipped']} skipped"
            )
    return 0
