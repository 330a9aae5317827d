"""Embedded posts (tweets) are part of the story: keep them visible to the extractor.

News pages quote social-media posts by embedding them (``<blockquote class="twitter-tweet">``
inside a ``social-media-embed`` wrapper). trafilatura's boilerplate rules drop such
containers by their class names, and with them quotations the article is about. Removing
those class names (on trafilatura's copy of the page only) lets the posts through as
ordinary block quotes.
"""

from __future__ import annotations

import re

from lxml import etree

_POST = re.compile(r"\btwitter-(?:tweet|video)\b")
_WRAPPER = re.compile(r"social|embed|tweet|twitter", re.I)
_WRAPPER_LEVELS = 2  # embed code wraps the post in one or two containers


def expose_embedded_posts(root: etree._Element) -> int:
    """Strip the class names that hide embedded posts in ``root``; return how many posts."""
    count = 0
    for quote in root.iter("blockquote"):
        if not _POST.search(quote.get("class") or ""):
            continue
        count += 1
        quote.attrib.pop("class", None)
        node = quote.getparent()
        for _ in range(_WRAPPER_LEVELS):
            if node is None or node.tag in ("body", "article", "main"):
                break
            if _WRAPPER.search(f"{node.get('class', '')} {node.get('id', '')}"):
                node.attrib.pop("class", None)
                node.attrib.pop("id", None)
            node = node.getparent()
    return count
