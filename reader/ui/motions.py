"""Text motions of the reading cursor: words, sentences, paragraphs (pure, no Textual).

Every function takes the canonical text (and the document's blocks where structure
matters) and an offset, and returns an offset or a ``(start, end)`` range.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from reader.document import Block

WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
# A sentence ends at . ! ? … (plus closing quotes/brackets) followed by whitespace.
SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*\s+")
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "mt",
        "ft",
    ]
)
WINDOW = 400


def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The word containing ``offset``, or None when it is not on a word."""
    lo = max(0, offset - WINDOW)
    for match in WORD.finditer(text, lo, min(len(text), offset + WINDOW)):
        if match.start() > offset:
            return None
        if match.end() > offset:
            return match.start(), match.end()
    return None


def next_word(text: str, offset: int) -> int:
    """The start of the next word after ``offset`` (``w``); stays put at the last word."""
    current = word_at(text, offset)
    search_from = current[1] if current else offset + 1
    match = WORD.search(text, search_from)
    return match.start() if match else offset


def previous_word(text: str, offset: int) -> int:
    """The start of the word before ``offset``, or of the current word (``b``)."""
    current = word_at(text, offset)
    if current and current[0] < offset:
        return current[0]
    window = WINDOW
    while True:
        lo = max(0, offset - window)
        starts = [m.start() for m in WORD.finditer(text, lo, offset) if m.start() < offset]
        if starts:
            return starts[-1]
        if lo == 0:
            return offset
        window *= 4


def _sentence_starts(text: str, block: Block) -> list[int]:
    """Starts of the sentences of one block."""
    starts = [block.start]
    for match in SENTENCE_END.finditer(text, block.start, block.end):
        end = match.end()
        if end >= block.end:
            break
        if _is_abbreviation(text, match.start(), block.start):
            continue
        following = text[end]
        if following.islower():
            continue
        starts.append(end)
    return starts


def _is_abbreviation(text: str, dot: int, floor: int) -> bool:
    """True when the period at ``dot`` ends an abbreviation or an initial ("Dr.", "J.")."""
    if text[dot] != ".":
        return False
    begin = dot
    while begin > floor and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    word = text[begin:dot].lower()
    return word in ABBREVIATIONS or (len(word) == 1 and text[begin].isupper())


_starts_memo: list = [None, []]  # (blocks object, their starts): one document at a time


def _block_index(blocks: Sequence[Block], offset: int) -> int:
    """Index of the block containing ``offset`` or the last block before it."""
    if _starts_memo[0] is not blocks:
        # rebuilt only when another document's blocks come in (a book has ~10k blocks)
        _starts_memo[0], _starts_memo[1] = blocks, [b.start for b in blocks]
    return max(0, bisect_right(_starts_memo[1], offset) - 1)


def sentence_at(text: str, blocks: Sequence[Block], offset: int) -> tuple[int, int]:
    """The sentence containing ``offset`` as ``(start, end)``, end without trailing space."""
    if not blocks:
        return 0, len(text)
    block = blocks[_block_index(blocks, offset)]
    starts = _sentence_starts(text, block)
    index = bisect_right(starts, offset) - 1
    start = starts[max(0, index)]
    end = starts[index + 1] if index + 1 < len(starts) else block.end
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def next_sentence(text: str, blocks: Sequence[Block], offset: int) -> int:
    """The start of the next sentence (``)``), crossing into the next block."""
    if not blocks:
        return offset
    index = _block_index(blocks, offset)
    starts = _sentence_starts(text, blocks[index])
    later = [s for s in starts if s > offset]
    if later:
        return later[0]
    return blocks[index + 1].start if index + 1 < len(blocks) else offset


def previous_sentence(text: str, blocks: Sequence[Block], offset: int) -> int:
    """The start of this sentence, or of the previous one when already there (``(``)."""
    if not blocks:
        return offset
    index = _block_index(blocks, offset)
    starts = [s for s in _sentence_starts(text, blocks[index]) if s < offset]
    if starts:
        return starts[-1]
    if index == 0:
        return offset
    return _sentence_starts(text, blocks[index - 1])[-1]


def next_paragraph(blocks: Sequence[Block], offset: int) -> int:
    """The start of the next block (``}``)."""
    if not blocks:
        return offset
    index = _block_index(blocks, offset)
    if offset < blocks[index].start:
        return blocks[index].start
    return blocks[index + 1].start if index + 1 < len(blocks) else offset


def previous_paragraph(blocks: Sequence[Block], offset: int) -> int:
    """The start of this block, or of the previous block when already there (``{``)."""
    if not blocks:
        return offset
    index = _block_index(blocks, offset)
    if offset > blocks[index].start:
        return blocks[index].start
    return blocks[index - 1].start if index > 0 else offset
