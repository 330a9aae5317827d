"""What a web page says about itself: meta tags, JSON-LD, ``<title>``, ``h1``s, bylines.

This module only collects raw evidence from the parsed page; ``web_title`` and
``web_author`` weigh it. Collection runs on the original tree (trafilatura gets a copy),
because trafilatura strips bylines and headers that are exactly the evidence we need.
"""

from __future__ import annotations

import json
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# containers whose bylines belong to other stories, comments or promotions (the list
# reader modes use, plus recommendation widgets); "article"/"main"/"content" overrule it
_UNLIKELY = re.compile(
    r"-ad-|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|"
    r"legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
    r"supplemental|ad-break|agegate|pagination|pager|popup|recommend|promo|teaser|popular|"
    r"trending|most-read|outbrain|taboola|newsletter",
    re.I,
)
_MAYBE = re.compile(r"and|article|body|column|content|main|shadow", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BYLINE_HINT = re.compile(r"byline|author|writtenby|p-author|dateline|contributor", re.I)
_ARTICLE_TYPES = re.compile(
    r"Article|BlogPosting|NewsArticle|Report|Review|ScholarlyArticle|TechArticle|"
    r"SocialMediaPosting|LiveBlogPosting|OpinionNewsArticle|AnalysisNewsArticle|WebPage|CreativeWork",
)
_MAX_BYLINE = 100
_MAX_JSONLD_OBJECTS = 50


def clean_space(text: str | None) -> str:
    """Collapse runs of whitespace (incl. no-break spaces) to one space and trim."""
    return _SPACE.sub(" ", (text or "").replace("\u00a0", " ")).strip()


def word_key(text: str) -> str:
    """A comparison key: lower-case words only (so title and author judge site names alike)."""
    return " ".join(_WORD.findall(text.lower()))


@dataclass
class PageMeta:
    """Raw metadata evidence gathered from one page."""

    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name -> contents
    doc_title: str = ""
    h1s: list[str] = field(default_factory=list)
    ld_titles: list[str] = field(default_factory=list)
    ld_authors: list[str] = field(default_factory=list)
    ld_publishers: list[str] = field(default_factory=list)
    ld_dates: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)  # DOM byline texts, document order

    def first(self, *names: str) -> str:
        """The first non-empty value among meta tags ``names``, in that order."""
        for name in names:
            for value in self.meta.get(name, ()):
                if value:
                    return value
        return ""

    def site_names(self) -> list[str]:
        """Names the page gives its publisher (for telling a site from an author)."""
        names = [
            self.first("og:site_name"),
            self.first("application-name"),
            self.first("twitter:site"),
            *self.ld_publishers,
        ]
        return [n.lstrip("@") for n in names if n]


def collect(root: etree._Element) -> PageMeta:
    """Gather title, author and date evidence from the parsed page ``root``."""
    page = PageMeta()
    _collect_meta_tags(root, page)
    page.doc_title = clean_space(_first_text(root, "//head/title|//title[not(ancestor::svg)]"))
    page.h1s = [t for t in (clean_space(element_text(h)) for h in root.iter("h1")) if t][:5]
    for obj in _jsonld_objects(root):
        _take_jsonld(obj, page)
    page.bylines = _dom_bylines(root)
    return page


def _collect_meta_tags(root: etree._Element, page: PageMeta) -> None:
    """Index ``<meta name|property|itemprop=… content=…>`` by lower-cased key."""
    for el in root.iter("meta"):
        content = clean_space(el.get("content"))
        if not content:
            continue
        for attr in ("name", "property", "itemprop"):
            key = (el.get(attr) or "").strip().lower()
            if key:
                page.meta.setdefault(key, []).append(content)


def _jsonld_objects(root: etree._Element) -> list[dict[str, Any]]:
    """The JSON objects of the page's JSON-LD scripts (``@graph`` and lists flattened).

    Bounded: a page may carry a huge JSON blob; the first objects are the ones that
    describe it.
    """
    found: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^(//\s*)?<!\[CDATA\[|(//\s*)?\]\]>$", "", raw).strip()
        try:
            data = json.loads(raw, strict=False)  # publishers leave raw newlines in strings
        except (ValueError, RecursionError):
            continue
        queue, steps = deque([data]), 0
        while queue and len(found) < _MAX_JSONLD_OBJECTS and steps < 20 * _MAX_JSONLD_OBJECTS:
            item, steps = queue.popleft(), steps + 1
            if isinstance(item, list):
                queue.extend(item[:_MAX_JSONLD_OBJECTS])
            elif isinstance(item, dict):
                found.append(item)
                queue.extend(v for v in (item.get("@graph"), item.get("mainEntity")) if v)
    return found


def _types(obj: dict[str, Any]) -> str:
    """The ``@type`` of a JSON-LD object as one string."""
    kind = obj.get("@type", "")
    return " ".join(kind) if isinstance(kind, list) else str(kind)


def _take_jsonld(obj: dict[str, Any], page: PageMeta) -> None:
    """Record the headline, authors, publisher and date of an article-like object."""
    if re.search(r"\bWebSite\b", _types(obj)):
        page.ld_publishers.extend(_person_names(obj.get("name")))
    if not _ARTICLE_TYPES.search(_types(obj)):
        return
    article = "Page" not in _types(obj)  # a WebPage's "name" is often the site's
    for key in ("headline", "name") if article else ("headline",):
        value = obj.get(key)
        if isinstance(value, str) and clean_space(value):
            page.ld_titles.append(clean_space(value))
    names = _person_names(obj.get("author")) or _person_names(obj.get("creator"))
    if names:
        page.ld_authors.append(", ".join(names))
    page.ld_publishers.extend(_person_names(obj.get("publisher")))
    for key in ("datePublished", "dateCreated", "dateModified"):
        if isinstance(obj.get(key), str):
            page.ld_dates.append(obj[key])


def _person_names(value: Any) -> list[str]:
    """Names out of a JSON-LD author/publisher value (string, object or list)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, str):
            name = item
        elif isinstance(item, dict):
            name = item.get("name") or ""
            if isinstance(name, list):
                name = " ".join(str(n) for n in name)
        else:
            continue
        name = clean_space(str(name))
        if name and not name.startswith(("http://", "https://")):
            names.append(name)
    return names


def _dom_bylines(root: etree._Element) -> list[str]:
    """Short texts of elements marked as bylines (rel/itemprop/class/id), document order."""
    found: list[str] = []
    body = root.find(".//body")
    for el in (body if body is not None else root).iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "link"):
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')}"
        if not (
            el.get("rel") == "author" or "author" in (el.get("itemprop") or "") or _BYLINE_HINT.search(marks)
        ):
            continue
        text = clean_space(element_text(el))
        if 0 < len(text) < _MAX_BYLINE and not _in_unlikely_container(el):
            found.append(text)
        if len(found) >= 20:
            break
    return found


def _in_unlikely_container(el: etree._Element) -> bool:
    """True when hidden, or inside comments, sidebars, footers, related-story lists …"""
    if _hidden(el):
        return True
    node = el.getparent()
    while node is not None and node.tag not in ("body", "html"):
        marks = f"{node.get('class', '')} {node.get('id', '')}"
        if node.tag in ("footer", "aside", "nav") or _hidden(node):
            return True
        if _UNLIKELY.search(marks) and not _MAYBE.search(marks):
            return True
        node = node.getparent()
    return False


def _hidden(el: etree._Element) -> bool:
    """True for an element the reader cannot see."""
    return (
        el.get("hidden") is not None
        or el.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(el.get("style") or ""))
    )


def element_text(el: etree._Element) -> str:
    """All text under ``el`` in document order, except scripts, styles and comments."""
    parts: list[str] = []
    skipping = 0
    for event, node in etree.iterwalk(el, events=("start", "end", "comment", "pi")):
        if event in ("comment", "pi"):
            if not skipping and node.tail:
                parts.append(node.tail)
            continue
        skip = node.tag in ("script", "style", "noscript")
        if event == "start":
            if skip:
                skipping += 1
            elif not skipping and node.text:
                parts.append(node.text)
            continue
        if skip:
            skipping -= 1
        if node is not el and not skipping and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def _first_text(root: etree._Element, path: str) -> str:
    """Text of the first element matching ``path``."""
    found = root.xpath(path)
    return element_text(found[0]) if found else ""
