"""HTML pages become structured Documents: blocks, offsets, title block, captions, safe text."""

from __future__ import annotations

import pytest

from reader.ingest.html import load_html

PARAGRAPHS = [
    "Birds are everywhere in the city this spring, and residents have noticed the change in "
    "the mornings when the songs begin well before dawn across the old quarter.",
    "Experts say the warm winter helped. “It was a good year for them,” said Ann Lee, an "
    "ornithologist at the university, who has counted the nests for twelve years.",
    "The council plans a survey next month, and volunteers can sign up at the library until "
    "the end of the week, the organisers said in a statement on Tuesday.",
]


def page(article: str, head: str = "<title>A story about birds | Bird Times</title>") -> bytes:
    """A small but realistic page: navigation, the article, a footer."""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        f"<main><article>{article}</article></main>"
        "<footer><p>Copyright Bird Times. All rights reserved.</p></footer></body></html>"
    ).encode()


def blocks_of(doc) -> list[tuple[str, str, int]]:
    """(kind, text, level) of each block."""
    return [(b.kind, doc.text[b.start : b.end], b.level) for b in doc.blocks]


def test_article_structure_becomes_blocks() -> None:
    article = (
        "<h1>A story about birds</h1>"
        f"<p>{PARAGRAPHS[0]}</p><h2>Why now</h2><p>{PARAGRAPHS[1]}</p>"
        "<blockquote><p>The first quoted paragraph, long enough to be kept as text.</p>"
        "<p>The second quoted paragraph.</p></blockquote>"
        "<ul><li>First item with <b>bold</b> words</li><li>Second item<ul><li>A nested item</li></ul></li></ul>"
        f"<p>{PARAGRAPHS[2]}</p>"
    )
    doc = load_html(page(article), "birds.html")
    got = blocks_of(doc)
    assert got[0] == ("title", "A story about birds", 0)
    assert ("heading", "Why now", 2) in got
    assert ("blockquote", "The first quoted paragraph, long enough to be kept as text.", 0) in got
    assert ("blockquote", "The second quoted paragraph.", 0) in got
    assert ("list_item", "First item with bold words", 1) in got
    assert ("list_item", "Second item", 1) in got
    assert ("list_item", "A nested item", 2) in got
    assert [t for k, t, _ in got if k == "paragraph"] == PARAGRAPHS
    assert "Copyright" not in doc.text and "Home" not in doc.text.split("\n\n")


def test_canonical_text_is_blocks_joined_by_one_blank_line() -> None:
    article = (
        f"<h1>A story about birds</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>"
    )
    doc = load_html(page(article), "birds.html")
    assert doc.text == "\n\n".join(doc.text[b.start : b.end] for b in doc.blocks)
    assert "\n\n\n" not in doc.text
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == doc.text[block.start : block.end].strip()


def test_title_block_added_when_the_body_has_no_heading() -> None:
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    doc = load_html(page(article), "birds.html")
    assert doc.title == "A story about birds"
    assert blocks_of(doc)[0] == ("title", "A story about birds", 0)
    assert doc.text.startswith("A story about birds\n\n")


def test_code_and_line_breaks_are_kept() -> None:
    article = (
        f"<h1>A story about birds</h1><p>{PARAGRAPHS[0]}</p>"
        "<pre><code class='language-python'>def count(nests):\n    return len(nests)</code></pre>"
        f"<p>Roses are red,<br>violets are blue.</p><p>{PARAGRAPHS[1]}</p>"
    )
    doc = load_html(page(article), "birds.html")
    got = blocks_of(doc)
    assert ("code", "def count(nests):\n    return len(nests)", 0) in got
    assert [b.lang for b in doc.blocks if b.kind == "code"] == ["python"]
    assert ("paragraph", "Roses are red,\nviolets are blue.", 0) in got


def test_table_rows_become_paragraphs() -> None:
    article = (
        f"<h1>A story about birds</h1><p>{PARAGRAPHS[0]}</p>"
        "<table><tr><th>Bird</th><th>Nests</th></tr><tr><td>Robin</td><td>12</td></tr></table>"
        f"<p>{PARAGRAPHS[1]}</p>"
    )
    got = blocks_of(load_html(page(article), "birds.html"))
    assert ("paragraph", "Bird | Nests", 0) in got
    assert ("paragraph", "Robin | 12", 0) in got


def test_figure_caption_inside_the_article_is_kept_in_place() -> None:
    article = (
        f"<h1>A story about birds</h1><p>{PARAGRAPHS[0]}</p>"
        "<figure><img src='robin.jpg' alt=''><figcaption>A robin on the old bridge.</figcaption></figure>"
        f"<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>"
    )
    got = blocks_of(load_html(page(article), "birds.html"))
    kinds = [k for k, _, _ in got]
    at = got.index(("caption", "A robin on the old bridge.", 0))
    assert got[at - 1][1] == PARAGRAPHS[0] and got[at + 1][1] == PARAGRAPHS[1]
    assert kinds.count("caption") == 1


def test_caption_outside_the_article_is_dropped() -> None:
    head = "<title>A story about birds</title>"
    html = page("<h1>A story about birds</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS), head)
    html = html.replace(
        b"<footer>",
        b"<aside><figure><img src='ad.jpg'><figcaption>Buy our mugs</figcaption></figure></aside><footer>",
    )
    doc = load_html(html, "birds.html")
    assert "mugs" not in doc.text


def test_byline_paragraph_is_marked() -> None:
    article = "<h1>A story about birds</h1><p>By Jane Roe</p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    doc = load_html(page(article), "birds.html")
    got = blocks_of(doc)
    assert doc.author == "Jane Roe"
    assert all(kind != "paragraph" or not text.startswith("By ") for kind, text, _ in got)


@pytest.mark.parametrize(
    ("dangerous", "inert"),
    [("\x1b[31m", "\u241b[31m"), ("\u202e", "\ufffd"), ("\x07", "\u2407")],
)
def test_control_and_bidi_characters_are_inert(dangerous: str, inert: str) -> None:
    article = (
        f"<h1>A story about birds</h1><p>{PARAGRAPHS[0]}</p>"
        f"<p>Trouble {dangerous}here and [bold]markup[/bold] too, in a long enough paragraph of text.</p>"
        f"<p>{PARAGRAPHS[1]}</p>"
    )
    doc = load_html(page(article, f"<title>Birds {dangerous}today</title>"), "birds.html")
    assert dangerous not in doc.text and inert in doc.text
    assert "[bold]markup[/bold]" in doc.text
    assert doc.title is not None and dangerous not in doc.title


def test_meta_records_date_site_and_format() -> None:
    head = (
        "<title>A story about birds | Bird Times</title>"
        "<meta property='og:site_name' content='Bird Times'>"
        "<meta property='article:published_time' content='2024-05-03T10:00:00Z'>"
    )
    article = "<h1>A story about birds</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    doc = load_html(page(article, head), "birds.html")
    assert doc.meta["format"] == "html"
    assert doc.meta["site"] == "Bird Times"
    assert doc.meta["date"] == "2024-05-03"


def test_page_furniture_is_kept_but_marked_boilerplate() -> None:
    article = (
        f"<h1>A story about birds</h1><p>{PARAGRAPHS[0]}</p>"
        "<p>Read more: Why the city's pigeons are getting bigger</p>"
        f"<p>{PARAGRAPHS[1]}</p>"
        "<p>Get the latest stories in your inbox. Subscribe to our newsletters.</p>"
        f"<p>{PARAGRAPHS[2]}</p>"
        "<p>The society's newsletter, which has reported on the nests since 1950, will publish "
        "the full count in June, alongside photographs sent in by members across the county.</p>"
        "<h2>You may also like</h2><ul><li>Ten birds to spot this winter</li><li>Owls of the old town</li></ul>"
    )
    got = blocks_of(load_html(page(article), "birds.html"))
    kinds = {text: kind for kind, text, _ in got}
    assert kinds["Read more: Why the city's pigeons are getting bigger"] == "boilerplate"
    assert kinds["Get the latest stories in your inbox. Subscribe to our newsletters."] == "boilerplate"
    assert kinds["You may also like"] == "boilerplate"
    assert kinds["Owls of the old town"] == "boilerplate"
    assert all(kinds[p] == "paragraph" for p in PARAGRAPHS)
    assert any(kind == "paragraph" and "society's newsletter" in text for kind, text, _ in got)


def test_a_paragraph_that_quotes_the_title_is_not_the_title() -> None:
    lead = f"A story about birds would not be complete without the sparrows. {PARAGRAPHS[0]}"
    article = f"<p>{lead}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>"
    got = blocks_of(load_html(page(article), "birds.html"))
    assert got[0] == ("title", "A story about birds", 0)
    assert ("paragraph", lead, 0) in got


def test_a_dateline_at_the_top_is_marked_byline() -> None:
    article = "<h1>A story about birds</h1><p>Updated: March 3, 2024, 9:14 AM ET</p>" + "".join(
        f"<p>{p}</p>" for p in PARAGRAPHS
    )
    got = blocks_of(load_html(page(article), "birds.html"))
    assert ("byline", "Updated: March 3, 2024, 9:14 AM ET", 0) in got


def test_embedded_tweets_are_kept_as_block_quotes() -> None:
    tweet = (
        "<div class='social-media-embed'><blockquote class='twitter-tweet'><p>The ice is thicker than "
        "it has been in forty years, stay off the harbour tonight.</p>— Harbour Master (@harbour) "
        "<a href='https://twitter.com/x'>January 3, 2024</a></blockquote></div>"
    )
    article = f"<h1>A story about birds</h1><p>{PARAGRAPHS[0]}</p>{tweet}<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>"
    got = blocks_of(load_html(page(article), "birds.html"))
    quoted = [text for kind, text, _ in got if kind == "blockquote"]
    assert any("stay off the harbour tonight" in text for text in quoted)


@pytest.mark.parametrize(
    "pull",
    [
        "<blockquote><p>It was a good year for them</p></blockquote>",
        "<p>“It was a good year for them,”</p>",
    ],
)
def test_pull_quotes_are_recognised_by_their_body_twin(pull: str) -> None:
    article = f"<h1>A story about birds</h1><p>{PARAGRAPHS[0]}</p>{pull}<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>"
    got = blocks_of(load_html(page(article), "birds.html"))
    assert [kind for kind, text, _ in got if "good year for them" in text] == ["pull_quote", "paragraph"]


def test_a_block_quote_without_a_twin_stays_a_block_quote() -> None:
    quote = "<blockquote><p>Nothing in the body says these particular words at all.</p></blockquote>"
    article = f"<h1>A story about birds</h1><p>{PARAGRAPHS[0]}</p>{quote}<p>{PARAGRAPHS[1]}</p>"
    got = blocks_of(load_html(page(article), "birds.html"))
    assert ("blockquote", "Nothing in the body says these particular words at all.", 0) in got


def test_a_short_minified_page_keeps_its_blocks() -> None:
    """trafilatura flattens a short page into one paragraph; its own blocks are read instead."""
    raw = (
        "<html><head><title>Short</title></head><body><nav>Home | About</nav><article>"
        "<h1>Big News Today</h1><p class='byline'>By Jane Roe</p>"
        "<p>“We will act,” said Mayor John Doe on Monday. The council met twice.</p>"
        "<pre><code>x = 1 &lt; 2</code></pre><p>Final paragraph.</p></article>"
        "<footer>Copyright</footer></body></html>"
    ).encode()
    kinds = [(kind, text) for kind, text, _ in blocks_of(load_html(raw, "short.html"))]
    assert ("heading", "Big News Today") in kinds
    assert ("code", "x = 1 < 2") in kinds
    assert ("paragraph", "Final paragraph.") in kinds
    assert not any("Home" in text or "Copyright" in text for _, text in kinds)


def test_a_script_inside_a_block_of_a_short_page_is_not_text() -> None:
    """The rebuilt blocks skip script code inside a block, as they skip scripts between blocks."""
    raw = (
        "<html><head><title>Short</title></head><body><nav>Home | About</nav><article>"
        "<h1>Big News Today</h1><p class='byline'>By Jane Roe</p>"
        "<p>“We will act,” said Mayor John Doe on Monday. The council met twice.<script>track('x')</script></p>"
        "<pre><code>x = 1 &lt; 2</code></pre><p>Final paragraph.</p></article></body></html>"
    ).encode()
    kinds = [(kind, text) for kind, text, _ in blocks_of(load_html(raw, "short.html"))]
    assert ("heading", "Big News Today") in kinds  # the rebuilt blocks, not one flat paragraph
    assert ("paragraph", "“We will act,” said Mayor John Doe on Monday. The council met twice.") in kinds
