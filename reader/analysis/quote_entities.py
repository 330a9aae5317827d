"""Link quote speakers to entities, adding one for a speaker the entity finder missed.

A speaker maps to the PERSON/ORG (or GROUP/PLACE) entity whose name or alias it is, or,
for a person, whose surname it shares when only one entity has that surname. The
entity's name becomes the speaker's canonical name. A speaker with no entity gets a new
one (ids ``q1``, ``q2`` … never clashing) holding the speaker mentions the cues found.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import itemgetter

from reader.analysis.speaker_names import clean_name, guess_type
from reader.analysis.speakers import Attribution
from reader.document import Entity

SPEAKER_TYPES = ("PERSON", "ORG", "GROUP", "PLACE", "MISC")


def _key(name: str) -> str:
    """A lookup key: lower case, no leading article, single spaces."""
    key = " ".join(name.lower().split())
    return key[4:] if key.startswith("the ") else key


def _index(entities: list[Entity]) -> tuple[dict[str, Entity], dict[str, list[Entity]]]:
    """Entities by name/alias key, and PERSON entities by surname."""
    by_name: dict[str, Entity] = {}
    by_surname: dict[str, list[Entity]] = {}
    for ent in entities:
        if ent.type not in SPEAKER_TYPES:
            continue
        for name in (ent.name, *ent.aliases):
            by_name.setdefault(_key(name), ent)
        if ent.type == "PERSON" and len(ent.name.split()) > 1:
            by_surname.setdefault(_key(ent.name.split()[-1]), []).append(ent)
    return by_name, by_surname


def link_speakers(
    atts: list[Attribution], kinds: list[str], entities: list[Entity]
) -> tuple[list[tuple[str | None, str | None]], list[Entity]]:
    """(speaker name, entity id) per quote, and the entities with any added speakers."""
    finder = _EntityFinder(entities)
    added = _AddedSpeakers({ent.id for ent in entities})
    out: list[tuple[str | None, str | None]] = []
    for att, kind in zip(atts, kinds, strict=True):
        name = att.speaker if kind in ("speech", "partial", "pull") else None
        ent = finder.find(name, att.mentions) if name else None
        if ent is not None:
            out.append((ent.name, ent.id))
        elif name:
            out.append((name, added.add(name, att)))
        else:
            out.append((None, None))
    return out, [*entities, *added.entities()]


class _EntityFinder:
    """Finds the given entity a speaker is: by mention, name or alias, or unique surname."""

    def __init__(self, entities: list[Entity]) -> None:
        self.by_name, self.by_surname = _index(entities)
        self.spans = sorted(
            ((s, e, ent) for ent in entities if ent.type in SPEAKER_TYPES for s, e in ent.mentions),
            key=itemgetter(0, 1),
        )
        self.starts = [s for s, _, _ in self.spans]
        self.words = {
            ent.id: {w.lower() for n in (ent.name, *ent.aliases) for w in n.split()}
            for ent in entities
            if ent.type in SPEAKER_TYPES
        }

    def find(self, name: str, mentions: list[tuple[int, int]]) -> Entity | None:
        """The entity of the speaker ``name`` whose cue named them at ``mentions``."""
        ent = self._at_mention(mentions, name) or self.by_name.get(_key(name))
        if ent is None and len(name.split()) == 1:
            owners = self.by_surname.get(_key(name), [])
            ent = owners[0] if len(owners) == 1 else None
        return ent

    def _at_mention(self, mentions: list[tuple[int, int]], name: str) -> Entity | None:
        """The entity with a mention where the cue named the speaker, sharing its last word."""
        last = name.split()[-1].lower()
        for start, end in mentions:
            index = bisect_right(self.starts, start)
            for s, e, ent in self.spans[max(0, index - 3) : index + 3]:
                if s < end and start < e and last in self.words[ent.id]:
                    return ent
        return None


class _AddedSpeakers:
    """Entities for speakers the entity finder missed, one per name."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self.slots: dict[str, dict] = {}  # speaker name -> {"id", "mentions", "aliases"}

    def add(self, name: str, att: Attribution) -> str:
        """Record one quote of ``name``; the id of its entity."""
        slot = self.slots.get(name)
        if slot is None:
            slot = self.slots[name] = {
                "id": _new_id(self.taken, len(self.slots) + 1),
                "mentions": set(),
                "aliases": set(),
            }
        slot["mentions"].update(att.mentions)
        if att.cue is not None and not att.cue.pronoun and att.how != "twin":
            alias = clean_name(att.cue.surface)
            if alias and alias != name:
                slot["aliases"].add(alias)
        return slot["id"]

    def entities(self) -> list[Entity]:
        """The added entities, in order of first quote."""
        return [
            Entity(
                id=slot["id"],
                name=name,
                type=guess_type(name),
                mentions=tuple(sorted(slot["mentions"])),
                aliases=tuple(sorted(slot["aliases"])),
            )
            for name, slot in self.slots.items()
        ]


def _new_id(taken: set[str], start: int) -> str:
    """A fresh ``qN`` id not used by any entity."""
    number = start
    while f"q{number}" in taken:
        number += 1
    taken.add(f"q{number}")
    return f"q{number}"
