"""Benchmark the annotation store: save latency as the library grows, and loading one article.

Usage: ``python bench/store.py [--saves N] [--sizes 100,10000,100000]``

For each size, a store with that many annotations spread over 1,000 articles is built in
bulk (each file written once through ``AtomicJSONStorage``), then ``Store.add`` is timed
on random articles, the sizes taking turns: *warm* (the article already read, as in the
reading view) and *cold* (a fresh ``Store``, so the article's file is parsed first).  Loading one
article's annotations is timed with a fresh ``Store`` per load.  "floor" is the disk's
own cost of one durable atomic write of 100 bytes (two fsyncs and a rename), measured
in the same run: a save cannot be cheaper than that.  Prints p50/p95 in ms
and the ratio p95(largest)/p95(smallest).  Targets: p95 ≤ 20 ms everywhere, ratio ≤ 2,
load ≤ 10 ms at 100,000.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from annotations.keys import doc_id_for, tag_doc_id
from annotations.migrations import stamp
from annotations.model import DEFAULT_TAGS, Annotation, ArticleRecord, Target
from annotations.storage import AtomicJSONStorage, write_atomic
from annotations.store import Store

ARTICLES = 1000
WORDS = [
    "the",
    "minister",
    "said",
    "budget",
    "vote",
    "critics",
    "pills",
    "market",
    "police",
    "seized",
    "network",
    "dealers",
]


def article_text(rng: random.Random, words: int = 3000) -> str:
    """A fake article of ``words`` words in paragraphs."""
    parts = [" ".join(rng.choice(WORDS) for _ in range(60)) + "." for _ in range(words // 60)]
    return "\n\n".join(parts)


def build(folder: Path, total: int, text: str, rng: random.Random) -> list[str]:
    """Write a store with ``total`` annotations over ``ARTICLES`` articles; return the keys."""
    keys = [f"bench{n:05d}" for n in range(ARTICLES)]
    records = {
        str(doc_id_for(k)): ArticleRecord(k, f"/bench/{k}.txt", f"Article {k}", length=len(text)).to_json()
        for k in keys
    }
    tags = {str(tag_doc_id(t.name)): t.to_json() for t in DEFAULT_TAGS}
    AtomicJSONStorage(folder / "index.json", "index").write(
        stamp({"articles": records, "tags": tags}, "index")
    )
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    for n, key in enumerate(keys):
        count = total // ARTICLES + (1 if n < total % ARTICLES else 0)
        notes = {}
        for _ in range(count):
            note = _annotation(key, text, rng)
            notes[str(doc_id_for(note.id))] = note.to_json()
        if notes:
            storage = AtomicJSONStorage(folder / "articles" / f"{key}.json", "article")
            storage.write(stamp({"annotations": notes}, "article"))
    return keys


def _annotation(key: str, text: str, rng: random.Random) -> Annotation:
    start = rng.randrange(0, len(text) - 200)
    note = "A note about this passage. " * rng.randint(0, 3)
    return Annotation(
        key, Target.from_text(text, start, start + rng.randint(20, 200)), tag="Evidence", note=note
    )


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 of ``samples`` (seconds) in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def timed(action: Callable[..., object], *args: object) -> float:
    """Seconds ``action(*args)`` took."""
    started = time.perf_counter()
    action(*args)
    return time.perf_counter() - started


def time_interleaved(
    stores: dict[int, tuple[Path, list[str]]], text: str, saves: int, rng: random.Random
) -> dict[str, dict[int, list[float]]]:
    """Warm saves, cold saves and bare durable writes, the sizes taking turns.

    Taking turns means every size meets the same disk weather (other processes' I/O
    makes fsync latency swing tenfold on a shared machine), so the ratio is fair.
    """
    results: dict[str, dict[int, list[float]]] = {"warm": {}, "cold": {}, "floor": {}}
    opened = {size: Store.open(folder) for size, (folder, _) in stores.items()}
    for n in range(saves):
        for size, (folder, keys) in stores.items():
            key = rng.choice(keys)
            opened[size].annotations(key)  # the reading view has the article loaded
            results["warm"].setdefault(size, []).append(timed(opened[size].add, _annotation(key, text, rng)))
            floor = timed(write_atomic, folder / "floor.json", b"x" * 100 + str(n).encode())
            results["floor"].setdefault(size, []).append(floor)
            if n % 4 == 0:
                fresh, key = Store.open(folder), rng.choice(keys)
                results["cold"].setdefault(size, []).append(timed(fresh.add, _annotation(key, text, rng)))
    return results


def time_loads(folder: Path, keys: list[str], rng: random.Random, loads: int = 100) -> list[float]:
    """Cold loads of one article's annotations (a fresh Store each time)."""
    samples = []
    for _ in range(loads):
        store = Store.open(folder)
        key = rng.choice(keys)
        started = time.perf_counter()
        store.annotations(key)
        samples.append(time.perf_counter() - started)
    return samples


def main() -> int:
    """Build the stores, time them taking turns, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200, help="timed saves per size")
    parser.add_argument("--sizes", default="100,10000,100000", help="annotation counts")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rng = random.Random(7)
    text = article_text(rng)
    stores: dict[int, tuple[Path, list[str]]] = {}
    try:
        for size in sizes:
            folder = Path(tempfile.mkdtemp(prefix=f"gloss-bench-{size}-"))
            started = time.perf_counter()
            stores[size] = (folder, build(folder, size, text, rng))
            print(
                f"built {size:,} annotations over {ARTICLES:,} articles in {time.perf_counter() - started:.1f} s"
            )
        os.sync()  # flush the bulk build: an fsync on ext4 would otherwise wait for its writeback
        results = time_interleaved(stores, text, args.saves, rng)
        loads = time_loads(*stores[max(sizes)], rng)
    finally:
        for folder, _ in stores.values():
            shutil.rmtree(folder, ignore_errors=True)
    report(sizes, results, loads, args.saves)
    return 0


def report(
    sizes: list[int], results: dict[str, dict[int, list[float]]], loads: list[float], saves: int
) -> None:
    """Print the table, the ratio and the load time."""
    print(f"\n{saves} warm saves per size, sizes taking turns (times in ms)")
    print(
        f"{'annotations':>12} {'save p50':>9} {'save p95':>9} {'cold p50':>9} {'cold p95':>9}"
        f" {'floor p50':>10} {'floor p95':>10}"
    )
    for size in sizes:
        warm, cold, floor = (percentiles(results[kind][size]) for kind in ("warm", "cold", "floor"))
        print(
            f"{size:>12,} {warm[0]:>9.2f} {warm[1]:>9.2f} {cold[0]:>9.2f} {cold[1]:>9.2f}"
            f" {floor[0]:>10.2f} {floor[1]:>10.2f}"
        )
    low, high = min(sizes), max(sizes)
    p95 = {size: percentiles(results["warm"][size])[1] for size in sizes}
    load50, load95 = percentiles(loads)
    print(f"ratio save p95({high:,}) / p95({low:,}) = {p95[high] / p95[low]:.2f}  (target <= 2)")
    print(f"worst save p95 {max(p95.values()):.2f} ms (target <= 20)")
    print(
        f"load one article's annotations at {high:,}: p50 {load50:.2f} ms, p95 {load95:.2f} ms (target <= 10)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
