"""Errors that reach the user as one line and exit status 2 (never a traceback)."""


class GlossError(Exception):
    """A problem the user can act on; ``str(error)`` is the whole message."""

    exit_code = 2
