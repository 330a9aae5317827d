"""Block kinds of plain-text units: title, heading, caption, byline, boilerplate.

Each rule looks at one unit's text (and its place in the article) and is deliberately
narrow: a unit that matches nothing stays a paragraph, which is never wrong for reading.
"""

from __future__ import annotations

import re

from reader.ingest.canonical import Unit

# Page furniture copied along with an article: share buttons, comment links, prompts.
BOILERPLATE_PHRASES = frozenset(
    {
        "show comments",
        "hide comments",
        "view comments",
        "load comments",
        "comments",
        "leave a comment",
        "add a comment",
        "post a comment",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share this post",
        "share on facebook",
        "share on twitter",
        "share via email",
        "tweet",
        "email",
        "print",
        "save",
        "subscribe",
        "subscribe now",
        "sign up",
        "sign up now",
        "read more",
        "continue reading",
        "related",
        "related articles",
        "related stories",
        "recommended",
        "advertisement",
        "sponsored",
        "skip to content",
        "skip to main content",
        "back to top",
        "follow us",
        "click here",
        "listen to this article",
        "copy link",
    }
)
_FURNITURE_FIRST_WORDS = frozenset(
    {phrase.split()[0] for phrase in BOILERPLATE_PHRASES}
    | set(["post", "sign", "click", "tap", "related", "read", "see", "also", "more", "recommended", "watch"])
    | {str(n) for n in range(10)}
    | {f"{n}{m}" for n in range(1, 10) for m in range(10)}
)
_BOILERPLATE_PATTERNS = re.compile(
    r"\d+ comments?|(?:share|post) (?:on|to|via) \w+(?: \w+)?|"
    r"(?:sign up|subscribe) (?:for|to) (?:our|the) [\w ]{0,30}newsletters?|"
    r"(?:click|tap) here to \w+(?: \w+){0,5}|"
    r"(?:related|read more|see also|also read|more on this(?: story)?|recommended|watch)\s*:\s.{1,140}"
)
_FURNITURE_STRIP = " \t•·*-–—|>›»:!.…"

_CAPTION_LABEL = re.compile(
    r"(?:(?:photo(?:graph)?|image|picture|illustration|screenshot|screen ?grab|graphic|chart|map|video|"
    r"figure|fig\.|top|above|below|left|right|pictured|credit)s?\s*(?::|\||—|–)|"
    r"(?:image|photo) (?:copyright|caption|source)\b)",
    re.IGNORECASE,
)
_CAPTION_OF = re.compile(
    r"(?:photo(?:graph)?|image|picture|illustration|screenshot|screen ?grab)s? (?:of|by|courtesy|via)\b",
    re.IGNORECASE,
)
_CREDIT_HINTS = (")", "/", "redit", "ourtesy")
_CAPTION_FIRST_WORDS = frozenset(
    [
        "photo",
        "photos",
        "photograph",
        "photographs",
        "image",
        "images",
        "picture",
        "pictures",
        "illustration",
        "illustrations",
        "screenshot",
        "screenshots",
        "screen",
        "screengrab",
        "graphic",
        "chart",
        "map",
        "video",
        "videos",
        "figure",
        "fig",
        "top",
        "above",
        "below",
        "left",
        "right",
        "pictured",
        "credit",
    ]
)
_CREDIT_WORD = re.compile(r"\b(?:via|courtesy|credit|photo by)\b|©|/", re.IGNORECASE)
_CAPTION_CREDIT = re.compile(
    r"(?:\((?:AP|AFP|Reuters|Getty)(?: Photo)?[^)]*\)|/\s*(?:Getty Images|AP|AFP|Reuters|Shutterstock)|"
    r"\b(?:Photo|Image) (?:credit|courtesy)\b[^.]*)\.?$",
    re.IGNORECASE,
)
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty)(?:-[a-z]+)?|first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)"
)
# "CHAPTER I.", "Book Two: 1805", "Part 3 — The Return", "Epilogue"; not "Part of the deal."
_CHAPTER = re.compile(
    r"(?:(?:chapter|book|part|volume|vol\.|section|act|scene|canto|epilogue)\s+"
    rf"(?:(?-i:[IVXLCDM]+)|\d+|{_NUMBER_WORD})\b|"
    r"(?:epilogue|prologue|preface|introduction|afterword|foreword|contents|appendix)\b)"
    r"\.?(?:\s*[:.—–-]\s*\S.*)?$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\d{1,2}(?::\d\d)? ?[ap]\.m\.$", re.IGNORECASE)
_FINAL_PUNCT = tuple(".,;:!?\"”’'»)…")
_QUOTE_OPEN = tuple("“\"‘'«„")
TITLE_MAX_CHARS = 160
TITLE_MAX_WORDS = 20  # news headlines run to ~15 words; longer first lines are sentences
HEADING_MAX_CHARS = 100
HEADING_MAX_WORDS = 14


def furniture_key(text: str) -> str:
    """A unit's text reduced for matching UI phrases: no bullets, case or edge punctuation."""
    return re.sub(r"\s+", " ", text.strip(_FURNITURE_STRIP).lower()).strip(_FURNITURE_STRIP)


def _first_word(text: str) -> str:
    """The first word, lower case, without edge bullets or punctuation: a cheap pre-check."""
    head = text[:24].lstrip(_FURNITURE_STRIP).split(None, 1)
    return head[0].rstrip(":|—–.").lower() if head else ""


def is_boilerplate(text: str) -> bool:
    """True for a short unit that is page furniture ("Show Comments", "Share this" …)."""
    if len(text) > 160 or "\n" in text or _first_word(text) not in _FURNITURE_FIRST_WORDS:
        return False
    key = furniture_key(text)
    return key in BOILERPLATE_PHRASES or _BOILERPLATE_PATTERNS.fullmatch(key) is not None


def is_caption(text: str) -> bool:
    """True for a photo caption or credit line ("Photograph of … via …", "Photo: …")."""
    if len(text) > 400 or "\n" in text:
        return False
    line = text.lstrip("•·*- ")
    tail = line[-80:]  # a credit closes the caption; searching only the tail keeps this cheap
    if any(hint in tail for hint in _CREDIT_HINTS) and _CAPTION_CREDIT.search(tail):
        return True
    if _first_word(line) not in _CAPTION_FIRST_WORDS:
        return False
    if _CAPTION_LABEL.match(line):
        return True
    # "Photographs of the victims were shown …" is a sentence; a caption credits a source
    # or has no final full stop.
    return _CAPTION_OF.match(line) is not None and (
        _CREDIT_WORD.search(line) is not None or not line.endswith(".")
    )


def is_chapter_heading(text: str) -> bool:
    """True for "CHAPTER I.", "Book Two: 1805", "Part 3" … (final punctuation allowed)."""
    return len(text) <= 60 and _CHAPTER.match(text) is not None and not text.endswith(",")


def is_heading(text: str) -> bool:
    """A short line without final punctuation that starts with a capital or a digit."""
    if "\n" in text or not text or len(text) > HEADING_MAX_CHARS:
        return False
    if text.endswith(_FINAL_PUNCT):  # only chapter lines and clock times may end so
        return is_chapter_heading(text) or _CLOCK.match(text) is not None
    if text.startswith(_QUOTE_OPEN):
        return False
    words = text.split()
    if len(words) > HEADING_MAX_WORDS or not (text[0].isupper() or text[0].isdigit()):
        return False
    return any(ch.isalpha() for ch in text)


def can_be_title(text: str) -> bool:
    """A single line short enough for a title that does not run on into a sentence."""
    return (
        "\n" not in text
        and len(text) <= TITLE_MAX_CHARS
        and len(text.split()) <= TITLE_MAX_WORDS
        and not text.endswith(",")
        and any(ch.isalpha() for ch in text)
        and not is_chapter_heading(text)
    )


def classify_units(units: list[Unit], title_index: int | None) -> None:
    """Set the kind of every paragraph unit (title at ``title_index`` when given)."""
    for index, unit in enumerate(units):
        if unit.kind == "boilerplate" or (len(unit.text) > 400 and index != title_index):
            continue  # long units are paragraphs (or list items) whatever they say
        if is_boilerplate(unit.text):
            unit.kind = "boilerplate"
        elif index == title_index:
            unit.kind = "title"
        elif unit.kind != "paragraph":
            continue
        elif is_caption(unit.text):
            unit.kind = "caption"
        elif is_heading(unit.text):
            unit.kind = "heading"


def find_title_index(units: list[Unit]) -> int | None:
    """The index of the title unit: the first real unit, when it looks like a title."""
    for index, unit in enumerate(units):
        if unit.kind == "boilerplate" or is_boilerplate(unit.text):
            continue
        if unit.kind != "paragraph" or index == len(units) - 1 or not can_be_title(unit.text):
            return None
        return index
    return None
