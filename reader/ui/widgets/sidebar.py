"""The sidebar: tabs for the outline, quotes by speaker, people & orgs (+ added tabs).

The tabs are built the first time the sidebar opens (start-up stays as cheap as a bare
app); data given earlier is kept and filled in then. Other features add their own tab
with ``await Sidebar.add_tab(title, widget, tab_id)`` (the Notes tab does); it works
before and after the sidebar was first opened. Items post
``reader.ui.messages.JumpTo``, which the reading screen turns into a cursor jump.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from reader.document import Analysis, Document

BUILT_IN_TABS = ("tab-outline", "tab-quotes", "tab-entities")


class Sidebar(Vertical):
    """Tabbed lists beside the article; hidden until toggled (``s``)."""

    class Closed(Message):
        """The sidebar was closed from the keyboard."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close sidebar", id="sidebar.close"),
        # the lists use up/down only, so left/right are free to switch tabs
        Binding("left", "cycle_tab(-1)", "Previous tab", key_display="←", id="sidebar.previous_tab"),
        Binding("right", "cycle_tab(1)", "Next tab", key_display="→", id="sidebar.next_tab"),
    ]
    DEFAULT_CSS = """
    Sidebar {
        width: 42;
        max-width: 50%;
        height: 1fr;
        background: $panel;
        border-left: vkey $foreground 20%;
        display: none;
    }
    Sidebar.-visible { display: block; }
    Sidebar TabbedContent { height: 1fr; }
    Sidebar TabPane { padding: 0; }
    Sidebar OptionList, Sidebar Tree { height: 1fr; overflow-x: hidden; scrollbar-size-vertical: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._document: Document | None = None
        self._analysis: Analysis | None = None
        self._pending_tabs: list[tuple[str, Widget, str]] = []
        self._built = False

    @property
    def built(self) -> bool:
        """True once the tabs exist."""
        return self._built

    async def build(self) -> None:
        """Create the tabs (once) and fill them with what is known so far."""
        if self._built:
            return
        self._built = True
        from textual.widgets import TabbedContent, TabPane

        from reader.ui.widgets.sidebar_tabs import EntityTree, OutlineList, QuoteTree

        panes = [
            TabPane("Outline", OutlineList(id="outline"), id="tab-outline"),
            TabPane("Quotes", QuoteTree(id="quotes"), id="tab-quotes"),
            TabPane("People & orgs", EntityTree(id="entities"), id="tab-entities"),
        ]
        panes += [TabPane(title, widget, id=tab_id) for title, widget, tab_id in self._pending_tabs]
        self._pending_tabs.clear()
        tabs = TabbedContent(id="sidebar-tabs")
        await self.mount(tabs)
        for pane in panes:
            await tabs.add_pane(pane)
        if self._document is not None:
            self.set_document(self._document)
        if self._analysis is not None:
            self.set_analysis(self._analysis)

    @property
    def visible(self) -> bool:
        """True when the sidebar is shown."""
        return self.has_class("-visible")

    async def toggle(self) -> None:
        """Show or hide the sidebar; focus its list when shown."""
        if self.visible:
            await self.action_close()
            return
        await self.build()
        self.set_class(True, "-visible")
        self.focus_active_list()

    async def action_close(self) -> None:
        """Hide the sidebar and give the keyboard back to the article."""
        self.set_class(False, "-visible")
        self.post_message(self.Closed())

    async def show_tab(self, tab_id: str) -> None:
        """Show the sidebar on one tab ("tab-outline", "tab-quotes", "tab-entities", …)."""
        from textual.widgets import TabbedContent

        await self.build()
        self.set_class(True, "-visible")
        self.query_one(TabbedContent).active = tab_id
        self.call_after_refresh(self.focus_active_list)

    def action_cycle_tab(self, step: int) -> None:
        """Show the next (``step`` 1) or previous (-1) tab, wrapping around."""
        from textual.widgets import TabbedContent

        if not self._built:
            return
        tabs = self.query_one(TabbedContent)
        ids = [pane.id for pane in tabs.query("TabPane") if pane.id]
        if not ids:
            return
        index = ids.index(tabs.active) if tabs.active in ids else 0
        tabs.active = ids[(index + step) % len(ids)]
        self.call_after_refresh(self.focus_active_list)

    def focus_active_list(self) -> None:
        """Give the keyboard to the list of the active tab."""
        from textual.widgets import TabbedContent

        tabs = self.query_one(TabbedContent)
        pane = tabs.get_pane(tabs.active) if tabs.active else None
        if pane is not None:
            for widget in pane.query("*"):
                if widget.can_focus:
                    widget.focus()
                    return

    def set_document(self, document: Document) -> None:
        """The outline's document."""
        self._document = document
        if self._built:
            from reader.ui.widgets.sidebar_tabs import OutlineList

            self.query_one(OutlineList).set_document(document)

    def set_analysis(self, analysis: Analysis) -> None:
        """The quote and entity tabs' analysis."""
        self._analysis = analysis
        if self._built:
            from reader.ui.widgets.sidebar_tabs import EntityTree, QuoteTree

            self.query_one(QuoteTree).set_analysis(analysis)
            self.query_one(EntityTree).set_analysis(analysis)

    async def add_tab(self, title: str, widget: Widget, tab_id: str) -> None:
        """Add a tab holding ``widget`` (e.g. the Notes tab)."""
        if not self._built:
            self._pending_tabs.append((title, widget, tab_id))
            return
        from textual.widgets import TabbedContent, TabPane

        await self.query_one(TabbedContent).add_pane(TabPane(title, widget, id=tab_id))
