"""The span indexes of an analysis, built off the UI thread (pure, no Textual).

A book's analysis has tens of thousands of quote and mention spans; sorting and
indexing them takes a fifth of a second, so the analysis worker builds them and the
view only swaps them in.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader import spans as span_rules
from reader.document import Analysis, Span
from reader.ui.widgets.span_index import SpanIndex


@dataclass(frozen=True)
class AnalysisSpans:
    """Everything the view indexes about one analysis."""

    analysis: Analysis
    quotes: SpanIndex  # quote bodies, for ``[``/``]`` and "what is under the cursor"
    entities: SpanIndex  # every mention, for ``e``/``E`` and the status line
    quote_paint: tuple[Span, ...]  # quote bodies and their marks, coloured per speaker
    entity_paint: tuple[Span, ...]
    painted: SpanIndex  # quote and entity paint together (both colourings on)

    @classmethod
    def build(cls, analysis: Analysis) -> AnalysisSpans:
        """Index ``analysis`` (safe to call from a worker thread)."""
        quote_paint = tuple(span_rules.quote_spans(analysis))
        entity_paint = tuple(span_rules.entity_spans(analysis))
        return cls(
            analysis=analysis,
            quotes=SpanIndex(s for s in quote_paint if s.kind == "quote"),
            entities=SpanIndex(entity_paint),
            quote_paint=quote_paint,
            entity_paint=entity_paint,
            painted=SpanIndex(quote_paint + entity_paint),
        )

    def paint_index(self, *, quotes: bool, entities: bool) -> SpanIndex:
        """The painted spans for the colouring toggles."""
        if quotes and entities:
            return self.painted
        return SpanIndex((self.quote_paint if quotes else ()) + (self.entity_paint if entities else ()))
