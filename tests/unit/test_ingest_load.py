"""load(): sources (files, stdin), format dispatch, metadata and one-line errors."""

from __future__ import annotations

import io
import sys
import types
from pathlib import Path

import pytest

import reader.ingest.source as source_module
from reader.document import Document
from reader.ingest import IngestError, load


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_plain_text_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", b"Headline Here\n\nFirst paragraph.\n")
    doc = load(path)
    assert doc.source == path
    assert doc.title == "Headline Here"
    assert doc.text == "Headline Here\n\nFirst paragraph."
    assert doc.meta["format"] == "text"
    assert doc.meta["encoding"] == "utf-8"


def test_path_objects_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Some text.")
    assert load(path).source == str(path)


def test_cp1252_file_is_decoded_and_recorded(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "A Title\n\n“Quoted,” she said.".encode("cp1252"))
    doc = load(path)
    assert doc.text.endswith("“Quoted,” she said.")
    assert doc.meta["encoding"] == "cp1252"


def test_utf16_crlf_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "A Title\r\n\r\nBody text here.\r\n".encode("utf-16"))
    assert load(path).text == "A Title\n\nBody text here."


def test_controls_are_inert_in_the_document(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", b"Plain words \x1b[2J\x9b and \xe2\x80\xae bidi [red]markup[/red].")
    doc = load(path)
    assert "\x1b" not in doc.text and "\u202e" not in doc.text
    assert "␛[2J" in doc.text
    assert "[red]markup[/red]" in doc.text


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"A Title\n\nFrom a pipe.\n"))
    monkeypatch.setattr(sys, "stdin", stdin)
    doc = load("-")
    assert doc.source == "-"
    assert doc.text == "A Title\n\nFrom a pipe."


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(IngestError, match=r"^<stdin>: is empty"):
        load("-")


def test_markdown_by_suffix(tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.md", b"# The Title\n\nSome *text*.\n")
    doc = load(path)
    assert doc.meta["format"] == "markdown"
    assert doc.title == "The Title"
    assert doc.text == "The Title\n\nSome text."


def test_html_goes_to_the_html_loader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = {}
    fake = types.ModuleType("reader.ingest.html")

    def load_html(raw: bytes, source: str) -> Document:
        seen["args"] = (raw, source)
        return Document("x", (), source)

    fake.load_html = load_html
    monkeypatch.setitem(sys.modules, "reader.ingest.html", fake)
    for name, data in [("page.html", b"<p>hi</p>"), ("page.txt", b"<!DOCTYPE html><html><p>hi</p></html>")]:
        path = _write(tmp_path, name, data)
        assert load(path).source == path
        assert seen["args"] == (data, path)


def test_url_goes_to_the_url_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("reader.ingest.url")
    fake.load_url = lambda url: Document("x", (), url)
    monkeypatch.setitem(sys.modules, "reader.ingest.url", fake)
    assert load("https://example.org/a").source == "https://example.org/a"


def test_missing_web_module_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_url(name: str) -> types.ModuleType:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    monkeypatch.setattr("importlib.import_module", no_url)
    with pytest.raises(IngestError, match="HTML/URL input is not supported yet"):
        load("http://example.org")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", r"empty.txt: is empty, nothing to read$"),
        ("blank.txt", b"  \n\n\t \n", r"blank.txt: holds only blank space, nothing to read$"),
        ("blank16.txt", "  \n \n".encode("utf-16"), r"blank16.txt: holds only blank space"),
        ("bin.dat", bytes(range(256)) * 20, r"bin.dat: looks like a binary file, not an article$"),
        ("bad.txt", b"\xef\xbb\xbfgood \xff\xfe\xfd\xfc", r"bad.txt: invalid utf-8 text"),
    ],
)
def test_unusable_content(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        load(_write(tmp_path, name, data))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"nope.txt: no such file$"):
        load(str(tmp_path / "nope.txt"))


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r": is a directory, not a file$"):
        load(str(tmp_path))


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 000 does not stop root, so the refusal is simulated where the file is opened
    path = _write(tmp_path, "secret.txt", b"text")

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(source_module, "open", refuse, raising=False)
    with pytest.raises(IngestError, match=r"secret.txt: permission denied$"):
        load(path)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written

    def no_reading(*args: object, **kwargs: object) -> object:
        raise AssertionError("a file over the cap must be refused before it is opened")

    monkeypatch.setattr(source_module, "open", no_reading, raising=False)
    with pytest.raises(IngestError, match=r"huge.txt: too large to read \(200.0 MB; the limit is 64 MB\)$"):
        load(str(path))


def test_endless_stream_is_cut_at_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source_module, "MAX_BYTES", 1000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"word " * 1000)))
    with pytest.raises(IngestError, match=r"<stdin>: too large to read"):
        load("-")


def test_one_megabyte_single_line(tmp_path: Path) -> None:
    line = "A long line of words without any break at all. " * 22_000
    doc = load(_write(tmp_path, "line.txt", line.encode()))
    assert len(doc.text) == len(line.strip())
    assert [b.kind for b in doc.blocks] == ["paragraph"]


def test_stray_bytes_are_a_warning_not_an_error(tmp_path: Path) -> None:
    good = "Ça marche très bien, n’est-ce pas? " * 20
    doc = load(_write(tmp_path, "a.txt", good.encode() + b"\xff" + good.encode()))
    assert doc.meta["encoding"] == "utf-8"
    assert doc.meta["warnings"] == [
        f"{tmp_path / 'a.txt'}: 1 byte(s) that are not valid UTF-8 are shown as \ufffd"
    ]


def test_large_file_loads_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.ingest as ingest

    monkeypatch.setattr(ingest, "LARGE_BYTES", 100)
    doc = load(_write(tmp_path, "big.txt", b"A Title\n\n" + b"Plenty of words here. " * 20))
    assert "large file" in doc.meta["warnings"][0]
    assert "warnings" not in load(_write(tmp_path, "small.txt", b"Small text.")).meta


@pytest.mark.parametrize(
    "markdown", ["---\ntitle: Only front matter\n---\n", "<!-- a comment -->\n", "---\n---\n"]
)
def test_markdown_with_no_text_is_a_one_line_error(tmp_path: Path, markdown: str) -> None:
    path = tmp_path / "hollow.md"
    path.write_text(markdown, encoding="utf-8")
    with pytest.raises(IngestError, match=r"hollow\.md: holds no text to read"):
        load(str(path))


def test_a_file_url_opens_the_file_it_names(tmp_path: Path) -> None:
    path = tmp_path / "my notes.txt"
    path.write_text("A Title\n\nSome body text here.\n", encoding="utf-8")
    doc = load(path.as_uri())
    assert doc.source == str(path) and "Some body text" in doc.text
    with pytest.raises(IngestError, match="another host"):
        load("file://elsewhere/x.txt")
