"""The html-dev pages scored by the shared scorer: title, author and body targets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HTML_TARGETS = {"title": 0.90, "author": 0.80, "body_f1": 0.96}

pytestmark = pytest.mark.corpus


def test_html_dev_meets_its_targets(score_tool: Path, shared_corpus: Path) -> None:
    """Every html-dev page through ``gloss analyze --json`` (one process, all pages)."""
    corpus = shared_corpus / "html-dev"
    if not any(corpus.glob("*.gold.json")):
        pytest.skip("../shared/corpus/html-dev is not available")
    command = f"{sys.executable} {ROOT / 'main.py'} analyze {{sources}} --json"
    result = subprocess.run(
        [sys.executable, str(score_tool), "corpus", str(corpus), "--cmd", command, "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    scores = json.loads(result.stdout)
    short = {m: round(scores.get(m, 0.0), 3) for m, low in HTML_TARGETS.items() if scores.get(m, 0.0) < low}
    assert not short, f"below target: {short} (all: {scores})"
