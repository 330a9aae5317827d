"""Choose a web page's title from its metadata, ``<title>`` and ``h1`` evidence.

Publishers' structured metadata (JSON-LD ``headline``, ``og:title``) names the article
most reliably, so it leads, in the order reader-mode tools use. It is checked against
what the reader sees: a social-media teaser that agrees with neither the ``<title>`` nor
an ``h1`` loses to a ``<title>`` that an ``h1`` confirms. Site names are cut from the
ends of a ``<title>`` only when the page names its site or the cut leaves a real title.
"""

from __future__ import annotations

import re

from reader.ingest.web_meta import PageMeta, clean_space, word_key

_SEPARATORS = re.compile(r"\s+(?:[|\-–—·•»«/]|::)\s+")
_WORD = re.compile(r"\w+")
_MAX_TITLE = 300


def choose_title(page: PageMeta, fallback: str | None = None) -> str | None:
    """The article title, or None; ``fallback`` is the extractor's own guess."""
    doc_main = _strip_prefix(strip_site(page.doc_title, page, named_only=False), page)
    declared = [
        *page.ld_titles,
        page.first("dc.title", "dcterms.title", "dc:title", "dcterm:title"),
        page.first("og:title"),
    ]
    secondary = [page.first("title"), page.first("twitter:title", "parsely-title", "sailthru.title")]
    declared = [strip_site(t, page) for t in declared if _plausible(t)]
    secondary = [strip_site(t, page) for t in secondary if _plausible(t)]
    witnesses = [t for t in (page.doc_title, doc_main, *page.h1s) if t]
    declared = [t for t in declared if not _site_like(t, page)]
    for candidate in declared:
        if any(agree(candidate, w) for w in witnesses):
            return candidate
    # the publisher's declared title names something the page does not show (a teaser):
    # a <title> that an h1 confirms is what the reader sees
    for h1 in page.h1s:
        if doc_main and agree(doc_main, h1):
            # "Story | Site" over an h1 "Story": the h1 is the title without the site
            parts = {word_key(p) for p in _SEPARATORS.split(doc_main)}
            return h1 if word_key(h1) in parts else doc_main
    for candidate in (*declared, *secondary, doc_main, *page.h1s, clean_space(fallback)):
        if _plausible(candidate):
            return candidate
    return None


def strip_site(title: str, page: PageMeta, named_only: bool = True) -> str:
    """``title`` without a leading or trailing site name ("Story | Site" -> "Story").

    With ``named_only`` only parts equal to a name the page gives its site go; otherwise
    a short trailing part goes too when a real title is left.
    """
    title = clean_space(title)
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    sites = [word_key(s) for s in page.site_names() if s]
    # a part that names the site goes, from either end
    while len(parts) > 1 and _names_site(parts[-1], sites):
        parts.pop()
    while len(parts) > 1 and _names_site(parts[0], sites):
        parts.pop(0)
    # an unnamed short trailing part ("… | Ars Technica") goes if a real title is left
    if (
        not named_only
        and len(parts) > 1
        and len(_words(parts[-1])) <= 3
        and len(_words(" ".join(parts[:-1]))) >= 4
    ):
        parts.pop()
    return _rejoin(title, parts)


def _strip_prefix(title: str, page: PageMeta) -> str:
    """A ``<title>`` without a "Blog name: " prefix, when the rest is a real title.

    Only when no ``h1`` shows the whole thing (then the colon is part of the title).
    """
    if ": " not in title or _SEPARATORS.search(title):
        return title
    if any(word_key(h1) == word_key(title) for h1 in page.h1s):
        return title
    head, rest = title.split(": ", 1)[0], title.rsplit(": ", 1)[1]
    if len(_words(rest)) >= 5 and len(_words(head)) <= 5:
        return rest.strip()
    return title


def agree(a: str, b: str) -> bool:
    """True when two titles are the same up to case, punctuation, a site name or a word or two."""
    ka, kb = word_key(a), word_key(b)
    if not ka or not kb:
        return False
    if ka == kb or (min(len(ka), len(kb)) >= 12 and (ka in kb or kb in ka)):
        return True
    wa, wb = set(ka.split()), set(kb.split())
    return len(wa & wb) / len(wa | wb) >= 0.7


def _site_like(candidate: str, page: PageMeta) -> bool:
    """True for a declared "title" that only names the site (CMSs that put it everywhere)."""
    return _names_site(candidate, [word_key(s) for s in page.site_names()])


def _names_site(part: str, sites: list[str]) -> bool:
    """True when ``part`` is one of the site's names (or its domain)."""
    key = word_key(part)
    return bool(key) and any(key == s or key.replace(" ", "") == s.replace(" ", "") for s in sites)


def _rejoin(title: str, parts: list[str]) -> str:
    """The span of ``title`` from the first kept part to the last (separators kept)."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


def _plausible(title: str | None) -> bool:
    """A title has words and is not a paragraph."""
    return bool(title) and bool(_WORD.search(title)) and len(title) <= _MAX_TITLE


def _words(text: str) -> list[str]:
    """The words of ``text`` as a reader counts them ("draft-jong-04" is one)."""
    return text.split()
