"""The store commands: ``gloss annotate``, ``gloss annotations`` and ``gloss tags``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

ARTICLE = (
    "A Title\n\nThe minister said the vote would pass. Critics said the vote would fail.\n\n"
    "Nobody expected the vote to be this close."
)


@pytest.fixture(autouse=True)
def _elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run away from the repository root, whose ``annotations/`` folder the CLI would take
    for a FILE argument (``gloss annotations`` there opens the reader on the folder)."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def article(tmp_path: Path) -> str:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return str(path)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict]:
    code, out, err = _run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def _one_line_error(code: int, err: str, fragment: str) -> None:
    assert code == 2
    assert err.startswith("gloss: ") and err.count("\n") == 1 and fragment in err
    assert "Traceback" not in err


def test_annotate_then_list(capsys: pytest.CaptureFixture[str], article: str) -> None:
    code, out, _ = _run(
        capsys,
        "annotate",
        article,
        "--quote",
        "the vote",
        "--occurrence",
        "2",
        "--tag",
        "question",
        "--note",
        "why *fail*?",
    )
    assert code == 0
    new_id = out.split()[0]
    rows = _json(capsys, "annotations", article)
    assert len(rows) == 1
    row = rows[0]
    assert row["id"] == new_id and row["tag"] == "Question" and row["note"] == "why *fail*?"
    assert row["status"] == "ok" and row["exact"] == "the vote"
    assert row["source"] == article
    text = Path(article).read_text()
    assert row["start"] == text.index("the vote", text.index("the vote") + 1)
    assert row["end"] == row["start"] + len("the vote")
    assert set(row) >= {"id", "article", "source", "exact", "tag", "note", "status", "start", "end"}


def test_annotations_lists_every_article_without_file(
    capsys: pytest.CaptureFixture[str], article: str, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Another article with a phrase.", encoding="utf-8")
    _run(capsys, "annotate", article, "--quote", "Critics")
    _run(capsys, "annotate", str(other), "--quote", "a phrase")
    rows = _json(capsys, "annotations")
    assert sorted(r["exact"] for r in rows) == ["Critics", "a phrase"]
    code, out, _ = _run(capsys, "annotations")
    assert code == 0 and "“Critics”" in out and "“a phrase”" in out


def test_quote_with_different_whitespace_is_found(capsys: pytest.CaptureFixture[str], article: str) -> None:
    code, _, err = _run(capsys, "annotate", article, "--quote", "the   vote\nwould pass")
    assert code == 0, err
    assert _json(capsys, "annotations", article)[0]["exact"] == "the vote would pass"


def test_edited_file_is_reanchored_when_listed(capsys: pytest.CaptureFixture[str], article: str) -> None:
    _run(capsys, "annotate", article, "--quote", "Nobody expected the vote to be this close")
    Path(article).write_text(
        ARTICLE.replace("A Title\n\n", "A Title\n\nA new first paragraph.\n\n"), encoding="utf-8"
    )
    row = _json(capsys, "annotations", article)[0]
    text = Path(article).read_text()
    assert text[row["start"] : row["end"]] == "Nobody expected the vote to be this close"


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--quote", "not in the text"], "quote not found"),
        (["--quote", "the vote", "--occurrence", "9"], "occurs 3 time(s)"),
        (["--quote", "the vote", "--tag", "Nope"], "unknown tag 'Nope'"),
        (["--quote", "  "], "cannot be empty"),
    ],
)
def test_annotate_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], article: str, argv: list[str], fragment: str
) -> None:
    code, _, err = _run(capsys, "annotate", article, *argv)
    _one_line_error(code, err, fragment)


def test_annotate_missing_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, "annotate", str(tmp_path / "missing.txt"), "--quote", "x")
    _one_line_error(code, err, "missing.txt")


def test_store_option_and_env_choose_the_store(
    capsys: pytest.CaptureFixture[str], article: str, tmp_path: Path
) -> None:
    chosen = tmp_path / "chosen"
    _run(capsys, "annotate", article, "--quote", "Critics", "--store", str(chosen))
    assert (chosen / "index.json").exists()
    assert _json(capsys, "annotations", "--store", str(chosen))
    assert _json(capsys, "annotations") == []  # the default ($GLOSS_STORE) store is another one


def test_tags_list_and_edit(capsys: pytest.CaptureFixture[str], article: str) -> None:
    tags = _json(capsys, "tags")
    assert [t["name"] for t in tags] == ["Key point", "Evidence", "Question", "Disagree", "Follow up"]
    assert _run(capsys, "tags", "add", "Method", "--key", "6", "--colour", "#56B6C2")[0] == 0
    _run(capsys, "annotate", article, "--quote", "Critics", "--tag", "Method")
    assert _run(capsys, "tags", "rename", "Method", "Approach")[0] == 0
    assert _run(capsys, "tags", "recolour", "Approach", "#abc")[0] == 0
    assert _run(capsys, "tags", "rekey", "Approach", "7")[0] == 0
    approach = next(t for t in _json(capsys, "tags") if t["name"] == "Approach")
    assert approach == {"name": "Approach", "key": "7", "colour": "#aabbcc", "count": 1}
    assert _json(capsys, "annotations", article)[0]["tag"] == "Approach"
    code, _, err = _run(capsys, "tags", "delete", "Approach")
    _one_line_error(code, err, "used by 1")
    code, out, _ = _run(capsys, "tags", "delete", "approach", "--reassign", "evidence")
    assert code == 0 and out == "deleted tag Approach; its highlights are now Evidence\n"
    assert _json(capsys, "annotations", article)[0]["tag"] == "Evidence"
    assert "Approach" not in [t["name"] for t in _json(capsys, "tags")]


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["add", "Evidence"], "already exists"),
        (["add", "New", "--key", "1"], "key 1 is already used"),
        (["add", "New", "--colour", "blue"], "not a hex colour"),
        (["rename", "Nope", "Other"], "unknown tag"),
        (["rekey", "Evidence", "x"], "not one of"),
        (["delete", "Evidence", "--reassign", "Nope"], "unknown tag"),
    ],
)
def test_tags_errors_are_one_line(capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str) -> None:
    code, _, err = _run(capsys, "tags", *argv)
    _one_line_error(code, err, fragment)


def test_corrupt_store_is_a_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    store = tmp_path / "broken"
    store.mkdir()
    (store / "index.json").write_text('{"tags": {"1": ', encoding="utf-8")
    code, _, err = _run(capsys, "tags", "--store", str(store))
    _one_line_error(code, err, "cannot be read")
    assert (store / "index.json").read_text() == '{"tags": {"1": '


def test_control_characters_in_notes_are_shown_inert(
    capsys: pytest.CaptureFixture[str], article: str
) -> None:
    _run(capsys, "annotate", article, "--quote", "Critics", "--note", "\x1b[31mred\x1b[0m")
    code, out, _ = _run(capsys, "annotations", article)
    assert code == 0 and "\x1b" not in out and "\\x1b" in out


def test_highlights_of_a_deleted_file_are_still_listed(
    capsys: pytest.CaptureFixture[str], article: str
) -> None:
    assert _run(capsys, "annotate", article, "--quote", "Critics said", "--note", "kept")[0] == 0
    Path(article).unlink()
    (row,) = _json(capsys, "annotations", article)
    assert row["exact"] == "Critics said" and row["note"] == "kept"
    code, _, err = _run(capsys, "annotations", str(Path(article).with_name("never-seen.txt")))
    _one_line_error(code, err, "no such file")


def test_annotate_json_prints_the_row_annotations_json_lists(
    capsys: pytest.CaptureFixture[str], article: str
) -> None:
    code, out, _ = _run(capsys, "annotate", article, "--quote", "Critics said", "--tag", "Evidence", "--json")
    assert code == 0
    (listed,) = _json(capsys, "annotations", article)
    assert json.loads(out) == listed and listed["exact"] == "Critics said"


def test_highlights_follow_a_moved_file(capsys: pytest.CaptureFixture[str], article: str) -> None:
    assert _run(capsys, "annotate", article, "--quote", "Critics said")[0] == 0
    moved = Path(article).with_name("renamed.txt")
    Path(article).rename(moved)
    (row,) = _json(capsys, "annotations", str(moved))
    assert row["exact"] == "Critics said" and row["source"] == str(moved)
    other = Path(article).with_name("unrelated.txt")
    other.write_text("Another Title\n\nNothing to see here at all.", encoding="utf-8")
    assert _json(capsys, "annotations", str(other)) == []
