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
    """Analyse each input and print its JSON (or a short summary without --json)."""
    from reader.analysis import analyze
    from reader.document import analysis_json
    from reader.ingest import load

    for path in args.paths:
        doc = load(path)
        result = analysis_json(doc, analyze(doc))
        if args.json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            _print_summary(result)
    sys.stdout.flush()
    return 0


def _print_summary(result: dict) -> None:
    """A human-readable summary of one analysis."""
    print(f"{result['source']}: {result['title'] or '(untitled)'}")
    print(
        f"  {len(result['blocks'])} blocks, {len(result['quotes'])} quotes, {len(result['entities'])} entities"
    )
    for quote in result["quotes"]:
        if quote["kind"] in ("speech", "partial"):
            print(f"  “{quote['text'][:60]}” — {quote['speaker'] or '?'}")
