"""The seed's structure scored by the shared scorer: title, headings, pull quotes … (issue 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.scoring import score, shortfalls

pytestmark = pytest.mark.corpus

STRUCTURE = ("title", "headings", "pull_quote_blocks", "caption", "author", "boilerplate_dropped")


def test_seed_structure_is_all_right(score_tool: Path, shared_corpus: Path) -> None:
    """Every structure metric of the seed is 1.0."""
    scores = score(score_tool, shared_corpus / "seed" / "filter-fentanyl-guns.gold.json")
    assert not shortfalls(scores, dict.fromkeys(STRUCTURE, 1.0))
