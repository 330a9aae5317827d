"""Key to frame in the reading view, and peak memory, on War and Peace.

    python bench/view.py [FILE] [--presses N] [--size 100x32]

Method: the real app (``make_app``, real ingest, real analysis) runs headless at the
given size. For each key, the time starts when the key event is handed to the app
(``App.simulate_key``) and stops when the next frame reaches ``App._display`` with
its terminal output generated (``CompositorUpdate.render_segments``, the work a real
terminal frame costs): binding dispatch, the action, the Line-API ``render_line``
calls for every changed line, the compositor and the screen's 60 fps update timer
are all inside the interval. Keys: page down (space), page up, cursor down (j),
word (w), sentence ()), quote (]). Medians and 95th percentiles are printed against
the issue's 20 ms target. Peak RSS (``ru_maxrss``) of this process is printed after
opening the book, and after the analysis and paging (the whole session).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BOOK = ROOT.parent / "shared" / "corpus" / "books" / "war-and-peace.txt"
KEYS = ("space", "j", "w", "right_parenthesis", "right_square_bracket", "pageup")
TARGET_MS = 20.0
RSS_TARGET_MB = 150.0


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def measure(path: Path, presses: int, size: tuple[int, int]) -> None:
    """Open ``path`` headless and time each key to its frame."""
    from bench._frames import record_frames, report, time_key
    from reader.ingest import load
    from reader.ui.app import make_app

    started = time.perf_counter()
    app = make_app(load(str(path)))
    frames = record_frames(app)
    async with app.run_test(size=size) as pilot:
        while not frames:
            await asyncio.sleep(0.001)
        print(f"open (load + first frame, headless): {frames[0] - started:.3f} s")
        print(f"peak RSS with the book open: {peak_rss_mb():.0f} MB")
        await app.screen.wait_until_analysed()
        await pilot.pause()
        analysis = app.screen.article.analysis
        mentions = sum(len(e.mentions) for e in analysis.entities)
        print(
            f"analysis shown: {len(analysis.quotes)} quotes, {len(analysis.entities)} entities, {mentions} mentions"
        )
        results: dict[str, list[float]] = {key: [] for key in KEYS}
        for _ in range(presses):
            for key in KEYS:
                elapsed = await time_key(app, pilot, frames, key, settle=0.02, timeout=1.0)
                if elapsed is not None:
                    results[key].append(elapsed)
        report(results, target_ms=TARGET_MS, width=22, total="all keys")
    print(
        f"peak RSS of the session (book open, analysed, paged): {peak_rss_mb():.0f} MB (target ≤ {RSS_TARGET_MB:.0f})"
    )


def main() -> int:
    # a throw-away store and config: the benchmark must not touch the user's data
    scratch = tempfile.mkdtemp(prefix="gloss-bench-")
    for name, leaf in (("GLOSS_STORE", "store"), ("GLOSS_CONFIG", "config.toml"), ("GLOSS_CACHE", "cache")):
        os.environ[name] = os.path.join(scratch, leaf)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=BOOK)
    parser.add_argument("--presses", type=int, default=20, help="presses of each key")
    parser.add_argument("--size", default="100x32", help="terminal size, WxH")
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"view bench: {args.file} not found (needs ../shared/corpus)", file=sys.stderr)
        return 2
    width, height = (int(n) for n in args.size.lower().split("x"))
    print(f"{args.file.name}: {args.file.stat().st_size / 1e6:.1f} MB, {width}x{height}")
    asyncio.run(measure(args.file, args.presses, (width, height)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
