"""Soft wrap of a document into visual lines (pure logic, no Textual).

The layout is a set of parallel ``array`` tables, one entry per visual line:
``starts``/``ends`` (text offsets, end exclusive, trailing wrap space not included),
``indents`` (cells left of the text inside the column) and ``blocks`` (block index,
-1 for the blank line drawn between blocks). A 3 MB book wraps in one pass; the
tables are rebuilt only when the column width changes.

Paragraphs whose characters are all one cell wide (checked with ``str.isascii`` or
a per-unique-character check) take a fast path that slices by character count;
other text is measured character by character.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from rich.cells import get_character_cell_size

from reader.document import Block

# Indentation (in cells) of each block kind inside the column.
BLOCK_INDENT = {"pull_quote": 4, "blockquote": 2, "code": 2, "list_item": 2, "caption": 0}
MIN_TEXT_WIDTH = 8


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Cells taken by one character (0 for combining marks, 2 for wide)."""
    return get_character_cell_size(char)


def is_single_width(text: str) -> bool:
    """True when every character of ``text`` takes exactly one cell."""
    if text.isascii() or max(text) < "\u0300":
        # Latin-1 and Latin Extended are one cell each (tabs and controls are drawn as
        # one space by the view); combining marks start at U+0300
        return True
    return all(char_width(c) == 1 for c in set(text))


def wrap_single_width(text: str, base: int, width: int, out_starts: array, out_ends: array) -> None:
    """Greedy word wrap of one hard line whose characters are one cell each."""
    length = len(text)
    pos = 0
    if length == 0:
        out_starts.append(base)
        out_ends.append(base)
        return
    while pos < length:
        if length - pos <= width:
            out_starts.append(base + pos)
            out_ends.append(base + length)
            return
        cut = text.rfind(" ", pos, pos + width + 1)
        if cut <= pos:
            # a word longer than the line: break it
            out_starts.append(base + pos)
            out_ends.append(base + pos + width)
            pos += width
            continue
        out_starts.append(base + pos)
        out_ends.append(base + cut)
        pos = cut + 1
        while pos < length and text[pos] == " ":
            pos += 1


def wrap_wide(text: str, base: int, width: int, out_starts: array, out_ends: array) -> None:
    """Word wrap measuring each character (wide East Asian text, emoji, combining marks)."""
    length = len(text)
    if length == 0:
        out_starts.append(base)
        out_ends.append(base)
        return
    pos = 0
    while pos < length:
        cells = 0
        index = pos
        last_space = -1
        while index < length:
            w = char_width(text[index])
            if cells + w > width and index > pos:
                break
            if text[index] == " ":
                last_space = index
            cells += w
            index += 1
        if index >= length:
            out_starts.append(base + pos)
            out_ends.append(base + length)
            return
        if text[index] == " ":
            cut = index
        elif last_space > pos:
            cut = last_space
        else:
            cut = index
        out_starts.append(base + pos)
        out_ends.append(base + cut)
        pos = cut
        while pos < length and text[pos] == " ":
            pos += 1


class TextLayout:
    """Visual lines of a document wrapped to ``width`` cells."""

    def __init__(self, text: str, blocks: Sequence[Block], width: int) -> None:
        self.width = max(MIN_TEXT_WIDTH, width)
        self.starts = array("l")
        self.ends = array("l")
        self.indents = array("h")
        self.blocks = array("l")
        self._wrap(text, blocks)

    def __len__(self) -> int:
        return len(self.starts)

    def _wrap(self, text: str, blocks: Sequence[Block]) -> None:
        """Fill the tables: each block wrapped, one blank line between blocks."""
        starts, ends, indents, block_index = self.starts, self.ends, self.indents, self.blocks
        for index, block in enumerate(blocks):
            # blocks are a blank line apart, except the items of one list
            if index and not (block.kind == "list_item" and blocks[index - 1].kind == "list_item"):
                starts.append(block.start)
                ends.append(block.start)
                indents.append(0)
                block_index.append(-1)
            indent = BLOCK_INDENT.get(block.kind, 0)
            width = max(MIN_TEXT_WIDTH, self.width - indent)
            before = len(starts)
            pos = block.start
            for hard_line in text[block.start : block.end].split("\n"):
                if block.kind == "code":
                    self._wrap_code_line(hard_line, pos, width)
                elif is_single_width(hard_line):
                    wrap_single_width(hard_line, pos, width, starts, ends)
                else:
                    wrap_wide(hard_line, pos, width, starts, ends)
                pos += len(hard_line) + 1
            added = len(starts) - before
            indents.extend([indent] * added)
            block_index.extend([index] * added)

    def _wrap_code_line(self, line: str, base: int, width: int) -> None:
        """Code keeps its spaces: cut at the width without looking for word breaks."""
        if not line:
            self.starts.append(base)
            self.ends.append(base)
            return
        if is_single_width(line):
            for pos in range(0, len(line), width):
                self.starts.append(base + pos)
                self.ends.append(base + min(len(line), pos + width))
        else:
            wrap_wide(line, base, width, self.starts, self.ends)

    def line_of(self, offset: int) -> int:
        """The visual line showing ``offset`` (never a blank separator line)."""
        line = bisect_right(self.starts, offset) - 1
        line = max(0, line)
        while line > 0 and self.blocks[line] < 0:
            line -= 1
        return line

    def column_of(self, offset: int, text: str) -> int:
        """Cells from the start of its line's text to ``offset``."""
        line = self.line_of(offset)
        start = self.starts[line]
        segment = text[start:offset]
        if segment.isascii():
            return len(segment)
        return sum(char_width(c) for c in segment)

    def offset_at(self, line: int, column: int, text: str) -> int:
        """The text offset at ``column`` cells into visual ``line`` (clamped to the line)."""
        line = min(max(0, line), len(self.starts) - 1)
        start, end = self.starts[line], self.ends[line]
        segment = text[start:end]
        if segment.isascii():
            return start + max(0, min(column, max(0, end - start - 1)))
        cells = 0
        for index, char in enumerate(segment):
            cells += char_width(char)
            if cells > column:
                return start + index
        return max(start, end - 1)
