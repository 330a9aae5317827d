"""Shared test fixtures: an isolated store, no animations, and the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "reader" / "samples" / "filter-fentanyl-guns.txt"


@pytest.fixture(autouse=True)
def _isolate(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real home: store, config and cache all live in a temp folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("GLOSS_STORE", str(home / "store"))
    monkeypatch.setenv("GLOSS_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("GLOSS_CACHE", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache-xdg"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def seed_path() -> Path:
    """The bundled sample article."""
    return SEED


@pytest.fixture
def shared_corpus() -> Path:
    """``../shared/corpus``; skips the test when it is absent."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not available")
    return corpus


@pytest.fixture
def score_tool() -> Path:
    """``../shared/tools/score.py``; skips the test when it is absent."""
    tool = SHARED / "tools" / "score.py"
    if not tool.is_file():
        pytest.skip("../shared/tools/score.py is not available")
    return tool


os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
