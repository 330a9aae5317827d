"""The reading screen with annotations: tag, note, remove, undo/redo, jump, Notes tab.

``AnnotatingScreen`` extends the reading screen. On mount it registers the article with
the store (on the store writer thread, which re-anchors highlights if the text changed),
shows the stored highlights and restores the reading position (unless ``--at`` gave
one). Every annotation action changes the ``AnnotationSession`` in memory, repaints at
once and queues the save on the writer; the reading position is saved every few
seconds and when the screen closes. Search, copy, export, library and tag manager
actions live in ``extras.ScreenExtras``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from annotations.keys import article_key
from annotations.model import DEFAULT_TAGS, Annotation
from reader.ui.annotating.controller import AnnotationSession, first_line
from reader.ui.annotating.extras import ScreenExtras
from reader.ui.messages import ArticleShown
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from annotations.model import ArticleRecord, Tag
    from reader.document import Document
    from reader.ui.annotating.store_ops import OpenedArticle
    from reader.ui.annotating.writer import StoreWriter
    from reader.ui.screens.reader import Analyzer
    from reader.ui.widgets.notes_tab import NotesTab

POSITION_EVERY = 5.0  # seconds between saves of the reading position (when it moved)
TAG_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0")

ANNOTATION_BINDINGS: list[BindingType] = [
    *(Binding(key, f"tag('{key}')", f"Tag {key}", show=False, id=f"annotate.tag_{key}") for key in TAG_KEYS),
    Binding("a", "note", "Note", id="annotate.note"),
    Binding("x", "remove", "Remove highlight", show=False, id="annotate.remove"),
    Binding("u", "undo", "Undo", show=False, id="annotate.undo"),
    Binding("ctrl+r", "redo", "Redo", show=False, id="annotate.redo"),
    Binding("greater_than_sign", "next_highlight", "Next highlight", show=False, id="annotate.next"),
    Binding("less_than_sign", "previous_highlight", "Previous highlight", show=False, id="annotate.previous"),
    Binding("ctrl+n", "show_notes", "Notes tab", show=False, id="annotate.notes_tab"),
]


def _tag_commands() -> type:
    """The palette provider of tags by name (imported when the palette opens)."""
    from reader.ui.annotating.commands import TagCommands

    return TagCommands


class AnnotatingScreen(ScreenExtras, ReaderScreen):
    """One article, read and annotated with the keyboard."""

    BINDINGS: ClassVar[list[BindingType]] = ANNOTATION_BINDINGS + ScreenExtras.EXTRA_BINDINGS
    COMMANDS: ClassVar[set] = {_tag_commands}

    def __init__(
        self,
        document: Document,
        writer: StoreWriter,
        *,
        analyzer: Analyzer | None,
        column_width: int,
        at: int | None = None,
        default_tags: tuple[Tag, ...] = (),
    ) -> None:
        super().__init__(document, analyzer=analyzer, column_width=column_width)
        self.writer = writer
        self.at = at
        self.default_tags = default_tags
        self.record: ArticleRecord | None = None
        key = article_key(document.source, document.text)
        self.session = AnnotationSession(key, document.text, (), DEFAULT_TAGS, persist=self._persist)
        self.loaded = False
        self._saved_position: int | None = None
        self._position = self._start_position = 0
        self._notes_tab: NotesTab | None = None  # made after the first paint

    # -- lifecycle ---------------------------------------------------------------------

    def on_mount(self) -> None:
        """Put the cursor where ``--at`` says (before the first frame)."""
        if self.at is not None:
            self.article.jump_to(max(0, min(self.at, len(self.document.text))))
        self._position = self._start_position = self.article.cursor

    async def on_article_shown(self, message: ArticleShown) -> None:
        """After the first paint: load the stored highlights, add the Notes tab, save the
        position now and then."""
        from reader.ui.annotating.store_ops import open_article  # not needed for the first frame

        self.writer.call(
            lambda store: open_article(store, self.document, self.default_tags),
            self._opened,
            self._open_failed,
        )
        self.set_interval(POSITION_EVERY, self.save_position)
        from reader.ui.widgets.notes_tab import NotesTab

        self._notes_tab = NotesTab(id="notes")
        self._notes_tab.set_source(lambda: (self.session.annotations(), self.session.tags))
        await self.sidebar.add_tab("Notes", self._notes_tab, "tab-notes")

    def _opened(self, opened: OpenedArticle) -> None:
        """The store answered: show its highlights, go back to where the reader was."""
        if not self.is_attached:
            return  # the reader moved on to another article meanwhile
        self.record = opened.record
        self.session.article = opened.record.key
        # highlights made before the store answered are newer than its copy: keep them
        self.session.replace_all([*opened.annotations, *self.session.annotations()], opened.tags)
        self.loaded = True
        self._saved_position = opened.record.position
        untouched = self.article.cursor == self._start_position
        if self.at is None and untouched and 0 < opened.record.position < len(self.document.text):
            self.article.jump_to(opened.record.position)
        orphans = len(self.session.orphans())
        if orphans:
            self.notify(f"{orphans} highlight(s) no longer fit the text: see the Notes tab", timeout=4)
        self.refresh_annotations()

    def _open_failed(self, error: Exception) -> None:
        """No store: annotate in memory; saves are retried and failures reported."""
        self.loaded = True
        self.notify(f"{error}", title="Store unavailable", severity="error", markup=False)

    def on_unmount(self) -> None:
        """Queue the final reading position."""
        self.save_position()

    def save_position(self) -> None:
        """Save the reading position if it changed (on the writer)."""
        from reader.ui.annotating import store_ops

        if self.record is None:
            return
        position, key = self._position, self.record.key
        if position != self._saved_position:
            self._saved_position = position
            self.writer.save(f"position:{key}", lambda store: store_ops.save_position(store, key, position))

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        """Remember the position (the view is gone by the time the screen unmounts)."""
        self._position = message.offset
        super().on_article_view_cursor_moved(message)

    def _persist(self, before: Annotation | None, after: Annotation | None) -> None:
        """Queue one annotation change on the writer (the latest state of an id wins)."""
        from reader.ui.annotating.store_ops import delete, upsert

        if after is not None:
            self.writer.save(after.id, lambda store: upsert(store, after, self.document))
        elif before is not None:
            self.writer.save(before.id, lambda store: delete(store, before))

    # -- drawing -----------------------------------------------------------------------

    def refresh_annotations(self) -> None:
        """Repaint highlights and note marks; update the Notes tab and status line."""
        self.article.set_highlights(self.session.view_spans(), self.session.colours())
        if self._notes_tab is not None:
            self._notes_tab.changed()
        self.update_status()

    def update_status(self) -> None:
        """The reader's status line, with the search's match count before the position."""
        super().update_status()
        summary = self.search_summary()
        if summary:
            self.status.position = f"{summary}  {self.status.position}"

    def binding_label(self, binding: Binding) -> str | None:
        """Tag keys are named after the tag now bound to them; a key without a tag is left out."""
        if binding.action.startswith("tag("):
            tag = self.session.tag_for_key(binding.action[len("tag('") : -len("')")])
            return f"Tag: {tag.name}" if tag is not None else None
        return super().binding_label(binding)

    def describe(self, offset: int) -> Content:
        """The highlight (tag and note) under the cursor, then what the reader says."""
        base = super().describe(offset)
        annotation = self.session.at(offset)
        if annotation is None:
            return base
        tag = self.session.tag(annotation.tag)
        mark = Content("■ ").stylize(tag.colour) if tag else Content("□ ")
        parts = [mark, Content(annotation.tag or "highlight").stylize("bold")]
        if annotation.status == "drifted":
            parts.append(Content(" (the text changed here)").stylize("italic"))
        note = first_line(annotation.note, 80)
        if note:
            parts += [Content(" ✎ "), Content(note)]
        return Content.assemble(*parts, Content("  ·  "), base)

    # -- annotation actions --------------------------------------------------------------

    def selected_range(self) -> tuple[int, int] | None:
        """The selection without the spaces at its ends (``v w`` ends before the next
        word), or None."""
        selection = self.article.selection
        if not selection:
            return None
        start, end = selection
        text = self.document.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else selection

    def target_range(self) -> tuple[int, int]:
        """The selection, else the sentence under the cursor."""
        selected = self.selected_range()
        if selected is not None:
            return selected
        return self.article.sentence_at(self.article.cursor)

    def target_annotation(self) -> Annotation | None:
        """The highlight the selection covers exactly, or (no selection) the one under the cursor."""
        selected = self.selected_range()
        if selected is not None:
            return self.session.exactly(*selected)
        return self.session.at(self.article.cursor)

    def _done(self, message: str, *, toast: bool = True) -> None:
        """After a change: drop the selection, repaint, say what happened."""
        self.article.clear_selection()
        self.refresh_annotations()
        if toast:
            self.notify(message, timeout=1.5, markup=False)

    def action_tag(self, key: str) -> None:
        """Tag the selection (or the highlight / sentence under the cursor)."""
        tag = self.session.tag_for_key(key)
        if tag is None:
            self.notify(f"No tag on key {key} (ctrl+t manages tags)", timeout=2)
            return
        self.apply_tag(tag)

    def apply_tag(self, tag: Tag) -> None:
        """Tag the selection, else toggle ``tag`` on the highlight here, else tag the sentence."""
        existing = self.target_annotation()
        if existing is not None:
            message = self.session.toggle_tag(existing, tag)
        else:
            start, end = self.target_range()
            if end <= start:
                return
            message = self.session.tag_range(tag, start, end)
        # a new colour speaks for itself (and the status line names the tag); a
        # highlight that went away gets a word, with the way back
        self._done(message, toast=self.session.last_action in ("remove", "untag"))

    def action_note(self) -> None:
        """Write the note of the highlight here (creating one from the selection or sentence)."""
        annotation = self.target_annotation()
        if annotation is None:
            start, end = self.target_range()
            if end <= start:
                return
            annotation = self.session.new_annotation(start, end)
        passage = self.document.text[annotation.start : annotation.end]
        title = f"Note · {annotation.tag}" if annotation.tag else "Note"
        from reader.ui.screens.note_dialog import NoteDialog

        def saved(note: str | None) -> None:
            if note is not None and self.session.set_note(annotation, note):
                self._done("Note saved" if note.strip() else "Note cleared")
            self.article.focus()

        self.app.push_screen(NoteDialog(passage, annotation.note, title=title), saved)

    def action_remove(self) -> None:
        """Remove the highlight under the cursor."""
        annotation = self.target_annotation() or self.session.at(self.article.cursor)
        if annotation is None:
            self.notify("No highlight here", timeout=1.5)
            return
        self.session.remove(annotation)
        self._done("Highlight removed (u undoes)")

    def action_undo(self) -> None:
        """Undo the last annotation action."""
        label = self.session.undo()
        self._done(f"Undid {label}" if label else "Nothing to undo")

    def action_redo(self) -> None:
        """Redo the last undone action."""
        label = self.session.redo()
        self._done(f"Redid {label}" if label else "Nothing to redo")

    def action_next_highlight(self) -> None:
        """Jump to the next highlight."""
        found = self.session.next_after(self.article.cursor)
        if found is not None:
            self.article.jump_to(found.start)

    def action_previous_highlight(self) -> None:
        """Jump to the previous highlight."""
        current = self.session.at(self.article.cursor)
        here = current.start if current is not None else self.article.cursor
        found = self.session.previous_before(here)
        if found is not None:
            self.article.jump_to(found.start)

    async def action_show_notes(self) -> None:
        """Open the sidebar on the Notes tab."""
        await self.sidebar.show_tab("tab-notes")

    def reload_annotations(self) -> None:
        """Read highlights and tags again from the store (after a tag change)."""
        from reader.ui.annotating.store_ops import reload

        if self.record is None:
            return
        key = self.record.key

        def done(result: tuple[list[Annotation], list[Tag]]) -> None:
            if not self.is_attached:
                return
            self.session.replace_all(*result)
            self.refresh_annotations()

        self.writer.call_after_saves(lambda store: reload(store, key), done)
