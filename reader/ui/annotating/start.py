"""Wiring the annotation layer into the app: the first screen, the library, shutdown.

``default_screen(app)`` starts the store writer and returns the first screen: the
library when gloss started without a file and the store has articles, else the
annotating reading screen. ``open_record`` loads a stored article (off the UI thread)
and switches the reader to it. ``shutdown(app)`` writes what is still queued when the
app has exited (the CLI calls it) and reports anything that could not be saved.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from typing import TYPE_CHECKING, Any

from reader.ui.annotating.writer import StoreWriter

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from annotations.model import ArticleRecord
    from reader.document import Document

_UNLOADABLE = {"", "-"}


def writer_for(app: Any) -> StoreWriter:
    """The app's store writer (started on first use)."""
    writer = getattr(app, "store_writer", None)
    if writer is None:
        writer = app.store_writer = start_writer(app)
    return writer


def start_writer(app: Any) -> StoreWriter:
    """A writer whose results run on the app's event loop (never blocking the writer)."""
    try:
        loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
    except RuntimeError:
        loop = None

    def deliver(callback: Any, value: Any) -> None:
        target = loop or getattr(app, "_loop", None)
        if target is not None and not target.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: the app is gone
                target.call_soon_threadsafe(callback, value)

    def status(error: str | None, refused: bool = False) -> None:
        if error is None:
            app.notify("Saved: the store is writable again", title="Store", timeout=3)
        elif refused:
            app.notify(
                f"{error}\nThe store refused this change; it stays on screen until you quit.",
                title="Could not save",
                severity="error",
                timeout=8,
                markup=False,
            )
        else:
            app.notify(
                f"{error}\nYour changes are kept in memory and retried.",
                title="Could not save",
                severity="error",
                timeout=8,
                markup=False,
            )

    store_path = getattr(app, "store_path", None)

    def open_store() -> Any:
        # imported on the writer thread: TinyDB and rapidfuzz stay off the first paint
        from annotations.store import Store

        return Store.open(store_path)

    return StoreWriter(open_store, deliver, status)


def reader_screen(app: Any, document: Document, at: int | None = None) -> Screen:
    """The annotating reading screen for ``document``."""
    from reader.ui.annotating.screen import AnnotatingScreen

    config = getattr(app, "config", None)
    return AnnotatingScreen(
        document,
        writer_for(app),
        analyzer=app.analyzer,
        column_width=app.column_width,
        at=at,
        default_tags=config.tags if config is not None else (),
    )


def default_screen(app: Any) -> Screen:
    """The first screen: the library (no file, articles stored) or the article."""
    writer = writer_for(app)
    config = getattr(app, "config", None)
    if config is not None:
        # collected once, and only for a keymap: it imports every screen that has bindings
        known = binding_ids() if config.keymap else set()
        warnings = list(config.warnings) + [
            f"config keymap: no binding with id {binding_id!r} (see ? help for the actions)"
            for binding_id in config.keymap
            if binding_id not in known
        ]
        for warning in warnings:
            app.call_later(app.notify, warning, title="Config", severity="warning", markup=False)
    if getattr(app, "start_in_library", False):
        from reader.ui.screens.library import LibraryScreen

        return LibraryScreen(writer, lambda record: open_record(app, record), app.exit)
    return reader_screen(app, app.document, getattr(app, "at", None))


def binding_ids() -> set[str]:
    """Every binding id gloss declares (what a config keymap may remap)."""
    from textual.binding import Binding

    from reader.ui.annotating.screen import AnnotatingScreen
    from reader.ui.app import GlossApp
    from reader.ui.screens.confirm import Confirm
    from reader.ui.screens.help import HelpScreen
    from reader.ui.screens.library import LibraryScreen
    from reader.ui.screens.note_dialog import NoteDialog
    from reader.ui.screens.tag_manager import TagManager
    from reader.ui.search import SearchBar
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.sidebar import Sidebar

    owners = (GlossApp, AnnotatingScreen, ArticleView, Sidebar, NoteDialog, LibraryScreen, TagManager)
    owners += (HelpScreen, SearchBar, Confirm)
    ids: set[str] = set()
    for owner in owners:
        for klass in owner.__mro__:
            for binding in getattr(klass, "BINDINGS", ()) if "BINDINGS" in vars(klass) else ():
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
    return ids


def show_library(app: Any, writer: StoreWriter) -> None:
    """Push the library over the reader (Esc comes back)."""
    from reader.ui.screens.library import LibraryScreen

    app.push_screen(LibraryScreen(writer, lambda record: open_record(app, record), app.pop_screen))


def open_record(app: Any, record: ArticleRecord) -> None:
    """Load a stored article off the UI thread, then read it."""
    if record.source in _UNLOADABLE:
        app.notify("This article was read from standard input and cannot be opened again", severity="error")
        return

    def load() -> None:
        from reader.errors import GlossError
        from reader.ingest import load as load_source

        try:
            document = load_source(record.source)
        except GlossError as error:
            app.call_from_thread(app.notify, str(error), severity="error", markup=False)
            return
        app.call_from_thread(switch_to, app, document)

    app.notify(f"Opening {record.title or record.source}…", timeout=2, markup=False)
    app.run_worker(load, thread=True, group="open-article", exclusive=True)


def switch_to(app: App, document: Document) -> None:
    """Replace the screens on top of the stack by a reader for ``document``."""
    from reader.ui.screens.library import LibraryScreen

    app.document = document  # type: ignore[attr-defined]
    while isinstance(app.screen, LibraryScreen) and len(app.screen_stack) > 1:
        app.pop_screen()
    top = app.screen
    if not top._result_callbacks:
        # the default screen was never pushed, and switch_screen pops a result callback
        top._push_result_callback(top, None)
    app.switch_screen(reader_screen(app, document))


def shutdown(app: Any, timeout: float = 5.0) -> None:
    """After the app exited: write what is queued; say on stderr if anything is lost."""
    writer = getattr(app, "store_writer", None)
    if writer is None:
        return
    if not writer.close(timeout):
        print(
            f"gloss: warning: {writer.pending()} change(s) could not be saved to the store",
            file=sys.stderr,
        )
