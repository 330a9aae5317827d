"""Stored snapshots of fetched pages: the extracted article, so a URL reopens offline.

Annotations anchor to the text of a snapshot, so a snapshot is user data, not a
disposable cache: it lives in the user data folder (``$GLOSS_CACHE`` overrides) and is
written atomically (temp file, fsync, ``os.replace``). One JSON file per URL, named by a
hash of the URL without its fragment. A snapshot that cannot be read is treated as
missing (the page is fetched again); it is never a reason to fail.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.document import Block, Document
from reader.ingest.sanitize import sanitize_text

SCHEMA = 1
APP_NAME = "gloss"


def cache_dir() -> Path:
    """The snapshot folder: ``$GLOSS_CACHE/pages``, else ``pages`` in the user data dir."""
    override = os.environ.get("GLOSS_CACHE")
    if override:
        return Path(override).expanduser() / "pages"
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "pages"


def url_key(url: str) -> str:
    """The snapshot name of ``url`` (fragment ignored: it names a place in the same page)."""
    return hashlib.sha256(url.strip().split("#", 1)[0].encode("utf-8")).hexdigest()[:32]


def snapshot_path(url: str) -> Path:
    """Where the snapshot of ``url`` is stored."""
    return cache_dir() / f"{url_key(url)}.json"


def load_snapshot(url: str) -> Document | None:
    """The stored Document of ``url``, or None when there is none (or it is unreadable)."""
    try:
        data = json.loads(snapshot_path(url).read_text(encoding="utf-8"))
        return _from_json(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_snapshot(url: str, doc: Document) -> Path:
    """Store ``doc`` as the snapshot of ``url`` (atomically); return the file written.

    Raises OSError when the folder cannot be written.
    """
    path = snapshot_path(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(_to_json(url, doc), ensure_ascii=False).encode("utf-8")
    fd, temp = tempfile.mkstemp(prefix=".snapshot-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(path.parent)
    return path


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (not possible on every platform; best effort)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _to_json(url: str, doc: Document) -> dict[str, Any]:
    """The snapshot file's content."""
    meta = {k: v for k, v in doc.meta.items() if k != "snapshot"}
    meta.setdefault("fetched", datetime.now(UTC).isoformat(timespec="seconds"))
    return {
        "schema": SCHEMA,
        "url": url,
        "source": doc.source,
        "title": doc.title,
        "author": doc.author,
        "text": doc.text,
        "blocks": [[b.kind, b.start, b.end, b.level, b.lang] for b in doc.blocks],
        "meta": meta,
    }


def _from_json(data: dict[str, Any]) -> Document:
    """A Document from a snapshot file's content (checked: offsets inside the text)."""
    if data.get("schema") != SCHEMA:
        raise ValueError("unknown snapshot schema")
    text = data["text"]
    blocks = tuple(Block(str(k), int(s), int(e), int(lv or 0), lang) for k, s, e, lv, lang in data["blocks"])
    if not isinstance(text, str) or any(not 0 <= b.start <= b.end <= len(text) for b in blocks):
        raise ValueError("snapshot blocks outside the text")
    meta = dict(data.get("meta") or {})
    meta["snapshot"] = True
    # a snapshot is a file anyone can edit: its text is made inert again (one for one)
    return Document(
        text=sanitize_text(text),
        blocks=blocks,
        source=str(data["source"]),
        title=_inert(data.get("title")),
        author=_inert(data.get("author")),
        meta=meta,
    )


def _inert(value: Any) -> str | None:
    """A stored metadata string, sanitised; None for anything else."""
    return sanitize_text(value) if isinstance(value, str) else None
