"""Apps for UI tests and snapshots, built with ``make_app`` like the CLI builds them.

The analysis is constructed here (quotes and entities found by string search in the
text), so the tests and snapshots exercise the view without depending on how good the
analysers are today.
"""

from __future__ import annotations

from pathlib import Path

from reader.document import Analysis, Block, Document, Entity, Quote
from reader.ingest import load
from reader.ui.app import GlossApp, make_app

SEED = Path(__file__).resolve().parents[2] / "reader" / "samples" / "filter-fentanyl-guns.txt"


def _quote(
    text: str, body: str, speaker: str | None, entity: str | None, cue: str | None, kind: str = "speech"
) -> Quote:
    """The quote whose content starts with ``body`` (marks included in the range)."""
    start = text.index(body) - 1
    end = start + 1
    while text[end] not in "”":
        end += 1
    end += 1
    return Quote(start, end, text[start + 1 : end - 1], kind, speaker, entity, cue)


def _mentions(text: str, *names: str) -> tuple[tuple[int, int], ...]:
    """Every occurrence of each name."""
    found = []
    for name in names:
        position = text.find(name)
        while position >= 0:
            found.append((position, position + len(name)))
            position = text.find(name, position + len(name))
    return tuple(sorted(found))


def seed_analysis(document: Document) -> Analysis:
    """A hand-made analysis of the seed article: two speakers, a scare quote, entities."""
    text = document.text
    nadelmann_role = "the founder and former executive director of the Drug Policy Alliance"
    entities = (
        Entity(
            "e1",
            "Ethan Nadelmann",
            "PERSON",
            _mentions(text, "Ethan Nadelmann", " Nadelmann said"),
            role=nadelmann_role,
        ),
        Entity(
            "e2",
            "Alex Krotulski",
            "PERSON",
            _mentions(text, "Alex Krotulski", "Krotulski added", "Krotulski asked"),
        ),
        Entity(
            "e3",
            "Drug Enforcement Administration",
            "ORG",
            _mentions(text, "Drug Enforcement Administration", "DEA"),
            aliases=("DEA",),
        ),
        Entity("e4", "Mexico", "PLACE", _mentions(text, "Mexico")),
    )
    # trim " Nadelmann said" / "Krotulski added" mentions to the name only
    entities = tuple(
        Entity(e.id, e.name, e.type, tuple(_name_only(text, m) for m in e.mentions), e.aliases, e.role)
        for e in entities
    )
    quotes = (
        _quote(text, "scratch my back", None, None, None, "scare"),
        _quote(
            text,
            "This proposed agreement makes sense politically from both sides, but it’s essentially a farce from a policy perspective,",
            "Ethan Nadelmann",
            "e1",
            "told",
        ),
        _quote(text, "We have decades", "Ethan Nadelmann", "e1", "told"),
        _quote(text, "They’re not", "Alex Krotulski", "e2", "said"),
        _quote(
            text,
            "He feels a need to speak out on fentanyl and sound punitive, to protect himself from attacks from Republicans and others,",
            "Ethan Nadelmann",
            "e1",
            "said",
        ),
    )
    return Analysis(quotes=tuple(sorted(quotes, key=lambda q: q.start)), entities=entities)


def _name_only(text: str, mention: tuple[int, int]) -> tuple[int, int]:
    """A mention found with its cue word ("Krotulski added") cut down to the name."""
    start, end = mention
    words = text[start:end].strip().split()
    if words and words[-1] in ("said", "added", "asked"):
        start = text.index(words[0], start)
        return start, start + len(words[0])
    return start, end


def seed_app(theme: str = "gloss-dark", *, analysed: bool = True) -> GlossApp:
    """The seed article with the hand-made analysis."""
    document = load(str(SEED))
    analysis = seed_analysis(document)
    return make_app(document, theme=theme, analyzer=(lambda _doc: analysis) if analysed else None)


def small_document() -> Document:
    """A short constructed article: a title, a heading, two paragraphs, a list, code."""
    parts = [
        ("title", "A Small Article"),
        ("paragraph", "First sentence here. Second sentence, with “a quote” said Ann Lee. Third one."),
        ("heading", "A Heading"),
        ("paragraph", "Another paragraph follows. Ann Lee spoke again. The end of it."),
        ("list_item", "An item in a list"),
        ("code", "def f(x):\n    return x + 1"),
        ("paragraph", "[bold]not markup[/bold] and [@click=app.quit]x[/] stay literal."),
    ]
    text, blocks, position = "", [], 0
    for kind, body in parts:
        if text:
            text += "\n\n"
            position += 2
        blocks.append(Block(kind, position, position + len(body), lang="python" if kind == "code" else None))
        text += body
        position += len(body)
    return Document(text, tuple(blocks), "small.md", title="A Small Article")


def small_analysis(document: Document) -> Analysis:
    """One quote by Ann Lee and her two mentions."""
    text = document.text
    start = text.index("“a quote”")
    quote = Quote(start, start + len("“a quote”"), "a quote", "speech", "Ann Lee", "p1", "said")
    ann = Entity("p1", "Ann Lee", "PERSON", _mentions(text, "Ann Lee"), role="a test person")
    return Analysis(quotes=(quote,), entities=(ann,))


def small_app(**kwargs) -> GlossApp:
    """The small article with its analysis."""
    document = small_document()
    analysis = small_analysis(document)
    return make_app(document, analyzer=lambda _doc: analysis, **kwargs)
