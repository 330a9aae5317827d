"""The seed article's entities scored by the shared scorer against its gold answers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_TARGETS = {
    "entity_f1": 0.90,
    "entity_type_acc": 0.95,
    "alias_linking": 0.90,
    "acronym_expansion": 1.0,
    "roles": 0.80,
    "dates": 0.90,
    "numbers": 0.80,
}

pytestmark = pytest.mark.corpus


def test_seed_entities_meet_their_targets(score_tool: Path, shared_corpus: Path) -> None:
    """entity_f1, types, alias linking, acronyms, roles, dates and numbers on the seed."""
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
