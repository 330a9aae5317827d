"""Dates and numbers: regular expressions over the canonical text.

A date is a calendar expression ("March 8", "August 2021", "2015-2017", "next
year", "spring"); a number is a quantity, percent or sum of money with its
hedge and scale ("nearly 20 million", "70 to 90 percent", "half a million").
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?:spring|summer|autumn|winter)"
_UNIT = r"(?:year|month|week|decade|century|weekend|quarter|season|night|morning|evening|fall)"

DATE = re.compile(
    rf"""
    (?:(?:early|mid|late)[-\s])?{_MONTH}(?:\s{_DAY})?(?:,?\s{_YEAR})?(?![\w])
    | {_DAY}\s{_MONTH}(?:,?\s{_YEAR})?
    | \b{_WEEKDAY}(?:,\s{_MONTH}\s{_DAY}(?:,\s{_YEAR})?)?\b
    | \b{_YEAR}-[01]\d-[0-3]\d\b
    | \b[01]?\d/[0-3]?\d/(?:{_YEAR}|\d\d)\b
    | \b\d{{1,2}}/\d{{1,2}}\b(?!/)
    | \b{_YEAR}\s?[-–]\s?(?:{_YEAR}|\d\d)\b
    | \b(?:the\s)?(?:1[5-9]|20)\d0s\b
    | \b(?:next|last|this|past|coming|previous|following)\s(?:{_UNIT}|{_SEASON}|{_WEEKDAY})\b
    | \b(?:the\s)?(?:\d{{1,2}}(?:st|nd|rd|th)|[a-z]+(?:teenth|tieth|first|second|third|fifth|eighth|ninth|tenth))\scentury\b
    | \b{_SEASON}(?:\s(?:of\s)?{_YEAR})?\b
    | \b(?:today|yesterday|tomorrow|tonight)\b
    | (?<![$£€\d,.])\b{_YEAR}\b(?![,.]?\d|\s?(?:percent|per\scent|%))
    """,
    re.VERBOSE,
)

_SMALL = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
)
_SCALE = r"(?:hundred|thousand|million|billion|trillion|dozen)"
_HEDGE = (
    r"(?:(?:nearly|almost|about|around|roughly|approximately|some|over|under|only|just|up\sto|at\sleast"
    r"|more\sthan|less\sthan|fewer\sthan|as\smany\sas|as\smuch\sas)\s)"
)
_DIGITS = r"[$£€]?\d[\d,]*(?:\.\d+)?"
_PCT = r"(?:\s?%|\spercent(?:age\spoints?)?|\sper\scent)"
NUMBER = re.compile(
    rf"""
    \b{_HEDGE}?(?:
        (?:{_DIGITS}|{_SMALL}|one(?=\s{_SCALE})|a(?=\s{_SCALE}))(?:\s(?:to|and|or)\s{_DIGITS}|[-–]{_DIGITS})?
            (?:\s{_SCALE}s?)*(?:\s(?:dollars|euros|pounds|people))?{_PCT}?
      | half\sa\s{_SCALE}
      | (?:hundreds|thousands|millions|billions|dozens|tens\sof\sthousands)
    )(?![\w])
    | (?<!\w)[$£€]\d[\d,]*(?:\.\d+)?(?:\s{_SCALE}s?)?
    """,
    re.VERBOSE | re.IGNORECASE,
)


def find_dates(text: str) -> list[tuple[int, int]]:
    """Spans of date expressions."""
    return [m.span() for m in DATE.finditer(text) if _plausible_date(text, m)]


def _plausible_date(text: str, match: re.Match[str]) -> bool:
    """Reject "May" the verb and "March" the noun: a bare month needs a date-like context."""
    word = match.group()
    if word not in ("May", "March"):
        return True
    before = text[max(0, match.start() - 12) : match.start()].lower()
    return bool(re.search(r"\b(in|since|by|until|of|early|late|mid|last|next|this|from|on)\s$", before))


def find_numbers(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of quantities not inside a date span (``taken``, sorted)."""
    out = []
    busy = sorted(taken)
    for match in NUMBER.finditer(text):
        start, end = match.span()
        if _overlaps(busy, start, end) or _inside_word(text, start, end):
            continue
        out.append((start, end))
    return out


def _inside_word(text: str, start: int, end: int) -> bool:
    """Digits glued to letters or slashes ("X-19", "9/11", "H2O") are not quantities."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before in "-/" or after in "/" or (before.isalpha() and not text[start].isalpha())


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Binary search: does [start, end) overlap any sorted span?"""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][1] <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(spans) and spans[lo][0] < end
