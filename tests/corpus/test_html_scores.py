"""The html-dev pages scored by the shared scorer: title, author and body targets (issue 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.scoring import score, shortfalls

pytestmark = pytest.mark.corpus

HTML_TARGETS = {"title": 0.90, "author": 0.80, "body_f1": 0.96}


def test_html_dev_meets_its_targets(score_tool: Path, shared_corpus: Path) -> None:
    """Every html-dev page through ``gloss analyze --json`` (one process, all pages)."""
    scores = score(score_tool, shared_corpus / "html-dev")
    assert not shortfalls(scores, HTML_TARGETS), scores
