"""How gloss looks: one palette per theme, shared by the Textual app and Pygments styles."""

from styles.palette import PALETTES, Palette, palette

__all__ = ["PALETTES", "Palette", "palette"]
