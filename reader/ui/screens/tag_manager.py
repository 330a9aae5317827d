"""The tag manager (from the command palette): add, rename, recolour and re-key tags.

The table lists every tag with its key and colour. ``a`` adds a tag, ``r`` renames,
``c`` recolours, ``k`` re-keys (empty: no key) the tag under the cursor; each asks for
the value in a one-line prompt. Changes run on the store writer thread; a refused value
(a key in use, a bad colour) comes back as an error toast. ``on_changed`` runs after
each successful change so the reading screen can recolour its highlights.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Input, Static

if TYPE_CHECKING:
    from annotations.model import Tag
    from reader.ui.annotating.writer import StoreWriter


class Prompt(ModalScreen[str | None]):
    """Ask for one line of text; Enter answers, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]
    DEFAULT_CSS = """
    Prompt { align: center middle; }
    Prompt > Vertical { width: 60; height: auto; background: $panel; border: round $primary; padding: 0 1; }
    """

    def __init__(self, question: str, value: str = "") -> None:
        super().__init__()
        self.question, self.value = question, value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question))
            yield Input(self.value, id="prompt-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: answer."""
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Esc: no answer."""
        self.dismiss(None)


def swatch(colour: str) -> Content:
    """A coloured block and the colour's code (the colour was checked by the store)."""
    return Content.assemble(("  ", f"on {colour}"), " ", colour)


class TagManager(ModalScreen[None]):
    """Edit the tags of the store."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="tags.add"),
        Binding("r", "rename", "Rename", id="tags.rename"),
        Binding("c", "recolour", "Colour", id="tags.recolour"),
        Binding("k", "rekey", "Key", id="tags.rekey"),
        Binding("escape,q", "close", "Close", id="tags.close"),
    ]
    DEFAULT_CSS = """
    TagManager { align: center middle; }
    TagManager > Vertical {
        width: 70; max-width: 95%; height: 24; background: $panel; border: round $primary;
    }
    TagManager DataTable { height: 1fr; }
    TagManager .tags-title { text-style: bold; color: $primary; padding: 0 1; }
    """

    def __init__(self, writer: StoreWriter, on_changed: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.writer = writer
        self.on_changed = on_changed
        self.tags: list[Tag] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Tags"), classes="tags-title")
            table: DataTable = DataTable(id="tags", cursor_type="row")
            # fixed widths: auto-width columns stayed as narrow as their headers ("Evid")
            table.add_column("Key", width=4)
            table.add_column("Name", width=34)
            table.add_column("Colour", width=12)
            yield table
            yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.reload()

    def reload(self) -> None:
        """Read the tags again."""
        self.writer.call(lambda store: store.tags(), self.show_tags, self.failed)

    def show_tags(self, tags: list[Tag]) -> None:
        """Fill the table, keeping the cursor row."""
        self.tags = tags
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for tag in tags:
            table.add_row(Content(tag.key or "-"), Content(tag.name), swatch(tag.colour), key=tag.name)
        if tags:
            table.move_cursor(row=min(row, len(tags) - 1))

    def failed(self, error: Exception) -> None:
        """A refused change or an unreadable store."""
        self.notify(str(error), title="Tags", severity="error", markup=False)

    def current(self) -> Tag | None:
        """The tag under the cursor."""
        row = self.query_one(DataTable).cursor_row
        return self.tags[row] if self.tags and row is not None and row < len(self.tags) else None

    def _change(self, fn: Callable[[Any], Any], message: str) -> None:
        """Run a tag change on the store thread, then refresh."""

        def done(_: object) -> None:
            self.notify(message, timeout=2, markup=False)
            self.reload()
            if self.on_changed is not None:
                self.on_changed()

        self.writer.call_after_saves(fn, done, self.failed)  # after queued highlight saves

    def _ask(self, question: str, value: str, then: Callable[[str], None]) -> None:
        def answered(answer: str | None) -> None:
            if answer is not None:
                then(answer)

        self.app.push_screen(Prompt(question, value), answered)

    def action_add(self) -> None:
        """Add a tag (name, then a free key is optional via re-key)."""
        self._ask(
            "Name of the new tag:",
            "",
            lambda name: self._change(lambda store: store.add_tag(name), f"Added tag {name.strip()}"),
        )

    def action_rename(self) -> None:
        """Rename the tag under the cursor (its highlights follow)."""
        tag = self.current()
        if tag is not None:
            self._ask(
                f"Rename “{tag.name}” to:",
                tag.name,
                lambda name: self._change(
                    lambda store: store.rename_tag(tag.name, name), f"Renamed to {name}"
                ),
            )

    def action_recolour(self) -> None:
        """Give the tag under the cursor a new colour (#rrggbb)."""
        tag = self.current()
        if tag is not None:
            self._ask(
                f"Colour of “{tag.name}” (#rrggbb):",
                tag.colour,
                lambda colour: self._change(
                    lambda store: store.recolour_tag(tag.name, colour), f"Recoloured {tag.name}"
                ),
            )

    def action_rekey(self) -> None:
        """Bind the tag under the cursor to another key (1–9, 0; empty for none)."""
        tag = self.current()
        if tag is not None:
            self._ask(
                f"Key of “{tag.name}” (1-9, 0; empty for none):",
                tag.key or "",
                lambda key: self._change(
                    lambda store: store.rekey_tag(tag.name, key or None), f"Re-keyed {tag.name}"
                ),
            )

    def action_close(self) -> None:
        """Back to the article."""
        self.dismiss(None)
