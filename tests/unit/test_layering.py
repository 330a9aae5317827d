"""The headless core never imports Textual, and imports go the documented direction."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

HEADLESS = [
    "reader/document.py",
    "reader/ingest",
    "reader/analysis",
    "reader/tokens.py",
    "reader/spans.py",
    "annotations",
    "styles",
]


def _python_files(rel: str) -> list[Path]:
    path = ROOT / rel
    return [path] if path.is_file() else sorted(path.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    """Top-level module names imported anywhere in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("rel", HEADLESS)
def test_headless_core_never_imports_textual(rel: str) -> None:
    for path in _python_files(rel):
        bad = {n for n in _imports(path) if n == "textual" or n.startswith("textual.")}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_document_imports_nothing_of_ours() -> None:
    ours = {
        n
        for n in _imports(ROOT / "reader/document.py")
        if n.split(".")[0] in {"reader", "annotations", "styles"}
    }
    assert not ours


@pytest.mark.parametrize("rel", ["reader/ingest", "reader/analysis"])
def test_ingest_and_analysis_import_only_document(rel: str) -> None:
    for path in _python_files(rel):
        ours = {
            n
            for n in _imports(path)
            if n.split(".")[0] in {"annotations", "styles"} or n.startswith("reader.ui")
        }
        assert not ours, f"{path.relative_to(ROOT)} imports {ours}"


def test_annotations_never_import_reader_beyond_document() -> None:
    for path in _python_files("annotations"):
        ours = {
            n for n in _imports(path) if n.startswith("reader") and n not in {"reader.document", "reader"}
        }
        assert not ours, f"{path.relative_to(ROOT)} imports {ours}"
