"""Colour for ``gloss print``: which style, how many colours, which Pygments formatter.

The terminal keeps its own foreground and background: the root text colour of a style
is dropped, so gloss colours only what the analysis found (and code). The colour depth follows
the environment: ``COLORTERM=truecolor``/``24bit`` -> 24-bit, a ``TERM`` naming
``256color`` -> 256 colours, anything else -> the 16 ANSI colours, which the user's
terminal theme defines (each palette colour is mapped to the ANSI colour of its hue).
"""

from __future__ import annotations

import colorsys
import os
from collections.abc import Mapping

from pygments.formatter import Formatter
from pygments.style import Style
from pygments.token import Token

from reader.errors import GlossError

TRUECOLOR, COLOR256, COLOR16 = "truecolor", "256", "16"


class UnknownStyleError(GlossError):
    """A ``--style`` that neither gloss nor Pygments knows."""


def colour_depth(env: Mapping[str, str] | None = None) -> str:
    """``truecolor``, ``256`` or ``16``: what the terminal says it supports."""
    env = os.environ if env is None else env
    if env.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return TRUECOLOR
    if "256color" in env.get("TERM", ""):
        return COLOR256
    return COLOR16


def default_style_name(env: Mapping[str, str] | None = None) -> str:
    """gloss-light when ``COLORFGBG`` says the terminal background is light, else gloss-dark."""
    env = os.environ if env is None else env
    background = env.get("COLORFGBG", "").rsplit(";", 1)[-1]
    if background.isdigit() and int(background) in (7, *range(9, 16)):
        return "gloss-light"
    return "gloss-dark"


def style_by_name(name: str, terminal: bool = False) -> type[Style]:
    """The gloss style ``name`` (no plugin scan needed) or any installed Pygments style.

    ``terminal``: the variant for a terminal, without the root text colour.
    """
    from styles.pygments_styles import CODE_STYLES, gloss_style

    if name in CODE_STYLES:
        return gloss_style(name, terminal)
    from pygments.styles import get_style_by_name
    from pygments.util import ClassNotFound

    try:
        style = get_style_by_name(name)
    except ClassNotFound:
        raise UnknownStyleError(f"unknown style {name!r} (try gloss-dark or gloss-light)") from None
    if not terminal:
        return style
    return type("TerminalStyle", (Style,), {"styles": {**style.styles, Token: ""}})


def terminal_style(name: str, depth: str) -> type[Style]:
    """The style ``name`` for a terminal, in ANSI colour names when ``depth`` is 16."""
    base = style_by_name(name, terminal=True)
    if depth != COLOR16:
        return base
    ansi = {token: "noinherit " + _ansi_definition(ndef) for token, ndef in base}
    return type("TerminalStyle16", (Style,), {"styles": ansi})


def _ansi_definition(ndef: Mapping[str, object]) -> str:
    """A resolved Pygments style definition rewritten with ANSI colour names."""
    parts = [flag for flag in ("bold", "italic", "underline") if ndef[flag]]
    colour = ndef["ansicolor"] or (ndef["color"] and ansi_name(str(ndef["color"])))
    if colour:
        parts.append(str(colour))
    background = ndef["bgansicolor"] or (ndef["bgcolor"] and ansi_name(str(ndef["bgcolor"]), background=True))
    if background:
        parts.append(f"bg:{background}")
    return " ".join(parts)


_HUES = ((20, "red"), (75, "yellow"), (165, "green"), (200, "cyan"), (260, "blue"), (330, "magenta"))


def ansi_name(hex_colour: str, background: bool = False) -> str:
    """The ANSI colour whose hue (and brightness) is closest to ``#rrggbb``.

    By hue rather than by distance: a muted palette colour is closest, by distance, to
    a grey, and would lose the difference between a person and a place. A near-white
    or near-black text colour is "" (the terminal's own foreground): Pygments'
    ``ansiwhite`` is bold rather than white, and either extreme vanishes on one of the
    two kinds of terminal background.
    """
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    if sat < 0.2 or light < 0.12 or light > 0.92:
        return _grey(light, background)
    degrees = hue * 360
    name = next((n for limit, n in _HUES if degrees < limit), "red")
    return f"ansibright{name}" if light > 0.6 else f"ansi{name}"


def _grey(light: float, background: bool) -> str:
    """The ANSI grey of a lightness; "" (the terminal's own colour) for near-black or
    near-white text, which a palette means as "the foreground"."""
    if background:
        return "ansibrightblack" if light < 0.45 else "ansigray"
    return "ansibrightblack" if 0.25 <= light <= 0.7 else ""


def terminal_formatter(style_name: str, depth: str) -> Formatter:
    """The Pygments terminal formatter for a colour depth, over a terminal-ready style."""
    style = terminal_style(style_name, depth)
    if depth == TRUECOLOR:
        from pygments.formatters.terminal256 import TerminalTrueColorFormatter

        return TerminalTrueColorFormatter(style=style)
    from pygments.formatters.terminal256 import Terminal256Formatter

    return Terminal256Formatter(style=style)


__all__ = [
    "UnknownStyleError",
    "ansi_name",
    "colour_depth",
    "default_style_name",
    "style_by_name",
    "terminal_formatter",
    "terminal_style",
]
