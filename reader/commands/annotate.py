"""``gloss annotate FILE --quote TEXT``: add a highlight to an article from the command line."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from annotations.cli import add_store_option, inert, one_line, open_store
from reader.errors import GlossError

if TYPE_CHECKING:
    from annotations.model import Annotation
    from annotations.store import Store

DESCRIPTION = """Add a highlight to an article (registering the article in the store).

The quote must appear in the article's text (whitespace may differ); --occurrence picks
among repeats. Prints the new annotation's id."""


class AnnotateError(GlossError):
    """A quote or tag the article or store does not have."""


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``annotate``."""
    parser.add_argument("file", metavar="FILE", help="the article (a path or URL)")
    parser.add_argument("--quote", required=True, metavar="TEXT", help="the exact text to highlight")
    parser.add_argument("--occurrence", type=int, default=1, metavar="N", help="which repeat (from 1)")
    parser.add_argument("--tag", metavar="NAME", help="a tag name (see gloss tags)")
    parser.add_argument("--note", default="", metavar="TEXT", help="a Markdown note")
    parser.add_argument("--json", action="store_true", help="print the annotation as JSON")
    add_store_option(parser)


def run(args: argparse.Namespace) -> int:
    """Find the quote, save the highlight, print its id."""
    from annotations.anchor import occurrences
    from annotations.model import Annotation, Target
    from reader.ingest import load

    quote = args.quote.strip()
    if not quote:
        raise AnnotateError("--quote cannot be empty")
    if args.occurrence < 1:
        raise AnnotateError("--occurrence counts from 1")
    doc = load(args.file)
    spans = occurrences(quote, doc.text)
    if not spans:
        raise AnnotateError(f"quote not found in {args.file}: {one_line(quote, 60)!r}")
    if args.occurrence > len(spans):
        raise AnnotateError(f"the quote occurs {len(spans)} time(s), not {args.occurrence}")
    start, end = spans[args.occurrence - 1]
    with open_store(args) as store:
        if args.tag is not None and store.tag(args.tag) is None:
            names = ", ".join(tag.name for tag in store.tags()) or "none"
            raise AnnotateError(f"unknown tag {args.tag!r} (tags: {names})")
        record = store.register_document(doc)
        note = _same_highlight(store, record.key, start, end, args.tag, args.note)
        if note is None:
            note = Annotation(
                record.key, Target.from_text(doc.text, start, end), tag=args.tag, note=args.note
            )
            note = store.add(note)
    if args.json:
        from reader.commands.annotations import annotation_row

        print(json.dumps(annotation_row(record, note), ensure_ascii=False))
    else:
        print(note.id)
        if note.tag:
            print(f"  [{inert(note.tag)}] {one_line(note.exact)}")
    return 0


def _same_highlight(
    store: Store, article: str, start: int, end: int, tag: str | None, note: str
) -> Annotation | None:
    """An existing highlight of exactly this passage, tag and note: running a script twice
    must not stack duplicates, so it is answered with the highlight already there."""
    for existing in store.annotations(article):
        if (existing.start, existing.end, existing.tag, existing.note) == (start, end, tag, note):
            return existing
    return None
