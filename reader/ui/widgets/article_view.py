"""ArticleView: the article in a centred column, drawn line by line (Textual Line API).

Only the visible lines are painted (``render_line``) and painted lines are cached, so a
3 MB book scrolls like a short article. The widget owns the reading cursor, the
selection and every styled span; the screen around it owns the chrome.

Public API (for the reading screen and the annotation layer):

- ``cursor: int`` — the cursor as a text offset (settable); every change posts
  ``ArticleView.CursorMoved(view, offset)``.
- ``selection: tuple[int, int] | None`` — ``(start, end)`` offsets, end exclusive.
  ``v`` toggles selection mode (motions extend it), shift+arrows extend, Esc cancels,
  a mouse drag selects (Textual text selection mapped to offsets), a double click
  selects the word. Changes post ``ArticleView.SelectionChanged(view, selection)``.
  ``select(start, end)`` and ``clear_selection()`` set it from code.
- ``set_analysis(analysis)`` — quote and entity spans (coloured per speaker / type).
- ``set_colouring(quotes=…, entities=…)`` — show or hide quote / entity colours.
- ``set_highlights(spans, colours=None)`` — user highlights: ``Span(kind="highlight",
  group=tag index)`` drawn as a background in ``colours[group]`` (any CSS colour, alpha
  blended) or the theme's ``$gloss-tag-N``; other kinds (e.g. "note") use their
  component class.
- ``set_search_matches(ranges)`` — search matches drawn with ``article--search``.
- ``jump_to(offset)`` — move the cursor there and scroll it into view.
- ``sentence_at(offset)``, ``word_at(offset)`` — ``(start, end)`` ranges.
- ``quote_at(offset)``, ``entity_at(offset)`` — the Quote index / Entity id under an
  offset; ``next_quote``/``previous_quote``/``next_entity``/``previous_entity`` actions.
- ``refresh_spans()`` — drop the strip cache and repaint (after any span change).

The widget is split by concern: ``article_actions`` (bindings, motions, scrolling),
``article_selection`` (selection and mouse), ``article_spans`` (setting and querying
spans), ``article_styles`` (component styles).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Offset, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader import spans as span_rules
from reader.document import BLOCK_KINDS, Analysis, Document
from reader.tokens import SPAN_KINDS, component_class
from reader.ui import motions
from reader.ui.analysis_spans import AnalysisSpans
from reader.ui.widgets.article_actions import ARTICLE_BINDINGS, ArticleMotions
from reader.ui.widgets.article_selection import ArticleSelection, keyboard_range
from reader.ui.widgets.article_spans import ArticleSpans
from reader.ui.widgets.article_styles import ArticleStyles
from reader.ui.widgets.code_highlight import code_token_styles, resolve_style
from reader.ui.widgets.line_paint import Layer, display_text, paint_segments
from reader.ui.widgets.span_index import SpanIndex
from reader.ui.widgets.text_layout import TextLayout

DEFAULT_COLUMN_WIDTH = 76
BULLETS = frozenset("•‣◦▪▸–-*·")
DECORATION = {"blockquote": "│ ", "pull_quote": "  ┃ "}
# Painting order of automatic spans: a quote first, its marks over it, entities on top.
KIND_ORDER = {"quote": 0, "quote.mark": 1}


class ArticleView(
    ArticleMotions,
    ArticleSelection,
    ArticleSpans,
    ArticleStyles,
    ScrollView,
    can_focus=True,
    inherit_bindings=False,
):
    """The reading view: one document, a cursor, a selection and styled spans."""

    COMPONENT_CLASSES = (
        {component_class(kind) for kind in BLOCK_KINDS + SPAN_KINDS}
        | {f"article--speaker-{slot}" for slot in range(span_rules.SPEAKER_SLOTS + 1)}
        | {"article--cursor", "article--cursor-word", "article--selection", "article--decoration"}
    )
    BINDINGS = ARTICLE_BINDINGS
    DEFAULT_CSS = """
    ArticleView {
        overflow-y: scroll;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    """

    @dataclass
    class CursorMoved(Message):
        """The reading cursor moved to ``offset``."""

        view: ArticleView
        offset: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleView.CursorMoved)

    @dataclass
    class SelectionChanged(Message):
        """The selection changed (``None``: nothing selected)."""

        view: ArticleView
        selection: tuple[int, int] | None

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleView.SelectionChanged)

    def __init__(
        self,
        document: Document,
        *,
        column_width: int = DEFAULT_COLUMN_WIDTH,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.document = document
        self.text = document.text
        self.column_width = column_width
        self.layout_table: TextLayout | None = None
        self._width = 0  # the widget's width, kept from the last resize (``size`` is costly)
        self._cursor = self._first_text_offset()
        self._goal_column: int | None = None
        self._selection: tuple[int, int] | None = None
        self._anchor: int | None = None
        self._shift_selection = False  # started by shift+arrow: a plain motion ends it
        self._extending = False
        self._steering = False  # True while the view scrolls itself to follow the cursor
        self._selection_source = "keyboard"
        self._last_pointer: Offset | None = None
        self.analysis = Analysis()
        self._analysis_spans = AnalysisSpans.build(self.analysis)
        self.show_quotes = True
        self.show_entities = True
        self._quote_index = SpanIndex()
        self._entity_index = SpanIndex()
        self._auto_index = SpanIndex()
        self._highlight_index = SpanIndex()
        self._highlight_colours: dict[int, str] = {}
        self._search_index = SpanIndex()
        self._code_styles: dict[int, list[tuple[int, int, str]]] = {}
        self._styles: dict[str, Style] = {}
        self._line_cache: LRUCache[tuple, Strip] = LRUCache(1024)

    # ----------------------------------------------------------------- layout

    def _first_text_offset(self) -> int:
        """The start of the first block (where the cursor starts)."""
        return self.document.blocks[0].start if self.document.blocks else 0

    def _text_width(self) -> int:
        """Cells of the text column for the current widget width."""
        return max(8, min(self.column_width, self.size.width - 4))

    def _relayout(self) -> None:
        """Re-wrap when the column width changed, and update the scrollable size."""
        self._width = self.size.width
        width = self._text_width()
        if self.layout_table is None or self.layout_table.width != width:
            self.layout_table = TextLayout(self.text, self.document.blocks, width)
            self._line_cache.clear()
        self.virtual_size = Size(self.size.width, len(self.layout_table))
        self._refresh_scrollbars()

    def on_resize(self, event: events.Resize) -> None:
        """Wrap to the new width and keep the cursor on screen."""
        self._relayout()
        self._line_cache.clear()
        self.scroll_to_cursor()

    def set_column_width(self, width: int) -> None:
        """Change the width of the text column (re-wraps)."""
        self.column_width = max(20, width)
        if self.size.width:
            self._relayout()
            self.scroll_to_cursor()
            self.refresh()

    @property
    def line_count(self) -> int:
        """Number of visual lines (0 before the first layout)."""
        return len(self.layout_table) if self.layout_table else 0

    # ------------------------------------------------------------- rendering

    def render_line(self, y: int) -> Strip:
        """The strip for row ``y`` of the viewport (cached)."""
        if self.layout_table is None and self.size.width:
            # the first frame comes before the first Resize event: wrap now, so the
            # article is on that frame instead of the next one
            self._relayout()
        width = self._width
        layout = self.layout_table
        index = self.scroll_offset.y + y
        if layout is None or index >= len(layout) or layout.blocks[index] < 0:
            return self._blank_line(width)
        start, end = layout.starts[index], layout.ends[index]
        cursor = self._cursor - start if start <= self._cursor < end else -1
        if self._cursor == end and (index + 1 >= len(layout) or layout.starts[index + 1] != end):
            cursor = end - start  # on the space (or newline) where this line breaks
        selection = None
        if self._selection and self._selection[0] <= end and self._selection[1] > start:
            selection = (max(start, self._selection[0]), min(end + 1, self._selection[1]))
        key = (index, width, cursor, selection)
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._paint_line(index, width, cursor, selection)
            self._line_cache[key] = strip
        return strip

    def _paint_line(self, index: int, width: int, cursor: int, selection: tuple[int, int] | None) -> Strip:
        """Paint one visual line: margins, decoration, styled text, cursor."""
        layout = self.layout_table
        assert layout is not None
        start, end = layout.starts[index], layout.ends[index]
        block_index = layout.blocks[index]
        block = self.document.blocks[block_index]
        base = self.base_style()
        block_style = base + self.component_style(component_class(block.kind))
        text = display_text(self.text[start:end])
        if cursor == len(text):
            text += " "  # the cursor sits on the space where the line wrapped
        layers = self._layers(start, start + len(text), block_index, block.kind)
        if selection:
            layers.append(
                (selection[0] - start, selection[1] - start, self.component_style("article--selection"))
            )
        if cursor >= 0:
            word = motions.word_at(self.text, self._cursor)
            if word:
                layers.append(
                    (word[0] - start, word[1] - start, self.component_style("article--cursor-word"))
                )
            layers.append((cursor, cursor + 1, self.component_style("article--cursor")))
        left = max(0, (width - layout.width) // 2)
        indent = layout.indents[index]
        segments = [Segment(" " * left, base)]
        # a list item whose text has no bullet of its own gets one in its indent
        bullet = start == block.start and self.text[start : start + 1] not in BULLETS
        segments.extend(self._decoration(block.kind, indent, bullet, base))
        segments.extend(paint_segments(text, block_style, layers))
        used = left + indent + (len(text) if text.isascii() else cell_len(text))
        if block.kind == "code" and used < left + layout.width:
            # code keeps its background to the right edge of the column
            segments.append(Segment(" " * (left + layout.width - used), block_style))
            used = left + layout.width
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        strip = Strip(segments, max(width, used))
        if used > width:
            strip = strip.crop(0, width)
        return strip.apply_offsets(-(left + indent), index)

    def _decoration(self, kind: str, indent: int, bullet: bool, base: Style) -> list[Segment]:
        """The indent of a block, with its bar or bullet."""
        if not indent:
            return []
        mark = DECORATION.get(kind, "")
        if kind == "list_item" and bullet:
            mark = "• "
        mark = (mark or "").rjust(indent)[:indent]
        return [Segment(mark, base + self.component_style("article--decoration"))]

    def _layers(self, start: int, end: int, block_index: int, kind: str) -> list[Layer]:
        """The styled ranges of one line, relative to ``start``, in painting order."""
        layers: list[Layer] = []
        if kind == "code":
            layers.extend(self._code_layers(start, end, block_index))
        auto = sorted(self._auto_index.overlapping(start, end), key=lambda s: KIND_ORDER.get(s.kind, 2))
        for span in auto:
            layers.append((span.start - start, span.end - start, self.span_style(span)))
        for span in self._highlight_index.overlapping(start, end):
            layers.append((span.start - start, span.end - start, self.span_style(span)))
        search = self.component_style("article--search")
        for span in self._search_index.overlapping(start, end):
            layers.append((span.start - start, span.end - start, search))
        return layers

    def _code_layers(self, start: int, end: int, block_index: int) -> list[Layer]:
        """Pygments token styles of a code block, clipped to one line."""
        tokens = self._code_styles.get(block_index)
        if tokens is None:
            block = self.document.blocks[block_index]
            raw = code_token_styles(self.text[block.start : block.end], block.lang)
            tokens = [(block.start + a, block.start + b, style) for a, b, style in raw]
            self._code_styles[block_index] = tokens
        variables = self.app.theme_variables
        code_background = self.component_style("article--code").bgcolor
        background = Color.from_rich_color(code_background) if code_background else self.background_colors[1]
        layers: list[Layer] = []
        for token_start, token_end, style in tokens:
            if token_end > start and token_start < end:
                key = "code:" + style
                if key not in self._styles:
                    self._styles[key] = resolve_style(style, variables, background)
                layers.append((token_start - start, token_end - start, self._styles[key]))
        return layers

    def refresh_spans(self) -> None:
        """Forget painted lines and repaint (after spans or colours changed)."""
        self._line_cache.clear()
        self.refresh()

    # ----------------------------------------------------------------- cursor

    @property
    def cursor(self) -> int:
        """The reading cursor as an offset into ``document.text``."""
        return self._cursor

    @cursor.setter
    def cursor(self, offset: int) -> None:
        self.move_cursor(offset)

    def move_cursor(self, offset: int, *, keep_goal: bool = False, scroll: bool = True) -> None:
        """Put the cursor at ``offset``; extends the selection in selection mode."""
        offset = max(0, min(offset, max(0, len(self.text) - 1)))
        if self._shift_selection and not self._extending:
            self.clear_selection()
        if not keep_goal:
            self._goal_column = None
        changed = offset != self._cursor
        self._cursor = offset
        if self._anchor is not None:
            self._set_selection(keyboard_range(self._anchor, offset), "keyboard")
        if scroll:
            self.scroll_to_cursor()
        self.refresh()
        if changed:
            self.post_message(self.CursorMoved(self, offset))

    def cursor_line(self) -> int:
        """The visual line of the cursor."""
        return self.layout_table.line_of(self._cursor) if self.layout_table else 0

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence containing ``offset``."""
        return motions.sentence_at(self.text, self.document.blocks, offset)

    def word_at(self, offset: int) -> tuple[int, int] | None:
        """The word containing ``offset``, if any."""
        return motions.word_at(self.text, offset)

    def progress(self) -> float:
        """How far through the article the cursor is, 0.0–1.0."""
        return self._cursor / max(1, len(self.text) - 1)

    def visible_offsets(self) -> tuple[int, int]:
        """Text offsets of the first and last visible lines."""
        layout = self.layout_table
        if layout is None or not len(layout):
            return 0, 0
        top = min(len(layout) - 1, self.scroll_offset.y)
        bottom = min(len(layout) - 1, top + self.size.height - 1)
        return layout.starts[top], layout.ends[bottom]
