"""The reading screen: the article view, the sidebar, the status line and the footer.

The screen runs the analysis in a thread worker once the article is on screen and
hands its result to the view and the sidebar (``AnalysisReady``). It turns cursor
moves into status-line text and sidebar/palette jumps into cursor jumps.

Start-up budget: the article's first frame should cost no more than a bare Textual app
(issue 2: ≤ 1.5×). Anything not needed for that frame (the store, annotation layers,
dialog modules) should start in a handler of ``ArticleShown``, which this screen posts
right after the first paint, instead of in ``compose``/``on_mount``/``get_default_screen``.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from time import perf_counter
from typing import ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer

from reader.document import Analysis, Document
from reader.ui.analysis_spans import AnalysisSpans
from reader.ui.describe import describe_block, describe_entity, describe_quote
from reader.ui.messages import AnalysisFailed, AnalysisReady, ArticleShown, JumpTo
from reader.ui.widgets.article_view import DEFAULT_COLUMN_WIDTH, ArticleView
from reader.ui.widgets.sidebar import Sidebar
from reader.ui.widgets.status_line import StatusLine

Analyzer = Callable[[Document], Analysis]
NARROW_FOOTER = 80  # below this many columns the footer drops the ^p key and its padding


def default_analyzer(document: Document) -> Analysis:
    """The built-in analysis (imported lazily so start-up stays cheap)."""
    from reader.analysis import analyze

    return analyze(document)


class ReaderScreen(Screen):
    """One article, read with the keyboard."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # the tooltip is the palette's longer name for the action
        Binding("s", "toggle_sidebar", "Sidebar", tooltip="Toggle sidebar", id="reader.toggle_sidebar"),
        Binding(
            "c",
            "toggle_quotes",
            "Quote colours",
            show=False,
            tooltip="Toggle quote colours",
            id="reader.toggle_quotes",
        ),
        Binding(
            "m",
            "toggle_entities",
            "Entity marks",
            show=False,
            tooltip="Toggle entity marks",
            id="reader.toggle_entities",
        ),
        Binding(
            "t",
            "toggle_theme",
            "Light/dark",
            show=False,
            tooltip="Toggle light/dark theme",
            id="reader.toggle_theme",
        ),
        Binding(
            "O", "show_tab('tab-outline')", "Outline", show=False, tooltip="Show outline", id="reader.outline"
        ),
    ]

    def __init__(
        self,
        document: Document,
        *,
        analyzer: Analyzer | None = default_analyzer,
        column_width: int = DEFAULT_COLUMN_WIDTH,
    ) -> None:
        super().__init__()
        self.document = document
        self.analyzer = analyzer
        self.column_width = column_width
        self.analysis = Analysis()
        self.analysing = False

    @property
    def article(self) -> ArticleView:
        """The article view."""
        return self.query_one("#article", ArticleView)

    @property
    def sidebar(self) -> Sidebar:
        """The sidebar."""
        return self.query_one("#sidebar", Sidebar)

    @property
    def status(self) -> StatusLine:
        """The status line."""
        return self.query_one("#status", StatusLine)

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield ArticleView(self.document, column_width=self.column_width, id="article")
            yield Sidebar(id="sidebar")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        """Show the article at once; analyse (and tell others) after the first paint."""
        self.article.focus()
        self.sidebar.set_document(self.document)
        self.update_status()
        if self.analyzer is not None:
            self.analysing = True
            self.status.busy = "analysing…"
        self.call_after_refresh(self._after_first_paint)

    def on_resize(self, event: events.Resize) -> None:
        """Narrow terminals: a tighter footer without the palette key, so ? Help and
        q Quit stay on screen."""
        footer = self.query_one(Footer)
        wide = event.size.width >= NARROW_FOOTER
        if footer.show_command_palette != wide:
            footer.compact = not wide
            footer.show_command_palette = wide
            footer.refresh(recompose=True)  # the palette key is only added in compose

    async def wait_until_analysed(self, timeout: float = 30.0) -> bool:
        """Wait until the analysis result (or failure) has been applied (tests, benches)."""
        deadline = perf_counter() + timeout
        while self.analysing and perf_counter() < deadline:
            await asyncio.sleep(0.01)
        return not self.analysing

    def _after_first_paint(self) -> None:
        """Start the background work that must not delay the article's first frame."""
        gc.enable()  # ``gloss FILE`` turns the collector off until the first frame
        if self.analyzer is not None:
            self._analyse()
        self.post_message(ArticleShown())

    @work(thread=True, exclusive=True, group="analysis")
    def _analyse(self) -> None:
        """Run the analyser off the UI thread; the result arrives as a message."""
        assert self.analyzer is not None
        started = perf_counter()
        try:
            analysis = self.analyzer(self.document)
        except Exception as error:  # a bug in an analyser must not take the article down
            self.post_message(AnalysisFailed(f"{type(error).__name__}: {error}"))
            return
        spans = AnalysisSpans.build(analysis)
        self.post_message(AnalysisReady(analysis, perf_counter() - started, spans))

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        """Add quotes and entities to the view and the sidebar."""
        self.analysing = False
        self.analysis = message.analysis
        self.article.set_analysis(message.spans or message.analysis)
        self.sidebar.set_analysis(message.analysis)
        self.status.busy = ""
        self.update_status()
        # The document, layout and analysis live as long as the screen: move them out of
        # the collector's reach so full collections stay short while paging a book.
        gc.freeze()

    def on_unmount(self) -> None:
        """Let the collector see this article's objects again once it is closed."""
        gc.unfreeze()

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        """Keep reading without spans, and say why."""
        self.analysing = False
        self.status.busy = ""
        self.notify(message.error, title="Analysis failed", severity="error", markup=False)

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        """Describe what is under the cursor."""
        self.update_status()

    def on_article_view_selection_changed(self, message: ArticleView.SelectionChanged) -> None:
        """Mention the selection in the status line."""
        self.update_status()

    def update_status(self) -> None:
        """Status line: the thing under the cursor and the reading position."""
        view = self.article
        self.status.description = self.describe(view.cursor)
        position = f"{round(view.progress() * 100)}%"
        if view.selection:
            start, end = view.selection
            position = f"{'SELECT ' if view.selecting else ''}{end - start} chars  {position}"
        self.status.position = position

    def describe(self, offset: int) -> Content:
        """What the status line says about ``offset``."""
        view = self.article
        entity_id = view.entity_at(offset)
        entity = self.analysis.entity(entity_id) if entity_id else None
        if entity is not None:
            return describe_entity(entity)
        quote_index = view.quote_at(offset)
        if quote_index is not None and quote_index < len(self.analysis.quotes):
            return describe_quote(self.analysis.quotes[quote_index], self.analysis)
        return describe_block(self.document, offset)

    def binding_label(self, binding: Binding) -> str | None:
        """How help and the palette name ``binding`` (None: leave it out)."""
        if binding.action == "command_palette":
            return "Command palette (every action)"
        return binding.description or None

    def on_jump_to(self, message: JumpTo) -> None:
        """A sidebar or palette item: move the cursor there and read on from it."""
        self.article.jump_to(message.offset)
        self.article.focus()
        self.update_status()

    def on_sidebar_closed(self, message: Sidebar.Closed) -> None:
        """Back to the article."""
        self.article.focus()

    async def action_toggle_sidebar(self) -> None:
        """Show or hide the sidebar."""
        await self.sidebar.toggle()

    async def action_show_tab(self, tab_id: str) -> None:
        """Open the sidebar on one tab."""
        await self.sidebar.show_tab(tab_id)

    def action_toggle_quotes(self) -> None:
        """Quote colouring on/off."""
        view = self.article
        view.set_colouring(quotes=not view.show_quotes)
        self.notify("Quote colours " + ("on" if view.show_quotes else "off"), timeout=2)

    def action_toggle_entities(self) -> None:
        """Entity colouring on/off."""
        view = self.article
        view.set_colouring(entities=not view.show_entities)
        self.notify("Entity marks " + ("on" if view.show_entities else "off"), timeout=2)

    def action_toggle_theme(self) -> None:
        """Switch between gloss-dark and gloss-light."""
        self.app.theme = "gloss-light" if self.app.current_theme.dark else "gloss-dark"
