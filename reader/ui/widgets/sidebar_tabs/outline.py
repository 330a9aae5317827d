"""Outline tab: the title and headings of the article; selecting one jumps to it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.document import Document
from reader.ui.messages import JumpTo

OUTLINE_KINDS = ("title", "heading")


class OutlineList(OptionList):
    """The document's headings, indented by level."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._offsets: list[int] = []

    def set_document(self, document: Document) -> None:
        """List the headings of ``document``."""
        self.clear_options()
        self._offsets = []
        options = []
        for block in document.blocks:
            if block.kind not in OUTLINE_KINDS:
                continue
            label = " ".join(document.block_text(block).split())
            indent = "  " * max(0, block.level - 1) if block.kind == "heading" else ""
            options.append(Option(Content(indent + label)))
            self._offsets.append(block.start)
        if not options:
            options.append(Option(Content("(no headings)"), disabled=True))
        self.add_options(options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Jump to the selected heading."""
        event.stop()
        if 0 <= event.option_index < len(self._offsets):
            self.post_message(JumpTo(self._offsets[event.option_index]))
