"""Rebuild the block structure of a short page that trafilatura flattened.

On a short page trafilatura's main extractor gives up and its baseline returns the whole
text as one paragraph: heading, byline, paragraphs and code run together. When that
happens, the page's own block elements (``h1``–``h6``, ``p``, ``pre``, ``li``,
``blockquote``) inside its ``article``, ``main`` or ``body`` are read instead, written in
trafilatura's vocabulary so ``web_blocks.body_blocks`` reads them like any extraction.
"""

from __future__ import annotations

import re

from lxml import etree

from reader.ingest.web_blocks import RawBlock
from reader.ingest.web_meta import element_text

_BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "pre", "li", "blockquote"}
_SKIPPED = {"script", "style", "nav", "footer", "aside", "form", "header", "noscript", "template"}
_WORDS = re.compile(r"\w+")
_MIN_COVERAGE = 0.9  # share of the flattened text's words the rebuilt blocks must keep


def flattened(blocks: list[RawBlock]) -> bool:
    """True when an extraction is one paragraph (trafilatura's baseline on a short page)."""
    return len(blocks) == 1 and blocks[0].kind == "paragraph"


def structured_body(root: etree._Element, flat_text: str) -> etree._Element | None:
    """The page's block elements as a trafilatura-style ``body``, or None when they do not
    hold (nearly) all of ``flat_text`` or give no more structure than one paragraph."""
    container = _container(root)
    if container is None:
        return None
    body = etree.Element("body")
    for el in _block_elements(container):
        _append(body, el)
    if len(body) < 2:
        return None
    wanted = _WORDS.findall(flat_text)
    kept = set(_WORDS.findall(" ".join(node.xpath("string()") for node in body)))
    if not wanted or sum(1 for w in wanted if w in kept) < _MIN_COVERAGE * len(wanted):
        return None
    return body


def _container(root: etree._Element) -> etree._Element | None:
    """The article's element: the first ``article``, else ``main``, else ``body``."""
    for tag in ("article", "main", "body"):
        found = root.find(f".//{tag}")
        if found is not None:
            return found
    return None


def _block_elements(container: etree._Element) -> list[etree._Element]:
    """Block elements in document order, outside skipped parts, none inside another."""
    out: list[etree._Element] = []
    stack = [iter(container)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child.tag, str) or child.tag in _SKIPPED:
            continue
        if child.tag in _BLOCK_TAGS:
            out.append(child)
        else:
            stack.append(iter(child))
    return out


def _append(body: etree._Element, el: etree._Element) -> None:
    """``el`` in trafilatura's vocabulary (head, p, code, list/item, quote) under ``body``."""
    text = element_text(el)
    if not text.strip():
        return
    tag = el.tag
    if tag.startswith("h"):
        node = etree.SubElement(body, "head", rend=tag)
    elif tag == "pre":
        node = etree.SubElement(body, "code")
    elif tag == "li":
        node = etree.SubElement(etree.SubElement(body, "list"), "item")
    elif tag == "blockquote":
        node = etree.SubElement(etree.SubElement(body, "quote"), "p")
    else:
        node = etree.SubElement(body, "p")
    node.text = text
