"""Annotating from the keyboard: the session of one article, the store writer, the screen.

- ``controller.AnnotationSession``: highlights in memory, tag toggling, undo/redo.
- ``writer.StoreWriter``: the one thread that talks to the store.
- ``screen.AnnotatingScreen``: the reading screen with annotation keys.
- ``start``: the first screen, the library, opening stored articles, shutdown.
"""

from reader.ui.annotating.controller import AnnotationSession
from reader.ui.annotating.writer import StoreWriter

__all__ = ["AnnotationSession", "StoreWriter"]
