"""What ``y`` and ``Y`` copy: a passage as plain text, or as a Markdown quote with its speaker.

The app puts the text on the terminal's clipboard (OSC 52, ``App.copy_to_clipboard``);
these functions only build the text.
"""

from __future__ import annotations

from reader.document import Analysis


def plain(passage: str) -> str:
    """The passage with its whitespace tidied to single spaces per paragraph."""
    paragraphs = [" ".join(part.split()) for part in passage.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def speaker_of(analysis: Analysis, start: int, end: int) -> str | None:
    """The speaker of the quote that holds ``[start, end)`` or lies inside it."""
    for quote in analysis.quotes:
        inside = quote.start <= start and end <= quote.end
        holds = start <= quote.start and quote.end <= end
        if (inside or holds) and quote.speaker:
            return quote.speaker
    return None


def markdown_quote(passage: str, speaker: str | None = None, title: str | None = None) -> str:
    """``> passage`` lines, then ``> — Speaker, *Title*`` when known."""
    lines = [f"> {p}" if p else ">" for p in "\n\n".join(plain(passage).split("\n\n")).split("\n")]
    attribution = ", ".join(part for part in (speaker, f"*{title}*" if title else None) if part)
    if attribution:
        lines += [">", f"> — {attribution}"]
    return "\n".join(lines) + "\n"
