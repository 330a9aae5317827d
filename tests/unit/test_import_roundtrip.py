"""``gloss import``: W3C JSON exported by gloss merges back without duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations.export import collection_json, parse_collection
from annotations.export.context import ArticleExport
from annotations.model import Annotation, Target
from annotations.store import Store
from reader.cli import main
from reader.ingest import load

ARTICLE = "Headline of the Piece\n\nFirst paragraph with a claim.\n\nSecond paragraph, “a quote,” she said.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "piece.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _fill(folder: Path, article: Path) -> list[Annotation]:
    doc = load(str(article))
    with Store.open(folder) as store:
        store.add_tag("Method", colour="#123456")
        key = store.register_document(doc).key
        made = []
        for words, tag, note in [
            ("a claim", "Method", "why *this*"),
            ("a quote,", None, ""),
            ("Second", "Evidence", ""),
        ]:
            start = doc.text.index(words)
            made.append(
                store.add(Annotation(key, Target.from_text(doc.text, start, start + len(words)), tag, note))
            )
        return made


def _export_json(store: Path, tmp_path: Path) -> Path:
    out = tmp_path / "notes.json"
    assert main(["export", "--store", str(store), "--format", "json", "-o", str(out)]) == 0
    return out


def _all(folder: Path) -> list[Annotation]:
    with Store.open(folder) as store:
        return sorted(store.all_annotations(), key=lambda a: a.id)


def test_export_then_import_into_a_new_store(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    original = sorted(_fill(tmp_path / "a", article), key=lambda a: a.id)
    exported = _export_json(tmp_path / "a", tmp_path)
    assert main(["import", str(exported), "--store", str(tmp_path / "b")]) == 0
    assert "3 added, 0 updated, 0 unchanged, 0 skipped" in capsys.readouterr().out
    assert _all(tmp_path / "b") == original
    with Store.open(tmp_path / "b") as store:
        assert store.tag("Method").colour == "#123456"
        assert [r.title for r in store.articles()] == ["Headline of the Piece"]
    # importing again changes nothing and duplicates nothing
    assert main(["import", str(exported), "--store", str(tmp_path / "b")]) == 0
    assert "0 added, 0 updated, 3 unchanged" in capsys.readouterr().out
    assert _all(tmp_path / "b") == original


def test_newer_modified_updates_older_does_not(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    _fill(tmp_path / "a", article)
    exported = _export_json(tmp_path / "a", tmp_path)
    data = json.loads(exported.read_text(encoding="utf-8"))
    newer, older = data["items"][0], data["items"][1]
    newer["modified"] = "2999-01-01T00:00:00+00:00"
    newer["body"] = [{"type": "TextualBody", "purpose": "commenting", "value": "changed elsewhere"}]
    older["modified"] = "2000-01-01T00:00:00+00:00"
    older["body"] = [{"type": "TextualBody", "purpose": "commenting", "value": "stale"}]
    exported.write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", str(exported), "--store", str(tmp_path / "a")]) == 0
    assert "0 added, 1 updated, 2 unchanged" in capsys.readouterr().out
    notes = {a.note for a in _all(tmp_path / "a")}
    assert "changed elsewhere" in notes and "stale" not in notes


def test_foreign_annotation_and_missing_source(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "id": "https://example.org/anno/1",
        "created": "2024-05-01T12:00:00Z",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "Imported tag"},
        "target": {
            "source": article.as_uri(),
            "selector": [{"type": "TextQuoteSelector", "exact": "First paragraph"}],
        },
    }
    path = tmp_path / "foreign.json"
    path.write_text(json.dumps(foreign), encoding="utf-8")
    assert main(["import", str(path), "--store", str(tmp_path / "c")]) == 0
    assert "1 added" in capsys.readouterr().out
    (imported,) = _all(tmp_path / "c")
    assert imported.id == "https://example.org/anno/1" and imported.tag == "Imported tag"
    text = load(str(article)).text
    assert text[imported.start : imported.end] == "First paragraph" and imported.status != "orphan"
    with Store.open(tmp_path / "c") as store:
        assert store.find_article(str(article)) is not None


def test_annotations_with_nowhere_to_go_are_skipped(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    items = [
        {"type": "Annotation", "id": "a1", "created": "2024-01-01T00:00:00Z", "target": {"selector": []}},
        {
            "type": "Annotation",
            "id": "a2",
            "created": "2024-01-01T00:00:00Z",
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}},
        },
        "not an object",
    ]
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({"type": "AnnotationCollection", "items": items}), encoding="utf-8")
    assert main(["import", str(path), "--store", str(tmp_path / "d")]) == 0
    assert "0 added, 0 updated, 0 unchanged, 3 skipped" in capsys.readouterr().out
    with Store.open(tmp_path / "d") as store:
        assert store.articles() == []


def test_bad_files_are_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gloss: ") and "not valid JSON" in err and err.count("\n") == 1
    bad.write_text('{"type": "Something"}', encoding="utf-8")
    assert main(["import", str(bad)]) == 2
    assert "no Annotation items" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "absent.json")]) == 2


def test_parse_is_the_inverse_of_export() -> None:
    text = "Some words here and more words there."
    anns = tuple(
        Annotation("key1", Target.from_text(text, s, e), tag, note, created="2026-01-01T00:00:00+00:00")
        for s, e, tag, note in [(0, 10, "Key point", "n **1**"), (15, 25, None, ""), (5, 30, "Question", "")]
    )
    item = ArticleExport("key1", anns, None, None, None)
    imported = parse_collection(json.loads(json.dumps(collection_json([item]))))
    assert sorted(imported.annotations, key=lambda a: a.id) == sorted(anns, key=lambda a: a.id)
    assert imported.skipped == 0


def test_a_file_of_the_wrong_shape_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "numbers.json"
    for data in ([1, 2], {"type": "AnnotationCollection", "items": [{"foo": 1}]}):
        path.write_text(json.dumps(data), encoding="utf-8")
        assert main(["import", str(path), "--store", str(tmp_path / "s")]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"gloss: {path}: no usable annotation") and err.count("\n") == 1


def test_hand_edited_metadata_of_other_types_is_ignored(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    _fill(tmp_path / "a", article)
    data = json.loads(_export_json(tmp_path / "a", tmp_path).read_text(encoding="utf-8"))
    data["gloss:tags"] = 5
    data["gloss:articles"][0]["title"] = 7
    data["items"][0]["body"][0]["value"] = 3  # a tag that is not a string
    data["items"][0]["created"] = 12
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", str(path), "--store", str(tmp_path / "b")]) == 0
    capsys.readouterr()
    with Store.open(tmp_path / "b") as store:
        assert all(isinstance(r.title, str | None) for r in store.articles())
        assert all(
            isinstance(a.tag, str | None) and isinstance(a.created, str) for a in store.all_annotations()
        )
        assert "3" not in {tag.name for tag in store.tags()}
    assert main(["export", "--store", str(tmp_path / "b"), "-o", str(tmp_path / "md")]) == 0


def test_a_tag_name_the_store_refuses_names_the_file(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    _fill(tmp_path / "a", article)
    data = json.loads(_export_json(tmp_path / "a", tmp_path).read_text(encoding="utf-8"))
    data["items"][0]["body"][0]["value"] = "x" * 100
    path = tmp_path / "long.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(path), "--store", str(tmp_path / "b")]) == 2
    assert capsys.readouterr().err.startswith(f"gloss: {path}: a tag name")
