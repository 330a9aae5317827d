"""The store's behaviour: articles, annotations, tags, persistence and the file layout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotations.errors import InvalidError, NotFoundError
from annotations.keys import article_key
from annotations.locations import store_dir
from annotations.model import DEFAULT_TAGS, Annotation, Target
from annotations.store import Store

TEXT = "The minister said the budget would pass.\n\nCritics said it would not. The vote is close."


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "store") as opened:
        yield opened


def _note(key: str, quote: str, text: str = TEXT, **fields: object) -> Annotation:
    start = text.index(quote)
    return Annotation(key, Target.from_text(text, start, start + len(quote)), **fields)


def test_location_prefers_override_then_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert store_dir(str(tmp_path / "x")) == tmp_path / "x"
    monkeypatch.setenv("GLOSS_STORE", str(tmp_path / "env"))
    assert store_dir() == tmp_path / "env"
    monkeypatch.delenv("GLOSS_STORE")
    assert store_dir().name == "gloss"


def test_new_store_has_the_default_tags(store: Store) -> None:
    assert store.tags() == sorted(DEFAULT_TAGS, key=lambda t: t.key or "")


def test_register_article_records_it_once(store: Store) -> None:
    first = store.register_article("notes/a.txt", TEXT, title="Budget")
    again = store.register_article("notes/a.txt", TEXT)
    assert first.key == again.key == article_key("notes/a.txt")
    assert again.title == "Budget" and again.length == len(TEXT)
    assert again.source == os.path.abspath("notes/a.txt")
    assert [r.key for r in store.articles()] == [first.key]


def test_stdin_articles_are_keyed_by_text(store: Store) -> None:
    a = store.register_article("-", TEXT)
    b = store.register_article("-", TEXT + " More.")
    assert a.key != b.key and a.key.startswith("text-")


def test_add_get_update_remove(store: Store) -> None:
    key = store.register_article("a.txt", TEXT).key
    note = store.add(_note(key, "the budget would pass", tag="evidence", note="*why*"))
    assert note.tag == "Evidence"  # tag names match without regard to case
    assert store.get(note.id) == note == store.get(note.id, key)
    edited = store.update(note.edited(note="changed", tag=None))
    assert store.annotations(key) == [edited]
    assert store.remove(note.id) == edited
    assert store.annotations(key) == [] and store.get(note.id) is None
    store.add(edited)  # undo puts it back with the same id
    assert store.annotations(key) == [edited]


def test_annotations_come_in_reading_order(store: Store) -> None:
    key = store.register_article("a.txt", TEXT).key
    late, early = _note(key, "The vote is close"), _note(key, "The minister")
    store.add(late)
    store.add(early)
    assert [a.id for a in store.annotations(key)] == [early.id, late.id]
    assert {a.id for a in store.all_annotations()} == {early.id, late.id}
    assert store.counts() == {key: 2}


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"tag": "Nope"}, InvalidError),
        ({"status": "lost"}, InvalidError),
        ({"article": "unregistered"}, NotFoundError),
        ({"target": Target.from_text(TEXT + "x" * 10, 80, len(TEXT) + 5)}, InvalidError),
    ],
)
def test_add_refuses_what_cannot_be_shown(store: Store, change: dict, error: type) -> None:
    key = store.register_article("a.txt", TEXT).key
    bad = _note(key, "budget", **{k: v for k, v in change.items() if k != "article" and k != "target"})
    if "article" in change or "target" in change:
        bad = Annotation(change.get("article", key), change.get("target", bad.target))
    with pytest.raises(error):
        store.add(bad)
    assert store.annotations(key) == []


def test_duplicate_id_and_missing_annotation_are_errors(store: Store) -> None:
    key = store.register_article("a.txt", TEXT).key
    note = store.add(_note(key, "budget"))
    with pytest.raises(InvalidError):
        store.add(note)
    with pytest.raises(NotFoundError):
        store.remove("no-such-id")
    with pytest.raises(NotFoundError):
        store.update(_note(key, "vote"))


def test_everything_survives_reopening(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        key = store.register_article("a.txt", TEXT, title="T").key
        note = store.add(_note(key, "Critics said it would not", tag="Question"))
        store.set_position(key, 42)
        store.add_tag("Method", key="6", colour="#123")
    with Store.open(tmp_path) as store:
        assert store.annotations(key) == [note]
        assert store.article(key).position == 42
        assert store.tag("method").colour == "#112233"


def test_changed_text_reanchors_and_saves_statuses(store: Store) -> None:
    key = store.register_article("a.txt", TEXT).key
    moved = store.add(_note(key, "The vote is close"))
    gone = store.add(_note(key, "Critics said it would not"))
    new = "Update: figures added.\n\n" + TEXT.replace("Critics said it would not. ", "")
    record = store.register_article("a.txt", new)
    assert record.length == len(new) and record.fingerprint != ""
    after = {a.id: a for a in store.annotations(key)}
    placed = after[moved.id]
    assert new[placed.start : placed.end] == "The vote is close"
    assert placed.status == "drifted"  # its prefix (the deleted sentence) changed
    assert after[gone.id].status == "orphan" and after[gone.id].exact == "Critics said it would not"


def test_moved_file_keeps_its_annotations(store: Store, tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_text(TEXT)
    key = store.register_article(str(old), TEXT).key
    note = store.add(_note(key, "budget"))
    new = old.rename(tmp_path / "new.txt")
    record = store.register_article(str(new), TEXT)
    assert record.key == article_key(str(new)) != key
    assert [a.id for a in store.annotations(record.key)] == [note.id]
    assert [r.key for r in store.articles()] == [record.key]


def test_delete_article(store: Store) -> None:
    key = store.register_article("a.txt", TEXT).key
    store.add(_note(key, "budget"))
    store.delete_article(key)
    assert store.article(key) is None and store.articles() == [] and store.annotations(key) == []
    with pytest.raises(NotFoundError):
        store.delete_article(key)


def test_saving_an_annotation_touches_only_its_article_file(store: Store) -> None:
    keys = [store.register_article(f"{n}.txt", TEXT).key for n in range(3)]
    for key in keys:
        store.add(_note(key, "budget"))
    files = [store.path / "index.json", *(store.articles_dir / f"{k}.json" for k in keys)]
    before = {f: os.stat(f).st_ino for f in files}
    store.add(_note(keys[1], "vote"))
    after = {f: os.stat(f).st_ino for f in files}
    changed = [f.name for f in files if before[f] != after[f]]
    assert changed == [f"{keys[1]}.json"]


# -- tags ----------------------------------------------------------------------------


def test_add_tag_checks_name_key_and_colour(store: Store) -> None:
    tag = store.add_tag("  Method  ", key="6")
    assert tag.name == "Method" and tag.key == "6" and tag.colour.startswith("#")
    for bad in [
        ("", None, None),
        ("method", None, None),
        ("X", "1", None),
        ("Y", "11", None),
        ("Z", None, "red"),
    ]:
        with pytest.raises(InvalidError):
            store.add_tag(*bad)
    assert [t.name for t in store.tags()][-1] == "Method"


def test_rename_tag_moves_its_annotations(store: Store) -> None:
    keys = [store.register_article(f"{n}.txt", TEXT).key for n in range(2)]
    notes = [store.add(_note(k, "budget", tag="Evidence")) for k in keys]
    other = store.add(_note(keys[0], "vote", tag="Question"))
    renamed = store.rename_tag("evidence", "Proof")
    assert (renamed.name, renamed.key) == ("Proof", "2")
    assert store.tag("Evidence") is None
    assert {store.get(n.id).tag for n in notes} == {"Proof"}
    assert store.get(other.id).tag == "Question"
    assert store.rename_tag("proof", "PROOF").name == "PROOF"
    assert store.get(notes[0].id).tag == "PROOF"
    with pytest.raises(InvalidError):
        store.rename_tag("PROOF", "question")


def test_recolour_and_rekey(store: Store) -> None:
    assert store.recolour_tag("Question", "#ABC").colour == "#aabbcc"
    with pytest.raises(InvalidError):
        store.rekey_tag("Question", "1")  # used by Key point
    assert store.rekey_tag("Key point", None).key is None
    assert store.rekey_tag("Question", "1").key == "1"
    assert store.tags()[0].name == "Question" == store.tag_by_key("1").name
    assert store.tag_by_key("9") is None
    with pytest.raises(NotFoundError):
        store.recolour_tag("Nope", "#000")


def test_delete_tag_only_when_unused_or_reassigned(store: Store) -> None:
    key = store.register_article("a.txt", TEXT).key
    note = store.add(_note(key, "budget", tag="Disagree"))
    store.delete_tag("Follow up")
    assert store.tag("Follow up") is None
    with pytest.raises(InvalidError, match="used by 1"):
        store.delete_tag("Disagree")
    with pytest.raises(InvalidError):
        store.delete_tag("Disagree", reassign_to="disagree")
    store.delete_tag("Disagree", reassign_to="Question")
    assert store.tag("Disagree") is None and store.get(note.id).tag == "Question"
    assert store.tag_usage()["Question"] == 1
