"""``gloss annotations [FILE] [--json]``: list highlights of one article or of all."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from annotations.cli import add_store_option, inert, moved_record, one_line, open_store

DESCRIPTION = """List highlights and notes (of FILE, or of every article in the store).

--json prints a JSON array: id, article, source, title, exact, tag, note, status, start, end,
prefix, suffix, created, updated (annotate --json prints one such object)."""


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``annotations``."""
    parser.add_argument("file", nargs="?", metavar="FILE", help="an article (default: all articles)")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    add_store_option(parser)


def run(args: argparse.Namespace) -> int:
    """Print the highlights."""
    with open_store(args, reading=True) as store:
        records = store.articles() if args.file is None else [_record_for(store, args.file)]
        rows = [
            annotation_row(record, note)
            for record in records
            if record
            for note in store.annotations(record.key)
        ]
    if args.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for row in rows:
            note = f" — {one_line(row['note'], 40)}" if row["note"] else ""
            tag = f"[{inert(row['tag'])}] " if row["tag"] else ""
            print(
                f"{inert(row['source'])}:{row['start']}-{row['end']} {tag}{row['status']} “{one_line(row['exact'])}”{note}"
            )
    return 0


def _record_for(store: Any, source: str) -> Any:
    """The store record of ``source``, re-anchored first when the file changed since."""
    from annotations.keys import fingerprint
    from reader.errors import GlossError
    from reader.ingest import load

    try:
        doc = load(source)
    except GlossError:
        # a file deleted or unreadable since: its saved highlights are still worth listing
        saved = store.find_article(source) if source != "-" else None
        if saved is None:
            raise
        return saved
    record = store.find_article(doc.source, doc.text)
    if record is not None and record.fingerprint != fingerprint(doc.text):
        record = store.register_document(doc)
    elif record is None and moved_record(store, fingerprint(doc.text)) is not None:
        record = store.register_document(doc)  # the store follows a file moved or renamed
    return record


def annotation_row(record: Any, note: Any) -> dict[str, Any]:
    """One annotation as the JSON object ``annotations --json`` and ``annotate --json`` print."""
    return {
        "id": note.id,
        "article": record.key,
        "source": record.source,
        "title": record.title,
        "exact": note.exact,
        "tag": note.tag,
        "note": note.note,
        "status": note.status,
        "start": note.start,
        "end": note.end,
        "prefix": note.target.quote.prefix,
        "suffix": note.target.quote.suffix,
        "created": note.created,
        "updated": note.updated,
    }
