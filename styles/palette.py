"""The colour definitions of gloss's themes: the single source for app and print.

Each palette maps a span kind (see ``reader.tokens``) to a style string in Pygments
syntax ("bold #rrggbb bg:#rrggbb underline"). The Textual themes, the TCSS component
classes and the Pygments styles are all generated from these tables, so the app and
``gloss print`` never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Palette:
    """One theme's colours."""

    name: str
    dark: bool
    background: str
    foreground: str
    primary: str
    accent: str
    muted: str
    kinds: dict[str, str] = field(default_factory=dict)
    speakers: tuple[str, ...] = ()  # quote colours, one per speaker slot (slot 0 = unknown)
    tags: tuple[str, ...] = ()  # default highlight colours for tag keys 1..9,0


GLOSS_DARK = Palette(
    name="gloss-dark",
    dark=True,
    background="#1c1d21",
    foreground="#d8d4cc",
    primary="#e0a458",
    accent="#7fb4ca",
    muted="#7a7670",
    kinds={
        "title": "bold #f2e6d0",
        "heading": "bold #e0a458",
        "pull_quote": "italic #c8b8e8",
        "blockquote": "italic #b8b2a8",
        "caption": "italic #8f8a82",
        "byline": "#a39e96",
        "code": "#c9d1a6 bg:#26282d",
        "boilerplate": "#5e5b57",
        "list_item": "",
        "quote": "#e8c8a0",
        "quote.mark": "#6f6a64",
        "quote.speaker": "bold",
        "entity.person": "underline #8fc1e3",
        "entity.org": "underline #9fd3a5",
        "entity.place": "underline #d7a6d9",
        "entity.group": "underline #b5c48a",
        "entity.misc": "underline #c4b48a",
        "date": "#e6b673",
        "number": "#e6b673",
        "search": "bg:#5a4a1a",
        "note": "bold #ffd75f",
    },
    speakers=(
        "#c9bfb0",
        "#f0a36b",
        "#7fc8a9",
        "#e88aa8",
        "#9fb4f0",
        "#e3d26f",
        "#c39ee8",
        "#6fd0d8",
        "#f2b8a2",
    ),
    tags=(
        "#6b5a1e",
        "#1f5a3c",
        "#24466e",
        "#6e2a2a",
        "#573a6b",
        "#2a5e62",
        "#5e4a30",
        "#3f4f2a",
        "#4a3050",
        "#404040",
    ),
)

GLOSS_LIGHT = Palette(
    name="gloss-light",
    dark=False,
    background="#fbf8f1",
    foreground="#2b2a27",
    primary="#9a5b13",
    accent="#2f6f8f",
    muted="#8a857c",
    kinds={
        "title": "bold #1f1e1c",
        "heading": "bold #9a5b13",
        "pull_quote": "italic #5b3f8c",
        "blockquote": "italic #55524c",
        "caption": "italic #77736b",
        "byline": "#5f5b54",
        "code": "#3d4a12 bg:#efeadf",
        "boilerplate": "#b0aba2",
        "list_item": "",
        "quote": "#7a3e12",
        "quote.mark": "#a8a298",
        "quote.speaker": "bold",
        "entity.person": "underline #1d5f8a",
        "entity.org": "underline #2d6a35",
        "entity.place": "underline #7d3a80",
        "entity.group": "underline #56631f",
        "entity.misc": "underline #6e5a1f",
        "date": "#8a4b00",
        "number": "#8a4b00",
        "search": "bg:#f5e08a",
        "note": "bold #b35900",
    },
    speakers=(
        "#4e4a44",
        "#a8460f",
        "#1e7050",
        "#a32e5c",
        "#2f4fa8",
        "#7a6a00",
        "#6a3ca8",
        "#0e6e78",
        "#9a3a22",
    ),
    tags=(
        "#f7e27a",
        "#b9e4c4",
        "#bcd4f2",
        "#f2c0c0",
        "#dcc8ef",
        "#b8e6e8",
        "#ecd4b0",
        "#d6e6b0",
        "#e8c4e4",
        "#dddddd",
    ),
)

PALETTES: dict[str, Palette] = {p.name: p for p in (GLOSS_DARK, GLOSS_LIGHT)}


def palette(name: str) -> Palette:
    """The palette called ``name``; gloss-dark for any theme gloss does not define."""
    return PALETTES.get(name, GLOSS_DARK)
