"""Pygments styles gloss-dark and gloss-light, generated from ``styles.palette``.

The palettes are the single source of colour: each span kind maps to ``token_for(kind)``,
each speaker slot to ``Token.Gloss.Quote.Speaker<N>``, each tag to
``Token.Gloss.Highlight.Tag<key>`` and, so that a highlight keeps the look of the text
under it, to ``Token.Gloss.Highlight.Tag<key>.<token>`` for every styled token (see
``reader.lexer`` for how tokens are chosen). Code inside articles is coloured by a stock
Pygments style (monokai on dark, default on light) merged underneath.

Both classes are registered as Pygments style plugins in ``pyproject.toml``, so
``pygments.styles.get_style_by_name("gloss-dark")`` and ``pygmentize -O style=gloss-dark``
work once gloss is installed.
"""

from __future__ import annotations

from pygments.style import Style
from pygments.token import Token, _TokenType

from reader.lexer import highlight_token, speaker_token
from reader.tokens import token_for
from styles.palette import GLOSS_DARK, GLOSS_LIGHT, Palette

TAG_KEYS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)  # palette.tags[i] is the colour of key TAG_KEYS[i]


def _inherited(styles: dict[_TokenType, str], token: _TokenType) -> str:
    """The style string of ``token`` with its ancestors' strings before it (later wins)."""
    chain = []
    while token is not None and token in Token.Gloss:
        chain.append(styles.get(token, ""))
        token = token.parent
    return " ".join(s for s in reversed(chain) if s)


def palette_styles(pal: Palette) -> dict[_TokenType, str]:
    """The gloss token -> style string table of one palette (without code styles)."""
    styles: dict[_TokenType, str] = {token_for(kind): style for kind, style in pal.kinds.items()}
    for slot, colour in enumerate(pal.speakers):
        styles[speaker_token(slot)] = colour
    inner_tokens = list(styles)
    for key, colour in zip(TAG_KEYS, pal.tags, strict=False):
        styles[highlight_token(key)] = f"bg:{colour}"
        for inner in inner_tokens:
            base = _inherited(styles, inner)
            styles[highlight_token(key, inner)] = f"{base} bg:{colour}".strip()
    return styles


def make_style(pal: Palette, code_style: type[Style]) -> type[Style]:
    """A Pygments ``Style`` class for ``pal``, over ``code_style`` for code blocks."""
    styles = dict(code_style.styles)
    styles[Token] = pal.foreground  # legible text on ``background_color`` in any formatter
    styles[Token.Text] = ""
    styles.update(palette_styles(pal))
    class_name = "".join(part.title() for part in pal.name.split("-")) + "Style"
    return type(
        class_name,
        (Style,),
        {
            "__doc__": f"The {pal.name} theme of gloss (generated from styles.palette).",
            "__module__": __name__,
            "name": pal.name,
            "background_color": pal.background,
            "highlight_color": pal.tags[0] if pal.tags else pal.accent,
            "styles": styles,
        },
    )


def _code_style(name: str) -> type[Style]:
    """A stock Pygments style for code blocks (imported by module, not by plugin lookup)."""
    if name == "monokai":
        from pygments.styles.monokai import MonokaiStyle

        return MonokaiStyle
    from pygments.styles.default import DefaultStyle

    return DefaultStyle


GlossDarkStyle = make_style(GLOSS_DARK, _code_style("monokai"))
GlossLightStyle = make_style(GLOSS_LIGHT, _code_style("default"))

GLOSS_STYLES: dict[str, type[Style]] = {"gloss-dark": GlossDarkStyle, "gloss-light": GlossLightStyle}

__all__ = ["GLOSS_STYLES", "GlossDarkStyle", "GlossLightStyle", "make_style", "palette_styles"]
