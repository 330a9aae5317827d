"""Choose a web page's author from JSON-LD, meta tags, marked bylines and "By X" lines.

Evidence is tried from the most to the least deliberate: structured data the publisher
wrote for machines, then author meta tags, then elements the page marks as a byline
(``rel=author``, ``itemprop=author``, ``class=byline``), then "By X" lines at the top of
the article. Each candidate is cleaned ("By", dates, handles, roles and "Edited by …"
cut off) and must still look like a name: not a date, a URL, a site name or a sentence.
A site name is accepted only when nothing better exists (some publishers credit
themselves, e.g. "BBC News").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from reader.ingest.web_meta import PageMeta, clean_space, word_key

_LEAD = re.compile(
    r"^(?:(?:posted|written|words|story|reported|text|report|published)\s+)?"
    r"(?:by|von|par|por)\s*[:\-]?\s+|^(?:author|autor|auteur|byline|text|texto|текст|автор)\s*:\s*",
    re.I,
)
_CUTS = re.compile(
    r"\s[|•·–—]\s|\s-\s|@|https?://|\(\s*https?://|\d|\s(?:on|updated|published|posted|edited|photo\w*|"
    r"illustrat\w*|reporting|additional|follow|email|contact|last|filed)\b|\s/\s",
    re.I,
)
_MONTH = re.compile(
    r"\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december)\.?\s*$",
    re.I,
)
_GENERIC = {
    "admin",
    "administrator",
    "anonymous",
    "author",
    "by",
    "contributor",
    "editor",
    "editors",
    "guest",
    "name",
    "staff",
    "unknown",
    "the editors",
    "editorial staff",
}
_NOT_NAMES = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|june|july|august|"
    r"september|october|november|december|updated|published|share|comments?|more|about",
    re.I,
)
# what follows "Name, " in a meta author when it is a role or the publication, not a name part
_ROLE = re.compile(
    r"\b(?:writer|reporter|editor|correspondent|columnist|contributor|staff|journalist|critic|"
    r"producer|analyst|bureau|news|press|wire)s?\b|\.\w{2,}\b",
    re.I,
)
_INNER_BY = re.compile(r"^(?:\S+\s+){1,4}by\s+(?=\S)", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)
_MAX_LEN = 100


def choose_author(page: PageMeta, body_lines: Iterable[str] = (), fallback: str | None = None) -> str | None:
    """The article's author(s), or None.

    ``body_lines`` are the first short blocks of the extracted article (for "By X"
    lines); ``fallback`` is the extractor's own guess.
    """
    sites = {word_key(s) for s in page.site_names()} - {""}
    site_credit = None
    for raw, source in _candidates(page, body_lines, fallback):
        name = clean_author(raw, meta=source == "meta")
        if not name or not looks_like_name(name):
            continue
        if word_key(name) in sites:
            site_credit = site_credit or name
            continue
        return name
    return site_credit


def byline_name(line: str) -> str | None:
    """The name in a "By X" line of article text, or None when ``line`` is not a byline."""
    text = clean_space(line)
    if len(text) > _MAX_LEN or not _LEAD.match(text):
        return None
    name = clean_author(text)
    return name if name and looks_like_name(name) and _capitalised(name) else None


def clean_author(text: str, meta: bool = False) -> str:
    """``text`` without "By", dates, handles, URLs and trailing roles.

    Meta values keep their commas ("Jong, Michiel de" is a name); visible bylines lose
    what follows a comma ("Jane Roe, Senior Writer").
    """
    text = clean_space(text)
    text = _LEAD.sub("", text, count=1).strip()
    cut = _CUTS.search(text)
    if cut:
        text = text[: cut.start()]
    text = _INNER_BY.sub("", text, count=1) if not meta else text  # "Tech Industry by Jane Roe"
    if "," in text:
        head, tail = text.split(",", 1)
        if len(head.split()) >= 2 and (not meta or _ROLE.search(tail)):
            text = head
    text = _MONTH.sub("", text)
    text = re.sub(r"\(\s*\)", "", text)
    return text.strip(" ,;:-|·•()[]").strip()


def looks_like_name(name: str) -> bool:
    """True when ``name`` could be a person, a list of people or an organisation."""
    if not name or len(name) > _MAX_LEN or not re.search(r"[^\W\d_]", name):
        return False
    if (
        word_key(name) in _GENERIC
        or _NOT_NAMES.fullmatch(name)
        or re.search(r"[a-z]{3,}[.!?]\s+\w+\s+\w+", name)
    ):
        return False
    names = [n for n in _NAME_SPLIT.split(name) if n]
    return all(len(n.split()) <= 5 for n in names) and len(name.split()) <= 14


def _candidates(page: PageMeta, body_lines: Iterable[str], fallback: str | None) -> Iterator[tuple[str, str]]:
    """(text, source) pairs in order of trust."""
    for author in page.ld_authors:
        yield author, "meta"
    for names in (("dc.creator", "dcterms.creator", "dc:creator", "dcterm:creator"),):
        joined = ", ".join(dict.fromkeys(v for n in names for v in page.meta.get(n, ())))
        if joined:
            yield joined, "meta"
    for name in ("author", "article:author", "og:article:author", "parsely-author", "sailthru.author"):
        for value in page.meta.get(name, ()):
            if not value.startswith(("http://", "https://")):
                yield value, "meta"
    for value in page.meta.get("byl", ()):
        yield value, "byline"
    citation = page.meta.get("citation_author", ())
    if citation:
        yield ", ".join(citation), "meta"
    for text in page.bylines:
        yield text, "byline"
    for line in body_lines:
        name = byline_name(line)
        if name:
            yield name, "byline"
    if fallback:
        yield fallback, "meta"


def _capitalised(name: str) -> bool:
    """Most words of a name start with a capital letter."""
    words = [w for w in name.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) * 2 >= len(words)
