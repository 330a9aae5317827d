"""Wall time of the whole ``gloss print`` process (start-up included) on the seed and a book.

    python bench/print.py [--runs N]

Runs ``python main.py print FILE --color always`` with truecolor, output to /dev/null,
and prints the median wall and CPU time of N runs against the targets of issue 9 (seed
<= 0.3 s, War and Peace <= 3 s; wall time, which a busy machine inflates — the load
average is printed with the figures). The book is ``../shared/corpus/books/war-and-peace.txt``, skipped when
absent. A ``python -c pass`` run is measured as the interpreter's own start-up floor.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "reader" / "samples" / "filter-fentanyl-guns.txt"
BOOK = ROOT.parent / "shared" / "corpus" / "books" / "war-and-peace.txt"
TARGETS = {"seed": 0.3, "war-and-peace": 3.0}


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of ``command`` over ``runs`` runs.

    The CPU time is the figure to trust on a busy machine: other processes stretch the
    wall time but not the work the command itself does.
    """
    env = dict(os.environ, COLORTERM="truecolor", TERM="xterm-256color")
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode:
            sys.exit(f"{' '.join(command)} failed: {result.stderr.decode(errors='replace')}")
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    gloss = [sys.executable, str(ROOT / "main.py"), "print", "--color", "always", "--width", "80"]
    floor, floor_cpu = measure([sys.executable, "-c", "pass"], args.runs)
    print(
        f"python start-up           {floor:6.3f} s wall {floor_cpu:6.3f} s cpu  (load {os.getloadavg()[0]:.1f})"
    )
    inputs = {"seed": SEED, "war-and-peace": BOOK}
    for name, path in inputs.items():
        if not path.exists():
            print(f"{name:<20}  skipped ({path} is absent)")
            continue
        runs = args.runs if name == "seed" else max(1, min(args.runs, 3))
        seconds, cpu = measure([*gloss, str(path)], runs)
        target = TARGETS[name]
        verdict = "ok" if seconds <= target else "OVER"
        print(
            f"gloss print {name:<13} {seconds:6.3f} s wall {cpu:6.3f} s cpu  "
            f"(target {target} s wall, {seconds / target:4.0%} of it) {verdict}"
        )


if __name__ == "__main__":
    main()
