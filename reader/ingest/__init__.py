"""Bytes -> Document: plain text, Markdown, HTML files and URLs.

``load(source)`` reads a path, ``-`` (stdin) or an http(s) URL and returns the Document
with its canonical text: decoded (charset detection), newlines normalised, control and
bidi characters made inert one for one, structure inferred. Every failure is an
``IngestError`` whose message is one line naming the input. ``Document.meta`` records
``format`` ("text"/"markdown"), ``encoding``, ``bytes`` and, when something deserves a
note (a very large file, bytes that were not valid UTF-8), ``warnings``: one-line strings
for the CLI or the app to show.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import Any

from reader.document import Document
from reader.ingest.decode import decode_bytes, decode_with_encoding
from reader.ingest.errors import IngestError
from reader.ingest.sanitize import clean_text, sanitize_text
from reader.ingest.source import MAX_BYTES, STDIN_NAMES, display_name, read_source

__all__ = ["MAX_BYTES", "IngestError", "decode_bytes", "load", "sanitize_text"]

LARGE_BYTES = 16 * 1024 * 1024  # bigger inputs still load, with a warning in Document.meta
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<?xml version")


def load(source: str | os.PathLike[str]) -> Document:
    """Read ``source`` (a path, ``-`` for stdin, or an http(s) URL) and build its Document."""
    source = _local_path(os.fspath(source))
    if source.lower().startswith(("http://", "https://")):
        return _web_loader("reader.ingest.url", "load_url")(source)
    raw = read_source(source)
    name = display_name(source)
    if not raw.strip():
        raise IngestError(f"{name}: {'holds only blank space' if raw else 'is empty'}, nothing to read")
    if _is_html(source, raw):
        return _web_loader("reader.ingest.html", "load_html")(raw, source)
    text, encoding = decode_with_encoding(raw, name)
    meta: dict[str, Any] = {"encoding": encoding, "bytes": len(raw)}
    warnings = _warnings(name, raw, text, encoding)
    if warnings:
        meta["warnings"] = warnings
    text = clean_text(text)
    if not text.strip():
        raise IngestError(f"{name}: holds only blank space, nothing to read")
    if source.lower().endswith(_MARKDOWN_SUFFIXES) or (source in STDIN_NAMES and _looks_like_markdown(text)):
        from reader.ingest.markdown import parse_markdown

        doc = parse_markdown(text, source, meta)
        if not doc.text.strip():
            raise IngestError(f"{name}: holds no text to read (only front matter, comments or markup)")
        return doc
    from reader.ingest.plain import parse_plain

    return parse_plain(text, source, meta)


def _looks_like_markdown(text: str) -> bool:
    """Whether piped text reads as Markdown (the module is imported only for stdin)."""
    from reader.ingest.markdown import looks_like_markdown

    return looks_like_markdown(text)


def _local_path(source: str) -> str:
    """A ``file://`` URL (as in gloss's own W3C export) as the path it names."""
    if not source.lower().startswith("file://"):
        return source
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(source)
    if parts.netloc not in ("", "localhost"):
        raise IngestError(f"{source}: a file on another host cannot be opened")
    return unquote(parts.path)


def _warnings(name: str, raw: bytes, text: str, encoding: str) -> list[str]:
    """One-line notes for the user about an input that loaded but is not quite right."""
    warnings = []
    if len(raw) > LARGE_BYTES:
        warnings.append(f"{name}: large file ({len(raw) / (1024 * 1024):.1f} MB); analysis may take a while")
    if encoding == "utf-8" and "\ufffd" in text:
        replaced = text.count("\ufffd") - raw.count("\ufffd".encode())
        if replaced > 0:
            warnings.append(f"{name}: {replaced} byte(s) that are not valid UTF-8 are shown as \ufffd")
    return warnings


def _is_html(source: str, raw: bytes) -> bool:
    """An .html/.htm file, or content that starts like an HTML page."""
    if os.path.splitext(source)[1].lower() in _HTML_SUFFIXES:
        return True
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_HTML_STARTS) and (
        b"<html" in raw[:4096].lower() or head.startswith(b"<!doctype html")
    )


def _web_loader(module_name: str, function: str) -> Callable[..., Document]:
    """The HTML/URL loader, imported only when needed (it pulls in the HTML stack)."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name == module_name:
            raise IngestError("HTML/URL input is not supported yet") from None
        raise IngestError(f"HTML/URL input needs a missing module: {error.name}") from None
    return getattr(module, function)
