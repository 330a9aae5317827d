"""``http(s)://`` sources: fetch the page (or reopen its stored snapshot) -> Document.

A URL's Document is stored after the first fetch and reopened from the store after
that, so the article opens offline and annotations keep anchoring to the same text;
``refresh=True`` (``gloss refresh URL``) fetches again and replaces the snapshot.
"""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime

from reader.document import Document
from reader.ingest import page_cache
from reader.ingest.errors import IngestError
from reader.ingest.html import decode_page, load_html
from reader.ingest.sanitize import clean_text
from reader.ingest.web_fetch import FetchedPage, fetch

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
    if page.content_type == "text/plain":
        doc = _plain_document(url, page)
    else:
        doc = load_html(page.body, url, charset=page.charset, url=page.url)
    meta = dict(doc.meta)
    meta.update(url=page.url, fetched=datetime.now(UTC).isoformat(timespec="seconds"))
    return Document(doc.text, doc.blocks, url, doc.title, doc.author, meta)


def _plain_document(url: str, page: FetchedPage) -> Document:
    """A plain-text page goes through the same structure inference as a local text file."""
    from reader.ingest.plain import parse_plain

    text = clean_text(decode_page(page.body, url, page.charset))
    if not text.strip():
        raise IngestError(f"{url}: the page is empty")
    return parse_plain(text, url, {"bytes": len(page.body)})
