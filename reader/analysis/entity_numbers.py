"""Dates and numbers: regular expressions over the canonical text.

A date is a calendar expression ("March 8", "August 2021", "2015-2017", "next
year", "spring"); a number is a quantity, percent or sum of money with its
hedge and scale ("nearly 20 million", "70 to 90 percent", "half a million").

Every pattern opens with a literal word or a digit and is case-sensitive, so the
regular-expression engine can skip ahead in C: a whole novel scans in well under
a second. Word boundaries and hedges ("nearly") are checked around each match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.analysis.regex_scan import finditer_at, tail_starts

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_SEASONS = "spring|summer|autumn|winter"
_UNIT = rf"(?:year|month|week|decade|century|weekend|quarter|season|night|morning|evening|fall|{_SEASONS}|{_WEEKDAYS})"
_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    "|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first"
)


def _by_first_letter(words: str) -> str:
    """'two|ten|six' -> 't(?:wo|en)|six': the same alternatives, grouped by their first letter.

    The regular-expression engine tries every alternative at each position whose
    letter could start one; grouped, it tries only those of the letter it sees
    (a word-heavy pattern scans twice as fast). Alternatives with different first
    letters never match at the same place, and within a group the order is kept,
    so the pattern matches exactly as the flat alternation does.
    """
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(
        first + rests[0] if len(rests) == 1 else f"{first}(?:{'|'.join(rests)})"
        for first, rests in groups.items()
    )


def _both_cases(words: str) -> str:
    """'next|last' -> 'next|last|Next|Last' (sentence starts), grouped by first letter."""
    items = words.split("|")
    return _by_first_letter("|".join(items + [w[:1].upper() + w[1:] for w in items]))


_MONTH = _by_first_letter(_MONTHS)
_WEEKDAY = _by_first_letter(_WEEKDAYS)

DATE_PATTERNS = (
    re.compile(rf"(?:{_MONTH})(?:\s{_DAY}(?!\d))?(?:,?\s{_YEAR})?"),
    # \d\d? rather than \d{1,2}: a pattern opening with a character class lets the
    # engine skip to the next digit in C (a counted repeat does not).
    re.compile(rf"\d\d?(?:st|nd|rd|th)?\s(?:{_MONTH})(?:,?\s{_YEAR})?"),
    re.compile(rf"(?:{_WEEKDAY})(?:,\s(?:{_MONTH})\s{_DAY}(?:,\s{_YEAR})?)?"),
    re.compile(
        rf"\d(?:(?<=[12])(?:\d\d\d-[01]\d-[0-3]\d|\d\d\d\s?[-–]\s?(?:{_YEAR}|\d\d)(?!\d)|\d\d0s)"
        rf"|\d?/\d\d?(?:/(?:{_YEAR}|\d\d))?)"
    ),
    re.compile(rf"(?:{_both_cases('next|last|this|past|coming|previous|following')})\s{_UNIT}"),
    re.compile(r"century"),  # widened back over its ordinal in _widen_date
    re.compile(rf"(?:{_both_cases(_SEASONS)})(?:\s(?:of\s)?{_YEAR})?"),
    re.compile(rf"(?:{_both_cases('today|yesterday|tomorrow|tonight')})"),
    re.compile(r"1[5-9]\d\d|20\d\d"),
)

_SMALL = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_SCALE = r"(?:hundred|thousand|million|billion|trillion|dozen)"
_DIGITS = r"[$£€]?\d[\d,]*(?:\.\d+)?"
_TAIL = (
    rf"(?:\s{_SCALE}s?)*(?:\s(?:dollars|euros|pounds))?"
    r"(?:\s?%|\spercent(?:age\spoints?)?|\sper\scent)?"
)
NUMBER_PATTERNS = (
    re.compile(rf"[$£€\d][\d,]*(?:[.:]\d+)*(?:\s(?:to|and|or)\s{_DIGITS}|[-–]{_DIGITS})?{_TAIL}"),
    re.compile(
        rf"(?:{_both_cases(_SMALL)})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
        rf"(?:\s(?:to|or)\s(?:{_by_first_letter(_SMALL)}))?{_TAIL}"
    ),
    re.compile(rf"(?:{_both_cases('one|a')})\s{_SCALE}s?{_TAIL}"),
    re.compile(rf"(?:{_both_cases('half')})\sa\s{_SCALE}"),
    re.compile(rf"(?:{_both_cases('hundreds|thousands|millions|billions|dozens')})"),
)
_HEDGE_BEFORE = re.compile(
    r"(?:nearly|almost|about|around|roughly|approximately|some|over|under|only|just|up to|at least"
    r"|more than|less than|fewer than|as many as|as much as)\s$",
    re.IGNORECASE,
)


_MONEY_OR_DIGIT = re.compile(r"[$£€\d]")
_SPARSE = 200  # digits rarer than one in this many characters: try the digits only
# Patterns whose every match opens with a digit or currency sign (DATE_PATTERNS 1, 3, 8,
# NUMBER_PATTERNS 0): in prose, trying them at the digits beats scanning the text.
_DIGIT_LED = frozenset({DATE_PATTERNS[1], DATE_PATTERNS[3], DATE_PATTERNS[8], NUMBER_PATTERNS[0]})
# Patterns opening with one of a few words in either case: (tails of the words, how far
# each tail starts after the match start, the words' first letters). A match of
# "(?:one|a|One|A)\s{_SCALE}" has a scale word 2 or 4 characters on, whose tail
# ("illion" of "trillion") starts 1 or 2 characters further.
_WORD_LED = {
    DATE_PATTERNS[4]: (("ext", "ast", "his", "oming", "revious", "ollowing"), (1,), "nlptcfNLPTCF"),
    DATE_PATTERNS[6]: (("pring", "ummer", "utumn", "inter"), (1,), "sawSAW"),
    DATE_PATTERNS[7]: (("oday", "esterday", "omorrow", "onight"), (1,), "tyTY"),
    NUMBER_PATTERNS[2]: (("undred", "housand", "illion", "ozen"), (3, 4, 5, 6), "oaOA"),
    NUMBER_PATTERNS[3]: (("alf",), (1,), "hH"),
    NUMBER_PATTERNS[4]: (("undreds", "housands", "illions", "ozens"), (1,), "htmbdHTMBD"),
}


def digit_starts(text: str) -> list[int] | None:
    """Where the digits and currency signs are, or None when they are too many to pay off."""
    starts = [match.start() for match in _MONEY_OR_DIGIT.finditer(text)]
    return starts if len(starts) * _SPARSE <= len(text) else None


def _matches(pattern: re.Pattern[str], text: str, digits: list[int] | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only where a match can start when that is known."""
    if pattern in _WORD_LED:
        return finditer_at(pattern, text, tail_starts(text, *_WORD_LED[pattern]))
    if digits is not None and pattern in _DIGIT_LED:
        return finditer_at(pattern, text, digits)
    return pattern.finditer(text)


def find_dates(text: str, digits: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans of date expressions, longest first where they overlap.

    ``digits`` is ``digit_starts(text)`` when the caller has it (else all patterns scan).
    """
    found = []
    for pattern in DATE_PATTERNS:
        for match in _matches(pattern, text, digits):
            start, end = match.span()
            if _bounded(text, start, end) and _plausible_date(text, match):
                found.append((_widen_date(text, start), end))
    return _non_overlapping(found)


def find_numbers(
    text: str, taken: list[tuple[int, int]], digits: list[int] | None = None
) -> list[tuple[int, int]]:
    """Spans of quantities not inside a date or name span (``taken``); ``digits`` as for find_dates."""
    busy = sorted(taken)
    found = []
    for pattern in NUMBER_PATTERNS:
        for match in _matches(pattern, text, digits):
            start, end = match.span()
            end = _trim_number(text, start, end)
            if not _bounded(text, start, end) or _inside_word(text, start, end):
                continue
            if overlaps(busy, start, end):
                continue
            hedge = _HEDGE_BEFORE.search(text, max(0, start - 22), start)
            found.append((hedge.start() if hedge else start, end))
    return _non_overlapping(found)


def _bounded(text: str, start: int, end: int) -> bool:
    """The match is whole words: no letter or digit glued on either side."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum() or before in "_" or after in "_")


def _trim_number(text: str, start: int, end: int) -> int:
    """Drop a trailing comma or period caught by the digit run ("20,")."""
    while end > start + 1 and text[end - 1] in ",.":
        end -= 1
    return end


_DATE_PREFIX = re.compile(r"(?:early|mid|late)[-\s]$", re.IGNORECASE)
_CENTURY_ORDINAL = re.compile(rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_both_cases(_ORDINALS)})\s$")


def _widen_date(text: str, start: int) -> int:
    """Include 'early '/'mid-'/'late ' before a month, the ordinal before 'century'."""
    window = text[max(0, start - 14) : start]
    match = _DATE_PREFIX.search(window) or (
        _CENTURY_ORDINAL.search(window) if text.startswith("century", start) else None
    )
    return start - len(match.group()) if match else start


def _plausible_date(text: str, match: re.Match[str]) -> bool:
    """Reject "May" the verb, "March" the noun, bare years inside sums, a lone "century"."""
    word = match.group()
    if word == "century":
        return bool(_CENTURY_ORDINAL.search(text, max(0, match.start() - 14), match.start()))
    if word in ("May", "March"):
        before = text[max(0, match.start() - 12) : match.start()].lower()
        return bool(re.search(r"\b(in|since|by|until|of|early|late|mid|last|next|this|from|on)\s$", before))
    if word.isdigit():
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end() : match.end() + 9]
        return before not in "$£€,." and not re.match(r"\s?(?:%|percent|per cent|,\d|\.\d)", after)
    return True


def _inside_word(text: str, start: int, end: int) -> bool:
    """Digits glued to letters or slashes ("X-19", "9/11", "H2O") are not quantities."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before in "-/" or after in "/"


def _non_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, keeping the longer one where two overlap."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and start < out[-1][1]:
            if end - start > out[-1][1] - out[-1][0]:
                out[-1] = (start, end)
            continue
        out.append((start, end))
    return out


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Binary search: does [start, end) overlap any sorted span?"""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][1] <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(spans) and spans[lo][0] < end
