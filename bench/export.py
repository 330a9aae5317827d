"""Benchmark: export 10,000 annotations across 1,000 articles (target: <= 2 s).

Builds the articles, their analyses and annotations in memory, then times:
  - Markdown, one file per article written into a temp folder (the default export;
    the target), and again with the optional quotes and entities sections,
  - Markdown, one combined file,
  - W3C JSON, one combined collection,
  - HTML for the first 50 articles (per-article pages through the Pygments layer).

Run: python bench/export.py [--articles N] [--per-article M]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotations.export import ArticleExport, render_combined, render_json, renderer, write_exports
from annotations.model import DEFAULT_TAGS, Annotation, Target
from reader.document import Analysis, Block, Document, Entity, Quote

WORDS = [
    "the",
    "mayor",
    "said",
    "budget",
    "roads",
    "council",
    "vote",
    "plan",
    "city",
    "water",
    "school",
    "police",
    "report",
    "data",
    "year",
]
NAMES = ["Jane Doe", "John Smith", "Ana Lima", "Wei Chen", "Omar Said"]


def make_article(index: int, per_article: int, rng: random.Random) -> ArticleExport:
    """One synthetic article (~40 paragraphs, headings, quotes) with annotations."""
    parts, blocks, quotes, pos = [], [], [], 0
    for para in range(40):
        if para % 10 == 0:
            body = f"Section {para // 10} of the report"
            kind = "heading"
        else:
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 60)))
            speaker = NAMES[para % len(NAMES)]
            body = f"{words.capitalize()}. “We will act on {rng.choice(WORDS)},” {speaker} said."
            kind = "paragraph"
            q_start = pos + body.index("“")
            q_end = pos + body.index("”") + 1
            quotes.append(
                Quote(q_start, q_end, body[body.index("“") + 1 : body.index("”")], "speech", speaker)
            )
        blocks.append(Block(kind, pos, pos + len(body)))
        parts.append(body)
        pos += len(body) + 2
    text = "\n\n".join(parts)
    entities = tuple(
        Entity(f"e{n}", name, "PERSON", ((0, 1),) * (n + 1), (name.split()[1],), "a spokesperson")
        for n, name in enumerate(NAMES)
    )
    doc = Document(
        text, tuple(blocks), f"/corpus/article-{index:04d}.txt", f"Article {index}: the {WORDS[index % 15]}"
    )
    notes = []
    for n in range(per_article):
        block = blocks[rng.randrange(1, len(blocks))]
        start = rng.randrange(block.start, block.end - 20)
        end = min(block.end, start + rng.randint(20, 200))
        tag = DEFAULT_TAGS[n % len(DEFAULT_TAGS)].name
        note = "" if n % 3 else f"Note {n}: *why* this matters — see [link](https://example.org/{n})"
        stamp = f"2026-01-{1 + n % 28:02d}T10:00:00+00:00"
        notes.append(
            Annotation(
                f"k{index}", Target.from_text(text, start, end), tag, note, f"{index}-{n}", stamp, stamp
            )
        )
    return ArticleExport(
        f"k{index}", tuple(notes), doc, Analysis(tuple(quotes), entities), None, DEFAULT_TAGS
    )


def timed(label: str, func) -> float:
    """Run ``func`` once; print wall and CPU time (CPU time is what we cost on a busy machine)."""
    gc.collect()  # the garbage of building the data set is not the export's cost
    start, cpu = time.perf_counter(), time.process_time()
    func()
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    print(f"{label:<46} {elapsed:7.3f} s wall {used:7.3f} s cpu")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--per-article", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(7)
    items = [make_article(i, args.per_article, rng) for i in range(args.articles)]
    total = sum(len(i.annotations) for i in items)
    print(f"{args.articles} articles, {total} annotations")
    with tempfile.TemporaryDirectory(prefix="gloss-bench-") as folder:
        md = renderer("md")
        per_file = timed(
            "markdown, one file per article (written)", lambda: write_exports(items, md, "md", Path(folder))
        )
        sections = ("quotes", "entities")
        md_all, into = renderer("md", include=sections), Path(folder) / "sections"
        timed("  the same with quotes + entities sections", lambda: write_exports(items, md_all, "md", into))
        timed("markdown, one combined file (rendered)", lambda: render_combined(items, include=sections))
        timed("json, one collection (rendered)", lambda: render_json(items))
        try:
            from reader.html_export import renderer as html_renderer
        except ImportError as error:
            print(f"html skipped: {error}")
        else:
            html = html_renderer(("quotes", "entities"))
            out = Path(folder) / "html"
            timed("html, first 50 articles (written)", lambda: write_exports(items[:50], html, "html", out))
    target = 2.0
    verdict = "met" if per_file <= target else "MISSED"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"target: markdown export of {total} annotations <= {target:.1f} s wall: {verdict} (load average {load:.1f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
