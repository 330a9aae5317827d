"""Decide tentative mentions (sentence starts, headlines) from the whole document.

A capitalised word at the start of a sentence or in an ALL-CAPS / Title Case
headline says nothing by its case. It is a name when the document also writes it
capitalised mid-sentence, or when a gazetteer knows it and the document never
uses it as a lower-case word; otherwise it is an ordinary word ("Although",
"TAKE", "Crackdown").
"""

from __future__ import annotations

import re

from reader.analysis import entity_lexicon as lex
from reader.analysis.entity_spans import Mention
from reader.analysis.entity_types import WHO_AFTER
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.names import fold, is_acronym, strip_possessive

_TOKEN = re.compile(r"\S+")


class Evidence:
    """What the document says about words: seen as names, seen as ordinary words."""

    def __init__(self, lower: set[str], firm: list[Mention], gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.lower = lower
        self.name_words = {w for m in firm for w in m.words}
        self.names = {" ".join(m.words) for m in firm}
        self.acronyms = {m.text for m in firm if is_acronym(m.text)}

    def common(self, word: str) -> bool:
        """Used in lower case in this document (or a plain inflection of such a word)."""
        low = word.lower()
        if low in self.lower or low in lex.FUNCTION_WORDS:
            return True
        stems = {low + "s", low + "es", low.removesuffix("s"), low.removesuffix("es"), low + "d", low + "ed"}
        return bool(stems & self.lower)

    def is_name(self, word: str, *, given_names: bool) -> bool:
        """Is this capitalised word a name here?"""
        bare = strip_possessive(word).rstrip(",;:")
        if bare.endswith(".") and not is_acronym(bare):
            bare = bare[:-1]
        key = fold(bare)
        if not key or key in lex.FUNCTION_WORDS or key in lex.MONTHS or key in lex.WEEKDAYS:
            return False
        if key in self.names or bare in self.acronyms or bare in lex.PLACE_ACRONYMS:
            return True
        if self.common(bare):
            return False
        if given_names and key in self.name_words:
            return True
        if self.gaz.place_kind(key) or key in self.gaz.demonyms or key in lex.GROUP_WORDS:
            return True
        return given_names and key in self.gaz.given_names


_DATELINE_AFTER = re.compile(
    r"(?:\s?,\s?[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)*)?\s+(?:\d{4}-\d\d-\d\d|\((?:Reuters|AP|AFP)\))"
)


def confirm(mentions: list[Mention], text: str, lower: set[str], gaz: Gazetteer) -> list[Mention]:
    """Keep firm mentions; keep the parts of tentative ones that the document supports."""
    evidence = Evidence(lower, [m for m in mentions if not m.tentative], gaz)
    out: list[Mention] = []
    for mention in mentions:
        if not mention.tentative:
            out.append(mention)
        elif mention.headline and _dateline(mention, text):
            mention.tentative, mention.dateline = False, True  # "LONDON 1996-08-30", "BOMBAY (Reuters)"
            out.append(mention)
        elif mention.headline:
            out.extend(_headline_parts(mention, evidence))
        else:
            out.extend(_sentence_start(mention, evidence, text))
    return out


def _name_head(word: str) -> bool:
    """An organisation or place head word ("party", "council", "river")."""
    bare = word.strip(".,;:")
    return bare in lex.ORG_HEADS or bare in lex.PLACE_HEADS


def _dateline(mention: Mention, text: str) -> bool:
    """A place in capitals opening a line, then a date or a news agency: a dateline."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    at_line_start = text[line_start : mention.start].strip().lower() in ("", "the")  # "THE HAGUE 1996-08-30"
    return at_line_start and mention.text.isupper() and bool(_DATELINE_AFTER.match(text, mention.end))


def _sentence_start(mention: Mention, evidence: Evidence, text: str) -> list[Mention]:
    """A name that opens a sentence."""
    tokens = list(_TOKEN.finditer(mention.text))
    mention.tentative = False
    if len(tokens) == 1:
        word = tokens[0].group()
        if evidence.is_name(word, given_names=True) or (
            is_acronym(word) and word.lower() not in lex.FUNCTION_WORDS
        ):
            return [mention]
        if WHO_AFTER.match(text, mention.end):
            return [mention]  # "Henke, who called his round …"
        if mention.table_row and not evidence.common(word) and fold(word) not in lex.ORDINAL_WORDS:
            return [mention]
        return []
    first = tokens[0].group()
    if " ".join(mention.words) in evidence.names or evidence.is_name(first, given_names=True):
        return [mention]
    if evidence.common(first):
        rest = tokens[1].start()
        return [Mention(mention.start + rest, mention.end, mention.text[rest:])]
    return [mention]


def _headline_parts(mention: Mention, evidence: Evidence) -> list[Mention]:
    """The names inside an ALL-CAPS or Title Case piece: runs of supported words."""
    tokens = list(_TOKEN.finditer(mention.text))
    keep = [False] * len(tokens)
    words = [fold(t.group()) for t in tokens]
    for size in (3, 2):  # multi-word places and names known from the body ("NEW YORK")
        for i in range(len(tokens) - size + 1):
            phrase = " ".join(words[i : i + size])
            if phrase in evidence.names or evidence.gaz.place_kind(phrase):
                keep[i : i + size] = [True] * size
    for i, token in enumerate(tokens):
        keep[i] = keep[i] or evidence.is_name(token.group(), given_names=False)
        if not keep[i] and i and keep[i - 1] and _name_head(words[i]):
            keep[i] = True  # "Scottish Labour Party": a head word closes the name
    out = []
    i = 0
    while i < len(tokens):
        if not keep[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and keep[j + 1]:
            j += 1
        start = mention.start + tokens[i].start()
        surface = mention.text[tokens[i].start() : tokens[j].end()]
        trimmed = strip_possessive(surface).rstrip(",;:")
        if trimmed.endswith(".") and not is_acronym(trimmed.split()[-1]):
            trimmed = trimmed[:-1]
        part = Mention(
            start, start + len(trimmed), trimmed, headline=True, title=mention.title if i == 0 else None
        )
        part.person_cue = mention.person_cue and i == 0
        out.append(part)
        i = j + 1
    return out
