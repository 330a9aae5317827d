"""Textual themes ``gloss-dark`` and ``gloss-light`` built from ``styles/palette.py``.

Every span colour reaches the app as a theme variable (``$gloss-quote``,
``$gloss-entity-person``, ``$gloss-speaker-1`` … ``$gloss-tag-1`` …) used by the
component classes in ``styles/article.tcss``. Textual's own themes do not define these
variables, so ``theme_variable_defaults`` supplies the gloss palette closest to them
(dark or light).
"""

from __future__ import annotations

from textual.theme import Theme

from styles.palette import GLOSS_DARK, GLOSS_LIGHT, PALETTES, Palette

DEFAULT_THEME = "gloss-dark"


def variable_name(kind: str) -> str:
    """The theme variable of a span kind ("entity.person" -> "gloss-entity-person")."""
    return "gloss-" + kind.replace(".", "-").replace("_", "-")


def parse_style(style: str) -> tuple[str | None, str | None, set[str]]:
    """A Pygments-syntax style string split into (colour, background, attributes)."""
    colour = background = None
    attributes: set[str] = set()
    for word in style.split():
        if word.startswith("bg:"):
            background = word[3:] or None
        elif word.startswith("#"):
            colour = word
        elif word and not word.startswith("border:"):
            attributes.add(word)
    return colour, background, attributes


def palette_variables(palette: Palette) -> dict[str, str]:
    """The gloss theme variables of one palette (colours only; text styles live in TCSS)."""
    variables: dict[str, str] = {
        "gloss-muted": palette.muted,
        "gloss-foreground": palette.foreground,
        "gloss-background": palette.background,
    }
    for kind, style in palette.kinds.items():
        colour, background, _ = parse_style(style)
        name = variable_name(kind)
        variables[name] = colour or palette.foreground
        variables[name + "-bg"] = background or palette.background
    for slot, colour in enumerate(palette.speakers):
        variables[f"gloss-speaker-{slot}"] = colour
    for index, colour in enumerate(palette.tags, start=1):
        variables[f"gloss-tag-{index}"] = colour
    return variables


def build_theme(palette: Palette) -> Theme:
    """The Textual theme for one gloss palette."""
    return Theme(
        name=palette.name,
        primary=palette.primary,
        secondary=palette.accent,
        accent=palette.accent,
        foreground=palette.foreground,
        background=palette.background,
        surface=palette.background,
        panel=_panel(palette),
        dark=palette.dark,
        variables={
            **palette_variables(palette),
            "footer-key-foreground": palette.primary,
            "block-cursor-text-style": "none",
        },
    )


def _panel(palette: Palette) -> str:
    """A panel colour a shade away from the background (sidebar, status line)."""
    return "#25262b" if palette.dark else "#efeadf"


def gloss_themes() -> list[Theme]:
    """Both gloss themes, ready for ``App.register_theme``."""
    return [build_theme(p) for p in PALETTES.values()]


def theme_variable_defaults(dark: bool) -> dict[str, str]:
    """Fallback gloss variables for Textual's own themes."""
    return palette_variables(GLOSS_DARK if dark else GLOSS_LIGHT)
