"""A sorted, bisect-indexed list of spans answering "what overlaps [start, end)?"."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from reader.document import Span


class SpanIndex:
    """Spans sorted by start, with the longest span length bounding overlap queries."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans: list[Span] = sorted(spans, key=lambda s: (s.start, -s.end))
        self.starts: list[int] = [s.start for s in self.spans]
        self.longest = max((s.end - s.start for s in self.spans), default=0)

    def __len__(self) -> int:
        return len(self.spans)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans intersecting ``[start, end)`` (a zero-width query returns those containing start)."""
        if not self.spans:
            return []
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, max(end, start + 1))
        return [s for s in self.spans[lo:hi] if s.end > start]

    def at(self, offset: int) -> list[Span]:
        """Spans containing ``offset``."""
        return [s for s in self.overlapping(offset, offset + 1) if s.start <= offset]

    def next_after(self, offset: int) -> Span | None:
        """The first span starting after ``offset``."""
        index = bisect_right(self.starts, offset)
        return self.spans[index] if index < len(self.spans) else None

    def previous_before(self, offset: int) -> Span | None:
        """The last span starting before ``offset``."""
        index = bisect_left(self.starts, offset) - 1
        return self.spans[index] if index >= 0 else None
