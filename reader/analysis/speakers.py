"""Who said each quotation: cues, then the paragraph, then the conversation.

1. Each quote looks for its own cue (``speaker_cues``).
2. In a paragraph, a quote without a cue takes the speaker of the quote before it
   ("“…,” he said. “…”"), else of the quote after it.
3. A paragraph of quotes without any cue takes the speaker announced at the end of the
   paragraph before ("Caddell continued:"); otherwise, in prose where consecutive quote
   paragraphs mostly change speaker (novel dialogue), the speaker of two paragraphs back,
   and elsewhere (news) the speaker of the paragraph before.
4. Pronouns resolve to the last named speaker before the quote (a cue in the narration,
   "Krotulski told Filter that …", counts); "I" in narration to the narrator, the name
   other speakers address most.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from reader.analysis.quote_marks import RawQuote
from reader.analysis.speaker_cues import (
    NARRATION_CUE,
    Cue,
    cue_after,
    cue_before,
    cue_closing,
    cue_nearby,
    sentence_end,
    sentence_start,
)
from reader.analysis.speaker_names import NAME, NAME_RE, NameBook

POSSESSIVE = re.compile(r"[’']s$")
VOCATIVE = re.compile(rf"(?:[,!?]\s+|\bdear\s+)(?P<name>{NAME})(?=[,.!?])")
NARRATOR_SAMPLE = 600
MENTION_REACH = 4000  # characters searched back for a known speaker a pronoun may mean
CONVERSATION_REACH = 7  # paragraphs looked back for the other party of a conversation
MIN_DIALOGUE_TURNS = 12  # speaker changes between quote paragraphs that make a text dialogue
FIRST_PERSON_CUES = 5  # "I said" cues needed before looking for a narrator


@dataclass(slots=True)
class Attribution:
    """The speaker found for one quote and how."""

    cue: Cue | None = None
    speaker: str | None = None
    how: str = "none"  # adjacent, sentence, nearby, carried, paragraph, twin, none
    source: int | None = None  # for a carried cue: the index of the quote it came from
    mentions: list[tuple[int, int]] = field(default_factory=list)


def attribute(text: str, paras: list[tuple[int, int, str]], quotes: list[RawQuote]) -> list[Attribution]:
    """One Attribution per quote of ``quotes`` (top-level, sorted by start)."""
    names = NameBook(text)
    para_ends = [p[1] for p in paras]
    found = [Attribution() for _ in quotes]
    by_para: dict[int, list[int]] = {}
    for index, quote in enumerate(quotes):
        by_para.setdefault(quote.para, []).append(index)
    for members in by_para.values():
        _find_cues(text, paras, para_ends, quotes, members, found)
    _carry_chains(quotes, found)
    _resolve(text, quotes, found, names)
    _fill_paragraphs(text, paras, quotes, by_para, found, names)
    return found


def _find_cues(
    text: str,
    paras: list[tuple[int, int, str]],
    para_ends: list[int],
    quotes: list[RawQuote],
    members: list[int],
    found: list[Attribution],
) -> None:
    """The own cue of each quote of one paragraph, then carried within the paragraph."""
    para_start = paras[quotes[members[0]].para][0]
    post_used_until = -1
    for rank, index in enumerate(members):
        quote = quotes[index]
        lo = quotes[members[rank - 1]].end if rank else para_start
        end_para = min(bisect_right(para_ends, quote.end - 1), len(paras) - 1)
        hi = quotes[members[rank + 1]].start if rank + 1 < len(members) else paras[end_para][1]
        inner = text[quote.content_start : quote.content_end].rstrip()
        sent_lo = sentence_start(text, lo, quote.start)
        before = cue_before(text, sent_lo, quote.start)
        shared = before is not None and before.start < post_used_until
        after = cue_after(text, quote.end, hi, inner.endswith("."))
        cue, how = None, "none"
        if before is not None and before.adjacent and not (shared and after is not None):
            cue, how = before, "adjacent"
        elif after is not None:
            cue, how = after, "adjacent"
            post_used_until = after.end
        elif before is not None and sent_lo < quote.start - 2 and text[sent_lo : quote.start].strip():
            cue, how = before, "sentence"
        else:
            near = cue_nearby(text, sent_lo, sentence_end(text, quote.end, hi))
            if near is not None:
                cue, how = near, "nearby"
            elif lo < sent_lo and not text[sent_lo : quote.start].strip():
                # "…, Schiff said. “The other factor …”": the sentence before names the speaker
                cue = cue_closing(text, lo, sent_lo)
                how = "adjacent" if cue is not None else "none"
        found[index].cue, found[index].how = cue, how
    _carry_within(members, found)


def _carry_within(members: list[int], found: list[Attribution]) -> None:
    """Quotes of a paragraph without a cue share the cue of the quote before (else after)."""
    last: int | None = None
    for index in members:
        if found[index].cue is None and last is not None:
            found[index].cue, found[index].how, found[index].source = found[last].cue, "carried", last
        elif found[index].cue is not None:
            last = index
    nxt: int | None = None
    for index in reversed(members):
        if found[index].cue is None and nxt is not None:
            found[index].cue, found[index].how, found[index].source = found[nxt].cue, "carried", nxt
        elif found[index].cue is not None:
            nxt = index


def _carry_chains(quotes: list[RawQuote], found: list[Attribution]) -> None:
    """The pieces of a quote running over paragraphs share the cue one of them has."""
    chains: dict[int, list[int]] = {}
    for index, quote in enumerate(quotes):
        if quote.chain != quote.start:  # a later piece: gather its chain
            chains.setdefault(quote.chain, []).append(index)
    starts = {quote.start: index for index, quote in enumerate(quotes) if quote.start in chains}
    for chain, later in chains.items():
        members = [starts[chain], *later] if chain in starts else later
        cued = [i for i in members if found[i].cue is not None and found[i].how != "carried"]
        if len(members) < 2 or not cued:
            continue
        for index in members:
            if found[index].cue is None or found[index].how == "carried":
                source = cued[0] if cued[0] < index or len(cued) == 1 else cued[-1]
                found[index].cue, found[index].how, found[index].source = found[source].cue, "chain", source


def _resolve(text: str, quotes: list[RawQuote], found: list[Attribution], names: NameBook) -> None:
    """Turn cue surfaces into canonical names; pronouns to the last suitable named speaker."""
    known: set[str] = set()  # every speaker named by a cue: the people a pronoun may mean
    for att in found:
        if att.cue is not None and not att.cue.pronoun and att.how != "carried":
            name = _name_of(att.cue.surface, att.cue.start, names)
            if name:
                known.add(name)
    known = frozenset(known)
    history: list[tuple[int, str]] = []  # (position, name) of speakers so far
    narrator: list[str | None] = []
    for index, quote in enumerate(quotes):
        att = found[index]
        cue = att.cue
        if cue is None:
            continue
        if att.source is not None and found[att.source].cue is cue and att.source < index:
            att.speaker = found[att.source].speaker  # the same cue names the same speaker
            continue
        if not cue.pronoun:
            att.speaker = _name_of(cue.surface, cue.start, names)
            if att.speaker:
                att.mentions.append((cue.start, cue.end))
                history.append((cue.start, att.speaker))
            continue
        word = cue.surface.lower()
        if word == "i":
            if not narrator:
                narrator.append(_narrator(text, quotes, found, names))
            att.speaker = narrator[0]
        elif word in ("he", "she", "it"):
            att.speaker = _last_speaker(text, history, quote.start, names, word, known)
            if att.speaker:
                history.append((quote.start, att.speaker))


def _name_of(surface: str, pos: int, names: NameBook) -> str | None:
    """The canonical name of a cue surface; a description ("the Vermont senator") becomes the
    name the article wrote after it, else stays the description."""
    words = surface.split()
    if len(words) > 1 and words[-1].islower():
        head = 1 if words[0].lower() == "the" or words[0].endswith(("’s", "'s")) else 0
        found = names.describe(" ".join(words[head:]), pos)
        if found:
            return found
        text = " ".join(words)
        return text[0].upper() + text[1:]
    return names.canonical(surface, pos)


def _last_speaker(
    text: str, history: list[tuple[int, str]], pos: int, names: NameBook, pronoun: str, known: frozenset[str]
) -> str | None:
    """The last named speaker before ``pos`` whose gender fits the pronoun.

    Quote speakers count, and so do "X said/told" cues in the narration since the last
    one; with none of them, the last mention of a known speaker ("Sherlock Holmes took
    his bottle …").
    """
    candidates = list(history[-8:])
    since = history[-1][0] if history else 0
    for lo, hi in ((pos - 400, pos), (pos - 1600, pos - 400)):
        if hi <= since:
            break
        found = [(c.start(), c.group("name")) for c in NARRATION_CUE.finditer(text, max(since + 1, lo), hi)]
        for start, surface in found:
            name = names.canonical(surface, start)
            if name:
                candidates.append((start, name))
        if found:
            break
    candidates.sort()
    speaker = _fitting(candidates, pos, names, pronoun)
    for hi in range(pos, max(0, pos - MENTION_REACH), -1000):
        if speaker is not None:
            break
        mentions = _mentions_of_known(text, max(0, hi - 1000), hi, names, known)
        speaker = _fitting(mentions, pos, names, pronoun)
    return speaker


def _fitting(candidates: list[tuple[int, str]], pos: int, names: NameBook, pronoun: str) -> str | None:
    """The latest of the last few candidates whose gender (m, f, n for "it") does not clash."""
    want = {"he": "m", "she": "f", "it": "n"}[pronoun]
    for _, name in list(reversed(candidates))[:6]:
        gender = names.gender(name, pos)
        if gender in (None, want):
            return name
    return None


def _mentions_of_known(
    text: str, lo: int, hi: int, names: NameBook, known: frozenset[str]
) -> list[tuple[int, str]]:
    """Mentions of known speakers between ``lo`` and ``hi``, found by their last word."""
    last_words = _last_words(known)
    out = []
    for match in NAME_RE.finditer(text, lo, hi):
        if POSSESSIVE.sub("", match.group()).split()[-1] in last_words:
            name = names.canonical(match.group(), match.start())
            if name in known:
                out.append((match.start(), name))
    return out


@lru_cache(maxsize=4)
def _last_words(known: frozenset[str]) -> frozenset[str]:
    """The last word of each known speaker's name (computed once per set)."""
    return frozenset(name.split()[-1] for name in known)


def _narrator(text: str, quotes: list[RawQuote], found: list[Attribution], names: NameBook) -> str | None:
    """The first-person narrator: the name most often addressed in others' quotes ("my dear Watson")."""
    first_person = sum(1 for att in found if att.cue is not None and att.cue.surface == "I")
    if first_person < FIRST_PERSON_CUES:
        return None
    counts: Counter[str] = Counter()
    step = max(1, len(quotes) // NARRATOR_SAMPLE)  # a sample of the quotes is enough to count
    for quote, att in list(zip(quotes, found, strict=True))[::step]:
        if att.cue is not None and att.cue.pronoun and att.cue.surface == "I":
            continue
        for match in VOCATIVE.finditer(text, quote.content_start, quote.content_end):
            name = names.canonical(match.group("name"), match.start("name"))
            if name and name != att.speaker and len(name) > 2:
                counts[name] += 1
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return name if count >= 3 else None


def _fill_paragraphs(
    text: str,
    paras: list[tuple[int, int, str]],
    quotes: list[RawQuote],
    by_para: dict[int, list[int]],
    found: list[Attribution],
    names: NameBook,
) -> None:
    """Paragraphs of quotes with no cue: the announced, alternating or continued speaker."""
    speaker_of: dict[int, str] = {}
    for para_index, members in by_para.items():
        named = [found[i].speaker for i in members if found[i].speaker]
        if named:
            speaker_of[para_index] = named[-1]
    alternating = _dialogue_alternates(speaker_of)
    known = frozenset(speaker_of.values())
    for para_index in sorted(by_para):
        members = by_para[para_index]
        if any(found[i].speaker for i in members):
            continue
        speaker = _announced(text, paras, para_index - 1, names)
        if (
            speaker is None
            and para_index - 1 in speaker_of
            and _opens_with_quote(paras, para_index, quotes, members)
        ):
            speaker = _other_speaker(para_index, speaker_of) if alternating else speaker_of[para_index - 1]
        elif (
            speaker is None
            and alternating
            and para_index - 1 not in by_para
            and para_index > 0
            and _opens_with_quote(paras, para_index, quotes, members)
        ):
            # a line of dialogue after narration: the last known speaker the narration names
            lo, hi, _ = paras[para_index - 1]
            mentions = _mentions_of_known(text, lo, hi, names, known)
            speaker = mentions[-1][1] if mentions else None
        if speaker:
            speaker_of[para_index] = speaker
            for i in members:
                found[i].speaker, found[i].how = speaker, "paragraph"


def _other_speaker(para_index: int, speaker_of: dict[int, str]) -> str | None:
    """In a conversation, the last speaker before the previous one who is not them."""
    previous = speaker_of[para_index - 1]
    for back in range(2, CONVERSATION_REACH):
        speaker = speaker_of.get(para_index - back)
        if speaker and speaker != previous:
            return speaker
    return None


def _opens_with_quote(paras: list, para_index: int, quotes: list[RawQuote], members: list[int]) -> bool:
    """True when the paragraph starts with one of its quotes."""
    return quotes[members[0]].start <= paras[para_index][0] + 1


def _announced(text: str, paras: list, para_index: int, names: NameBook) -> str | None:
    """ "Caddell continued:": the speaker named by a paragraph ending in a colon."""
    if para_index < 0:
        return None
    lo, hi, _ = paras[para_index]
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if hi <= lo or text[hi - 1] != ":":
        return None
    cue = cue_before(text, sentence_start(text, lo, hi - 1), hi)
    if cue is None or cue.pronoun:
        return None
    return _name_of(cue.surface, cue.start, names)


def _dialogue_alternates(speaker_of: dict[int, str]) -> bool:
    """True when consecutive quote paragraphs mostly change speaker (novel dialogue)."""
    changes = same = 0
    for para_index, speaker in speaker_of.items():
        previous = speaker_of.get(para_index - 1)
        if previous is not None:
            if previous == speaker:
                same += 1
            else:
                changes += 1
    return changes >= MIN_DIALOGUE_TURNS and changes > same
