"""``http(s)://`` sources: fetch the page (or reopen its stored snapshot) -> Document.

A URL's Document is stored after the first fetch and reopened from the store after
that, so the article opens offline and annotations keep anchoring to the same text;
``refresh=True`` (``gloss refresh URL``) fetches again and replaces the snapshot.
"""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from reader.document import Document
from reader.ingest import page_cache
from reader.ingest.errors import IngestError
from reader.ingest.html import decode_page, load_html
from reader.ingest.sanitize import clean_text
from reader.ingest.web_fetch import MARKDOWN_TYPES, FetchedPage, fetch

_URL = re.compile(r"^https?://[^\s/?#]+", re.I)


def is_url(source: str) -> bool:
    """True for an ``http://`` or ``https://`` address."""
    return bool(_URL.match(source.strip()))


def load_url(url: str, refresh: bool = False, timeout: float | None = None) -> Document:
    """The Document of the page at ``url``: its stored snapshot, or a fresh fetch.

    A fresh fetch is stored as the new snapshot (a failure to store is not an error:
    the article is still read). Raises IngestError for any fetch or extraction failure.
    """
    url = url.strip()
    if not is_url(url):
        raise IngestError(f"cannot open URL: not an http(s) address ({url})")
    if not refresh:
        stored = page_cache.load_snapshot(url)
        if stored is not None:
            return stored
    doc = document_from_page(url, fetch(url, timeout=timeout))
    # a read-only or full disk: the article is still readable, just not offline
    with contextlib.suppress(OSError):
        page_cache.save_snapshot(url, doc)
    return doc


def document_from_page(url: str, page: FetchedPage) -> Document:
    """The Document of a fetched page; ``url`` (as asked for) is its source."""
    if page.content_type in MARKDOWN_TYPES or (
        page.content_type == "text/plain" and _markdown_path(page.url)
    ):
        doc = _text_document(url, page, markdown=True)  # raw files of code hosts are text/plain
    elif page.content_type == "text/plain":
        doc = _text_document(url, page)
    else:
        doc = load_html(page.body, url, charset=page.charset, url=page.url)
    meta = dict(doc.meta)
    meta.update(url=page.url, fetched=datetime.now(UTC).isoformat(timespec="seconds"))
    return Document(doc.text, doc.blocks, url, doc.title, doc.author, meta)


def _markdown_path(url: str) -> bool:
    """Whether the address names a Markdown file (``…/README.md``)."""
    return urlsplit(url).path.lower().endswith((".md", ".markdown"))


def _text_document(url: str, page: FetchedPage, markdown: bool = False) -> Document:
    """A plain-text or Markdown page is read like a local file of that kind."""
    text = clean_text(decode_page(page.body, url, page.charset))
    if not text.strip():
        raise IngestError(f"{url}: the page is empty")
    meta = {"bytes": len(page.body)}
    if markdown:
        from reader.ingest.markdown import parse_markdown

        return parse_markdown(text, url, meta)
    from reader.ingest.plain import parse_plain

    return parse_plain(text, url, meta)
