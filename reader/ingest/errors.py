"""The error every ingest step raises for input that cannot become an article."""

from __future__ import annotations

from reader.errors import GlossError


class IngestError(GlossError):
    """An input that cannot be turned into an article; ``str()`` is a one-line message."""
