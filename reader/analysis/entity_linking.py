"""Group mentions into entities: one entity per real-world thing.

Mentions with the same accent-folded words are one entity. A surname alone joins
the nearest person whose full name ends with it ("Nadelmann" -> Ethan
Nadelmann); an acronym joins its bracketed long form, a long form elsewhere in
the text whose initials it spells, or a widely known expansion; "State
Department" joins "Department of State"; an acronym that opens an organisation's
name joins it ("NBC" -> NBC News). The entity's type is the vote of its
full-name mentions, so all its mentions share one type.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.analysis import entity_lexicon as lex
from reader.analysis.entity_spans import Mention
from reader.analysis.entity_types import decide
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.names import fold, initials, is_acronym

# a town is a team when at least one of this many of its mentions reads like a score line
_TEAM_SHARE = 10


@dataclass(eq=False)  # identity: two mentions of the same words are different mentions
class Cluster:
    """Mentions of one entity while linking."""

    mentions: list[Mention] = field(default_factory=list)
    expansion: str | None = None  # a known long form for an acronym-only entity
    fixed_type: str | None = None
    place_kinds: frozenset[str] = frozenset()

    _cache: tuple[int, Mention] | None = field(default=None, repr=False)
    _type_cache: tuple[int, str] | None = field(default=None, repr=False)

    @property
    def longest(self) -> Mention:
        """The fullest written form: most words, body text over headlines, most accents, first."""
        if self._cache is None or self._cache[0] != len(self.mentions):
            # the most words first, so the fuller key is computed for the few fullest
            # mentions only (the first of equals wins, as with one max over all)
            most = max(len(m.words) for m in self.mentions)
            best = max(
                (m for m in self.mentions if len(m.words) == most),
                key=lambda m: (not m.headline, _accents(m.text), -m.start),
            )
            self._cache = (len(self.mentions), best)
        return self._cache[1]

    @property
    def key(self) -> str:
        return " ".join(self.longest.words)

    def type(self) -> str:
        """Votes of the full-name mentions decide; short forms count a little."""
        if self.fixed_type:
            return self.fixed_type
        if self._type_cache is None or self._type_cache[0] != len(self.mentions):
            self._type_cache = (len(self.mentions), self._vote())
        return self._type_cache[1]

    def _vote(self) -> str:
        most = max(len(m.words) for m in self.mentions)
        best: dict[str, float] = {}
        count: dict[str, int] = {}
        for mention in self.mentions:
            weight = 1.0 if len(mention.words) == most or mention.acronym_of else 0.3
            for kind, value in mention.votes.items():
                value *= weight
                held = best.get(kind, 0.0)
                best[kind] = value if value > held else held  # max() without the call
                count[kind] = count.get(kind, 0) + 1
        # the strongest cue decides; repetition only breaks near-ties
        total = {k: v + 0.05 * min(count[k], 10) for k, v in best.items()}
        kind = decide(total)
        if kind == "PLACE" and self._team() and "country" not in self.place_kinds:
            return "ORG"
        return kind

    def _team(self) -> bool:
        """Used as a sports team (a club named after its town), not once in hundreds ("Moscow lost")."""
        cues = sum(1 for m in self.mentions if m.team_cue)
        return cues > 0 and cues * _TEAM_SHARE >= len(self.mentions)


def _accents(text: str) -> int:
    """How many characters are not ASCII (the ones an ASCII encoding drops)."""
    return 0 if text.isascii() else len(text) - len(text.encode("ascii", "ignore"))


def link(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Cluster]:
    """Clusters of mentions, in order of first mention."""
    by_key: dict[str, Cluster] = {}
    rejected: set[str] = set()
    for mention in mentions:
        key = " ".join(mention.words)
        cluster = by_key.get(key)
        if cluster is None:
            if key in rejected or _not_a_name(key):
                rejected.add(key)
                continue
            cluster = by_key[key] = Cluster()
        cluster.mentions.append(mention)
    _split_rare_pairs(by_key, gaz)
    clusters = list(by_key.values())
    for key, cluster in by_key.items():
        kind = gaz.place_kind(key)
        cluster.place_kinds = frozenset({kind} if kind else ())
    clusters = _join_acronyms(clusters)
    clusters = _join_longer_forms(clusters)
    clusters = _join_surnames(clusters, gaz)
    clusters = _join_org_prefixes(clusters)
    clusters = _join_first_names(clusters)
    _add_department_variants(clusters, text)
    clusters = [c for c in clusters if not _bare_title(c)]
    clusters.sort(key=lambda c: min([m.start for m in c.mentions]))
    return clusters


def _split_rare_pairs(by_key: dict[str, Cluster], gaz: Gazetteer) -> None:
    """'Christmas Nicholas', 'Natásha Pierre': two names side by side, not one name.

    A two-word name seen at most twice whose words are each names seen alone at least
    five times is split, unless it reads as given name + surname ("Hillary Clinton").
    """
    for key, cluster in list(by_key.items()):
        words = key.split()
        if len(words) != 2 or len(cluster.mentions) > 2 or any(m.title for m in cluster.mentions):
            continue
        singles = [by_key.get(w) for w in words]
        if not all(single is not None and len(single.mentions) >= 5 for single in singles):
            continue
        if words[0] in gaz.given_names and words[1] not in gaz.given_names:
            continue
        for mention in cluster.mentions:
            for part, single in zip(re.finditer(r"\S+", mention.text), singles, strict=False):
                start = mention.start + part.start()
                single.mentions.append(Mention(start, start + len(part.group()), part.group()))
        del by_key[key]


def _bare_title(cluster: Cluster) -> bool:
    """Only a title word, as in an address ("Believe me, Princess"): no one's name."""
    return all(
        len(m.words) == 1 and m.words[0] in lex.TITLES and not m.text.isupper() for m in cluster.mentions
    )


def _not_a_name(key: str) -> bool:
    """Months, weekdays, month abbreviations and lone letters are not named entities."""
    bare = key.replace(".", "")
    return (
        len(bare) < 2
        or key in lex.MONTHS
        or key in lex.WEEKDAYS
        or key in lex.MONTH_ABBREVS
        or bare in lex.MONTH_ABBREVS
    )


def _merge(into: Cluster, other: Cluster) -> None:
    into.mentions.extend(other.mentions)
    into.place_kinds |= other.place_kinds
    other.mentions = []
    into.expansion = into.expansion or other.expansion


def _join_acronyms(clusters: list[Cluster]) -> list[Cluster]:
    """Acronyms join their long forms: bracketed, spelled elsewhere, or widely known."""
    owner = {id(m): c for c in clusters for m in c.mentions}
    for cluster in clusters:
        for mention in list(cluster.mentions):
            target = owner.get(id(mention.acronym_of)) if mention.acronym_of else None
            if target is not None and target is not cluster and cluster.mentions:
                _merge(target, cluster)
                owner.update({id(m): target for m in target.mentions})
    clusters = [c for c in clusters if c.mentions]
    long_forms = [c for c in clusters if len(c.longest.words) > 1]
    by_initials: dict[str, Cluster] = {}
    for form in long_forms:  # "DEA" <- "Drug Enforcement Administration" (or "US Drug Enforcement ...")
        caps = initials(form.longest.text)
        by_initials.setdefault(caps, form)
        by_initials.setdefault("+" + caps[1:], form)
    for cluster in clusters:
        surface = cluster.longest.text
        if not cluster.mentions or not is_acronym(surface):
            continue
        letters = "".join(c for c in surface if c.isalpha()).upper()
        match = by_initials.get(letters) or by_initials.get("+" + letters) if len(letters) >= 2 else None
        if match is not None and not match.mentions:
            match = None
        known = lex.WELL_KNOWN_ACRONYMS.get(surface)
        if match is None and known:
            key = " ".join(fold(known[0]).split())
            match = next((c for c in long_forms if c.mentions and c.key == key), None)
            if match is None:
                cluster.expansion, cluster.fixed_type = known
                continue
        if match is not None and match is not cluster:
            _merge(match, cluster)
    return [c for c in clusters if c.mentions]


def _join_longer_forms(clusters: list[Cluster]) -> list[Cluster]:
    """A longer name ending with a person's two-word name is that person ("Aung San Suu Kyi")."""
    people = {c.key: c for c in clusters if c.type() == "PERSON" and len(c.longest.words) >= 2}
    for cluster in clusters:
        words = cluster.longest.words
        if len(words) < 3 or (cluster.type() == "PERSON" and cluster.key in people):
            continue
        for size in range(len(words) - 1, 1, -1):
            target = people.get(" ".join(words[-size:]))
            if target is not None and target is not cluster and target.mentions:
                _merge(target, cluster)
                target.fixed_type = "PERSON"
                break
    return [c for c in clusters if c.mentions]


def _join_surnames(clusters: list[Cluster], gaz: Gazetteer) -> list[Cluster]:
    """A shorter name that ends a person's full name joins the nearest such person."""
    # "Governor of Moscow" is an office, not a name whose last word is a surname
    people = [
        c
        for c in clusters
        if c.type() == "PERSON"
        and len(c.longest.words) > 1
        and not {"of", "for", "the"} & set(c.longest.words)
    ]
    if not people:
        return clusters
    by_last: dict[str, list[Cluster]] = {}
    for person in people:
        words = person.longest.words
        for size in range(1, len(words)):
            by_last.setdefault(" ".join(words[-size:]), []).append(person)
    for cluster in clusters:
        key = cluster.key
        candidates = [p for p in by_last.get(key, []) if p is not cluster]
        if not candidates or gaz.place_kind(key) == "country" or cluster.type() in ("GROUP", "MISC"):
            continue
        nearest = _nearest_finder(candidates)
        for mention in cluster.mentions:
            nearest(mention.start).mentions.append(mention)
        cluster.mentions = []
    return [c for c in clusters if c.mentions]


def _nearest_finder(candidates: list[Cluster]) -> Callable[[int], Cluster]:
    """pos -> the candidate mentioned last before ``pos``, else the first one mentioned."""
    if len(candidates) == 1:
        return lambda pos: candidates[0]
    marks = sorted((m.start, i) for i, c in enumerate(candidates) for m in c.mentions)
    starts = [start for start, _ in marks]
    first = candidates[marks[0][1]]

    def nearest(pos: int) -> Cluster:
        index = bisect.bisect_left(starts, pos) - 1
        return candidates[marks[index][1]] if index >= 0 else first

    return nearest


def _join_org_prefixes(clusters: list[Cluster]) -> list[Cluster]:
    """A name that opens an organisation's name joins it: "NBC" -> "NBC News", "Magna" -> "Magna International Inc"."""
    orgs: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        words = cluster.longest.text.split()
        company = len(words) > 1 and (is_acronym(words[0]) or cluster.longest.words[-1] in lex.ORG_HEADS)
        if company and cluster.type() == "ORG":
            orgs.setdefault(words[0], []).append(cluster)
    for cluster in clusters:
        surface = cluster.longest.text
        targets = orgs.get(surface, [])
        if len(targets) != 1 or targets[0] is cluster or surface in lex.PLACE_ACRONYMS:
            continue
        if len(cluster.longest.words) == 1 and (is_acronym(surface) or _weak(cluster)):
            _merge(targets[0], cluster)
    return [c for c in clusters if c.mentions]


def _weak(cluster: Cluster) -> bool:
    """No mention of the cluster has a strong cue of its own."""
    return all(max(m.votes.values(), default=0.0) < 2.0 for m in cluster.mentions)


def _join_first_names(clusters: list[Cluster]) -> list[Cluster]:
    """A lone word that opens exactly one person's full name is that person ("Jansher")."""
    firsts: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        words = cluster.longest.words
        if len(words) > 1 and cluster.type() == "PERSON":
            firsts.setdefault(words[0], []).append(cluster)
    for cluster in clusters:
        targets = firsts.get(cluster.key, [])
        if (
            len(targets) == 1
            and targets[0] is not cluster
            and len(cluster.longest.words) == 1
            and _weak(cluster)
        ):
            _merge(targets[0], cluster)
    return [c for c in clusters if c.mentions]


_DEPARTMENT = re.compile(r"^(Department|Ministry) of (?:the )?([A-Z][a-z]+)$")


def _add_department_variants(clusters: list[Cluster], text: str) -> None:
    """'Department of State' also appears as 'State Department' / 'state department'."""
    for cluster in clusters:
        match = _DEPARTMENT.match(cluster.longest.text)
        if not match:
            continue
        head, topic = match.groups()
        pattern = re.compile(rf"\b{topic}\s+{head}\b", re.IGNORECASE)
        known = {(m.start, m.end) for m in cluster.mentions}
        for found in pattern.finditer(text):
            if found.span() not in known:
                cluster.mentions.append(Mention(found.start(), found.end(), found.group()))
