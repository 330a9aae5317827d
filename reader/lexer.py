"""The Pygments lexer over analysed articles: any formatter can draw who said what.

``GlossLexer`` (alias ``gloss``, registered as a Pygments plugin) ingests the text it is
given as a plain-text article, analyses it and yields gloss tokens (``reader.tokens``).
``article_tokens`` does the same for a Document already loaded and analysed, which is
what ``gloss print`` and export use.

The tokens cover the CANONICAL text (``Document.text``), not the input: ingest
dedents lines, joins wrapped lines and normalises blank lines, so the token values
concatenate to ``doc.text`` (the lexer adds one final newline, as Pygments lexers do).

One token per character, chosen by one rule: the innermost span wins. Spans nest in
layers — block (title, heading, pull quote, caption …) ⊃ quote body
(``Token.Gloss.Quote.Speaker<N>``, N the speaker's palette slot, 0 unknown) ⊃ quote
marks ⊃ entity, date and number mentions — and within a layer the span that starts
last (then the shorter one) is the inner one. So a name inside a quote is an entity
token, and a quote inside a heading is a quote token. A user highlight does not hide
what it covers: its token wraps the inner token, ``Token.Gloss.Highlight.Tag<key>.<inner
path>`` (e.g. ``Token.Gloss.Highlight.Tag2.Entity.Person``), which the gloss styles
colour as the inner token on the tag's background, and which any other style shows as
its parent ``Highlight.Tag<key>``. Inside a code block the code wins: its text is lexed
by the Pygments lexer of ``Block.lang`` (plain ``Token.Gloss.Code`` when the language is
missing or unknown; guessing would import every Pygments lexer and misfires on short
snippets), and analysis spans and highlights inside it are ignored.
"""

from __future__ import annotations

import dataclasses
import itertools
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pygments.lexer import Lexer
from pygments.token import Token, _TokenType

from reader.document import BLOCK_KINDS, Analysis, Block, Document, Span
from reader.spans import document_spans
from reader.tokens import token_for

TokenTriple = tuple[int, _TokenType, str]
Highlight = tuple[int, int, int]  # (start, end, tag key 1..9 or 0)

_BLOCK_LAYER, _QUOTE_LAYER, _MARK_LAYER, _MENTION_LAYER = range(4)


def span_layer(kind: str) -> int:
    """How deep a span of ``kind`` sits: blocks outermost, mentions innermost."""
    if kind in BLOCK_KINDS:
        return _BLOCK_LAYER
    if kind == "quote":
        return _QUOTE_LAYER
    if kind == "quote.mark":
        return _MARK_LAYER
    return _MENTION_LAYER


def speaker_token(slot: int) -> _TokenType:
    """The token of a quote body by the speaker in palette slot ``slot`` (0: unknown)."""
    return getattr(Token.Gloss.Quote, f"Speaker{slot}")


def highlight_token(key: int, inner: _TokenType | None = None) -> _TokenType:
    """``Token.Gloss.Highlight.Tag<key>``, wrapping the gloss token ``inner`` when given."""
    token = getattr(Token.Gloss.Highlight, f"Tag{key}")
    if inner is not None and inner in Token.Gloss:
        for part in inner[1:]:
            token = getattr(token, part)
    return token


def span_token(span: Span) -> _TokenType:
    """The token of one span (quote bodies carry their speaker's palette slot)."""
    if span.kind == "quote":
        return speaker_token(span.group)
    return token_for(span.kind)


def _inner_key(span: Span) -> tuple[int, int, int]:
    """Sort key: the span with the largest key is the innermost one."""
    return (span_layer(span.kind), span.start, -span.end)


def _segments(spans: Sequence[Span], lo: int, hi: int) -> Iterator[tuple[int, int, _TokenType]]:
    """Sweep ``[lo, hi)`` and yield ``(start, end, token)`` for each run of one winner.

    ``spans`` are sorted by start; highlights are spans of kind ``highlight`` whose
    ``group`` is the tag key.
    """
    spans = [s for s in spans if s.start < hi and s.end > lo and s.start < s.end]
    bounds = sorted({lo, hi, *(max(lo, s.start) for s in spans), *(min(hi, s.end) for s in spans)})
    active: list[Span] = []
    index = 0
    for start, end in itertools.pairwise(bounds):
        active = [s for s in active if s.end > start]
        while index < len(spans) and spans[index].start <= start:
            active.append(spans[index])
            index += 1
        yield start, end, _winner(active)


def _winner(active: list[Span]) -> _TokenType:
    """The token of the innermost active span, wrapped by the innermost highlight."""
    marks = [s for s in active if s.kind != "highlight"]
    token = span_token(max(marks, key=_inner_key)) if marks else Token.Text
    highlights = [s for s in active if s.kind == "highlight"]
    if highlights:
        top = max(highlights, key=lambda s: (s.start, -s.end))
        token = highlight_token(top.group, token)
    return token


def _code_tokens(doc: Document, block: Block) -> Iterator[TokenTriple]:
    """The text of a code block lexed by its language (plain code token otherwise)."""
    text = doc.block_text(block)
    lexer = _code_lexer(block.lang)
    if lexer is not None:
        pos, out = block.start, []
        for token, value in lexer.get_tokens(text):
            out.append((pos, token, value))
            pos += len(value)
        if "".join(v for _, _, v in out) == text:
            yield from out
            return
    yield block.start, Token.Gloss.Code, text


def _code_lexer(lang: str | None) -> Lexer | None:
    """The Pygments lexer called ``lang`` (keeping the text exactly), or None."""
    if not lang:
        return None
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(lang.strip().lower(), stripnl=False, ensurenl=False, tabsize=0)
    except ClassNotFound:
        return None


def _merge(triples: Iterable[TokenTriple]) -> Iterator[TokenTriple]:
    """Join neighbouring runs that have the same token."""
    current: TokenTriple | None = None
    for triple in triples:
        if current is not None and current[1] is triple[1]:
            current = (current[0], current[1], current[2] + triple[2])
            continue
        if current is not None:
            yield current
        current = triple
    if current is not None:
        yield current


def article_tokens(
    doc: Document, analysis: Analysis | None = None, highlights: Iterable[Highlight] = ()
) -> Iterator[TokenTriple]:
    """``(offset, token, text)`` over ``doc.text``: the values concatenate to ``doc.text``.

    ``highlights`` are user ranges ``(start, end, tag_key)`` in canonical offsets.
    """
    spans = document_spans(doc, analysis)
    spans += [Span(s, e, "highlight", key) for s, e, key in highlights]
    spans.sort(key=lambda s: s.start)
    text = doc.text

    def runs() -> Iterator[TokenTriple]:
        pos = 0
        for block in doc.blocks:
            if block.kind != "code" or block.start < pos:
                continue
            for start, end, token in _segments(spans, pos, block.start):
                yield start, token, text[start:end]
            yield from _code_tokens(doc, block)
            pos = block.end
        for start, end, token in _segments(spans, pos, len(text)):
            yield start, token, text[start:end]

    return _merge(runs())


def document_from_text(text: str, *, fmt: str = "text", name: str = "<text>") -> Document:
    """Build a Document from article text with the same structure inference as ``load``.

    ``fmt`` is "text", "markdown" or "html". Ingest reads files, so the text goes
    through a temporary file whose name tells it the format.
    """
    from reader.ingest import load

    suffix = {"text": ".txt", "markdown": ".md", "html": ".html"}.get(fmt, ".txt")
    with tempfile.TemporaryDirectory(prefix="gloss-lexer-") as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_text(text, encoding="utf-8")
        doc = load(str(path))
    return dataclasses.replace(doc, source=name)


class GlossLexer(Lexer):
    """Analysed articles: quotes by speaker, entities, dates, numbers, structure.

    Options: ``format`` ("text", "markdown" or "html": how to read the input) and
    ``highlights`` (a list of ``(start, end, tag_key)`` in canonical offsets). The
    tokens cover the canonical text of the article, which may differ from the input.
    """

    name = "gloss"
    aliases = ["gloss"]  # noqa: RUF012 (Pygments reads these as plain class attributes)
    filenames: list[str] = []  # noqa: RUF012 (never claim *.txt from Pygments' text lexer)
    mimetypes = ["text/x-gloss"]  # noqa: RUF012

    def __init__(self, **options: object) -> None:
        super().__init__(**options)
        self.format = str(options.get("format", "text"))
        self.highlights = [tuple(h) for h in options.get("highlights", ()) or ()]

    def get_tokens_unprocessed(self, text: str) -> Iterator[TokenTriple]:
        """Ingest and analyse ``text``, then yield the gloss tokens of its canonical text."""
        from reader.analysis import analyze

        doc = document_from_text(text, fmt=self.format)
        yield from article_tokens(doc, analyze(doc), self.highlights)
        yield len(doc.text), Token.Text.Whitespace, "\n"


__all__ = [
    "GlossLexer",
    "article_tokens",
    "document_from_text",
    "highlight_token",
    "span_layer",
    "span_token",
    "speaker_token",
]
