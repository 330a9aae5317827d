"""Writing exports: one file per article into a folder, or one combined file, atomically.

A renderer turns a list of ``ArticleExport``s into the text of one file (one article:
its standalone file; several: a combined file). ``renderer(fmt, …)`` gives the
Markdown and JSON renderers; HTML needs the Pygments layer and comes from
``reader.html_export.renderer``. A file whose bytes would not change is left untouched,
so re-exporting unchanged data changes nothing on disk (notes apps and sync tools see
no edit); an existing file is replaced atomically.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from annotations.export.context import ArticleExport
from annotations.export.errors import ExportError
from annotations.export.filenames import safe_filename, unique_filenames
from annotations.export.markdown import load_template, render_combined, render_markdown
from annotations.export.webanno import render_json
from annotations.storage import write_atomic

Renderer = Callable[[Sequence[ArticleExport]], str]
EXTENSIONS = {"md": ("md", "markdown"), "json": ("json", "jsonld"), "html": ("html", "htm")}


def renderer(fmt: str, *, include: Iterable[str] = (), template: str | None = None) -> Renderer:
    """The Markdown or JSON renderer (templates are checked now, so errors come early)."""
    sections = tuple(include)
    if fmt == "md":
        load_template(template)

        def render_md(items: Sequence[ArticleExport]) -> str:
            if len(items) == 1:
                return render_markdown(items[0], include=sections, template=template)
            return render_combined(items, include=sections, template=template)

        return render_md
    if fmt == "json":
        return render_json
    raise ExportError(f"no renderer for format {fmt!r} here (HTML: reader.html_export)")


def is_file_target(output: Path, fmt: str) -> bool:
    """Whether ``-o output`` names one file (by its extension) rather than a folder."""
    return output.suffix.lower().lstrip(".") in EXTENSIONS[fmt] and not output.is_dir()


def write_text(path: Path, text: str) -> bool:
    """Write ``text`` to ``path``; False when the file already held exactly that.

    A new file is created exclusively and written in place; an existing one is replaced
    through a temp file and ``os.replace``, so its readers never see a torn file. No
    fsync: an export is regenerable, and syncing a thousand files costs more than
    rendering them.
    """
    data = text.encode("utf-8")
    try:
        try:
            if path.read_bytes() == data:
                return False
        except FileNotFoundError:
            try:
                with open(path, "xb") as out:
                    out.write(data)
                return True
            except FileExistsError:
                pass  # appeared meanwhile: replace it below
        write_atomic(path, data, durable=False)
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
    return True


def _make_folder(folder: Path) -> None:
    """Create the output folder (and parents); a one-line error when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot create folder {folder}: {error.strerror or error}") from None


def write_exports(
    items: Sequence[ArticleExport], render: Renderer, fmt: str, output: Path | None = None
) -> list[Path]:
    """Write ``items``: into ``output`` as one file if it has the format's extension,
    else one file per article into the folder ``output`` (default: the current one).

    Returns the written paths in order.
    """
    if not items:
        raise ExportError("nothing to export")
    if output is not None and is_file_target(output, fmt):
        _make_folder(output.parent)
        write_text(output, render(items))
        return [output]
    folder = output if output is not None else Path.cwd()
    _make_folder(folder)
    names = unique_filenames((item.title for item in items), EXTENSIONS[fmt][0])
    paths = []
    for item, name in zip(items, names, strict=True):
        path = folder / name
        write_text(path, render([item]))
        paths.append(path)
    return paths


def export_article(
    item: ArticleExport,
    output: str | os.PathLike[str] | None = None,
    *,
    fmt: str = "md",
    include: Iterable[str] = (),
    template: str | None = None,
    render: Renderer | None = None,
) -> Path:
    """Export one article and return the written path (the app's ``ctrl+e``).

    ``output`` is a file path (with the format's extension) or a folder (default: the
    current one; the name comes from the title). ``render`` overrides the renderer
    (pass ``reader.html_export.renderer()`` for HTML).
    """
    render = render or renderer(fmt, include=include, template=template)
    target = Path(output) if output is not None else Path.cwd()
    if not is_file_target(target, fmt):
        target = target / safe_filename(item.title, EXTENSIONS[fmt][0])
    _make_folder(target.parent)
    write_text(target, render([item]))
    return target
