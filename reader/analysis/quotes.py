"""Direct quotations and their speakers.

``find_quotes`` pairs the quote marks (``quote_marks``), finds each quote's speaker
(``speakers``), classifies it (``quote_kinds``) and links every speaker to an entity
(``quote_entities``), adding a PERSON or ORG entity for a speaker the entity finder missed
(MISC for a speaker the article only describes: "the Vermont senator").
"""

from __future__ import annotations

from reader.analysis.gc_pause import cyclic_gc_paused
from reader.analysis.quote_entities import link_speakers
from reader.analysis.quote_kinds import classify, find_pull_twins, nested_kind
from reader.analysis.quote_marks import RawQuote, find_double_quotes, find_single_quotes, paragraphs
from reader.analysis.speakers import Attribution, attribute
from reader.document import Document, Entity, Quote


@cyclic_gc_paused()
def find_quotes(doc: Document, entities: list[Entity]) -> tuple[list[Quote], list[Entity]]:
    """The quotes of the document, and the entity list (speakers may add entities)."""
    text = doc.text
    paras = paragraphs(text, doc.blocks)
    found = find_double_quotes(text, paras)
    top = [q for q in found if q.depth == 0]
    nested = [q for q in found if q.depth > 0]
    for quote in top:
        nested.extend(find_single_quotes(text, quote))
    atts = attribute(text, paras, top)
    pull_blocks = [(b.start, b.end) for b in doc.blocks if b.kind == "pull_quote"]
    pulls = find_pull_twins(text, top, atts, paras, pull_blocks)
    kinds = [classify(text, top, i, a, paras[q.para]) for i, (q, a) in enumerate(zip(top, atts, strict=True))]
    for index, twin in pulls.items():
        kinds[index] = "pull"
        if twin is not None and atts[twin].speaker:
            atts[index] = Attribution(atts[twin].cue, atts[twin].speaker, "twin")
    speakers, entities = link_speakers(atts, kinds, entities)
    quotes = [_quote(text, q, kinds[i], speakers[i], atts[i]) for i, q in enumerate(top)]
    quotes += [_quote(text, q, nested_kind(text, q), (None, None), None) for q in nested]
    return _link_twins(quotes, pulls), entities


def _quote(
    text: str, raw: RawQuote, kind: str, speaker: tuple[str | None, str | None], att: Attribution | None
) -> Quote:
    """The Quote for one paired quotation."""
    name, entity_id = speaker
    cue = att.cue.verb if att is not None and att.cue is not None and name else None
    return Quote(
        start=raw.start,
        end=raw.end,
        text=text[raw.content_start : raw.content_end],
        kind=kind,
        speaker=name,
        speaker_entity=entity_id,
        cue=cue,
        content_start=raw.content_start,
        content_end=raw.content_end,
    )


def _link_twins(quotes: list[Quote], pulls: dict[int, int | None]) -> list[Quote]:
    """Sort the quotes by position and point each pull quote at its twin's new index."""
    order = [i for _, _, i in sorted((q.start, -q.end, i) for i, q in enumerate(quotes))]
    new_index = {old: new for new, old in enumerate(order)}
    out = [quotes[i] for i in order]
    for old, twin in pulls.items():
        if twin is not None:
            new = new_index[old]
            out[new] = _replace_twin(out[new], new_index[twin])
    return out


def _replace_twin(quote: Quote, twin: int) -> Quote:
    """The quote with ``twin`` set (Quote is frozen)."""
    from dataclasses import replace

    return replace(quote, twin=twin)
