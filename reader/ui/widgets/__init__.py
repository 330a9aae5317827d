"""Widgets of the reading screen: the article view, the sidebar and the status line.

The names are re-exported lazily: the pure helper modules of this package
(``span_index``, ``text_layout`` …) are imported by code that must not pull in every
widget (and would otherwise import itself in a cycle).
"""

from importlib import import_module

_EXPORTS = {
    "ArticleView": "reader.ui.widgets.article_view",
    "Sidebar": "reader.ui.widgets.sidebar",
    "StatusLine": "reader.ui.widgets.status_line",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    """Import an exported widget on first use."""
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(name)
