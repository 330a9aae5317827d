"""Names of speakers: how a name looks, titles to strip, surnames linked to full names.

A name is a run of capitalised words ("Andrés Manuel López Obrador", "Leonard E. Burman",
"the Mock Turtle"). Titles ("Sen.", "Dr.", "Attorney General") are stripped, a lone
surname is linked to the full name the article introduced ("Nadelmann" -> "Ethan
Nadelmann"), and a description ("the Mexican president") to the name it was written
beside ("Mexican President Andrés Manuel López Obrador").
"""

from __future__ import annotations

import re
from functools import lru_cache

UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
ABBREVIATIONS = (
    "Mr|Mrs|Ms|Messrs|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Col|Lt|Sgt|Capt|Cpt|Prof|Rev|St|Jr|Sr|Maj|Adm"
    "|Cmdr|Supt|Insp|Det|Hon|Pres|Atty|Amb|Mt|Fr"
)
CAP_WORD = rf"(?:(?:{ABBREVIATIONS})\.|[{UPPER}]\.(?:[{UPPER}]\.)*|[{UPPER}][\w’'\-]*\w|[{UPPER}])"
PARTICLE = r"(?:de|del|della|der|den|van|von|la|le|du|da|di|dos|das|al|el|bin|ibn|of|y)"
# the lookahead lets the regex engine skip lower-case positions fast
GAP = r"(?:[ \t]+\n?|\n)[ \t]*"  # spaces, at most one line break: a name never crosses paragraphs
NAME = rf"(?=[{UPPER}]){CAP_WORD}(?:{GAP}(?:{PARTICLE}{GAP})?{CAP_WORD})*"
NAME_RE = re.compile(NAME)


def words_of(spaced: str) -> frozenset[str]:
    """A word set from a whitespace-separated literal."""
    return frozenset(spaced.split())


GIVEN_BEFORE = re.compile(rf"((?:{CAP_WORD}{GAP}(?:{PARTICLE}{GAP})?){{1,4}})\Z")
NAME_AFTER = re.compile(rf"[ \t\n]+({NAME})")
MAX_SURNAME_LOOKS = 200
NEAR = 40_000  # characters either side of a mention searched for the full name, gender …

# Words that start sentences or name groups, never a person by themselves.
NOT_NAMES = words_of(
    """a an and as at but by for from if in into it its of on or so that the then this these those
    to was were when where while with yet also after before although because however meanwhile
    moreover overall still though thus here there now well yes no oh ah why how what who which
    he she i we they you me him her us them my his our your their one mr mrs ms miss
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december god sir madam during despite following
    perhaps maybe according instead unlike like besides among amid within without under over about
    against toward towards through throughout across behind beyond near upon until since unless
    whether both either neither each every all some many most several such other another any
    twenty thirty forty fifty sixty
    seventy eighty ninety hundred thousand million hence therefore indeed nevertheless accordingly
    consequently otherwise anyway certainly surely suddenly only even just yesterday today tomorrow
    tonight later earlier"""
)
TITLES = words_of(
    """sen sen. sens. senator rep rep. reps. representative congressman congresswoman gov gov.
    governor dr dr. doctor prof prof. professor president vice secretary attorney general
    gen. gen col. col colonel lt. lieutenant sgt. sergeant capt. captain major maj. adm. admiral
    judge justice mayor chairman chairwoman chair speaker leader minister prime chancellor
    ambassador commissioner director chief executive rev. rev reverend pastor father sister
    brother mr. mrs. ms. miss lord lady sir dame king queen prince princess former acting
    deputy assistant state house senate inspector detective officer sheriff superintendent
    hon. det. insp. supt. fr. candidate nominee spokesman spokeswoman"""
)
LOWER_LEAD = re.compile(r"^(?:[a-z0-9][\w/\-]*\s+)+")
COURTESY = {"mr.", "mrs.", "ms.", "miss", "mr", "mrs", "ms", "messrs."}
GENDER_TITLES = {"mr.": "m", "mr": "m", "sir": "m", "lord": "m", "king": "m", "mrs.": "f", "mrs": "f",
                 "miss": "f", "ms.": "f", "lady": "f", "queen": "f"}  # fmt: skip
PRONOUN_AFTER = re.compile(
    r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself|[Ss]he|[Hh]er|[Hh]erself|[Ii]ts|[Ii]tself)\b"
)
PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "herself": "f",
                  "its": "n", "itself": "n"}  # fmt: skip
PREFIX_WORDS = words_of(
    """republican democrat democratic gop libertarian independent conservative liberal former late
    then acting incoming outgoing longtime veteran fellow rival"""
)
ORG_WORDS = words_of(
    """party department committee campaign news post times journal inc corp company association
    council university house agency office administration foundation center centre institute
    bureau commission court church network group ministry government police army navy union
    league alliance board federation fund bank press tribune herald reuters cnn abc nbc cbs fox
    msnbc politifact coalition project organization organisation"""
)


def split_title(name: str) -> tuple[str, str]:
    """("Sen.", "Bob Menendez") from "Sen. Bob Menendez": leading title words apart.

    Party and status words before a title go too ("Republican Donald Trump", "former
    Attorney General Bill Barr"), and so does a nationality before one ("Mexican President").
    """
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and (words[cut].lower() in TITLES or words[cut].lower() in PREFIX_WORDS):
        cut += 1
    for index in range(cut, len(words) - 2):
        if words[index].lower() in TITLES and words[index].lower() not in COURTESY:
            cut = index + 1  # "Mexican President Andrés Manuel López Obrador"
    return " ".join(words[:cut]), " ".join(words[cut:])


@lru_cache(maxsize=4096)
def clean_name(surface: str) -> str | None:
    """The name without titles, possessive and stray words, or None if it is no name."""
    name = re.sub(r"[’']s$", "", " ".join(surface.split()))
    name = re.sub(r"^(?:[Tt]he)\s+", "The ", name)
    if not name.startswith("The ") and not name.split()[-1].islower():
        name = LOWER_LEAD.sub("", name)  # "poor Alice", "9/11 widow Terry Strada"
    title, rest = split_title(name[4:] if name.startswith("The ") else name)
    if name.startswith("The "):
        # "the Hatter", "the White House": the article is part of the name
        return None if rest.lower() in NOT_NAMES else "The " + rest
    words = rest.split()
    while words and _not_name(words[0]):
        words.pop(0)
    courtesy = bool(title) and title.split()[-1].lower() in COURTESY
    if not words or (
        all(w.lower() in TITLES or w.lower() in PREFIX_WORDS for w in words)
        and not (courtesy and len(words) == 1)
    ):
        return None
    rest = " ".join(words)
    rest = _without_place(rest)
    if courtesy and len(words) == 1:
        return f"{title.split()[-1]} {rest}"  # "Mrs. Smith" stays apart from "Mordecai Smith"
    return rest


def _without_place(name: str) -> str:
    """ "Charles B. Rangel of New York" -> "Charles B. Rangel" (not "Department of State")."""
    head, sep, _ = name.partition(" of ")
    if sep and len(head.split()) >= 2 and not {w.lower() for w in head.split()} & ORG_WORDS:
        return head
    return name


def _not_name(word: str) -> bool:
    """True for a sentence word, also in a contraction ("I'll", "That's")."""
    return re.split(r"[’'\-]", word.lower())[0] in NOT_NAMES


def guess_type(name: str) -> str:
    """PERSON or ORG from the words of a name; MISC for a description ("The Vermont senator")."""
    words = name.split()
    if len(words) > 1 and words[-1].islower():
        return "MISC"  # a description the article gave no name for
    return "ORG" if {w.lower().strip(".") for w in words} & ORG_WORDS else "PERSON"


class NameBook:
    """Resolves surfaces to canonical names, remembering what the article introduced."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._surname_cache: dict[tuple[str, str], str] = {}
        self._description_cache: dict[str, str | None] = {}
        self._lower_cache: dict[str, bool] = {}
        self._gender_cache: dict[str, str | None] = {}

    def written_lower(self, word: str, pos: int) -> bool:
        """True when ``word`` is also written in lower case near ``pos`` (so it is no given name)."""
        key = word.lower()
        if key not in self._lower_cache:
            self._lower_cache[key] = self._find_word(key, max(0, pos - NEAR), pos + NEAR)
        return self._lower_cache[key]

    def _find_word(self, word: str, lo: int, hi: int) -> bool:
        """True when ``word`` stands as a whole word in text[lo:hi] (``str.find`` is fast)."""
        at = self.text.find(word, lo, hi)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not self.text[at - 1].isalnum()) and not self.text[end : end + 1].isalnum():
                return True
            at = self.text.find(word, end, hi)
        return False

    def canonical(self, surface: str, pos: int) -> str | None:
        """The full name for a speaker surface seen at ``pos``, or None if it is no name."""
        name = clean_name(surface)
        if name is None:
            return None
        words = name.split()
        if len(words) == 1 and not name.startswith("The "):
            if surface == name and _sentence_start(self.text, pos) and self.written_lower(name, pos):
                return None  # "Very soon the Rabbit …": a sentence word, not a name
            return self._full_name(name, "", pos)
        if len(words) == 2 and words[0].lower() in COURTESY:
            return self._full_name(words[1], words[0], pos)
        return name

    def _full_name(self, surname: str, courtesy: str, pos: int) -> str:
        """The longest name ending in ``surname`` written before ``pos`` (else anywhere)."""
        key = (surname, courtesy)
        if key not in self._surname_cache:
            self._surname_cache[key] = self._search_full_name(surname, courtesy, pos)
        found = self._surname_cache[key]
        return found or (f"{courtesy} {surname}" if courtesy else surname)

    def _search_full_name(self, surname: str, courtesy: str, near: int) -> str:
        """The most frequent "Given [Middle] Surname" of the text (titles and sentence words skipped).

        Finds the surname with ``str.find`` and reads the words before each occurrence, so a
        3 MB book costs a few hundred short matches, not a scan per surname.
        """
        counts: dict[str, int] = {}
        lo, hi = max(0, near - NEAR), near + NEAR
        pos, seen = self.text.find(surname, lo, hi), 0
        while pos >= 0 and seen < MAX_SURNAME_LOOKS:
            seen += 1
            after = pos + len(surname)
            if (pos == 0 or not self.text[pos - 1].isalnum()) and not self.text[after : after + 1].isalnum():
                match = GIVEN_BEFORE.search(self.text, max(0, pos - 60), pos)
                if match:
                    full = self._given_names(match, surname, courtesy)
                    if full:
                        counts[full] = counts.get(full, 0) + 1
            pos = self.text.find(surname, after, hi)
        # the most frequent form; on a tie the shorter one (a headline is no name)
        return max(counts, key=lambda full: (counts[full], -len(full.split()))) if counts else ""

    def _given_names(self, match: re.Match, surname: str, courtesy: str) -> str:
        """ "Ethan Nadelmann" from the words matched before a surname, or ""."""
        words = match.group(1).split()
        title, given = _strip_leading(words)
        dropped, _ = split_title(" ".join([*given, surname]))
        if dropped:  # "Air Force Gen. Norman Ham": the words up to the last title go
            title, given = [*title, *dropped.split()], given[len(dropped.split()) :]
        if courtesy and (not title or title[-1].lower() != courtesy.lower()):
            return ""
        # "Poor Alice", "Republicans Are Following Trump": words the text also writes in
        # lower case are sentence or headline words, not given names
        while given and len(given[0]) > 1 and self.written_lower(given[0].rstrip("."), match.start()):
            given = given[1:]
        if any(len(w) > 2 and self.written_lower(w, match.start()) for w in given):
            return ""
        return " ".join([*given, surname]) if given else ""

    def describe(self, description: str, near: int) -> str | None:
        """The name written after a role description ("Mexican President X" for "the Mexican president")."""
        key = " ".join(description.lower().split())
        if key not in self._description_cache:
            lo = max(0, near - NEAR)
            lower = self.text[lo : near + NEAR].lower()
            words = key.split()
            found = None
            for cut in range(len(words)):
                found = self._name_after(" ".join(words[cut:]), lower, lo)
                if found:
                    break
            self._description_cache[key] = found
        return self._description_cache[key]

    def _name_after(self, phrase: str, lower: str, offset: int) -> str | None:
        """The first name written right after ``phrase`` (any case) in ``lower`` (the
        lower-cased text from ``offset``)."""
        at, looks = lower.find(phrase), 0
        while at >= 0 and looks < 50:
            looks += 1
            pos = offset + at
            match = NAME_AFTER.match(self.text, pos + len(phrase))
            if match and (pos == 0 or not self.text[pos - 1].isalnum()):
                name = self.canonical(match.group(1), match.start(1))
                if name:
                    return name
            at = lower.find(phrase, at + 1)
        return None

    def gender(self, name: str, near: int) -> str | None:
        """m/f from a courtesy title, else from the pronouns that follow the name in the text."""
        if name not in self._gender_cache:
            self._gender_cache[name] = self._guess_gender(name, near)
        return self._gender_cache[name]

    def _guess_gender(self, name: str, near: int) -> str | None:
        """Count he/his/him against she/her in the words after the first mentions of the name."""
        words = name.split()
        first = words[0].lower()
        if first in GENDER_TITLES:
            return GENDER_TITLES[first]
        # the full name first ("Mary Morstan", not her father "Captain Morstan"), then the surname
        for key, least in ((name, 1), (words[-1], 2)):
            gender = self._pronouns_after(key, near, least)
            if gender:
                return gender
        return None

    def _pronouns_after(self, key: str, near: int, least: int) -> str | None:
        """The gender of most pronouns that follow mentions of ``key``, if clear."""
        counts = {"m": 0, "f": 0, "n": 0}
        lo, hi = max(0, near - NEAR), near + NEAR
        pos = self.text.find(key, lo, hi)
        seen = 0
        while pos >= 0 and seen < 12:
            window = self.text[pos + len(key) : pos + len(key) + 120]
            pronoun = PRONOUN_AFTER.search(window)
            if pronoun:
                counts[PRONOUN_GENDER[pronoun.group().lower()]] += 1
            seen += 1
            pos = self.text.find(key, pos + len(key), hi)
        best = max(counts, key=counts.__getitem__)
        return best if counts[best] >= least and counts[best] > sum(counts.values()) / 2 else None


def _strip_leading(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading title words ("Dr.", "Sen.") from the given names after them."""
    cut = 0
    while cut < len(words) and (words[cut].lower() in TITLES or words[cut].lower() in NOT_NAMES):
        cut += 1
    return words[:cut], words[cut:]


def _sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` starts a sentence (after . ! ? a quote mark or a paragraph break)."""
    back = text[max(0, pos - 3) : pos].rstrip()
    return not back or back[-1] in '.!?"“”\n'
