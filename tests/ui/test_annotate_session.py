"""The annotation session (no UI) and the store writer thread: undo/redo, toggles, retries."""

from __future__ import annotations

import threading
import time

from annotations.errors import StoreError
from annotations.model import DEFAULT_TAGS
from reader.ui.annotating.controller import AnnotationSession
from reader.ui.annotating.writer import StoreWriter

TEXT = "One sentence here. Two sentences there. Three at the end."
EVIDENCE, QUESTION = DEFAULT_TAGS[1], DEFAULT_TAGS[2]


def session(log=None) -> AnnotationSession:
    return AnnotationSession(
        "k", TEXT, (), DEFAULT_TAGS, persist=(lambda b, a: log.append((b, a))) if log is not None else None
    )


def test_tag_toggle_retag_and_note_keeps_an_untagged_highlight():
    s = session()
    s.tag_range(EVIDENCE, 0, 18)
    [a] = s.annotations()
    assert (a.tag, a.exact) == ("Evidence", "One sentence here.")
    s.tag_range(QUESTION, 0, 18)  # same range, other tag: replaced
    assert [x.tag for x in s.annotations()] == ["Question"]
    s.set_note(s.annotations()[0], "keep me")
    s.toggle_tag(s.annotations()[0], QUESTION)  # same tag, with a note: untagged, kept
    assert [(x.tag, x.note) for x in s.annotations()] == [(None, "keep me")]
    assert s.colours()[0].endswith("80")  # untagged highlights still show


def test_undo_redo_persist_every_step_in_both_directions():
    log = []
    s = session(log)
    s.tag_range(EVIDENCE, 0, 18)
    added = s.annotations()[0]
    s.remove(added)
    assert s.undo() == "remove" and [a.id for a in s.annotations()] == [added.id]
    assert s.undo() == "tag" and s.annotations() == []
    assert s.undo() is None
    assert s.redo() == "tag" and s.redo() == "remove" and s.redo() is None
    assert s.annotations() == []
    # every change went to the store: add, remove, re-add, remove, add, remove
    kinds = ["put" if after is not None else "delete" for _, after in log]
    assert kinds == ["put", "delete", "put", "delete", "put", "delete"]


def test_a_new_action_clears_redo():
    s = session()
    s.tag_range(EVIDENCE, 0, 18)
    s.undo()
    s.tag_range(QUESTION, 19, 39)
    assert s.redo() is None


def test_lookup_helpers_and_orphans():
    s = session()
    s.tag_range(EVIDENCE, 0, 18)
    s.tag_range(QUESTION, 4, 12)
    inner = s.exactly(4, 12)
    assert s.at(5).id == inner.id and s.at(1).tag == "Evidence"
    assert s.next_after(0).id == inner.id and s.previous_before(4).start == 0
    orphan = s.annotations()[0].edited(status="orphan")
    s.replace_all([orphan])
    assert s.placed() == [] and s.orphans() == [orphan] and s.at(1) is None


def test_note_mark_sits_on_the_last_word():
    s = session()
    s.set_note(s.new_annotation(0, 18), "n")
    marks = [span for span in s.view_spans().spans if span.kind == "note"]
    assert [TEXT[m.start : m.end] for m in marks] == ["here"]


class FlakyStore:
    """A store whose saves fail until ``healthy`` is set."""

    def __init__(self) -> None:
        self.healthy = threading.Event()
        self.saved: list[str] = []

    def save(self, name: str) -> None:
        if not self.healthy.is_set():
            raise StoreError("the disk is full")
        self.saved.append(name)


def direct(callback, value) -> None:
    callback(value)


def test_writer_keeps_failed_saves_in_order_and_retries_until_they_succeed(monkeypatch):
    monkeypatch.setattr("reader.ui.annotating.writer.RETRY_DELAYS", (0.01, 0.02))
    store = FlakyStore()
    statuses: list[str | None] = []
    writer = StoreWriter(lambda: store, direct, lambda error, refused: statuses.append(error))
    writer.save("a", lambda st: st.save("a1"))
    writer.save("b", lambda st: st.save("b"))
    writer.save("a", lambda st: st.save("a2"))  # replaces the waiting a1
    deadline = time.monotonic() + 5
    while not statuses and time.monotonic() < deadline:
        time.sleep(0.01)
    assert statuses == ["the disk is full"] and writer.pending() == 2 and writer.failing
    store.healthy.set()
    assert writer.flush(5)
    assert store.saved == ["b", "a2"] and statuses == ["the disk is full", None]
    assert writer.close(1)


def test_writer_calls_deliver_results_and_errors():
    results: list[object] = []
    writer = StoreWriter(lambda: "store", direct)
    writer.call(lambda st: st.upper(), results.append)
    writer.call(lambda st: 1 / 0, None, results.append)
    writer.call_after_saves(lambda st: st + "!", results.append)
    assert writer.flush(5)
    assert results[0] == "STORE" and isinstance(results[1], ZeroDivisionError) and results[2] == "store!"
    writer.close(1)


def test_close_gives_up_on_a_broken_store_and_says_so(monkeypatch):
    monkeypatch.setattr("reader.ui.annotating.writer.RETRY_DELAYS", (0.01,))
    writer = StoreWriter(lambda: FlakyStore(), direct)
    writer.save("a", lambda st: st.save("a"))
    assert writer.close(5) is False
    assert writer.pending() == 1  # the change is still there, not silently dropped


def test_span_set_matches_a_fresh_index_after_many_changes():
    import random

    from reader.document import Span
    from reader.ui.annotating.span_set import SpanSet
    from reader.ui.widgets.span_index import SpanIndex

    rng = random.Random(7)
    live, kept = SpanSet(), []
    for step in range(400):
        if kept and rng.random() < 0.4:
            live.discard(kept.pop(rng.randrange(len(kept))))
        else:
            start = rng.randrange(500)
            span = Span(start, start + rng.randrange(1, 40), "highlight", 0, f"a{step}")
            live.add(span)
            kept.append(span)
    fresh = SpanIndex(kept)
    assert sorted(live.spans, key=lambda s: s.ref) == sorted(fresh.spans, key=lambda s: s.ref)
    assert live.starts == sorted(s.start for s in kept)
    for offset in range(0, 540, 7):
        assert {s.ref for s in live.at(offset)} == {s.ref for s in fresh.at(offset)}
        assert {s.ref for s in live.overlapping(offset, offset + 9)} == {
            s.ref for s in fresh.overlapping(offset, offset + 9)
        }


def test_a_refused_change_is_reported_and_does_not_block_the_others():
    from annotations.errors import InvalidError

    reports: list[tuple[str | None, bool]] = []
    saved: list[str] = []

    def refuse(store) -> None:
        raise InvalidError("unknown tag 'Gone'")

    writer = StoreWriter(lambda: "store", direct, lambda error, refused: reports.append((error, refused)))
    writer.save("a", refuse)
    writer.save("b", lambda st: saved.append("b"))
    assert writer.flush(5)
    assert saved == ["b"] and reports == [("unknown tag 'Gone'", True)]
    writer.close(1)
