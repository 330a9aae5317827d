"""``gloss analyze PATH… --json``: the analysis JSON, one object per input per line."""

from __future__ import annotations

import argparse
import json
import sys

DESCRIPTION = "Analyse articles: quotes with speakers, entities, structure."


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``analyze``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files, URLs, or - for stdin")
    parser.add_argument("--json", action="store_true", help="print the analysis JSON (one object per line)")


def run(args: argparse.Namespace) -> int:
    """Analyse each input and print its JSON (or a short summary without --json).

    A bad input does not stop the others: its one-line error goes to stderr, nothing
    goes to stdout for it, and the exit status is 2.
    """
    from reader.errors import GlossError

    status = 0
    for path in args.paths:
        try:
            result = _analyse(path)
        except GlossError as error:
            print(f"gloss: {error}", file=sys.stderr)
            status = 2
            continue
        if args.json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            _print_summary(result)
    sys.stdout.flush()
    return status


def _analyse(path: str) -> dict:
    """The analysis JSON of one input, printing its ingest warnings to stderr."""
    from reader.analysis import analyze
    from reader.document import analysis_json
    from reader.ingest import load

    doc = load(path)
    for warning in doc.meta.get("warnings") or ():
        print(f"gloss: warning: {warning}", file=sys.stderr)
    return analysis_json(doc, analyze(doc))


def _print_summary(result: dict) -> None:
    """A human-readable summary of one analysis."""
    print(f"{result['source']}: {result['title'] or '(untitled)'}")
    print(
        f"  {len(result['blocks'])} blocks, {len(result['quotes'])} quotes, {len(result['entities'])} entities"
    )
    for quote in result["quotes"]:
        if quote["kind"] in ("speech", "partial"):
            print(f"  “{quote['text'][:60]}” — {quote['speaker'] or '?'}")
