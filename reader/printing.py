"""Lay out an analysed article for the terminal: a wrapped Pygments token stream.

``print_tokens`` turns a Document and its gloss tokens (``reader.lexer``) into
``(token, text)`` pairs whose text already holds the line breaks, indents and rules of
the printed page, so any Pygments terminal formatter can colour it. The terminal
formatters re-open a token's style after every newline, which is what keeps a quote's
colour on each of its wrapped lines.

Wrapping works on the plain text first (``reader.print_wrap``: word boundaries,
terminal cell widths), then cuts the tokens at the chosen line ends. Control characters, escape sequences and bidi controls of the
article are printed as inert visible characters, never sent to the terminal as is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from pygments.token import Token, _TokenType

from reader.document import Block, Document
from reader.lexer import speaker_token
from reader.print_wrap import cells, wrap_ranges

TokenTriple = tuple[int, _TokenType, str]
Pair = tuple[_TokenType, str]

_BULLET = re.compile(r"[•·‣◦▪\-*–]\s")
_ITEM_MARKER = re.compile(r"(?:[•·‣◦▪\-*–]|\d{1,9}[.)])\s")  # a list item's own bullet or number


@dataclass(frozen=True, slots=True)
class Frame:
    """How one kind of block sits on the page: line prefixes, rule, wrapping."""

    first: str = ""  # prefix of the block's first line
    rest: str = ""  # prefix of its other lines
    token: _TokenType = Token.Text  # token of the prefixes
    rule: str = ""  # character of a rule drawn under the block
    wrap: bool = True


FRAMES: dict[str, Frame] = {
    "title": Frame(token=Token.Gloss.Title, rule="━"),
    "heading": Frame(token=Token.Gloss.Heading, rule="─"),
    "pull_quote": Frame("  ┃ ", "  ┃ ", Token.Gloss.PullQuote),
    "blockquote": Frame("  │ ", "  │ ", Token.Gloss.Blockquote),
    "caption": Frame("  ", "  ", Token.Gloss.Caption),
    "code": Frame("    ", "    ", wrap=False),
}
SKIPPED_BLOCKS = {"boilerplate"}  # page furniture ("Share this", "Show comments")


def _inert_table() -> dict[int, str]:
    """Control characters -> visible stand-ins of the same length (offsets stay valid)."""
    table = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}  # ␀ … ␟
    table[0x7F] = "␡"
    table.update({c: "\ufffd" for c in range(0x80, 0xA0)})
    bidi = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    table.update({c: "\ufffd" for c in bidi})
    return table


_INERT = _inert_table()
_UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in _INERT) + "]")


def inert(text: str) -> str:
    """``text`` with every control character replaced by a visible, harmless one."""
    return text.translate(_INERT) if _UNSAFE.search(text) else text


def _cut(triples: list[TokenTriple], ranges: list[tuple[int, int]], safe: str) -> Iterator[list[Pair]]:
    """For each range, the ``(token, text)`` pieces of the triples that cover it."""
    ends = [offset + len(value) for offset, _, value in triples]
    count, index = len(triples), 0
    for lo, hi in ranges:
        while index < count and ends[index] <= lo:
            index += 1
        pieces: list[Pair] = []
        scan = index
        while scan < count and triples[scan][0] < hi:
            a, b = max(lo, triples[scan][0]), min(hi, ends[scan])
            if a < b:
                pieces.append((triples[scan][1], safe[a:b]))
            scan += 1
        yield pieces


def _block_triples(
    doc: Document, triples: Iterable[TokenTriple]
) -> Iterator[tuple[Block, list[TokenTriple]]]:
    """Each block with the token triples that overlap it."""
    stream = iter(triples)
    pending: TokenTriple | None = next(stream, None)
    for block in doc.blocks:
        inside: list[TokenTriple] = []
        while pending is not None and pending[0] < block.end:
            if pending[0] + len(pending[2]) > block.start:
                inside.append(pending)
            if pending[0] + len(pending[2]) > block.end:
                break  # the token runs on into the next block
            pending = next(stream, None)
        yield block, inside


def _frame(doc: Document, block: Block) -> Frame:
    """The frame of a block; list items get a bullet, and any text that opens with a
    bullet (a bio line, say) a hanging indent."""
    if block.kind == "list_item":
        indent = "  " * max(block.level - 1, 0)
        marker = _ITEM_MARKER.match(doc.text, block.start)
        if marker is None:
            return Frame(indent + "• ", indent + "  ")
        return Frame(indent, indent + " " * len(marker.group()))  # wrapped lines hang under the text
    has_bullet = _BULLET.match(doc.text, block.start) is not None
    frame = FRAMES.get(block.kind, Frame())
    if has_bullet and not frame.first and not frame.rest and frame.wrap:
        return Frame(rest="  ", token=frame.token, rule=frame.rule)
    return frame


class _Page:
    """The printed page as ``(token, text)`` pairs, neighbours of one token joined.

    Joining across line ends is safe: the terminal formatters re-open the style on
    each line. It halves the formatter's work.
    """

    __slots__ = ("_parts", "_token", "pairs")

    def __init__(self) -> None:
        self.pairs: list[Pair] = []
        self._token: _TokenType | None = None
        self._parts: list[str] = []

    def add(self, token: _TokenType, text: str) -> None:
        """Append ``text`` in ``token``."""
        if token is not self._token:
            if self._parts:
                self.pairs.append((self._token, "".join(self._parts)))
            self._token, self._parts = token, []
        self._parts.append(text)

    def extend(self, pairs: Iterable[Pair]) -> None:
        """Append several pairs."""
        for token, text in pairs:
            self.add(token, text)

    def finish(self) -> list[Pair]:
        """All the pairs, the last one included."""
        if self._parts:
            self.pairs.append((self._token, "".join(self._parts)))
            self._token, self._parts = None, []
        return self.pairs


def _block_lines(
    page: _Page, doc: Document, safe: str, block: Block, triples: list[TokenTriple], width: int
) -> None:
    """Add the printed lines of one block to ``page``, each ending with a newline."""
    frame = _frame(doc, block)
    avail = width - max(cells(frame.first), cells(frame.rest))
    if frame.wrap:
        ranges = wrap_ranges(safe, block.start, block.end, avail)
    else:
        ranges, pos = [], block.start
        for line in safe[block.start : block.end].split("\n"):
            ranges.append((pos, pos + len(line)))
            pos += len(line) + 1
    if frame.wrap and not frame.first and not frame.rest:
        _flow(page, safe, block, ranges, triples)
    else:
        _framed(page, safe, block, ranges, triples, frame)
    if frame.rule:
        widest = max(cells(frame.first) + cells(safe[lo:hi]) for lo, hi in ranges)
        page.add(frame.token, frame.rule * widest + "\n")


def _flow(
    page: _Page, safe: str, block: Block, ranges: list[tuple[int, int]], triples: list[TokenTriple]
) -> None:
    """Lines without prefixes, added one token at a time rather than one line at a time.

    The block's printed text is its line ranges joined by newlines; each token's
    offsets are mapped into that text, so a token that spans lines is one piece.
    """
    body = "\n".join(safe[lo:hi] for lo, hi in ranges).replace("\t", " ")
    printed_starts, pos = [], 0
    for lo, hi in ranges:
        printed_starts.append(pos)
        pos += hi - lo + 1
    # walk tokens and lines together: a token's printed end is the next one's start
    start, line, last_line = 0, 0, len(ranges) - 1
    token = Token.Text
    for offset, token, value in triples:
        end = min(offset + len(value), block.end)
        while line < last_line and ranges[line + 1][0] <= end:
            line += 1
        lo, hi = ranges[line]
        printed_end = printed_starts[line] + min(max(end - lo, 0), hi - lo)
        if start < printed_end:
            page.add(token, body[start:printed_end])
        start = printed_end
    page.add(token, "\n")


def _framed(
    page: _Page,
    safe: str,
    block: Block,
    ranges: list[tuple[int, int]],
    triples: list[TokenTriple],
    frame: Frame,
) -> None:
    """Lines with a prefix (quote bar, indent, bullet) or kept as they are (code)."""
    # a tab would move the terminal's cursor past the cells we counted
    tab = (" " if frame.wrap else "    ") if "\t" in safe[block.start : block.end] else ""
    for number, pieces in enumerate(_cut(triples, ranges, safe)):
        prefix = frame.first if number == 0 else frame.rest
        if prefix:
            page.add(frame.token, prefix)
        for token, text in pieces:
            page.add(token, text.replace("\t", tab) if tab else text)
        # the newline takes the line's last token, so a run of one token can span lines
        page.add(pieces[-1][0] if pieces else Token.Text, "\n")


def legend_pairs(speakers: Sequence[tuple[str, int]], width: int, limit: int = 8) -> list[Pair]:
    """Lines naming each speaker (name, palette slot) in the colour of their quotes.

    Only the first ``limit`` speakers are named: the palette has that many colours,
    so later speakers share them.
    """
    pairs: list[Pair] = []
    used = 0
    for name, slot in speakers[:limit]:
        item = "● " + inert(name).replace("\n", " ")
        if used and used + 2 + cells(item) > width:
            pairs.append((Token.Text, "\n"))
            used = 0
        if used:
            pairs.append((Token.Text, "  "))
            used += 2
        pairs.append((speaker_token(slot), item))
        used += cells(item)
    if len(speakers) > limit:
        more = f"  (+{len(speakers) - limit} more)"
        pairs.append((Token.Text, more if used + cells(more) <= width else "\n" + more.strip()))
    if pairs:
        pairs.append((Token.Text, "\n"))
    return pairs


def print_tokens(
    doc: Document,
    triples: Iterable[TokenTriple],
    width: int = 80,
    speakers: Sequence[tuple[str, int]] = (),
) -> list[Pair]:
    """The page of ``doc`` as ``(token, text)`` pairs: blocks wrapped to ``width`` cells,
    separated by one blank line (items of one list by none), boilerplate left out.
    ``speakers`` (name, palette slot), when given, are named in their quote colour
    under the title (or at the top of a page without one).
    """
    safe = inert(doc.text)
    page = _Page()
    legend = legend_pairs(speakers, width)
    previous = None
    for block, inside in _block_triples(doc, triples):
        if block.kind in SKIPPED_BLOCKS or block.start >= block.end:
            continue
        if legend and previous == "title":  # the legend goes under the title
            page.extend([(Token.Text, "\n"), *legend])
            legend = []
        elif legend and previous is None and block.kind != "title":  # no title: it opens the page
            page.extend([*legend, (Token.Text, "\n")])
            legend = []
        if previous is not None and not (previous == block.kind == "list_item"):
            page.add(Token.Text, "\n")
        previous = block.kind
        _block_lines(page, doc, safe, block, inside, width)
    if legend:  # the page is only a title
        page.extend([(Token.Text, "\n"), *legend])
    return page.finish()


def plain_text(pairs: Iterable[Pair]) -> str:
    """The page without any colour."""
    return "".join(text for _, text in pairs)


__all__ = ["FRAMES", "Frame", "inert", "legend_pairs", "plain_text", "print_tokens"]
