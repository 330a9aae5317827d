"""``finditer`` over a long text tried only where a match can start.

A pattern that must start at a digit, or with one of a few words, still makes the
regular-expression engine look at every character of the text; with the positions
where a match can start listed first (a scan for digits, ``str.find`` for the words'
rare tails), trying the pattern there in order gives exactly finditer's matches:
finditer yields the leftmost match at or after the end of the previous one, and
every match starts at a listed position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, given ``starts``: sorted positions including every match start.

    The pattern must not match the empty string.
    """
    end = 0
    for start in starts:
        if start >= end:
            match = pattern.match(text, start)
            if match is not None:
                yield match
                end = match.end()


def tail_starts(text: str, tails: tuple[str, ...], offsets: tuple[int, ...], firsts: str) -> list[int]:
    """Sorted positions ``p`` holding one of ``firsts`` with a tail found at ``p + offset``.

    For words "next|Next|last": tails ("ext", "ast"), offsets (1,), firsts "nNlL".
    """
    found = set()
    for tail in tails:
        at = text.find(tail)
        while at >= 0:
            for offset in offsets:
                start = at - offset
                if start >= 0 and text[start] in firsts:
                    found.add(start)
            at = text.find(tail, at + 1)
    return sorted(found)
