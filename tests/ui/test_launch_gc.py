"""``gloss FILE`` runs start-up with the collector off; it is back on after the first frame."""

from __future__ import annotations

import gc

from reader.cli import main
from reader.ui.app import make_app
from tests.ui.snapshot_apps import SEED


def test_read_turns_the_collector_back_on_when_it_fails(tmp_path):
    assert gc.isenabled()
    assert main([str(tmp_path / "missing.txt")]) == 2
    assert gc.isenabled()


async def test_reader_turns_the_collector_on_after_the_first_frame():
    gc.disable()  # as ``gloss FILE`` does before Textual is imported
    try:
        app = make_app(SEED, analyzer=None)
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
