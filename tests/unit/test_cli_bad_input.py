"""``gloss analyze`` on bad input: exit status 2, one line on stderr, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import reader.ingest.source as source_module
from reader.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent


def _analyze(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("GLOSS_DEBUG", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "analyze", *args, "--json"],
        input=stdin.decode("latin-1") if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
    )


def _assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("gloss: ")
    assert fragment in lines[0]
    assert result.stdout == ""


def _file(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_missing_file(tmp_path: Path) -> None:
    _assert_one_line_error(_analyze(str(tmp_path / "missing.txt")), "no such file")


def test_directory(tmp_path: Path) -> None:
    _assert_one_line_error(_analyze(str(tmp_path)), "is a directory")


def test_empty_file(tmp_path: Path) -> None:
    _assert_one_line_error(_analyze(_file(tmp_path, "empty.txt", b"")), "is empty")


def test_whitespace_only_file(tmp_path: Path) -> None:
    _assert_one_line_error(_analyze(_file(tmp_path, "blank.txt", b" \n\n\t\n")), "only blank space")


def test_binary_file(tmp_path: Path) -> None:
    data = b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 40
    _assert_one_line_error(_analyze(_file(tmp_path, "program", data)), "looks like a binary file")


def test_invalid_encoding(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbfThe BOM says UTF-8 but \xff\xfe\xc3\x28 is not."
    _assert_one_line_error(_analyze(_file(tmp_path, "bad.txt", data)), "invalid utf-8")


def test_undecodable_bytes(tmp_path: Path) -> None:
    noise = bytes((i * 7919 + 13) % 128 + 128 for i in range(3000))
    _assert_one_line_error(_analyze(_file(tmp_path, "noise.txt", noise)), "cannot decode the text")


def test_200_megabyte_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: nothing is written
    _assert_one_line_error(_analyze(str(path)), "too large to read (200.0 MB; the limit is 64 MB)")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads chmod 000 files")
def test_permission_denied(tmp_path: Path) -> None:
    path = Path(_file(tmp_path, "secret.txt", b"words"))
    path.chmod(0)
    try:
        _assert_one_line_error(_analyze(str(path)), "permission denied")
    finally:
        path.chmod(0o600)


def test_permission_denied_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The same path through the real CLI, with the refusal simulated so it works as root too.
    path = _file(tmp_path, "secret.txt", b"words")

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(source_module, "open", refuse, raising=False)
    assert main(["analyze", path, "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"gloss: {path}: permission denied\n"
    assert captured.out == ""


def test_one_megabyte_single_line_is_read(tmp_path: Path) -> None:
    line = "Words on one very long line, without a single break. " * 20_000
    result = _analyze(_file(tmp_path, "line.txt", line.encode()))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    doc = json.loads(result.stdout)
    assert doc["text"] == line.strip()


def test_terminal_escapes_and_markup_are_inert(tmp_path: Path) -> None:
    data = (
        "Title\n\nA \x1b[31mred\x1b[0m word, [bold]markup[/bold], \u202eevil\u202c and a NUL\x00.\n".encode()
    )
    result = _analyze(_file(tmp_path, "esc.txt", data))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    text = json.loads(result.stdout)["text"]
    assert "␛[31mred␛[0m" in text
    assert "[bold]markup[/bold]" in text
    assert "\u202e" not in text and "\x00" not in text


def test_empty_stdin() -> None:
    _assert_one_line_error(_analyze("-", stdin=b""), "<stdin>: is empty")
