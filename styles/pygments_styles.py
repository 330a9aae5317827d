"""Pygments styles gloss-dark and gloss-light, generated from ``styles.palette``.

The palettes are the single source of colour: each span kind maps to ``token_for(kind)``,
each speaker slot to ``Token.Gloss.Quote.Speaker<N>``, each tag to
``Token.Gloss.Highlight.Tag<key>`` and, so that a highlight keeps the look of the text
under it, to ``Token.Gloss.Highlight.Tag<key>.<token>`` for every styled token (see
``reader.lexer`` for how tokens are chosen). Code inside articles is coloured by a stock
Pygments style (monokai on dark, default on light) merged underneath.

Both classes are registered as Pygments style plugins in ``pyproject.toml``, so
``pygments.styles.get_style_by_name("gloss-dark")`` and ``pygmentize -O style=gloss-dark``
work once gloss is installed. They are generated on first use (a module ``__getattr__``),
and ``gloss_style(name, terminal=True)`` gives the leaner variant ``gloss print`` uses.
"""

from __future__ import annotations

from functools import cache

from pygments.style import Style
from pygments.token import Token, _TokenType

from reader.lexer import highlight_token, speaker_token
from reader.tokens import token_for
from styles.palette import PALETTES, Palette

TAG_KEYS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)  # palette.tags[i] is the colour of key TAG_KEYS[i]


def _inherited(styles: dict[_TokenType, str], token: _TokenType) -> str:
    """The style string of ``token`` with its ancestors' strings before it (later wins)."""
    chain = []
    while token is not None and token in Token.Gloss:
        chain.append(styles.get(token, ""))
        token = token.parent
    return " ".join(s for s in reversed(chain) if s)


def palette_styles(pal: Palette, combos: bool = True) -> dict[_TokenType, str]:
    """The gloss token -> style string table of one palette (without code styles).

    ``combos``: also the highlight-over-token entries (300 of them; print has no use
    for them, and a smaller table makes its formatter start faster).
    """
    styles: dict[_TokenType, str] = {token_for(kind): style for kind, style in pal.kinds.items()}
    for slot, colour in enumerate(pal.speakers):
        styles[speaker_token(slot)] = colour
    inner_tokens = list(styles)
    for key, colour in zip(TAG_KEYS, pal.tags, strict=False):
        styles[highlight_token(key)] = f"bg:{colour}"
        for inner in inner_tokens if combos else ():
            base = _inherited(styles, inner)
            styles[highlight_token(key, inner)] = f"{base} bg:{colour}".strip()
    return styles


def make_style(pal: Palette, code_style: type[Style], terminal: bool = False) -> type[Style]:
    """A Pygments ``Style`` class for ``pal``, over ``code_style`` for code blocks.

    ``terminal``: for printing on a terminal, which keeps its own text colour (no root
    colour) and shows no user highlights (no highlight combinations).
    """
    styles = dict(code_style.styles)
    # the root colour keeps text legible on ``background_color`` in any formatter
    styles[Token] = "" if terminal else pal.foreground
    styles[Token.Text] = ""
    styles.update(palette_styles(pal, combos=not terminal))
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


CODE_STYLES = {"gloss-dark": "monokai", "gloss-light": "default"}
STYLE_CLASSES = {"GlossDarkStyle": "gloss-dark", "GlossLightStyle": "gloss-light"}


@cache
def gloss_style(name: str, terminal: bool = False) -> type[Style]:
    """The Style class of the gloss theme ``name`` (see ``make_style`` for ``terminal``)."""
    return make_style(PALETTES[name], _code_style(CODE_STYLES[name]), terminal)


def __getattr__(attr: str) -> type[Style]:
    """``GlossDarkStyle`` and ``GlossLightStyle``, generated on first use (PEP 562)."""
    if attr in STYLE_CLASSES:
        return gloss_style(STYLE_CLASSES[attr])
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")


__all__ = ["CODE_STYLES", "GlossDarkStyle", "GlossLightStyle", "gloss_style", "make_style", "palette_styles"]  # noqa: F822
