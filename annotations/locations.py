"""Where the store lives: ``--store PATH`` > ``$GLOSS_STORE`` > the platformdirs user data dir.

Kept in one module so tests (which set ``GLOSS_STORE``) never touch the real home.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "gloss"


def store_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The store folder: ``override`` if given, else ``$GLOSS_STORE``, else the user data dir."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("GLOSS_STORE")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False))
