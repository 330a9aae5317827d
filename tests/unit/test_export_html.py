"""HTML export: the coloured article with highlights and notes, everything escaped."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from test_export_helpers import seed_item

from annotations.export.context import ArticleExport
from annotations.model import DEFAULT_TAGS, Annotation, Target
from reader.document import Analysis, Block, Document, Entity, Quote
from reader.html_export import render_html

VOID = {"meta", "br", "hr", "img", "input", "link"}


class _Balance(HTMLParser):
    """Checks that every non-void element is closed in order; collects hrefs and ids."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.hrefs: list[str] = []
        self.ids: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if values.get("href"):
            self.hrefs.append(values["href"] or "")
        if values.get("id"):
            self.ids.append(values["id"] or "")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def _parse(page: str) -> _Balance:
    parser = _Balance()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


def _hostile_item() -> ArticleExport:
    text = "Evil <script>alert(1)</script> title\n\nShe said “stop & <b>go</b>” loudly, said Mallory."
    doc = Document(text, (Block("title", 0, 36), Block("paragraph", 38, len(text))), "x.txt", title=text[:36])
    start = text.index("“")
    quote = Quote(start, text.index("”") + 1, "stop & <b>go</b>", "speech", "Mallory <i>", "e1")
    entity = Entity("e1", "Mallory <i>", "PERSON", ((text.index("Mallory"), len(text) - 1),))
    note = 'Raw <img src=x onerror="alert(1)"> and [click](javascript:alert(1)) and *fine*\n# heading'
    ann = Annotation(
        "k", Target.from_text(text, start, start + 10), "Key point", note, "id-1", "2026-01-01T00:00:00+00:00"
    )
    return ArticleExport("k", (ann,), doc, Analysis((quote,), (entity,)), None, DEFAULT_TAGS)


def test_everything_is_escaped() -> None:
    page = render_html([_hostile_item()], include=("quotes", "entities"))
    parsed = _parse(page)
    assert "<script" not in page and "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;go&lt;/b&gt;" in page
    assert not any(h.startswith("javascript:") for h in parsed.hrefs)
    assert "<em>fine</em>" in page  # the note is Markdown
    assert "<h1>heading" not in page and "# heading" in page  # and its headings stay text
    assert parsed.tags >= {"html", "head", "body", "article", "pre", "ol", "blockquote"}


def test_highlights_link_both_ways_and_are_coloured() -> None:
    item = seed_item()
    page = render_html([item], include=("quotes", "entities"))
    parsed = _parse(page)
    placed = 4  # seed_item has four placed highlights and one orphan
    for number in range(1, placed + 1):
        assert f"a0-h{number}" in parsed.ids and f"a0-n{number}" in parsed.ids
        assert f"#a0-n{number}" in parsed.hrefs and f"#a0-h{number}" in parsed.hrefs
    assert "a0-n5" in parsed.ids and "#a0-h5" not in parsed.hrefs  # the orphan is listed only
    assert "-Gloss-Highlight-Tag2" in page and "-Gloss-Quote-Speaker1" in page
    assert "@media (prefers-color-scheme: dark)" in page
    # only rules for classes in the page are kept
    assert ".-Gloss-Highlight-Tag9" not in page


def test_article_text_is_complete_in_the_page() -> None:
    for item in (seed_item(), _hostile_item()):
        page = render_html([item])
        body = page[page.index('<pre class="gloss-article">') + 27 : page.index("</pre>")]
        body = re.sub(r'<sup class="ref"><a [^>]*>\d+</a></sup>', "", body)
        assert item.doc is not None
        assert html.unescape(re.sub(r"<[^>]+>", "", body)) == item.doc.text


def test_several_articles_on_one_page() -> None:
    page = render_html([seed_item(), _hostile_item()])
    parsed = _parse(page)
    assert "a0-h1" in parsed.ids and "a1-h1" in parsed.ids
    assert page.count("<article ") == 2


def test_highlights_take_the_users_tag_colours() -> None:
    from dataclasses import replace

    from annotations.model import Tag

    item = seed_item()
    tags = tuple(replace(t, colour="#ff0000") if t.key == "2" else t for t in item.tags)
    tags += (Tag("Odd", "5", "red;} body{display:none"),)  # never reaches the CSS
    page = render_html([replace(item, tags=tags)])
    css = page[page.index("<style>") : page.index("</style>")]
    assert css.rstrip().endswith(".gloss-article .-Gloss-Highlight-Tag5 { background-color: #c678dd80 }")
    assert ".gloss-article .-Gloss-Highlight-Tag2 { background-color: #ff000080 }" in css
    assert "display:none" not in css
