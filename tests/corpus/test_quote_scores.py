"""Quotes and speakers scored by the shared scorer: the seed, polnear-dev and pdnc-dev (issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.scoring import score, shortfalls

pytestmark = pytest.mark.corpus

SEED_TARGETS = {"quote_f1": 1.0, "speaker_acc": 0.97, "scare_rejected": 0.75, "pull_quotes_marked": 1.0}
CORPUS_TARGETS = {
    "polnear-dev": {"quote_f1": 0.97, "speaker_acc": 0.85},
    "pdnc-dev": {"quote_f1": 0.95, "speaker_acc": 0.60},
}


def test_seed_quotes_meet_their_targets(score_tool: Path, shared_corpus: Path) -> None:
    """quote_f1, speaker accuracy, scare quotes rejected and pull quotes marked on the seed."""
    scores = score(score_tool, shared_corpus / "seed" / "filter-fentanyl-guns.gold.json")
    assert not shortfalls(scores, SEED_TARGETS)


@pytest.mark.parametrize("corpus", sorted(CORPUS_TARGETS))
def test_corpus_quotes_meet_their_targets(score_tool: Path, shared_corpus: Path, corpus: str) -> None:
    """Political news (speakers as written) and novels (dialogue) keep their figures."""
    scores = score(score_tool, shared_corpus / corpus)
    assert not shortfalls(scores, CORPUS_TARGETS[corpus]), scores
