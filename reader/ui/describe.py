"""One-line descriptions of what is under the reading cursor (for the status line).

Everything here is built as ``Content`` from article text, so names and quotes are
shown literally and never parsed as markup.
"""

from __future__ import annotations

from textual.content import Content

from reader.document import Analysis, Document, Entity, Quote

TYPE_NAMES = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "PLACE": "Place",
    "DATE": "Date",
    "NUMBER": "Number",
    "GROUP": "Group",
    "MISC": "Name",
}
BLOCK_NAMES = {
    "title": "Title",
    "heading": "Heading",
    "paragraph": "Paragraph",
    "pull_quote": "Pull quote",
    "blockquote": "Block quote",
    "list_item": "List item",
    "caption": "Caption",
    "byline": "Byline",
    "code": "Code",
    "boilerplate": "Boilerplate",
}
QUOTE_NAMES = {"speech": "Quote", "partial": "Partial quote", "pull": "Pull quote", "scare": "Scare quote"}


def describe_entity(entity: Entity) -> Content:
    """ "Person — Ethan Nadelmann · founder … · 4 mentions"."""
    parts = [entity.name]
    if entity.role:
        parts.append(entity.role)
    if entity.expansion and entity.expansion != entity.name:
        parts.append(entity.expansion)
    count = len(entity.mentions)
    parts.append(f"{count} mention" + ("" if count == 1 else "s"))
    return Content.from_markup(
        "[b]$kind[/b] — $rest", kind=TYPE_NAMES.get(entity.type, "Name"), rest=" · ".join(parts)
    )


def describe_quote(quote: Quote, analysis: Analysis) -> Content:
    """ "Quote — Ethan Nadelmann, the founder … (told)"."""
    kind = QUOTE_NAMES.get(quote.kind, "Term")
    if not quote.speaker:
        who = "no speaker" if quote.kind in ("scare", "term") else "unattributed"
        return Content.from_markup("[b]$kind[/b] — $who", kind=kind, who=who)
    speaker = analysis.entity(quote.speaker_entity) if quote.speaker_entity else None
    if speaker is None:
        speaker = next((e for e in analysis.entities if e.name == quote.speaker), None)
    who = quote.speaker
    if speaker is not None and speaker.role:
        who += ", " + speaker.role
    if quote.cue:
        who += f" ({quote.cue})"
    return Content.from_markup("[b]$kind[/b] — $who", kind=kind, who=who)


def describe_block(document: Document, offset: int) -> Content:
    """The kind of block under the cursor ("Paragraph", "Heading" …)."""
    block = document.block_at(offset)
    name = BLOCK_NAMES.get(block.kind, block.kind.title()) if block else ""
    return Content(name)
