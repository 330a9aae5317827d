"""The annotation store: articles, highlights and tags in TinyDB files that survive crashes.

Layout of a store folder (``annotations.locations.store_dir``)::

    index.json              articles (key, source, title, fingerprint, position…) and tags
    articles/<key>.json     the annotations of one article
    store.lock              the lock every write holds
    *.bak1 … *.bak3         rotating backups beside each file (see ``storage``)

Saving an annotation rewrites only its article's file, so its cost depends on the size
of that article's annotations, not on the library.  Every write holds ``store.lock``,
re-reads the file if another process changed it, applies the change and replaces the
file atomically; reads take no lock (a file is always a complete version).

Usage::

    store = Store.open()                       # or Store.open("/some/folder")
    record = store.register_document(doc)      # re-anchors if the text changed
    note = Annotation(record.key, Target.from_text(doc.text, 10, 42), tag="Evidence")
    store.add(note)
    store.annotations(record.key)              # sorted by position
    store.update(note.edited(note="**why** it matters"))
    store.remove(note.id, record.key)
    store.add_tag("Method", key="6", colour="#56b6c2"); store.rename_tag("Method", "Methods")
    store.close()

Article keys: ``annotations.keys.article_key(source, text)`` (from the source, so an
edited file keeps its annotations).  Tag names are matched without regard to case.
All failures the user can act on raise ``annotations.errors.StoreError`` subclasses.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.table import Document as TinyDocument
from tinydb.table import Table

from annotations.anchor import reanchor
from annotations.errors import InvalidError, NotFoundError, StoreError, StoreLockedError
from annotations.keys import article_key, doc_id_for, fingerprint, normalise_source
from annotations.locations import store_dir
from annotations.model import STATUSES, Annotation, ArticleRecord, now_iso
from annotations.storage import AtomicJSONStorage
from annotations.store_tags import TagOperations

if TYPE_CHECKING:
    from reader.document import Document

LOCK_TIMEOUT = 15.0  # seconds a write waits for another process before giving up
LOCK_POLL = 0.002  # seconds between attempts to take a busy lock
OPEN_ARTICLE_FILES = 256  # article databases kept parsed in memory


def _table(db: TinyDB, name: str) -> Table:
    # no query cache: another process may change the file behind this one's back
    return db.table(name, cache_size=0)


class Store(TagOperations):
    """One store folder. Thread-safe; safe to use from several processes at once."""

    def __init__(self, path: Path, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = Path(path)
        self.articles_dir = self.path / "articles"
        try:
            self.articles_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the store folder {self.path}: {error.strerror}") from None
        self._file_lock = FileLock(str(self.path / "store.lock"), timeout=lock_timeout)
        self._thread_lock = threading.RLock()
        self._index = TinyDB(self.path / "index.json", storage=AtomicJSONStorage, kind="index")
        self._dbs: OrderedDict[str, TinyDB] = OrderedDict()
        self._initialise()

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        """Open (creating if needed) the store at ``path`` or the default location."""
        return cls(store_dir(path))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Drop cached data; the store holds no open files between operations."""
        with self._thread_lock:
            for db in self._dbs.values():
                db.close()
            self._dbs.clear()
            self._index.storage.close()

    # -- plumbing ---------------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self, *dbs: TinyDB) -> Iterator[None]:
        """Hold the store lock; if the change fails, forget cached data of ``dbs``."""
        with self._thread_lock:
            try:
                # filelock polls; its default 50 ms nap would dominate a contended save
                self._file_lock.acquire(poll_interval=LOCK_POLL)
            except Timeout:
                raise StoreLockedError(
                    f"the store {self.path} is busy (locked by another gloss for {LOCK_TIMEOUT:.0f} s)"
                ) from None
            except OSError as error:
                raise StoreError(f"cannot lock the store {self.path}: {error.strerror or error}") from None
            try:
                yield
            except BaseException:
                for db in (self._index, *dbs):
                    db.storage.invalidate()
                raise
            finally:
                self._file_lock.release()

    def _initialise(self) -> None:
        """Create the index with the default tags on first use; clear crash leftovers."""
        with self._writing():
            if self._index.storage.read() is None:
                self._seed_tags()
            for folder in (self.path, self.articles_dir):
                for leftover in folder.glob(".*.tmp"):
                    # the lock is held, so no writer is mid-save: these are from a crash
                    with contextlib.suppress(OSError):
                        leftover.unlink()

    def _article_path(self, key: str) -> Path:
        if not key or "/" in key or "\\" in key or key.startswith("."):
            raise InvalidError(f"invalid article key {key!r}")
        return self.articles_dir / f"{key}.json"

    def _article_db(self, key: str) -> TinyDB:
        """The (cached) database of one article's annotations."""
        with self._thread_lock:
            db = self._dbs.get(key)
            if db is None:
                db = TinyDB(self._article_path(key), storage=AtomicJSONStorage, kind="article")
                self._dbs[key] = db
                if len(self._dbs) > OPEN_ARTICLE_FILES:
                    self._dbs.popitem(last=False)[1].close()
            else:
                self._dbs.move_to_end(key)
            return db

    def _notes(self, key: str) -> Table:
        return _table(self._article_db(key), "annotations")

    def _articles(self) -> Table:
        return _table(self._index, "articles")

    def _tags_table(self) -> Table:
        return _table(self._index, "tags")

    # -- articles ---------------------------------------------------------------------

    def articles(self) -> list[ArticleRecord]:
        """Every article, most recently opened first."""
        with self._thread_lock:
            docs = self._articles().all()
        records = [ArticleRecord.from_json(doc) for doc in docs]
        return sorted(records, key=lambda r: (r.last_opened, r.added, r.key), reverse=True)

    def article(self, key: str) -> ArticleRecord | None:
        """The article with ``key``, or None."""
        with self._thread_lock:
            doc = self._articles().get(doc_id=doc_id_for(key))
        return ArticleRecord.from_json(doc) if doc else None

    def find_article(self, source: str, text: str = "") -> ArticleRecord | None:
        """The article registered for ``source`` (``text`` keys sourceless articles)."""
        return self.article(article_key(source, text))

    def register_document(self, doc: Document) -> ArticleRecord:
        """``register_article`` for a loaded ``reader.document.Document``."""
        return self.register_article(doc.source, doc.text, title=doc.title, author=doc.author)

    def register_article(
        self, source: str, text: str, title: str | None = None, author: str | None = None
    ) -> ArticleRecord:
        """Record that an article was opened; re-anchor its annotations if its text changed.

        Returns the article's record (new or updated). Statuses of re-anchored annotations
        are saved (``annotations(key)`` shows them).
        """
        key, print_ = article_key(source, text), fingerprint(text)
        stamp = now_iso()
        with self._writing(self._article_db(key)):
            record = self.article(key) or self._moved_article(key, source, print_)
            if record is None:
                record = ArticleRecord(
                    key,
                    normalise_source(source) or source or "-",
                    title,
                    author,
                    print_,
                    added=stamp,
                    last_opened=stamp,
                    length=len(text),
                )
            else:
                if record.fingerprint != print_:
                    self._reanchor_article(record.key, text)
                record = replace(
                    record,
                    title=title or record.title,
                    author=author or record.author,
                    fingerprint=print_,
                    last_opened=stamp,
                    length=len(text),
                    position=min(record.position, len(text)),
                )
            self._articles().upsert(TinyDocument(record.to_json(), doc_id_for(record.key)))
        return record

    def _moved_article(self, key: str, source: str, print_: str) -> ArticleRecord | None:
        """An article with this exact text whose old source file is gone, re-keyed to ``key``.

        Its annotations move to the new key's file first, then the index follows, so a
        crash in between leaves a duplicate, never a loss.
        """
        new_path = normalise_source(source)
        if not os.path.isabs(new_path) or not Path(new_path).is_file():
            return None
        for doc in self._articles().all():
            old_source = str(doc.get("source") or "")
            if (
                doc.get("fingerprint") != print_
                or not old_source.startswith("/")
                or Path(old_source).exists()
            ):
                continue
            old = ArticleRecord.from_json(doc)
            notes = self._notes(old.key).all()
            self._notes(key).insert_multiple(
                TinyDocument({**note, "article": key}, note.doc_id) for note in notes
            )
            self._articles().remove(doc_ids=[doc.doc_id])
            with contextlib.suppress(FileNotFoundError):
                self._article_path(old.key).unlink()
            self._dbs.pop(old.key, None)
            return replace(old, key=key, source=normalise_source(source))
        return None

    def _reanchor_article(self, key: str, text: str) -> None:
        """Re-anchor every annotation of ``key`` on ``text`` and save those that changed."""
        table = self._notes(key)
        old = [Annotation.from_json(doc) for doc in table.all()]
        changed = [new for before, new in zip(old, reanchor(old, text), strict=True) if new != before]
        if changed:
            by_id = {a.id: a.to_json() for a in changed}

            def transform(doc: dict[str, Any]) -> None:
                _replace_with(by_id[doc["id"]])(doc)

            table.update(transform, doc_ids=[doc_id_for(a.id) for a in changed])  # type: ignore[arg-type]

    def set_position(self, key: str, offset: int) -> None:
        """Remember the reading position in article ``key``."""
        with self._writing():
            if not self._articles().update({"position": max(0, int(offset))}, doc_ids=[doc_id_for(key)]):
                raise NotFoundError(f"no article {key} in the store")

    def delete_article(self, key: str) -> None:
        """Forget an article and its annotations (its backups stay on disk)."""
        path = self._article_path(key)
        with self._writing(self._article_db(key)):
            if self.article(key) is None:
                raise NotFoundError(f"no article {key} in the store")
            self._articles().remove(doc_ids=[doc_id_for(key)])
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            self._dbs.pop(key, None)

    # -- annotations ------------------------------------------------------------------

    def annotations(self, key: str) -> list[Annotation]:
        """The annotations of article ``key`` in reading order (start, end, created)."""
        with self._thread_lock:
            docs = self._notes(key).all()
        notes = [Annotation.from_json(doc) for doc in docs]
        return sorted(notes, key=lambda a: (a.start, a.end, a.created, a.id))

    def all_annotations(self) -> list[Annotation]:
        """Every annotation of every article (reads every article file)."""
        return [note for record in self.articles() for note in self.annotations(record.key)]

    def counts(self) -> dict[str, int]:
        """Article key -> number of annotations (reads every article file)."""
        with self._thread_lock:
            return {record.key: len(self._notes(record.key)) for record in self.articles()}

    def get(self, annotation_id: str, article: str | None = None) -> Annotation | None:
        """The annotation with this id (give its article key to avoid a library search)."""
        keys = [article] if article else [r.key for r in self.articles()]
        with self._thread_lock:
            for key in keys:
                doc = self._notes(key).get(doc_id=doc_id_for(annotation_id))
                if doc is not None:
                    return Annotation.from_json(doc)
        return None

    def add(self, annotation: Annotation) -> Annotation:
        """Save a new annotation (its article must be registered, its tag known)."""
        doc_id = doc_id_for(annotation.id)
        with self._writing(self._article_db(annotation.article)):
            annotation = self._checked(annotation)
            table = self._notes(annotation.article)
            if table.contains(doc_id=doc_id):
                raise InvalidError(f"annotation {annotation.id} already exists")
            table.insert(TinyDocument(annotation.to_json(), doc_id))
        return annotation

    def update(self, annotation: Annotation) -> Annotation:
        """Replace the stored annotation with the same id by ``annotation``."""
        with self._writing(self._article_db(annotation.article)):
            annotation = self._checked(annotation)
            done = self._notes(annotation.article).update(
                _replace_with(annotation.to_json()),  # type: ignore[arg-type]
                doc_ids=[doc_id_for(annotation.id)],
            )
            if not done:
                raise NotFoundError(f"no annotation {annotation.id} in the store")
        return annotation

    def remove(self, annotation_id: str, article: str | None = None) -> Annotation:
        """Delete an annotation; returns it (so it can be added back for undo)."""
        found = self.get(annotation_id, article)
        if found is None:
            raise NotFoundError(f"no annotation {annotation_id} in the store")
        with self._writing(self._article_db(found.article)):
            table = self._notes(found.article)
            doc_id = doc_id_for(annotation_id)
            if not table.contains(doc_id=doc_id):
                raise NotFoundError(f"no annotation {annotation_id} in the store")
            table.remove(doc_ids=[doc_id])
        return found

    def _checked(self, annotation: Annotation) -> Annotation:
        """``annotation`` with its tag spelt as stored; refuses what gloss could not show."""
        record = self.article(annotation.article)
        if record is None:
            raise NotFoundError(f"no article {annotation.article} in the store (register it first)")
        if annotation.tag is not None:
            tag = self.tag(annotation.tag)
            if tag is None:
                raise InvalidError(f"unknown tag {annotation.tag!r}")
            if tag.name != annotation.tag:
                annotation = replace(annotation, tag=tag.name)
        if annotation.status not in STATUSES:
            raise InvalidError(f"unknown status {annotation.status!r}")
        start, end = annotation.start, annotation.end
        if not 0 <= start <= end or (record.length and end > record.length):
            raise InvalidError(f"range {start}-{end} is outside the article")
        return annotation


def _replace_with(new: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    """A TinyDB update transform that replaces a whole record by ``new``."""

    def transform(doc: dict[str, Any]) -> None:
        doc.clear()
        doc.update(new)

    return transform
