"""The status line: what is under the cursor on the left, progress on the right.

Text comes from the article (names, roles, quotes), so it is always ``Content``, never
markup. While the analysis runs, a spinner says so.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class StatusLine(Widget):
    """One line: a description of the cursor position, a busy spinner, the progress."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    description: reactive[Content] = reactive(Content(""), layout=False)
    position: reactive[str] = reactive("")
    busy: reactive[str] = reactive("")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._frame = 0
        self._timer: Timer | None = None

    def watch_busy(self, busy: str) -> None:
        """Run the spinner only while something is busy."""
        if busy and self._timer is None:
            self._timer = self.set_interval(0.1, self._spin)
        elif not busy and self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _spin(self) -> None:
        """Advance the spinner."""
        self._frame = (self._frame + 1) % len(SPINNER)
        self.refresh()

    def render(self) -> Content:
        """Description, then the busy note and position pushed to the right."""
        right_parts = []
        if self.busy:
            right_parts.append(f"{SPINNER[self._frame]} {self.busy}")
        if self.position:
            right_parts.append(self.position)
        right = Content("  ".join(right_parts))
        width = max(0, self.content_region.width)
        room = max(0, width - right.cell_length - 2)
        left = self.description
        if left.cell_length > room:
            left = left.truncate(max(0, room - 1)) + Content("…") if room > 1 else Content("")
        gap = max(1, width - left.cell_length - right.cell_length)
        return Content.assemble(left, " " * gap, right.stylize("dim"))


def fit(text: str, width: int) -> str:
    """``text`` shortened to ``width`` cells with an ellipsis."""
    if cell_len(text) <= width:
        return text
    out = []
    used = 0
    for char in text:
        size = cell_len(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…"
