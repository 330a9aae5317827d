"""Pygments highlighting of code blocks, as spans over the canonical text.

Token colours come from Textual's ``HighlightTheme`` (theme variables such as
``$text-accent``), so code recolours with the app theme like everything else.
Offsets are kept one for one (no tab expansion), so spans line up with the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from rich.style import Style
from textual.color import Color
from textual.style import Style as TextualStyle

_VARIABLE = re.compile(r"\$([A-Za-z0-9_-]+)")


@lru_cache(maxsize=64)
def _lexer(lang: str):
    """The Pygments lexer for a language name, or None when Pygments does not know it."""
    # imported here: most articles have no code, and Pygments' lexer table is slow to load
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(lang, stripnl=False, ensurenl=False, tabsize=0)
    except ClassNotFound:
        return None


def code_token_styles(code: str, lang: str | None) -> list[tuple[int, int, str]]:
    """``(start, end, style string)`` for each token of ``code`` (empty without a lexer)."""
    lexer = _lexer(lang.lower()) if lang else None
    if lexer is None:
        return []
    from textual.highlight import HighlightTheme

    styles = HighlightTheme.STYLES
    out: list[tuple[int, int, str]] = []
    position = 0
    for token_type, value in lexer.get_tokens(code):
        end = position + len(value)
        kind = token_type
        while kind is not None:
            if style := styles.get(kind):
                out.append((position, end, style))
                break
            kind = kind.parent
        position = end
    return out


def resolve_style(style: str, variables: Mapping[str, str], background: Color) -> Style:
    """A HighlightTheme style string ("$text 60%") as a Rich style over ``background``.

    Theme colours may be "auto" (contrast with the background) or translucent; both are
    resolved against the code block's background here, as Textual would for a widget.
    """
    text = _VARIABLE.sub(lambda m: variables.get(m.group(1), "default"), style)
    try:
        parsed = TextualStyle.parse(text)
    except Exception:  # an unknown variable or word: draw the token plainly
        return Style()
    colour = parsed.foreground
    if colour is not None:
        if colour.auto:
            colour = background.get_contrast_text(colour.a)
        colour = background + colour
    return Style(
        color=colour.rich_color if colour is not None else None,
        bold=parsed.bold,
        italic=parsed.italic,
        underline=parsed.underline,
        strike=parsed.strike,
    )
