"""Shared builders for the export tests (no tests here).

The seed article is turned into a Document by a small fixed splitter and given a
constructed Analysis, so the golden files do not move when ingest or analysis improve.
"""

from __future__ import annotations

from pathlib import Path

from annotations.export.context import ArticleExport
from annotations.model import DEFAULT_TAGS, Annotation, Target
from reader.document import Analysis, Block, Document, Entity, Quote

SEED = Path(__file__).resolve().parents[2] / "reader" / "samples" / "filter-fentanyl-guns.txt"
SEED_SOURCE = "/articles/filter-fentanyl-guns.txt"  # a fixed source so goldens are machine-independent
SEED_KEY = "seed0123456789abcdef"
KINDS = {0: "title", 4: "pull_quote", 11: "pull_quote", 15: "heading", 18: "pull_quote", 23: "heading"}
KINDS |= {32: "caption", 34: "byline", 35: "boilerplate"}
STAMP = "2026-01-0{}T10:00:00+00:00"


def seed_document() -> Document:
    """The seed article as a Document: paragraphs split on blank lines, fixed block kinds."""
    raw = SEED.read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in raw.split("\n\n") if p.strip()]
    text = "\n\n".join(paragraphs)
    blocks, pos = [], 0
    for index, para in enumerate(paragraphs):
        blocks.append(
            Block(KINDS.get(index, "paragraph"), pos, pos + len(para), 2 if index in (15, 23) else 0)
        )
        pos += len(para) + 2
    return Document(text, tuple(blocks), SEED_SOURCE, title=paragraphs[0], author="Alexander Lekhtman")


def _quote(text: str, words: str, speaker: str | None, entity: str | None, kind: str = "speech") -> Quote:
    """A quote of ``words`` (its last occurrence, found with its marks in ``text``)."""
    start = (text.index(words) if kind == "pull" else text.rindex(words)) - 1
    return Quote(start, start + len(words) + 2, words, kind, speaker, entity, "told" if speaker else None)


def seed_analysis(doc: Document) -> Analysis:
    """A small hand-made analysis of the seed: three speakers, four entities."""
    text = doc.text

    def mentions(*names: str) -> tuple[tuple[int, int], ...]:
        found: list[tuple[int, int]] = []
        for name in names:
            at = text.find(name)
            while at >= 0:
                if not any(s <= at < e for s, e in found):
                    found.append((at, at + len(name)))
                at = text.find(name, at + len(name))
        return tuple(sorted(found))

    nadelmann = "This proposed agreement makes sense politically from both sides, but it’s essentially a farce from a policy perspective,"
    krotulski = "If you could eradicate fentanyl, what is it replaced with?"
    pull = _quote(text, nadelmann[:-1], "Ethan Nadelmann", "e1", "pull")
    quotes = (
        _quote(text, "scratch my back", None, None, "scare"),
        Quote(pull.start, pull.end + 1, pull.text + ".", "pull", pull.speaker, "e1", twin=2),
        _quote(text, nadelmann, "Ethan Nadelmann", "e1"),
        _quote(
            text,
            "is smart enough to know pouring more money into interdiction",
            "Ethan Nadelmann",
            "e1",
            "partial",
        ),
        _quote(text, krotulski, "Alex Krotulski", "e2", "pull"),
        _quote(text, "They’re not ‘baking the cake’ the same way,", "Alex Krotulski", "e2"),
    )
    entities = (
        Entity(
            "e1",
            "Ethan Nadelmann",
            "PERSON",
            mentions("Ethan Nadelmann"),
            ("Nadelmann",),
            "the founder and former executive director of the Drug Policy Alliance",
        ),
        Entity(
            "e2",
            "Alex Krotulski",
            "PERSON",
            mentions("Alex Krotulski", "Krotulski"),
            ("Krotulski",),
            "associate director at the Center for Forensic Science Research and Education",
        ),
        Entity(
            "e3",
            "Drug Enforcement Administration",
            "ORG",
            mentions("Drug Enforcement Administration", "DEA"),
            ("DEA",),
        ),
        Entity("e4", "Mexico", "PLACE", mentions("Mexico")),
    )
    return Analysis(quotes=quotes, entities=entities)


def _note(doc: Document, words: str, tag: str | None, note: str, day: int, ident: str) -> Annotation:
    """An annotation on the last occurrence of ``words``."""
    start = doc.text.rindex(words)
    target = Target.from_text(doc.text, start, start + len(words))
    return Annotation(SEED_KEY, target, tag, note, ident, STAMP.format(day), STAMP.format(day))


def seed_annotations(doc: Document) -> list[Annotation]:
    """Five annotations on the seed: tags, Markdown notes, a quote, an orphan."""
    orphan = Annotation(
        SEED_KEY,
        Target.from_text("the passage that was edited away", 0, 32),
        "Question",
        "Was this sentence *removed*?",
        "00000000-0000-4000-8000-000000000005",
        STAMP.format(3),
        STAMP.format(3),
        "orphan",
    )
    return [
        _note(doc, "The Gun Supply", None, "", 5, "00000000-0000-4000-8000-000000000004"),
        _note(
            doc,
            "It’s a classic “scratch my back” kind of deal",
            "Key point",
            "",
            1,
            "00000000-0000-4000-8000-000000000001",
        ),
        _note(
            doc,
            "This proposed agreement makes sense politically from both sides, but it’s essentially a farce",
            "Evidence",
            "Strong claim. Compare:\n\n# not a heading\n- the DEA numbers\n- `ATF` budget | 2023",
            2,
            "00000000-0000-4000-8000-000000000002",
        ),
        _note(
            doc,
            "Mexico alleged that half a million weapons are smuggled from the US every year",
            "Follow up",
            "Check the *source* of the [estimate](https://example.org/estimate).",
            4,
            "00000000-0000-4000-8000-000000000003",
        ),
        orphan,
    ]


def seed_item(analysis: bool = True) -> ArticleExport:
    """The seed article with its annotations (and the constructed analysis)."""
    doc = seed_document()
    return ArticleExport(
        SEED_KEY,
        tuple(seed_annotations(doc)),
        doc,
        seed_analysis(doc) if analysis else None,
        tags=DEFAULT_TAGS,
    )
