"""What kind of quotation each one is: speech, partial, pull, scare or term.

- ``speech``: a quoted statement with a speaker, or a whole quoted paragraph.
- ``partial``: quoted words inside a reported sentence ("Menendez claimed … “with kid gloves”").
- ``scare``/``term``: a few quoted words with no speech cue (“scratch my back”, a
  “non-intrusive inspection system”, “terror”); ``term`` when a word like "so-called" or an
  article introduces them.
- ``pull``: a paragraph that only repeats a quotation of the body (or a ``pull_quote``
  block), linked to that body twin.
"""

from __future__ import annotations

import re

from reader.analysis.quote_marks import RawQuote
from reader.analysis.speaker_cues import SENTENCE_END, reports_before, sentence_start
from reader.analysis.speakers import Attribution

WORD = re.compile(r"\w+")
TERM_INTRO = re.compile(
    r"(?:\b(?:so-called|dubbed|the\s+(?:term|word|phrase|label|slogan)|known\s+as|named|titled|entitled|a|an)\s*)\Z",
    re.IGNORECASE,
)
SHORT = 4  # words: a quote this short with no cue is a scare quote
PULL_MIN_WORDS = 8
PULL_REACH = 15  # paragraphs between a pull quote and its body twin


def classify(
    text: str, quotes: list[RawQuote], index: int, att: Attribution, para: tuple[int, int, str]
) -> str:
    """The kind of a top-level quote given how its speaker was found."""
    quote = quotes[index]
    inner = text[quote.content_start : quote.content_end]
    words = len(inner.split())
    if words <= SHORT and inner.isupper():
        return "term"  # a sign or label: “DRINK ME”, “ORANGE MARMALADE”
    if att.how in ("sentence", "nearby"):
        return "partial"
    if att.how == "adjacent":
        first = text[quote.content_start : quote.content_start + 1]
        return "partial" if first.islower() and not _after_cue_comma(text, quote.start) else "speech"
    if words > SHORT or quote.start <= para[0] + 1 or _own_sentence(text, quote, para):
        return "speech"
    if att.how == "chain":
        return "speech"
    if att.how == "carried" and _same_sentence(text, quote, quotes[att.source]):
        return "partial"
    if reports_before(text, sentence_start(text, para[0], quote.start), quote.start):
        return "partial"  # "Dean began by saying he would “never” …": quoted words of a report
    return "term" if TERM_INTRO.search(text, max(0, quote.start - 20), quote.start) else "scare"


def _own_sentence(text: str, quote: RawQuote, para: tuple[int, int, str]) -> bool:
    """True when the quote is a whole sentence: it ends one and nothing of it comes before."""
    inner = text[quote.content_start : quote.content_end].rstrip()
    if not inner or inner[-1] not in ".!?…":
        return False
    return sentence_start(text, para[0], quote.start) >= quote.start - 1


def _same_sentence(text: str, quote: RawQuote, other: RawQuote) -> bool:
    """True when no sentence ends between two quotes of a paragraph."""
    lo, hi = (other.end, quote.start) if other.start < quote.start else (quote.end, other.start)
    return SENTENCE_END.search(text, lo, hi) is None


def _after_cue_comma(text: str, start: int) -> bool:
    """True when the quote follows a cue ending in a comma or colon ("said, “the scale …”")."""
    back = text[max(0, start - 3) : start].rstrip()
    return back.endswith((",", ":"))


def nested_kind(text: str, quote: RawQuote) -> str:
    """A quote inside a quote is never separate speech: a quoted term or title within it."""
    return "term"


def _key(text: str, quote: RawQuote) -> list[str]:
    """The lower-case words of a quote's content."""
    return WORD.findall(text[quote.content_start : quote.content_end].lower())


def find_pull_twins(
    text: str,
    quotes: list[RawQuote],
    atts: list[Attribution],
    paras: list[tuple[int, int, str]],
    pull_blocks: list[tuple[int, int]],
) -> dict[int, int | None]:
    """Pull quote index -> index of its body twin (None when none is found).

    A pull quote is a quote in a ``pull_quote`` block, or, when ingest marked none, a
    paragraph that is only a quotation of at least eight words repeating (nearly) a quote
    of another paragraph close by.
    """
    candidates = []
    for index, quote in enumerate(quotes):
        in_block = any(s <= quote.start < e for s, e in pull_blocks)
        if in_block or (
            not pull_blocks and atts[index].how != "adjacent" and _alone_in_paragraph(quote, paras)
        ):
            candidates.append((index, in_block))
    if not candidates:
        return {}
    keys = _Keys(text, quotes)
    by_head: dict[tuple[str, ...], list[int]] = {}
    for index, quote in enumerate(quotes):
        if quote.content_end - quote.content_start > 30:
            by_head.setdefault(keys.head(index), []).append(index)
    pulls: dict[int, int | None] = {}
    for index, in_block in candidates:
        if not in_block and len(keys.words(index)) < PULL_MIN_WORDS:
            continue
        twin = _twin(index, quotes, keys, by_head, lambda i: _alone_in_paragraph(quotes[i], paras))
        if twin is not None or in_block:
            pulls[index] = twin
    return pulls


class _Keys:
    """The lower-case words of quotes, computed when first asked for."""

    def __init__(self, text: str, quotes: list[RawQuote]) -> None:
        self.text, self.quotes = text, quotes
        self._words: dict[int, list[str]] = {}

    def head(self, index: int) -> tuple[str, ...]:
        """The first five words (enough to find candidates)."""
        quote = self.quotes[index]
        return tuple(WORD.findall(self.text[quote.content_start : quote.content_start + 80].lower())[:5])

    def words(self, index: int) -> list[str]:
        """All the words of the quote."""
        if index not in self._words:
            self._words[index] = _key(self.text, self.quotes[index])
        return self._words[index]


def _alone_in_paragraph(quote: RawQuote, paras: list[tuple[int, int, str]]) -> bool:
    """True when the quote is its whole paragraph."""
    lo, hi, _ = paras[quote.para]
    return quote.start <= lo + 1 and quote.end >= hi - 1


def _twin(index: int, quotes: list[RawQuote], keys: _Keys, by_head: dict, alone) -> int | None:
    """The closest quote of another paragraph, not alone in it, with (nearly) the same words."""
    mine = set(keys.words(index))
    best: int | None = None
    for other in by_head.get(keys.head(index), []):
        if other == index or quotes[other].para == quotes[index].para:
            continue
        if abs(quotes[other].para - quotes[index].para) > PULL_REACH or alone(other):
            continue
        theirs = set(keys.words(other))
        if len(mine & theirs) / len(mine | theirs) >= 0.8 and (
            best is None or abs(other - index) < abs(best - index)
        ):
            best = other
    return best
