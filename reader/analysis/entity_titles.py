"""Titles, nation words and offices around a person's name.

"Attorney General Merrick Garland" gives the title "Attorney General"; "Mexican
President Andrés Manuel López Obrador" the title "Mexican President"; "Cofinec
CEO Stephen Frater" splits into the company and the titled person; "Australian
Tom Moody" into a nation word and a name.
"""

from __future__ import annotations

import re

from reader.analysis import entity_lexicon as lex
from reader.analysis.entity_tokens import Token
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.names import fold, is_acronym


def ordinary_opener(first: Token, second: Token) -> bool:
    """A capitalised sentence opener that is no name, before a nationality, given name or title."""
    gaz = _gazetteer()
    head, after = fold(first.bare), fold(second.bare)
    if head in gaz.given_names or gaz.place_kind(head) or head in gaz.demonyms or head in lex.TITLES:
        return False
    pair = f"{head} {after}"
    if is_acronym(first.text) or pair in gaz.demonyms or gaz.place_kind(pair):
        return False
    return after in gaz.demonyms or after in gaz.given_names or after in lex.TITLES


def peel_title(piece: list[Token]) -> tuple[list[Token], Token | None, list[Token]]:
    """Split leading titles off a person's name: (title tokens, place/nation prefix, rest)."""
    prefix = None
    titled = len(piece) >= 3 and piece[1].bare in lex.TITLES and piece[1].bare not in lex.WEAK_TITLES
    if titled and (is_acronym(piece[0].text) or piece[0].bare in _demonyms()):
        prefix, piece = piece[0], piece[1:]
    i = 0
    portfolio = len(piece) >= 4 and piece[1].bare in lex.TITLES and piece[1].bare not in lex.WEAK_TITLES
    if portfolio and piece[0].bare not in lex.TITLES and personal(piece[2:]) and piece[0].text[:1].isupper():
        i = 1  # "Agriculture Secretary Dan Glickman", "Foreign Minister Yevgeny Primakov"
    while i < len(piece) - 1 and piece[i].bare in lex.TITLES:
        i += 1
        if i < len(piece) - 2 and piece[i].low in ("of", "for"):
            i += 2  # "Secretary of State John Kerry"
    if i == 0:
        if prefix is not None:
            return [], None, [prefix, *piece]
        return [], None, piece
    rest = piece[i:]
    if not personal(rest) or (i == 1 and piece[0].bare in lex.WEAK_TITLES and len(rest) < 2):
        return [], None, ([prefix] if prefix else []) + piece
    if prefix is not None and prefix.bare in _demonyms():
        return [prefix, *piece[:i]], None, rest
    return piece[:i], prefix, rest


def title_inside(piece: list[Token]) -> int:
    """Where a titled person starts inside a longer run, else 0.

    "Cofinec CEO Stephen Frater" -> 1; "Hong Kong Financial Secretary Donald Tsang" -> 2
    (a portfolio word goes with its title). A nation word or acronym before the
    title is left to the title peeler ("Mexican President …", "U.S. President …").
    """
    for k in range(1, len(piece) - 1):
        word = piece[k].bare
        if word not in lex.TITLES or word in lex.WEAK_TITLES or not personal(piece[k + 1 :]):
            continue
        if k == 1 and (
            is_acronym(piece[0].text) or piece[0].bare in _demonyms() or piece[0].bare in lex.TITLES
        ):
            return 0
        if word in lex.PORTFOLIO_TITLES and _portfolio_word(piece[k - 1]):
            return k - 1  # 0 when the portfolio opens the run: the title peeler takes it
        return k
    return 0


def _portfolio_word(token: Token) -> bool:
    """'Agriculture', 'Financial', 'Foreign': a capitalised word that names no place or body."""
    if is_acronym(token.text) or token.bare in lex.ORG_HEADS or not token.text[:1].isupper():
        return False
    gaz = _gazetteer()
    return not (gaz.place_kind(fold(token.bare)) or fold(token.bare) in gaz.given_names)


def split_qualifier(piece: list[Token]) -> tuple[Token | None, list[Token]]:
    """'Australian Tom Moody', 'U.S. Labor Day': a nation word before another name is its own name.

    Kept whole when the rest is an organisation or event of that nation ("British
    Airways", "U.S. Open") or a title follows (handled by the title peeler).
    """
    if len(piece) < 2:
        return None, piece
    first, second, last = piece[0], piece[1], piece[-1].bare
    gaz = _gazetteer()
    if not second.text[:1].isupper() or gaz.place_kind(fold(" ".join(t.bare for t in piece))):
        return None, piece  # "Czech Republic", "Saudi Arabia"
    if second.bare in lex.TITLES:
        place = gaz.place_kind(first.bare) in ("city", "region", "country")
        return (first, piece[1:]) if place and len(piece) >= 3 else (None, piece)  # "Chicago Cardinal X"
    rest_place = gaz.place_kind(fold(" ".join(t.bare for t in piece[1:])))
    if first.bare in gaz.demonyms and (rest_place or last in lex.PLACE_HEADS):
        return first, piece[1:]  # "Jewish West Bank settlements"
    if last in lex.ORG_HEADS or last in lex.MISC_HEADS:
        return None, piece  # "British Airways", "U.S. Open"
    if first.text in lex.PLACE_ACRONYMS and second.bare not in lex.FUNCTION_WORDS:
        return first, piece[1:]  # "U.S. Labor Day", not "USA Today"
    if (first.bare in gaz.demonyms or first.bare in lex.GROUP_WORDS) and fold(second.bare) in gaz.given_names:
        return first, piece[1:]  # "Australian Tom Moody", "Democrat Walter Mondale"
    return None, piece


def personal(rest: list[Token]) -> bool:
    """Could these words be a person's name (not 'Motors', 'Island', a lower-case word)?"""
    if not rest or not rest[0].text[0].isupper():
        return False
    last = rest[-1].bare
    return last not in lex.ORG_HEADS and last not in lex.PLACE_HEADS and last not in lex.MISC_HEADS


def _demonyms() -> frozenset[str]:
    return _gazetteer().demonyms


def _gazetteer() -> Gazetteer:
    from reader.analysis.gazetteer import load

    return load()


_ROLE_BEFORE = re.compile(r"([a-z][a-z\-]+)[ \t]+$")


def role_noun_before(text: str, start: int) -> bool:
    """A lower-case role noun right before the name ("captain Chris Lewis")."""
    if start < 3 or not text[start - 2].islower():
        return False
    match = _ROLE_BEFORE.search(text, max(0, start - 24), start)
    if not match:
        return False
    word = match.group(1)
    return word in lex.ROLE_NOUNS or word.split("-")[-1] in lex.ROLE_NOUNS
