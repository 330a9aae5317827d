"""The words of a capitalised run and how they group into names.

A run ("Bureau of Alcohol", "Nice and Paris St Germain") is cut into pieces where
a connector does not continue a name, at sentence ends, after possessives, and
around words that are never part of a name ("X-ray", "D-NJ").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reader.analysis import entity_lexicon as lex
from reader.analysis.names import is_acronym, possessive_length

ABBREVIATIONS = lex.word_set(
    "mr. mrs. ms. dr. st. jr. sr. inc. corp. co. ltd. sen. rep. gov. gen. lt. col. capt. sgt. prof. rev. mt. ft. adm. messrs. no. vs. v."
)
CONTRACTION = re.compile(r"(?:[’'](?:ll|ve|re|m|d|s)|n[’']t)$")
CONNECTORS = lex.word_set(
    "of for and the on to de da das do dos du del della di van von der den ter bin ibn al la le y"
)


class _cached:
    """``functools.cached_property`` without its lock (Python 3.11 takes one per first read).

    A non-data descriptor: the first read stores the value in the instance, which later
    reads find before the descriptor.
    """

    def __init__(self, func: Callable[[Token], str]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj: Token | None, owner: type | None = None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass
class Token:
    """A word of a run with its absolute offsets."""

    start: int
    end: int
    text: str

    @_cached
    def low(self) -> str:
        return self.text.lower()

    @property
    def bare_text(self) -> str:
        """The token without a possessive ending."""
        return self.text[: len(self.text) - possessive_length(self.text)]

    @_cached
    def bare(self) -> str:
        """Lower case without a possessive or a sentence period."""
        word = self.text[: len(self.text) - possessive_length(self.text)]
        if word.endswith(".") and word.lower() not in ABBREVIATIONS and not is_acronym(word):
            word = word[:-1]
        low = word.lower()
        return CONTRACTION.sub("", low) if "’" in low or "'" in low else low


def ends_sentence(token: Token) -> bool:
    """A token ending in a sentence period (not 'Dr.', 'U.S.', 'J.')."""
    word = token.text
    if not word.endswith("."):
        return False
    return not (word.lower() in ABBREVIATIONS or is_acronym(word) or re.match(r"^[A-Z]\.$", word))


def segments(tokens: list[Token]) -> Iterator[list[Token]]:
    """Cut a run into name pieces at connectors that do not continue a name."""
    current: list[Token] = []
    pending: list[Token] = []
    merged_of = False
    for token in tokens:
        if token.text in ("&",) or (token.text[0].islower() and token.low in CONNECTORS):
            pending.append(token)
            continue
        if splits(token):
            if current and not pending and "-" in token.text:
                current = []  # "Hong Kong-listed": the name is part of an adjective
            if current:
                yield current
            current, pending, merged_of = [], [], False
            continue
        if current and pending:
            joined = _joins(current, pending, token, merged_of)
            if joined:
                merged_of = merged_of or pending[0].low in ("of", "for", "on", "to")
                current += [*pending, token]
            else:
                yield current
                current, merged_of = [token], False
            pending = []
        elif current and (ends_sentence(current[-1]) or _possessive_break(current[-1], token)):
            yield current
            current, merged_of = [token], False
        else:
            current.append(token)
            pending = []  # connectors before a fresh name join nothing
    if current:
        yield current


def _possessive_break(previous: Token, token: Token) -> bool:
    """ "Clinton's N.Y.U. speech": a possessive ends a name unless a company word follows."""
    return possessive_length(previous.text) > 0 and token.bare not in lex.ORG_HEADS


def splits(token: Token) -> bool:
    """Tokens that are never part of a name: 'X-ray', 'Supply-side', party tags 'D-NJ'."""
    if "-" in token.text:
        parts = token.text.split("-")
        if parts[-1][:1].islower() and len(parts[-1].rstrip(".,’'")) >= 3:
            return True  # "X-ray", "Mexican-born"; not "Chester-le-Street", "Kim In-so"
        if re.match(r"^[DRI]-[A-Z]", token.text):
            return True
    return False


def _joins(current: list[Token], pending: list[Token], nxt: Token, merged_of: bool) -> bool:
    """Does the connector sequence ``pending`` continue the name in ``current``?"""
    words = [t.low for t in pending]
    if ends_sentence(current[-1]):
        return False
    if words == ["&"]:
        return True
    if all(w in lex.PARTICLES for w in words) and len(current) <= 3:
        return True
    head = current[-1].bare
    if words[0] in ("of", "for") and (head in lex.OF_HEADS or merged_of) and head not in lex.COMPANY_SUFFIXES:
        return True
    if words[0] == "on" and head in lex.ON_HEADS:
        return True
    if words[0] == "to" and head in lex.TO_HEADS:
        return True
    return words == ["and"] and merged_of
