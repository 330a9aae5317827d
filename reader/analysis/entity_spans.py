"""Candidate name mentions: runs of capitalised words cut into names.

A run is a sequence of capitalised words, possibly joined by lower-case
connectors ("of", "de", "&"). The run is cut where a connector does not continue
a name, at sentence ends, and around titles ("Attorney General Merrick Garland"
gives the title "Attorney General" and the name "Merrick Garland"). A run at the
start of a sentence, or inside an ALL-CAPS or Title Case headline, is only
*tentative*: ``entity_evidence`` decides later, from the rest of the document,
which of its words are names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from reader.analysis import entity_lexicon as lex
from reader.analysis.entity_titles import (
    ordinary_opener,
    peel_title,
    role_noun_before,
    split_qualifier,
    title_inside,
)
from reader.analysis.entity_tokens import CONNECTORS, CONTRACTION, Token, ends_sentence, segments, splits
from reader.analysis.names import fold, is_acronym, possessive_length
from reader.document import Document

_UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
_WORD = rf"(?:(?:al|el|ad|ash|as|at|an|ar|az)-)?[{_UPPER}](?:[\w’'‘\-&.]*\w)?[’'‘]?\.?"  # "al-Aqsa"
_SEP = r"(?:[ \t\u00a0]+|[ \t]*\n(?![ \t]*\n)[ \t]*)"
_CONN = r"(?:of|for|and|the|on|to|de|da|das|do|dos|du|del|della|di|van|von|der|den|ter|bin|ibn|al|la|le|y|&)"
# A run may start after a hyphen ("then-Secretary", "anti-Trump"): a capital after a
# hyphen inside a name was already taken with the name's first part.
# The run's first word is _WORD spelled to open with a character class, with the
# "no letter or period before" check after that first character: the engine then skips
# to the next capital (or a/e) in C instead of trying the whole pattern at every position.
_FIRST_WORD = (
    rf"[{_UPPER}ae](?<![\w.].)"
    rf"(?:(?<=[ae])(?:(?<=a)(?:l|d|sh|s|t|n|r|z)|(?<=e)l)-[{_UPPER}]|(?<![ae]))"
    r"(?:[\w’'‘\-&.]*\w)?[’'‘]?\.?"
)
RUN = re.compile(rf"{_FIRST_WORD}(?:{_SEP}(?:{_CONN}{_SEP}){{0,2}}{_WORD})*")
_TOKEN = re.compile(r"\S+")
_SENTENCE_END = ".!?…:"
_OPENERS = " \t\n“\"‘'([{—–-•*·>"
# A name followed by figures is a table row or a score line, not the start of a sentence.
_INITIAL = re.compile(r"^[A-Z]\.$")
_TABLE_ROW = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?\d")
_ROLE_PREFIX = re.compile(
    r"(?:\b(?:former|then|ex|acting|interim|late|deputy|outgoing|incoming)[- ])+$", re.I
)


@dataclass(eq=False)  # identity: two mentions of the same words are different mentions
class Mention:
    """One candidate name in the text."""

    start: int
    end: int
    text: str
    tentative: bool = False  # needs evidence from elsewhere in the document
    headline: bool = False
    title: str | None = None  # a peeled title ("Sen.", "Attorney General")
    title_start: int = -1  # where the peeled title starts in the text
    person_cue: bool = False  # a role noun or title right before ("captain Chris Lewis")
    acronym_of: Mention | None = None  # the long form this acronym spells ("DEA" -> ...)
    table_row: bool = False  # opens a line of figures: a name unless the document uses it as a word
    dateline: bool = False  # the place of a dateline ("LONDON 1996-08-30")
    team_cue: bool = False  # used like a sports team ("Essex beat Kent", "Leeds 2")
    expansion: bool = False  # this mention is the long form before a bracketed acronym
    votes: dict[str, float] = field(default_factory=dict)

    words: list[str] = field(init=False, repr=False)  # folded lower-case words

    def __post_init__(self) -> None:
        self.words = list(_folded_words(self.text))


@lru_cache(maxsize=1 << 16)
def _folded_words(text: str) -> tuple[str, ...]:
    """The folded words of a mention's text: a long text names the same people thousands of times."""
    return tuple(fold(text).split())


def blocks_of(doc: Document) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of each block, or of each blank-line paragraph when there are none."""
    if doc.blocks:
        for block in doc.blocks:
            yield block.start, block.end, block.kind
        return
    pos = 0
    for match in re.finditer(r"\n\s*\n", doc.text):
        yield pos, match.start(), "paragraph"
        pos = match.end()
    yield pos, len(doc.text), "paragraph"


def block_mode(text: str, kind: str, lower: set[str], first: bool = False) -> str:
    """'caps' for an ALL-CAPS line, 'title' for a Title Case heading, else 'normal'.

    A heading (or a plain text's opening line) is in Title Case when a capitalised
    word past the first is one the document otherwise writes in lower case
    ("The Gun Supply"); a heading of names ("1. Michelle Freeman ( Jamaica )") is not.
    """
    head = text[:60]
    if sum(map(str.islower, head)) > sum(map(str.isupper, head)) // 3 + 1:
        caps_possible = False  # lower case already in the opening words: no ALL-CAPS line
    else:
        caps_possible = len(text) <= 400  # headlines are short
    if not caps_possible and kind not in ("title", "heading") and not first:
        return "normal"
    letters = sum(map(str.isalpha, text))
    if letters < 3:
        return "normal"
    upper = sum(map(str.isupper, text)) if caps_possible else 0
    if upper / letters >= 0.8 and len(text.split()) >= 2:
        return "caps"
    opening = first and len(text.split()) <= 16 and not text.rstrip().endswith((".", "!", "?", "”", '"'))
    if kind in ("title", "heading") or opening:
        words = [w.strip(",:;.!?’'\"“”") for w in text.split()[1:]]
        if any(w[:1].isupper() and w.lower() in lower for w in words):
            return "title"
    return "normal"


def find_mentions(doc: Document, lower: set[str]) -> list[Mention]:
    """Every candidate mention in reading order (tentative ones flagged).

    ``lower`` is the set of words the document writes in lower case.
    """
    text = doc.text
    out: list[Mention] = []
    lengths: dict[tuple[str, bool], int] = {}  # a word's kept length (0: not a name)
    runs: dict[tuple[str, bool, str], list[Recipe]] = {}  # a multi-word run's mentions
    function_words: dict[str, bool] = {}  # is this one-word run a grammar word?
    for index, (start, end, kind) in enumerate(blocks_of(doc)):
        if kind in ("code", "boilerplate"):
            continue
        if end - start > 400 and index and kind not in ("title", "heading"):
            mode = "normal"  # what block_mode says of a long paragraph, without copying it
        else:
            mode = block_mode(text[start:end], kind, lower, first=index == 0)
        for run in RUN.finditer(text, start, end):
            word = run.group()
            single = " " not in word and "\n" not in word and "\t" not in word and "\u00a0" not in word
            if single:
                lone = function_words.get(word)
                if lone is None:
                    lone = function_words[word] = _lone_function_word(word)
                if lone:
                    continue  # "The", "He", "But": most runs of a long text
            initial = _sentence_initial(text, run.start(), start)
            row = initial and bool(_TABLE_ROW.match(text, run.end()))
            if word.isupper() and len(word) > 1 and mode == "normal" and _shouted(word, lower):
                continue  # "NO", "WHITE": emphasis, not an acronym
            if not single and word.isupper() and mode == "normal":
                initial, mode_here = True, "caps"  # "ME ME AND ONLY ME": judged like a headline
            else:
                mode_here = mode
            if single:  # one word: no connectors to weigh, and its trimming depends on the word alone
                mention = _single_word(text, run.start(), word, initial, mode_here, lengths)
                if mention is not None:
                    mention.table_row = row
                    out.append(mention)
                continue
            key = (word, initial, mode_here)
            recipes = runs.get(key)
            if recipes is None:
                recipes = runs[key] = _run_recipes(word, initial, mode_here)
            out.extend(_replay(text, run.start(), recipes, row))
    return out


# A mention of a run, its offsets relative to the run: (start, end, text, tentative,
# headline, title start or -1, title words, titled or a main name, opens the run's first piece).
Recipe = tuple[int, int, str, bool, bool, int, str, bool, bool]


def _run_recipes(word: str, initial: bool, mode: str) -> list[Recipe]:
    """The mentions of a multi-word run, worked out on the run's own text.

    Cutting and peeling read only the run's words, so a long text's repeated runs
    ("Prince Andrew") are worked out once; what depends on the words before the run
    (a role noun, "former") is looked up per occurrence by ``_replay``.
    """
    tokens = [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(word)]
    recipes = []
    for piece in segments(tokens):
        first = piece[0] is tokens[0]
        # "… before the Emperor. Suddenly a cannon": a piece after a sentence end opens a sentence
        opens = initial if first else _after_sentence_end(tokens, piece[0])
        recipes.extend((*recipe, first) for recipe in _mentions_of(word, piece, opens, mode))
    return recipes


def _after_sentence_end(tokens: list[Token], token: Token) -> bool:
    """Does the token before ``token`` in the run end a sentence ("Emperor.")?"""
    index = next(i for i, t in enumerate(tokens) if t is token)
    return ends_sentence(tokens[index - 1])


def _replay(text: str, base: int, recipes: list[Recipe], row: bool) -> Iterator[Mention]:
    """The mentions of one occurrence of a run at ``base``, from its recipes."""
    for start, end, surface, tentative, headline, title_start, title, main, first in recipes:
        start, end = start + base, end + base
        mention = Mention(start, end, surface, tentative=tentative, headline=headline)
        if title_start >= 0:
            title_start += base
            prefix = _ROLE_PREFIX.search(text, max(0, title_start - 30), title_start)
            mention.title = (prefix.group() if prefix else "") + title
            mention.title_start = title_start
            mention.person_cue = True
        elif main:
            mention.person_cue = role_noun_before(text, start)
        mention.table_row = row and first
        yield mention


def _shouted(word: str, lower: set[str]) -> bool:
    """A capitalised common word: written in lower case elsewhere, or a grammar word."""
    low = word.lower()
    return (low in lower or low in lex.FUNCTION_WORDS) and word not in lex.WELL_KNOWN_ACRONYMS


def _single_word(
    text: str, start: int, word: str, initial: bool, mode: str, lengths: dict[tuple[str, bool], int]
) -> Mention | None:
    """The mention of a one-word run, its trimming computed once per distinct word."""
    key = (word, mode == "normal")
    if key not in lengths:
        token = Token(start, start + len(word), word)
        dropped = splits(token) or _leading_filler([token]) or _is_function_word(token, mode)
        lengths[key] = 0 if dropped else _trim_end(text, token, token.end) - start
    length = lengths[key]
    if length <= 0:
        return None
    mention = Mention(start, start + length, word[:length], tentative=initial or mode != "normal")
    mention.headline = mode != "normal"
    mention.person_cue = role_noun_before(text, start)
    return mention


def _lone_function_word(word: str) -> bool:
    """A one-word run that is a grammar word ("It’s" included), never an acronym."""
    if " " in word or "\n" in word or "\t" in word or (word.isupper() and len(word) > 1):
        return False
    low = word.lower()
    if low in lex.FUNCTION_WORDS:
        return True
    low = CONTRACTION.sub("", low)  # "I’ll", "Don’t", "It’s"
    return low in lex.FUNCTION_WORDS or low[: len(low) - possessive_length(low)] in lex.FUNCTION_WORDS


def _sentence_initial(text: str, pos: int, block_start: int) -> bool:
    """Is ``pos`` the first word of a sentence (after quotes, brackets, bullets)?"""
    i = pos - 1
    while i >= block_start and text[i] in _OPENERS:
        if text[i] == "“":
            return True  # a quotation opens with a capital: 'said, “Very good!”'
        i -= 1
    if i < block_start:
        return True
    ch = text[i]
    if ch in "”\"’'" and i > block_start:
        ch = text[i - 1]
    return ch in _SENTENCE_END


def _mentions_of(text: str, piece: list[Token], initial: bool, mode: str) -> Iterator[tuple]:
    """Mentions of one piece: leading grammar words dropped, titles peeled, possessive cut.

    ``text`` is the run's own text (token offsets are relative to it); each mention
    comes as the first eight fields of a ``Recipe``.
    """
    while piece and (_leading_filler(piece) or _is_function_word(piece[0], mode)):
        piece = piece[1:]
        initial = False  # a name after a dropped 'The' is capitalised for itself
    while piece and (
        (piece[-1].text[:1].islower() and piece[-1].low in CONNECTORS)
        or (len(piece) > 1 and (piece[-1].bare in lex.WEEKDAYS or piece[-1].bare in lex.MONTHS))
    ):
        piece = piece[:-1]  # "of", or "Thursday" of "Greater Milwaukee Open Thursday"
    if initial and len(piece) >= 2 and ordinary_opener(piece[0], piece[1]):
        piece, initial = piece[1:], False  # "Controversial Australian Anthony Hill"
    if not piece:
        return
    cut = title_inside(piece)
    if cut:  # "Panamanian Boxing Association President Ramon Manzanares"
        yield from _mentions_of(text, piece[:cut], initial, mode)
        piece, initial = piece[cut:], False
    qualifier, piece = split_qualifier(piece)
    if qualifier is not None:
        end = qualifier.end - possessive_length(qualifier.text)
        yield qualifier.start, end, qualifier.bare_text, False, False, -1, "", False
    title_tokens, prefix_mention, piece = peel_title(piece)
    if prefix_mention is not None:
        yield prefix_mention.start, prefix_mention.end, prefix_mention.text, False, False, -1, "", False
    if not piece:
        return
    start, end = piece[0].start, piece[-1].end
    end = _trim_end(text, piece[-1], end)
    if end <= start:
        return
    if title_tokens:
        title = text[title_tokens[0].start : title_tokens[-1].end]
        yield (
            start,
            end,
            text[start:end],
            mode != "normal",
            mode != "normal",
            title_tokens[0].start,
            title,
            True,
        )
    else:
        yield start, end, text[start:end], initial or mode != "normal", mode != "normal", -1, "", True


def _leading_filler(piece: list[Token]) -> bool:
    """A lower-case connector, or a weekday or month before more name words ("Saturday Iraqi")."""
    first = piece[0]
    if first.text[:1].islower() and first.low in CONNECTORS:
        return True
    return len(piece) > 1 and (first.bare in lex.WEEKDAYS or first.bare in lex.MONTHS)


def _trim_end(text: str, last: Token, end: int) -> int:
    """Cut a sentence period, then a possessive, then stray quote marks (''Grand Bargain'')."""
    if text[end - 1] == "." and ends_sentence(Token(last.start, end, text[last.start : end])):
        end -= 1
    end -= possessive_length(text[last.start : end])
    while end > last.start + 1 and text[end - 1] in "’'‘":
        end -= 1
    return end


def _is_function_word(token: Token, mode: str) -> bool:
    if token.bare not in lex.FUNCTION_WORDS or _INITIAL.match(token.text):
        return False  # "A. Fraser" opens with an initial, not the article
    return mode != "normal" or not is_acronym(token.text)
