"""Export: an article's highlights and notes as Markdown, W3C Web Annotation JSON or HTML.

Headless (imports ``reader.document`` at most). Callers load the article, run the
analysis and read the store, then pass an ``ArticleExport`` here:

    item = ArticleExport(record.key, store.annotations(record.key), doc, analysis, record, store.tags())
    text = render_markdown(item, include=("quotes", "entities"))
    path = export_article(item, "~/notes")          # writes "<Title>.md", returns its path

Markdown goes through Jinja2 templates (variables: ``annotations.export.markdown``); the
JSON format and ``gloss import`` are in ``annotations.export.webanno``; the HTML page is
assembled by ``annotations.export.html`` from the Pygments-rendered article that
``reader.html_export`` makes.
"""

from annotations.export.context import ArticleExport, ExportContext, Highlight, build_context
from annotations.export.errors import ExportError
from annotations.export.filenames import safe_filename, unique_filenames
from annotations.export.markdown import render_combined, render_markdown
from annotations.export.webanno import collection_json, parse_collection, read_collection, render_json
from annotations.export.writer import EXTENSIONS, export_article, renderer, write_exports, write_text

__all__ = [
    "EXTENSIONS",
    "ArticleExport",
    "ExportContext",
    "ExportError",
    "Highlight",
    "build_context",
    "collection_json",
    "export_article",
    "parse_collection",
    "read_collection",
    "render_combined",
    "render_json",
    "render_markdown",
    "renderer",
    "safe_filename",
    "unique_filenames",
    "write_exports",
    "write_text",
]
