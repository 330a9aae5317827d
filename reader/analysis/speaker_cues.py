"""Speech cues around one quotation: who is said to say it, and with which verb.

Cues looked for, nearest first: a cue clause right before the quote ("Nichols said, “",
"Garland recently stated: “", "said Alice, “"), right after it ("” said Caddell",
"” he said", "” Ethan Nadelmann, the founder of …, told Filter"), a speech verb earlier in
the same sentence for a quote inside a reported sentence ("Menendez claimed … that the US
is working with Mexico “with kid gloves”"), "according to X", and "X’s comments … “".
All patterns run on short windows around the quote, never over the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.speaker_names import CAP_WORD, NAME, UPPER, clean_name, words_of

_VERB_FORMS = words_of(
    """
    say says said saying tell tells told telling add adds added adding ask asks asked asking
    continue continues continued continuing argue argues argued arguing write writes wrote writing
    state states stated explain explains explained explaining note notes noted noting insist
    insists insisted insisting claim claims claimed claiming declare declares declared reply
    replies replied replying respond responds responded answer answers answered cry cries cried
    exclaim exclaims exclaimed shout shouts shouted whisper whispers whispered think thinks thought
    remark remarks remarked observe observes observed mutter muttered murmur murmured warn warns
    warned warning tweet tweets tweeted tweeting post posted suggest suggests suggested suggesting
    recall recalls recalled admit admits admitted acknowledge acknowledges acknowledged concede
    conceded counter countered quip quipped joke joked mused repeat repeated urge urged announce
    announces announced conclude concluded interrupt interrupted retort retorted sigh sighed scream
    screamed growl growled plead pleaded promise promised vow vowed boast boasted complain
    complained lament lamented allege alleges alleged charge charged contend contends contended
    maintain maintains maintained predict predicted wonder wondered echo echoed agree agreed
    proclaim proclaimed testify testified assert asserts asserted reiterate reiterated emphasize
    emphasized stress stressed caution cautioned yell yelled snap snapped sob sobbed gasp gasped
    roar roared grumble grumbled pant panted thunder thundered interpose interposed return returned
    begin began call calls called describe describes described demand demanded inquire inquired
    enquired refer refers referred referring cite cites cited dismiss dismissed criticize
    criticized blast blasted label labeled labelled brand branded slam slammed praise praised
    accuse accuses accused accusing report reports reported rule ruled defend defended attack
    attacked mock mocked tout touted hail hailed denounce denounced condemn condemned pledge
    pledged question questioned dub dubbed quote quoted characterize characterized deem deemed
    dismissing calling promising persist persisted protest protested object objected reason
    reasoned rejoin rejoined groan groaned sneer sneered hiss hissed wail wailed shriek shrieked
    bellow bellowed stammer stammered sing sings sang singing liken likened likening compare
    compared comparing laud lauded exhort exhorted chant chanted chime chimed describing stating
    declaring urging praising responding acknowledging announcing predicting recalling charging
    scold scolded chastise chastised rebuke rebuked interject interjected quipping concluding
    sniffed fumed huffed
        muttering whispering shouting crying exclaiming remarking thinking sobbing sighing repeating
    continuing murmuring growling screaming interrupting retorting pleading gasping yelling
"""
)


def trie_pattern(words: list[str]) -> str:
    """One regex alternation for many words, shaped as a trie so matching stays fast."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict) -> str:
    """The pattern of one trie node (its end marker makes the rest optional)."""
    ends = "" in node
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


VERB = "(?:" + trie_pattern([*_VERB_FORMS, "went on", "pointed out"]) + ")"
ADV = r"(?:also|later|then|again|once|further|still|now|just|finally|[a-z]{3,}ly)"
AUX = r"(?:has|have|had|would|will|was|is|did|does|could|might|should|can)"
PRON = r"(?:[Hh]e|[Ss]he|I|[Ii]t|[Ww]e|[Tt]hey)(?![\w’'])"
# "the young Crab", "poor Alice": lower-case words before a name that are no preposition
LEAD = r"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:(?!(?:in|on|at|to|of|for|with|by|from|after|before|during|that|this|and|but|or|as|when|while|since|if|the|a|an)\b)[a-z0-9][\w/\-]*\s+){0,2}"
ROLE = (
    r"(?:president|senator|governor|minister|secretary|spokesman|spokeswoman|spokesperson|director|chairman"
    r"|chairwoman|leader|candidate|nominee|mayor|ambassador|official|judge|chief|general|prosecutor|attorney"
    r"|commissioner|chancellor|businessman|businesswoman|aide|strategist|lawmaker|congressman|congresswoman"
    r"|pollster|executive|lawyer|analyst|economist|professor|sheriff|founder|manager|chair|mogul|billionaire"
    r"|narrator|adviser|advisor|expert|critic|official|officer|witness|lady|woman|man)"
)
SUBJ = (
    rf"(?=[{UPPER}hstwi])(?:(?P<pron>{PRON})|(?P<name>(?:[Tt]he\s+)?{NAME}"
    rf"|(?:[Tt]he|[Aa]n?|{CAP_WORD}[’']s)\s+(?:[\w.\-]+\s+){{0,5}}?{ROLE}(?=[\s,])))"
)
APPOS = r"(?:\s*\([^()“”\"]{0,60}\))?(?:\s*,\s*[^,“”\"]{1,160}?,)?"
OBJ = rf"(?:him|her|them|me|us|you|reporters|[a-z]+\s+reporters|(?:the\s+)?{NAME})"

VERB_RE = re.compile(rf"\b{VERB}\b")
ANY_VERB_RE = re.compile(rf"\b(?i:{VERB})\b")
# a period after an initial or a title ("Mr. King", "U.S.") ends no sentence
# (checked after the mark, so the regex engine only looks back at . ! ?)
NOT_AFTER = r"(?<![A-Z].)(?<!Mr.)(?<!Mrs.)(?<!Ms.)(?<!Dr.)(?<!St.)(?<!Jr.)(?<!Sr.)(?<!Sen.)(?<!Rep.)(?<!Gov.)(?<!Gen.)"
LOWER_OR_COMMA = set("abcdefghijklmnopqrstuvwxyz,;:")
NAME_CHECK_REACH = 20_000  # characters either side searched for a mid-sentence capital
SENTENCE_BREAK = re.compile(rf"[.!?]{NOT_AFTER}\s")
# "… said Caddell" / "… said Trump spokesman Jason Miller" (inverted, right after the quote)
# "told X" and "asked X" name the one spoken to, not the speaker
NOT_INVERTED = r"(?!(?:told|tells|tell|telling)\b)"
POST_INVERTED = re.compile(
    rf"^[\s,—–-]*(?:{ADV}\s+)?{NOT_INVERTED}(?P<verb>{VERB})\s+(?:{ADV}\s+)?(?:{SUBJ}|(?P<lead>{LEAD}{NAME}))"
)
# "… Caddell said" / "… Ethan Nadelmann, the founder …, told" (right after the quote)
POST_SUBJECT = re.compile(
    rf"^[\s,—–-]*(?:[\w’'.\-]+\s+){{0,4}}?{SUBJ}(?:[’']s)?{APPOS}\s+(?:(?:{ADV}|{AUX})\s+){{0,3}}(?P<verb>{VERB})\b"
)
# "“…” of the Clinton proposals, Mr. Holtz-Eakin said." (the cue closes the sentence)
POST_LATE = re.compile(
    rf"^[^.!?;“”\"]{{0,80}}?[,—]\s*{SUBJ}{APPOS}\s+(?:(?:{ADV}|{AUX})\s+){{0,3}}(?P<verb>{VERB})\b[^.!?;“”\"]{{0,40}}[.!?]"
)
# "“…,” I remonstrated": after a quote that does not end its sentence, any past-tense verb
POST_ANY_VERB = re.compile(rf"^[\s,—–-]*{SUBJ}\s+(?:{ADV}\s+)?(?P<verb>[a-z]{{3,}}ed)\b")
# the subject at the end of a clause, and one before an apposition ("Nadelmann, the founder …,")
SUBJECT_END = re.compile(rf"{SUBJ}(?:\s*\([^()“”\"]{{0,60}}\))?\s+(?:(?:{ADV}|{AUX})\s+){{0,3}}\Z")
SUBJECT_BEFORE_COMMA = re.compile(rf"{SUBJ}(?:\s*\([^()“”\"]{{0,60}}\))?\s*\Z")
# "Nadelmann: “…”" (a name and a colon introduce the quote)
COLON_NAME = re.compile(
    rf"(?:^|[.!?]\s+)(?P<pron>(?!))?(?P<name>(?:[Tt]he\s+)?{NAME})(?:\s*\([^()“”\"]{{0,40}}\))?\s*:\s*\Z"
)
APPOSED_NAME = re.compile(rf"\s*(?P<pron>(?!))?(?P<name>{NAME})\s*")
APPOSITION_END = re.compile(rf",\s+(?:(?:{ADV}|{AUX})\s+){{0,3}}\Z")
# "Krotulski told Filter": a named speaker in the narration
NARRATION_CUE = re.compile(
    rf"(?P<name>{NAME})(?:\s*,[^,“”\"]{{1,160}},)?\s+(?:(?:{ADV}|{AUX})\s+){{0,2}}{VERB}\b"
)
# "said Alice, “" (inverted, right before the quote)
PRE_INVERTED = re.compile(
    rf"{NOT_INVERTED}(?P<verb>(?i:{VERB}))\s+(?:{ADV}\s+)?(?:{SUBJ}|(?P<lead>{LEAD}{NAME})){APPOS}\s*[,:]\s*\Z"
)
# the subject opening a sentence ("She ate a little bit, and said …, “")
SENTENCE_SUBJECT = re.compile(
    rf"\s*(?:[^,;“”\"]{{1,70}},\s+)?(?:(?:[Aa]nd|[Bb]ut|[Tt]hen|[Ss]o|[Nn]ow)\s+)?{SUBJ}{APPOS}\s+[a-z]"
)
# "“…” ― Adriana Rodarte" (a dash attribution after the quote)
POST_DASH = re.compile(rf"^\s*[―—–]+\s*(?P<name>{NAME})")
# what may stand between a cue verb and the quote it introduces
PRE_TAIL = re.compile(
    rf"(?:\s+{OBJ})?(?:\s+(?:in|on|at|during|to|after|before|from|via|with|about|of|over)\b[^.!?;“”\"]{{0,80}})?"
    rf"(?:\s+{ADV})?\s*[,:]?\s*\Z"
)
AFTER_VERB_END = re.compile(
    rf"(?:\s+{OBJ})?(?:\s+{ADV})?(?:\s+(?:in|on|at|during|to)\b[^.!?;“”\"]{{0,60}}|(?:\s+[\w’'\-]+){{0,3}})\s*[.,;!?]"
)
CONTINUATION = re.compile(rf"(?:\s+(?:[a-z][\w\-]*|{NAME})){{1,4}}?\s+(?P<name>{NAME})")
STOP_WORDS = re.compile(
    r"\b(?:to|at|in|on|with|as|and|who|when|while|after|before|from|for|of|the|a|an|that|his|her)\b"
)
ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?P<name>(?:[Tt]he\s+)?{NAME})")
# "’s comments", "’s latest remarks": the possessive's tail, alone a cheap pre-check for POSSESSIVE
_SPEECH_NOUN = (
    r"[’']s\s+(?:[a-z]+\s+){0,2}?(?:comments?|remarks?|statement|words|message|tweets?|response|claims?|speech"
    r"|assertion|view|argument)\b"
)
SPEECH_NOUN = re.compile(_SPEECH_NOUN)
POSSESSIVE = re.compile(rf"(?P<name>(?:[Tt]he\s+)?{NAME}|[Tt]he\s+(?:[\w\-]+\s+){{0,2}}[a-z]+){_SPEECH_NOUN}")
POSSESSIVE_END = re.compile(r"[’']s?$")
# "[.!?]…|\n\s*\n" with the mark or line break taken first, so the engine skips to them in C
SENTENCE_END = re.compile(rf"[.!?\n](?:(?<=[.!?]){NOT_AFTER}[\"”’)]*\s+(?=[\"“‘(A-Z])|(?<=\n)\s*\n)")


@dataclass(frozen=True, slots=True)
class Cue:
    """Who a cue names (a name or a pronoun as written) and where, and the cue word."""

    surface: str
    start: int
    end: int
    verb: str
    pronoun: bool
    adjacent: bool  # the cue clause touches the quote (else a sentence-level cue)


def _subject(match: re.Match, offset: int, verb: str, adjacent: bool) -> Cue | None:
    """A cue from a match holding a ``pron`` or ``name`` group (a possessive is no subject)."""
    group = "pron" if match.group("pron") else "name"
    if group == "name" and not match.group("name") and "lead" in match.re.groupindex and match.group("lead"):
        group = "lead"
    surface = match.group(group)
    if not surface or POSSESSIVE_END.search(surface):
        return None
    if group != "pron" and not surface.split()[-1].islower() and clean_name(surface) is None:
        return None  # "The answers …": a sentence word, not a name
    return Cue(
        match.group(group),
        offset + match.start(group),
        offset + match.end(group),
        verb,
        group == "pron",
        adjacent,
    )


def cue_after(text: str, end: int, limit: int, ends_sentence: bool) -> Cue | None:
    """A cue right after a quote ending at ``end`` (text up to ``limit``).

    After a quote that ends its sentence with a period, "X said" must close the next
    sentence soon ("” Trump said Tuesday."), else it reports something new.
    """
    window = text[end : min(limit, end + 220)]
    match = POST_DASH.match(window)
    if match:
        return Cue(match.group("name"), end + match.start("name"), end + match.end("name"), "―", False, True)
    match = POST_INVERTED.match(window)
    if match:
        cue = _subject(match, end, match.group("verb"), True)
        if cue is not None and not cue.pronoun:
            cue = _longer_name(window, match, cue, end)
        if cue is not None:
            return cue
    match = POST_SUBJECT.match(window)
    if (match and not ends_sentence) or (match and AFTER_VERB_END.match(window, match.end())):
        return _subject(match, end, match.group("verb"), True)
    match = POST_ANY_VERB.match(window) if not ends_sentence else None
    if match:
        return _subject(match, end, match.group("verb"), True)
    match = POST_LATE.match(window)
    if match and not ends_sentence:
        return _subject(match, end, match.group("verb"), True)
    return None


def _longer_name(window: str, match: re.Match, cue: Cue, offset: int) -> Cue:
    """ "said Trump spokesman Jason Miller": the name after a short description wins."""
    rest = CONTINUATION.match(window, match.end())
    if rest and not STOP_WORDS.search(window, match.end(), rest.start("name")):
        name = rest.group("name")
        return Cue(name, offset + rest.start("name"), offset + rest.end("name"), cue.verb, False, True)
    return cue


def cue_before(text: str, lo: int, start: int) -> Cue | None:
    """A cue clause that introduces the quote starting at ``start`` (text from ``lo``)."""
    lo = max(lo, start - 250)
    window = text[lo:start]
    colon = window.rstrip().endswith(":")
    match = COLON_NAME.search(window) if colon else None
    if match:
        cue = _subject(match, lo, ":", True)
        if cue is not None:
            return cue
    cue = _cue_from_verbs(text, window, lo)
    if cue is None and colon:
        # "Sanders made the following comment: “…”": the subject of the introducing sentence
        subject = SENTENCE_SUBJECT.match(window)
        cue = _subject(subject, lo, ":", True) if subject else None
        cue = cue if cue is None or _named_elsewhere(text, cue) else None
    return cue


def cue_closing(text: str, lo: int, end: int) -> Cue | None:
    """A cue clause that closes the sentence ending at ``end`` ("…, Schiff said. ")."""
    stop = end
    while stop > lo and text[stop - 1] in " \t\n.":
        stop -= 1
    if stop == end or text[stop:end].count(".") != 1:
        return None
    cue = _cue_from_verbs(text, text[max(lo, stop - 250) : stop], max(lo, stop - 250))
    return cue if cue is not None and cue.adjacent else None


def _named_elsewhere(text: str, cue: Cue) -> bool:
    """For a one-word sentence subject ("Contrary to …", "Preys on …"): True only if the
    text also capitalises it inside a sentence, as names are."""
    if cue.pronoun or len(cue.surface.split()) > 1 or not cue.surface[:1].isupper():
        return True
    word, lo, hi = " " + cue.surface, max(0, cue.start - NAME_CHECK_REACH), cue.start + NAME_CHECK_REACH
    at = text.find(word, lo, hi)
    while at > 0:
        after = at + len(word)
        if text[at - 1] in LOWER_OR_COMMA and not text[after : after + 1].isalnum():
            return True
        at = text.find(word, after, hi)
    return False


def _cue_from_verbs(text: str, window: str, lo: int) -> Cue | None:
    """The cue of the last speech verbs of a window ending at a quote."""
    verbs = list(ANY_VERB_RE.finditer(window))
    fallback = None  # "it would tell": an impersonal subject, unless no verb has a better one
    for verb in reversed(verbs[-3:]):
        match = PRE_INVERTED.match(window, verb.start())
        cue = _subject(match, lo, match.group("verb"), True) if match else None
        if cue is not None:
            return cue
        if not verb.group()[0].islower() or SENTENCE_BREAK.search(window, verb.end()):
            continue
        adjacent = bool(PRE_TAIL.match(window, verb.end()))
        subject = subject_end(window, verb.start())
        cue = _subject(subject, lo, verb.group(), adjacent) if subject else None
        if cue is None:
            subject = SENTENCE_SUBJECT.match(window, 0, verb.start())
            cue = _subject(subject, lo, verb.group(), adjacent) if subject else None
            cue = cue if cue is None or _named_elsewhere(text, cue) else None
        if cue is not None and cue.pronoun and cue.surface.lower() in ("it", "they", "we"):
            fallback = fallback or cue
        elif cue is not None:
            return cue
    return fallback


def subject_end(text: str, verb_start: int) -> re.Match | None:
    """The subject ending right before a verb at ``verb_start``, past an apposition if any."""
    match = SUBJECT_END.search(text, max(0, verb_start - 80), verb_start)
    if match:
        return match
    comma = APPOSITION_END.search(text, max(0, verb_start - 20), verb_start)
    if comma is None:
        return None
    opening = text.rfind(",", max(0, comma.start() - 160), comma.start())
    if opening < 0 or any(mark in text[opening : comma.start()] for mark in '“”"'):
        return None
    inside = APPOSED_NAME.fullmatch(text, opening + 1, comma.start())
    if inside and clean_name(inside.group("name")):
        return inside  # "Apple's chief executive, Tim Cook, called"
    return SUBJECT_BEFORE_COMMA.search(text, max(0, opening - 80), opening)


def cue_nearby(text: str, lo: int, hi: int) -> Cue | None:
    """ "according to X" in the sentence, or "X’s comments" before the quote."""
    window = text[lo:hi]
    match = ACCORDING.search(window) if "ccording to" in window else None
    if match:
        return Cue(
            match.group("name"),
            lo + match.start("name"),
            lo + match.end("name"),
            "according to",
            False,
            False,
        )
    match = POSSESSIVE.search(window) if SPEECH_NOUN.search(window) else None
    if match:
        return Cue(
            match.group("name"), lo + match.start("name"), lo + match.end("name"), "comments", False, False
        )
    return None


def reports_before(text: str, lo: int, start: int) -> bool:
    """True when a speech verb comes before ``start`` in the text from ``lo`` (the sentence)."""
    return VERB_RE.search(text, max(lo, start - 300), start) is not None


def sentence_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence holding ``pos`` (not before ``lo``)."""
    start = lo
    for match in SENTENCE_END.finditer(text, max(lo, pos - 400), pos + 1):
        start = match.end()
    return start


def sentence_end(text: str, pos: int, hi: int) -> int:
    """End of the sentence that goes on at ``pos`` (not after ``hi``)."""
    match = SENTENCE_END.search(text, pos, hi)
    return match.start() + 1 if match else hi


__all__ = [
    "NARRATION_CUE",
    "Cue",
    "cue_after",
    "cue_before",
    "cue_closing",
    "cue_nearby",
    "reports_before",
    "sentence_end",
    "sentence_start",
]
