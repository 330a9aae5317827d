"""The note dialog: the passage, a Markdown TextArea; ctrl+s saves, Esc cancels.

Dismisses with the note text (saved) or None (cancelled). Esc with unsaved edits asks
before discarding them. ``ctrl+s`` and ``escape`` are ``priority`` bindings because a
focused TextArea would otherwise take them.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from reader.ui.screens.confirm import Confirm

PASSAGE_CHARS = 600  # longer passages are shortened in the middle


def shorten(passage: str, limit: int = PASSAGE_CHARS) -> str:
    """``passage`` on one paragraph, cut in the middle when long."""
    flat = " ".join(passage.split())
    if len(flat) <= limit:
        return flat
    half = limit // 2
    return flat[:half].rstrip() + " … " + flat[-half:].lstrip()


class NoteDialog(ModalScreen[str | None]):
    """Write or edit the note of one highlight."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", priority=True, id="note.save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="note.cancel"),
    ]
    DEFAULT_CSS = """
    NoteDialog { align: center middle; }
    NoteDialog > Vertical {
        width: 84; max-width: 95%; height: auto; max-height: 90%;
        background: $panel; border: round $primary; padding: 0 1;
    }
    NoteDialog .note-title { text-style: bold; color: $primary; }
    NoteDialog .note-passage {
        color: $text-muted; text-style: italic; max-height: 8; overflow-y: auto;
        border-left: outer $primary 50%; padding: 0 1; margin: 1 0;
    }
    NoteDialog TextArea { height: 12; }
    NoteDialog .note-help { color: $text-muted; }
    """

    def __init__(self, passage: str, note: str = "", *, title: str = "Note") -> None:
        super().__init__()
        self.passage = passage
        self.original = note
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="note-title")
            yield Static(Content(shorten(self.passage)), classes="note-passage")
            # Markdown highlighting when tree-sitter is installed (textual[syntax]); plain otherwise
            yield TextArea(
                self.original, id="note-text", language="markdown", soft_wrap=True, tab_behavior="indent"
            )
            yield Static(Content("Markdown · ctrl+s save · Esc cancel"), classes="note-help")

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    @property
    def text(self) -> str:
        """The note as typed."""
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        """Keep the note."""
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        """Close; ask first when the note was edited."""
        if self.text == self.original:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            Confirm("Discard the changes to this note?", yes="Discard", no="Keep editing"), answered
        )
