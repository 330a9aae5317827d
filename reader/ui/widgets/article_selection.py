"""Selection of the ArticleView: keyboard selection mode and Textual's mouse selection.

A mixin: the widget owns the state (``_selection``, ``_anchor`` …). Mouse selections
arrive from Textual as (character column, visual line) points, because every painted
strip carries ``apply_offsets(-(margin + indent), line)``; they are mapped to text
offsets here so both kinds of selection share one ``selection`` range.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.geometry import Offset
from textual.selection import Selection

from reader.ui import motions

if TYPE_CHECKING:
    from reader.ui.widgets.article_view import ArticleView


def keyboard_range(anchor: int, cursor: int) -> tuple[int, int]:
    """The selected range for selection mode, from its anchor to the cursor.

    Forward, the selection ends *before* the cursor, as in other editors: ``v w w``
    selects two words, not two words and the first letter of the third, ``v )`` one
    sentence, and three shift+right three characters. Backward (and at the anchor) the
    anchor's character stays selected.
    """
    if cursor > anchor:
        return anchor, cursor
    return cursor, anchor + 1


class ArticleSelection:
    """Selection state changes and mouse mapping; mixed into ArticleView."""

    @property
    def selection(self: ArticleView) -> tuple[int, int] | None:
        """The selected range ``(start, end)``, end exclusive, or None."""
        return self._selection

    @property
    def selecting(self: ArticleView) -> bool:
        """True in keyboard selection mode (motions extend the selection)."""
        return self._anchor is not None

    def select(self: ArticleView, start: int, end: int) -> None:
        """Select ``[start, end)`` from code (no selection mode)."""
        self._anchor = None
        self._set_selection((max(0, start), min(len(self.text), end)), "keyboard")

    def clear_selection(self: ArticleView) -> None:
        """Drop the selection and leave selection mode."""
        self._anchor = None
        self._shift_selection = False
        if self._selection_source == "mouse" and self.text_selection is not None:
            self.screen.clear_selection()
        self._set_selection(None, "keyboard")

    def start_selection(self: ArticleView, *, shift: bool = False) -> None:
        """Enter selection mode at the cursor (``shift``: ended by the next plain motion)."""
        self._anchor = self._cursor
        self._shift_selection = shift
        self._set_selection((self._cursor, self._cursor + 1), "keyboard")

    def _set_selection(self: ArticleView, selection: tuple[int, int] | None, source: str) -> None:
        """Store the selection, repaint, and tell the screen."""
        self._selection_source = source
        if selection == self._selection:
            return
        self._selection = selection
        self.refresh()
        self.post_message(self.SelectionChanged(self, selection))

    def get_selection(self: ArticleView, selection: Selection) -> tuple[str, str] | None:
        """The text under a mouse selection (for Textual's copy)."""
        start, end = self._range_of(selection)
        return self.text[start:end], "\n"

    def selection_updated(self: ArticleView, selection: Selection | None) -> None:
        """Textual's mouse selection changed: mirror it into ``selection``."""
        if selection is None:
            if self._selection_source == "mouse":
                self._set_selection(None, "mouse")
            return
        start, end = self._range_of(selection)
        self._anchor = None
        if end <= start:
            return
        self._set_selection((start, end), "mouse")
        self.move_cursor(end - 1, scroll=False)

    def _range_of(self: ArticleView, selection: Selection) -> tuple[int, int]:
        """A Textual selection (columns and visual lines) as text offsets."""
        start = 0 if selection.start is None else self._point_offset(selection.start)
        end = len(self.text) if selection.end is None else self._point_offset(selection.end)
        return min(start, end), max(start, end)

    def _point_offset(self: ArticleView, point: Offset) -> int:
        """A (character column, visual line) point as a text offset."""
        layout = self.layout_table
        if layout is None or not len(layout):
            return 0
        line = max(0, min(point.y, len(layout) - 1))
        start, end = layout.starts[line], layout.ends[line]
        return start + max(0, min(point.x, end - start))

    def text_select_all(self: ArticleView) -> None:
        """Double click: select the word under the pointer, not the whole article."""
        if self._last_pointer is None or self.layout_table is None:
            return
        offset = self._offset_at_pointer(self._last_pointer)
        word = motions.word_at(self.text, offset) or self.sentence_at(offset)
        layout = self.layout_table
        first, last = layout.line_of(word[0]), layout.line_of(max(word[0], word[1] - 1))
        self.screen.selections = {
            self: Selection(
                Offset(word[0] - layout.starts[first], first),
                Offset(word[1] - layout.starts[last], last),
            )
        }

    def _offset_at_pointer(self: ArticleView, point: Offset) -> int:
        """The text offset under a content-relative pointer position."""
        layout = self.layout_table
        if layout is None or not len(layout):
            return 0
        line = min(len(layout) - 1, self.scroll_offset.y + point.y)
        while line > 0 and layout.blocks[line] < 0:
            line -= 1
        left = max(0, (self.size.width - layout.width) // 2) + layout.indents[line]
        return layout.offset_at(line, max(0, point.x - left), self.text)

    def on_mouse_down(self: ArticleView, event: events.MouseDown) -> None:
        """Remember where the pointer went down (for the double click)."""
        self._last_pointer = event.get_content_offset(self)

    def on_click(self: ArticleView, event: events.Click) -> None:
        """A click puts the reading cursor under the pointer."""
        point = event.get_content_offset(self)
        if point is not None and event.chain == 1:
            self._anchor = None
            self.move_cursor(self._offset_at_pointer(point), scroll=False)
