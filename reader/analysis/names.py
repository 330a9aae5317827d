"""Small helpers on name strings: folding, word keys, acronyms, possessives."""

from __future__ import annotations

import re

from reader.analysis.gazetteer import fold

__all__ = [
    "fold",
    "initials",
    "is_acronym",
    "lower_words",
    "name_words",
    "strip_possessive",
]

_POSSESSIVE = re.compile(r"(?:[’'‘`]s|s[’'‘])$")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4}|[A-Z]+&[A-Z]+)$")
CONNECTORS = frozenset(
    [
        "of",
        "for",
        "and",
        "the",
        "on",
        "to",
        "in",
        "at",
        "&",
        "y",
        "de",
        "da",
        "del",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "el",
        "al",
        "bin",
        "ibn",
    ]
)


# the first letter before the look back, so the engine skips to lower-case letters in C
_LOWER_WORD = re.compile(r"[a-z](?<![\w’'\-].)[a-z’'\-]*")


def lower_words(text: str) -> set[str]:
    """The words a text writes in lower case: evidence that a word is not a name."""
    return set(_LOWER_WORD.findall(text))


def strip_possessive(word: str) -> str:
    """'Biden’s' -> 'Biden'; "Filter‘s" -> 'Filter'; "Jones'" keeps the s-less form 'Jones'."""
    if word[-1:] not in ("s", "’", "'", "‘"):
        return word  # the common case, without a regex
    match = _POSSESSIVE.search(word)
    if not match:
        return word
    if match.group().startswith("s"):
        return word[:-1]  # "Jones'" -> "Jones"
    return word[: match.start()]


def possessive_length(word: str) -> int:
    """How many trailing characters of ``word`` are a possessive ending."""
    return len(word) - len(strip_possessive(word))


def is_acronym(word: str) -> bool:
    """All-capital short words: 'DEA', 'U.S.', 'AT&T'."""
    return bool(_ACRONYM.match(word))


def name_words(name: str) -> list[str]:
    """Folded, lower-case words of a name without punctuation."""
    return [w for w in re.findall(r"[\w&]+(?:[’'\-][\w]+)*", fold(name)) if w]


def initials(name: str) -> str:
    """Capitals of the content words: 'Drug Enforcement Administration' -> 'DEA'."""
    out = []
    for word in re.findall(r"[\w]+(?:[’'\-][\w]+)*", name):
        if word.lower() in CONNECTORS:
            continue
        if word[0].isupper():
            out.append(fold(word[0]).upper())
    return "".join(out)
