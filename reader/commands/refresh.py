"""``gloss refresh URL…``: fetch pages again, store the new snapshots, re-anchor notes."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from annotations.cli import add_store_option, inert, open_store
from reader.errors import GlossError

DESCRIPTION = """Fetch web pages again and re-anchor their highlights on the new text.

gloss keeps a snapshot of every page it opened, so a URL reopens offline and highlights
stay put. refresh replaces the snapshot with the page as it is now and reports how many
highlights were found exactly (ok), moved (drifted) or lost (orphan; kept, never dropped)."""


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``refresh``."""
    parser.add_argument("urls", nargs="+", metavar="URL", help="http(s) addresses opened before")
    parser.add_argument("--timeout", type=seconds, default=None, help="seconds for each fetch (default 15)")
    add_store_option(parser)


def seconds(value: str) -> float:
    """A ``--timeout``: a positive, finite number of seconds (at most a day)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 < number <= 86_400:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most 86400 seconds, not {value}")
    return number


def run(args: argparse.Namespace) -> int:
    """Re-fetch each URL, re-anchor its annotations and print one summary line per URL."""
    from annotations.keys import fingerprint
    from reader.ingest.url import load_url

    status = 0
    with open_store(args) as store:
        for url in args.urls:
            try:
                doc = load_url(url, refresh=True, timeout=args.timeout)
            except GlossError as error:  # one unreachable page must not stop the others
                print(f"gloss: {error}", file=sys.stderr)
                status = 2
                continue
            record = store.find_article(doc.source, doc.text)
            if record is None:
                print(f"{inert(url)}: snapshot stored ({len(doc.text)} characters); no highlights yet")
                continue
            changed = record.fingerprint != fingerprint(doc.text)
            record = store.register_document(doc)
            state = "text changed" if changed else "text unchanged"
            print(f"{inert(url)}: {state}; {_summary(store.annotations(record.key))}")
    return status


def _summary(notes: list) -> str:
    """'3 highlights: 2 ok, 1 drifted, 0 orphan'."""
    counts = Counter(note.status for note in notes)
    parts = ", ".join(f"{counts.get(status, 0)} {status}" for status in ("ok", "drifted", "orphan"))
    plural = "" if len(notes) == 1 else "s"
    return f"{len(notes)} highlight{plural}: {parts}"
