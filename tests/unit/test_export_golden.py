"""Golden files: the seed article with a few annotations, exported as Markdown, JSON, HTML.

Regenerate after an intended change with ``GLOSS_UPDATE_GOLDEN=1 python -m pytest
tests/unit/test_export_golden.py`` and review the diff. The article structure and its
analysis are built by the test (see ``test_export_helpers``), so the goldens move only
when the export (or, for HTML, the lexer's token names) changes; the HTML page's
stylesheet (palette colours) is not compared.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from test_export_helpers import seed_item

from annotations.export import render_json, render_markdown
from reader.html_export import render_html

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "export"
CASES = {
    "seed.md": lambda: render_markdown(seed_item(), include=("quotes", "entities")),
    "seed-plain.md": lambda: render_markdown(seed_item(analysis=False)),
    "seed.json": lambda: render_json([seed_item()]),
    "seed.html": lambda: render_html([seed_item()], include=("quotes", "entities")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_export_matches_golden(name: str) -> None:
    output = CASES[name]()
    path = GOLDEN / name
    if os.environ.get("GLOSS_UPDATE_GOLDEN"):
        path.write_text(output, encoding="utf-8", newline="")
    assert path.is_file(), f"missing golden {path}; run with GLOSS_UPDATE_GOLDEN=1"
    assert _without_css(output) == _without_css(path.read_bytes().decode("utf-8"))


def _without_css(page: str) -> str:
    """The page without its stylesheet: palette tweaks belong to the styles' own tests
    (test_export_html checks the CSS is there and scoped); the markup must not move."""
    return re.sub(r"<style>.*?</style>", "<style/>", page, flags=re.DOTALL)


@pytest.mark.parametrize("name", sorted(CASES))
def test_export_is_deterministic(name: str) -> None:
    assert CASES[name]() == CASES[name]()


def test_json_golden_is_a_w3c_collection() -> None:
    data = json.loads((GOLDEN / "seed.json").read_text(encoding="utf-8"))
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == len(data["items"]) == 5
    first = data["items"][0]
    assert first["type"] == "Annotation" and first["id"].startswith("urn:uuid:")
    assert [s["type"] for s in first["target"]["selector"]] == ["TextQuoteSelector", "TextPositionSelector"]
    assert first["target"]["source"] == "file:///articles/filter-fentanyl-guns.txt"
    purposes = {b["purpose"] for item in data["items"] for b in item.get("body", [])}
    assert purposes == {"tagging", "commenting"}
