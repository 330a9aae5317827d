"""The seed article's quotes and speakers scored by the shared scorer against its gold answers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_TARGETS = {
    "quote_f1": 1.0,
    "speaker_acc": 0.97,
    "scare_rejected": 0.75,
    "pull_quotes_marked": 1.0,
}

pytestmark = pytest.mark.corpus


def test_seed_quotes_meet_their_targets(score_tool: Path, shared_corpus: Path) -> None:
    """quote_f1, speaker accuracy, scare quotes rejected and pull quotes marked on the seed."""
    gold = shared_corpus / "seed" / "filter-fentanyl-guns.gold.json"
    command = f"{sys.executable} {ROOT / 'main.py'} analyze {{source}} --json"
    result = subprocess.run(
        [sys.executable, str(score_tool), str(gold), "--cmd", command, "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    scores = json.loads(result.stdout)
    short = {m: round(scores.get(m, 0.0), 3) for m, low in SEED_TARGETS.items() if scores.get(m, 0.0) < low}
    assert not short, f"below target: {short}"
