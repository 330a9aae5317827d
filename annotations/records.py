"""The shape of the records in a store file, checked when the file is read.

JSON that parses is not yet a store: a hand-edited file can hold a title that is a
number or a tag without a name, and such a record would fail far from here (a sort, an
export) as an internal error. ``check_records`` names the first bad field instead, so
the storage reports the file as unreadable and keeps it untouched, like invalid JSON.
Fields gloss does not know are allowed (a newer gloss may add some).
"""

from __future__ import annotations

from typing import Any

TEXT = (str,)
OPTIONAL_TEXT = (str, type(None))
OPTIONAL_INT = (int, type(None))

# table -> field -> (accepted types, required)
FIELDS: dict[str, dict[str, tuple[tuple[type, ...], bool]]] = {
    "tags": {"name": (TEXT, True), "key": (OPTIONAL_TEXT, False), "colour": (OPTIONAL_TEXT, False)},
    "articles": {
        "key": (TEXT, True),
        "source": (OPTIONAL_TEXT, False),
        "title": (OPTIONAL_TEXT, False),
        "author": (OPTIONAL_TEXT, False),
        "fingerprint": (OPTIONAL_TEXT, False),
        "added": (OPTIONAL_TEXT, False),
        "last_opened": (OPTIONAL_TEXT, False),
        "position": (OPTIONAL_INT, False),
        "length": (OPTIONAL_INT, False),
    },
    "annotations": {
        "id": (TEXT, True),
        "article": (TEXT, True),
        "target": ((dict,), True),
        "tag": (OPTIONAL_TEXT, False),
        "note": (OPTIONAL_TEXT, False),
        "created": (OPTIONAL_TEXT, False),
        "updated": (OPTIONAL_TEXT, False),
        "status": (OPTIONAL_TEXT, False),
    },
}
TARGET_FIELDS: dict[str, tuple[tuple[type, ...], bool]] = {
    "exact": (TEXT, True),
    "prefix": (OPTIONAL_TEXT, False),
    "suffix": (OPTIONAL_TEXT, False),
    "start": ((int,), True),
    "end": ((int,), True),
}


def check_records(data: dict[str, Any]) -> None:
    """Raise ``ValueError`` naming the first record field of the wrong type in ``data``."""
    for table, fields in FIELDS.items():
        for doc_id, record in (data.get(table) or {}).items():
            _check(record, fields, f"{table} record {doc_id}")
            if table == "annotations":
                _check(record["target"], TARGET_FIELDS, f"{table} record {doc_id} target")


def _check(record: dict[str, Any], fields: dict[str, tuple[tuple[type, ...], bool]], where: str) -> None:
    """Check one record's known fields (bool is not accepted as an int)."""
    for name, (types, required) in fields.items():
        if name not in record:
            if required:
                raise ValueError(f"{where} has no {name}")
            continue
        value = record[name]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise ValueError(f"{where}: {name} is {type(value).__name__}, not {types[0].__name__}")
