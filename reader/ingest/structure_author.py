"""Who wrote a plain-text article: byline, author bio, "Follow X on Twitter", dateline agency.

Lines that say who wrote the piece become ``byline`` blocks; the name goes to
``Document.author``. A byline at the top wins over a bio at the end, which wins over a
social-media prompt, which wins over a news-agency dateline ("WASHINGTON (AP) —").
"""

from __future__ import annotations

import re

from reader.ingest.canonical import Unit

_EDGE = " \t•·*-–—\"“”'‘’"
_BYLINE = re.compile(r"(?:by|written by|words by|story by|reporting by)\s+(?P<rest>\S.*)", re.IGNORECASE)
_NAME_END = re.compile(r",|\||\s[-–—]\s|\s(?:on|for|in|at|with|updated|published)\s|\s\d")
_NAME_TOKEN = re.compile(r"[A-Z][\w’'.-]*|[A-Z]\.|(?:de|da|van|von|der|den|la|le|del|bin|al|and|&)$")
_BIO = re.compile(
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:,.{1,160}?,)?\s+(?:is|was|writes|covers|reports)\s+(?P<rest>.+)",
    re.DOTALL,
)
_ROLE = re.compile(
    r"\b(?:writer|author|columnist|editor|reporter|correspondent|contributor|journalist|director|professor|"
    r"fellow|founder|president|mayor|senator|governor|former|senior|chair(?:man|woman)?|playwright|analyst|"
    r"scholar|partner|executive|ceo|lawyer|attorney|advis[eo]r|researcher|host|producer|economist|"
    r"historian|strategist|consultant|commentator|blogger|freelance|staff|lecturer|scientist|physician|"
    r"ambassador|secretary|novelist|poet|artist|photographer|playwright-in-residence)\b",
    re.IGNORECASE,
)
_FOLLOW = re.compile(
    r"follow (?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}) on (?i:twitter|x|facebook|instagram|threads|bluesky|mastodon)\b"
)
_DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,15}){0,2}(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s*"
    r"\((?P<agency>AP|UPI|Reuters|AFP|Bloomberg|CNN)\)\s*[—–-]"
)
_NOT_NAMES = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "then",
        "now",
        "far",
        "law",
        "contrast",
        "comparison",
    ]
)
BIO_MAX_CHARS = 600
TAIL_UNITS = 4  # bios and social prompts sit in the last few blocks


def byline_name(text: str) -> str | None:
    """The name in a "By Jane Doe, Staff Writer" line, or None when it is not a byline."""
    if len(text) > 120 or "\n" in text:
        return None
    match = _BYLINE.fullmatch(text.strip(_EDGE))
    if not match:
        return None
    rest = match["rest"]
    cut = _NAME_END.search(rest)
    name = (rest[: cut.start()] if cut else rest).strip(" .")
    after = rest[cut.start() :] if cut else ""
    if len(after.split()) > 6 or name.split()[0].lower() in _NOT_NAMES:
        return None  # "By Thursday, the deal was done …" is a sentence
    return name if _looks_like_name(name) else None


def _looks_like_name(name: str) -> bool:
    """1-8 capitalised tokens (initials, particles and "and" allowed)."""
    tokens = name.split()
    if not 1 <= len(tokens) <= 8 or not tokens[0][:1].isupper():
        return False
    return all(_NAME_TOKEN.match(token) for token in tokens)


def bio_name(text: str) -> str | None:
    """The author named by a short bio ("Jane Doe is a staff writer …"), else None."""
    line = text.strip(_EDGE)
    if len(line) > BIO_MAX_CHARS:
        return None
    match = _BIO.match(line)
    if not match:
        return None
    first_sentence = re.split(r"(?<=[.!?])\s", match["rest"], maxsplit=1)[0]
    return match["name"] if _ROLE.search(first_sentence) else None


def follow_name(text: str) -> str | None:
    """The name in "Follow Jane Doe on Twitter @jdoe", else None."""
    line = text.strip(_EDGE)
    if len(line) > 160:
        return None
    match = _FOLLOW.match(line[:1].lower() + line[1:])
    return match["name"] if match else None


def find_author(units: list[Unit]) -> str | None:
    """Mark byline units and return the article's author (None when nothing says)."""
    author = _top_byline(units)
    tail_author = _tail_bylines(units)
    return author or tail_author or _dateline_agency(units)


def _top_byline(units: list[Unit]) -> str | None:
    """A "By …" line among the first blocks; it becomes a byline block."""
    leading = [unit for unit in units[:80] if unit.kind != "boilerplate"][:6]
    for unit in leading:
        if unit.kind in ("paragraph", "heading", "caption"):
            name = byline_name(unit.text)
            if name:
                unit.kind = "byline"
                return name
    return None


def _tail_bylines(units: list[Unit]) -> str | None:
    """Author bios and "Follow X" prompts in the last blocks become bylines; the best name.

    Several bios (a piece with two authors) give both names in reading order.
    """
    bios: list[str] = []
    follow = None
    seen = 0
    for unit in reversed(units):
        if unit.kind in ("boilerplate", "caption", "byline"):
            continue
        seen += 1
        if seen > TAIL_UNITS:
            break
        if unit.kind not in ("paragraph", "list_item", "heading"):
            continue
        name = bio_name(unit.text)
        if name and not _mentioned_before(units, unit, name):
            unit.kind = "byline"
            bios.insert(0, name)
            continue
        name = follow_name(unit.text)
        if name:
            unit.kind, follow = "byline", name
    return " and ".join(dict.fromkeys(bios)) or follow


def _mentioned_before(units: list[Unit], bio: Unit, name: str) -> bool:
    """True when the article body names ``name`` before its bio: a subject, not the author."""
    for unit in units:
        if unit is bio:
            return False
        if unit.kind not in ("title", "byline") and name in unit.text:
            return True
    return False


def _dateline_agency(units: list[Unit]) -> str | None:
    """The news agency of a dateline ("WASHINGTON (AP) — …") in the first blocks."""
    for unit in units[:4]:
        match = _DATELINE.match(unit.text)
        if match:
            return match["agency"]
    return None
