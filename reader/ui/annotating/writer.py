"""The store writer: one thread that does every store call of the app, off the UI thread.

TinyDB is not thread-safe and a save must never block a keypress, so the app hands all
store work to this one thread, in order:

- ``call(fn, done, failed)`` runs ``fn(store)`` once (loading an article, listing the
  library) and hands the result to ``done`` on the UI thread (``failed`` gets the error).
- ``call_after_saves(fn, done, failed)`` is ``call`` queued behind the waiting saves.
- ``save(key, fn)`` queues a change (``fn(store)``, e.g. an annotation upsert) under
  ``key``; a later change with the same key replaces one still waiting, so a burst of
  edits to one highlight costs one write. Saves wait until ``SETTLE`` quiet seconds pass
  so the frame that shows a change is painted before the (GIL-holding) JSON encoding
  and keys pressed in a burst are not slowed by it (at most ``MAX_DELAY`` seconds).
  A save that fails stays queued, in order, and is retried with a growing delay; the
  first failure of a streak and the recovery are reported through ``on_status``.
  Nothing is dropped silently: ``pending()`` says how many changes are waiting; a change
  the store refuses outright (``InvalidError``/``NotFoundError``: retrying cannot help)
  is reported with ``refused=True`` and skipped so the changes behind it still land.

The store is opened lazily on the thread (``opener``), so a store that cannot be opened
is just a failing save, retried like any other.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from annotations.errors import InvalidError, NotFoundError

SETTLE = 0.3  # seconds without a new change before saving (the frame paints, a burst coalesces)
MAX_DELAY = 2.0  # seconds a change waits at most, however busy the keyboard
CLOSE_ATTEMPTS = 3  # tries at a failing save while the app quits
RETRY_DELAYS = (0.5, 1.0, 2.0, 5.0, 10.0)  # seconds between attempts at a failing save

StoreCall = Callable[[Any], Any]
Deliver = Callable[[Callable[..., Any], Any], None]


class StoreWriter:
    """A single worker thread owning the store."""

    def __init__(
        self,
        opener: Callable[[], Any],
        deliver: Deliver,
        on_status: Callable[[str | None, bool], None] | None = None,
        refused: tuple[type[Exception], ...] = (InvalidError, NotFoundError),
    ) -> None:
        """``deliver(callback, value)`` runs ``callback(value)`` on the UI thread;
        ``on_status(error or None, refused)`` hears about failures and recovery;
        ``refused`` errors are final for one change (it is dropped, the others go on)."""
        self._refused = refused
        self._opener = opener
        self._deliver = deliver
        self._on_status = on_status
        self._store: Any = None
        self._calls: list[tuple[StoreCall, Callable | None, Callable | None]] = []
        self._saves: OrderedDict[str, StoreCall] = OrderedDict()
        self._condition = threading.Condition()
        self._closing = False
        self._failures = 0
        self._busy = False
        self._sequence = 0
        self._last_change = 0.0
        self._flushing = 0
        self._first_waiting: float | None = None
        self._thread = threading.Thread(target=self._run, name="gloss-store-writer", daemon=True)
        self._thread.start()

    # -- API (UI thread) ---------------------------------------------------------------

    def call(self, fn: StoreCall, done: Callable | None = None, failed: Callable | None = None) -> None:
        """Run ``fn(store)`` on the writer thread; deliver its result or error."""
        with self._condition:
            self._calls.append((fn, done, failed))
            self._condition.notify()

    def save(self, key: str, fn: StoreCall) -> None:
        """Queue a change; replaces a waiting change with the same ``key``."""
        with self._condition:
            self._saves.pop(key, None)
            self._saves[key] = fn
            self._last_change = time.monotonic()
            if self._first_waiting is None:
                self._first_waiting = self._last_change
            self._condition.notify()

    def call_after_saves(
        self, fn: StoreCall, done: Callable | None = None, failed: Callable | None = None
    ) -> None:
        """Like ``call``, but in order after every change queued so far."""
        self._sequence += 1
        # a save runs on the writer thread with the store open, which ``_run_call`` uses;
        # it delivers errors itself, so the save never fails (and is never retried)
        self.save(f"call:{self._sequence}", lambda _store: self._run_call(fn, done, failed))

    def pending(self) -> int:
        """Changes not yet written (waiting, being written, or failing)."""
        with self._condition:
            return len(self._saves) + (1 if self._busy else 0)

    @property
    def failing(self) -> bool:
        """True while saves fail."""
        return self._failures > 0

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every queued change is written (True) or ``timeout`` passes."""
        with self._condition:
            self._flushing += 1
            self._condition.notify_all()
            try:
                return self._condition.wait_for(
                    lambda: not self._saves and not self._calls and not self._busy, timeout
                )
            finally:
                self._flushing -= 1

    def close(self, timeout: float = 5.0) -> bool:
        """Write what is queued (up to ``timeout``) and stop the thread; True if all saved."""
        with self._condition:
            self._closing = True
            self._condition.notify_all()
        self._thread.join(timeout)
        with self._condition:
            saved = not self._saves
        if self._store is not None and not self._thread.is_alive():
            with contextlib.suppress(Exception):  # closing only drops caches
                self._store.close()
        return saved

    # -- the thread ----------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._calls or self._saves or self._closing)
                if self._calls:
                    job = self._calls.pop(0)
                    self._busy = True
                elif self._saves:
                    job = None
                elif self._closing:
                    return
            if job is not None:
                self._run_call(*job)
            elif not self._run_saves():
                return  # closing and the store keeps failing: close() reports the loss
            with self._condition:
                self._busy = False
                self._condition.notify_all()

    def _store_or_raise(self) -> Any:
        if self._store is None:
            self._store = self._opener()
        return self._store

    def _run_call(self, fn: StoreCall, done: Callable | None, failed: Callable | None) -> None:
        try:
            result = fn(self._store_or_raise())
        except Exception as error:
            if failed is not None:
                self._deliver(failed, error)
            return
        if done is not None:
            self._deliver(done, result)

    def _run_saves(self) -> bool:
        """Write the oldest queued change; on failure wait before the retry (a call may
        go first). False when closing and the store keeps failing."""
        with self._condition:
            if not self._failures:
                self._condition.wait_for(self._save_due, SETTLE)
                if not self._save_due():
                    return True  # more waiting: _run comes back here
            if not self._saves:
                self._first_waiting = None
                return True
            key, fn = next(iter(self._saves.items()))
            self._busy = True
        try:
            fn(self._store_or_raise())
        except self._refused as error:
            # the store said no (an unknown tag, a range outside the text): retrying
            # cannot help, and this change must not hold back the ones behind it
            self._forget(key, fn)
            self._report(str(error) or type(error).__name__, refused=True)
            return True
        except Exception as error:
            return self._failed(error)
        self._forget(key, fn)
        if self._failures:
            self._failures = 0
            self._report(None)
        return True

    def _forget(self, key: str, fn: StoreCall) -> None:
        """Drop a save that is done (unless a newer change replaced it meanwhile)."""
        with self._condition:
            if self._saves.get(key) is fn:
                del self._saves[key]
            if not self._saves:
                self._first_waiting = None

    def _save_due(self) -> bool:
        """Whether the queued saves should run now (quiet long enough, waited too long,
        a flush or close asked, or a call is waiting behind them)."""
        now = time.monotonic()
        return (
            self._closing
            or self._flushing > 0
            or bool(self._calls)
            or now - self._last_change >= SETTLE
            or (self._first_waiting is not None and now - self._first_waiting >= MAX_DELAY)
        )

    def _failed(self, error: Exception) -> bool:
        """Keep the change queued; report the first failure; wait before the next try."""
        self._failures += 1
        if self._failures == 1:
            self._report(str(error) or type(error).__name__)
        if self._failures > 1:
            self._store = None  # reopen next time: the folder may have come back
        delay = RETRY_DELAYS[min(self._failures, len(RETRY_DELAYS)) - 1]
        with self._condition:
            self._busy = False
            if self._closing:
                return self._failures < CLOSE_ATTEMPTS
            self._condition.wait_for(lambda: bool(self._calls) or self._closing, delay)
        return True

    def _report(self, error: str | None, refused: bool = False) -> None:
        if self._on_status is not None:
            on_status = self._on_status
            self._deliver(lambda value: on_status(*value), (error, refused))
