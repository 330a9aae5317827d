"""Screens of the app: reading, help (and the annotation dialogs beside them)."""

from reader.ui.screens.help import HelpScreen
from reader.ui.screens.reader import ReaderScreen

__all__ = ["HelpScreen", "ReaderScreen"]
