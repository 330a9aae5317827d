"""The storage layer: atomic writes, corrupt files kept, backups, schema migrations."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tinydb import TinyDB

from annotations.errors import CorruptStoreError, NewerStoreError, StoreError
from annotations.keys import doc_id_for
from annotations.migrations import SCHEMA_VERSION, migrate
from annotations.model import Annotation, Target
from annotations.storage import AtomicJSONStorage, backup_path, rotate_backups, write_atomic
from annotations.store import Store

TEXT = "One line of text to annotate.\n\nAnother paragraph here."


def _store_with_note(path: Path) -> tuple[Store, str, Annotation]:
    store = Store.open(path)
    key = store.register_article("a.txt", TEXT).key
    note = store.add(Annotation(key, Target.from_text(TEXT, 0, 8), tag="Evidence"))
    return store, key, note


def test_failing_replace_leaves_the_old_file_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, key, note = _store_with_note(tmp_path)
    path = store.articles_dir / f"{key}.json"
    before = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(StoreError, match="No space left on device"):
        store.add(Annotation(key, Target.from_text(TEXT, 9, 13)))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".*.tmp"))  # the temp file was cleaned up
    assert store.annotations(key) == [note]  # the in-memory cache was not left changed
    assert Store.open(tmp_path).annotations(key) == [note]


def test_truncated_file_is_reported_and_kept(tmp_path: Path) -> None:
    store, key, _ = _store_with_note(tmp_path)
    store.add(Annotation(key, Target.from_text(TEXT, 9, 13)))  # a second save makes a backup
    path = store.articles_dir / f"{key}.json"
    truncated = path.read_bytes()[: len(path.read_bytes()) // 2]
    path.write_bytes(truncated)
    fresh = Store.open(tmp_path)
    with pytest.raises(CorruptStoreError) as caught:
        fresh.annotations(key)
    message = str(caught.value)
    assert str(path) in message and "bak1" in message and "\n" not in message
    with pytest.raises(CorruptStoreError):
        fresh.add(Annotation(key, Target.from_text(TEXT, 0, 3)))
    assert path.read_bytes() == truncated  # never overwritten
    assert json.loads(backup_path(path).read_text())["annotations"]  # the backup is usable


def test_corrupt_index_stops_the_store_opening(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    (tmp_path / "index.json").write_bytes(b"")
    with pytest.raises(CorruptStoreError, match="empty"):
        Store.open(tmp_path)
    assert (tmp_path / "index.json").read_bytes() == b""


def test_non_table_json_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_text('{"annotations": [1, 2]}')
    with pytest.raises(CorruptStoreError, match="not a table"):
        AtomicJSONStorage(path).read()


@pytest.mark.parametrize(
    ("table", "change", "reason"),
    [
        ("annotations", {"target": {"exact": "x", "start": "7", "end": 9}}, "start is str"),
        ("annotations", {"tag": 5}, "tag is int"),
        ("annotations", {"id": None}, "id is NoneType"),
    ],
)
def test_hand_edited_records_of_the_wrong_type_are_corrupt(
    tmp_path: Path, table: str, change: dict, reason: str
) -> None:
    store, key, _ = _store_with_note(tmp_path)
    path = store.articles_dir / f"{key}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    next(iter(data[table].values())).update(change)
    path.write_text(json.dumps(data), encoding="utf-8")
    edited = path.read_bytes()
    with pytest.raises(CorruptStoreError, match=reason) as caught:
        Store.open(tmp_path).annotations(key)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
    assert path.read_bytes() == edited


@pytest.mark.parametrize(
    "index",
    ['{"articles": {"1": {"key": 3}}}', '{"tags": {"1": {"name": 5}}}', '{"_meta": {"1": {"schema": "x"}}}'],
)
def test_a_hand_edited_index_is_corrupt_not_an_internal_error(tmp_path: Path, index: str) -> None:
    Store.open(tmp_path).close()
    (tmp_path / "index.json").write_text(index, encoding="utf-8")
    with pytest.raises(CorruptStoreError, match=r"index\.json"):
        Store.open(tmp_path).articles()
    assert (tmp_path / "index.json").read_text(encoding="utf-8") == index


def test_another_writer_is_seen_by_a_cached_reader(tmp_path: Path) -> None:
    one, key, _ = _store_with_note(tmp_path)
    two = Store.open(tmp_path)
    assert len(two.annotations(key)) == 1  # cached now
    one.add(Annotation(key, Target.from_text(TEXT, 9, 13)))
    assert len(two.annotations(key)) == 2
    two.add(Annotation(key, Target.from_text(TEXT, 14, 18)))
    assert len(one.annotations(key)) == 3


def test_backups_rotate(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    for generation in range(5):
        write_atomic(path, json.dumps({"t": {"1": {"v": generation}}}).encode())
        assert rotate_backups(path, interval=0, keep=3)
    kept = [json.loads(backup_path(path, n).read_text())["t"]["1"]["v"] for n in (1, 2, 3)]
    assert kept == [4, 3, 2]
    assert not backup_path(path, 4).exists()
    assert not rotate_backups(path, interval=3600)  # the newest backup is recent enough
    path.write_text("damaged in place")
    assert json.loads(backup_path(path).read_text())["t"]["1"]["v"] == 4  # a copy, not a link


def test_backups_are_as_private_as_the_store_file(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    old_umask = os.umask(0o022)
    try:
        write_atomic(path, b'{"t": {}}')
        assert rotate_backups(path, interval=0)
    finally:
        os.umask(old_umask)
    assert path.stat().st_mode & 0o777 == 0o600
    assert backup_path(path).stat().st_mode & 0o777 == 0o600  # notes unreadable by other users


def test_stale_temp_files_are_cleared_on_open(tmp_path: Path) -> None:
    store, key, _ = _store_with_note(tmp_path)
    leftover = store.articles_dir / f".{key}.json.123.456.tmp"
    leftover.write_text("{half")
    Store.open(tmp_path)
    assert not leftover.exists()


# -- schema versions -------------------------------------------------------------------

V1_ARTICLE = {
    "annotations": {
        "1": {
            "id": "a1",
            "article": "k",
            "exact": "One line",
            "prefix": "",
            "suffix": " of text",
            "start": 0,
            "end": 8,
            "tag": "Evidence",
            "note": "old",
            "created": "2024-01-02T03:04:05+00:00",
        },
        "2": {"id": "a2", "article": "k", "exact": "text", "start": 12, "end": 16},
    }
}
V1_INDEX = {
    "articles": {"1": {"key": "k", "source": "/a.txt", "title": "A", "fingerprint": "f", "added": "2024"}},
    "tags": {"1": {"name": "Evidence", "key": "2", "color": "#00ff00"}},
}


def test_v1_article_file_is_migrated_and_original_kept(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "index.json").write_text(json.dumps(V1_INDEX))
    article = tmp_path / "articles" / "k.json"
    article.write_text(json.dumps(V1_ARTICLE))
    store = Store.open(tmp_path)
    notes = store.annotations("k")
    assert [n.id for n in notes] == ["a1", "a2"]
    assert notes[0].exact == "One line" and notes[0].target.quote.suffix == " of text"
    assert notes[0].status == "ok" and notes[0].updated == notes[0].created == "2024-01-02T03:04:05+00:00"
    assert store.tag("evidence").colour == "#00ff00"
    assert store.article("k").title == "A" and store.article("k").last_opened == "2024"
    store.add(Annotation("k", Target.from_text(TEXT, 0, 3)))  # the first write saves v2
    saved = json.loads(article.read_text())
    assert saved["_meta"]["1"]["schema"] == SCHEMA_VERSION
    assert str(doc_id_for("a1")) in saved["annotations"]
    assert json.loads((tmp_path / "articles" / "k.json.v1").read_text()) == V1_ARTICLE


def test_migrate_is_a_noop_on_current_data() -> None:
    data, found = migrate(json.loads(json.dumps(V1_ARTICLE)), "article")
    again, found_again = migrate(json.loads(json.dumps(data)), "article")
    assert (found, found_again) == (1, SCHEMA_VERSION) and again == data


def test_newer_schema_is_refused_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    payload = json.dumps({"_meta": {"1": {"schema": SCHEMA_VERSION + 1}}, "annotations": {}})
    path.write_text(payload)
    db = TinyDB(path, storage=AtomicJSONStorage)
    with pytest.raises(NewerStoreError, match="newer"):
        db.table("annotations").insert({"x": 1})
    assert path.read_text() == payload
