"""HTML page -> Document: the article's blocks, title, author, date and site.

trafilatura finds the main text (the strongest open extractor on public benchmarks);
we keep its structure as blocks and pick title and author ourselves from the page's
metadata, which trafilatura's own choice gets wrong more often (see ``web_title`` and
``web_author``). The canonical text is the blocks joined by one blank line; a title
block leads it so the reader sees what the article is called.
"""

from __future__ import annotations

import copy
import logging
import re
from types import SimpleNamespace
from typing import Any

import lxml.html
from lxml import etree

from reader.document import Document
from reader.ingest.canonical import Unit, assemble
from reader.ingest.decode import decode_bytes, looks_binary
from reader.ingest.errors import IngestError
from reader.ingest.sanitize import clean_text, sanitize_text
from reader.ingest.structure_pull import mark_pull_quotes
from reader.ingest.web_author import byline_name, choose_author
from reader.ingest.web_blocks import RawBlock, body_blocks
from reader.ingest.web_captions import insert_captions
from reader.ingest.web_embeds import expose_embedded_posts
from reader.ingest.web_fallback import flattened, structured_body
from reader.ingest.web_furniture import mark_furniture
from reader.ingest.web_meta import PageMeta, clean_space, collect
from reader.ingest.web_pull import mark_quoted_block_twins
from reader.ingest.web_title import agree, choose_title

# a line that is only a date and time ("08.04.2015 12:46", "Updated: March 3, 2024, 9:14 AM ET")
_DATELINE = re.compile(
    r"(?:(?:updated|published|posted|last modified|modified)\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?"
    r"(?:\d{1,4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[\w.]*"
    r"(?:[\s,./:-]+(?:\d{1,4}|[ap]\.?m\.?|utc|gmt|[ecmp][sd]?t|cest|cet|bst|ist|at|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?)*",
    re.I,
)
_CHAR_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
_HEAD_BLOCKS = 6  # how far into the article a title or byline block may sit
MAX_HTML_BYTES = 16 * 1024 * 1024  # extraction time grows with the page; beyond this it is not an article
_MIN_FALLBACK_CHARS = 60  # less than this from the baseline is a menu, not an article
_EXTRACTED_FIELDS = ("title", "author", "date", "sitename", "language", "description", "url")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its warnings are not ours to show
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def load_html(raw: bytes, source: str, charset: str | None = None, url: str | None = None) -> Document:
    """Build the Document of the HTML page ``raw`` read from ``source``.

    ``charset`` is the encoding an HTTP header declared, ``url`` the page's address
    (both optional). Raises IngestError for input that holds no readable article.
    """
    # control characters made inert before parsing: lxml refuses some in element text,
    # which makes trafilatura drop the whole article
    text = inert_control_references(clean_text(decode_page(raw, source, charset)))
    root = parse_page(text, source)
    page = collect(root)
    extracted = _extract(root, source, url)
    raw_blocks = body_blocks(extracted.body)
    if flattened(raw_blocks):
        rebuilt = structured_body(root, raw_blocks[0].text)
        if rebuilt is not None:
            raw_blocks = body_blocks(rebuilt)
    blocks = insert_captions(raw_blocks, root)
    if not any(b.kind != "caption" for b in blocks):
        raise IngestError(f"{source}: no article text found on the page")
    title = choose_title(page, extracted.title)
    head = [b.text for b in blocks[:_HEAD_BLOCKS] if len(b.text) < 120]
    author = choose_author(page, head, extracted.author)
    blocks = mark_furniture(_mark_head(blocks, title, author))
    return _document(blocks, source, title, author, _meta(page, extracted, url))


def inert_control_references(text: str) -> str:
    """Character references to control characters (``&#27;``) as their inert stand-ins.

    The parser would turn them into the very characters ``clean_text`` removed, and one
    such character makes trafilatura lose the article's structure.
    """
    if "&#" not in text:
        return text
    return _CHAR_REFERENCE.sub(_inert_reference, text)


def _inert_reference(match: re.Match[str]) -> str:
    """One character reference: kept unless it names a C0 control or DEL."""
    code = int(match[1], 16) if match[1] else int(match[2])
    if (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or code == 0x7F:
        return sanitize_text(chr(code))
    return match[0]


def decode_page(raw: bytes, source: str, charset: str | None = None) -> str:
    """The page as text: UTF-8 when it is valid, else the declared charset, else a guess."""
    if not raw.strip():
        raise IngestError(f"{source}: the page is empty")
    if len(raw) > MAX_HTML_BYTES:
        size, limit = len(raw) / (1024 * 1024), MAX_HTML_BYTES // (1024 * 1024)
        raise IngestError(f"{source}: the page is too large to read ({size:.0f} MB, the limit is {limit} MB)")
    if looks_binary(raw):
        raise IngestError(f"{source}: looks like a binary file, not a web page")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        declared = charset or _declared_charset(raw)
        if declared:
            try:
                return raw.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown declaration: let detection decide
    return decode_bytes(raw, source)


def _declared_charset(raw: bytes) -> str | None:
    """The charset a ``<meta>`` near the top of the page declares."""
    found = _META_CHARSET.search(raw[:4096])
    return found.group(1).decode("ascii", "replace") if found else None


def parse_page(text: str, source: str) -> etree._Element:
    """The page's element tree (lxml recovers from broken markup)."""
    try:
        root = lxml.html.document_fromstring(_XML_DECL.sub("", text, count=1), parser=_PARSER)
    except (etree.ParserError, ValueError) as error:
        raise IngestError(f"{source}: cannot parse the page as HTML ({error})") from None
    if root is None:
        raise IngestError(f"{source}: cannot parse the page as HTML")
    return root


def _extract(root: etree._Element, source: str, url: str | None) -> Any:
    """trafilatura's extraction (main text tree and its own metadata) of a copy of ``root``.

    When its main extractor finds nothing, its baseline (article tags, then paragraphs)
    is used if it finds a real amount of text: a page gloss can show beats an error.
    """
    import trafilatura  # imported here: it takes a while and only web pages need it

    tree = copy.deepcopy(root)
    expose_embedded_posts(tree)
    try:
        result = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_formatting=True,
            with_metadata=True,
        )
        if result is None or result.body is None or not len(result.body):
            body, text, _ = trafilatura.baseline(copy.deepcopy(root))
            if len(text.strip()) < _MIN_FALLBACK_CHARS:
                raise IngestError(f"{source}: no article text found on the page")
            result = SimpleNamespace(body=body, **dict.fromkeys(_EXTRACTED_FIELDS))
    except IngestError:
        raise
    except Exception as error:  # trafilatura fails in many ways on hostile pages
        raise IngestError(f"{source}: cannot extract the article ({type(error).__name__})") from None
    return result


def _mark_head(blocks: list[RawBlock], title: str | None, author: str | None) -> list[RawBlock]:
    """The title heading becomes a ``title`` block (added when missing), bylines ``byline``."""
    marked = list(blocks)
    found_title = False
    for i, block in enumerate(marked[:_HEAD_BLOCKS]):
        if not found_title and title and _is_title_block(block, title):
            marked[i] = RawBlock("title", block.text)
            found_title = True
        elif block.kind == "paragraph" and _is_byline(block.text, author):
            marked[i] = RawBlock("byline", block.text)
    if title and not found_title:
        marked.insert(0, RawBlock("title", sanitize_text(title)))
    return marked


def _is_title_block(block: RawBlock, title: str) -> bool:
    """A heading (or a short paragraph) that says the title, not a paragraph quoting it."""
    if block.kind not in ("heading", "paragraph"):
        return False
    return len(block.text) <= len(title) * 1.5 + 20 and agree(block.text, title)


def _is_byline(text: str, author: str | None) -> bool:
    """A short paragraph that only credits the author ("By Jane Roe", "Jane Roe | May 3")."""
    if len(text) > 120 or "\n" in text.strip():
        return False
    if byline_name(text) or _DATELINE.fullmatch(text.strip()):
        return True
    return (
        bool(author) and clean_space(text).lower().startswith(author.lower()) and len(text) < len(author) + 40
    )


def _document(
    blocks: list[RawBlock], source: str, title: str | None, author: str | None, meta: dict[str, Any]
) -> Document:
    """The canonical text (shared assembly rules) with pull quotes recognised."""
    units = [Unit(b.text, b.kind, b.level, b.lang) for b in blocks]
    mark_pull_quotes(units, sum(len(u.text) + 2 for u in units))
    mark_quoted_block_twins(units)
    text, spans = assemble(units)
    return Document(
        text=text,
        blocks=spans,
        source=source,
        title=sanitize_text(title) if title else None,
        author=sanitize_text(author) if author else None,
        meta=meta,
    )


def _meta(page: PageMeta, extracted: Any, url: str | None) -> dict[str, Any]:
    """Date, site, language, description and address of the page (only what is known)."""
    date = (
        page.first("article:published_time", "og:article:published_time", "datepublished", "date")
        or next(iter(page.ld_dates), "")
        or (extracted.date or "")
    )
    fields = {
        "format": "html",
        "date": date[:10] if re.match(r"\d{4}-\d\d-\d\d", date) else date,
        "site": page.first("og:site_name") or extracted.sitename,
        "language": extracted.language or page.first("og:locale", "language", "content-language"),
        "description": page.first("description", "og:description") or extracted.description,
        "url": url or extracted.url or page.first("og:url"),
    }
    return {key: sanitize_text(clean_space(value)) for key, value in fields.items() if value}
