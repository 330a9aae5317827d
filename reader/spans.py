"""Turn a document and its analysis into the styled spans the view and lexer draw."""

from __future__ import annotations

from reader.document import Analysis, Document, Span
from reader.tokens import ENTITY_KIND

STYLED_BLOCKS = {"title", "heading", "pull_quote", "blockquote", "caption", "byline", "code", "boilerplate"}
SPEAKER_SLOTS = 8  # size of the per-speaker quote palette


def block_spans(doc: Document) -> list[Span]:
    """One span per block whose kind is drawn apart (headings, pull quotes …)."""
    return [Span(b.start, b.end, b.kind, b.level) for b in doc.blocks if b.kind in STYLED_BLOCKS]


def speaker_slots(analysis: Analysis) -> dict[str, int]:
    """A stable palette slot per speaker: most quoted first, ties in order of first quote.

    The palette repeats after ``SPEAKER_SLOTS`` speakers; ranking by quote count makes
    the repeats fall on minor voices, never on the article's two main speakers.
    """
    counts: dict[str, int] = {}
    for quote in sorted(analysis.quotes, key=lambda q: q.start):
        if quote.speaker:
            counts[quote.speaker] = counts.get(quote.speaker, 0) + 1
    ranked = sorted(counts, key=lambda speaker: -counts[speaker])  # stable: first quote breaks ties
    return {speaker: index % SPEAKER_SLOTS + 1 for index, speaker in enumerate(ranked)}


def quote_spans(analysis: Analysis) -> list[Span]:
    """Quote bodies coloured by speaker (slot 0: no speaker) and their marks."""
    slots = speaker_slots(analysis)
    out: list[Span] = []
    for index, quote in enumerate(analysis.quotes):
        group = slots.get(quote.speaker or "", 0)
        inner_start, inner_end = quote.inner
        out.append(Span(quote.start, quote.end, "quote", group, index))
        if quote.start < inner_start:
            out.append(Span(quote.start, inner_start, "quote.mark", group, index))
        if inner_end < quote.end:
            out.append(Span(inner_end, quote.end, "quote.mark", group, index))
    return out


def entity_spans(analysis: Analysis) -> list[Span]:
    """One span per entity mention, kind by entity type, ``ref`` the entity id."""
    out: list[Span] = []
    for ent in analysis.entities:
        kind = ENTITY_KIND.get(ent.type, "entity.misc")
        out.extend(Span(s, e, kind, 0, ent.id) for s, e in ent.mentions)
    return out


def document_spans(
    doc: Document, analysis: Analysis | None = None, *, quotes: bool = True, entities: bool = True
) -> list[Span]:
    """All spans for a document, sorted by start (then longest first)."""
    spans = block_spans(doc)
    if analysis is not None:
        if quotes:
            spans += quote_spans(analysis)
        if entities:
            spans += entity_spans(analysis)
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans
