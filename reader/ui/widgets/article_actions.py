"""Key bindings, cursor actions and scrolling of the ArticleView (a mixin; the widget owns state).

Every binding has an ``id`` ("article.…") so a keymap can remap it with
``App.set_keymap``; alternates share one key string.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from reader.ui import motions

if TYPE_CHECKING:
    from reader.ui.widgets.article_view import ArticleView

SCROLL_MARGIN = 2  # lines kept between the cursor and the top or bottom edge

ARTICLE_BINDINGS = [
    Binding("down,j", "cursor_down", "Line down", show=False, id="article.cursor_down"),
    Binding("up,k", "cursor_up", "Line up", show=False, id="article.cursor_up"),
    Binding("left,h", "cursor_left", "Character left", show=False, id="article.cursor_left"),
    Binding("right,l", "cursor_right", "Character right", show=False, id="article.cursor_right"),
    Binding("w", "next_word", "Next word", show=False, id="article.next_word"),
    Binding("b", "previous_word", "Previous word", show=False, id="article.previous_word"),
    Binding("right_parenthesis", "next_sentence", "Next sentence", show=False, id="article.next_sentence"),
    Binding(
        "left_parenthesis",
        "previous_sentence",
        "Previous sentence",
        show=False,
        id="article.previous_sentence",
    ),
    Binding(
        "right_curly_bracket", "next_paragraph", "Next paragraph", show=False, id="article.next_paragraph"
    ),
    Binding(
        "left_curly_bracket",
        "previous_paragraph",
        "Previous paragraph",
        show=False,
        id="article.previous_paragraph",
    ),
    Binding("space,pagedown", "page(1)", "Page down", show=False, id="article.page_down"),
    Binding("pageup", "page(-1)", "Page up", show=False, id="article.page_up"),
    Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="article.half_page_down"),
    Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="article.half_page_up"),
    Binding("g,home", "top", "Top", show=False, id="article.top"),
    Binding("G,end", "bottom", "Bottom", show=False, id="article.bottom"),
    Binding("right_square_bracket", "next_quote", "Next quote", key_display="]", id="article.next_quote"),
    Binding(
        "left_square_bracket", "previous_quote", "Previous quote", show=False, id="article.previous_quote"
    ),
    Binding("e", "next_entity", "Next entity", show=False, id="article.next_entity"),
    Binding("E", "previous_entity", "Previous entity", show=False, id="article.previous_entity"),
    Binding("v", "toggle_selection", "Select", id="article.toggle_selection"),
    Binding("escape", "cancel", "Cancel selection", show=False, id="article.cancel"),
    Binding("shift+down", "extend('down')", "Extend down", show=False, id="article.extend_down"),
    Binding("shift+up", "extend('up')", "Extend up", show=False, id="article.extend_up"),
    Binding("shift+left", "extend('left')", "Extend left", show=False, id="article.extend_left"),
    Binding("shift+right", "extend('right')", "Extend right", show=False, id="article.extend_right"),
]


class ArticleMotions:
    """Cursor motions over the document; mixed into ArticleView."""

    def action_cursor_down(self: ArticleView) -> None:
        """One visual line down, keeping the column."""
        self.move_lines(1)

    def action_cursor_up(self: ArticleView) -> None:
        """One visual line up, keeping the column."""
        self.move_lines(-1)

    def action_cursor_left(self: ArticleView) -> None:
        """One character left."""
        self.move_cursor(self.cursor - 1)

    def action_cursor_right(self: ArticleView) -> None:
        """One character right."""
        self.move_cursor(self.cursor + 1)

    def action_next_word(self: ArticleView) -> None:
        """Start of the next word."""
        self.move_cursor(motions.next_word(self.text, self.cursor))

    def action_previous_word(self: ArticleView) -> None:
        """Start of this or the previous word."""
        self.move_cursor(motions.previous_word(self.text, self.cursor))

    def action_next_sentence(self: ArticleView) -> None:
        """Start of the next sentence."""
        self.move_cursor(motions.next_sentence(self.text, self.document.blocks, self.cursor))

    def action_previous_sentence(self: ArticleView) -> None:
        """Start of this or the previous sentence."""
        self.move_cursor(motions.previous_sentence(self.text, self.document.blocks, self.cursor))

    def action_next_paragraph(self: ArticleView) -> None:
        """Start of the next block."""
        self.move_cursor(motions.next_paragraph(self.document.blocks, self.cursor))

    def action_previous_paragraph(self: ArticleView) -> None:
        """Start of this or the previous block."""
        self.move_cursor(motions.previous_paragraph(self.document.blocks, self.cursor))

    def action_top(self: ArticleView) -> None:
        """The start of the article."""
        self.move_cursor(self._first_text_offset())

    def action_bottom(self: ArticleView) -> None:
        """The start of the last line of the article."""
        layout = self.layout_table
        if layout is not None and len(layout):
            self.move_cursor(layout.starts[len(layout) - 1])

    def move_lines(self: ArticleView, delta: int, *, scroll: bool = True) -> None:
        """Move ``delta`` visual lines, skipping the blank lines between blocks."""
        layout = self.layout_table
        if layout is None or not len(layout):
            return
        line = layout.line_of(self.cursor)
        if self._goal_column is None:
            self._goal_column = layout.column_of(self.cursor, self.text)
        target = max(0, min(len(layout) - 1, line + delta))
        step = 1 if delta > 0 else -1
        while layout.blocks[target] < 0 and 0 < target < len(layout) - 1:
            target += step
        if target == line:
            return
        self.move_cursor(
            layout.offset_at(target, self._goal_column, self.text), keep_goal=True, scroll=scroll
        )

    def action_page(self: ArticleView, direction: int) -> None:
        """Scroll a screen (less two lines of context) and move the cursor with it."""
        self._scroll_with_cursor(direction * max(1, self.size.height - 2))

    def action_half_page(self: ArticleView, direction: int) -> None:
        """Scroll half a screen and move the cursor with it."""
        self._scroll_with_cursor(direction * max(1, self.size.height // 2))

    def _scroll_with_cursor(self: ArticleView, lines: int) -> None:
        """Scroll by ``lines`` keeping the cursor on the same screen row."""
        layout = self.layout_table
        if layout is None or not len(layout):
            return
        top = round(self.scroll_offset.y)
        new_top = max(0, min(top + lines, max(0, len(layout) - self.size.height)))
        if new_top == top:
            # already at the end: move the cursor to the last (or first) line instead
            self.move_lines(len(layout) if lines > 0 else -len(layout))
            return
        self.scroll_steered(new_top)
        self.move_lines(new_top - top, scroll=False)

    def action_next_quote(self: ArticleView) -> None:
        """The next quote after the cursor."""
        span = self.quote_spans().next_after(self.cursor)
        if span is not None:
            self.jump_to(span.start)

    def action_previous_quote(self: ArticleView) -> None:
        """The quote before the cursor."""
        span = self.quote_spans().previous_before(self.cursor)
        if span is not None:
            self.jump_to(span.start)

    def action_next_entity(self: ArticleView) -> None:
        """The next mention: of the entity under the cursor, or of any entity."""
        self._entity_jump(1)

    def action_previous_entity(self: ArticleView) -> None:
        """The previous mention: of the entity under the cursor, or of any entity."""
        self._entity_jump(-1)

    def _entity_jump(self: ArticleView, direction: int) -> None:
        """Jump to the next/previous entity mention (same entity when on one)."""
        current = self.entity_at(self.cursor)
        if current is not None:
            entity = self.analysis.entity(current)
            mentions = sorted(entity.mentions) if entity else []
            if direction > 0:
                later = [s for s, _ in mentions if s > self.cursor]
                target = later[0] if later else (mentions[0][0] if mentions else None)
            else:
                here = self._entity_mention_start(current)
                earlier = [s for s, _ in mentions if s < here]
                target = earlier[-1] if earlier else (mentions[-1][0] if mentions else None)
            if target is not None and target != self.cursor:
                self.jump_to(target)
            return
        index = self.entity_mentions()
        span = index.next_after(self.cursor) if direction > 0 else index.previous_before(self.cursor)
        if span is not None:
            self.jump_to(span.start)

    def _entity_mention_start(self: ArticleView, entity_id: str) -> int:
        """Start of the mention of ``entity_id`` under the cursor."""
        for span in self.entity_mentions().at(self.cursor):
            if span.ref == entity_id:
                return span.start
        return self.cursor

    def action_toggle_selection(self: ArticleView) -> None:
        """``v``: start selecting at the cursor, or stop (keeping the selection)."""
        if self.selecting:
            self._anchor = None
        else:
            self.start_selection()

    def action_cancel(self: ArticleView) -> None:
        """Esc: drop the selection."""
        self.clear_selection()

    def action_extend(self: ArticleView, direction: str) -> None:
        """shift+arrow: extend the selection from the cursor."""
        if not self.selecting:
            self.start_selection(shift=True)
        move = {
            "down": self.action_cursor_down,
            "up": self.action_cursor_up,
            "left": self.action_cursor_left,
            "right": self.action_cursor_right,
        }[direction]
        self._extending = True
        try:
            move()
        finally:
            self._extending = False

    # -- scrolling with the cursor -------------------------------------------------

    def jump_to(self: ArticleView, offset: int) -> None:
        """Move the cursor to ``offset`` and show it a few lines below the top."""
        self.move_cursor(offset, scroll=False)
        if self.layout_table is not None:
            line = self.layout_table.line_of(self._cursor)
            top = self.scroll_offset.y
            if not top + SCROLL_MARGIN <= line < top + self.size.height - SCROLL_MARGIN:
                self.scroll_steered(max(0, line - max(SCROLL_MARGIN, self.size.height // 4)))

    def scroll_steered(self: ArticleView, y: float) -> None:
        """Scroll to ``y`` as part of a cursor motion (the cursor is placed by the caller)."""
        self._steering = True
        try:
            self.scroll_to(y=y, animate=False, immediate=True)
        finally:
            self._steering = False

    def watch_scroll_y(self: ArticleView, old_value: float, new_value: float) -> None:
        """Scrolled by the mouse wheel or scrollbar: bring the cursor along."""
        super().watch_scroll_y(old_value, new_value)
        if self._steering or self.layout_table is None or not self.size.height:
            return
        layout = self.layout_table
        line = layout.line_of(self._cursor)
        top = round(new_value)
        bottom = min(len(layout) - 1, top + self.size.height - 1)
        if top <= line <= bottom:
            return
        target = top if line < top else bottom
        step = 1 if line < top else -1
        while layout.blocks[target] < 0 and top <= target + step <= bottom:
            target += step
        column = self._goal_column if self._goal_column is not None else 0
        self.move_cursor(layout.offset_at(target, column, self.text), keep_goal=True, scroll=False)

    def scroll_to_cursor(self: ArticleView) -> None:
        """Scroll just enough to keep the cursor line (with a small margin) on screen."""
        if self.layout_table is None or not self.size.height:
            return
        line = self.layout_table.line_of(self._cursor)
        top, height = round(self.scroll_offset.y), self.size.height
        margin = min(SCROLL_MARGIN, max(0, (height - 1) // 2))
        if line < top + margin:
            self.scroll_steered(max(0, line - margin))
        elif line >= top + height - margin:
            self.scroll_steered(line - height + margin + 1)
