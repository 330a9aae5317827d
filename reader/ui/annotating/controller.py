"""The annotation session of one open article: its highlights, tag toggling, undo/redo.

Pure logic (no Textual, no I/O): every change is a list of ``(before, after)`` pairs of
annotations (``None`` before: added; ``None`` after: removed). A change is applied to
the in-memory annotations at once, handed to ``persist`` (the screen queues it on the
store writer) and pushed on the undo stack; undo applies the inverse pairs and redo the
pairs again, each persisted the same way, so undo works before and after a save.

Tag keys: on a highlight, the same tag removes the tag (the highlight goes with it
unless it carries a note); another tag replaces it. On a new range, a highlight is
added with the tag.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from annotations.model import Annotation, Tag, Target
from annotations.tags import same_name
from reader.document import Span
from reader.ui.annotating.span_set import SpanSet

Change = tuple[Annotation | None, Annotation | None]
UNTAGGED_COLOUR = "#7f848e"
HIGHLIGHT_ALPHA = "80"  # tag colours are drawn at 50% over the page so text stays legible
UNDO_LIMIT = 500


def first_line(note: str, limit: int = 60) -> str:
    """The first non-empty line of a note, shortened to ``limit`` characters."""
    line = next((ln.strip() for ln in note.splitlines() if ln.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


@dataclass(frozen=True)
class Step:
    """One undoable action: a label ("tag", "note", "remove" …) and its changes."""

    label: str
    changes: tuple[Change, ...]

    def inverse(self) -> tuple[Change, ...]:
        """The changes that undo this step (in reverse order)."""
        return tuple((after, before) for before, after in reversed(self.changes))


class AnnotationSession:
    """The highlights of one article and the actions on them."""

    def __init__(
        self,
        article: str,
        text: str,
        annotations: Iterable[Annotation] = (),
        tags: Iterable[Tag] = (),
        persist: Callable[[Annotation | None, Annotation | None], None] | None = None,
    ) -> None:
        self.article = article
        self.text = text
        self.persist = persist
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self.replace_all(annotations, tags)

    # -- reading ---------------------------------------------------------------------

    def annotations(self) -> list[Annotation]:
        """Every annotation in reading order (orphans included)."""
        return sorted(self._by_id.values(), key=lambda a: (a.start, a.end, a.created, a.id))

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id."""
        return self._by_id.get(annotation_id)

    def placed(self) -> list[Annotation]:
        """Annotations that have a place in the text (not orphans)."""
        return [a for a in self.annotations() if a.status != "orphan"]

    def orphans(self) -> list[Annotation]:
        """Annotations that could not be placed in the current text."""
        return [a for a in self.annotations() if a.status == "orphan"]

    def _spans(self) -> SpanSet:
        """Highlight spans of placed annotations, kept in order as they change."""
        return self._index

    def _span(self, annotation: Annotation) -> Span | None:
        """The highlight span of one annotation (None for an orphan)."""
        if annotation.status == "orphan":
            return None
        end = max(annotation.end, annotation.start + 1)
        return Span(annotation.start, end, "highlight", self.group(annotation.tag), annotation.id)

    def _mark(self, annotation: Annotation, span: Span | None) -> Span | None:
        """The note mark of one annotation (None without a note or a place)."""
        if span is None or not annotation.note.strip():
            return None
        return Span(*self._mark_range(span.start, span.end), "note", 0, annotation.id)

    def _place(self, annotation: Annotation) -> None:
        """Index one annotation's span and note mark."""
        span = self._span(annotation)
        if span is not None:
            self._index.add(span)
            self._view.add(span)
            self._span_of[annotation.id] = span
        mark = self._mark(annotation, span)
        if mark is not None:
            self._view.add(mark)
            self._mark_of[annotation.id] = mark

    def _unplace(self, annotation_id: str) -> None:
        """Drop one annotation's span and note mark from the index."""
        span = self._span_of.pop(annotation_id, None)
        if span is not None:
            self._index.discard(span)
            self._view.discard(span)
        mark = self._mark_of.pop(annotation_id, None)
        if mark is not None:
            self._view.discard(mark)

    def at(self, offset: int) -> Annotation | None:
        """The innermost highlight containing ``offset`` (None if none)."""
        found = self._spans().at(offset)
        if not found:
            return None
        span = min(found, key=lambda s: (s.end - s.start, -s.start))
        return self._by_id.get(span.ref)

    def exactly(self, start: int, end: int) -> Annotation | None:
        """The placed highlight covering exactly ``[start, end)``."""
        for span in self._spans().at(start):
            if span.start == start and span.end == end:
                return self._by_id.get(span.ref)
        return None

    def next_after(self, offset: int) -> Annotation | None:
        """The first highlight starting after ``offset``."""
        span = self._spans().next_after(offset)
        return self._by_id.get(span.ref) if span else None

    def previous_before(self, offset: int) -> Annotation | None:
        """The last highlight starting before ``offset``."""
        span = self._spans().previous_before(offset)
        return self._by_id.get(span.ref) if span else None

    # -- drawing ---------------------------------------------------------------------

    def tag(self, name: str | None) -> Tag | None:
        """The tag called ``name`` (any case)."""
        if name is None:
            return None
        return next((t for t in self.tags if same_name(t.name, name)), None)

    def tag_for_key(self, key: str) -> Tag | None:
        """The tag bound to keyboard key ``key``."""
        return next((t for t in self.tags if t.key == key), None)

    def group(self, tag_name: str | None) -> int:
        """The colour group of a tag: its position in ``tags`` plus one (0: no tag)."""
        if tag_name is None:
            return 0
        return self._groups.get(tag_name.casefold(), 0)

    def colours(self) -> dict[int, str]:
        """Colour group -> translucent CSS colour for the view."""
        colours = {0: UNTAGGED_COLOUR + HIGHLIGHT_ALPHA}
        for index, tag in enumerate(self.tags, start=1):
            colours[index] = tag.colour + HIGHLIGHT_ALPHA
        return colours

    def view_spans(self) -> SpanSet:
        """Highlights plus a note mark on the last word of each highlight with a note
        (a live index: it follows later changes; hand it to the view after each one)."""
        return self._view

    def _mark_range(self, start: int, end: int) -> tuple[int, int]:
        """The last word of ``[start, end)`` (where the note mark is drawn)."""
        stop = end
        while stop > start and not self.text[stop - 1].isalnum():
            stop -= 1
        begin = stop
        while begin > start and self.text[begin - 1].isalnum():
            begin -= 1
        return (begin, stop) if begin < stop else (max(start, end - 1), end)

    # -- actions ---------------------------------------------------------------------

    def new_annotation(self, start: int, end: int, tag: str | None = None, note: str = "") -> Annotation:
        """A fresh annotation over ``[start, end)`` (not yet added)."""
        return Annotation(self.article, Target.from_text(self.text, start, end), tag=tag, note=note)

    def tag_range(self, tag: Tag, start: int, end: int) -> str:
        """A tag key on a range: toggle on an identical highlight, else add one."""
        existing = self.exactly(start, end)
        if existing is not None:
            return self.toggle_tag(existing, tag)
        self.commit("tag", [(None, self.new_annotation(start, end, tag.name))])
        return f"Tagged {tag.name}"

    def toggle_tag(self, annotation: Annotation, tag: Tag) -> str:
        """Same tag: remove it (and the highlight if it has no note); else retag."""
        if annotation.tag is not None and same_name(annotation.tag, tag.name):
            if annotation.note.strip():
                self.commit("untag", [(annotation, annotation.edited(tag=None, status="ok"))])
                return f"Removed tag {tag.name}"
            self.commit("remove", [(annotation, None)])
            return f"Removed highlight ({tag.name}; u undoes)"
        self.commit("tag", [(annotation, annotation.edited(tag=tag.name, status="ok"))])
        return f"Tagged {tag.name}"

    def set_note(self, annotation: Annotation, note: str) -> bool:
        """Give ``annotation`` (new or existing) a note; False when nothing changes."""
        current = self._by_id.get(annotation.id)
        if current is None:
            if not note.strip():
                return False
            self.commit("note", [(None, annotation.edited(note=note))])
            return True
        if current.note == note:
            return False
        self.commit("note", [(current, current.edited(note=note, status="ok"))])
        return True

    def remove(self, annotation: Annotation) -> None:
        """Delete a highlight (undoable)."""
        current = self._by_id.get(annotation.id)
        if current is not None:
            self.commit("remove", [(current, None)])

    @property
    def last_action(self) -> str | None:
        """The label of the newest step on the undo stack ("tag", "remove" …)."""
        return self._undo[-1].label if self._undo else None

    def commit(self, label: str, changes: Iterable[Change]) -> None:
        """Apply and persist ``changes`` as one undoable step."""
        step = Step(label, tuple(changes))
        self._apply(step.changes)
        self._undo.append(step)
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()

    def undo(self) -> str | None:
        """Undo the last step; its label, or None when there is nothing to undo."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._apply(step.inverse())
        self._redo.append(step)
        return step.label

    def redo(self) -> str | None:
        """Redo the last undone step; its label, or None."""
        if not self._redo:
            return None
        step = self._redo.pop()
        self._apply(step.changes)
        self._undo.append(step)
        return step.label

    def _apply(self, changes: Iterable[Change]) -> None:
        """Put ``changes`` into memory and hand each to ``persist``."""
        for before, after in changes:
            if before is not None:
                self._by_id.pop(before.id, None)
                self._unplace(before.id)
            if after is not None:
                self._unplace(after.id)
                self._by_id[after.id] = after
                self._place(after)
            if self.persist is not None:
                self.persist(before, after)

    def replace_all(self, annotations: Iterable[Annotation], tags: Iterable[Tag] | None = None) -> None:
        """Take a fresh copy from the store (after a tag rename); undo history is kept."""
        self._by_id = {a.id: a for a in annotations}
        if tags is not None:
            self.tags = list(tags)
            self._groups = {tag.name.casefold(): i for i, tag in enumerate(self.tags, start=1)}
        self._span_of: dict[str, Span] = {}
        self._mark_of: dict[str, Span] = {}
        spans = [(a, self._span(a)) for a in self._by_id.values()]
        self._index = SpanSet(span for _, span in spans if span is not None)
        for annotation, span in spans:
            if span is not None:
                self._span_of[annotation.id] = span
            mark = self._mark(annotation, span)
            if mark is not None:
                self._mark_of[annotation.id] = mark
        self._view = SpanSet([*self._span_of.values(), *self._mark_of.values()])
