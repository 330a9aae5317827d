"""The snapshot store itself: round trip, atomic files, and damaged files treated as absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.document import Block, Document
from reader.ingest import page_cache

URL = "https://news.example/story"


def document() -> Document:
    """A small article Document."""
    text = "Harbour freezes over\n\nThe harbour froze for the first time in forty years."
    blocks = (Block("title", 0, 20), Block("paragraph", 22, len(text)))
    return Document(text, blocks, URL, "Harbour freezes over", "Jane Roe", {"site": "Quay Times"})


def test_round_trip_keeps_text_blocks_and_metadata() -> None:
    page_cache.save_snapshot(URL, document())
    again = page_cache.load_snapshot(URL)
    assert again is not None
    assert (again.text, again.blocks, again.title, again.author) == (
        document().text,
        document().blocks,
        "Harbour freezes over",
        "Jane Roe",
    )
    assert again.meta["site"] == "Quay Times" and again.meta["snapshot"] is True and "fetched" in again.meta


def test_missing_snapshot_is_none() -> None:
    assert page_cache.load_snapshot("https://news.example/never-opened") is None


@pytest.mark.parametrize(
    "damage",
    [
        "{truncated",
        json.dumps({"schema": 99, "text": "x", "blocks": [], "source": URL}),
        json.dumps({"schema": 1, "text": "short", "blocks": [["paragraph", 0, 500, 0, None]], "source": URL}),
        json.dumps({"schema": 1, "blocks": []}),
    ],
)
def test_a_damaged_snapshot_counts_as_missing(damage: str) -> None:
    path = page_cache.snapshot_path(URL)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(damage, encoding="utf-8")
    assert page_cache.load_snapshot(URL) is None


def test_saving_replaces_atomically_and_leaves_no_temp_files() -> None:
    first = page_cache.save_snapshot(URL, document())
    second = page_cache.save_snapshot(URL, document())
    assert first == second
    assert [p.name for p in first.parent.iterdir()] == [first.name]


def test_the_folder_comes_from_gloss_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLOSS_CACHE", str(tmp_path / "c"))
    assert page_cache.cache_dir() == tmp_path / "c" / "pages"
    monkeypatch.delenv("GLOSS_CACHE")
    assert "gloss" in str(page_cache.cache_dir())  # the user data dir (XDG_DATA_HOME in tests)


def test_fragments_share_a_snapshot() -> None:
    assert page_cache.url_key(URL) == page_cache.url_key(URL + "#part-2")
    assert page_cache.url_key(URL) != page_cache.url_key(URL + "?page=2")


def test_an_edited_snapshot_cannot_smuggle_control_characters() -> None:
    path = page_cache.save_snapshot(URL, document())
    data = json.loads(path.read_text(encoding="utf-8"))
    data["text"] = data["text"].replace("harbour", "\x1b[2Jharbour", 1)[: len(data["text"])]
    data["title"] = "Evil\x1b]0;owned\x07"
    path.write_text(json.dumps(data), encoding="utf-8")
    again = page_cache.load_snapshot(URL)
    assert again is not None and "\x1b" not in again.text and "\x1b" not in (again.title or "")
