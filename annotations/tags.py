"""Tag rules: valid names, keys and colours, and the order tags are listed in."""

from __future__ import annotations

import re
import unicodedata

from annotations.errors import InvalidError
from annotations.model import Tag

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0")
MAX_NAME = 40
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def check_name(name: str) -> str:
    """A tag name stripped and checked: non-empty, short, no control characters."""
    clean = " ".join(str(name).split())
    if not clean:
        raise InvalidError("a tag name cannot be empty")
    if len(clean) > MAX_NAME:
        raise InvalidError(f"a tag name is at most {MAX_NAME} characters")
    if any(unicodedata.category(ch).startswith("C") for ch in clean):
        raise InvalidError("a tag name cannot contain control characters")
    return clean


def check_key(key: str | None) -> str | None:
    """A tag key: one of 1–9 and 0, or None for no key."""
    if key is None or key == "":
        return None
    key = str(key).strip()
    if key not in KEYS:
        raise InvalidError(f"tag key {key!r} is not one of 1-9 or 0")
    return key


def check_colour(colour: str) -> str:
    """A colour as ``#rrggbb`` (lower case); accepts ``#rgb`` and a missing ``#``."""
    match = _HEX.match(str(colour).strip())
    if not match:
        raise InvalidError(f"colour {colour!r} is not a hex colour like #e5c07b")
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "#" + digits


def sort_key(tag: Tag) -> tuple[int, str]:
    """Keyed tags in keyboard order (1…9, 0), then the others by name."""
    if tag.key in KEYS:
        return (KEYS.index(tag.key), "")
    return (len(KEYS), tag.name.casefold())


def same_name(a: str, b: str) -> bool:
    """Tag names compare without regard to case."""
    return a.casefold() == b.casefold()
