"""End to end in a real terminal: launch gloss in tmux, page down, quit with q."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def tmux(*args: str) -> subprocess.CompletedProcess[str]:
    """Run one tmux command."""
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False)


def capture(session: str) -> str:
    """The visible text of the session's pane."""
    return tmux("capture-pane", "-p", "-t", session).stdout


def wait_for(predicate, deadline: float = 15.0) -> bool:
    """Poll ``predicate`` until it is true or the deadline passes."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def session_alive(session: str) -> bool:
    """True while the tmux session exists."""
    return tmux("has-session", "-t", session).returncode == 0


def environment() -> str:
    """``KEY=value`` words passing the test's isolated store, config and cache to gloss."""
    keys = ("GLOSS_STORE", "GLOSS_CONFIG", "GLOSS_CACHE", "XDG_DATA_HOME", "XDG_CONFIG_HOME")
    return " ".join(f"{key}={os.environ[key]}" for key in keys if key in os.environ)


def launch(name: str, arguments: object) -> None:
    """Start ``python main.py ARGUMENTS`` in a detached 100x32 tmux session ``name``."""
    command = f"cd {ROOT} && env {environment()} TEXTUAL_ANIMATIONS=none {sys.executable} main.py {arguments}"
    result = tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "32", command)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def session():
    """A detached 100x32 tmux session running ``python main.py --sample``."""
    name = f"gloss-e2e-{uuid.uuid4().hex[:8]}"
    launch(name, "--sample")
    yield name
    if session_alive(name):
        tmux("kill-session", "-t", name)


def test_launch_page_and_quit(session):
    title = "US and Mexico Plan Joint Crackdown on Fentanyl"
    assert wait_for(lambda: title in capture(session)), capture(session)
    first = capture(session)
    tmux("send-keys", "-t", session, "PageDown")
    assert wait_for(lambda: capture(session) != first and title not in capture(session)), capture(session)
    assert "%" in capture(session)  # the status line shows the reading position
    tmux("send-keys", "-t", session, "q")
    assert wait_for(lambda: not session_alive(session)), "gloss did not quit on q"
