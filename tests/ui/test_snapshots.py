"""Snapshot tests of the seed article at 100x32 (dark and light, quotes and entities shown).

Plain ``def`` tests: ``snap_compare`` runs its own event loop. Each waits for the
analysis worker before the snapshot, so the spans are always there.
"""

from __future__ import annotations

from tests.ui.snapshot_apps import seed_app

SIZE = (100, 32)


async def _analysed(pilot) -> None:
    """Wait until the analysis has been applied."""
    await pilot.app.screen.wait_until_analysed()
    await pilot.pause()


def test_seed_dark(snap_compare):
    assert snap_compare(seed_app("gloss-dark"), terminal_size=SIZE, run_before=_analysed)


def test_seed_light(snap_compare):
    assert snap_compare(seed_app("gloss-light"), terminal_size=SIZE, run_before=_analysed)


def test_seed_quotes_coloured_dark(snap_compare):
    # two pages down: Nadelmann's and Krotulski's quotes, entities underlined
    assert snap_compare(seed_app("gloss-dark"), terminal_size=SIZE, run_before=_analysed, press=["space"])


def test_seed_quotes_and_entities_light_with_sidebar(snap_compare):
    async def open_quotes(pilot) -> None:
        await _analysed(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "l")
        await pilot.app.screen.sidebar.show_tab("tab-quotes")
        await pilot.pause()

    assert snap_compare(seed_app("gloss-light"), terminal_size=SIZE, run_before=open_quotes)
