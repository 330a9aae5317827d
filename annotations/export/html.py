"""The standalone HTML page: the coloured article, then the highlights with their notes.

The article body arrives pre-rendered (``reader.html_export`` draws it through the
Pygments layer, so the page shows the same colours as the app); this module escapes and
assembles everything else. Every piece of text is HTML-escaped; a note is Markdown
rendered with raw HTML disabled (markdown-it drops ``javascript:`` links), with its
headings neutralised as in the Markdown export. Highlight ``n`` of an article has the
anchor ``{article}-h{n}`` in the text and its entry ``{article}-n{n}`` in the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt

from annotations.export.context import ExportContext, Highlight
from annotations.export.escape import clean_text, neutralise_note


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def note_html(note: str) -> str:
    """A Markdown note as safe HTML (no raw HTML, no headings, no script links)."""
    return _markdown().render(neutralise_note(note)).strip()


def text(value: object) -> str:
    """Any value as escaped HTML text without control characters."""
    return escape(clean_text(str(value)), quote=True)


def anchor_id(article_index: int, number: int, kind: str) -> str:
    """The element id of highlight ``number`` (``kind`` "h": in the text, "n": in the list)."""
    return f"a{article_index}-{kind}{number}"


def _meta(h: Highlight) -> str:
    """Speaker, tag and place of a highlight as one line of HTML."""
    parts = []
    if h.speaker:
        parts.append(f'<span class="speaker">— {text(h.speaker)}</span>')
    if h.tag:
        parts.append(f'<span class="tag">{text(h.hashtag)}</span>')
    parts.append(text(h.place or f"at {h.start}"))
    if h.command:
        parts.append(f"<code>{text(h.command)}</code>")
    return " · ".join(parts)


def _highlight_entry(h: Highlight, article_index: int, number: int, placed: bool) -> str:
    """One ``<li>`` of the highlights list."""
    back = ""
    if placed:
        back = (
            f' <a class="back" href="#{anchor_id(article_index, number, "h")}" title="show in the text">↩</a>'
        )
    body = "".join(f"<p>{text(p)}</p>" for p in clean_text(h.text).split("\n\n") if p.strip())
    note = f'<div class="note">{note_html(h.note)}</div>' if h.note.strip() else ""
    return (
        f'<li id="{anchor_id(article_index, number, "n")}">'
        f"<blockquote>{body}</blockquote>"
        f'<p class="meta">{_meta(h)}{back}</p>{note}</li>'
    )


def _quotes_section(context: ExportContext) -> str:
    """The "Quotes by speaker" section."""
    out = ['<section class="quotes"><h2>Quotes by speaker</h2>']
    for group in context.quotes:
        out.append(f"<h3>{text(group.speaker or 'Unattributed')}</h3>")
        if group.role:
            out.append(f'<p class="role">{text(group.role)}</p>')
        out.append("<ul>" + "".join(f"<li>“{text(q.text)}”</li>" for q in group.quotes) + "</ul>")
    if not context.quotes:
        out.append("<p>No quotes found.</p>")
    out.append("</section>")
    return "\n".join(out)


def _entities_section(context: ExportContext) -> str:
    """The "People and organisations" section."""
    out = ['<section class="entities"><h2>People and organisations</h2><ul>']
    for e in context.entities:
        details = [text(e.type.lower())]
        if e.expansion:
            details.append(text(e.expansion))
        if e.role:
            details.append(text(e.role))
        if e.aliases:
            details.append("also " + ", ".join(text(a) for a in e.aliases))
        details.append(f"{e.mentions} mention{'' if e.mentions == 1 else 's'}")
        out.append(f"<li><strong>{text(e.name)}</strong> · {' · '.join(details)}</li>")
    out.append("</ul>")
    if not context.entities:
        out.append("<p>No people or organisations found.</p>")
    out.append("</section>")
    return "\n".join(out)


def article_html(context: ExportContext, body: str, article_index: int = 0) -> str:
    """One article: header, the pre-rendered ``body``, highlights, orphans, sections."""
    article = context.article
    byline = f"By {text(article['author'])} · " if article["author"] else ""
    source = text(article["source"])
    if article["source"].startswith(("http://", "https://")):
        source = f'<a href="{source}">{source}</a>'
    out = [
        f'<article id="a{article_index}">',
        f"<header><h1>{text(article['title'])}</h1>",
        f'<p class="byline">{byline}Source: {source}</p></header>',
        f'<pre class="gloss-article">{body}</pre>',
        '<section class="highlights"><h2>Highlights</h2>',
    ]
    if context.highlights:
        entries = (_highlight_entry(h, article_index, n, True) for n, h in enumerate(context.highlights, 1))
        out.append("<ol>" + "\n".join(entries) + "</ol>")
    else:
        empty = (
            "None of the highlights can be placed in the current text."
            if context.orphans
            else "No highlights yet."
        )
        out.append(f"<p>{empty}</p>")
    out.append("</section>")
    if context.orphans:
        first = len(context.highlights) + 1
        entries = (_highlight_entry(h, article_index, n, False) for n, h in enumerate(context.orphans, first))
        out.append('<section class="orphans"><h2>Orphaned highlights</h2>')
        out.append("<p>These passages can no longer be found in the article's text.</p>")
        out.append(f'<ol start="{first}">' + "\n".join(entries) + "</ol></section>")
    if "quotes" in context.include:
        out.append(_quotes_section(context))
    if "entities" in context.include:
        out.append(_entities_section(context))
    out.append("</article>")
    return "\n".join(out)


def page_html(articles: Sequence[str], title: str, css: str) -> str:
    """The standalone page around already assembled ``article_html`` parts."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="gloss">',
            f"<title>{text(title)}</title>",
            f"<style>\n{css}\n</style>",
            "</head>",
            "<body>",
            *articles,
            "</body>",
            "</html>",
            "",
        ]
    )
