"""Wrap text to a terminal width: word boundaries, cell widths, hard line breaks.

Works on offsets into the text (line ranges), so the caller can cut styled tokens at
the same places. Text whose characters are all one cell wide (most prose) wraps with
one ``str.rfind`` per line; other text is measured word by word in terminal cells
(wide East Asian characters count two, combining marks none).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^ \t\n\r\f\v]+")  # a no-break space joins words
# Characters that may not be exactly one cell wide: combining marks, zero-width
# characters, East Asian wide ranges, emoji. Text without them wraps on str lengths.
_NOT_SINGLE = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0dff\u0e31-\u0e4e\u0eb1-\u0ecd\u1100-\u115f\u1ab0-\u1aff\u1dc0-\u1dff"
    "\u200b-\u200f\u20d0-\u20ff\u2e80-\ua4cf\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
    "\ufe00-\ufe0f\ufe20-\ufe6f\uff00-\uff60\uffe0-\uffe6\U0001f000-\U0001faff\U00020000-\U0003fffd]"
)


def cells(text: str) -> int:
    """Terminal cells ``text`` takes (wide East Asian characters count two)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _split_long(text: str, start: int, end: int, avail: int) -> list[tuple[int, int]]:
    """Cut one word wider than the line into pieces of at most ``avail`` cells."""
    pieces, piece_start, width = [], start, 0
    for pos in range(start, end):
        w = cells(text[pos])
        if width + w > avail and pos > piece_start:
            pieces.append((piece_start, pos))
            piece_start, width = pos, 0
        width += w
    pieces.append((piece_start, end))
    return pieces


def wrap_ranges(text: str, start: int, end: int, avail: int) -> list[tuple[int, int]]:
    """Line ranges of ``text[start:end]`` wrapped at word boundaries to ``avail`` cells.

    A newline inside the range is a hard break; the spaces where a line is broken
    belong to no line.
    """
    lines: list[tuple[int, int]] = []
    avail = max(avail, 1)
    hard_start = start
    while hard_start <= end:
        hard_end = text.find("\n", hard_start, end)
        hard_end = end if hard_end < 0 else hard_end
        if "\t" in text[hard_start:hard_end] or _NOT_SINGLE.search(text, hard_start, hard_end):
            _wrap_one(text, hard_start, hard_end, avail, lines)
        else:
            _wrap_single_width(text, hard_start, hard_end, avail, lines)
        hard_start = hard_end + 1
    return lines


def _wrap_single_width(text: str, start: int, end: int, avail: int, lines: list[tuple[int, int]]) -> None:
    """Greedy wrap of one hard line where every character is one cell wide.

    Works by searching for the last space that fits (``str.rfind`` runs in C), so a
    book wraps in a fraction of the time a word-by-word loop takes.
    """
    pos = _skip_spaces(text, start, end)
    if pos >= end:
        lines.append((start, start))
        return
    while pos < end:
        if end - pos <= avail:
            lines.append((pos, len(text[pos:end].rstrip(" ")) + pos))
            return
        cut = text.rfind(" ", pos, pos + avail + 1)
        if cut <= pos:  # a word longer than the line: cut it
            line_end = next_pos = pos + avail
            if text[next_pos] == " ":
                next_pos = _skip_spaces(text, next_pos, end)
        else:
            line_end = len(text[pos:cut].rstrip(" ")) + pos
            next_pos = _skip_spaces(text, cut, end)
        lines.append((pos, line_end))
        pos = next_pos


def _skip_spaces(text: str, pos: int, end: int) -> int:
    """The first offset at or after ``pos`` that is not a space (``end`` if none)."""
    while pos < end and text[pos] == " ":
        pos += 1
    return pos


def _wrap_one(text: str, start: int, end: int, avail: int, lines: list[tuple[int, int]]) -> None:
    """Greedy wrap of one hard line (no newline inside) into ``lines``."""
    line_start = line_end = -1
    width = 0
    for match in _WORD.finditer(text, start, end):
        ws, we = match.span()
        w = cells(match.group())
        if line_start >= 0:
            gap = cells(text[line_end:ws])
            if width + gap + w <= avail:
                width, line_end = width + gap + w, we
                continue
        if line_start >= 0:
            lines.append((line_start, line_end))
        if w > avail:
            *full, (ws, we) = _split_long(text, ws, we, avail)
            lines.extend(full)
            w = cells(text[ws:we])
        line_start, line_end, width = ws, we, w
    lines.append((line_start, line_end) if line_start >= 0 else (start, start))


__all__ = ["cells", "wrap_ranges"]
