"""The sidebar: tabs for the outline, quotes by speaker, people & orgs (+ added tabs).

Other features add their own tab with ``Sidebar.add_tab(title, widget, tab_id)`` (the
Notes tab does). Items post ``reader.ui.messages.JumpTo`` which the reading screen
turns into a cursor jump.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane

from reader.document import Analysis, Document
from reader.ui.widgets.sidebar_tabs import EntityTree, OutlineList, QuoteTree


class Sidebar(Vertical):
    """Tabbed lists beside the article; hidden until toggled (``s``)."""

    class Closed(Message):
        """The sidebar was closed from the keyboard."""

    DEFAULT_CSS = """
    Sidebar {
        width: 42;
        height: 1fr;
        background: $panel;
        border-left: vkey $foreground 20%;
        display: none;
    }
    Sidebar.-visible { display: block; }
    Sidebar TabbedContent { height: 1fr; }
    Sidebar TabPane { padding: 0; }
    Sidebar OptionList, Sidebar Tree { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close sidebar", id="sidebar.close")]

    def compose(self) -> ComposeResult:
        with TabbedContent(id="sidebar-tabs"):
            with TabPane("Outline", id="tab-outline"):
                yield OutlineList(id="outline")
            with TabPane("Quotes", id="tab-quotes"):
                yield QuoteTree(id="quotes")
            with TabPane("People & orgs", id="tab-entities"):
                yield EntityTree(id="entities")

    @property
    def visible(self) -> bool:
        """True when the sidebar is shown."""
        return self.has_class("-visible")

    def toggle(self) -> None:
        """Show or hide the sidebar; focus its list when shown."""
        self.set_class(not self.visible, "-visible")
        if self.visible:
            self.focus_active_list()
        else:
            self.post_message(self.Closed())

    def action_close(self) -> None:
        """Hide the sidebar and give the keyboard back to the article."""
        self.set_class(False, "-visible")
        self.post_message(self.Closed())

    def show_tab(self, tab_id: str) -> None:
        """Show the sidebar on one tab ("tab-outline", "tab-quotes", "tab-entities", …)."""
        self.set_class(True, "-visible")
        self.query_one(TabbedContent).active = tab_id
        self.call_after_refresh(self.focus_active_list)

    def focus_active_list(self) -> None:
        """Give the keyboard to the list of the active tab."""
        tabs = self.query_one(TabbedContent)
        pane = tabs.get_pane(tabs.active) if tabs.active else None
        if pane is not None:
            for widget in pane.query("*"):
                if widget.can_focus:
                    widget.focus()
                    return

    def set_document(self, document: Document) -> None:
        """Fill the outline."""
        self.query_one(OutlineList).set_document(document)

    def set_analysis(self, analysis: Analysis) -> None:
        """Fill the quote and entity tabs."""
        self.query_one(QuoteTree).set_analysis(analysis)
        self.query_one(EntityTree).set_analysis(analysis)

    async def add_tab(self, title: str, widget: Widget, tab_id: str) -> TabPane:
        """Add a tab holding ``widget`` (e.g. the Notes tab) and return its pane."""
        pane = TabPane(title, widget, id=tab_id)
        await self.query_one(TabbedContent).add_pane(pane)
        return pane
