"""Incremental search in the article: ``/`` opens a one-line bar above the status line.

Each keystroke finds every match (case-insensitive, literal text) and highlights them,
moving the cursor to the first match at or after where the search started. Enter
closes the bar and keeps the matches for ``n``/``N``; Esc closes it, clears the matches
and puts the cursor back.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

MAX_MATCHES = 20_000  # beyond this the count says "20000+" (a one-letter query in a book)


def find_matches(text: str, query: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """``(start, end)`` of every case-insensitive occurrence of ``query`` (literal)."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    matches = []
    for match in pattern.finditer(text):
        matches.append(match.span())
        if len(matches) >= limit:
            break
    return matches


class SearchResults:
    """Matches of the current query, and stepping through them from an offset."""

    def __init__(self, query: str = "", matches: list[tuple[int, int]] | None = None) -> None:
        self.query = query
        self.matches = matches or []
        self.starts = [start for start, _ in self.matches]

    def __bool__(self) -> bool:
        return bool(self.matches)

    def first_from(self, offset: int) -> tuple[int, int] | None:
        """The first match starting at or after ``offset`` (wrapping to the top)."""
        if not self.matches:
            return None
        index = bisect_left(self.starts, offset)
        return self.matches[index % len(self.matches)]

    def next_after(self, offset: int) -> tuple[int, int] | None:
        """The first match starting after ``offset`` (wrapping)."""
        if not self.matches:
            return None
        index = bisect_right(self.starts, offset)
        return self.matches[index % len(self.matches)]

    def previous_before(self, offset: int) -> tuple[int, int] | None:
        """The last match starting before ``offset`` (wrapping)."""
        if not self.matches:
            return None
        index = bisect_left(self.starts, offset) - 1
        return self.matches[index % len(self.matches)]

    def position(self, start: int) -> int:
        """1-based number of the match starting at ``start``."""
        return bisect_left(self.starts, start) + 1

    def count_text(self) -> str:
        """ "12 matches" (or "20000+ matches")."""
        count = len(self.matches)
        more = "+" if count >= MAX_MATCHES else ""
        return f"{count}{more} match{'es' if count != 1 else ''}"


class SearchBar(Input):
    """The search input; posts ``Changed``-driven updates and ``Closed``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close(False)", "Cancel search", id="search.cancel"),
    ]
    DEFAULT_CSS = """
    /* in the flow above the status line: docked at the bottom it hid behind the footer */
    SearchBar { height: 1; border: none; padding: 0 1; background: $boost; }
    SearchBar:focus { border: none; }
    """

    @dataclass
    class Closed(Message):
        """The bar closed: ``keep`` True on Enter (keep matches), False on Esc."""

        bar: SearchBar
        keep: bool

    def __init__(self) -> None:
        super().__init__(placeholder="search…", id="search-bar", select_on_focus=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: keep the matches."""
        event.stop()
        self.post_message(self.Closed(self, True))

    def action_close(self, keep: bool) -> None:
        """Esc: cancel."""
        self.post_message(self.Closed(self, keep))
