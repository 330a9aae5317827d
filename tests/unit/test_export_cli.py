"""``gloss export``: files from the store, output paths, errors as one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from annotations.model import Annotation, Target
from annotations.store import Store
from reader.cli import main
from reader.ingest import load

ARTICLE = """A Test Article About Quotes

The mayor spoke at length about the budget and the roads.

“We will fix every pothole by spring,” Jane Doe, the mayor of Springfield, told reporters.

Critics were not convinced. The council meets again in May.
"""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path, article: Path) -> Path:
    """A store with the article and two highlights."""
    folder = tmp_path / "store"
    doc = load(str(article))
    with Store.open(folder) as opened:
        record = opened.register_document(doc)
        for words, tag, note in [
            ("We will fix every pothole by spring", "Evidence", "A *promise*.\n# not a section"),
            ("Critics were not convinced.", "Question", ""),
        ]:
            start = doc.text.index(words)
            opened.add(
                Annotation(record.key, Target.from_text(doc.text, start, start + len(words)), tag, note)
            )
    return folder


def _front_matter(text: str) -> dict:
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)])


def test_export_one_file_into_the_current_folder(
    store: Path, article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    assert main(["export", str(article), "--store", str(store)]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.parent == out and written.suffix == ".md"
    text = written.read_text(encoding="utf-8")
    matter = _front_matter(text)
    assert matter["highlights"] == 2 and matter["tags"] == ["evidence", "question"]
    assert text.index("We will fix every pothole") < text.index("Critics were not convinced")
    assert f"--at {load(str(article)).text.index('We will fix')}" in text
    assert "\n  \\# not a section\n" in text
    mtime = written.stat().st_mtime_ns
    assert main(["export", str(article), "--store", str(store)]) == 0
    assert written.read_text(encoding="utf-8") == text
    assert written.stat().st_mtime_ns == mtime  # unchanged output is not rewritten


def test_export_whole_store_to_a_folder_and_a_combined_file(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = tmp_path / "notes"
    assert main(["export", "--store", str(store), "-o", str(folder)]) == 0
    paths = [Path(p) for p in capsys.readouterr().out.split("\n") if p]
    assert len(paths) == 1 and paths[0].parent == folder and paths[0].is_file()
    combined = tmp_path / "all.md"
    assert main(["export", "--store", str(store), "-o", str(combined)]) == 0
    assert capsys.readouterr().out.strip() == str(combined)
    assert _front_matter(combined.read_text(encoding="utf-8"))["highlights"] == 2


def test_export_json_and_html_to_stdout(store: Path, article: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["export", str(article), "--store", str(store), "--format", "json", "-o", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    assert main(["export", str(article), "--store", str(store), "--format", "html", "-o", "-"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and "We will fix every pothole" in page
    assert "Gloss-Highlight-Tag2" in page  # the Evidence highlight, coloured by the Pygments style


def test_export_of_an_article_not_in_the_store(article: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["export", str(article), "-o", "-", "--include", "quotes,entities"]) == 0
    out = capsys.readouterr().out
    assert "No highlights yet." in out and "## Quotes by speaker" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--include", "gossip"], "unknown section 'gossip'"),
        (["--format", "json", "--template", "x.j2"], "--template applies to the Markdown format only"),
        (["--template", "missing.j2"], "cannot read template missing.j2"),
    ],
)
def test_export_errors_are_one_line(
    store: Path, article: Path, args: list[str], message: str, capsys: pytest.CaptureFixture
) -> None:
    assert main(["export", str(article), "--store", str(store), "-o", "-", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("gloss: ")


def test_bad_template_names_its_line(
    store: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    template = tmp_path / "t.md.j2"
    template.write_text(
        "# {{ article.title }}\n\n{% if highlights %}\n{{ oops( }}\n{% endif %}\n", encoding="utf-8"
    )
    assert main(["export", str(article), "--store", str(store), "--template", str(template)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"gloss: template {template}, line 4: ") and err.count("\n") == 1


def test_export_with_an_empty_store(capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "-o", "-"]) == 2
    assert "no highlights" in capsys.readouterr().err


def test_missing_source_exports_saved_passages(
    store: Path, article: Path, capsys: pytest.CaptureFixture
) -> None:
    article.unlink()
    assert main(["export", "--store", str(store), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert "We will fix every pothole by spring" in captured.out
    assert "warning" in captured.err


def test_stdin_articles_are_exported_from_saved_passages(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = tmp_path / "store"
    text = "Read from a pipe. The words stay in the store."
    with Store.open(folder) as opened:
        record = opened.register_article("-", text, title="Piped")
        opened.add(Annotation(record.key, Target.from_text(text, 0, 17), "Key point", "kept"))
    assert main(["export", "--store", str(folder), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert "> Read from a pipe." in captured.out and "kept" in captured.out
    assert "standard input" in captured.err


def test_whole_store_export_leaves_out_unannotated_articles(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Only Opened\n\nNever annotated, this one.\n", encoding="utf-8")
    with Store.open(store) as opened:
        opened.register_document(load(str(other)))
    assert main(["export", "--store", str(store), "-o", str(tmp_path / "out")]) == 0
    (path,) = capsys.readouterr().out.splitlines()
    assert "Only Opened" not in Path(path).read_text(encoding="utf-8")


def test_the_output_extension_picks_the_format(
    store: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    target = tmp_path / "notes.json"
    assert main(["export", str(article), "--store", str(store), "-o", str(target)]) == 0
    assert (
        target.is_file() and json.loads(target.read_text(encoding="utf-8"))["type"] == "AnnotationCollection"
    )
    capsys.readouterr()
    other = tmp_path / "other.json"
    assert main(["export", str(article), "--store", str(store), "-f", "md", "-o", str(other)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gloss: -o ") and "format is md" in err and err.count("\n") == 1
    assert not other.exists()


def test_a_moved_file_exports_its_highlights_from_its_new_place(
    store: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    moved = article.rename(tmp_path / "moved.txt")
    assert main(["export", str(moved), "--store", str(store), "-o", "-"]) == 0
    text = capsys.readouterr().out
    assert _front_matter(text)["highlights"] == 2 and _front_matter(text)["source"] == str(moved)
    assert "We will fix every pothole by spring" in text
