"""Markdown -> Document with markdown-it-py (CommonMark + tables).

Block tokens become blocks: headings (with their level; the first h1 is the title),
paragraphs, list items (nesting level, a "• " or "1. " marker kept in the text),
block quotes, code (fenced or indented, ``lang`` from the info string) and tables (one
line per row). Inline markup is dropped from the canonical text: emphasis and links keep
their words, images their alt text, inline code its content. YAML front matter gives the
title and author when present.
"""

from __future__ import annotations

import re
from typing import Any

from reader.document import Document
from reader.ingest.canonical import Unit, assemble
from reader.ingest.structure_author import find_author
from reader.ingest.structure_kinds import find_title_index

_FRONT_MATTER = re.compile(r"---[ \t]*\n(?P<body>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def parse_markdown(text: str, source: str, meta: dict[str, Any] | None = None) -> Document:
    """Build the Document of clean Markdown text (newlines normalised, sanitised)."""
    from markdown_it import MarkdownIt  # imported only when a Markdown file is opened

    front, body = split_front_matter(text)
    parser = MarkdownIt("commonmark").enable("table")
    units = _TokenWalker().walk(parser.parse(body))
    title = front.get("title")
    first_h1 = next((u for u in units if u.kind == "heading" and u.level == 1), None)
    if first_h1 is None and title is None:
        # no h1: a short first line above the text is the title, as in plain text
        index = find_title_index(units)
        first_h1 = units[index] if index is not None else None
    if first_h1 is not None:
        first_h1.kind = "title"
        title = title or first_h1.text
    author = find_author(units)
    canonical, blocks = assemble(units)
    meta = {**(meta or {}), "format": "markdown"}
    return Document(canonical, blocks, source, title=title, author=front.get("author") or author, meta=meta)


_MARKDOWN_SIGNS = re.compile(r"^(?:#{1,6}[ \t]+\S|```|~~~)", re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """Whether text without a file name (stdin) is Markdown: front matter at the top, an
    ATX heading or a code fence — marks that plain prose does not open a line with."""
    return _FRONT_MATTER.match(text) is not None or _MARKDOWN_SIGNS.search(text) is not None


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML front matter (title/author as text) and the Markdown after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(match["body"])
    except yaml.YAMLError:
        return {}, text  # not front matter after all: leave the text as written
    if not isinstance(data, dict):
        return {}, text
    fields = {}
    for key in ("title", "author"):
        value = data.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if value not in (None, ""):
            fields[key] = " ".join(str(value).split())
    return fields, text[match.end() :]


class _TokenWalker:
    """Turns the flat markdown-it token stream into units, tracking lists and quotes."""

    def __init__(self) -> None:
        self.units: list[Unit] = []
        self.lists: list[dict[str, Any]] = []  # open lists: ordered?, next number
        self.quote_depth = 0
        self.item_marker: str | None = None  # marker of a list item whose text is pending
        self.block_kind = "paragraph"
        self.level = 0
        self.row: list[str] | None = None
        self.table: list[str] | None = None

    def walk(self, tokens: list) -> list[Unit]:
        """All units of ``tokens`` in reading order."""
        for token in tokens:
            handler = getattr(self, "_on_" + token.type, None)
            if handler is not None:
                handler(token)
        return self.units

    def _on_heading_open(self, token: Any) -> None:
        self.block_kind, self.level = "heading", int(token.tag[1:])

    def _on_paragraph_open(self, token: Any) -> None:
        if self.lists:
            self.block_kind, self.level = "list_item", len(self.lists)
        elif self.quote_depth:
            self.block_kind, self.level = "blockquote", self.quote_depth
        else:
            self.block_kind, self.level = "paragraph", 0

    def _on_inline(self, token: Any) -> None:
        text = inline_text(token.children or [])
        if self.row is not None:
            self.row.append(text)
            return
        if not text:
            return
        if self.block_kind == "list_item" and self.item_marker is not None:
            text, self.item_marker = self.item_marker + text, None
        self.units.append(Unit(text, self.block_kind, self.level))

    def _on_bullet_list_open(self, token: Any) -> None:
        self.lists.append({"ordered": False, "next": 1})

    def _on_ordered_list_open(self, token: Any) -> None:
        start = token.attrs.get("start", 1) if token.attrs else 1
        self.lists.append({"ordered": True, "next": int(start)})

    def _on_bullet_list_close(self, token: Any) -> None:
        self.lists.pop()

    _on_ordered_list_close = _on_bullet_list_close

    def _on_list_item_open(self, token: Any) -> None:
        current = self.lists[-1]
        if current["ordered"]:
            self.item_marker = f"{token.info or current['next']}{token.markup or '.'} "
            current["next"] += 1
        else:
            self.item_marker = "• "

    def _on_blockquote_open(self, token: Any) -> None:
        self.quote_depth += 1

    def _on_blockquote_close(self, token: Any) -> None:
        self.quote_depth -= 1

    def _on_fence(self, token: Any) -> None:
        lang = token.info.split()[0] if token.info.strip() else None
        self._code(token.content, lang)

    def _on_code_block(self, token: Any) -> None:
        self._code(token.content, None)

    def _code(self, content: str, lang: str | None) -> None:
        code = content.rstrip("\n")
        if code.strip():
            self.units.append(Unit(code, "code", lang=lang))

    def _on_html_block(self, token: Any) -> None:
        text = " ".join(_TAG.sub(" ", token.content).split())
        if text:
            self.units.append(Unit(text, "blockquote" if self.quote_depth else "paragraph"))

    def _on_table_open(self, token: Any) -> None:
        self.table = []

    def _on_tr_open(self, token: Any) -> None:
        self.row = []

    def _on_tr_close(self, token: Any) -> None:
        if self.table is not None and self.row is not None:
            self.table.append(" | ".join(self.row))
        self.row = None

    def _on_table_close(self, token: Any) -> None:
        if self.table:
            self.units.append(Unit("\n".join(self.table), "paragraph"))
        self.table = None


def inline_text(children: list) -> str:
    """The words of an inline token: markup dropped, links' text, images' alt, code kept."""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak" or (kind == "html_inline" and _LINE_BREAK_TAG.fullmatch(child.content)):
            parts.append("\n")
        elif kind == "image":
            parts.append(inline_text(child.children or []) or child.content)
    return "".join(parts).strip()
