"""Type votes for one mention: PERSON, ORG, PLACE, GROUP or MISC, with weights.

Each cue adds weight to a type: a title before the name, a given name first, an
organisation or place head word last, a gazetteer hit, the words around it
("in X", "X said", "X, 45,"). Linking sums the votes of an entity's full-name
mentions, so one document gives one thing one type.
"""

from __future__ import annotations

import re

from reader.analysis import entity_lexicon as lex
from reader.analysis.entity_spans import Mention
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.names import fold, is_acronym

_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|from|across|outside|inside|to|into|towards?|around)\s+(?:the\s+)?$", re.I
)
_SPEECH_AFTER = re.compile(
    r"^[’']?s?,?\s+(?:said|says|told|added|asked|argued|wrote|explained|noted|recalled|insisted)\b"
)
WHO_AFTER = re.compile(r"[’']?s?\s?,\s(?:who|whom|whose)\b")
_AGE_AFTER = re.compile(r"^\s?,\s?\d{1,2}\s?,")
_PLACE_AFTER = re.compile(r"^\s?,\s+((?:[A-Z][A-Za-z]+\.?\s?){1,3})(?=,|\.|\s[a-z]|\s?\d|$)")
_PLACE_OF = re.compile(
    r"\b(?:city|town|village|province|region|state|capital|suburb|port|district|island)\s+of\s+$", re.I
)
_SPORT_AFTER = re.compile(
    r"^\s+(?:beat|beats|defeated|drew|draw|lost|loses|won|wins|edged|thrashed|routed|crushed|clinched|\d{1,3}(?:\s|$)|\d{1,3}-\d{1,3}\b)"
)
_SPORT_BEFORE = re.compile(
    r"\b(?:beat|beating|defeated|against|v|vs\.?|versus|drew\swith|lost\sto|host|hosts|hosted)\s+$"
)


def mention_votes(mention: Mention, text: str, gaz: Gazetteer) -> dict[str, float]:
    """Weighted type votes for a mention in its context."""
    if mention.text in gaz.state_codes and text[mention.start - 1 : mention.start] == "(":
        return {"PLACE": 2.5}  # "Rep. Dan Crenshaw (TX)"
    key = (
        mention.text,
        mention.title is not None,
        mention.person_cue,
        mention.headline,
        mention.dateline,
        mention.expansion,
        id(gaz),  # a reloaded gazetteer gives fresh votes
    )
    intrinsic = _intrinsic_votes(key, mention, gaz)
    if intrinsic is None:  # decided by the form alone (acronym, dateline)
        return dict(_INTRINSIC[key][1])
    votes = dict(intrinsic)

    def vote(kind: str, weight: float) -> None:
        votes[kind] = votes.get(kind, 0.0) + weight

    _context_votes(mention, text, gaz, vote)
    if mention.expansion and not votes:
        vote("ORG", 1.0)
    if not votes:
        words = mention.words
        vote("PERSON" if 1 < len(words) <= 3 and _looks_personal(mention.text) else "ORG", 0.3)
    return votes


# Votes that depend only on a mention's words and flags, shared by its repetitions.
_INTRINSIC: dict[tuple, tuple[bool, dict[str, float]]] = {}


def _intrinsic_votes(key: tuple, mention: Mention, gaz: Gazetteer) -> dict[str, float] | None:
    """The cached form votes; None when they are final (no context cue applies)."""
    if key not in _INTRINSIC:
        if len(_INTRINSIC) > 20_000:  # bounded: a long-running app analyses many texts
            _INTRINSIC.clear()
        _INTRINSIC[key] = _form_votes(mention, gaz)
    final, votes = _INTRINSIC[key]
    return None if final else votes


def _form_votes(mention: Mention, gaz: Gazetteer) -> tuple[bool, dict[str, float]]:
    """(final, votes) from the mention's own words, titles and gazetteers."""
    votes: dict[str, float] = {}

    def vote(kind: str, weight: float) -> None:
        votes[kind] = votes.get(kind, 0.0) + weight

    words = mention.words
    if not words:
        return True, votes
    phrase = " ".join(words)
    first, last = words[0], words[-1]
    surface = mention.text
    kind = gaz.place_kind(phrase)
    if mention.title or (mention.person_cue and kind not in ("country", "region")):
        vote("PERSON", 3.0)  # "captain Chris Lewis", but not "defending champion Spain"
    if mention.dateline:
        vote("PLACE", 3.0)
        return True, votes
    if is_acronym(surface) and not (mention.headline and (gaz.place_kind(phrase) or len(surface) > 4)):
        vote("PLACE" if surface in lex.PLACE_ACRONYMS else "ORG", 2.0)
        return True, votes
    plural_nation = phrase.endswith("men") and _nationality_noun(phrase, gaz)  # "Frenchmen"
    if phrase in lex.GROUP_WORDS or plural_nation or (phrase.endswith("s") and phrase[:-1] in gaz.demonyms):
        vote("GROUP", 3.0)
    if (
        phrase in gaz.demonyms
        or (_nationality_noun(phrase, gaz) and not plural_nation)
        or ("-" in phrase and all(p in gaz.demonyms for p in phrase.split("-")))
    ):
        vote("MISC", 3.0)  # "Mexican", "Mexican-Peruvian"
    elif len(words) > 1 and last in gaz.demonyms and not mention.title:
        vote("MISC", 1.0)  # "Southeast Asian", "Rohingya Muslim"
    if kind:
        vote("PLACE", 2.5 if kind != "city" else 1.5)
    org_head = any(w in lex.ORG_HEADS for w in words) and kind not in ("country", "region")  # "West Bank"
    if org_head:
        vote("ORG", 3.0 if last in lex.ORG_HEADS else 2.0)
    if len(words) > 1 and not org_head and (last in lex.PLACE_HEADS or first in lex.PLACE_PREFIXES):
        vote("PLACE", 2.0)
    if len(words) > 1 and ((last in lex.MISC_HEADS and not org_head) or first in lex.MISC_FIRST):
        # "Authorization for Use of Military Force", "War on Drugs": the opening word names the kind
        vote("MISC", 3.5 if first in lex.MISC_FIRST and words[1] in ("for", "on", "of") else 2.5)
    if "&" in surface:
        vote("ORG", 2.0)
    if len(words) > 1 and not kind and any(gaz.place_kind(w) in ("country", "region") for w in words):
        vote("ORG", 1.0)  # "Air France", "Texas Instruments", "Bank of England"
    if first in gaz.given_names and (not votes or (len(words) == 1 and set(votes) == {"PLACE"})):
        vote("PERSON", 2.0 if len(words) > 1 else 1.6)
    return False, votes


_NATIONALITY_NOUN = re.compile(r"^([a-z]+?)(?:man|men|woman|women)$")


def _nationality_noun(phrase: str, gaz: Gazetteer) -> bool:
    """'Frenchman', 'Englishwomen': a nation word made a noun, like the nation word itself."""
    match = _NATIONALITY_NOUN.match(phrase)
    return bool(match) and match.group(1) in gaz.demonyms


def _context_votes(mention: Mention, text: str, gaz: Gazetteer, vote) -> None:
    """Cues from the words around the mention."""
    before = text[max(0, mention.start - 24) : mention.start]
    after = text[mention.end : mention.end + 40]
    place_before, place_of, sport_before = _before_cues(before)
    if place_before:
        vote("PLACE", 0.5)
    if len(mention.words) > 1 and _SPEECH_AFTER.match(after):
        vote("PERSON", 0.6)
    comma = "," in after[:4]  # the next three patterns open with a comma within 4 characters
    if comma and WHO_AFTER.match(after):
        vote("PERSON", 2.0)  # "Henke, who called his round …"
    if comma and _AGE_AFTER.match(after):
        vote("PERSON", 2.0)
    place_after = _PLACE_AFTER.match(after) if comma else None
    if place_after and mention.words[0] not in lex.FUNCTION_WORDS:
        wider = gaz.place_kind(fold(place_after.group(1).strip(" .")))
        vote("PLACE", 2.0 if wider in ("country", "region") else 0.4)  # "El Paso, Texas"
    if place_of:
        vote("PLACE", 2.0)
    if sport_before or (after[:1].isspace() and _SPORT_AFTER.match(after)):
        mention.team_cue = True


# The words the "before" cues end with; the mention must follow one of them and a space.
_PLACE_BEFORE_ENDS = ("in", "near", "from", "across", "outside", "inside", "to", "into", "toward", "towards", "around", "the")  # fmt: skip
_SPORT_BEFORE_ENDS = ("beat", "beating", "defeated", "against", "v", "vs", "vs.", "versus", "with", "to", "host", "hosts", "hosted")  # fmt: skip


def _before_cues(before: str) -> tuple[bool, bool, bool]:
    """("in the X", "city of X", "beat X") cues in the words right before a mention.

    Each pattern ends in spaces at the end of the window and searches every position of
    it; most windows end in no space or in another word, which the last word tells
    without a search. Case-insensitive patterns are pre-checked on ASCII words only
    (a few other letters, such as the long s, match ASCII ones without case).
    """
    tail = before.rstrip()
    if len(tail) == len(before):
        return False, False, False
    end = tail[-8:]
    low = end.lower() if end.isascii() else None
    place_before = (low is None or low.endswith(_PLACE_BEFORE_ENDS)) and bool(_PLACE_BEFORE.search(before))
    place_of = (low is None or low.endswith("of")) and bool(_PLACE_OF.search(before))
    sport_before = tail.endswith(_SPORT_BEFORE_ENDS) and bool(_SPORT_BEFORE.search(before))
    return place_before, place_of, sport_before


def _looks_personal(surface: str) -> bool:
    """Two or three plain capitalised words ("Ysleta" is not, "Phil Simmons" may be)."""
    return all(_PERSONAL_WORD.match(w) for w in surface.split())


_PERSONAL_WORD = re.compile(r"^[A-Z][a-z’'\-]+\.?$|^[A-Z]\.$")


def decide(votes: dict[str, float]) -> str:
    """The winning type (PERSON on an exact tie with ORG: a name said by a person)."""
    if not votes:
        return "ORG"
    order = ("PERSON", "PLACE", "ORG", "GROUP", "MISC")
    return max(order, key=lambda t: (votes.get(t, 0.0), -order.index(t)))


_LIST_GAP = re.compile(r"^(?:,\s|,?\s(?:and|or)\s)$")
_LIST_GAP_MAX = 7  # the longest gap it matches: ", and " and a line end ($ matches before one)


def share_list_types(mentions: list[Mention], text: str) -> None:
    """Names listed together ("in Ysleta, Santa Teresa, Fort Hancock and Presidio") share a type.

    An item with only weak votes takes the type that the confident items agree on.
    """
    i = 0
    while i < len(mentions):
        j = i
        while (
            j + 1 < len(mentions)
            and mentions[j + 1].start - mentions[j].end <= _LIST_GAP_MAX
            and _LIST_GAP.match(text[mentions[j].end : mentions[j + 1].start])
        ):
            j += 1
        if j > i:
            _share(mentions[i : j + 1])
        i = j + 1


# Nationality words ("Russians", "French") are listed beside people and places, not as their kind.
_UNSHARED = frozenset({"GROUP", "MISC"})


def _share(items: list[Mention]) -> None:
    strong: dict[str, int] = {}
    for item in items:
        best = max(item.votes.values(), default=0.0)
        if best >= 1.5:
            kind = decide(item.votes)
            strong[kind] = strong.get(kind, 0) + 1
    if len(strong) != 1:
        return
    kind = next(iter(strong))
    if kind in _UNSHARED:
        return  # "two Russians, Milorádovich, and Dokhtúrov": the names are not groups
    for item in items:
        if max(item.votes.values(), default=0.0) < 1.5:
            item.votes[kind] = item.votes.get(kind, 0.0) + 1.5
