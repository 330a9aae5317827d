"""Search, copy, export, library and tag manager actions of the annotating screen (a mixin)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.widgets import Input

from reader.ui import clipboard
from reader.ui.search import SearchBar, SearchResults, find_matches

if TYPE_CHECKING:
    from reader.ui.annotating.screen import AnnotatingScreen


class ScreenExtras:
    """Actions around the annotations; mixed into ``AnnotatingScreen``."""

    EXTRA_BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Find", key_display="/", id="search.start"),
        Binding("n", "search_next", "Next match", show=False, id="search.next"),
        Binding("N", "search_previous", "Previous match", show=False, id="search.previous"),
        Binding("y", "copy", "Copy", show=False, id="annotate.copy"),
        Binding("Y", "copy_markdown", "Copy as Markdown quote", show=False, id="annotate.copy_markdown"),
        Binding("ctrl+e", "export", "Export notes", show=False, id="annotate.export"),
        Binding("L", "library", "Library", show=False, id="annotate.library"),
        Binding("ctrl+t", "tag_manager", "Manage tags", show=False, id="annotate.tags"),
    ]

    search_results: SearchResults = SearchResults()
    _search_origin: int = 0

    # -- search ------------------------------------------------------------------------

    async def action_search(self: AnnotatingScreen) -> None:
        """Open the search bar (incremental)."""
        existing = self.query(SearchBar)
        if existing:
            existing.first().focus()
            return
        self._search_origin = self.article.cursor
        bar = SearchBar()
        await self.mount(bar, before=self.status)
        bar.focus()

    def on_input_changed(self: AnnotatingScreen, event: Input.Changed) -> None:
        """Find as you type; the cursor goes to the first match from where the search began."""
        if not isinstance(event.input, SearchBar):
            return
        event.stop()
        self.search_results = SearchResults(event.value, find_matches(self.document.text, event.value))
        self.article.set_search_matches(self.search_results.matches)
        first = self.search_results.first_from(self._search_origin)
        if first is not None:
            self.article.jump_to(first[0])
        self._search_status()

    def on_search_bar_closed(self: AnnotatingScreen, event: SearchBar.Closed) -> None:
        """Enter keeps the matches for n/N; Esc clears them and goes back."""
        event.bar.remove()
        if not event.keep:
            self.search_results = SearchResults()
            self.article.set_search_matches([])
            self.article.jump_to(self._search_origin)
        self.article.focus()
        self.update_status()

    def search_summary(self: AnnotatingScreen) -> str:
        """ "2/12 matches" (the cursor on the 2nd), "12 matches", "no match for 'x'" or ""."""
        results = self.search_results
        if not results.query:
            return ""
        if not results:
            return f"no match for {results.query[:30]!r}"
        hit = results.first_from(self.article.cursor)
        where = f"{results.position(hit[0])}/" if hit and hit[0] == self.article.cursor else ""
        return f"{where}{results.count_text()}"

    def _search_status(self: AnnotatingScreen) -> None:
        self.update_status()

    def _search_step(self: AnnotatingScreen, forward: bool) -> None:
        results = self.search_results
        if not results:
            self.notify("No search (press / to find)", timeout=1.5)
            return
        cursor = self.article.cursor
        hit = results.next_after(cursor) if forward else results.previous_before(cursor)
        if hit is not None:
            self.article.jump_to(hit[0])
        self._search_status()

    def action_search_next(self: AnnotatingScreen) -> None:
        """The next match."""
        self._search_step(True)

    def action_search_previous(self: AnnotatingScreen) -> None:
        """The previous match."""
        self._search_step(False)

    # -- copy ----------------------------------------------------------------------------

    def _copy_range(self: AnnotatingScreen) -> tuple[int, int] | None:
        """The selection, else the highlight under the cursor."""
        selected = self.selected_range()
        if selected is not None:
            return selected
        annotation = self.session.at(self.article.cursor)
        return (annotation.start, annotation.end) if annotation else None

    def _copy(self: AnnotatingScreen, markdown: bool) -> None:
        found = self._copy_range()
        if found is None:
            self.notify("Nothing to copy: select text (v) or move onto a highlight", timeout=2)
            return
        start, end = found
        passage = self.document.text[start:end]
        if markdown:
            speaker = clipboard.speaker_of(self.analysis, start, end)
            text = clipboard.markdown_quote(passage, speaker, self.document.title)
        else:
            text = clipboard.plain(passage)
        self.app.copy_to_clipboard(text)
        self.copied = text
        kind = "Markdown quote" if markdown else "text"
        self.notify(f"Copied {kind} ({len(text)} characters)", timeout=1.5)

    def action_copy(self: AnnotatingScreen) -> None:
        """Copy the selection or highlight as plain text."""
        self._copy(False)

    def action_copy_markdown(self: AnnotatingScreen) -> None:
        """Copy it as a Markdown quote with its speaker."""
        self._copy(True)

    # -- export ----------------------------------------------------------------------------

    def action_export(self: AnnotatingScreen) -> None:
        """Export this article's highlights and notes as Markdown into the config's
        ``export_dir``, else the folder gloss was started in."""
        from annotations.export import ArticleExport

        item = ArticleExport(
            self.session.article,
            tuple(self.session.annotations()),
            self.document,
            self.analysis,
            self.record,
            tuple(self.session.tags),
        )
        self._export(item)

    def export_folder(self: AnnotatingScreen) -> Path:
        """Where ctrl+e writes: ``export_dir`` from the config, else the current folder."""
        config = getattr(self.app, "config", None)
        folder = getattr(config, "export_dir", None)
        return folder if folder is not None else Path.cwd()

    @work(thread=True, group="export")
    def _export(self: AnnotatingScreen, item: object) -> None:
        """Render and write off the UI thread; say where the file went."""
        from annotations.export import ExportError, export_article

        try:
            path = export_article(item, self.export_folder())  # type: ignore[arg-type]
        except (ExportError, OSError) as error:
            self.app.call_from_thread(
                self.notify, str(error), title="Export failed", severity="error", markup=False
            )
            return
        self.exported = path
        self.app.call_from_thread(self.notify, f"Exported to {path}", title="Export", markup=False)

    # -- library and tags -----------------------------------------------------------------

    def action_library(self: AnnotatingScreen) -> None:
        """Show the library of stored articles."""
        from reader.ui.annotating.start import show_library

        self.save_position()
        show_library(self.app, self.writer)

    def action_tag_manager(self: AnnotatingScreen) -> None:
        """Add, rename, recolour and re-key tags."""
        from reader.ui.screens.tag_manager import TagManager

        self.app.push_screen(TagManager(self.writer, on_changed=self.reload_annotations))
