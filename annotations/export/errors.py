"""The export's own error: a one-line message the CLI and the app show as it is."""


class ExportError(Exception):
    """An export that cannot be made (bad template, unwritable path …); ``str()`` says why."""
