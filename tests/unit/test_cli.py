"""The command line front door: help, version, dispatch and one-line usage errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__

ROOT = Path(__file__).resolve().parents[2]


def gloss(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python main.py ARGS`` and capture its output."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_version() -> None:
    result = gloss("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"gloss {__version__}"


def test_help_lists_every_command() -> None:
    result = gloss("--help")
    assert result.returncode == 0
    for command in ("analyze", "print", "annotate", "annotations", "tags", "export", "import", "refresh"):
        assert f"  {command} " in result.stdout


@pytest.mark.parametrize(
    "args",
    [("analyze",), ("tags", "frob"), ("--width", "x"), ("export", "--format", "pdf"), ("--no-such-flag",)],
)
def test_usage_errors_are_one_line_with_status_2(args: tuple[str, ...]) -> None:
    result = gloss(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "error:" in lines[0] and "--help" in lines[0]
    assert "Traceback" not in result.stderr


def test_a_command_name_wins_over_a_folder_of_that_name(tmp_path: Path) -> None:
    (tmp_path / "annotations").mkdir()
    result = gloss("annotations", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("args", [("annotations",), ("tags",), ("export",)])
def test_reading_commands_report_a_mistyped_store_instead_of_creating_it(tmp_path: Path, args: tuple) -> None:
    missing = tmp_path / "no-such-store"
    result = gloss(*args, "--store", str(missing), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"gloss: no gloss store at {missing}"
    assert not missing.exists()


def test_an_empty_store_path_is_an_error(tmp_path: Path) -> None:
    result = gloss("annotations", "--store", "", cwd=tmp_path)
    assert result.returncode == 2
    assert "--store needs a folder path" in result.stderr


def test_annotate_creates_a_new_store_where_asked(tmp_path: Path, seed_path: Path) -> None:
    store = tmp_path / "new-store"
    result = gloss(
        "annotate", str(seed_path), "--quote", "scratch my back", "--store", str(store), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    listed = gloss("annotations", "--json", "--store", str(store), cwd=tmp_path)
    assert '"exact": "scratch my back"' in listed.stdout


def test_annotating_the_same_passage_twice_keeps_one_highlight(tmp_path: Path, seed_path: Path) -> None:
    store = str(tmp_path / "store")
    args = ("annotate", str(seed_path), "--quote", "scratch my back", "--tag", "Evidence", "--store", store)
    first, second = gloss(*args, cwd=tmp_path), gloss(*args, cwd=tmp_path)
    assert first.returncode == second.returncode == 0
    assert first.stdout.splitlines()[0] == second.stdout.splitlines()[0]  # the same id
    other_tag = gloss(*args[:-3], "Question", "--store", store, cwd=tmp_path)
    assert other_tag.stdout.splitlines()[0] != first.stdout.splitlines()[0]
    listed = gloss("annotations", "--json", "--store", store, cwd=tmp_path)
    assert listed.stdout.count('"exact": "scratch my back"') == 2
