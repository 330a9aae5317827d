"""The Notes tab of the sidebar: the article's highlights with tag and note, and orphans.

A tag filter (a ``Select``) above an ``OptionList``; each item shows the tag, the start
of the passage and the first line of its note. Choosing a placed highlight posts
``JumpTo``; orphans (highlights that no longer fit the text) are listed last, marked,
and only shown. Everything shown is user or article text, so it is built as ``Content``.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Select
from textual.widgets.option_list import Option

from annotations.model import Annotation, Tag
from reader.ui.annotating.controller import first_line
from reader.ui.messages import JumpTo

ALL = "*all*"
ORPHANS = "*orphans*"
PREVIEW = 60


def item_content(annotation: Annotation, colour: str | None) -> Content:
    """Two lines: ``■ Tag  passage…`` and the note preview."""
    passage = " ".join(annotation.exact.split())
    passage = passage if len(passage) <= PREVIEW else passage[: PREVIEW - 1] + "…"
    tag = annotation.tag or "(no tag)"
    mark = Content("■ ").stylize(colour) if colour else Content("□ ")
    head = Content.assemble(mark, Content(tag).stylize("bold"), "  ", Content(passage))
    if annotation.status == "orphan":
        head = Content.assemble(Content("orphan ").stylize("italic"), head)
    note = first_line(annotation.note)
    if note:
        return Content.assemble(head, "\n  ", Content("✎ " + note).stylize("dim"))
    return head


class NotesTab(Vertical):
    """Highlights of the open article, filterable by tag; Enter jumps."""

    DEFAULT_CSS = """
    NotesTab { height: 1fr; }
    NotesTab Select { dock: top; margin: 0; }
    NotesTab OptionList { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._annotations: list[Annotation] = []
        self._tags: list[Tag] = []
        self._filter = ALL
        self._dirty = True
        self._source: Callable[[], tuple[list[Annotation], list[Tag]]] | None = None

    def compose(self) -> ComposeResult:
        # the list comes first so the sidebar focuses it; the filter is docked above it
        yield OptionList(id="notes-list")
        # compact: one row instead of three, the list keeps the room
        yield Select([("All tags", ALL)], value=ALL, allow_blank=False, id="notes-filter", compact=True)

    def on_mount(self) -> None:
        self._set_filter_options()
        self._refill()

    def set_source(self, source: Callable[[], tuple[list[Annotation], list[Tag]]]) -> None:
        """Where the highlights come from: ``source()`` returns (annotations, tags)."""
        self._source = source
        self.changed()

    def changed(self) -> None:
        """The highlights changed: refill now if the tab shows, else when it does.

        Listing 10,000 highlights costs more than a keypress, so a hidden tab waits.
        """
        self._dirty = True
        if self.is_mounted and self.is_on_screen:
            self._refill()

    def on_show(self) -> None:
        """Refill what changed while the tab was hidden."""
        if self._dirty:
            self._refill()

    def _pull(self) -> None:
        """Read the source: placed highlights in reading order, orphans last."""
        if self._source is None:
            return
        items, tags = self._source()
        self._annotations = [a for a in items if a.status != "orphan"] + [
            a for a in items if a.status == "orphan"
        ]
        tags = list(tags)
        if [t.name for t in tags] != [t.name for t in self._tags]:
            self._tags = tags
            self._set_filter_options()
        self._tags = tags

    def _set_filter_options(self) -> None:
        select = self.query_one(Select)
        options = [("All tags", ALL)] + [(Content(t.name), t.name) for t in self._tags]
        options.append(("Orphans", ORPHANS))
        with self.prevent(Select.Changed):
            select.set_options(options)
            known = {value for _, value in options}
            select.value = self._filter if self._filter in known else ALL

    def visible(self) -> list[Annotation]:
        """The highlights the filter lets through."""
        if self._filter == ALL:
            return self._annotations
        if self._filter == ORPHANS:
            return [a for a in self._annotations if a.status == "orphan"]
        return [a for a in self._annotations if (a.tag or "").casefold() == self._filter.casefold()]

    def _refill(self) -> None:
        self._dirty = False
        self._pull()
        colours = {t.name.casefold(): t.colour for t in self._tags}
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        shown = self.visible()
        if not shown:
            keys = ", ".join(t.key for t in self._tags if t.key) or "ctrl+t gives tags keys"
            hint = f"No highlights yet: select text (v) or not (the sentence) and press a tag key ({keys})."
            if self._filter != ALL and self._annotations:
                hint = "No highlights match this filter."
            options.add_option(Option(Content(hint), disabled=True))
            return
        options.add_options(
            Option(item_content(a, colours.get((a.tag or "").casefold())), id=a.id) for a in shown
        )
        if highlighted is not None:
            options.highlighted = min(highlighted, len(shown) - 1)

    def on_select_changed(self, event: Select.Changed) -> None:
        """A new tag filter."""
        event.stop()
        self._filter = str(event.value)
        self._refill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Jump to the chosen highlight."""
        event.stop()
        found = next((a for a in self._annotations if a.id == event.option.id), None)
        if found is None:
            return
        if found.status == "orphan":
            self.notify("This highlight no longer fits the text (orphan); it is kept.", timeout=3)
            return
        self.post_message(JumpTo(found.start))
