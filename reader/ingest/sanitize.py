"""Make untrusted text inert for a terminal, one character for one so offsets stay stable.

Two steps, in this order:

1. :func:`normalize_newlines` turns CRLF, CR, NEL and the Unicode line/paragraph
   separators into ``\\n``. It changes the length, which is fine: every offset in gloss is
   into the canonical text that comes out of ingest.
2. :func:`sanitize_text` replaces each character that a terminal or a text widget would
   interpret, never changing the length:

   - C0 controls other than ``\\n`` and ``\\t`` (ESC, NUL, BEL, backspace …) and DEL become
     their visible Control Pictures (``␛`` U+241B, ``␀`` U+2400, ``␡`` U+2421), so an escape
     sequence shows as ``␛[31m`` instead of colouring the screen;
   - a stray ``\\r`` and the form/line feeds ``\\f`` ``\\v`` become a space;
   - C1 controls (U+0080–U+009F, which include the 8-bit CSI) become U+FFFD;
   - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can
     reorder what the reader sees ("Trojan Source"), become U+FFFD. The weak marks LRM,
     RLM and ALM (U+200E, U+200F, U+061C) are kept: they cannot open a reordering run and
     real Arabic and Hebrew text uses them.

Rich/Textual markup such as ``[bold]`` is ordinary text here; keeping it literal is the
renderer's job (gloss never builds markup strings from article text).
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

_NEWLINES = re.compile("\r\n?|[\x85\u2028]|\u2029")
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _replacement_table() -> dict[str, str]:
    """The inert stand-in for every character :data:`_UNSAFE` matches."""
    table = {chr(code): chr(0x2400 + code) for code in range(0x20)}
    table["\x7f"] = "\u2421"
    table.update({"\r": " ", "\f": " ", "\v": " ", "\u2028": "\n", "\u2029": "\n"})
    for code in [*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
        table[chr(code)] = REPLACEMENT
    return table


_TABLE = _replacement_table()


def normalize_newlines(text: str) -> str:
    """``\\r\\n``, ``\\r``, NEL and U+2028 become ``\\n``; U+2029 (paragraph) becomes a blank line."""
    if "\r" not in text and "\x85" not in text and "\u2028" not in text and "\u2029" not in text:
        return text  # four substring scans are ~80x faster than one regex scan
    return _NEWLINES.sub(lambda m: "\n\n" if m.group() == "\u2029" else "\n", text)


def sanitize_text(text: str) -> str:
    """Replace control, C1 and bidi-override characters one for one with inert ones."""
    if not _UNSAFE.search(text):
        return text  # the common case costs one regex scan
    return _UNSAFE.sub(lambda m: _TABLE[m.group()], text)


def clean_text(text: str) -> str:
    """Newline normalisation followed by sanitising: decoded text -> safe text."""
    return sanitize_text(normalize_newlines(text))


def is_clean(text: str) -> bool:
    """True when ``text`` holds nothing that :func:`sanitize_text` would replace."""
    return _UNSAFE.search(text) is None
