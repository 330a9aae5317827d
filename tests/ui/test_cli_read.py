"""``gloss [FILE]`` fails with one line before the TUI starts on bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_gloss(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python main.py ARGS`` without a terminal."""
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_missing_file_is_one_line_and_exit_2(tmp_path):
    result = run_gloss(str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr.startswith("gloss: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_unknown_theme_and_bad_width(tmp_path):
    result = run_gloss("--sample", "--theme", "no-such-theme")
    assert result.returncode == 2 and "unknown theme 'no-such-theme'" in result.stderr
    result = run_gloss("--sample", "--width", "3")
    assert result.returncode == 2 and "--width" in result.stderr
