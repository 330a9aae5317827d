"""SIGKILL a process that writes annotations, hundreds of times: nothing it confirmed is lost.

The writer is forked from the test process (so each round starts in milliseconds), opens
the store, and loops: add an annotation, then print its id; now and then update one,
remove one (printing ``~id`` before and ``-id`` after the removal) or move the reading position.
The parent kills it after a random 5–60 ms of writing, then opens the store afresh and
checks that it loads and holds every confirmed annotation and none confirmed removed.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
from pathlib import Path

import pytest

from annotations.model import Annotation, Target
from annotations.store import Store

ROUNDS = 200
ARTICLES = 12
TEXT = " ".join(f"Sentence number {n} says something worth keeping." for n in range(200))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def _writer(path: Path, keys: list[str], out: int, seed: int) -> None:
    """The child: write forever, reporting each write after it returned."""
    rng = random.Random(seed)
    store = Store.open(path)
    os.write(out, b"ready\n")
    mine: list[Annotation] = []
    while True:
        key = rng.choice(keys)
        start = rng.randrange(0, len(TEXT) - 40)
        note = store.add(Annotation(key, Target.from_text(TEXT, start, start + rng.randint(5, 40))))
        os.write(out, f"+{note.id}\n".encode())
        mine.append(note)
        roll = rng.random()
        if roll < 0.1 and mine:
            gone = mine.pop(rng.randrange(len(mine)))
            os.write(out, f"~{gone.id}\n".encode())  # from here its presence is uncertain
            store.remove(gone.id, gone.article)
            os.write(out, f"-{gone.id}\n".encode())
        elif roll < 0.2 and mine:
            victim = rng.choice(mine)
            store.update(victim.edited(note=f"edited {rng.random()}"))
        elif roll < 0.3:
            store.set_position(key, start)


def _run_round(path: Path, keys: list[str], rng: random.Random) -> list[str]:
    """Fork a writer, kill it mid-flight, return the lines it reported."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_end)
        try:
            _writer(path, keys, write_end, rng.randrange(1 << 30))
        finally:
            os._exit(0)
    os.close(write_end)
    buffer = b""
    deadline = time.monotonic() + 10
    while b"ready\n" not in buffer and time.monotonic() < deadline:
        ready, _, _ = select.select([read_end], [], [], 1)
        if ready:
            buffer += os.read(read_end, 65536)
    time.sleep(rng.uniform(0.005, 0.060))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_end, 65536):
        buffer += chunk
    os.close(read_end)
    lines = buffer.decode().splitlines()
    # a line cut short by the kill was not a confirmed write
    return [line for line in lines[1:] if len(line) == 37]


def test_killed_writer_never_loses_confirmed_annotations(tmp_path: Path) -> None:
    rng = random.Random(20261128)
    with Store.open(tmp_path) as store:
        keys = [store.register_article(f"/nowhere/{n}.txt", TEXT).key for n in range(ARTICLES)]
    kept: set[str] = set()
    removed: set[str] = set()
    uncertain: set[str] = set()
    writes = mid_write_kills = 0
    for _ in range(ROUNDS):
        for line in _run_round(tmp_path, keys, rng):
            writes += 1
            {"+": kept, "-": removed, "~": uncertain}[line[0]].add(line[1:])
        # a temp file left behind means the kill landed in the middle of a save
        mid_write_kills += bool(list(tmp_path.rglob(".*.tmp")))
        with Store.open(tmp_path) as fresh:  # loads: nothing corrupt, nothing half-written
            stored = {note.id for note in fresh.all_annotations()}
            assert len(fresh.articles()) == ARTICLES
        missing = kept - removed - uncertain - stored
        assert not missing, f"{len(missing)} confirmed annotations lost"
        assert not (removed & stored), "a confirmed removal came back"
    assert writes > ROUNDS  # the writer really wrote between kills
    assert mid_write_kills > 0  # and some kills interrupted a save
    assert not list(tmp_path.rglob(".*.tmp"))  # opening the store cleared the leftovers
