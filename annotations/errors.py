"""Errors of the annotation store: one-line messages the CLI shows as ``gloss: …`` (exit 2)."""

from __future__ import annotations


class StoreError(Exception):
    """A store problem the user can act on; ``str(error)`` is the whole message."""

    exit_code = 2


class CorruptStoreError(StoreError):
    """A store file that cannot be parsed; it is kept untouched and never overwritten."""

    def __init__(self, message: str, path: str = "", backup: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


class NewerStoreError(StoreError):
    """A store file written by a newer gloss (schema version above the one we know)."""


class StoreLockedError(StoreError):
    """Another gloss process held the store lock for too long."""


class NotFoundError(StoreError):
    """An article, annotation or tag that is not in the store."""


class InvalidError(StoreError):
    """A value the store refuses: an unknown tag, a bad colour, a key already in use…"""
