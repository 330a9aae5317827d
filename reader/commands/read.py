"""``gloss [FILE|-]``: open an article in the reading view.

The document is loaded before the TUI starts, so bad input fails with gloss's one-line
error instead of a broken screen. Textual is imported only here, when the TUI opens.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from reader.document import Document
from reader.errors import GlossError

DESCRIPTION = "Read an article in the terminal: who said what, highlights and notes."
MIN_WIDTH = 20


class ReadError(GlossError):
    """A reader option that cannot be honoured."""


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of the reader."""
    parser.add_argument("file", nargs="?", metavar="FILE", help="article file or URL; - reads stdin")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample article")
    parser.add_argument(
        "--store", metavar="PATH", help="annotation store folder (default: $GLOSS_STORE or the user data dir)"
    )
    parser.add_argument(
        "--theme", metavar="NAME", help="colour theme (gloss-dark, gloss-light or a Textual theme)"
    )
    parser.add_argument("--width", metavar="CELLS", type=int, help="width of the text column (default 76)")
    parser.add_argument(
        "--at", metavar="OFFSET", type=int, help="open with the cursor at this character offset"
    )


def run(args: argparse.Namespace) -> int:
    """Load the article, then open the reader on it."""
    # No garbage collection while start-up allocates (Textual's import, the document, the
    # first layout): each pass would trace the same long-lived objects again. The first
    # screen turns it back on after its first paint; ``finally`` is the safety net.
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    """Load the article, then open the reader on it (the collector is off until it shows)."""
    from reader.ingest import load
    from reader.ui.app import SAMPLE

    if args.width is not None and args.width < MIN_WIDTH:
        raise ReadError(f"--width must be at least {MIN_WIDTH} cells")
    if args.at is not None and args.at < 0:
        raise ReadError("--at must be an offset of 0 or more")
    library = not args.file and not args.sample and _store_has_articles(args.store)
    source = str(SAMPLE) if args.sample or not args.file else args.file
    document = Document("", (), "") if library else load(source)
    if source == "-":
        _reattach_terminal()

    from reader.ui.annotating.start import shutdown
    from reader.ui.app import make_app
    from reader.ui.config import known_themes, load_config

    config = load_config(themes=known_themes())
    for warning in config.warnings:
        print(f"gloss: warning: {warning}", file=sys.stderr)
    app = make_app(
        document,
        store_path=args.store,
        theme=args.theme,
        width=args.width,
        at=args.at,
        start_in_library=library,
        config=config,
    )
    app.run()
    shutdown(app)
    return app.return_code or 0


def _store_has_articles(store_path: str | None) -> bool:
    """Whether the store lists any article (then gloss without FILE opens the library)."""
    from annotations.errors import StoreError
    from annotations.store import Store

    try:
        with Store.open(store_path) as store:
            return bool(store.articles())
    except StoreError:
        return False


def _reattach_terminal() -> None:
    """After reading the article from a pipe, read keys from the terminal instead."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise ReadError("stdin was the article and there is no terminal to read keys from") from None
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 (fd 0 stays open for Textual)
