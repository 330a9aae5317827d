"""``gloss [FILE|-]``: open an article in the reading view (placeholder until the UI lands)."""

from __future__ import annotations

import argparse

DESCRIPTION = "Read an article in the terminal: who said what, highlights and notes."


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of the reader."""
    parser.add_argument("file", nargs="?", metavar="FILE", help="article file or URL; - reads stdin")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample article")
    parser.add_argument(
        "--store", metavar="PATH", help="annotation store folder (default: $GLOSS_STORE or the user data dir)"
    )


def run(args: argparse.Namespace) -> int:
    """Open the reader."""
    raise NotImplementedError
