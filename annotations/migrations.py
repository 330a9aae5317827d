"""Schema versions of the store files and the migrations between them.

Every store file is a TinyDB JSON document ``{table: {doc_id: record}}`` with a ``_meta``
table holding ``{"1": {"schema": N, "kind": "index" | "article"}}``.

History:

- **v1** (no ``_meta`` table): annotations were flat records (``exact``, ``prefix``,
  ``suffix``, ``start``, ``end`` beside ``tag`` and ``note``) without ``status`` or
  ``updated``; tags spelt ``color``; TinyDB's counting document ids.
- **v2**: annotations hold a nested ``target`` and an anchoring ``status``; articles have
  ``last_opened``/``length``; tags spell ``colour``; document ids are derived from each
  record's own key (see ``annotations.keys.doc_id_for``).

``migrate`` upgrades a file's data in memory, one step at a time; the storage writes the
upgraded form on the next save (after keeping the original beside it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotations.keys import doc_id_for, tag_doc_id

SCHEMA_VERSION = 2
META_TABLE = "_meta"

Tables = dict[str, dict[str, dict[str, Any]]]


def schema_of(data: Tables) -> int:
    """The schema version recorded in a file's data (1 when it predates ``_meta``)."""
    meta = data.get(META_TABLE) or {}
    record = meta.get("1") or {}
    return int(record.get("schema", 1))


def stamp(data: Tables, kind: str) -> Tables:
    """Record the current schema version and file kind in ``data`` (in place)."""
    data[META_TABLE] = {"1": {"schema": SCHEMA_VERSION, "kind": kind}}
    return data


def _rekey(table: dict[str, dict[str, Any]], field: str) -> dict[str, dict[str, Any]]:
    """Re-index a v1 table by the derived document id of each record's ``field``."""
    derive = tag_doc_id if field == "name" else doc_id_for
    return {str(derive(str(rec[field]))): rec for rec in table.values() if rec.get(field) is not None}


def _annotation_v1_to_v2(rec: dict[str, Any]) -> dict[str, Any]:
    target = {
        name: rec.get(name, "" if name in ("exact", "prefix", "suffix") else 0)
        for name in ("exact", "prefix", "suffix", "start", "end")
    }
    created = rec.get("created") or ""
    return {
        "id": rec["id"],
        "article": rec.get("article", ""),
        "target": target,
        "tag": rec.get("tag"),
        "note": rec.get("note") or "",
        "created": created,
        "updated": rec.get("updated") or created,
        "status": rec.get("status") or "ok",
    }


def _v1_to_v2(data: Tables) -> Tables:
    """Nest annotation targets, add statuses, spell ``colour``, derive document ids."""
    out: Tables = {}
    if "annotations" in data:
        notes = {k: _annotation_v1_to_v2(v) for k, v in data["annotations"].items()}
        out["annotations"] = _rekey(notes, "id")
    if "articles" in data:
        articles = {}
        for key, rec in data["articles"].items():
            rec = dict(rec)
            rec.setdefault("last_opened", rec.get("added"))
            rec.setdefault("length", 0)
            articles[key] = rec
        out["articles"] = _rekey(articles, "key")
    if "tags" in data:
        tags = {}
        for key, rec in data["tags"].items():
            rec = dict(rec)
            rec["colour"] = rec.pop("color", None) or rec.get("colour") or "#f7e27a"
            tags[key] = rec
        out["tags"] = _rekey(tags, "name")
    for name, table in data.items():
        if name not in out and name != META_TABLE:
            out[name] = table
    return out


# from-version -> function producing the next version's data
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {1: _v1_to_v2}


def migrate(data: Tables, kind: str) -> tuple[Tables, int]:
    """Upgrade ``data`` to ``SCHEMA_VERSION``; return it with the version it was found at.

    The caller has already refused versions newer than ``SCHEMA_VERSION``.
    """
    found = version = schema_of(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    if found != SCHEMA_VERSION or META_TABLE not in data:
        stamp(data, kind)
    return data, found
