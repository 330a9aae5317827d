"""Snapshots: a highlighted article, the note dialog, the Notes tab and the library.

Plain ``def`` tests (``snap_compare`` runs its own loop). Highlights are made through
the session (no toasts), and the library gets fixed rows from a stand-in writer so the
"last opened" column does not change from run to run.
"""

from __future__ import annotations

from textual.widgets import TextArea

from annotations.model import ArticleRecord
from reader.ui.annotating.store_ops import LibraryRow
from reader.ui.app import make_app
from tests.ui.snapshot_apps import seed_app, small_document
from tests.ui.test_annotate_helpers import SIZE, loaded

PASSAGES = (
    ("Key point", "This proposed agreement makes sense politically", ""),
    ("Evidence", "We have decades", "Nadelmann's main claim.\nSecond line."),
    ("Question", "essentially a farce", ""),
)


async def highlighted(pilot) -> None:
    """The seed with three highlights (one inside another) and a note."""
    app = pilot.app
    screen = await loaded(app, pilot)
    text = screen.document.text
    for tag_name, words, note in PASSAGES:
        start = text.index(words)
        tag = screen.session.tag(tag_name)
        end = start + len(words)
        if tag_name == "Key point":
            end = text.index("perspective", start) + len("perspective")
        screen.session.tag_range(tag, start, end)
        if note:
            screen.session.set_note(screen.session.exactly(start, end), note)
    screen.refresh_annotations()
    screen.article.jump_to(text.index("We have decades") + 3)
    await pilot.pause()


def test_highlighted_article(snap_compare):
    assert snap_compare(seed_app("gloss-dark"), terminal_size=SIZE, run_before=highlighted)


def test_note_dialog(snap_compare):
    async def open_dialog(pilot) -> None:
        await highlighted(pilot)
        await pilot.press("a")
        pilot.app.screen.query_one(TextArea).cursor_blink = False
        await pilot.press(*" More on this.")
        await pilot.pause()

    assert snap_compare(seed_app("gloss-dark"), terminal_size=SIZE, run_before=open_dialog)


def test_notes_tab(snap_compare):
    async def open_notes(pilot) -> None:
        await highlighted(pilot)
        await pilot.app.screen.action_show_notes()
        await pilot.pause(0.2)

    assert snap_compare(seed_app("gloss-light"), terminal_size=SIZE, run_before=open_notes)


class FixedLibrary:
    """Stands in for the store writer: answers the library query with fixed rows."""

    def call(self, fn, done=None, failed=None) -> None:
        rows = [
            LibraryRow(
                ArticleRecord(
                    "k1",
                    "/articles/fentanyl.txt",
                    "US and Mexico Plan Joint Crackdown on Fentanyl",
                    last_opened="2026-11-20T09:30:00+00:00",
                    position=2400,
                    length=6000,
                ),
                3,
                1,
            ),
            LibraryRow(
                ArticleRecord(
                    "k2",
                    "https://example.org/[b]tricky[/b]",
                    "A title with [markup] in it",
                    last_opened="2026-11-02T18:05:00+00:00",
                    position=0,
                    length=900,
                ),
                0,
                0,
            ),
        ]
        if done is not None:
            done(rows)

    def save(self, key, fn) -> None:
        pass

    def call_after_saves(self, fn, done=None, failed=None) -> None:
        self.call(fn, done, failed)


def test_library(snap_compare):
    app = make_app(small_document(), analyzer=None, start_in_library=True)
    app.store_writer = FixedLibrary()
    assert snap_compare(app, terminal_size=SIZE)
