"""Pull quotes on web pages: a block quote that repeats words of the article body.

Pages set pull quotes as ``<blockquote>`` (or an ``<aside>`` trafilatura turns into one)
without quotation marks, which the plain-text rule (a paragraph that is only a
quotation, in ``structure_pull``) cannot see; the body twin is what gives them away.
"""

from __future__ import annotations

from reader.ingest.canonical import Unit
from reader.ingest.structure_pull import normalise

_MIN_PULL_CHARS = 20  # shorter repeats are phrases, not pulled-out passages


def mark_quoted_block_twins(units: list[Unit]) -> None:
    """Re-kind as ``pull_quote`` each block quote whose words also appear in the body."""
    body = [normalise(u.text) if u.kind in ("paragraph", "list_item") else "" for u in units]
    joined = "\n".join(body)
    for unit in units:
        if unit.kind != "blockquote":
            continue
        key = normalise(unit.text)
        if len(key) >= _MIN_PULL_CHARS and key in joined:
            unit.kind = "pull_quote"
