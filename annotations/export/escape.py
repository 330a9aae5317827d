"""Markdown escaping: article text that reads back literally, notes that stay in their item.

Article text (a highlight, a heading, a speaker's name) is *literal*: every character
Markdown or a notes app could read as syntax is backslash-escaped (``#`` tags, ``*``/``_``
emphasis, ``[x](y)`` links, ``<tag>`` HTML, backticks, ``|`` tables, ``~~``, ``==``,
``$`` math), line-start markers (``>``, ``-``, ``+``, ``1.``) are escaped, and whitespace at
the edge of a line is written as a character reference so it survives parsing. Runs of
blank lines collapse to one (canonical article text never has them).

A note is the user's Markdown and is kept as written, except that headings and link
reference definitions are neutralised: a ``# line`` in a note never becomes a section of
the export, and a ``[x]: url`` line never redefines links in other notes. Control
characters (terminal escapes) never reach an exported file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

# C0/C1 controls except tab and newline, and the bidi embeddings, overrides and isolates
# that reorder what a reader sees ("Trojan Source"); carriage returns become newlines first.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Characters that are syntax anywhere in a line (inline emphasis, code, links, HTML,
# tables, Obsidian tags) — always escaped.
_INLINE = re.compile(r"([\\`*_\[\]<>#|])")
_DOUBLED = re.compile(r"([~=%])(?=\1)")  # ~~strike~~, ==mark==, %%comment%%
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LIST_START = re.compile(r"^([-+]|\d{1,9}(?=[.)]))")
_EDGE_SPACE = re.compile(r"^\s+|\s+$")
# Anything any of the rules above would change (a cheap test before applying them).
_NEEDS_ESCAPE = re.compile(r"[\\`*_\[\]<>#|~=%&$]|^[-+=\d\s]|\s$")


def clean_text(text: str) -> str:
    """``text`` with CR/CRLF as LF and other control and bidi-override characters as U+FFFD."""
    return _CONTROL.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def _char_refs(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(c)};" for c in match.group(0))


def escape_line(line: str) -> str:
    """One line of literal text as Markdown inline content that renders as ``line``."""
    if not _NEEDS_ESCAPE.search(line):
        return line  # most lines of prose: nothing Markdown could misread
    out = _INLINE.sub(r"\\\1", line)
    out = _DOUBLED.sub(r"\\\1", out)
    out = _ENTITY.sub(r"\\&", out)
    if out.count("$") > 1:  # inline math in notes apps needs a pair
        out = out.replace("$", "\\$")
    out = _LIST_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), out)
    # A line starting with "=" or "-" alone could underline the previous line as a heading.
    if out[:1] == "=":
        out = "\\" + out
    return _EDGE_SPACE.sub(_char_refs, out)


def paragraphs(text: str) -> list[list[str]]:
    """Literal text as paragraphs of lines (blank lines separate paragraphs)."""
    result: list[list[str]] = [[]]
    for line in clean_text(text).split("\n"):
        if line.strip(" \t"):
            result[-1].append(line)
        elif result[-1]:
            result.append([])
    return [p for p in result if p]


def escape_text(text: str) -> str:
    """Literal (possibly multi-line) text as Markdown that renders as ``text``."""
    return "\n\n".join("\n".join(escape_line(line) for line in para) for para in paragraphs(text))


def inline(text: str) -> str:
    """Literal text on one line (newlines become spaces): titles, names, headings."""
    return escape_line(" ".join(clean_text(text).split()))


def blockquote(text: str) -> str:
    """Literal text as a ``>`` blockquote, one ``>`` line per line of text."""
    lines: list[str] = []
    for index, para in enumerate(paragraphs(text)):
        if index:
            lines.append(">")
        lines.extend("> " + escape_line(line) for line in para)
    return "\n".join(lines) if lines else ">"


# the block structure at the start of a line: indentation, quote and list markers
_LINE_START = re.compile(r"^(?:[ \t>]|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))*")


def expand_indent(line: str) -> str:
    """``line`` with the tabs of its leading structure as spaces (tab stops of 4).

    A tab means "to the next multiple of 4" counted from where it stands: indented by a
    prefix, a tab that opened a code block can shrink to a space and join a paragraph.
    """
    start = _LINE_START.match(line).group()  # type: ignore[union-attr]  # always matches
    return start.expandtabs(4) + line[len(start) :] if "\t" in start else line


def indent(markdown: str, prefix: str = "  ") -> str:
    """Every non-empty line of ``markdown`` indented by ``prefix`` (to nest it in an item),
    its leading tabs as spaces so it keeps its structure there."""
    return "\n".join(prefix + expand_indent(line) if line.strip() else "" for line in markdown.split("\n"))


def code_span(text: str) -> str:
    """``text`` as an inline code span whose fence no backtick run inside can close."""
    text = " ".join(clean_text(text).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


# A line that might open a heading, underline one, or define a link (after any
# blockquote or list markers); only notes with such a line are parsed.
_MAYBE_NEUTRALISE = re.compile(r"^[ \t>*+\-\d.)]*(?:#|\[[^\]\n]*\]:)|^[ \t>]*(?:=+|-+)[ \t]*$", re.MULTILINE)
_REFERENCE_DEF = re.compile(r"^((?:[ >]*(?:[-+*]|\d{1,9}[.)])?[ >]*)?)\[(?=[^\]]*\]:)")


def neutralise_note(note: str) -> str:
    """The user's Markdown note with headings and link reference definitions made text.

    ``# Heading`` becomes ``\\# Heading``, a setext underline gets a backslash, and a
    ``[x]: url`` line gets its bracket escaped; code blocks are left as written. The
    result renders like the note except that those lines read as plain text.
    """
    lines = [line if line.strip() else "" for line in clean_text(note).split("\n")]
    note = "\n".join(lines).strip("\n")
    if not _MAYBE_NEUTRALISE.search(note):
        return note  # the common case: no line could be a heading or a definition
    lines = note.split("\n")
    # Escaping one line can turn the next into a setext underline or a definition into
    # a paragraph: repeat until nothing is left to escape (each pass changes a line).
    for _ in range(len(lines) + 1):
        if not _neutralise_pass(lines):
            break
    return "\n".join(lines)


_LEAF_BLOCKS = {"paragraph_open", "heading_open", "fence", "code_block", "html_block", "hr"}


def _neutralise_pass(lines: list[str]) -> bool:
    """Escape the headings and reference definitions of ``lines`` in place; True if any."""
    changed = False
    covered: set[int] = set()  # lines inside leaf blocks; a definition makes no token
    for token in _parser().parse("\n".join(lines)):
        if token.map is None or token.type not in _LEAF_BLOCKS:
            continue
        first, last = token.map
        covered.update(range(first, last))
        if token.type == "heading_open":
            changed = True
            if token.markup.startswith("#"):
                lines[first] = _escape_first(lines[first], "#")
            else:  # setext: the underline is the last line of the heading
                lines[last - 1] = _escape_first(lines[last - 1], token.markup[0])
    for index, line in enumerate(lines):
        if index not in covered and line.strip():
            escaped = _REFERENCE_DEF.sub(r"\1\\[", line, count=1)
            changed = changed or escaped != line
            lines[index] = escaped
    return changed


def _escape_first(line: str, char: str) -> str:
    """``line`` with a backslash before the first ``char``."""
    at = line.find(char)
    return line if at < 0 else line[:at] + "\\" + line[at:]


__all__ = [
    "blockquote",
    "clean_text",
    "code_span",
    "escape_line",
    "escape_text",
    "expand_indent",
    "indent",
    "inline",
    "neutralise_note",
    "paragraphs",
]
