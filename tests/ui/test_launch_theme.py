"""The theme given at start (set without Textual's watcher) colours the first frame."""

from __future__ import annotations

import pytest
from textual.color import Color

from reader.ui.app import make_app
from tests.ui.snapshot_apps import SEED


@pytest.mark.parametrize(
    ("name", "mode"),
    [("gloss-dark", "-dark-mode"), ("gloss-light", "-light-mode"), ("textual-light", "-light-mode")],
)
async def test_start_theme_sets_classes_and_colours(name, mode):
    app = make_app(SEED, analyzer=None, theme=name)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        other = "-light-mode" if mode == "-dark-mode" else "-dark-mode"
        assert app.has_class(mode, f"-theme-{name}") and not app.has_class(other)
        assert app.screen.styles.background == Color.parse(app.current_theme.background)
        # switching afterwards still goes through Textual's watcher
        app.theme = "gloss-light" if name != "gloss-light" else "gloss-dark"
        await pilot.pause()
        assert not app.has_class(f"-theme-{name}")
        assert app.screen.styles.background == Color.parse(app.current_theme.background)
