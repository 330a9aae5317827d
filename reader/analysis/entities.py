"""Named entities: people, organisations, places, groups, dates and numbers.

The built-in recogniser is a capitalisation-and-context rule system:

1. ``entity_spans`` cuts runs of capitalised words into candidate names
   (``entity_tokens`` groups a run's words, ``entity_titles`` peels titles and
   nation words); sentence starts and headlines stay tentative.
2. ``entity_evidence`` keeps the tentative words the document supports.
3. ``entity_acronyms`` joins "Long Form (LF)" pairs.
4. ``entity_types`` votes a type per mention from gazetteers and context.
5. ``entity_linking`` groups mentions into one entity per thing.
6. ``entity_roles`` gives people their roles; ``entity_numbers`` adds dates and numbers.

Nothing is downloaded; gazetteers come from installed data packages (``gazetteer``).
"""

from __future__ import annotations

from reader.analysis import gazetteer
from reader.analysis.entity_acronyms import link_bracketed
from reader.analysis.entity_canonical import canonical_mention
from reader.analysis.entity_evidence import confirm
from reader.analysis.entity_linking import Cluster, link
from reader.analysis.entity_numbers import digit_starts, find_dates, find_numbers, overlaps
from reader.analysis.entity_roles import find_role
from reader.analysis.entity_spans import find_mentions
from reader.analysis.entity_types import mention_votes, share_list_types
from reader.analysis.gc_pause import cyclic_gc_paused
from reader.analysis.names import fold, lower_words
from reader.document import Document, Entity


@cyclic_gc_paused()
def find_entities(doc: Document) -> list[Entity]:
    """Every entity of the document with its mentions, ids in order of first mention."""
    gaz = gazetteer.load()
    text = doc.text
    lower = lower_words(text)
    mentions = confirm(find_mentions(doc, lower), text, lower, gaz)
    mentions = link_bracketed(text, mentions)
    for mention in mentions:
        mention.votes = mention_votes(mention, text, gaz)
    share_list_types(mentions, text)
    clusters = link(mentions, text, gaz)
    named = [_named_entity(c, text, lower, gaz) for c in clusters]
    name_spans = sorted(m for e in named for m in e[1])
    digits = digit_starts(text)
    dates = [
        d for d in find_dates(text, digits) if not overlaps(name_spans, *d)
    ]  # not "Today" of "USA Today"
    numbers = find_numbers(text, sorted(name_spans + dates), digits)
    valued = _value_entities(text, dates, "DATE") + _value_entities(text, numbers, "NUMBER")
    everything = sorted(named + valued, key=lambda e: e[1][0])
    return [_entity(i, *item) for i, item in enumerate(everything, 1)]


Item = tuple[str, list[tuple[int, int]], str, list[str], str | None, str | None]


def _named_entity(cluster: Cluster, text: str, lower: set[str], gaz: gazetteer.Gazetteer) -> Item:
    """(name, mentions, type, aliases, role, expansion) of one cluster."""
    kind = cluster.type()
    # not "Young Nicholas" for the Nicholas named hundreds of times, nor "Holy Moscow"
    name = canonical_mention(cluster.mentions, cluster.longest, text, lower, gaz, kind).text
    spans = sorted({(m.start, m.end) for m in cluster.mentions})
    titled = sorted((m.title_start, m.end) for m in cluster.mentions if m.title_start >= 0)
    aliases = []
    for start, end in sorted(spans + titled):  # surface forms, and titled ones ("Sen. Bob Menendez")
        surface = " ".join(text[start:end].split())
        if surface != name and surface not in aliases:
            aliases.append(surface)
    role = find_role(cluster.mentions, text) if kind == "PERSON" else None
    expansion = cluster.expansion
    if expansion is None and any(m.acronym_of is not None for m in cluster.mentions):
        expansion = name
    return name, spans, kind, aliases, role, expansion


def _value_entities(text: str, spans: list[tuple[int, int]], kind: str) -> list[Item]:
    """Dates or numbers grouped by their folded wording."""
    groups: dict[str, list[tuple[int, int]]] = {}
    names: dict[str, str] = {}
    for start, end in spans:
        surface = " ".join(text[start:end].split())
        key = fold(surface)
        groups.setdefault(key, []).append((start, end))
        names.setdefault(key, surface)
    return [(names[k], v, kind, [], None, None) for k, v in groups.items()]


def _entity(index: int, name, spans, kind, aliases, role, expansion) -> Entity:
    return Entity(
        id=f"e{index}",
        name=name,
        type=kind,
        mentions=tuple(spans),
        aliases=tuple(aliases),
        role=role,
        expansion=expansion,
    )
