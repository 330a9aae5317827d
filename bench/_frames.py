"""Key-to-frame timing shared by the headless benchmarks (``view.py``, ``tagging.py``).

A frame counts when it reaches ``App._display`` with its terminal output generated
(``CompositorUpdate.render_segments``, the work a real terminal frame costs).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any


def record_frames(app: Any) -> list[float]:
    """Hook ``app._display``: the returned list gets the time of every frame drawn."""
    from textual._compositor import CompositorUpdate

    frames: list[float] = []
    original = app._display

    def display(screen, renderable) -> None:
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)  # what a real terminal frame costs
            frames.append(time.perf_counter())
        original(screen, renderable)

    app._display = display
    return frames


async def time_key(
    app: Any, pilot: Any, frames: list[float], key: str, *, settle: float, timeout: float
) -> float | None:
    """Milliseconds from handing ``key`` to the app (after ``settle`` s of quiet) to the
    next frame; None when no frame came within ``timeout`` seconds."""
    await pilot.pause(settle)
    count = len(frames)
    start = time.perf_counter()
    app.simulate_key(key)
    deadline = start + timeout
    while len(frames) == count and time.perf_counter() < deadline:
        await asyncio.sleep(0)
    return (frames[count] - start) * 1000 if len(frames) > count else None


def report(results: dict[str, list[float]], *, target_ms: float, width: int, total: str) -> None:
    """Median and p95 per key, and over all keys against ``target_ms``."""
    print(f"{'key':<{width}}{'n':>4}{'median ms':>11}{'p95 ms':>9}")
    everything: list[float] = []
    for key, values in results.items():
        if not values:
            print(f"{key:<{width}}   0   (no frame)")
            continue
        everything += values
        values.sort()
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        print(f"{key:<{width}}{len(values):>4}{statistics.median(values):>11.1f}{p95:>9.1f}")
    if everything:
        median = statistics.median(everything)
        verdict = "ok" if median <= target_ms else "OVER"
        print(f"{total:<{width}}{len(everything):>4}{median:>11.1f}   target ≤ {target_ms:.0f} ms: {verdict}")
