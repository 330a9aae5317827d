"""Paint one visual line of the article into Rich segments (no widget state here).

A line is its text plus "layers": ``(start, end, style)`` ranges relative to the line,
applied in order over the block's base style (later layers win). Segments are cut at
every layer boundary, so a line with N styled ranges costs O(N log N), independent of
the size of the document.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style

Layer = tuple[int, int, Style]

# Draw tabs and any stray control character as one space, so one character is one cell
# (the canonical text is sanitised at ingest; this is a second line of defence).
_INERT = {c: " " for c in range(32)} | {0x7F: " "} | {c: " " for c in range(0x80, 0xA0)}


def display_text(text: str) -> str:
    """``text`` with control characters replaced one for one by spaces."""
    if text.isprintable():
        return text
    return text.translate(_INERT)


def paint_segments(text: str, base: Style, layers: Sequence[Layer]) -> list[Segment]:
    """Segments of ``text`` styled by ``base`` and then each layer in order."""
    if not layers:
        return [Segment(text, base)] if text else []
    length = len(text)
    cuts = {0, length}
    clipped: list[Layer] = []
    for start, end, style in layers:
        start, end = max(0, start), min(length, end)
        if start < end:
            clipped.append((start, end, style))
            cuts.add(start)
            cuts.add(end)
    points = sorted(cuts)
    segments: list[Segment] = []
    for left, right in itertools.pairwise(points):
        style = base
        for start, end, layer_style in clipped:
            if start <= left and right <= end:
                style = style + layer_style
        segments.append(Segment(text[left:right], style))
    return segments
