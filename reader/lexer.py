"""The Pygments lexer over analysed articles: any formatter can draw who said what.

``GlossLexer`` (alias ``gloss``, registered as a Pygments plugin) ingests the text it is
given as an article (plain text; Markdown or HTML with the ``format`` option), analyses
it and yields gloss tokens (``reader.tokens``).
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
token. The title and headings are the one exception: they are drawn as one piece, so
everything inside them is a title or heading token. A user highlight does not hide
what it covers: its token wraps the inner token, ``Token.Gloss.Highlight.Tag<key>.<inner
path>`` (e.g. ``Token.Gloss.Highlight.Tag2.Entity.Person``), which the gloss styles
colour as the inner token on the tag's background, and which any other style shows as
its parent ``Highlight.Tag<key>``. Inside a code block the code wins: its text is lexed
by the Pygments lexer of ``Block.lang`` (plain ``Token.Gloss.Code`` when the language is
missing or unknown; guessing would import every Pygments lexer and misfires on short
snippets), and analysis spans and highlights inside it are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from pygments.lexer import Lexer
from pygments.token import Token, _TokenType

from reader.document import BLOCK_KINDS, Analysis, Block, Document, Span
from reader.spans import document_spans
from reader.tokens import token_for

TokenTriple = tuple[int, _TokenType, str]
Highlight = tuple[int, int, int]  # (start, end, tag key 1..9 or 0)

_BLOCK_LAYER, _QUOTE_LAYER, _MARK_LAYER, _MENTION_LAYER, _DISPLAY_LAYER = range(5)
DISPLAY_BLOCKS = ("title", "heading")  # drawn as one piece, over any span inside them


@cache
def span_layer(kind: str) -> int:
    """How deep a span of ``kind`` sits: blocks outermost, mentions innermost.

    The title and headings are the exception: they sit above everything, so a name in
    a heading keeps the heading's look.
    """
    if kind in DISPLAY_BLOCKS:
        return _DISPLAY_LAYER
    if kind in BLOCK_KINDS:
        return _BLOCK_LAYER
    if kind == "quote":
        return _QUOTE_LAYER
    if kind == "quote.mark":
        return _MARK_LAYER
    return _MENTION_LAYER


@cache
def speaker_token(slot: int) -> _TokenType:
    """The token of a quote body by the speaker in palette slot ``slot`` (0: unknown)."""
    return getattr(Token.Gloss.Quote, f"Speaker{slot}")


@cache
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


# A span in the sweep: (layer, start, -end, end, order, token, is_highlight, tag key).
# Entries sort innermost-last (deeper layer, then later start, then shorter; ``order``
# breaks ties), so the winner among the active ones is a plain ``max``.
Entry = tuple[int, int, int, int, int, _TokenType, bool, int]


def _entries(spans: Sequence[Span]) -> list[Entry]:
    """The sweep entries of ``spans`` (sorted by start), empty spans dropped."""
    return [
        (span_layer(s.kind), s.start, -s.end, s.end, order, span_token(s), s.kind == "highlight", s.group)
        for order, s in enumerate(spans)
        if s.start < s.end
    ]


def _segments(entries: list[Entry], lo: int, hi: int) -> Iterator[tuple[int, int, _TokenType]]:
    """Sweep ``[lo, hi)`` and yield ``(start, end, token)`` for each run of one winner
    (neighbouring runs of one token joined)."""
    entries = [e for e in entries if e[1] < hi and e[3] > lo]
    bounds = sorted({lo, hi, *(max(lo, e[1]) for e in entries), *(min(hi, e[3]) for e in entries)})
    marks: list[Entry] = []
    highlights: list[Entry] = []
    index, count = 0, len(entries)
    run_start, run_token = lo, None
    for start in bounds[:-1]:
        if marks:
            marks = [e for e in marks if e[3] > start]
        if highlights:
            highlights = [e for e in highlights if e[3] > start]
        while index < count and entries[index][1] <= start:
            (highlights if entries[index][6] else marks).append(entries[index])
            index += 1
        token = max(marks)[5] if marks else Token.Text
        if highlights:
            token = highlight_token(max(highlights)[7], token)
        if token is not run_token:
            if run_token is not None:
                yield run_start, start, run_token
            run_start, run_token = start, token
    if run_token is not None:
        yield run_start, hi, run_token


def _code_tokens(doc: Document, block: Block) -> Iterator[TokenTriple]:
    """The text of a code block lexed by its language (plain code token otherwise)."""
    text = doc.block_text(block)
    lexer = _code_lexer(block.lang)
    if lexer is not None:
        pos, out = block.start, []
        try:
            for token, value in lexer.get_tokens(text):
                out.append((pos, token, value))
                pos += len(value)
        except Exception:  # a third-party lexer failing on odd input costs colour, not the article
            out = []
        if out and "".join(v for _, _, v in out) == text:
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


def article_tokens(
    doc: Document, analysis: Analysis | None = None, highlights: Iterable[Highlight] = ()
) -> Iterator[TokenTriple]:
    """``(offset, token, text)`` over ``doc.text``: the values concatenate to ``doc.text``.

    ``highlights`` are user ranges ``(start, end, tag_key)`` in canonical offsets.
    """
    spans = document_spans(doc, analysis)  # sorted by start
    marks = [Span(s, e, "highlight", key) for s, e, key in highlights]
    if marks:
        spans = sorted(spans + marks, key=lambda s: s.start)
    entries = _entries(spans)
    text = doc.text

    def runs() -> Iterator[TokenTriple]:
        pos = 0
        for block in doc.blocks:
            if block.kind != "code" or block.start < pos:
                continue
            for start, end, token in _segments(entries, pos, block.start):
                yield start, token, text[start:end]
            yield from _code_tokens(doc, block)
            pos = block.end
        for start, end, token in _segments(entries, pos, len(text)):
            yield start, token, text[start:end]

    return runs()


_FORMATS = {"text": "text", "txt": "text", "markdown": "markdown", "md": "markdown", "html": "html"}


def document_from_text(text: str, *, fmt: str = "text", name: str = "<text>") -> Document:
    """Build a Document from article text with the structure inference of ``load``.

    ``fmt`` is "text", "markdown" or "html" (how ``load`` would read a .txt, .md or
    .html file holding ``text``).
    """
    kind = _FORMATS.get(fmt.lower())
    if kind is None:
        from reader.ingest import IngestError

        raise IngestError(f"{name}: unknown format {fmt!r} (text, markdown or html)")
    if kind == "html":
        from reader.ingest.html import load_html

        return load_html(text.encode("utf-8"), name, charset="utf-8")
    from reader.ingest.sanitize import clean_text

    clean = clean_text(text)
    if kind == "markdown":
        from reader.ingest.markdown import parse_markdown

        return parse_markdown(clean, name, {})
    from reader.ingest.plain import parse_plain

    return parse_plain(clean, name, {})


def highlights_option(value: object) -> list[Highlight]:
    """The ``highlights`` lexer option: triples, or ``"start-end:key,…"`` from ``pygmentize -O``."""
    from pygments.util import OptionError

    if not value:
        return []
    items = value.split(",") if isinstance(value, str) else value
    out: list[Highlight] = []
    try:
        for item in items:
            if isinstance(item, str):
                span, _, key = item.partition(":")
                start, _, end = span.partition("-")
                item = (start, end, key or 1)
            start, end, key = (int(part) for part in item)
            out.append((start, end, key))
    except (TypeError, ValueError):
        raise OptionError(f"highlights: expected start-end:key items, got {value!r}") from None
    return out


class GlossLexer(Lexer):
    """Analysed articles: quotes by speaker, entities, dates, numbers, structure.

    Options: ``format`` ("text", "markdown" or "html": how to read the input) and
    ``highlights`` (``(start, end, tag_key)`` triples in canonical offsets, or on the
    command line a string like ``"10-42:2,80-95:1"``). The tokens cover the canonical
    text of the article, which may differ from the input.
    """

    name = "gloss"
    aliases = ["gloss"]  # noqa: RUF012 (Pygments reads these as plain class attributes)
    filenames: list[str] = []  # noqa: RUF012 (never claim *.txt from Pygments' text lexer)
    mimetypes = ["text/x-gloss"]  # noqa: RUF012

    def __init__(self, **options: object) -> None:
        super().__init__(**options)
        self.format = str(options.get("format", "text"))
        self.highlights = highlights_option(options.get("highlights"))

    def get_tokens_unprocessed(self, text: str) -> Iterator[TokenTriple]:
        """Ingest and analyse ``text``, then yield the gloss tokens of its canonical text."""
        from reader.analysis import analyze

        if not text.strip():
            return
        doc = document_from_text(text, fmt=self.format)
        yield from article_tokens(doc, analyze(doc), self.highlights)
        yield len(doc.text), Token.Text.Whitespace, "\n"


__all__ = [
    "GlossLexer",
    "article_tokens",
    "document_from_text",
    "highlight_token",
    "highlights_option",
    "span_layer",
    "span_token",
    "speaker_token",
]
