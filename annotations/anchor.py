"""Re-anchoring: find where an annotation belongs in a (possibly edited) article text.

``anchor(annotation, text)`` returns the annotation placed on ``text`` with an updated
target and status; ``reanchor(annotations, new_text, old_text=None)`` does a batch.

Steps, first success wins:

1. **Position**: the quote still sits at its old offsets with its context → unchanged.
2. **Exact quote**: every occurrence of the quote (also with whitespace reflowed) is
   scored on how well its surroundings match the stored prefix/suffix; repeats are told
   apart by context, then by distance to the old position.  A candidate whose context
   does not match is accepted only when the quote is long and unique.
3. **Fuzzy**: candidate spans come from the stored prefix and suffix found in the new
   text (the span between them) and from the best partial alignment of the quote near
   the old position (rapidfuzz).  Each is scored on quote, prefix, suffix and position;
   below the confidence threshold nothing is moved.
4. Otherwise the annotation is an **orphan**: kept with its old target, never dropped.

Status: ``ok`` when the same words were found in the same surroundings (a pure shift of
position from edits elsewhere is not worth the reader's attention); ``drifted`` when the
annotation was placed but its words or surroundings changed (the reader may check it);
``orphan`` when it could not be placed.  A ``drifted`` annotation stays drifted until it
is edited (``Annotation.edited(status="ok")``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from annotations.model import Annotation, Target

CONTEXT_OK = 0.8  # context similarity for "same surroundings"
CONTEXT_MIN = 0.5  # below this a repeated quote's context does not identify it
LONG_QUOTE = 40  # a unique quote this long is trusted even when its context changed
FUZZY_MIN_QUOTE = 12  # shorter quotes are never placed fuzzily (too easy to hit wrong text)
FUZZY_QUOTE_MIN = 0.75  # quote similarity needed for a fuzzy placement
FUZZY_SCORE_MIN = 0.72  # combined score needed for a fuzzy placement
MAX_OCCURRENCES = 2000  # of one quote; beyond this position decides among the nearest
WINDOW_SLACK = 2000  # characters around the old position searched by the fuzzy alignment
BRACKET_REACH = 50_000  # characters around the old position searched for prefix and suffix


_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    context: float  # 0..1, how well prefix/suffix match
    score: float  # overall score used to rank candidates


def _squash(text: str) -> str:
    """Whitespace-insensitive form for comparing context."""
    return " ".join(text.split())


def _similar(a: str, b: str) -> float:
    """Similarity 0..1 of two strings, ignoring whitespace differences."""
    a, b = _squash(a), _squash(b)
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100.0


def _word_similarity(a: str, b: str) -> float:
    """Similarity 0..1 of the word sequences of two strings (case-insensitive).

    Letters alone overrate unrelated sentences of one length ("Both countries will share
    data" and "Neither country will say anything" share 60% of their letters)."""
    return Indel.normalized_similarity(_WORD.findall(a.casefold()), _WORD.findall(b.casefold()))


def context_score(annotation: Annotation, text: str, start: int, end: int) -> float:
    """How well the text around ``[start, end)`` matches the stored prefix and suffix."""
    quote = annotation.target.quote
    scores = []
    if quote.prefix or start > 0:
        before = text[max(0, start - len(quote.prefix) - 8) : start]
        scores.append(_tail_similarity(quote.prefix, before))
    if quote.suffix or end < len(text):
        after = text[end : end + len(quote.suffix) + 8]
        scores.append(_head_similarity(quote.suffix, after))
    return sum(scores) / len(scores) if scores else 1.0


def _tail_similarity(stored: str, before: str) -> float:
    """Similarity of ``stored`` to the end of ``before`` (whitespace-insensitive)."""
    stored, before = _squash(stored), _squash(before)
    if not stored:
        return 1.0 if not before else 0.5
    return _similar(stored, before[-len(stored) :])


def _head_similarity(stored: str, after: str) -> float:
    """Similarity of ``stored`` to the start of ``after`` (whitespace-insensitive)."""
    stored, after = _squash(stored), _squash(after)
    if not stored:
        return 1.0 if not after else 0.5
    return _similar(stored, after[: len(stored)])


def _quote_pattern(exact: str) -> re.Pattern[str] | None:
    """A regex matching ``exact`` with any run of whitespace where it has whitespace."""
    words = exact.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words))


def occurrences(exact: str, text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Spans of ``exact`` in ``text[lo:hi]``; whitespace-tolerant when there is no literal match."""
    hi = len(text) if hi is None else hi
    spans: list[tuple[int, int]] = []
    at = text.find(exact, lo, hi)
    while at != -1 and len(spans) < MAX_OCCURRENCES:
        spans.append((at, at + len(exact)))
        at = text.find(exact, at + 1, hi)
    if spans:
        return spans
    pattern = _quote_pattern(exact)
    if pattern is None:
        return []
    for match in pattern.finditer(text, lo, hi):
        # keep leading/trailing whitespace of the quote out of the match decision
        spans.append((match.start(), match.end()))
        if len(spans) >= MAX_OCCURRENCES:
            break
    return spans


def _proximity(start: int, old_start: int, length: int) -> float:
    """1 at the old position, falling towards 0 with distance relative to the text length."""
    return 1.0 / (1.0 + abs(start - old_start) / max(200, length / 20))


def _exact_step(annotation: Annotation, text: str) -> _Candidate | None:
    """Place by an exact (or whitespace-reflowed) occurrence of the quote, chosen by context."""
    spans = occurrences(annotation.exact, text)
    if not spans:
        return None
    old = annotation.start
    candidates = [
        _Candidate(s, e, ctx, ctx + 0.01 * _proximity(s, old, len(text)))
        for s, e in spans
        for ctx in [context_score(annotation, text, s, e)]
    ]
    best = max(candidates, key=lambda c: (round(c.context, 3), -abs(c.start - old)))
    if best.context >= CONTEXT_MIN:
        return best
    if len(spans) == 1 and len(_squash(annotation.exact)) >= LONG_QUOTE:
        return best
    return None


def _bracket_candidates(annotation: Annotation, text: str) -> Iterable[tuple[int, int]]:
    """Spans lying between an occurrence of the stored prefix and of the stored suffix."""
    quote = annotation.target.quote
    if len(quote.prefix.strip()) < 8 or len(quote.suffix.strip()) < 8:
        return []
    length = len(quote.exact)
    # an edited quote is looked for near where it was (a book is not searched end to end)
    reach = max(BRACKET_REACH, 4 * length)
    lo, hi = max(0, annotation.start - reach), min(len(text), annotation.end + reach)
    prefixes = occurrences(quote.prefix, text, lo, hi)
    suffix_starts = sorted(start for start, _ in occurrences(quote.suffix, text, lo, hi))
    spans = []
    for _, p_end in prefixes:
        first = bisect.bisect_left(suffix_starts, p_end + length // 2)
        for s_start in suffix_starts[first:]:
            if s_start - p_end > 2 * length + 20:
                break
            spans.append((p_end, s_start))
    return spans


def _window_candidate(annotation: Annotation, text: str) -> tuple[int, int] | None:
    """The best partial alignment of the quote in a window around its old position."""
    exact = annotation.exact
    slack = max(WINDOW_SLACK, 4 * len(exact))
    lo, hi = max(0, annotation.start - slack), min(len(text), annotation.end + slack)
    if hi - lo < len(exact) // 2:
        return None
    found = fuzz.partial_ratio_alignment(exact, text[lo:hi])
    if found is None or found.score < FUZZY_QUOTE_MIN * 100:
        return None
    return lo + found.dest_start, lo + found.dest_end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_TOKEN = re.compile(r"\S+")
_EDGE_PUNCT = "\"'“”‘’«»()[],.;:!?"


def _best_bounds(text: str, start: int, end: int, exact: str) -> tuple[int, int]:
    """The word-aligned span near ``[start, end)`` most similar to ``exact``.

    A fuzzy alignment can reach into neighbouring (or newly inserted) words; trying the
    word boundaries around it and keeping the most similar span keeps foreign text out.
    """
    slack = min(40, max(8, len(exact) // 3))
    lo, hi = max(0, start - slack), min(len(text), end + slack)
    starts, ends = {start}, {end}
    for token in _TOKEN.finditer(text, lo, hi):
        word_start = token.start() + len(token.group()) - len(token.group().lstrip(_EDGE_PUNCT))
        word_end = token.end() - (len(token.group()) - len(token.group().rstrip(_EDGE_PUNCT)))
        starts.update((token.start(), word_start))
        ends.update((token.end(), word_end))
    best, best_score = (start, end), -float("inf")
    for s in sorted(starts):
        for e in sorted(ends):
            if e - s < len(exact) // 2 or e - s > 2 * len(exact) + 8:
                continue
            # a span character shared with the quote counts +1, any other -2: foreign
            # words beside the quote share letters with it by chance, but rarely 2 in 3
            common = (len(exact) + e - s - Indel.distance(exact, text[s:e])) / 2
            score = common - 2 * (e - s - common)
            if score > best_score:
                best, best_score = (s, e), score
    return _trim(text, *best)


def _fuzzy_score(annotation: Annotation, text: str, start: int, end: int, bracketed: bool) -> float | None:
    """The confidence that ``[start, end)`` is the edited quote, or None when too weak.

    A quote alone identifies its place only when it is long and nearly unchanged; a
    shorter or more edited quote also needs its surroundings to match.
    """
    exact, found = annotation.exact, text[start:end]
    if _squash(found) == _squash(exact):
        return None  # the exact step already judged this text and rejected its context
    quote = _similar(exact, found)
    context = context_score(annotation, text, start, end)
    position = _proximity(start, annotation.start, len(text))
    if bracketed and context >= 0.9:
        if quote < 0.5 or not 0.5 <= len(found) / max(1, len(exact)) <= 2.0:
            return None
        if quote < 0.8 and _word_similarity(exact, found) < 0.5:
            return None  # same letters, other words: a rewritten passage, not an edited one
        return max(0.5 * quote + 0.5 * context, FUZZY_SCORE_MIN)
    long_and_close = quote >= 0.9 and len(_squash(exact)) >= LONG_QUOTE
    if quote < FUZZY_QUOTE_MIN or (context < CONTEXT_MIN and not long_and_close):
        return None
    score = 0.6 * quote + 0.3 * context + 0.1 * position
    return score if score >= FUZZY_SCORE_MIN else None


def _fuzzy_step(annotation: Annotation, text: str) -> _Candidate | None:
    """Place an edited quote when quote, context and position together are convincing."""
    exact = annotation.exact
    if len(_squash(exact)) < FUZZY_MIN_QUOTE:
        return None
    spans = [(s, e, True) for s, e in _bracket_candidates(annotation, text)]
    window = _window_candidate(annotation, text)
    if window:
        spans.append((*window, False))
    best: _Candidate | None = None
    for raw_start, raw_end, bracketed in spans:
        # between surviving prefix and suffix lies the edited quote, whole
        if bracketed:
            start, end = _trim(text, raw_start, raw_end)
        else:
            start, end = _best_bounds(text, raw_start, raw_end, exact)
        if end <= start:
            continue
        score = _fuzzy_score(annotation, text, start, end, bracketed)
        if score is not None and (best is None or score > best.score):
            best = _Candidate(start, end, context_score(annotation, text, start, end), score)
    return best


def _placed(annotation: Annotation, text: str, found: _Candidate, status: str) -> Annotation:
    """The annotation moved to ``found`` with a target rebuilt from ``text``."""
    if annotation.status == "drifted":
        status = "drifted"
    target = Target.from_text(text, found.start, found.end)
    return replace(annotation, target=target, status=status)


def anchor(annotation: Annotation, text: str) -> Annotation:
    """``annotation`` placed on ``text``: moved, marked drifted, or marked orphan."""
    exact = annotation.exact
    start, end = annotation.start, annotation.end
    if exact and 0 <= start <= end <= len(text) and text[start:end] == exact:
        context = context_score(annotation, text, start, end)
        if context >= CONTEXT_OK or (context >= CONTEXT_MIN and len(exact) >= LONG_QUOTE):
            status = "ok" if context >= CONTEXT_OK else "drifted"
            return _placed(annotation, text, _Candidate(start, end, context, 1.0), status)
    if not exact.strip():
        return replace(annotation, status="orphan")
    found = _exact_step(annotation, text)
    if found is not None:
        same = text[found.start : found.end] == exact and found.context >= CONTEXT_OK
        return _placed(annotation, text, found, "ok" if same else "drifted")
    found = _fuzzy_step(annotation, text)
    if found is not None:
        return _placed(annotation, text, found, "drifted")
    return replace(annotation, status="orphan")


def reanchor(
    annotations: Iterable[Annotation], new_text: str, old_text: str | None = None
) -> list[Annotation]:
    """Every annotation anchored on ``new_text`` (same order); unchanged when the text is."""
    items = list(annotations)
    if old_text is not None and old_text == new_text:
        return items
    return [anchor(annotation, new_text) for annotation in items]
