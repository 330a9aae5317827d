"""Put figure captions back into the extracted article, where the page shows them.

trafilatura drops ``<figcaption>`` text. We find each caption in the original page and
place it after the extracted block that precedes its figure in document order. A caption
is kept only when extracted blocks surround it (before and after), so captions of
sidebars, headers and "related" teasers outside the article stay out.
"""

from __future__ import annotations

from lxml import etree

from reader.ingest.web_blocks import RawBlock, normalise_text
from reader.ingest.web_meta import clean_space, element_text

_TEXT_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td"}
_KEY_LEN = 60


def insert_captions(blocks: list[RawBlock], root: etree._Element) -> list[RawBlock]:
    """``blocks`` with the captions of figures inside the article inserted in place."""
    if not blocks or next(root.iter("figcaption"), None) is None:
        return blocks
    index: dict[str, int] = {}
    for i, block in enumerate(blocks):
        index.setdefault(_key(block.text), i)
    present = {b.text.replace("\n", " ").lower() for b in blocks}
    placed: dict[int, list[str]] = {}
    last, pending = -1, []
    for el in root.iter(*_TEXT_TAGS, "figcaption"):
        if el.tag == "figcaption":
            caption = normalise_text(element_text(el))
            if caption and clean_space(caption).lower() not in present and last >= 0:
                pending.append((last, caption))
            continue
        found = index.get(_key(_start_text(el)))
        if found is None or found < last:
            continue
        for after, caption in pending:  # an article block follows: the captions are inside
            if caption not in placed.setdefault(after, []):
                placed[after].append(caption)
        last, pending = found, []
    return _merge(blocks, placed)


def _merge(blocks: list[RawBlock], placed: dict[int, list[str]]) -> list[RawBlock]:
    """The blocks with each caption list inserted after its block."""
    out: list[RawBlock] = []
    for i, block in enumerate(blocks):
        out.append(block)
        out.extend(RawBlock("caption", text) for text in placed.get(i, ()))
    return out


def _start_text(el: etree._Element) -> str:
    """The first few hundred characters of an element's text (enough for its key)."""
    parts, size = [], 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size >= _KEY_LEN * 4:
            break
    return "".join(parts)


def _key(text: str) -> str:
    """The start of a block's text, for finding it in the page."""
    return clean_space(text[: _KEY_LEN * 4]).lower()[:_KEY_LEN]
