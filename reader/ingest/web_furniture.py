"""Page furniture the extractor let through, marked ``boilerplate`` (kept, shown apart).

Web pages wrap articles in prompts and link lists that trafilatura sometimes keeps:
"Read more: …" lines, "You may also like" sections, newsletter prompts, copyright
lines. Such blocks stay in the text (offsets and annotations never depend on a guess)
but are marked ``boilerplate`` so the reader can dim them and the analysers and scores
can leave them out. Every rule looks only at short blocks: a real paragraph is never
touched.
"""

from __future__ import annotations

import re

from reader.ingest.structure_kinds import is_boilerplate
from reader.ingest.web_blocks import RawBlock

_SHORT = 160  # furniture is a line, not a paragraph
_LINK_LINE = re.compile(
    r"(?:read more|read next|related|see also|also read|also see|more|watch|listen|recommended|"
    r"further reading|more from [\w .'’-]{1,30}|more on this|latest)\s*[:|»›]\s+\S",
    re.I,
)
_LIST_HEADING = re.compile(
    r"(?:related(?: \w+)?|more (?:stories|articles|news|from|on|like this)\b.*|you (?:may|might) also like|"
    r"(?:most )?popular(?: on .*| now| stories)?|most (?:read|viewed|shared)|recommended(?: for you| stories)?|"
    r"trending(?: now| stories)?|further reading|read next|latest (?:news|stories)|more|other [\w ]*"
    r"(?:stories|articles|columns|news)|in (?:other|case you missed)[\w ]*|don[’']t miss)\s*[:.!…]?",
    re.I,
)
_PROMPT = re.compile(
    r"\bnewsletters?\b|\bsubscri(?:be|ption)\b|\binbox\b|\bshare (?:it|this)\b|"
    r"\bclick(?:ing)? here\b|\bfollow us\b|\bdownload (?:our|the) app\b",
    re.I,
)
_COPYRIGHT = re.compile(r"^(?:copyright\b|(?:©|ⓒ|\(c\))\s*(?:copyright|\d{4}))|all rights reserved", re.I)


def mark_furniture(blocks: list[RawBlock]) -> list[RawBlock]:
    """``blocks`` with page furniture re-kinded as ``boilerplate``."""
    out: list[RawBlock] = []
    in_list_section = False
    for block in blocks:
        if block.kind in ("title", "byline", "code"):
            out.append(block)
            in_list_section = False
            continue
        text = block.text
        short = len(text) <= _SHORT
        if block.kind == "heading" and short and _LIST_HEADING.fullmatch(text.strip()):
            in_list_section = True
            out.append(RawBlock("boilerplate", text, block.level))
            continue
        if in_list_section and _is_link_item(block):
            out.append(RawBlock("boilerplate", text, block.level))
            continue
        in_list_section = False
        if short and _is_furniture(text):
            out.append(RawBlock("boilerplate", text, block.level))
        else:
            out.append(block)
    return out


def _is_furniture(text: str) -> bool:
    """A short line that is a prompt, a link lead-in or a copyright notice."""
    return bool(
        is_boilerplate(text)
        or _LINK_LINE.match(text)
        or _COPYRIGHT.search(text)
        or (_PROMPT.search(text) and len(text.split()) <= 20)
    )


def _is_link_item(block: RawBlock) -> bool:
    """A block that looks like an entry of a list of links (a headline, not prose)."""
    if block.kind == "list_item":
        return len(block.text) <= 2 * _SHORT
    first_line = block.text.split("\n", 1)[0].strip()
    return (
        block.kind in ("paragraph", "heading")
        and len(first_line) <= 100
        and len(block.text) <= 2 * _SHORT
        and not first_line.endswith(".")  # a headline, not a sentence of prose
    )
