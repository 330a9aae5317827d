"""File names from article titles: safe on every common file system, short and unique.

No path separators or characters Windows refuses, no control characters, no leading
dots (hidden files) or trailing dots/spaces, no reserved device names, at most
``MAX_NAME_BYTES`` bytes of UTF-8 including the extension, and unique within one export
(compared case-insensitively, as on macOS and Windows): "Title.md", "Title (2).md" …
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

MAX_NAME_BYTES = 120  # well under the 255-byte limit of common file systems
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|]+')
_RESERVED = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}


def _shorten(stem: str, limit: int) -> str:
    """``stem`` cut to at most ``limit`` bytes of UTF-8, at a character boundary."""
    data = stem.encode("utf-8")
    if len(data) <= limit:
        return stem
    return data[:limit].decode("utf-8", errors="ignore").rstrip(" .-")


def safe_stem(title: str, fallback: str = "untitled") -> str:
    """``title`` as a file-name stem (without extension), never empty."""
    stem = " ".join(unicodedata.normalize("NFC", title).split())
    stem = " ".join(_UNSAFE.sub(" - ", stem).split())
    stem = re.sub(r"(?:\s*-\s*){2,}", " - ", stem)  # runs of replaced characters
    stem = stem.strip(" .-")
    if stem.split(".")[0].lower() in _RESERVED:
        stem = f"{stem} (article)"
    return stem or fallback


def safe_filename(title: str, extension: str, taken: Iterable[str] = (), fallback: str = "untitled") -> str:
    """A safe, length-limited file name for ``title`` not in ``taken`` (case-insensitive)."""
    return _unused_name(title, extension, {name.casefold() for name in taken}, fallback)


def _unused_name(title: str, extension: str, used: set[str], fallback: str) -> str:
    """The first of "Title.ext", "Title (2).ext" … whose folded form is not in ``used``."""
    suffix = f".{extension.lstrip('.')}" if extension else ""
    stem = safe_stem(title, fallback)
    number = 1
    while True:
        counter = f" ({number})" if number > 1 else ""
        room = MAX_NAME_BYTES - len((counter + suffix).encode("utf-8"))
        name = f"{_shorten(stem, room) or fallback}{counter}{suffix}"
        if name.casefold() not in used:
            return name
        number += 1


def unique_filenames(titles: Iterable[str], extension: str, fallback: str = "untitled") -> list[str]:
    """One distinct safe file name per title, in order (later duplicates get a counter)."""
    names: list[str] = []
    used: set[str] = set()
    for title in titles:
        name = _unused_name(title, extension, used, fallback)
        names.append(name)
        used.add(name.casefold())
    return names
