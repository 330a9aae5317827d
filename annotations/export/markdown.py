"""Markdown export through Jinja2 templates; the default output is itself a template.

A template (the built-in ``templates/default.md.j2`` or a user's ``--template FILE``)
runs in a sandbox with autoescaping off and receives these variables:

``article``
    dict: ``title``, ``author`` (or None), ``source``, ``id`` (the stable article key),
    ``updated`` (ISO time of the latest annotation change, or None), ``tags`` (slugs),
    ``highlight_count``, ``orphan_count``, ``command`` (shell command that opens it).
``highlights``
    the placed highlights in reading order; each has ``id``, ``text`` (the passage),
    ``note`` (Markdown), ``tag``, ``hashtag`` ("#key-point"), ``start``, ``end``,
    ``status``, ``created``, ``updated``, ``speaker``, ``speaker_role``, ``section``,
    ``paragraph`` and ``command`` (``gloss FILE --at OFFSET``).
``orphans``
    highlights that can no longer be placed in the text (same fields, ``text`` as saved).
``notes``
    the highlights and orphans that carry a note.
``tags``
    tags used in the article: ``name``, ``slug``, ``key``, ``colour``, ``count``.
``quotes``
    with ``--include quotes``: groups with ``speaker`` (None: unattributed), ``role`` and
    ``quotes`` (each ``text``, ``kind``, ``start``, ``end``, ``speaker``, ``cue``).
``entities``
    with ``--include entities``: people, organisations and groups with ``name``,
    ``type``, ``role``, ``aliases``, ``mentions`` (a count) and ``expansion``.
``include``
    the set of optional sections asked for ("quotes", "entities").
``front_matter``
    the front-matter mapping (dump it with ``| yaml``).
``standalone``
    False when the article is one part of a combined file (no front matter then).

Filters: ``md_inline`` (literal text on one line), ``md_text`` (literal paragraphs),
``md_blockquote`` (literal text as a ``>`` quote), ``md_note`` (a note with headings
neutralised), ``md_code`` (inline code), ``md_source`` (a link or code span for a
source), ``md_indent(prefix)``, ``md_item`` (a block as one ``-`` list item),
``md_location`` (a highlight's "— speaker · #tag · place · `command`" line), ``yaml``
(a value as YAML), ``tag_slug``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import yaml
from jinja2.sandbox import SandboxedEnvironment

from annotations.export import escape
from annotations.export.context import (
    ArticleExport,
    ExportContext,
    Highlight,
    build_context,
    latest_change,
    tag_slug,
)
from annotations.export.errors import ExportError

DEFAULT_TEMPLATE = "default.md.j2"
_BUILTIN = "<gloss>/templates/default.md.j2"  # a name no user file path can have
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: same output, faster
_URL = re.compile(r"^https?://[^\s<>]+$")


def _yaml_safe(value: Any) -> Any:
    """``value`` with control characters in its strings replaced (YAML reads NEL as a break)."""
    if isinstance(value, str):
        return escape.clean_text(value)
    if isinstance(value, dict):
        return {_yaml_safe(k): _yaml_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_yaml_safe(v) for v in value]
    return value


def to_yaml(value: Any) -> str:
    """``value`` as block-style YAML (valid whatever the strings hold)."""
    return yaml.dump(
        _yaml_safe(value),
        Dumper=_DUMPER,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1000,
    )


def md_item(block: str) -> str:
    """A Markdown block as one ``-`` list item (ending with a newline): later lines are
    indented to stay inside it."""
    lines = block.strip("\n").split("\n")
    rest = escape.indent("\n".join(lines[1:])) if len(lines) > 1 else ""
    return "- " + lines[0] + ("\n" + rest if rest else "") + "\n"


def md_location(h: Highlight) -> str:
    """The line under a highlight: speaker, #tag, place, and the command that reopens it."""
    parts = []
    if h.speaker:
        parts.append(f"— {escape.inline(h.speaker)}")
    if h.hashtag:
        parts.append(h.hashtag)
    parts.append(escape.inline(h.place or f"at {h.start}"))
    if h.command:
        parts.append(escape.code_span(h.command))
    return " · ".join(parts)


def md_source(source: str) -> str:
    """A source as an autolink when it is a plain web address, else as inline code."""
    return f"<{source}>" if _URL.match(source) else escape.code_span(source)


def _environment(sandboxed: bool = True) -> jinja2.Environment:
    """A Jinja environment with the Markdown filters (no autoescape); user templates run
    sandboxed, the built-in one (trusted) without the sandbox's per-attribute checks."""
    kind = SandboxedEnvironment if sandboxed else jinja2.Environment
    env = kind(
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        loader=jinja2.FunctionLoader(_load_source),
    )
    env.join_path = _join_path  # type: ignore[method-assign]
    env.filters.update(
        md_inline=escape.inline,
        md_text=escape.escape_text,
        md_blockquote=escape.blockquote,
        md_note=escape.neutralise_note,
        md_code=escape.code_span,
        md_source=md_source,
        md_indent=escape.indent,
        md_item=md_item,
        md_location=md_location,
        yaml=to_yaml,
        tag_slug=tag_slug,
    )
    return env


def _join_path(template: str, parent: str) -> str:
    """An ``{% include %}`` name: relative to the including template's folder when the
    file is there (a user's partials sit beside their template), else as written."""
    if parent != _BUILTIN and not Path(template).is_absolute():
        beside = Path(parent).parent / template
        if beside.is_file():
            return str(beside)
    return template


def _load_source(name: str) -> tuple[str, str, Any]:
    """Template source by name: the built-in default or a user file path."""
    if name == _BUILTIN:
        text = (
            resources.files("annotations.export").joinpath("templates", DEFAULT_TEMPLATE).read_text("utf-8")
        )
        return text, name, lambda: True
    path = Path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise ExportError(f"cannot read template {name}: {reason}") from None
    return text, str(path), lambda: True


def load_template(path: str | None = None) -> jinja2.Template:
    """The compiled template at ``path`` (None: the default); errors name the line.

    Compiled templates are cached until their file changes.
    """
    if not path:
        return _compiled(_BUILTIN, 0)
    try:
        stamp = Path(path).stat().st_mtime_ns
    except OSError:
        stamp = -1  # reading it will fail with a clear message
    return _compiled(str(path), stamp)


@lru_cache(maxsize=16)
def _compiled(name: str, stamp: int) -> jinja2.Template:
    """Compile the template called ``name`` (``stamp``: its file's mtime, for the cache)."""
    try:
        return _environment(sandboxed=name != _BUILTIN).get_template(name)
    except jinja2.TemplateSyntaxError as error:
        raise ExportError(f"template {name}, line {error.lineno}: {error.message}") from None


def _render(template: jinja2.Template, variables: dict[str, Any]) -> str:
    """Render ``template``; a runtime error names the template line it happened on."""
    try:
        text = template.render(variables)
    except ExportError:
        raise
    except Exception as error:
        line = _template_line(template, sys.exc_info()[2])
        where = f", line {line}" if line else ""
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ExportError(f"template {template.name}{where}: {message}") from None
    return text.rstrip("\n") + "\n"


def _template_line(template: jinja2.Template, tb: Any) -> int | None:
    """The template line of the innermost traceback frame inside ``template``."""
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == template.filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def front_matter(context: ExportContext) -> dict[str, Any]:
    """The YAML front matter of one article (keys without a value are left out)."""
    article = context.article
    matter = {
        "title": article["title"],
        "author": article["author"],
        "source": article["source"],
        "id": article["id"],
        "updated": article["updated"],
        "tags": article["tags"],
        "highlights": article["highlight_count"],
    }
    return {k: v for k, v in matter.items() if v is not None and v != ""}


def render_context(context: ExportContext, template: str | None = None, *, standalone: bool = True) -> str:
    """Render one article's context through ``template`` (None: the default)."""
    variables = context.template_vars()
    variables.update(front_matter=front_matter(context), standalone=standalone)
    return _render(load_template(template), variables)


def render_markdown(item: ArticleExport, *, include: Iterable[str] = (), template: str | None = None) -> str:
    """One article as a standalone Markdown file (YAML front matter first)."""
    return render_context(build_context(item, include), template)


def render_combined(
    items: Sequence[ArticleExport], *, include: Iterable[str] = (), template: str | None = None
) -> str:
    """Several articles in one Markdown file: one front matter, then each article."""
    contexts = [build_context(item, include) for item in items]
    tags = sorted({slug for c in contexts for slug in c.article["tags"]})
    matter = {
        "title": "gloss export",
        "articles": len(contexts),
        "updated": latest_change(a for item in items for a in item.annotations),
        "tags": tags,
        "highlights": sum(c.article["highlight_count"] for c in contexts),
    }
    head = "---\n" + to_yaml({k: v for k, v in matter.items() if v is not None}) + "---\n"
    parts = [render_context(c, template, standalone=False) for c in contexts]
    return "\n".join([head, *parts])
