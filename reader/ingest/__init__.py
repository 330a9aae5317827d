"""Bytes -> Document: plain text, Markdown, HTML files and URLs.

``load(source)`` reads a path, ``-`` (stdin) or an http(s) URL and returns the Document
with its canonical text: decoded (charset detection), newlines normalised, control and
bidi characters made inert one for one, structure inferred. Every failure is an
``IngestError`` whose message is one line naming the input.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable

from reader.document import Document
from reader.ingest.decode import decode_bytes, decode_with_encoding
from reader.ingest.errors import IngestError
from reader.ingest.sanitize import clean_text, sanitize_text
from reader.ingest.source import MAX_BYTES, display_name, read_source

__all__ = ["MAX_BYTES", "IngestError", "decode_bytes", "load", "sanitize_text"]

_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<?xml version")


def load(source: str) -> Document:
    """Read ``source`` (a path, ``-`` for stdin, or an http(s) URL) and build its Document."""
    if source.lower().startswith(("http://", "https://")):
        return _web_loader("reader.ingest.url", "load_url")(source)
    raw = read_source(source)
    name = display_name(source)
    if not raw.strip():
        raise IngestError(f"{name}: {'holds only blank space' if raw else 'is empty'}, nothing to read")
    if _is_html(source, raw):
        return _web_loader("reader.ingest.html", "load_html")(raw, source)
    text, encoding = decode_with_encoding(raw, name)
    text = clean_text(text)
    if not text.strip():
        raise IngestError(f"{name}: holds only blank space, nothing to read")
    meta = {"encoding": encoding, "bytes": len(raw)}
    if source.lower().endswith(_MARKDOWN_SUFFIXES):
        from reader.ingest.markdown import parse_markdown

        return parse_markdown(text, source, meta)
    from reader.ingest.plain import parse_plain

    return parse_plain(text, source, meta)


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
