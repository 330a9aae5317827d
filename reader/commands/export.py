"""``gloss export [FILE…]``: highlights and notes as Markdown, W3C JSON-LD or HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import GlossError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from annotations.export import ArticleExport
    from annotations.export.writer import Renderer
    from annotations.model import Annotation, ArticleRecord, Tag
    from annotations.store import Store
    from reader.document import Analysis, Document

DESCRIPTION = """Export highlights and notes: Markdown (default), W3C Web Annotation JSON, or HTML.

With FILEs, exports those articles (re-anchoring their highlights on the current text);
without, every article in the store that has highlights. Writes one file per article into a folder (-o DIR,
default: the current folder for FILEs, ./gloss-export for the whole store), or one
combined file when -o names a file with the format's extension (-o notes.md; without
--format, the extension picks the format: -o notes.json); -o - prints
to standard output. Prints the written paths. Re-exporting unchanged data writes
identical bytes (and leaves unchanged files untouched)."""

EPILOG = """template variables (--template FILE, Jinja2, sandboxed, no autoescape):
  article      title, author, source, id, updated, tags, highlight_count, orphan_count, command
  highlights   placed highlights in reading order: text, note, tag, hashtag, speaker,
               speaker_role, section, paragraph, place, command, start, end, id, created, updated
  orphans      highlights that can no longer be placed (same fields)
  notes        highlights and orphans that carry a note
  tags         tags used: name, slug, key, colour, count
  quotes       (--include quotes) groups: speaker, role, quotes (text, kind, start, end, cue)
  entities     (--include entities) name, type, role, aliases, mentions, expansion
  include, front_matter (dump with | yaml), standalone
filters: md_inline md_text md_blockquote md_note md_code md_source md_indent md_item md_location
         yaml tag_slug
The default template is annotations/export/templates/default.md.j2; start from a copy."""

FORMATS = ("md", "json", "html")
STORE_FOLDER = "gloss-export"
_UNLOADABLE = {"", "-"}  # stdin articles cannot be read again


class ExportCommandError(GlossError):
    """An export the user asked for that cannot be made."""


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``export``."""
    parser.epilog = EPILOG
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="articles to export (default: the whole store)"
    )
    parser.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        help="output format (default: the one -o's extension names, else md)",
    )
    parser.add_argument(
        "-o", "--output", metavar="PATH", help="folder, file with the format's extension, or -"
    )
    parser.add_argument("--template", metavar="FILE", help="a Jinja2 template for the Markdown output")
    parser.add_argument(
        "--include",
        default="",
        metavar="SECTIONS",
        help="optional sections, comma-separated: quotes,entities",
    )
    parser.add_argument(
        "--store", metavar="PATH", help="the store folder (default: $GLOSS_STORE or the user data dir)"
    )


def _sections(value: str) -> tuple[str, ...]:
    """The --include list, checked."""
    from annotations.export.context import SECTIONS

    names = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    for name in names:
        if name not in SECTIONS:
            raise ExportCommandError(
                f"unknown section {name!r} for --include (choose from {', '.join(SECTIONS)})"
            )
    return names


def _analysis(doc: Document, wanted: bool) -> Analysis:
    """The analysis of ``doc`` when it is shown (speakers, sections, colours)."""
    from reader.analysis import analyze
    from reader.document import Analysis

    return analyze(doc) if wanted else Analysis()


def item_for_document(
    store: Store,
    doc: Document,
    record: ArticleRecord | None,
    analyse: bool,
    tags: tuple[Tag, ...],
    notes: Sequence[Annotation] | None = None,
) -> ArticleExport:
    """One loaded article with its stored annotations re-anchored on its current text
    (``notes``: the record's annotations when the caller has read them already)."""
    from dataclasses import replace

    from annotations.anchor import reanchor
    from annotations.cli import moved_record
    from annotations.export import ArticleExport
    from annotations.keys import article_key, fingerprint, normalise_source

    record = record or store.find_article(doc.source, doc.text)
    moved = moved_record(store, fingerprint(doc.text)) if record is None else None
    if moved is not None:  # a file moved since it was annotated: its highlights, its new place
        record = replace(moved, source=normalise_source(doc.source) or doc.source)
    if notes is None:
        notes = store.annotations(record.key) if record else []
    if record and notes and record.fingerprint != fingerprint(doc.text):
        notes = reanchor(notes, doc.text)  # in memory: exporting never writes the store
    key = record.key if record else article_key(doc.source, doc.text)
    if record is None:
        from annotations.model import ArticleRecord

        record = ArticleRecord(key, normalise_source(doc.source) or doc.source, doc.title, doc.author)
    wanted = analyse or bool(notes)
    return ArticleExport(key, tuple(notes), doc, _analysis(doc, wanted), record, tags)


def _items_from_files(store: Store, files: list[str], analyse: bool) -> list[ArticleExport]:
    """The articles named on the command line."""
    from reader.ingest import load

    tags = tuple(store.tags())
    return [item_for_document(store, load(path), None, analyse, tags) for path in files]


def _load_record(record: ArticleRecord) -> Document | None:
    """The stored article's current text, or None (with a warning) when it cannot be read."""
    from reader.ingest import load

    if record.source in _UNLOADABLE:
        reason = f"{record.title or record.key} was read from standard input"
    else:
        try:
            return load(record.source)
        except GlossError as error:
            reason = str(error)
    print(f"gloss: warning: {reason}; exporting the saved passages", file=sys.stderr)
    return None


def _items_from_store(store: Store, analyse: bool) -> list[ArticleExport]:
    """Every stored article that has annotations, loaded again when its source can be
    read (title order). Articles only opened, never annotated, are left out."""
    from annotations.export import ArticleExport

    records = sorted(store.articles(), key=lambda r: ((r.title or r.source).casefold(), r.key))
    tags = tuple(store.tags())
    items = []
    for record in records:
        notes = tuple(store.annotations(record.key))
        if not notes:
            continue
        doc = _load_record(record)
        if doc is None:
            items.append(ArticleExport(record.key, notes, None, None, record, tags))
        else:
            items.append(item_for_document(store, doc, record, analyse, tags, notes))
    return items


def output_format(requested: str | None, output: str | None) -> str:
    """The format: the requested one, else the one ``-o``'s extension names, else md.

    A file name with another format's extension is refused rather than made a folder
    (``-o notes.json --format md`` would otherwise create a folder called notes.json).
    """
    from annotations.export.writer import EXTENSIONS

    suffix = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    named = next((fmt for fmt, extensions in EXTENSIONS.items() if suffix in extensions), None)
    if requested is None:
        return named or "md"
    if named not in (None, requested) and not Path(output or "").expanduser().is_dir():
        raise ExportCommandError(f"-o {output} names a .{suffix} file but the format is {requested}")
    return requested


def _renderer(args: argparse.Namespace, include: tuple[str, ...]) -> Renderer:
    """The renderer of the chosen format."""
    from annotations.export import renderer

    if args.template and args.format != "md":
        raise ExportCommandError("--template applies to the Markdown format only")
    if args.format == "html":
        from reader.html_export import renderer as html_renderer

        return html_renderer(include)
    return renderer(args.format, include=include, template=args.template)


def run(args: argparse.Namespace) -> int:
    """Gather the articles, render them, write (or print) the export, print the paths."""
    from annotations.cli import open_store
    from annotations.export import ExportError, write_exports

    include = _sections(args.include)
    args.format = output_format(args.format, args.output)
    try:
        render = _renderer(args, include)
        with open_store(args, reading=True) as store:
            analyse = bool(include) or args.format == "html"
            if args.files:
                items = _items_from_files(store, args.files, analyse)
            else:
                items = _items_from_store(store, analyse)
        if not items:
            raise ExportCommandError("the store has no highlights yet (open an article with gloss FILE)")
        if args.output == "-":
            sys.stdout.write(render(items))
            return 0
        output = Path(args.output).expanduser() if args.output else None
        if output is None and not args.files:
            output = Path(STORE_FOLDER)
        paths = write_exports(items, render, args.format, output)
    except ExportError as error:
        raise ExportCommandError(str(error)) from None
    for path in paths:
        print(path)
    return 0
