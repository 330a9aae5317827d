"""The user's work: annotations, articles and tags, their anchoring and their store.

Headless (no Textual). ``Store`` is imported lazily so that
``from annotations.model import …`` stays cheap. Re-anchoring: ``annotations.anchor``.
"""

from __future__ import annotations

from typing import Any

from annotations.errors import CorruptStoreError, StoreError
from annotations.model import DEFAULT_TAGS, Annotation, ArticleRecord, Tag, Target

__all__ = [
    "DEFAULT_TAGS",
    "Annotation",
    "ArticleRecord",
    "CorruptStoreError",
    "Store",
    "StoreError",
    "Tag",
    "Target",
]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from annotations.store import Store

        return Store
    raise AttributeError(name)
