"""End to end in tmux: tag a sentence with 2, add a note, quit, check the store, reopen
(from the file, then from the library gloss shows when started without one).

The store and config live in temp folders (``GLOSS_STORE``/``GLOSS_CONFIG`` from the
autouse fixture), so the real home is never touched.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import uuid

import pytest

from tests.e2e.test_tmux import ROOT, capture, launch, session_alive, tmux, wait_for

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
SEED = ROOT / "reader" / "samples" / "filter-fentanyl-guns.txt"
SENTENCE = "It’s a classic"
NOTE = "Check the NBC source"
SGR_BACKGROUND = re.compile(r"48;[25];[0-9;]+?m|48;5;[0-9]+")


def keys(name: str, *sent: str) -> None:
    for key in sent:
        tmux("send-keys", "-t", name, key)


def stored() -> list[dict]:
    result = subprocess.run(
        [sys.executable, "main.py", "annotations", "--json"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def line_with(name: str, words: str) -> str:
    """The coloured pane line holding ``words`` (escape codes kept)."""
    colour = tmux("capture-pane", "-p", "-e", "-t", name).stdout
    return next((line for line in colour.splitlines() if words in re.sub(r"\x1b\[[0-9;]*m", "", line)), "")


@pytest.fixture
def names():
    made: list[str] = []

    def make() -> str:
        made.append(f"gloss-annotate-{uuid.uuid4().hex[:8]}")
        return made[-1]

    yield make
    for name in made:
        if session_alive(name):
            tmux("kill-session", "-t", name)


def test_tag_note_quit_and_reopen(names):
    first = names()
    launch(first, SEED)
    title = "US and Mexico Plan Joint Crackdown on Fentanyl"
    assert wait_for(lambda: title in capture(first)), capture(first)
    plain_line = line_with(first, SENTENCE)
    # the first paragraph, its second sentence; tag it Evidence
    keys(first, "}", ")")
    assert wait_for(lambda: "Paragraph" in capture(first))
    keys(first, "2")
    assert wait_for(lambda: "Evidence" in capture(first)), capture(first)
    keys(first, "a")
    assert wait_for(lambda: "ctrl+s save" in capture(first)), capture(first)
    tmux("send-keys", "-t", first, "-l", NOTE)
    assert wait_for(lambda: NOTE in capture(first)), capture(first)
    keys(first, "C-s")
    assert wait_for(lambda: f"✎ {NOTE}" in capture(first)), capture(first)
    keys(first, "q")
    assert wait_for(lambda: not session_alive(first)), "gloss did not quit"

    [annotation] = stored()
    assert annotation["tag"] == "Evidence" and annotation["note"] == NOTE
    assert annotation["exact"].startswith(SENTENCE) and annotation["status"] == "ok"

    second = names()
    launch(second, SEED)
    # the reading position comes back onto the highlight: the status line names it
    assert wait_for(lambda: f"Evidence ✎ {NOTE}" in capture(second)), capture(second)
    highlighted = line_with(second, SENTENCE)
    assert highlighted != plain_line
    # the background in force under the sentence's words is not the page's (the
    # cursor may sit on its first word, so look a little further in)
    before_words = highlighted.split("a classic")[0]
    backgrounds = SGR_BACKGROUND.findall(before_words)
    assert backgrounds and backgrounds[-1] != backgrounds[0], repr(highlighted)
    keys(second, "q")
    assert wait_for(lambda: not session_alive(second))

    # without a FILE, gloss opens the library; Enter reads the article again
    third = names()
    launch(third, "")
    assert wait_for(lambda: "Library" in capture(third) and "Highlights" in capture(third)), capture(third)
    assert wait_for(lambda: "US and Mexico Plan" in capture(third)), capture(third)
    keys(third, "Enter")
    assert wait_for(lambda: f"Evidence ✎ {NOTE}" in capture(third)), capture(third)
    keys(third, "q")
    assert wait_for(lambda: not session_alive(third))
