"""Launch to article visible in a real terminal (tmux), against a bare Textual app.

    python bench/launch.py [--runs N]

For each case a detached 100x32 tmux session starts ``python main.py FILE`` and
``tmux capture-pane`` is polled (every few ms) until a known line of the article is on
screen; the time from ``new-session`` to that moment is the launch time. The baseline,
measured the same way in the same run, is a bare Textual app showing the seed in a
``Static`` (the cost of Python + Textual + one screen of text). Medians of N runs are
printed with the issue's targets (seed ≤ 0.5 s, War and Peace ≤ 1.0 s, seed / bare
≤ 1.5). gloss runs with a fresh temporary store and config (``GLOSS_STORE`` …), so no
reading position is restored and the user's data is never touched. For War and Peace the peak RSS of the gloss process (``VmHWM``) is read once
the analysis has finished (target ≤ 150 MB).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "reader" / "samples" / "filter-fentanyl-guns.txt"
BOOK = ROOT.parent / "shared" / "corpus" / "books" / "war-and-peace.txt"
SIZE = ("100", "32")

BARE_APP = """
import sys
from textual.app import App
from textual.containers import VerticalScroll
from textual.widgets import Static

TEXT = open(sys.argv[1], encoding="utf-8").read()

class Bare(App):
    def compose(self):
        yield VerticalScroll(Static(TEXT, markup=False))

Bare().run()
"""


def tmux(*args: str) -> str:
    """Run tmux; return its stdout."""
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def first_line(path: Path) -> str:
    """A line gloss shows on its first screen: the start of the first block."""
    from reader.ingest import load

    document = load(str(path))
    first = document.blocks[0]
    return " ".join(document.text[first.start : first.end].split())[:40]


def launch(command: str, marker: str, *, keep: bool = False, timeout: float = 20.0) -> tuple[float, str]:
    """Seconds from ``new-session`` until ``marker`` is visible; the session name."""
    name = f"gloss-bench-{uuid.uuid4().hex[:8]}"
    started = time.perf_counter()
    tmux("new-session", "-d", "-s", name, "-x", SIZE[0], "-y", SIZE[1], command)
    elapsed = float("nan")
    while time.perf_counter() - started < timeout:
        if marker in tmux("capture-pane", "-p", "-t", name):
            elapsed = time.perf_counter() - started
            break
        time.sleep(0.002)
    if not keep:
        tmux("kill-session", "-t", name)
    return elapsed, name


def peak_rss_mb(session: str, timeout: float = 60.0) -> float | None:
    """``VmHWM`` of the process in the session's pane once its analysis has finished."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and "analysing" in tmux("capture-pane", "-p", "-t", session):
        time.sleep(0.1)
    time.sleep(0.5)
    pid = tmux("list-panes", "-t", session, "-F", "#{pane_pid}").strip()
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def interleaved(commands: dict[str, tuple[str, str]], runs: int) -> dict[str, float]:
    """Median launch time per case; the cases alternate run by run so that the load of
    a shared machine falls on all of them alike (one warm-up round first)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_index in range(runs + 1):
        for name, (command, marker) in commands.items():
            elapsed = launch(command, marker)[0]
            if round_index:
                times[name].append(elapsed)
    return {name: statistics.median(values) for name, values in times.items()}


def compile_sources() -> None:
    """Byte-compile gloss's modules, as an installed package has them.

    pip writes ``__pycache__`` when it installs Textual (the baseline's only code), but an
    editable checkout run with PYTHONDONTWRITEBYTECODE set would compile gloss's ~60
    modules from source on every launch (~26 ms here): compiling once first keeps the
    comparison like for like. The .pyc files are git-ignored.
    """
    import compileall

    for package in ("reader", "annotations", "styles"):
        compileall.compile_dir(ROOT / package, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("launch bench: tmux is not installed", file=sys.stderr)
        return 2
    python = sys.executable
    compile_sources()
    with tempfile.TemporaryDirectory() as tmp:
        # a fresh store and config: no remembered reading position, the user's data untouched
        env = (
            f"TEXTUAL_ANIMATIONS=none GLOSS_STORE={tmp}/store GLOSS_CONFIG={tmp}/config.toml "
            f"GLOSS_CACHE={tmp}/cache"
        )
        bare = Path(tmp) / "bare_static.py"
        bare.write_text(BARE_APP)
        seed_marker = first_line(SEED)
        cases = {
            "bare": (f"exec env {env} {python} {bare} {SEED}", seed_marker),
            "seed": (f"cd {ROOT} && exec env {env} {python} main.py {SEED}", seed_marker),
        }
        if BOOK.is_file():
            cases["book"] = (f"cd {ROOT} && exec env {env} {python} main.py {BOOK}", first_line(BOOK))
        medians = interleaved(cases, args.runs)
        print(f"runs per case: {args.runs} (median, cases interleaved), terminal {SIZE[0]}x{SIZE[1]}")
        print(f"bare Textual Static, seed: {medians['bare']:.3f} s")
        print(f"gloss, seed:               {medians['seed']:.3f} s   target ≤ 0.5 s")
        print(f"ratio gloss / bare:        {medians['seed'] / medians['bare']:.2f}     target ≤ 1.5")
        if "book" in medians:
            print(f"gloss, War and Peace:      {medians['book']:.3f} s   target ≤ 1.0 s")
            _, session = launch(*cases["book"], keep=True)
            rss = peak_rss_mb(session)
            tmux("kill-session", "-t", session)
            if rss is not None:
                print(f"peak RSS, War and Peace open and analysed: {rss:.0f} MB   target ≤ 150 MB")
        else:
            print("War and Peace: skipped (../shared/corpus/books is absent)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
