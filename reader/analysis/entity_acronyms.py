"""Bracketed acronyms and their long forms: "Drug Enforcement Administration (DEA)".

The long form is found by walking back from the bracket over capitalised words
whose initials spell the acronym (connectors such as "of" and "and", and commas,
may sit between them), then over an "X of" head ("Bureau of Alcohol, Tobacco and
Firearms (ATF)"). The long form replaces the pieces the run splitter cut it into.
"""

from __future__ import annotations

import re

from reader.analysis import entity_lexicon as lex
from reader.analysis.entity_spans import Mention
from reader.analysis.names import CONNECTORS, fold

_BRACKETED = re.compile(r"\(\s?(?:the\s)?([A-Z][A-Za-z]*[A-Z]|(?:[A-Z]\.){2,5})\s?\)")
_WORD = re.compile(r"[\w][\w’'\-.&]*")
_WINDOW = 240


def link_bracketed(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with every bracketed acronym's long form joined into one mention."""
    by_start = {m.start: m for m in mentions}
    for match in _BRACKETED.finditer(text):
        acronym = match.group(1)
        found = _long_form(text, match.start(), acronym)
        if found is None:
            continue
        start, end = found
        expansion = Mention(start, end, text[start:end], expansion=True)
        inside = [m for m in mentions if m.start < end and m.end > start]
        if inside:
            expansion.title = inside[0].title if inside[0].start == start else None
            expansion.person_cue = inside[0].person_cue
        mentions = [m for m in mentions if m not in inside]
        mentions.append(expansion)
        short = by_start.get(match.start(1))
        if short is not None and short.text.rstrip(".") == acronym.rstrip("."):
            short.acronym_of = expansion
    mentions.sort(key=lambda m: m.start)
    return mentions


def _long_form(text: str, paren: int, acronym: str) -> tuple[int, int] | None:
    """(start, end) of the words before ``paren`` that the acronym abbreviates."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    lo = max(0, paren - _WINDOW)
    words = list(_WORD.finditer(text, lo, paren))
    if not words:
        return None
    end = words[-1].end()
    if text[end:paren].strip():
        return None
    need = len(letters) - 1
    first = None
    j = len(words) - 1
    while j >= 0 and need >= 0:
        word = words[j].group()
        if j < len(words) - 1 and not _plain_gap(text, words[j].end(), words[j + 1].start()):
            break
        if word.lower() in CONNECTORS:
            j -= 1
            continue
        if not word[0].isupper():
            break
        initial = fold(word[0]).upper()
        if initial != letters[need]:
            break
        need -= 1
        first = j
        j -= 1
    if need >= 0 or first is None:
        return None
    if (
        first >= 2
        and words[first - 1].group() in ("of", "for")
        and words[first - 2].group().lower() in lex.OF_HEADS
    ):
        first -= 2
    return words[first].start(), end


def _plain_gap(text: str, start: int, end: int) -> bool:
    """Only spaces and commas between two words of a long form."""
    gap = text[start:end]
    return len(gap) <= 3 and not gap.strip(" ,\n")
