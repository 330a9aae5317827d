"""Widgets of the reading screen: the article view, the sidebar and the status line."""

from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.sidebar import Sidebar
from reader.ui.widgets.status_line import StatusLine

__all__ = ["ArticleView", "Sidebar", "StatusLine"]
