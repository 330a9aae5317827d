"""Run the shared scorer on gloss's own ``analyze --json`` and compare with targets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def score(score_tool: Path, gold_or_corpus: Path) -> dict[str, float]:
    """The scorer's metrics for one gold file, or for every gold file of a corpus folder."""
    if gold_or_corpus.is_dir():
        if not any(gold_or_corpus.glob("*.gold.json")):
            pytest.skip(f"{gold_or_corpus} is not available")
        paths = ["corpus", str(gold_or_corpus)]
        command = f"{sys.executable} {ROOT / 'main.py'} analyze {{sources}} --json"
    else:
        paths = [str(gold_or_corpus)]
        command = f"{sys.executable} {ROOT / 'main.py'} analyze {{source}} --json"
    result = subprocess.run(
        [sys.executable, str(score_tool), *paths, "--cmd", command, "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def shortfalls(scores: dict[str, float], targets: dict[str, float]) -> dict[str, float]:
    """The metrics below their target (a missing metric counts as 0)."""
    return {m: round(scores.get(m, 0.0), 3) for m, low in targets.items() if scores.get(m, 0.0) < low}
