"""trafilatura's extracted tree -> a flat list of article blocks (kind, text, level).

trafilatura describes the main text with a small TEI-like vocabulary: ``head`` (with
``rend="h2"``), ``p``, ``list``/``item``, ``quote``, ``code``, ``table``/``row``/``cell``,
``graphic``, and inline ``hi``, ``ref``, ``lb``, ``del``. Each block-level element becomes
one block; inline markup becomes plain text. (Figure captions, which trafilatura drops,
are put back by ``web_captions``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from reader.ingest.sanitize import clean_text

_INLINE_SPACE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LANG_CLASS = re.compile(r"(?:^|\s)(?:language|lang|highlight-source|brush:)-?\s*([\w+#-]+)", re.I)
_CONTAINERS = {"body", "div", "main", "section", "article", "doc"}


@dataclass(frozen=True, slots=True)
class RawBlock:
    """One block before offsets are assigned."""

    kind: str
    text: str
    level: int = 0
    lang: str | None = None  # language of a code block, when the page names it


def body_blocks(body: etree._Element) -> list[RawBlock]:
    """The blocks of trafilatura's ``body`` element, in reading order, empty ones dropped."""
    out: list[RawBlock] = []
    _container(body, out, quote=False)
    return out


def _container(el: etree._Element, out: list[RawBlock], quote: bool) -> None:
    """Blocks of a container element: its children, and stray text between them."""
    _emit(out, "blockquote" if quote else "paragraph", el.text)
    for child in el:
        if isinstance(child.tag, str):
            _block(child, out, quote)
        _emit(out, "blockquote" if quote else "paragraph", child.tail)


def _block(el: etree._Element, out: list[RawBlock], quote: bool) -> None:
    """Blocks of one block-level element."""
    tag = el.tag
    if tag == "head":
        _emit(out, "heading", inline_text(el), _heading_level(el))
    elif tag == "list":
        _list(el, out, depth=1)
    elif tag == "quote":
        _container(el, out, quote=True)
    elif tag == "code":
        _emit_code(out, el)
    elif tag == "table":
        _table(el, out)
    elif tag == "graphic":
        pass  # images are not text; their captions come from the page itself
    elif tag in _CONTAINERS:
        _container(el, out, quote)
    else:  # p, and anything unexpected, read as a paragraph
        _emit(out, "blockquote" if quote else "paragraph", inline_text(el))


def _list(el: etree._Element, out: list[RawBlock], depth: int) -> None:
    """One list_item block per item; nested lists one level deeper."""
    for item in el:
        if not isinstance(item.tag, str):
            continue
        if item.tag == "list":
            _list(item, out, depth + 1)
            continue
        nested = [child for child in item if child.tag == "list"]
        _emit(out, "list_item", inline_text(item, skip=("list",)), depth)
        for sub in nested:
            _list(sub, out, depth + 1)


def _table(el: etree._Element, out: list[RawBlock]) -> None:
    """One paragraph per table row, cells separated by a vertical bar."""
    for row in el.iter("row"):
        cells = [normalise_text(inline_text(cell)).replace("\n", " ") for cell in row.iter("cell")]
        _emit(out, "paragraph", " | ".join(c for c in cells if c))


def _emit_code(out: list[RawBlock], el: etree._Element) -> None:
    """A code block keeps its indentation and line breaks."""
    text = clean_text("".join(el.itertext()))
    lines = [line.rstrip() for line in text.expandtabs(4).split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        out.append(RawBlock("code", "\n".join(lines), lang=code_language(el)))


def code_language(el: etree._Element) -> str | None:
    """The language a code block's markup names ("language-python", "lang-js", data-lang)."""
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if node.get("data-lang"):
            return node.get("data-lang", "").strip().lower() or None
        found = _LANG_CLASS.search(node.get("class") or "")
        if found:
            return found.group(1).lower()
    return None


def _emit(out: list[RawBlock], kind: str, text: str | None, level: int = 0) -> None:
    """Append a block of ``kind`` if ``text`` has anything in it."""
    if text and not text.isspace():
        text = normalise_text(text)
        if text:
            out.append(RawBlock(kind, text, level))


def inline_text(el: etree._Element, skip: tuple[str, ...] = ()) -> str:
    """The text of ``el`` with inline markup dropped and ``lb`` as a line break."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in skip:
            if child.tag == "lb":
                parts.append("\n")
            elif child.tag in ("p", "head", "item", "quote", "list", "row"):
                parts.append("\n" + inline_text(child) + "\n")
            else:
                parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def normalise_text(text: str) -> str:
    """Safe text with spaces collapsed, each line trimmed and no empty lines."""
    text = clean_text(text)
    lines = (_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _heading_level(el: etree._Element) -> int:
    """The heading level from ``rend="hN"`` (2 when unknown)."""
    rend = el.get("rend") or ""
    return int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456" else 2
