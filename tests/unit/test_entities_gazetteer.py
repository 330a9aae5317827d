"""The gazetteer compiled from data packages, and its cache file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.analysis import gazetteer


@pytest.fixture
def fresh() -> None:
    """Forget the in-process copy so each test reads or compiles the cache file."""
    gazetteer.load.cache_clear()
    yield
    gazetteer.load.cache_clear()


def cache_files() -> list[Path]:
    root = Path(os.environ["GLOSS_CACHE"])
    return sorted(root.glob("gazetteer-*.json"))


def test_known_places_names_and_demonyms(fresh: None) -> None:
    gaz = gazetteer.load()
    assert gaz.place_kind("mexico") == "country"
    assert gaz.place_kind("united states") == "country"
    assert gaz.place_kind("texas") == "region"
    assert gaz.place_kind("british columbia") == "region"
    assert gaz.place_kind("el paso") == "city"
    assert gaz.place_kind("fentanyl") is None
    assert "alexander" in gaz.given_names
    assert "mexican" in gaz.demonyms
    assert "eastern" not in gaz.regions  # compass words say nothing in a capitals headline


def test_compiled_once_then_read_from_the_cache(fresh: None) -> None:
    gazetteer.load()
    files = cache_files()
    assert len(files) == 1
    data = json.loads(files[0].read_text(encoding="utf-8"))
    assert data["format"] == gazetteer.FORMAT
    data["cities"].append("zzcachedtown")
    files[0].write_text(json.dumps(data), encoding="utf-8")
    gazetteer.load.cache_clear()
    assert gazetteer.load().place_kind("zzcachedtown") == "city"


def test_a_corrupt_cache_is_rebuilt(fresh: None) -> None:
    gazetteer.load()
    path = cache_files()[0]
    path.write_text("{not json", encoding="utf-8")
    gazetteer.load.cache_clear()
    assert gazetteer.load().place_kind("mexico") == "country"
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == gazetteer.FORMAT


def test_accent_folding() -> None:
    assert gazetteer.fold("Andrés Manuel López Obrador") == "andres manuel lopez obrador"
    assert gazetteer.fold("Plain") == "plain"


def test_cache_files_of_older_versions_are_removed(fresh: None) -> None:
    root = Path(os.environ["GLOSS_CACHE"])
    root.mkdir(parents=True, exist_ok=True)
    stale = root / "gazetteer-1-old-versions.json"
    stale.write_text("{}", encoding="utf-8")
    gazetteer.load()
    assert not stale.exists()
    assert len(cache_files()) == 1
