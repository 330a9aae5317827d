"""Styled spans of the ArticleView: analysis, highlights, search matches (a mixin).

The widget owns the state (``_quote_index``, ``_auto_index`` …); here it is set from
the screen and queried by offset. Every change drops the painted lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from reader.document import Analysis, Span
from reader.ui.analysis_spans import AnalysisSpans
from reader.ui.widgets.span_index import SpanIndex

if TYPE_CHECKING:
    from reader.ui.widgets.article_view import ArticleView


class ArticleSpans:
    """Setting and querying the styled spans; mixed into ArticleView."""

    def set_analysis(self: ArticleView, analysis: Analysis | AnalysisSpans) -> None:
        """Show quotes and entities (an ``AnalysisSpans`` built in a worker is used as is)."""
        spans = analysis if isinstance(analysis, AnalysisSpans) else AnalysisSpans.build(analysis)
        self._analysis_spans = spans
        self.analysis = spans.analysis
        self._quote_index = spans.quotes
        self._entity_index = spans.entities
        self._rebuild_auto_spans()

    def set_colouring(self: ArticleView, *, quotes: bool | None = None, entities: bool | None = None) -> None:
        """Turn quote and/or entity colouring on or off."""
        if quotes is not None:
            self.show_quotes = quotes
        if entities is not None:
            self.show_entities = entities
        self._rebuild_auto_spans()

    def _rebuild_auto_spans(self: ArticleView) -> None:
        """The painted analysis spans, honouring the colouring toggles."""
        self._auto_index = self._analysis_spans.paint_index(
            quotes=self.show_quotes, entities=self.show_entities
        )
        self.refresh_spans()

    def set_highlights(
        self: ArticleView, spans: Iterable[Span], colours: Mapping[int, str] | None = None
    ) -> None:
        """Show user highlights (see the ``article_view`` docstring); a ``SpanIndex`` is used as is."""
        # the annotation layer keeps its index sorted as it changes: no re-sort per keypress
        self._highlight_index = spans if isinstance(spans, SpanIndex) else SpanIndex(spans)
        self._highlight_colours = dict(colours or {})
        self._styles = {k: v for k, v in self._styles.items() if not k.startswith("colour:")}
        self.refresh_spans()

    def set_search_matches(self: ArticleView, ranges: Iterable[tuple[int, int]]) -> None:
        """Show search matches."""
        self._search_index = SpanIndex(Span(s, e, "search") for s, e in ranges)
        self.refresh_spans()

    @property
    def highlights(self: ArticleView) -> SpanIndex:
        """The user highlight spans currently shown."""
        return self._highlight_index

    def quote_at(self: ArticleView, offset: int) -> int | None:
        """The index (in ``analysis.quotes``) of the innermost quote containing ``offset``."""
        found = self._quote_index.at(offset)
        return min(found, key=lambda s: s.end - s.start).ref if found else None

    def entity_at(self: ArticleView, offset: int) -> str | None:
        """The id of the entity mentioned at ``offset``."""
        found = self._entity_index.at(offset)
        return found[0].ref if found else None

    def entity_mentions(self: ArticleView) -> SpanIndex:
        """Every entity mention (regardless of the colouring toggle)."""
        return self._entity_index

    def quote_spans(self: ArticleView) -> SpanIndex:
        """Every quote (regardless of the colouring toggle)."""
        return self._quote_index
