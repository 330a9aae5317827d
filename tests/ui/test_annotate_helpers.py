"""Helpers shared by the annotation UI tests (no tests here)."""

from __future__ import annotations

import asyncio
import time

from annotations.store import Store
from reader.ui.annotating.screen import AnnotatingScreen
from reader.ui.widgets.article_view import ArticleView

SIZE = (100, 32)


async def loaded(app, pilot, deadline: float = 10.0) -> AnnotatingScreen:
    """Wait for the analysis and for the store to answer; return the reading screen."""
    await app.workers.wait_for_complete()
    end = time.monotonic() + deadline
    while not (isinstance(app.screen, AnnotatingScreen) and app.screen.loaded):
        assert time.monotonic() < end, "the store never answered"
        await pilot.pause(0.02)
    await pilot.pause()
    return app.screen


async def settle(app, pilot=None) -> None:
    """Wait until every queued save is written (and its callbacks ran)."""
    assert await asyncio.to_thread(app.store_writer.flush, 10.0)
    if pilot is not None:
        await pilot.pause()


def stored(key: str):
    """The annotations the store holds for ``key`` (read with a second Store)."""
    with Store.open() as store:
        return store.annotations(key)


def view(app) -> ArticleView:
    """The article view of the current screen."""
    return app.screen.query_one(ArticleView)


async def wait_until(pilot, predicate, deadline: float = 10.0) -> None:
    """Poll ``predicate`` while the app runs."""
    end = time.monotonic() + deadline
    while not predicate():
        assert time.monotonic() < end, "condition never became true"
        await pilot.pause(0.02)
