"""Bad HTML input: a useful Document or a one-line IngestError, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.ingest import IngestError
from reader.ingest.html import load_html

STORY = (
    "The harbour froze for the first time in forty years, and the ferries stayed in port while "
    "children skated between the moored boats on a bright cold morning in the old town."
)
MORE = (
    "Shops along the quay reported their best week of the winter as visitors arrived from all "
    "over the region to walk on the frozen water and take photographs of the boats."
)


def test_broken_markup_still_gives_the_article() -> None:
    html = (
        "<html><head><title>Harbour freezes over</title><body><div><article><h1>Harbour freezes over"
        f"<p>{STORY}<p>{MORE}<b>unclosed bold <i>and italic</div></span></table>"
    ).encode()
    doc = load_html(html, "broken.html")
    assert "children skated" in doc.text and "best week of the winter" in doc.text
    assert doc.title == "Harbour freezes over"


@pytest.mark.parametrize(
    ("raw", "word"),
    [
        # Latin-1 with no declaration: detected, not mojibake
        (
            f"<html><body><article><p>{STORY} Café crème à la française.</p><p>{MORE}</p></article></body></html>".encode(
                "cp1252"
            ),
            "Café crème",
        ),
        # Shift-JIS declared in a meta tag
        (
            "<html><head><meta charset='shift_jis'></head><body><article>"
            f"<p>{STORY} 東京の港も凍った。</p><p>{MORE}</p></article></body></html>".encode("shift_jis"),
            "東京の港",
        ),
        # a declaration that is wrong (says UTF-8, is cp1252): the text still reads
        (
            f"<html><head><meta charset='utf-8'></head><body><article><p>{STORY} Zoë’s boat.</p><p>{MORE}</p>"
            "</article></body></html>".encode("cp1252"),
            "Zoë’s boat",
        ),
        # an unknown encoding name
        (
            f"<html><head><meta charset='x-no-such-charset'></head><body><article><p>{STORY} naïve</p>"
            f"<p>{MORE}</p></article></body></html>".encode("cp1252"),
            "naïve",
        ),
    ],
)
def test_encodings(raw: bytes, word: str) -> None:
    assert word in load_html(raw, "page.html").text


def test_xml_declaration_and_xhtml() -> None:
    raw = (
        "<?xml version='1.0' encoding='utf-8'?><html xmlns='http://www.w3.org/1999/xhtml'><head>"
        f"<title>Harbour</title></head><body><article><p>{STORY}</p><p>{MORE}</p></article></body></html>"
    ).encode()
    assert "children skated" in load_html(raw, "page.xhtml").text


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"   \n  ", "empty"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3 binary", "binary"),
        (
            b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
            "no article",
        ),
        (b"<html><body><script>var x = 1;</script></body></html>", "no article"),
    ],
)
def test_no_article_is_one_line_error(raw: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        load_html(raw, "page.html")
    assert reason in str(caught.value) and "\n" not in str(caught.value)


def test_deeply_nested_page_does_not_crash() -> None:
    depth = 5000
    raw = ("<html><body>" + "<div>" * depth + f"<p>{STORY}</p><p>{MORE}</p>" + "</div>" * depth).encode()
    try:
        doc = load_html(raw, "deep.html")
    except IngestError:
        return  # refusing is fine; crashing is not
    assert "children skated" in doc.text


def test_nul_bytes_and_escapes_are_inert() -> None:
    raw = (
        f"<html><body><article><p>{STORY}\x00 NUL and \x1b]0;title\x07 OSC</p><p>{MORE}</p></article></body></html>"
    ).encode()
    doc = load_html(raw, "page.html")
    assert "\x00" not in doc.text and "\x1b" not in doc.text and "\x07" not in doc.text


def test_cli_reports_html_errors_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "menu.html"
    page.write_bytes(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert main(["analyze", str(page), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gloss: ") and "no article" in err and err.count("\n") == 1


def test_cli_analyzes_an_html_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Harbour freezes over | Quay Times</title></head><body><article>"
        f"<h1>Harbour freezes over</h1><p>{STORY}</p><p>“It is magic,” said Tom Reed.</p><p>{MORE}</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    assert main(["analyze", str(page), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["title"] == "Harbour freezes over"
    assert result["blocks"][0]["kind"] == "title"
    assert any(q["speaker"] == "Tom Reed" for q in result["quotes"])


def test_baseline_text_is_used_when_the_main_extractor_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    raw = f"<html><head><title>Harbour</title></head><body><p>{STORY}</p><p>{MORE}</p></body></html>".encode()
    doc = load_html(raw, "page.html")
    assert "children skated" in doc.text and doc.title == "Harbour"
    with pytest.raises(IngestError, match="no article"):
        load_html(b"<html><body><p>Home</p><p>About</p></body></html>", "menu.html")


def test_an_extractor_crash_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def explode(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    with pytest.raises(IngestError, match="cannot extract the article"):
        load_html(f"<html><body><p>{STORY}</p></body></html>".encode(), "page.html")


def test_a_page_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ingest import html

    monkeypatch.setattr(html, "MAX_HTML_BYTES", 1024 * 1024)
    raw = b"<html><body><article>" + f"<p>{STORY}</p>".encode() * 8000 + b"</article></body></html>"
    with pytest.raises(IngestError, match=r"too large to read \(\d+ MB, the limit is 1 MB\)"):
        load_html(raw, "big.html")


def test_escape_character_references_keep_the_structure() -> None:
    html = (
        "<html><head><title>Harbour</title></head><body><article><h1>Harbour freezes over</h1>"
        f"<p>&#27;[2J {STORY} &#x1B;[31m</p><p>{MORE}</p></article></body></html>"
    ).encode()
    doc = load_html(html, "refs.html")
    assert "\x1b" not in doc.text and "␛[2J" in doc.text
    assert [b.kind for b in doc.blocks] == ["title", "heading", "paragraph", "paragraph"]
