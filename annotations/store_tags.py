"""Tag operations of the store (a mixin of ``annotations.store.Store``).

Tags live in the index file; annotations refer to a tag by name, so renaming a tag or
deleting it with a reassignment rewrites the article files that use it (a rare action,
done under the store lock; the new tag is created before annotations move to it and the
old one removed after, so a crash half-way leaves both tags valid and nothing dangling).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tinydb.table import Document as TinyDocument

from annotations.errors import InvalidError, NotFoundError
from annotations.keys import tag_doc_id
from annotations.model import DEFAULT_TAGS, Tag
from annotations.tags import check_colour, check_key, check_name, same_name, sort_key

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tinydb.table import Table

    from annotations.model import ArticleRecord


SPARE_COLOURS = ("#56b6c2", "#d19a66", "#a9dc76", "#ff6188", "#7f848e", "#f7e27a")


class TagOperations:
    """List, add, rename, recolour, rekey and delete tags."""

    # provided by Store
    _thread_lock: Any
    _writing: Callable[..., Any]
    _tags_table: Callable[[], Table]
    _notes: Callable[[str], Table]
    _article_db: Callable[[str], Any]
    articles: Callable[[], list[ArticleRecord]]

    def tags(self) -> list[Tag]:
        """Every tag, keyed ones in key order (1…9, 0) then the rest by name."""
        with self._thread_lock:
            docs = self._tags_table().all()
        return sorted((Tag.from_json(doc) for doc in docs), key=sort_key)

    def tag(self, name: str) -> Tag | None:
        """The tag called ``name`` (any case), or None."""
        with self._thread_lock:
            doc = self._tags_table().get(doc_id=tag_doc_id(str(name)))
        return Tag.from_json(doc) if doc else None

    def tag_by_key(self, key: str) -> Tag | None:
        """The tag bound to keyboard key ``key`` (1–9, 0), or None."""
        return next((tag for tag in self.tags() if tag.key == str(key)), None)

    def tag_usage(self) -> dict[str, int]:
        """Tag name -> number of annotations using it (reads every article file)."""
        usage = {tag.name: 0 for tag in self.tags()}
        for record in self.articles():
            for doc in self._notes(record.key).all():
                if doc.get("tag") in usage:
                    usage[doc["tag"]] += 1
        return usage

    def _seed_tags(self) -> None:
        """Store the default tags (called once, when the index is created)."""
        self._tags_table().insert_multiple(
            TinyDocument(tag.to_json(), tag_doc_id(tag.name)) for tag in DEFAULT_TAGS
        )

    def _require(self, name: str) -> Tag:
        tag = self.tag(name)
        if tag is None:
            raise NotFoundError(f"unknown tag {name!r}")
        return tag

    def _check_key_free(self, key: str | None, owner: str | None = None) -> None:
        if key is None:
            return
        for tag in self.tags():
            if tag.key == key and not (owner and same_name(tag.name, owner)):
                raise InvalidError(f"key {key} is already used by tag {tag.name!r}")

    def _save_tag(self, tag: Tag) -> None:
        self._tags_table().upsert(TinyDocument(tag.to_json(), tag_doc_id(tag.name)))

    def add_tag(self, name: str, key: str | None = None, colour: str | None = None) -> Tag:
        """Create a tag; its key (1–9, 0) must be free."""
        name, key = check_name(name), check_key(key)
        with self._writing():
            tag = Tag(name, key, check_colour(colour) if colour else self._free_colour())
            existing = self.tag(tag.name)
            if existing is not None:
                raise InvalidError(f"tag {existing.name!r} already exists")
            self._check_key_free(tag.key)
            self._save_tag(tag)
        return tag

    def _free_colour(self) -> str:
        """A colour from ``SPARE_COLOURS`` that no tag uses yet."""
        used = {tag.colour for tag in self.tags()}
        return next((c for c in SPARE_COLOURS if c not in used), SPARE_COLOURS[0])

    def recolour_tag(self, name: str, colour: str) -> Tag:
        """Give a tag a new colour."""
        colour = check_colour(colour)
        with self._writing():
            old = self._require(name)
            tag = Tag(old.name, old.key, colour)
            self._save_tag(tag)
        return tag

    def rekey_tag(self, name: str, key: str | None) -> Tag:
        """Give a tag a new key (None removes it); the key must be free."""
        key = check_key(key)
        with self._writing():
            old = self._require(name)
            self._check_key_free(key, old.name)
            tag = Tag(old.name, key, old.colour)
            self._save_tag(tag)
        return tag

    def rename_tag(self, old_name: str, new_name: str) -> Tag:
        """Rename a tag; every annotation with it follows."""
        new_name = check_name(new_name)
        with self._writing():
            old = self._require(old_name)
            clash = self.tag(new_name)
            if clash is not None and not same_name(clash.name, old.name):
                raise InvalidError(f"tag {clash.name!r} already exists")
            tag = Tag(new_name, old.key, old.colour)
            if same_name(old.name, new_name):
                self._save_tag(tag)  # same document, new spelling
                self._retag(old.name, new_name)
                return tag
            self._tags_table().insert(TinyDocument({**tag.to_json(), "key": None}, tag_doc_id(new_name)))
            self._retag(old.name, new_name)
            self._tags_table().remove(doc_ids=[tag_doc_id(old.name)])
            self._save_tag(tag)
        return tag

    def delete_tag(self, name: str, reassign_to: str | None = None) -> None:
        """Delete a tag: only when unused, or after moving its annotations to ``reassign_to``."""
        with self._writing():
            tag = self._require(name)
            if reassign_to is not None:
                target = self._require(reassign_to)
                if same_name(target.name, tag.name):
                    raise InvalidError("cannot reassign a tag to itself")
                self._retag(tag.name, target.name)
            else:
                used = sum(1 for _ in self._using(tag.name))
                if used:
                    raise InvalidError(
                        f"tag {tag.name!r} is used by {used} highlight(s); "
                        "reassign them to another tag to delete it"
                    )
            self._tags_table().remove(doc_ids=[tag_doc_id(tag.name)])

    def _using(self, name: str) -> Iterator[tuple[str, int]]:
        """(article key, doc id) of every annotation tagged ``name``."""
        for record in self.articles():
            for doc in self._notes(record.key).all():
                if doc.get("tag") == name:
                    yield record.key, doc.doc_id

    def _retag(self, old: str, new: str) -> None:
        """Move every annotation tagged ``old`` to ``new`` (one write per article file)."""
        by_article: dict[str, list[int]] = {}
        for key, doc_id in self._using(old):
            by_article.setdefault(key, []).append(doc_id)
        for key, doc_ids in by_article.items():
            with self._writing(self._article_db(key)):
                self._notes(key).update({"tag": new}, doc_ids=doc_ids)
