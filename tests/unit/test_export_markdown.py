"""Markdown export: front matter, escaping, templates, stability."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from test_export_helpers import seed_item

from annotations.export.context import ArticleExport, build_context, tag_slug
from annotations.export.errors import ExportError
from annotations.export.escape import clean_text, escape_text, inline
from annotations.export.markdown import load_template, render_combined, render_markdown
from annotations.model import Annotation, Target
from reader.document import Analysis, Block, Document, Quote

PARSER = MarkdownIt("commonmark")
NASTY_TITLES = [
    "---",
    "title: x\n---\nevil: true",
    "'quoted' \"double\" `tick`",
    "# not a comment",
    "*bold* & [link](x) <b>",
    "key: value",
    "- a list",
    "? question",
    "@at %percent !bang {brace} [bracket] |pipe >fold",
    "yes",
    "null",
    "1e3",
    "  spaces  ",
    "tab\there",
    "\u2028line sep\u0085next",
    "...",
    "emoji 🦜 and 中文",
]


def _front_matter(markdown: str) -> dict:
    """The YAML between the opening ``---`` and the next ``---`` line."""
    assert markdown.startswith("---\n")
    end = markdown.index("\n---\n", 4)
    return yaml.safe_load(markdown[4 : end + 1])


def _article(title: str, text: str = "Some text to highlight.") -> ArticleExport:
    doc = Document(text, (Block("paragraph", 0, len(text)),), "a.txt", title=title)
    ann = Annotation(
        "k",
        Target.from_text(text, 0, 4),
        "Key point",
        "",
        "id-1",
        "2026-01-01T00:00:00+00:00",
        "2026-01-02T00:00:00+00:00",
    )
    return ArticleExport("k", (ann,), doc)


@pytest.mark.parametrize("title", NASTY_TITLES)
def test_front_matter_is_valid_yaml_for_nasty_titles(title: str) -> None:
    matter = _front_matter(render_markdown(_article(title)))
    assert matter["title"] == clean_text(title)
    assert matter["updated"] == "2026-01-02T00:00:00+00:00"
    assert matter["highlights"] == 1
    assert matter["tags"] == ["key-point"]
    assert set(matter) == {"title", "source", "id", "updated", "tags", "highlights"}


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(str.strip))
def test_front_matter_holds_any_title(title: str) -> None:
    markdown = render_markdown(_article(title))
    assert _front_matter(markdown)["title"] == clean_text(title)
    # the title heading is one line of literal text
    body = markdown[markdown.index("\n---\n", 4) + 5 :]
    heading = next(t for t in PARSER.parse(body) if t.type == "inline")
    assert [c.type for c in heading.children or []] == ["text"]
    assert heading.children[0].content == " ".join(clean_text(title).split())


@pytest.mark.parametrize(
    "text",
    [
        "# not a heading",
        "> not a quote",
        "- not a list",
        "+ plus",
        "* star",
        "1. not ordered",
        "2) nor this",
        "a | table | row",
        "`code` and ``more``",
        "<script>alert(1)</script>",
        "<b>bold</b>",
        "[x](http://y)",
        "![img](x.png)",
        "back\\slash\\",
        "snake_case and *stars*",
        "~~strike~~ ==mark== %%c%%",
        "$5 and $6",
        "&amp; &#35; &copy;",
        "---",
        "===",
        "    indented",
        "trailing  ",
        "#MeToo tag",
        "https://example.org/x_y",
    ],
)
def test_literal_text_reads_back_as_itself(text: str) -> None:
    tokens = PARSER.parse(escape_text(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children or []
    assert [c.type for c in children] == ["text"]
    assert children[0].content == text


def test_control_characters_never_reach_the_file() -> None:
    assert "\x1b" not in inline("red \x1b[31m alert")
    assert "\x00" not in escape_text("nul\x00byte")


def test_bidi_overrides_in_notes_never_reach_the_file() -> None:
    from annotations.export.escape import neutralise_note

    for control in ("\u202e", "\u2066", "\u202a"):
        assert control not in neutralise_note(f"safe {control}desrever") + inline(f"x {control}y")
    assert "\u200f" in neutralise_note("Hebrew mark \u200f kept")  # a weak mark real RTL text uses


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Key point", "key-point"),
        ("Follow up", "follow-up"),
        ("  Odd / name!? ", "odd-/-name"),
        ("2024", "tag-2024"),
        ("Café crème", "café-crème"),
        ("snake_case", "snake-case"),
    ],
)
def test_tag_slugs(name: str, slug: str) -> None:
    assert tag_slug(name) == slug


def test_reexport_is_byte_identical() -> None:
    first = render_markdown(seed_item(), include=["quotes", "entities"])
    second = render_markdown(seed_item(), include=["quotes", "entities"])
    assert first == second
    assert "export" not in _front_matter(first)


def test_highlights_in_reading_order_with_speaker_tag_and_place() -> None:
    markdown = render_markdown(seed_item())
    assert (
        markdown.index("scratch my back")
        < markdown.index("essentially a farce")
        < markdown.index("half a million weapons")
    )
    assert "— Ethan Nadelmann · #evidence · ¶ 7 · `gloss /articles/filter-fentanyl-guns.txt --at" in markdown
    assert "#follow-up · The Gun Supply, ¶ 2" in markdown
    assert "## Orphaned highlights" in markdown
    # the note's "# not a heading" stays text inside its item
    assert "\n  \\# not a heading\n" in markdown
    assert "## Quotes by speaker" not in markdown


def test_optional_sections() -> None:
    markdown = render_markdown(seed_item(), include=["quotes", "entities"])
    quotes = markdown[markdown.index("## Quotes by speaker") : markdown.index("## People and organisations")]
    assert quotes.index("### Ethan Nadelmann") < quotes.index("### Alex Krotulski")
    assert "*the founder and former executive director of the Drug Policy Alliance*" in quotes
    assert quotes.count("This proposed agreement") == 1  # the pull quote's twin is not repeated
    people = markdown[markdown.index("## People and organisations") :]
    assert "**Drug Enforcement Administration** · org · also DEA" in people
    assert "Mexico" not in people  # places are not people or organisations


def test_unknown_section_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown section"):
        render_markdown(seed_item(), include=["gossip"])


def test_combined_file_has_one_front_matter() -> None:
    markdown = render_combined([seed_item(), _article("Second")])
    assert markdown.count("\n---\n") == 1
    matter = _front_matter(markdown)
    assert matter["articles"] == 2 and matter["highlights"] == 6
    assert "# US and Mexico Plan" in markdown and "# Second" in markdown


def test_user_template(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "{{ article.title | md_inline }} ({{ highlights | length }})\n"
        "{% for h in notes %}* {{ h.hashtag }} {{ h.note | md_note | md_indent }}\n{% endfor %}"
        "{% for t in tags %}{{ t.name }}={{ t.count }} {% endfor %}\n",
        encoding="utf-8",
    )
    out = render_markdown(seed_item(), template=str(template))
    assert out.startswith("US and Mexico Plan Joint Crackdown on Fentanyl, Illicit Gun Supplies (4)\n")
    assert "* #follow-up   Check the *source*" in out
    assert "Key point=1 Evidence=1 Question=1 Follow up=1" in out


def test_bad_template_names_the_line(tmp_path: Path) -> None:
    template = tmp_path / "bad.md.j2"
    template.write_text("line one\nline two\n{% for h in highlights %}\n{{ h.text }\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"bad\.md\.j2, line 4: unexpected '}'") as info:
        render_markdown(seed_item(), template=str(template))
    assert "\n" not in str(info.value)


def test_template_runtime_error_names_the_line(tmp_path: Path) -> None:
    template = tmp_path / "typo.md.j2"
    template.write_text("ok\n\n{{ article.titel }}\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"typo\.md\.j2, line 3: .*titel"):
        render_markdown(seed_item(), template=str(template))


def test_template_is_sandboxed(tmp_path: Path) -> None:
    template = tmp_path / "evil.md.j2"
    template.write_text("{{ article.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"evil\.md\.j2, line 1"):
        render_markdown(seed_item(), template=str(template))


def test_missing_template_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot read template"):
        render_markdown(seed_item(), template=str(tmp_path / "nope.j2"))


def test_an_edited_template_is_reloaded(tmp_path: Path) -> None:
    template = tmp_path / "default.md.j2"  # the built-in's file name: still the user's file
    template.write_text("first {{ highlights | length }}\n", encoding="utf-8")
    assert render_markdown(seed_item(), template=str(template)) == "first 4\n"
    template.write_text("second version\n", encoding="utf-8")
    os.utime(template, ns=(1, 1))  # a different mtime even on coarse clocks
    assert load_template(str(template)).render() == "second version\n"


def test_speaker_only_for_passages_inside_quotes() -> None:
    text = (
        "Plain narration goes on for a while here. “Short,” she said, and the narration continues at length."
    )
    quote_start = text.index("“")
    quote = Quote(quote_start, text.index("”") + 1, "Short,", "speech", "Ana Lima")
    doc = Document(text, (Block("paragraph", 0, len(text)),), "a.txt", title="T")

    def speaker(start: int, end: int) -> str | None:
        ann = Annotation("k", Target.from_text(text, start, end), None, "", "id", "2026-01-01T00:00:00+00:00")
        context = build_context(ArticleExport("k", (ann,), doc, Analysis((quote,))))
        return context.highlights[0].speaker

    assert speaker(quote_start + 1, quote_start + 6) == "Ana Lima"  # inside the quote
    assert speaker(quote_start - 10, text.index("she")) == "Ana Lima"  # holds the whole quote
    assert speaker(0, quote_start + 3) is None  # narration touching the quote


def test_an_article_whose_highlights_are_all_orphans_says_so() -> None:
    from annotations.export.context import ArticleExport
    from annotations.export.markdown import render_markdown
    from annotations.model import Annotation, Target
    from reader.document import Block, Document

    old = "Title Here\n\nOriginal body text that vanished."
    lost = Annotation("k", Target.from_text(old, 12, 30), status="orphan")
    text = "Title Here\n\nCompletely different words."
    doc = Document(
        text, (Block("title", 0, 10), Block("paragraph", 12, len(text))), "a.txt", title="Title Here"
    )
    markdown = render_markdown(ArticleExport("k", (lost,), doc))
    assert "None of the highlights can be placed" in markdown and "No highlights yet" not in markdown


def test_a_user_template_includes_its_partials_from_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "main.md.j2").write_text('Main: {% include "part.md.j2" %}\n', encoding="utf-8")
    (folder / "part.md.j2").write_text("partial for {{ article.title }}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # not the templates' folder
    out = render_markdown(seed_item(), template=str(folder / "main.md.j2"))
    assert out.startswith("Main: partial for ")
