"""``gloss print FILE``: the analysed article, wrapped and coloured for the terminal.

Never imports Textual: this is the fast way to read an article in a pipe or a pager.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys

DESCRIPTION = """Print an article wrapped and coloured: quotes by speaker, entities, headings.

Colour follows the terminal (truecolor, 256 or 16 colours); the output is plain when it
is not a terminal or NO_COLOR is set, unless --color always."""

MIN_WIDTH, MAX_AUTO_WIDTH = 20, 80


def _width(value: str) -> int:
    """``--width``: a whole number of cells, at least MIN_WIDTH."""
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if width < MIN_WIDTH:
        raise argparse.ArgumentTypeError(f"must be at least {MIN_WIDTH}")
    return width


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``print``."""
    parser.add_argument("path", metavar="FILE", help="article file, URL, or - for stdin")
    parser.add_argument(
        "--style",
        help="gloss-dark or gloss-light (default: by COLORFGBG, else dark); "
        "another Pygments style colours only code",
    )
    parser.add_argument(
        "--width",
        type=_width,
        help=f"line width in cells (default: terminal width, at most {MAX_AUTO_WIDTH})",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output: auto (a terminal without NO_COLOR), always or never",
    )


def use_colour(choice: str, stream: object = None) -> bool:
    """Whether to colour: ``always``/``never`` decide; ``auto`` asks the terminal and NO_COLOR."""
    if choice != "auto":
        return choice == "always"
    stream = sys.stdout if stream is None else stream
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def page_width(requested: int | None) -> int:
    """The requested width, else the terminal's capped at MAX_AUTO_WIDTH."""
    if requested:
        return requested
    columns = shutil.get_terminal_size((MAX_AUTO_WIDTH, 24)).columns
    return max(MIN_WIDTH, min(columns, MAX_AUTO_WIDTH))


def run(args: argparse.Namespace) -> int:
    """Load, analyse, lay out and write the article."""
    from reader.analysis import analyze
    from reader.ingest import load
    from reader.lexer import article_tokens
    from reader.print_style import colour_depth, default_style_name, style_by_name, terminal_formatter
    from reader.printing import plain_text, print_tokens
    from reader.spans import speaker_slots

    colour = use_colour(args.color)
    style_name = args.style or default_style_name()
    style_by_name(style_name, terminal=True)  # an unknown style is an error even in plain output
    doc = load(args.path)
    analysis = analyze(doc)
    width = page_width(args.width)
    # a legend of speaker colours only means something when there is colour
    # in order of first quote: past the palette's size slots repeat, and the legend names
    # the first speakers, not whoever shares slot 1
    speakers = list(speaker_slots(analysis).items()) if colour else []
    pairs = print_tokens(doc, article_tokens(doc, analysis), width, speakers)
    if colour:
        from pygments import format as format_tokens

        page = format_tokens(pairs, terminal_formatter(style_name, colour_depth()))
    else:
        page = plain_text(pairs)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # a non-UTF-8 terminal gets "?" not a crash
    sys.stdout.write(page)
    sys.stdout.flush()
    return 0
