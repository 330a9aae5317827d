"""Key to frame for tagging with 10,000 annotations in the store.

    python bench/tagging.py [FILE] [--annotations 10000] [--presses 30] [--size 100x32]

Method: a temporary store (``GLOSS_STORE``) gets FILE (default: War and Peace from
../shared/corpus, else the bundled sample) registered with N highlights on it, one per
sentence from the start of the book, spread over the text (written in one batch through the store's
tables, as ``gloss import`` would take minutes one by one). So all N annotations belong
to the open article: the worst case for the view, since every one is indexed and
drawn. The real app (``make_app``, real ingest and analysis) runs headless; once the
store has answered, the cursor is put on a sentence without a highlight (not timed) and
these keys are timed: ``2`` (adds an Evidence highlight), ``3`` (retags it Question),
``3`` (the same tag again removes it). Time runs from handing the key to the app
(``App.simulate_key``) to the next frame reaching ``App._display`` with its terminal
output generated (``CompositorUpdate.render_segments``) — as in ``bench/view.py``.
Saves run on the store writer thread meanwhile (each rewrites the article's file of
N annotations), so any GIL contention they cause is inside the figures; the time until
the last save reached the disk is printed apart. Median and p95 are printed against the
issue's 30 ms target.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BOOK = ROOT.parent / "shared" / "corpus" / "books" / "war-and-peace.txt"
SAMPLE = ROOT / "reader" / "samples" / "filter-fentanyl-guns.txt"
KEYS = (("2", "add"), ("3", "retag"), ("3", "remove"))
TARGET_MS = 30.0


def seed_store(store_path: Path, source: Path, count: int) -> tuple[object, int]:
    """Register the article and give it ``count`` highlights (one per sentence)."""
    from tinydb.table import Document as TinyDocument

    from annotations.keys import doc_id_for
    from annotations.model import Annotation, Target
    from annotations.store import Store
    from reader.ingest import load
    from reader.ui import motions

    document = load(str(source))
    text, blocks = document.text, document.blocks
    with Store(store_path) as store:
        record = store.register_document(document)
        rows, offset, tags = [], blocks[0].start if blocks else 0, ("Key point", "Evidence", "Question")
        while len(rows) < count and offset < len(text) - 1:
            start, end = motions.sentence_at(text, blocks, offset)
            if end > start:
                note = "why this matters" if len(rows) % 10 == 0 else ""
                annotation = Annotation(
                    record.key, Target.from_text(text, start, end), tags[len(rows) % 3], note
                )
                rows.append(TinyDocument(annotation.to_json(), doc_id_for(annotation.id)))
            following = motions.next_sentence(text, blocks, offset)
            if following <= offset:
                break
            offset = following
        with store._writing(store._article_db(record.key)):  # one batch write, not N
            store._notes(record.key).insert_multiple(rows)
    return document, len(rows)


async def measure(document: object, store_path: Path, presses: int, size: tuple[int, int]) -> None:
    """Run the app and time the tag keys."""
    from bench._frames import record_frames, report, time_key
    from reader.ui.app import make_app

    app = make_app(document, store_path=store_path)
    frames = record_frames(app)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        while not getattr(app.screen, "loaded", False):
            await asyncio.sleep(0.01)
        await pilot.pause(0.1)
        screen = app.screen
        print(f"annotations in the open article: {len(screen.session.annotations())}")
        results: dict[str, list[float]] = {name: [] for _, name in KEYS}
        view = screen.article
        offset = view.cursor
        for _ in range(presses):
            offset = free_sentence(screen, offset)
            view.jump_to(offset)
            for key, name in KEYS:
                elapsed = await time_key(app, pilot, frames, key, settle=0.05, timeout=2.0)
                if elapsed is not None:
                    results[name].append(elapsed)
        started = time.perf_counter()
        await asyncio.to_thread(app.store_writer.flush, 30)
        print(
            f"last save on disk {1000 * (time.perf_counter() - started):.0f} ms after the last key (off the UI thread)"
        )
        report(results, target_ms=TARGET_MS, width=16, total="all tag keys")


def free_sentence(screen, offset: int) -> int:
    """The start of the next sentence after ``offset`` that has no highlight."""
    from reader.ui import motions

    text, blocks = screen.document.text, screen.document.blocks
    while True:
        offset = motions.next_sentence(text, blocks, offset)
        start, end = screen.article.sentence_at(offset)
        if end > start and screen.session.at(start) is None and screen.session.at(end - 1) is None:
            return start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=BOOK if BOOK.is_file() else SAMPLE)
    parser.add_argument("--annotations", type=int, default=10_000)
    parser.add_argument("--presses", type=int, default=30, help="sentences tagged (3 timed keys each)")
    parser.add_argument("--size", default="100x32", help="terminal size, WxH")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory() as folder:
        store_path = Path(folder) / "store"
        os.environ["GLOSS_STORE"] = str(store_path)
        os.environ["GLOSS_CONFIG"] = str(Path(folder) / "config.toml")
        started = time.perf_counter()
        document, count = seed_store(store_path, args.file, args.annotations)
        print(
            f"{args.file.name}: {count} highlights stored in {time.perf_counter() - started:.1f} s; {width}x{height}"
        )
        asyncio.run(measure(document, store_path, args.presses, (width, height)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
