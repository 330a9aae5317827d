"""HTML export: the article drawn through the Pygments layer, with highlights and notes.

The article's tokens come from ``reader.lexer.article_tokens`` (quotes coloured by
speaker, entities, structure, and the user's highlights as ``Highlight.Tag<key>``
tokens) and are turned into HTML by Pygments' ``HtmlFormatter``; the CSS comes from the
gloss-light style, with gloss-dark under ``prefers-color-scheme: dark``. After each
highlight a numbered mark links to its entry (and note) below the article. The page
itself is assembled by ``annotations.export.html``. Only CSS rules for classes the page
uses are kept, so the page stays small and the output is deterministic.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from pygments.formatters import HtmlFormatter
from pygments.token import _TokenType

from annotations.export import html as page
from annotations.export.context import ArticleExport, ExportContext, build_context
from annotations.export.writer import Renderer, export_article
from reader.document import Analysis
from reader.lexer import article_tokens
from styles.palette import GLOSS_DARK, GLOSS_LIGHT, Palette
from styles.pygments_styles import GlossDarkStyle, GlossLightStyle

SCOPE = ".gloss-article"
_RULE = re.compile(r"^\.gloss-article \.(\S+) \{")
_CLASSES = re.compile(r'class="([^"]*)"')


@lru_cache(maxsize=1)
def _formatter() -> HtmlFormatter:
    return HtmlFormatter(nowrap=True, style=GlossLightStyle)


def _format(tokens: Sequence[tuple[_TokenType, str]]) -> str:
    """Tokens as HTML spans (the formatter ends its output with a newline we drop)."""
    out = io.StringIO()
    _formatter().format(iter(tokens), out)
    html = out.getvalue()
    if tokens and not tokens[-1][1].endswith("\n") and html.endswith("\n"):
        html = html[:-1]
    return html


def _split(triples: Iterable[tuple[int, _TokenType, str]], cuts: Sequence[int]) -> Iterator[list]:
    """Token runs between consecutive ``cuts`` offsets (tokens split where needed)."""
    cut_index, run = 0, []
    for offset, token, value in triples:
        while value:
            while cut_index < len(cuts) and cuts[cut_index] <= offset:
                yield run
                run, cut_index = [], cut_index + 1
            end = offset + len(value)
            limit = cuts[cut_index] if cut_index < len(cuts) else end
            take = min(len(value), limit - offset)
            run.append((token, value[:take]))
            offset, value = offset + take, value[take:]
    yield run
    for _ in range(cut_index, len(cuts)):
        yield []


def _tag_key(item: ArticleExport, tag: str | None) -> int:
    """The palette slot of a tag: its key 1-9, or 0 (no tag, or a tag without a key)."""
    for known in item.tags:
        if known.name == tag and known.key and known.key.isdigit():
            return int(known.key)
    return 0


def article_body(item: ArticleExport, context: ExportContext, article_index: int = 0) -> str:
    """The article text as HTML spans, with a numbered link after each highlight."""
    if item.doc is None:
        return page.text("(the article could not be loaded; its highlights are listed below)")
    highlights = [(h.start, h.end, _tag_key(item, h.tag)) for h in context.highlights]
    triples = article_tokens(item.doc, item.analysis or Analysis(), highlights)
    ends = sorted((h.end, number) for number, h in enumerate(context.highlights, 1))
    runs = _split(triples, [end for end, _ in ends])
    parts = [_format(next(runs))]
    for (_, number), run in zip(ends, runs, strict=False):
        ref, note = page.anchor_id(article_index, number, "h"), page.anchor_id(article_index, number, "n")
        parts.append(f'<sup class="ref"><a id="{ref}" href="#{note}">{number}</a></sup>')
        parts.append(_format(run))
    return "".join(parts)


def _base_css(pal: Palette) -> str:
    """Page colours and layout from a palette."""
    return (
        f"body {{ background: {pal.background}; color: {pal.foreground}; }}\n"
        f"a {{ color: {pal.accent}; }}\n"
        f".meta, .byline, .role {{ color: {pal.muted}; }}\n"
        f"blockquote {{ border-left: 3px solid {pal.primary}; }}\n"
        f".tag {{ color: {pal.primary}; }}"
    )


LAYOUT_CSS = """body { font-family: Georgia, 'Iowan Old Style', serif; line-height: 1.5; margin: 0 auto;
  max-width: 46rem; padding: 1rem 1.5rem 4rem; }
pre.gloss-article { font-family: inherit; font-size: 1.05rem; white-space: pre-wrap; overflow-wrap: break-word;
  padding: 1rem 0; background: transparent; }
sup.ref a { text-decoration: none; font-size: 0.7em; padding: 0 0.15em; }
blockquote { margin: 0.5rem 0; padding-left: 0.8rem; }
.meta code { font-size: 0.85em; }
.note { margin-left: 0.8rem; }"""


def _style_css(style: type, used: set[str]) -> str:
    """The Pygments CSS of ``style`` scoped to the article, only for ``used`` classes."""
    rules = HtmlFormatter(style=style).get_style_defs(SCOPE).splitlines()
    kept = []
    for rule in rules:
        match = _RULE.match(rule)
        if rule.startswith(SCOPE) and (match is None or match.group(1) in used):
            kept.append(rule.split(" /* ")[0])
    return "\n".join(kept)


def page_css(body_html: str) -> str:
    """Layout, light colours, and dark colours for readers who prefer them."""
    used = {name for classes in _CLASSES.findall(body_html) for name in classes.split()}
    dark = _style_css(GlossDarkStyle, used) + "\n" + _base_css(GLOSS_DARK)
    return "\n".join(
        [
            LAYOUT_CSS,
            _base_css(GLOSS_LIGHT),
            _style_css(GlossLightStyle, used),
            "@media (prefers-color-scheme: dark) {",
            dark,
            "}",
        ]
    )


_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
TAG_ALPHA = "80"  # tag colours at 50% over the page, as the app draws them


def tag_css(items: Sequence[ArticleExport], body_html: str) -> str:
    """The user's tag colours for the highlights of keyed tags, over the style's defaults
    (so a recoloured tag looks in the page as it does in the app, in light and dark)."""
    used = {name for classes in _CLASSES.findall(body_html) for name in classes.split()}
    rules = {}
    for tag in (tag for item in items for tag in item.tags):
        match = _HEX.fullmatch(tag.colour or "")
        name = f"-Gloss-Highlight-Tag{tag.key}"
        if match and tag.key and tag.key.isdigit() and name in used:
            digits = match.group(1)
            colour = "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits).lower()
            rules[name] = f"{SCOPE} .{name} {{ background-color: {colour}{TAG_ALPHA} }}"
    return "\n".join(rules[name] for name in sorted(rules))


def render_html(items: Sequence[ArticleExport], include: Iterable[str] = ()) -> str:
    """One standalone page for ``items`` (one article, or several one after the other)."""
    sections = tuple(include)
    parts, bodies = [], []
    for index, item in enumerate(items):
        context = build_context(item, sections)
        body = article_body(item, context, index)
        bodies.append(body)
        parts.append(page.article_html(context, body, index))
    title = items[0].title if len(items) == 1 else f"gloss export: {len(items)} articles"
    body = "".join(bodies)
    css = page_css(body)
    colours = tag_css(items, body)
    return page.page_html(parts, title, css + "\n" + colours if colours else css)


def renderer(include: Iterable[str] = ()) -> Renderer:
    """The HTML renderer for ``annotations.export.write_exports``."""
    sections = tuple(include)
    return lambda items: render_html(items, sections)


def export_html(item: ArticleExport, output: str | Path | None = None, include: Iterable[str] = ()) -> Path:
    """Write one article's HTML page (into a folder or to a ``.html`` path); its path."""
    return export_article(item, output, fmt="html", render=renderer(include))
