"""Span and block styles of the ArticleView: component classes resolved once per theme.

A mixin: the widget owns the caches (``_styles``, ``_line_cache``). Translucent
backgrounds are blended over the article background here, because
``get_component_rich_style(partial=True)`` drops alpha.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from textual.color import Color
from textual.strip import Strip

from reader.document import Span
from reader.tokens import component_class

if TYPE_CHECKING:
    from reader.ui.widgets.article_view import ArticleView


class ArticleStyles:
    """Style resolution and caching; mixed into ArticleView."""

    def notify_style_update(self: ArticleView) -> None:
        """The theme or CSS changed: resolve every style again."""
        super().notify_style_update()
        self._styles.clear()
        self._line_cache.clear()

    def base_style(self: ArticleView) -> Style:
        """The article's own style (``rich_style`` walks the DOM, so it is cached)."""
        style = self._styles.get("base")
        if style is None:
            style = self._styles["base"] = self.rich_style
        return style

    def _blank_line(self: ArticleView, width: int) -> Strip:
        """An empty line (between blocks, below the end)."""
        key = ("blank", width)
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._line_cache[key] = Strip.blank(width, self.base_style())
        return strip

    def component_style(self: ArticleView, name: str) -> Style:
        """A component class as a Rich style, translucent backgrounds blended over ours."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self._resolve_component(name)
        return style

    def _resolve_component(self: ArticleView, name: str) -> Style:
        """Resolve one component class (``get_component_rich_style`` drops alpha)."""
        styles = self.get_component_styles(name)
        base = self.background_colors[1]
        colour = styles.color if styles.has_rule("color") else None
        background = styles.background if styles.has_rule("background") else None
        style = Style(
            color=(base + colour).rich_color if colour is not None and colour.a > 0 else None,
            bgcolor=(base + background).rich_color if background is not None and background.a > 0 else None,
        )
        return style + styles.text_style

    def _colour_style(self: ArticleView, colour: str) -> Style:
        """A background style for a highlight colour (alpha blended over the article)."""
        key = "colour:" + colour
        style = self._styles.get(key)
        if style is None:
            try:
                parsed = Color.parse(colour)
                style = Style(bgcolor=(self.background_colors[1] + parsed).rich_color)
            except Exception:  # a bad colour from a config file: fall back to the tag default
                style = self.component_style("article--highlight")
            self._styles[key] = style
        return style

    def span_style(self: ArticleView, span: Span) -> Style:
        """The style of one span: by kind, speaker slot or highlight colour."""
        if span.kind == "quote":
            return self.component_style("article--quote") + self.component_style(
                f"article--speaker-{span.group}"
            )
        if span.kind.startswith("highlight"):
            colour = self._highlight_colours.get(span.group)
            if colour is None:
                index = max(1, min(10, span.group or 1))
                colour = self.app.theme_variables.get(f"gloss-tag-{index}", "#6b5a1e")
            return self._colour_style(colour)
        return self.component_style(component_class(span.kind))
