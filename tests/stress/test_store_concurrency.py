"""Two processes (and two threads) adding annotations to one store at once lose nothing."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from annotations.model import Annotation, Target
from annotations.store import Store

TEXT = "A shared article that two writers annotate at the same time. " * 20
PER_WRITER = 300

WRITER = f"""
import sys, time
from pathlib import Path
from annotations.model import Annotation, Target
from annotations.store import Store

store_path, key, go, count = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
text = {TEXT!r}
store = Store.open(store_path)
Path(str(go) + "." + sys.argv[5]).touch()  # ready
while not go.exists():
    time.sleep(0.001)
for n in range(count):
    start = n % (len(text) - 10)
    store.add(Annotation(key, Target.from_text(text, start, start + 10), note=f"{{sys.argv[5]}} {{n}}"))
    if n % 50 == 0:
        store.set_position(key, n)
print("done", flush=True)
"""


def test_two_processes_adding_300_each_keep_all_600(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        key = store.register_article("/nowhere/shared.txt", TEXT).key
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), key, str(go), str(PER_WRITER), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("one", "two")
    ]
    deadline = time.monotonic() + 60
    while not all(Path(f"{go}.{name}").exists() for name in ("one", "two")):
        assert time.monotonic() < deadline, "the writers did not start"
        time.sleep(0.01)
    go.touch()  # both are waiting: start them together
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.strip() == "done"
    with Store.open(tmp_path) as store:
        notes = store.annotations(key)
    assert len(notes) == 2 * PER_WRITER
    assert len({note.id for note in notes}) == 2 * PER_WRITER
    for name in ("one", "two"):
        assert sorted(int(n.note.split()[1]) for n in notes if n.note.startswith(name)) == list(
            range(PER_WRITER)
        )


def test_two_threads_sharing_a_store_keep_everything(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    key = store.register_article("/nowhere/shared.txt", TEXT).key
    other = Store.open(tmp_path)  # a second instance, as a second window would have

    def write(target: Store, tag: str) -> None:
        for n in range(60):
            target.add(Annotation(key, Target.from_text(TEXT, n, n + 5), note=tag))

    threads = [
        threading.Thread(target=write, args=(store, "a")),
        threading.Thread(target=write, args=(store, "b")),
        threading.Thread(target=write, args=(other, "c")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(Store.open(tmp_path).annotations(key)) == 180
    assert len(store.annotations(key)) == len(other.annotations(key)) == 180
