"""A person's role: from an appositive, a "Name is …" bio line, or a title.

Order of preference: an appositive right after a mention ("Ethan Nadelmann, the
founder and former executive director of the Drug Policy Alliance, told …"),
then a bio sentence ("Alexander is Filter’s staff writer."), then an office
title before the name ("former Attorney General Bill Barr"), then an honorific
("Dr.").
"""

from __future__ import annotations

import re

from reader.analysis import entity_lexicon as lex
from reader.analysis.entity_spans import Mention

_BRACKET = re.compile(r"^\s*\([^()\n]{1,30}\)")
_APPOSITIVE = re.compile(r"^,\s+([^,.;:!?“”\"()\n]{3,160}?)\s*(?=,|\.(?:\s|$)|;|\)|—|–)")
_COPULA = re.compile(
    r"^\s+(?:is|was)\s+((?:the|a|an)\s+)?([^.;:!?\n]{3,100}?)(?=\.(?:\s|$)|;|,\s(?:and|who|which)\b)"
)
_MAX_ROLE_WORDS = 20
_MAX_TRIED = 200
_RELATIVE = re.compile(r"\s(?:who|whom|whose|which|that)\s")
_HEAD_END = re.compile(r"\s(?:of|at|for|with|in|on|to|from|among|since|who|whom|which|that|and a|and an)\b")


def find_role(mentions: list[Mention], text: str) -> str | None:
    """The best role found around any of a person's mentions."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for finder in (_appositive, _copula):
        for mention in ordered[:_MAX_TRIED]:  # a role is given early; a novel's 1,000th mention adds none
            role = finder(mention, text)
            if role:
                return role
    titles = [m.title for m in ordered if m.title]
    offices = [t for t in titles if t.split()[-1].lower() not in lex.HONORIFICS]
    if offices:
        return offices[0]
    return titles[0] if titles else None


# Periods of "Mrs.", "Inc." and of "U.S." inside a phrase (before a lower-case word) do not end a role.
_ABBREVIATION_DOT = re.compile(
    r"\b(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Inc|Corp|Co|Ltd|Prof)\.|(?<=[A-Z])\.(?=[A-Z]\.)|(?<=\.[A-Z])\.(?=\s[a-z])"
)
_MASK = "\u2024"  # a one-dot leader stands in for abbreviation periods while matching
# What must follow a mention for an appositive to start: the bracket and "’s" that ``_after``
# drops, then the comma ``_APPOSITIVE`` opens with (masking never makes a comma).
_COMMA_AFTER = re.compile(r"(?:[’'‘]s\b)?(?:\s*\([^()\n]{1,30}\))?,")


def _after(mention: Mention, text: str) -> str:
    """The text after a mention, abbreviation periods masked so they do not end a role."""
    rest = text[mention.end : mention.end + 240]
    rest = re.sub(r"^[’'‘]s\b", "", rest)
    bracket = _BRACKET.match(rest)
    rest = rest[bracket.end() :] if bracket else rest
    return _ABBREVIATION_DOT.sub(lambda m: (m.group(1) or "") + _MASK, rest)


def _appositive(mention: Mention, text: str) -> str | None:
    """', the founder of X,' after the name."""
    if not _COMMA_AFTER.match(text, mention.end):
        return None  # no comma after the name (or its "’s" and bracket): the common case
    match = _APPOSITIVE.match(_after(mention, text))
    if not match:
        return None
    role = _RELATIVE.split(match.group(1).strip().replace(_MASK, "."))[0]  # drop "who had spent …"
    return role if _is_role(role) else None


def _copula(mention: Mention, text: str) -> str | None:
    """'Name is Filter’s staff writer.' opening a sentence."""
    before = text[max(0, mention.start - 4) : mention.start]
    if before.strip(" •*-\t\n") and not before.rstrip().endswith((".", "\n")) and mention.start > 3:
        return None
    match = _COPULA.match(text[mention.end : mention.end + 200])
    if not match:
        return None
    role = (match.group(1) or "") + match.group(2).strip()
    return role if _is_role(role) else None


def _is_role(phrase: str) -> bool:
    """A noun phrase whose head is a role noun: 'associate director at …', 'the founder'."""
    words = phrase.split()
    if not words or len(words) > _MAX_ROLE_WORDS:
        return False
    first = words[0].lower()
    if first in lex.NOT_APPOSITIVE or (first.endswith(("ed", "ing", "ly")) and first not in lex.ROLE_NOUNS):
        return False
    if words[0][0].isupper() and first not in lex.TITLES and not words[0].endswith(("’s", "'s")):
        return False  # "Essex, Derbyshire" is a list of names, not a role
    # the head noun closes the phrase before its first preposition or clause: "associate
    # director [at …]", "an economist [who …]"; "gay and laughing [among …]" has none
    head_zone = _HEAD_END.split(phrase)[0].split()
    return bool(head_zone) and _role_word(re.sub(r"[’']s$", "", head_zone[-1]))


def _role_word(word: str) -> bool:
    low = word.lower().strip(",")
    if low in lex.ROLE_NOUNS or low in lex.TITLES:
        return True
    return (
        len(low) > 4 and low.endswith(lex.ROLE_SUFFIXES) and low.isalpha() and low not in lex.FUNCTION_WORDS
    )
