"""Pull quotes: a paragraph that is only a quotation repeated (or nearly) in the body.

Magazines lift a sentence out of the body and set it big between paragraphs; in plain
text it shows up as a paragraph holding nothing but one quotation. The twin is found by
comparing normalised text (case, punctuation and spacing ignored), exactly first and
then with a fuzzy partial match so that a trimmed or lightly edited pull quote still
counts. Books are skipped: their thousands of one-quote dialogue paragraphs are not
pull quotes, and searching each of them through the whole text would cost seconds.
"""

from __future__ import annotations

import re

from reader.ingest.canonical import Unit

_OPENERS = '“"‘«„'
_CLOSERS = '”"’»“'
_NON_WORD = re.compile(r"[\W_]+")
MAX_DOCUMENT_CHARS = 300_000  # longer texts are books, where this rule does not apply
MIN_QUOTE_CHARS = 20
MAX_QUOTE_CHARS = 600
FUZZY_MIN_SCORE = 90.0
FUZZY_MIN_CHARS = 40
MAX_FUZZY_CANDIDATES = 12  # more quotation-only paragraphs means dialogue, not pull quotes


def normalise(text: str) -> str:
    """Lower case words separated by single spaces: the comparison key for twins."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def only_quotation(text: str) -> str | None:
    """The words inside the marks when ``text`` is a single quotation and nothing else."""
    if len(text) < MIN_QUOTE_CHARS or len(text) > MAX_QUOTE_CHARS or "\n" in text:
        return None
    opener, closer = text[0], text[-1]
    if opener not in _OPENERS or closer not in _CLOSERS:
        return None
    inner = text[1:-1]
    if opener == "“" and ("“" in inner or "”" in inner):
        return None  # two quotations, or one with words around it
    if opener == '"' and '"' in inner:
        return None
    return inner


def mark_pull_quotes(units: list[Unit], text_length: int) -> None:
    """Turn paragraphs that are only a quotation repeated elsewhere into pull quotes."""
    if text_length > MAX_DOCUMENT_CHARS:
        return
    candidates = []
    for index, unit in enumerate(units):
        inner = only_quotation(unit.text) if unit.kind == "paragraph" else None
        if inner is not None and normalise(inner):
            candidates.append((index, normalise(inner)))
    if not candidates:
        return
    keys = [normalise(unit.text) if unit.kind != "boilerplate" else "" for unit in units]
    every_key = "\n".join(keys)
    unmatched = []
    for index, key in candidates:
        # the key occurs once in its own block; a second occurrence is the body twin
        if every_key.count(key) > 1:
            units[index].kind = "pull_quote"
        else:
            unmatched.append((index, key))
    if len(unmatched) <= MAX_FUZZY_CANDIDATES:
        for index, key in unmatched:
            if _has_near_twin(key, index, keys):
                units[index].kind = "pull_quote"


def _has_near_twin(key: str, index: int, keys: list[str]) -> bool:
    """True when another block holds nearly ``key`` (an edited or trimmed copy)."""
    if len(key) < FUZZY_MIN_CHARS:
        return False
    from rapidfuzz import fuzz  # only articles with unmatched quotation paragraphs pay for it

    return any(
        i != index
        and len(other) >= len(key) * 0.8
        and fuzz.partial_ratio(key, other, score_cutoff=FUZZY_MIN_SCORE) > 0
        for i, other in enumerate(keys)
    )
