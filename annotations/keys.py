"""Stable keys: the article key rule, content fingerprints and TinyDB document ids.

- An article's key comes from its *source* (absolute path, or URL without fragment), so
  editing a file or re-fetching a page keeps its key and its annotations get re-anchored.
  Text without a source (stdin) is keyed by its content.
- The fingerprint is a hash of the canonical text: it tells when the text changed.
- TinyDB document ids are derived from a record's own key (annotation id, article key,
  tag name), so two processes writing the same file never race for "the next id".
"""

from __future__ import annotations

import hashlib
import os
import re

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_NO_SOURCE = {"", "-", "<stdin>", "stdin"}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def fingerprint(text: str) -> str:
    """The content fingerprint of an article's canonical text."""
    return "sha256:" + _digest(text)


def normalise_source(source: str) -> str:
    """The canonical form of a source: URLs without fragment, paths absolute."""
    source = source.strip()
    if source in _NO_SOURCE:
        return ""
    if _URL.match(source):
        return source.split("#", 1)[0]
    return os.path.abspath(os.path.expanduser(source))


def article_key(source: str, text: str = "") -> str:
    """The store key of an article: from its source, or from its text when it has none."""
    normal = normalise_source(source)
    if normal:
        return _digest("source:" + normal)[:20]
    return "text-" + _digest(text)[:15]


def doc_id_for(key: str) -> int:
    """The TinyDB document id for a record whose own key is ``key`` (60 bits of its hash)."""
    return int(_digest(key)[:15], 16)


def tag_doc_id(name: str) -> int:
    """The TinyDB document id of the tag called ``name`` (any case, any spacing)."""
    return doc_id_for("tag:" + " ".join(name.split()).casefold())
