"""Entities scored by the shared scorer: the seed and CoNLL-2003 dev mentions (issue 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.scoring import score, shortfalls

pytestmark = pytest.mark.corpus

SEED_TARGETS = {
    "entity_f1": 0.90,
    "entity_type_acc": 0.95,
    "alias_linking": 0.90,
    "acronym_expansion": 1.0,
    "roles": 0.80,
    "dates": 0.90,
    "numbers": 0.80,
}
CONLL_TARGETS = {"mention_f1": 0.70}


def test_seed_entities_meet_their_targets(score_tool: Path, shared_corpus: Path) -> None:
    """entity_f1, types, alias linking, acronyms, roles, dates and numbers on the seed."""
    scores = score(score_tool, shared_corpus / "seed" / "filter-fentanyl-guns.gold.json")
    assert not shortfalls(scores, SEED_TARGETS)


def test_conll_dev_mentions_meet_their_target(score_tool: Path, shared_corpus: Path) -> None:
    """PER/ORG/LOC mentions of Reuters news (exact spans, or surfaces when the text differs)."""
    scores = score(score_tool, shared_corpus / "conll-dev")
    assert not shortfalls(scores, CONLL_TARGETS), scores
