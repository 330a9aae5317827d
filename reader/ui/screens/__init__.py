"""Screens of the app: reading, help (and the annotation dialogs beside them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.screens.help import HelpScreen
    from reader.ui.screens.reader import ReaderScreen

__all__ = ["HelpScreen", "ReaderScreen"]


def __getattr__(name: str) -> type:
    """Import a screen on first use: the help screen is not needed for the first frame."""
    if name == "HelpScreen":
        from reader.ui.screens.help import HelpScreen

        return HelpScreen
    if name == "ReaderScreen":
        from reader.ui.screens.reader import ReaderScreen

        return ReaderScreen
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
