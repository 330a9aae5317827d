"""Pygments token types for analysed articles, and the span kinds that map to them.

A span kind is a dotted path below ``Token.Gloss``: ``"entity.person"`` is
``Token.Gloss.Entity.Person``. The view, the lexer and the styles all go through
this one mapping, so a new kind of span needs no change anywhere else.
"""

from __future__ import annotations

from functools import cache

from pygments.token import Token, _TokenType

Gloss = Token.Gloss

# The kinds gloss emits today (others are accepted: any dotted path works).
SPAN_KINDS = (
    "title",
    "heading",
    "pull_quote",
    "blockquote",
    "caption",
    "byline",
    "list_item",
    "code",
    "boilerplate",
    "quote",
    "quote.mark",
    "quote.speaker",
    "entity.person",
    "entity.org",
    "entity.place",
    "entity.group",
    "entity.misc",
    "date",
    "number",
    "search",
    "highlight",
    "note",
)

ENTITY_KIND = {
    "PERSON": "entity.person",
    "ORG": "entity.org",
    "PLACE": "entity.place",
    "GROUP": "entity.group",
    "MISC": "entity.misc",
    "DATE": "date",
    "NUMBER": "number",
}


@cache
def token_for(kind: str) -> _TokenType:
    """The Pygments token type for a span kind ("quote.mark" -> Token.Gloss.Quote.Mark)."""
    token = Gloss
    for part in kind.split("."):
        token = getattr(token, part.replace("_", " ").title().replace(" ", ""))
    return token


def component_class(kind: str) -> str:
    """The Textual component class for a span kind ("quote.mark" -> "article--quote-mark")."""
    return "article--" + kind.replace(".", "-").replace("_", "-")
