"""The built-in tabs of the sidebar: outline, quotes by speaker, people & orgs."""

from reader.ui.widgets.sidebar_tabs.entities import EntityTree
from reader.ui.widgets.sidebar_tabs.outline import OutlineList
from reader.ui.widgets.sidebar_tabs.quotes import QuoteTree

__all__ = ["EntityTree", "OutlineList", "QuoteTree"]
