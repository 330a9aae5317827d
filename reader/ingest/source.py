"""Reading an input's bytes: stdin or a file, with a size cap and one-line errors."""

from __future__ import annotations

import os
import stat
import sys
from typing import BinaryIO

from reader.ingest.errors import IngestError

MAX_BYTES = 64 * 1024 * 1024  # an article or a book is far smaller; more is a mistake
STDIN_NAMES = ("-",)


def display_name(source: str) -> str:
    """How the user sees ``source`` in messages: ``<stdin>`` for ``-``."""
    return "<stdin>" if source in STDIN_NAMES else source


def read_source(source: str) -> bytes:
    """The bytes of ``source`` (``-`` is stdin); raise IngestError for anything unreadable."""
    if source in STDIN_NAMES:
        return _read_capped(sys.stdin.buffer, "<stdin>")
    _check_file(source)
    try:
        with open(source, "rb") as handle:
            return _read_capped(handle, source)
    except OSError as error:
        raise IngestError(_os_message(source, error)) from None


def _check_file(path: str) -> None:
    """Refuse missing paths, directories and oversized files before reading a byte."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise IngestError(_os_message(path, error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(f"{path}: is a directory, not a file")
    if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
        raise IngestError(_too_large(path, info.st_size))


def _read_capped(handle: BinaryIO, name: str) -> bytes:
    """Read at most MAX_BYTES; a stream that goes on past the cap is refused."""
    data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise IngestError(_too_large(name, None))
    return data


def _too_large(name: str, size: int | None) -> str:
    """The one-line message for an input over the cap."""
    limit = f"the limit is {MAX_BYTES // (1024 * 1024)} MB"
    if size is None:
        return f"{name}: too large to read (more than {MAX_BYTES // (1024 * 1024)} MB; {limit})"
    return f"{name}: too large to read ({size / (1024 * 1024):.1f} MB; {limit})"


def _os_message(path: str, error: OSError) -> str:
    """A one-line message for an operating-system error on ``path``."""
    if isinstance(error, FileNotFoundError):
        return f"{path}: no such file"
    if isinstance(error, IsADirectoryError):
        return f"{path}: is a directory, not a file"
    if isinstance(error, PermissionError):
        return f"{path}: permission denied"
    reason = error.strerror or type(error).__name__
    return f"{path}: cannot read ({reason})"
