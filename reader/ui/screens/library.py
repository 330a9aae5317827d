"""The library: every stored article with counts, last opened and reading progress.

Enter opens the article under the cursor, Delete (or ``d``) forgets it after asking,
Esc goes back (at start-up, without an article behind it, Esc quits). Rows come from
the store writer thread; titles and sources are article data, shown as ``Content``.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from reader.ui.screens.confirm import Confirm

if TYPE_CHECKING:
    from annotations.model import ArticleRecord
    from reader.ui.annotating.store_ops import LibraryRow
    from reader.ui.annotating.writer import StoreWriter

COLUMNS = (("Title", 32), ("Source", 20), ("Highlights", 10), ("Notes", 5), ("Last opened", 16), ("Read", 4))


def when(stamp: str) -> str:
    """An ISO time as ``YYYY-MM-DD HH:MM``."""
    return stamp[:16].replace("T", " ")


def _tail(text: str, width: int) -> str:
    """The end of a long source (the file name matters most), with an ellipsis."""
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def row_cells(row: LibraryRow) -> tuple[Content, ...]:
    """The table cells of one article."""
    record = row.record
    title = " ".join((record.title or record.source or record.key).split())
    return (
        Content(title).truncate(COLUMNS[0][1], ellipsis=True),
        Content(_tail(record.source or "-", COLUMNS[1][1])),
        Content(str(row.highlights)).stylize("bold" if row.highlights else "dim"),
        Content(str(row.notes)),
        Content(when(record.last_opened)),
        Content(f"{round(row.progress * 100)}%"),
    )


class LibraryScreen(Screen):
    """Stored articles; choose one to read."""

    HELP_INTRO = (  # the ? help's text on this screen
        "The library lists the articles you have read, with their highlights, notes, when "
        "you last opened them and how far you read. Enter opens one where you left off; "
        "Delete (or d) forgets one and its highlights, after asking; Esc goes back."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="library.open"),
        Binding("delete,d", "delete", "Delete", id="library.delete"),
        Binding("escape", "back", "Back", id="library.back"),
    ]
    DEFAULT_CSS = """
    LibraryScreen DataTable { height: 1fr; }
    LibraryScreen .library-title { padding: 0 1; }
    LibraryScreen .library-empty { padding: 1 2; color: $text-muted; }
    """

    def __init__(
        self,
        writer: StoreWriter,
        on_open: Callable[[ArticleRecord], None],
        on_back: Callable[[], None],
    ) -> None:
        super().__init__()
        self.writer = writer
        self.on_open = on_open
        self.on_back = on_back
        self.rows: list[LibraryRow] = []

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(
                ("Library", "bold $primary"), ("  Enter opens · Delete forgets · Esc goes back", "dim")
            ),
            classes="library-title",
        )
        table: DataTable = DataTable(id="library", cursor_type="row", zebra_stripes=True)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        yield table
        yield Static(Content("Loading…"), id="library-empty", classes="library-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.reload()
        self.call_after_refresh(gc.enable)  # ``gloss`` turns the collector off until the first frame

    def reload(self) -> None:
        """Read the articles again (on the store thread)."""
        from reader.ui.annotating.store_ops import library

        self.writer.call(library, self.show_rows, self.show_error)

    def show_rows(self, rows: list[LibraryRow]) -> None:
        """Fill the table."""
        self.rows = rows
        table = self.query_one(DataTable)
        table.clear()
        for row in rows:
            table.add_row(*row_cells(row), key=row.record.key)
        empty = self.query_one("#library-empty", Static)
        empty.update(Content("The library is empty: open an article with gloss FILE." if not rows else ""))
        empty.display = not rows

    def show_error(self, error: Exception) -> None:
        """The store could not be read."""
        self.query_one("#library-empty", Static).update(Content(f"Cannot read the store: {error}"))
        self.notify(str(error), title="Library", severity="error", markup=False)

    def selected(self) -> LibraryRow | None:
        """The row under the cursor."""
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row is None or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (or a click) on a row opens it."""
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        """Read the selected article."""
        row = self.selected()
        if row is not None:
            self.on_open(row.record)

    def action_delete(self) -> None:
        """Forget the selected article and its highlights, after asking."""
        row = self.selected()
        if row is None:
            return
        title = row.record.title or row.record.source
        question = f"Delete “{title}” and its {row.highlights} highlight(s) from the library?"

        def answered(yes: bool | None) -> None:
            if yes:
                key = row.record.key
                self.writer.call_after_saves(
                    lambda store: store.delete_article(key), lambda _: self.reload(), self.show_error
                )

        self.app.push_screen(Confirm(question, yes="Delete", no="Keep"), answered)

    def action_back(self) -> None:
        """Leave the library."""
        self.on_back()
