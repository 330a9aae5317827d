"""Find quotation spans by pairing quote marks, paragraph by paragraph.

Double marks (“ ” „ " '' « ») are paired by glyph family, their direction read from the
characters around them (space before and a letter after opens, a letter before and space
or punctuation after closes), then from the glyph. A quote left open at a paragraph end
ends there, so a stray mark never swallows the rest of the article; when the next
paragraph opens with a mark of the same family the quote continues there, and its pieces
(one per paragraph, as readers and annotators split them) share one ``chain``. Single
marks (‘ ’ ') are only paired inside a double quote, where a letter on both sides makes
an apostrophe (it’s, dogs’ bowl), never a mark.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

DOUBLE_MARK = re.compile(r"''|[\"“”„«»]")
DOUBLE_MARK_NO_APOSTROPHES = re.compile(r"[\"“”„«»]")
SINGLE_MARK = re.compile(r"[‘’']")
STRIPPED_MARK = re.compile(r"(?<=[,.!?;:]) {2}(?=\S)")  # an inner quote mark the source turned into spaces
BLANK_LINE = re.compile(r"\n[ \t\r]*\n\s*")

FAMILY = {
    '"': "straight",
    "''": "straight",
    "“": "curly",
    "”": "curly",
    "„": "curly",
    "«": "guil",
    "»": "guil",
}
OPENING_GLYPHS = {"“", "„", "«"}
CLOSING_GLYPHS = {"”", "»"}
OPEN_BEFORE = set(" \t\n([{—–-/\u00a0")  # characters after which a mark opens
CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-…/\u00a0")  # characters before which a mark closes
TEXT_BLOCKS = {"title", "heading", "paragraph", "pull_quote", "blockquote", "list_item", "caption", "byline"}


@dataclass(slots=True)
class RawQuote:
    """A paired quotation: marks at ``start``/``end`` (exclusive), content inside."""

    start: int
    end: int
    content_start: int
    content_end: int
    para: int  # index of the paragraph where it opens
    depth: int = 0  # 0: top level, 1: nested in another quote
    closed: bool = True  # False: ended at a paragraph end without a closing mark
    chain: int = -1  # start of the first piece of a quote running over paragraphs


def paragraphs(doc_text: str, blocks: tuple) -> list[tuple[int, int, str]]:
    """The (start, end, kind) of each text paragraph; blank lines split when no blocks."""
    if blocks:
        out: list[tuple[int, int, str]] = []
        for block in sorted(blocks, key=lambda b: (b.start, -b.end)):
            if (
                block.kind in TEXT_BLOCKS
                and block.end > block.start
                and (not out or block.start >= out[-1][1])
            ):
                out.append((block.start, block.end, block.kind))  # nested blocks count once
        return out
    out, pos = [], 0
    for sep in BLANK_LINE.finditer(doc_text):
        if sep.start() > pos:
            out.append((pos, sep.start(), "paragraph"))
        pos = sep.end()
    if pos < len(doc_text):
        out.append((pos, len(doc_text), "paragraph"))
    return out


def _direction(text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """'open', 'close' or None (undecided) from the characters around a mark."""
    if start == lo:
        return "open"
    if end == hi:
        return "close"
    before = text[start - 1]
    after = text[end]
    opens = before in OPEN_BEFORE and not after.isspace()
    closes = after in CLOSE_AFTER and not before.isspace()
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return None


def _opens_paragraph(text: str, para: tuple[int, int, str], family: str, marks: re.Pattern) -> int:
    """Length of the mark of ``family`` the paragraph starts with, or 0."""
    match = marks.match(text, para[0])
    if match and FAMILY[match.group()] == family and match.group() not in CLOSING_GLYPHS:
        return len(match.group())
    if family == "guil" and match and match.group() == "»":
        return 1  # French continuation paragraphs open with »
    return 0


def find_double_quotes(text: str, paras: list[tuple[int, int, str]]) -> list[RawQuote]:
    """Every double-mark quotation sorted by start; a multi-paragraph quote as one piece
    per paragraph, the pieces sharing the ``chain`` of the first."""
    scanner = _PairScanner(text, paras)
    starts = [p[0] for p in paras]
    index = -1
    for match in scanner.marks.finditer(text):
        # visit only paragraphs with marks (a 3 MB book has thousands without)
        at = bisect_right(starts, match.start()) - 1
        if at > index and at >= 0 and match.start() < paras[at][1]:
            index = at
            scanner.scan_paragraph(index)
    scanner.quotes.sort(key=lambda q: q.start)
    return scanner.quotes


class _PairScanner:
    """Pairs double marks paragraph by paragraph; links the pieces of continued quotes."""

    def __init__(self, text: str, paras: list[tuple[int, int, str]]) -> None:
        self.text = text
        self.paras = paras
        self.quotes: list[RawQuote] = []
        self.chain_at: dict[int, int] = {}  # paragraph-opening mark -> chain it continues
        # '' is a double mark in wire text that writes no " (''It's anti-reform,''), else
        # two apostrophes are a quote mark and an elision ('_'Tis the voice_')
        self.marks = DOUBLE_MARK if text.count("''") > text.count('"') else DOUBLE_MARK_NO_APOSTROPHES

    def _emit(self, start: int, end: int, content_start: int, content_end: int, para: int, **kw) -> None:
        """Record one quotation (its chain: the first piece it continues, else itself)."""
        chain = self.chain_at.get(start, start)
        stripped = self.text.startswith(" ", content_start) and self.text[start] == '"'
        while content_start < content_end and self.text[content_start].isspace():
            content_start += 1  # « Oui »: the spaces inside the marks are not quoted words
        content_end = _trim_end(self.text, content_start, content_end)
        if stripped and STRIPPED_MARK.search(self.text, content_start, content_end):
            self._emit_stripped(start, end, content_start, content_end, para, chain, kw)
            return
        self.quotes.append(RawQuote(start, end, content_start, content_end, para, chain=chain, **kw))

    def _emit_stripped(self, start: int, end: int, cs: int, ce: int, para: int, chain: int, kw: dict) -> None:
        """A quote whose inner marks the source replaced by spaces ('" Listen, Sahib,  said he.
        You must …'): the pieces alternate between the inner quotes (nested) and the outer
        speaker's words, as the marks had them."""
        bounds, pos = [], cs
        for gap in STRIPPED_MARK.finditer(self.text, cs, ce):
            bounds.append((pos, gap.start()))
            pos = gap.end()
        bounds.append((pos, ce))
        for rank, (lo, hi) in enumerate(bounds):
            piece_start = start if rank == 0 else lo
            piece_end = end if rank == len(bounds) - 1 else hi
            extra = {**kw, "depth": max(kw.get("depth", 0), 1)} if rank % 2 == 0 else kw
            self.quotes.append(RawQuote(piece_start, piece_end, lo, hi, para, chain=chain, **extra))

    def scan_paragraph(self, index: int) -> None:
        """Pair the marks of one paragraph, then end what is left open at its end."""
        text = self.text
        lo, hi, _ = self.paras[index]
        stack: list[tuple[str, int, int]] = []  # (family, mark start, content start)
        first = len(self.quotes)
        for match in self.marks.finditer(text, lo, hi):
            glyph, m_start, m_end = match.group(), match.start(), match.end()
            family = FAMILY[glyph]
            if _way(text, glyph, m_start, m_end, lo, hi, stack) == "open":
                if len(stack) == 1 and stack[0][0] == family:
                    # the same family opens again at top level: the earlier mark never closed
                    _, s, cs = stack.pop()
                    end = _trim_end(text, cs, m_start)
                    self._emit(s, end, cs, end, index, closed=False)
                stack.append((family, m_start, m_end))
                continue
            level = _find_open(stack, family)
            if level is None and stack:
                level = len(stack) - 1  # mixed glyphs: “no evidence" closes the open quote
            if level is None:
                continue  # a stray closing mark
            del stack[level + 1 :]
            _, s, cs = stack.pop()
            self._emit(s, m_end, cs, m_start, index, depth=min(level, 1))
        inside = len(self.quotes)
        if stack and not self._end_open(index, stack[0]):
            # an opening mark never closed nor continued is a stray: what it seems to
            # enclose are quotes of their own
            for quote in self.quotes[first:inside]:
                if quote.start > stack[0][1]:
                    quote.depth = 0

    def _end_open(self, index: int, outer: tuple[str, int, int]) -> bool:
        """End the quote left open at the paragraph end; True if the next paragraph continues it."""
        family, s, cs = outer
        hi = self.paras[index][1]
        end = _trim_end(self.text, cs, hi)
        if end > cs:
            self._emit(s, hi, cs, end, index, closed=False)
        nxt = self.paras[index + 1] if index + 1 < len(self.paras) else None
        if nxt is not None and _opens_paragraph(self.text, nxt, family, self.marks):
            self.chain_at[nxt[0]] = self.chain_at.get(s, s)
            return True
        return False


def _way(text: str, glyph: str, start: int, end: int, lo: int, hi: int, stack: list) -> str:
    """'open' or 'close' for one mark: its surroundings, else its glyph, else what is open."""
    family = FAMILY[glyph]
    # guillemets are spaced inside (« Oui »): their glyph alone tells the direction
    way = None if family == "guil" else _direction(text, start, end, lo, hi)
    if way is not None:
        return way
    if glyph in OPENING_GLYPHS:
        return "open"
    if glyph in CLOSING_GLYPHS:
        return "close"
    return "close" if _find_open(stack, family) is not None else "open"


def _find_open(stack: list[tuple[str, int, int]], family: str) -> int | None:
    """Index of the innermost open quote of ``family`` on the stack."""
    for level in range(len(stack) - 1, -1, -1):
        if stack[level][0] == family:
            return level
    return None


def _trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing whitespace."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_single_quotes(text: str, outer: RawQuote) -> list[RawQuote]:
    """Quotes in single marks inside one double quote (‘baking the cake’)."""
    found: list[RawQuote] = []
    lo, hi = outer.content_start, outer.content_end
    opener: tuple[int, int] | None = None
    for match in SINGLE_MARK.finditer(text, lo, hi):
        glyph, m_start, m_end = match.group(), match.start(), match.end()
        way = _direction(text, m_start, m_end, lo, hi)
        if way == "open" and glyph != "’" and m_end < hi and not text[m_end].isdigit():
            opener = (m_start, m_end)  # a digit after it is an elision (’90s)
        elif way == "close" and glyph != "‘" and opener is not None:
            found.append(RawQuote(opener[0], m_end, opener[1], m_start, outer.para, depth=1))
            opener = None
    return found
