"""Command-line helpers shared by the store subcommands (annotate, annotations, tags)."""

from __future__ import annotations

import argparse
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotations.model import ArticleRecord
    from annotations.store import Store


def add_store_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    """The ``--store PATH`` option every store command accepts."""
    parser.add_argument(
        "--store",
        metavar="PATH",
        default=default,
        help="the store folder (default: $GLOSS_STORE or the user data folder)",
    )


def open_store(args: argparse.Namespace, *, reading: bool = False) -> Store:
    """The store named by ``--store`` (or the default one).

    ``reading``: the command only reads, so a ``--store`` folder that does not exist is
    a mistyped path, reported rather than created empty.
    """
    from pathlib import Path

    from annotations.errors import StoreError
    from annotations.store import Store

    path = getattr(args, "store", None)
    if path is not None and not str(path).strip():
        raise StoreError("--store needs a folder path")
    if reading and path is not None and not Path(path).expanduser().exists():
        raise StoreError(f"no gloss store at {path}")
    return Store.open(path)


def inert(text: str | None) -> str:
    """``text`` safe for a terminal: control characters shown as ``\\xNN`` escapes."""
    if not text:
        return ""
    return "".join(
        ch if ch in "\n\t" or not unicodedata.category(ch).startswith("C") else repr(ch)[1:-1] for ch in text
    )


def one_line(text: str, width: int = 70) -> str:
    """``text`` on one line, shortened with an ellipsis."""
    flat = " ".join(inert(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def moved_record(store: Store, text_fingerprint: str) -> ArticleRecord | None:
    """A stored article with this text whose source file is gone: the file was moved or
    renamed, and its highlights belong to the file with this text now."""
    import os

    return next(
        (
            r
            for r in store.articles()
            if r.fingerprint == text_fingerprint and os.path.isabs(r.source) and not os.path.exists(r.source)
        ),
        None,
    )
