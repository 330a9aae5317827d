"""The canonical name of a person or place: the fullest form the text stands behind.

The fullest written form is usually the right name ("Ethan Nadelmann" once, then
"Nadelmann" five times). In a long text a capitalised run can, once, glue an
ordinary word to a name the text uses hundreds of times: "Young Nicholas" at a
sentence start, "that Private Dólokhov", or the tail of a possessive place,
"the Patriarch’s Ponds Pierre found…". Such a leading word is dropped from the
name when the shorter form is the one the text prefers. A place keeps its full
name unless the gazetteer knows only the shorter one and the text uses that one
far more ("Holy Moscow" once, "Moscow" seven hundred times; not "Great Britain").
"""

from __future__ import annotations

import re
from collections import Counter

from reader.analysis import entity_lexicon as lex
from reader.analysis.entity_spans import Mention
from reader.analysis.gazetteer import Gazetteer

# a capitalised possessive right before a mention: "the Patriarch’s Ponds Pierre"
_POSSESSIVE_BEFORE = re.compile(r"[A-Z][\w\-]*[’']s[ \t]+(?:\n[ \t]*)?$")
# a given name used as an ordinary word ("Young Nicholas"), or a place epithet ("Holy"),
# loses only to a form used this many times more often
_FAR_COMMONER = 20


def canonical_mention(
    mentions: list[Mention], longest: Mention, text: str, lower: set[str], gaz: Gazetteer, kind: str
) -> Mention:
    """The mention whose text names a person's or place's entity (``longest`` unless a leading word is an accident)."""
    words = tuple(longest.words)
    if len(words) < 2 or kind not in ("PERSON", "PLACE"):
        return longest
    counts = Counter(tuple(m.words) for m in mentions)
    if kind == "PERSON":
        shorter = _one_off_run(words, counts, gaz)
        if shorter:
            words, longest = shorter, _best_with(mentions, shorter)
    accidental = _accidental_head if kind == "PERSON" else _epithet
    while len(words) >= 2 and accidental(words, counts, longest, text, lower, gaz):
        words = words[1:]
        longest = _best_with(mentions, words)
    return longest


def _one_off_run(words: tuple[str, ...], counts: Counter, gaz: Gazetteer) -> tuple[str, ...] | None:
    """The name inside a run written once before a name used far more ("Bolótnoe Place Pierre").

    The dropped words must not be given names: "Pierre Bezúkhov" once, then "Bezúkhov"
    a hundred times, is still Pierre Bezúkhov.
    """
    if counts.get(words, 0) != 1:
        return None
    for k in range(1, len(words)):
        if words[k - 1] in gaz.given_names:
            return None
        if counts.get(words[k:], 0) >= _FAR_COMMONER:
            return words[k:]
    return None


def _accidental_head(
    words: tuple[str, ...],
    counts: Counter,
    longest: Mention,
    text: str,
    lower: set[str],
    gaz: Gazetteer,
) -> bool:
    """Is the first word of ``words`` no part of the name: an ordinary word or a possessive's tail?"""
    rest = words[1:]
    full, shorter = counts.get(words, 0), counts.get(rest, 0)
    if shorter <= full:
        return False  # the text does not prefer the shorter form
    head = words[0]
    if head in gaz.given_names and _after_possessive(text, longest.start):
        return False  # "Biden’s Ron Klain": a first name after a possessive
    if full == 1 and tuple(longest.words) == words and _after_possessive(text, longest.start):
        return True  # "Patriarch’s Ponds" + "Pierre" read as one run
    if head not in lower:
        return False  # never an ordinary word in this text ("Ethan")
    if head not in gaz.given_names or head in lex.TITLES:
        return True  # "Private Dólokhov", "Uncle Pierre", "Major Denísov"
    # "Young" is also a given name: an accident only before a given name used far more alone
    return rest[0] in gaz.given_names and shorter >= _FAR_COMMONER * full


def _epithet(
    words: tuple[str, ...],
    counts: Counter,
    longest: Mention,
    text: str,
    lower: set[str],
    gaz: Gazetteer,
) -> bool:
    """Is the first word of a place's name an ordinary word before a known place ("Holy Moscow")?"""
    rest = words[1:]
    if words[0] not in lower or gaz.place_kind(" ".join(words)) or not gaz.place_kind(" ".join(rest)):
        return False
    return counts.get(rest, 0) >= _FAR_COMMONER * max(1, counts.get(words, 0))


def _after_possessive(text: str, start: int) -> bool:
    return bool(_POSSESSIVE_BEFORE.search(text, max(0, start - 40), start))


def _best_with(mentions: list[Mention], words: tuple[str, ...]) -> Mention:
    """The fullest-looking mention with these words: body text over headlines, most accents, first."""
    return max(
        (m for m in mentions if tuple(m.words) == words),
        key=lambda m: (not m.headline, _accents(m.text), -m.start),
    )


def _accents(text: str) -> int:
    return 0 if text.isascii() else len(text) - len(text.encode("ascii", "ignore"))
