"""The user's config file: theme, column width, default tags and a keymap (TOML).

Location: ``$GLOSS_CONFIG`` if set, else ``config.toml`` in the platformdirs user config
dir. Example::

    theme = "gloss-light"
    width = 80
    export_dir = "~/Documents/gloss"   # where ctrl+e writes (default: the current folder)

    [[tags]]                 # created in the store when missing (key and colour optional)
    name = "Method"
    key = "6"
    colour = "#56b6c2"

    [keymap]                 # binding id = key(s), see `?` help and the README
    "annotate.note" = "n"
    "search.next" = "ctrl+n"

A missing file means defaults. A file that cannot be read or parsed, or a bad value,
never stops gloss: ``load_config`` returns the defaults for what is wrong plus one-line
warnings the app shows as a toast (and the CLI on stderr).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_config_dir

from annotations.errors import InvalidError
from annotations.model import Tag
from annotations.tags import check_colour, check_key, check_name

APP_NAME = "gloss"
MIN_WIDTH, MAX_WIDTH = 20, 400


@dataclass(frozen=True)
class Config:
    """Settings from the config file (None: not set, use the built-in default)."""

    theme: str | None = None
    width: int | None = None
    tags: tuple[Tag, ...] = ()
    keymap: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    path: Path | None = None
    export_dir: Path | None = None


def config_path() -> Path:
    """Where the config file lives (``$GLOSS_CONFIG`` overrides)."""
    env = os.environ.get("GLOSS_CONFIG")
    if env:
        return Path(env).expanduser()
    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def load_config(path: Path | None = None, themes: set[str] | None = None) -> Config:
    """Read the config; defaults plus warnings for anything missing or wrong."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(path=path)
    except OSError as error:
        return Config(warnings=(f"cannot read config {path}: {error.strerror or error}",), path=path)
    import tomllib  # only when there is a config file (not on a default start)

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        reason = str(error).splitlines()[0] if str(error) else "not TOML"
        return Config(warnings=(f"config {path} is not valid TOML ({reason}); using defaults",), path=path)
    warnings: list[str] = []
    config = Config(
        theme=_theme(data.get("theme"), themes, warnings),
        width=_width(data.get("width", data.get("column_width")), warnings),
        tags=_tags(data.get("tags"), warnings),
        keymap=_keymap(data.get("keymap"), warnings),
        path=path,
        export_dir=_export_dir(data.get("export_dir"), warnings),
    )
    known = {"theme", "width", "column_width", "tags", "keymap", "export_dir"}
    warnings += [f"unknown setting {name!r}" for name in data if name not in known]
    prefix = f"config {path}: "
    return replace(config, warnings=tuple(prefix + w for w in warnings))


def _theme(value: object, themes: set[str] | None, warnings: list[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or (themes is not None and value not in themes):
        choices = f" (choose from: {', '.join(sorted(themes))})" if themes else ""
        warnings.append(f"unknown theme {value!r}{choices}")
        return None
    return value


def _width(value: object, warnings: list[str]) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_WIDTH <= value <= MAX_WIDTH:
        warnings.append(f"width must be a whole number of cells from {MIN_WIDTH} to {MAX_WIDTH}")
        return None
    return value


def _export_dir(value: object, warnings: list[str]) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        warnings.append("export_dir must be a folder path (a string)")
        return None
    return Path(value.strip()).expanduser()


def _tags(value: object, warnings: list[str]) -> tuple[Tag, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        warnings.append("tags must be a list of [[tags]] tables")
        return ()
    tags: list[Tag] = []
    for entry in value:
        try:
            if not isinstance(entry, dict) or "name" not in entry:
                raise InvalidError("each [[tags]] entry needs a name")
            key = entry.get("key")
            colour = entry.get("colour", entry.get("color"))
            tags.append(
                Tag(
                    check_name(str(entry["name"])),
                    check_key(None if key is None else str(key)),
                    check_colour(str(colour)) if colour is not None else "",
                )
            )
        except InvalidError as error:
            warnings.append(f"tag skipped: {error}")
    return tuple(tags)


def _keymap(value: object, warnings: list[str]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        warnings.append("keymap must be a table of binding id = key")
        return {}
    keymap: dict[str, str] = {}
    for binding_id, keys in value.items():
        if not isinstance(keys, str) or not keys.strip():
            warnings.append(f"keymap {binding_id!r}: the key must be a non-empty string")
            continue
        keymap[str(binding_id)] = keys.strip()
    return keymap


def known_themes() -> set[str]:
    """Theme names gloss can show (gloss's own and Textual's)."""
    from textual.theme import BUILTIN_THEMES

    from styles.palette import PALETTES

    return set(BUILTIN_THEMES) | set(PALETTES)
