"""Plain text -> paragraphs: blank-line chunks, unwrapped hard-wrapped lines, list items.

A chunk is the text between blank lines. Inside a chunk the lines are either

- hard-wrapped prose (Project Gutenberg wraps at ~70 columns): joined with spaces;
- one paragraph per line (texts that end every paragraph with a single newline):
  each line becomes its own paragraph;
- short lines that belong together (verse, an address): kept, dedented, in one block;
- list items (bullets or numbers): one block per item, continuation lines joined.

The kinds beyond ``paragraph``/``list_item`` (title, heading, caption …) are decided
afterwards by :mod:`reader.ingest.structure_kinds` on the units built here.
"""

from __future__ import annotations

import re

from reader.ingest.canonical import Unit
from reader.ingest.structure_kinds import is_chapter_heading

_CHUNK_SPLIT = re.compile(r"\n[^\S\n]*\n\s*")
_SYMBOL_BULLETS = "•◦▪‣∙●○■□➢➤►*+-"
_BULLET = re.compile(r"[•◦▪‣∙●○■□➢➤►*+\-](?=\s)|\d{1,3}[.)](?=\s)|\(\d{1,3}\)(?=\s)")
# a line that starts with a lower-case letter (Latin, Greek or Cyrillic capitals excluded)
_CONTINUATION = re.compile(r"\n[^\W\d_A-ZÀ-ÖØ-ÞΑ-ΩЀ-Я]")
_CODE_LINE = re.compile(
    r"\s*(?:(?:def|class|import|from \S+ import|return|function|const|let|var|public|private|static|void|"
    r"#include|#define|elif|else:|try:|except\b|fn|func|package|SELECT|INSERT|UPDATE)\b|"
    r".*(?:[{};]|\)\s*:|=>)\s*$|[}\])]+;?\s*$|\$ |>>> )"
)
_SENTENCE_END = tuple(".!?:;\"”’'»)]…")
WRAP_MIN_WIDTH = 55  # narrower "wrapped" lines are verse or a list of short lines
WRAP_MAX_WIDTH = 100  # wider lines are not wrapped for reading: one paragraph per line


def split_units(text: str) -> list[Unit]:
    """Cut clean text into paragraph and list-item units (kinds refined later)."""
    units: list[Unit] = []
    for chunk in _CHUNK_SPLIT.split(text):
        chunk = chunk.rstrip()
        if units and _plainly_wrapped(chunk):
            units.append(Unit(_join_wrapped(chunk.split("\n"))))
            continue
        lines = chunk.split("\n")
        if not lines[0].strip():  # only the text's first chunk can open with blank lines
            lines = [line for line in lines if line.strip()]
        if not units and len(lines) > 1 and _title_over_subtitle(lines[0].strip(), lines[1].strip()):
            units.append(Unit(lines.pop(0).strip()))
        if lines:
            units.extend(_chunk_units(lines))
    return units


def _plainly_wrapped(chunk: str) -> bool:
    """Fast path for the common book paragraph: unindented lines that mostly go on in lower case.

    Decided with a few C-level scans of the chunk instead of a loop over its lines, which
    keeps a 3 MB book well inside the launch budget.
    """
    newlines = chunk.count("\n")
    if newlines == 0 or len(chunk) > (newlines + 1) * WRAP_MAX_WIDTH:
        return False  # long lines on average: a paragraph per line, not a wrap
    if len(_CONTINUATION.findall(chunk)) * 2 < newlines:
        return False
    if chunk[0].isspace() or "\n " in chunk or " \n" in chunk or "\t" in chunk or "\u00a0" in chunk:
        return False  # indentation or trailing blanks: the careful path handles them
    if _is_bullet(chunk) or "\n- " in chunk or "\n• " in chunk or "\n* " in chunk:
        return False  # list items
    return not (_may_be_code(chunk) and looks_like_code(chunk.split("\n")))


def _may_be_code(chunk: str) -> bool:
    """A cheap pre-check (substring scans) before looking at a chunk line by line."""
    # an "or" chain of substring scans, not any() over a generator: this runs per chunk
    return (
        "{" in chunk
        or "=" in chunk
        or ");" in chunk
        or "import " in chunk
        or "def " in chunk
        or ">>> " in chunk
        or "$ " in chunk
    )


def looks_like_code(lines: list[str]) -> bool:
    """True when most lines of a chunk read as source code (keywords, braces, semicolons)."""
    if len(lines) < 2:
        return False
    code = sum(1 for line in lines if _CODE_LINE.match(line))
    return code * 10 >= 6 * len(lines)


def _title_over_subtitle(first: str, second: str) -> bool:
    """True when the text opens with a title line directly above a subtitle or the body."""
    if len(first) > 200 or not second[:1].isupper() or first.endswith((",", "-", "—")):
        return False
    if first.endswith((";", ":")):
        return True  # "Candidates vie for vets' support;" over its standfirst
    words = [word for word in first.split() if len(word) >= 4 and word[0].isalpha()]
    return len(words) >= 2 and sum(word[0].isupper() for word in words) * 4 >= 3 * len(words)


def _chunk_units(lines: list[str]) -> list[Unit]:
    """The units of one blank-line-separated chunk."""
    stripped = [line.strip() for line in lines]
    bullets = [i for i, line in enumerate(stripped) if _is_bullet(line)]
    if len(lines) == 1 and bullets and stripped[0][0] in _SYMBOL_BULLETS:
        return _list_units(lines, stripped)
    if len(bullets) >= 2:
        first = bullets[0]  # lines before the first marker introduce the list
        intro = _chunk_units(lines[:first]) if first else []
        return intro + _list_units(lines[first:], stripped[first:])
    if len(lines) == 1:
        return [Unit(stripped[0])]
    if _may_be_code("\n".join(lines)) and looks_like_code(lines):
        return [Unit(_dedent(lines), "code")]
    mode = _chunk_mode(stripped)
    if mode == "lines":
        return [Unit(line) for line in stripped]
    if mode == "keep":
        return [Unit(_dedent(lines))]
    if lines == stripped:  # no indentation at all: one paragraph (the common case, fast)
        return [Unit(_join_wrapped(stripped))]
    return [Unit(_join_wrapped(group)) for group in _indent_paragraphs(lines, stripped)]


def _is_bullet(line: str) -> bool:
    """True when ``line`` starts with a list marker followed by words (not "* * *")."""
    marker = _BULLET.match(line)
    return marker is not None and any(ch.isalnum() for ch in line[marker.end() :])


def _chunk_mode(stripped: list[str]) -> str:
    """``wrap`` (join lines), ``lines`` (a paragraph per line) or ``keep`` (keep the breaks)."""
    body = stripped[:-1]
    width = max(len(line) for line in stripped)
    continued = sum(1 for line in stripped[1:] if line[:1].islower())
    if continued * 2 >= len(body):
        return "wrap"  # most lines go on in lower case: a sentence broken by the wrap
    uniform = sum(1 for line in body if len(line) >= 0.6 * width) * 10 >= 7 * len(body)
    ended = sum(1 for line in body if line.endswith(_SENTENCE_END))
    if uniform and WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return "wrap"
    if len(stripped) <= 3 and is_chapter_heading(stripped[0]):
        return "lines"  # "Chapter I" over the chapter's name
    if width < WRAP_MIN_WIDTH and len(stripped) >= 3:
        return "keep"  # a stanza or an address; two short lines are a heading pair
    if width > WRAP_MAX_WIDTH or ended * 10 >= 6 * len(body):
        return "lines"
    return "keep" if width < WRAP_MIN_WIDTH else "wrap"


def _indent_paragraphs(lines: list[str], stripped: list[str]) -> list[list[str]]:
    """Split wrapped lines where an indented first line starts a new paragraph."""
    indents = [len(line) - len(line.lstrip()) for line in lines]
    base = min(indents)
    starts = [i for i in range(1, len(lines)) if indents[i] > base and indents[i - 1] == base]
    if not starts or len(starts) * 2 > len(lines):
        return [stripped]  # no indentation style, or a hanging indent: one paragraph
    groups, previous = [], 0
    for start in starts:
        groups.append(stripped[previous:start])
        previous = start
    groups.append(stripped[previous:])
    return groups


def _join_wrapped(lines: list[str]) -> str:
    """Join hard-wrapped lines with spaces (none after a dash that binds two words)."""
    joined = " ".join(lines)
    if "- " not in joined and "— " not in joined:
        return joined  # no line ended with a dash
    out = lines[0]
    for line in lines[1:]:
        if (out.endswith("—") and out[-2:-1] != " ") or (
            out.endswith("-") and out[-2:-1].isalpha() and line[:1].islower()
        ):
            out += line
        else:
            out += " " + line
    return out


def _dedent(lines: list[str]) -> str:
    """The lines with their common indentation removed (relative indentation kept)."""
    indent = min(len(line) - len(line.lstrip()) for line in lines)
    # strip(): a first line indented deeper than the rest must not start the block with blanks
    return "\n".join(line[indent:].rstrip() for line in lines).strip()


def _list_units(lines: list[str], stripped: list[str]) -> list[Unit]:
    """One list_item per marker line; unmarked lines continue the item above."""
    indents = [len(line) - len(line.lstrip()) for line in lines]
    levels = sorted({indents[i] for i, line in enumerate(stripped) if _is_bullet(line)})
    items: list[Unit] = []
    for indent, line in zip(indents, stripped, strict=True):
        if _is_bullet(line) or not items:
            items.append(Unit(line, "list_item", level=levels.index(indent) + 1 if indent in levels else 1))
        else:
            items[-1].text = _join_wrapped([items[-1].text, line])
    return items
