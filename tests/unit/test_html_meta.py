"""Title and author come from the strongest evidence a page offers, checked for sanity."""

from __future__ import annotations

import json

import lxml.html
import pytest

from reader.ingest.html import load_html
from reader.ingest.web_author import byline_name, choose_author, clean_author, looks_like_name
from reader.ingest.web_meta import collect
from reader.ingest.web_title import choose_title, strip_site

BODY = (
    "<p>The harbour froze for the first time in forty years, and the ferries stayed in port "
    "while children skated between the moored boats on a bright cold morning.</p>"
    "<p>Officials said the ice would hold for another week. “We have never seen anything like "
    "it,” said the harbour master, who has worked there since the nineteen-eighties.</p>"
    "<p>Shops along the quay reported their best week of the winter as visitors arrived from "
    "all over the region to walk on the frozen water and take photographs.</p>"
)


def meta_of(head: str, body: str = "") -> object:
    """The collected metadata of a page with this head and body."""
    return collect(lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>"))


def ld(obj: dict) -> str:
    """A JSON-LD script tag."""
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def test_jsonld_headline_leads_when_the_page_agrees() -> None:
    page = meta_of(
        "<title>Harbour freezes over - The Quay Times</title>"
        + ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour freezes over"})
        + "<meta property='og:title' content='You will not believe this harbour'>",
        "<h1>Harbour freezes over</h1>",
    )
    assert choose_title(page) == "Harbour freezes over"


def test_og_title_beats_twitter_title_and_h1() -> None:
    page = meta_of(
        "<title>Ice age on the quay - The Quay Times</title>"
        "<meta property='og:title' content='The harbour froze'>"
        "<meta name='twitter:title' content='Skating between the boats'>",
        "<h1>Skating between the boats</h1>",
    )
    assert choose_title(page) == "The harbour froze"


def test_a_teaser_og_title_loses_to_a_title_the_h1_confirms() -> None:
    page = meta_of(
        "<title>The Deck of Cards That Changed Everything - Card Weekly</title>"
        "<meta property='og:title' content='If You Can Picture A Card, Thank These People'>",
        "<h1>The Deck of Cards That Changed Everything</h1>",
    )
    assert choose_title(page) == "The Deck of Cards That Changed Everything"


def test_site_suffix_is_cut_from_the_title() -> None:
    page = meta_of("<title>How to Build a Terrarium | Greenhouse</title>")
    assert choose_title(page) == "How to Build a Terrarium"
    named = meta_of("<meta property='og:site_name' content='The Quay Times'>")
    assert strip_site("The Quay Times - Harbour freezes over", named) == "Harbour freezes over"
    # an identifier is one word: cutting would leave too little
    assert (
        choose_title(meta_of("<title>draft-roe-harbour-04 - Harbour</title>"))
        == "draft-roe-harbour-04 - Harbour"
    )
    # too little would be left: nothing is cut
    assert strip_site("Google - Site Reliability Engineering", meta_of("")) == (
        "Google - Site Reliability Engineering"
    )


def test_a_blog_name_prefix_is_cut_unless_an_h1_shows_it() -> None:
    page = meta_of("<title>Silicon Notes: An open toolchain for small programmable chips</title>")
    assert choose_title(page) == "An open toolchain for small programmable chips"
    shown = "<h1>Xbox review: a console that keeps up with gaming PCs</h1>"
    page = meta_of("<title>Xbox review: a console that keeps up with gaming PCs</title>", shown)
    assert choose_title(page) == "Xbox review: a console that keeps up with gaming PCs"
    assert choose_title(meta_of("<title>Daring Notes: Colophon</title>")) == "Daring Notes: Colophon"


def test_an_og_title_that_only_names_the_site_is_ignored() -> None:
    page = meta_of(
        "<title>Harbour freezes over | The Quay Times</title>"
        "<meta property='og:title' content='The Quay Times'><meta property='og:site_name' content='The Quay Times'>",
        "<h1>Harbour freezes over</h1>",
    )
    assert choose_title(page) == "Harbour freezes over"


def test_title_falls_back_to_h1_and_then_none() -> None:
    assert choose_title(meta_of("", "<h1>Only a heading</h1>")) == "Only a heading"
    assert choose_title(meta_of("")) is None


def test_author_precedence_jsonld_then_meta_then_byline() -> None:
    head = ld({"@type": "Article", "author": [{"@type": "Person", "name": "Ada Lovelace"}]})
    head += "<meta name='author' content='Charles Babbage'>"
    assert choose_author(meta_of(head, "<span class='byline'>By Mary Somerville</span>")) == "Ada Lovelace"
    head = "<meta name='author' content='Charles Babbage'>"
    assert choose_author(meta_of(head, "<span class='byline'>By Mary Somerville</span>")) == "Charles Babbage"
    assert choose_author(meta_of("", "<span class='byline'>By Mary Somerville</span>")) == "Mary Somerville"
    assert choose_author(meta_of("", "<a rel='author' href='/m'>Mary Somerville</a>")) == "Mary Somerville"


def test_dc_creators_are_joined() -> None:
    head = "<meta name='DC.Creator' content='Kooman, F.'><meta name='DC.Creator' content='Jong, Michiel de'>"
    assert choose_author(meta_of(head)) == "Kooman, F., Jong, Michiel de"


def test_byline_in_comments_or_sidebars_is_ignored() -> None:
    body = "<div class='comments'><span class='author'>Troll McTroll</span></div>"
    assert choose_author(meta_of("", body)) is None


def test_a_site_name_is_only_a_last_resort() -> None:
    head = "<meta property='og:site_name' content='Quay News'><meta name='author' content='Quay News'>"
    assert choose_author(meta_of(head, "<p class='byline'>By Jane Roe</p>")) == "Jane Roe"
    assert choose_author(meta_of(head)) == "Quay News"


def test_body_byline_lines() -> None:
    assert byline_name("By Jane Roe") == "Jane Roe"
    assert byline_name("Posted by Jane Roe and John Doe") == "Jane Roe and John Doe"
    assert byline_name("By the way, the ice was thick.") is None
    assert byline_name("The ice was thick this year.") is None


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("by Lucas Nolan22 Dec 2016651", "Lucas Nolan"),
        ("By Jane Roe, Senior Staff Writer, Quay Times", "Jane Roe"),
        ("Jane Roe - Apr 16, 2015 8:02 pm UTC", "Jane Roe"),
        ("by Jane Roe   @janeroe   February 1, 2016", "Jane Roe"),
        ("Laura June Topolsky July 10, 2015", "Laura June Topolsky"),
        ("Written by Rob Smith Edited by Betsy Jones", "Rob Smith"),
        ("Bradley M. Kuhn (http://example.org/bkuhn/)", "Bradley M. Kuhn"),
        ("Tech Industry by Steven Musil", "Steven Musil"),
        ("Text: Jane Roe", "Jane Roe"),
    ],
)
def test_author_cleaning(raw: str, clean: str) -> None:
    assert clean_author(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("TOM KRISHER, AP Auto Writer", "TOM KRISHER"),
        ("Troy L. Smith, Cleveland.com", "Troy L. Smith"),
        ("Jong, Michiel de", "Jong, Michiel de"),
    ],
)
def test_meta_author_keeps_name_commas_but_drops_roles(raw: str, clean: str) -> None:
    assert clean_author(raw, meta=True) == clean


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "12 March 2020",
        "admin",
        "Monday",
        "Updated",
        "x" * 150,
        "Click here to read more stories like this one every day.",
    ],
)
def test_not_a_name(bad: str) -> None:
    assert not looks_like_name(clean_author(bad))


def test_whole_page_metadata() -> None:
    head = (
        "<title>Harbour freezes over | The Quay Times</title>"
        "<meta property='og:site_name' content='The Quay Times'>"
        "<meta name='author' content='Jane Roe'>"
    )
    html = (
        f"<html><head>{head}</head><body><article><h1>Harbour freezes over</h1>{BODY}</article></body></html>"
    )
    doc = load_html(html.encode(), "harbour.html")
    assert (doc.title, doc.author) == ("Harbour freezes over", "Jane Roe")
    assert doc.blocks[0].kind == "title"


def test_jsonld_graph_and_sloppy_json_are_read() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Quay Times"},
            {
                "@type": "NewsArticle",
                "headline": "Harbour\nfreezes over",
                "author": {"@type": "Person", "name": "Jane Roe"},
            },
        ],
    }
    raw = json.dumps(graph).replace("\\n", "\n")  # a raw newline inside a string, as pages have
    page = meta_of(f"<script type='application/ld+json'>{raw}</script>")
    assert choose_title(page) == "Harbour freezes over"
    assert choose_author(page) == "Jane Roe"
    broken = meta_of("<script type='application/ld+json'>{not json</script><title>Plain title here</title>")
    assert choose_title(broken) == "Plain title here"


def test_hostile_jsonld_is_bounded() -> None:
    huge = "[" + ",".join(["1"] * 100000) + "]"
    deep = "[" * 5000 + "]" * 5000
    head = "".join(f"<script type='application/ld+json'>{blob}</script>" for blob in (huge, deep))
    head += ld({"@type": "WebSite", "name": "Quay Times"})
    page = meta_of(head + "<title>Harbour freezes over | Quay Times</title>")
    assert page.site_names() == ["Quay Times"]
    assert choose_title(page) == "Harbour freezes over"
