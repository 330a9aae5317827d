"""The subcommands of ``gloss``: name -> module (imported lazily by ``reader.cli``).

Each module defines ``DESCRIPTION`` (first line is the summary), ``configure(parser)``
and ``run(args) -> int``.
"""

DEFAULT_COMMAND = "read"

COMMANDS = {
    "read": "reader.commands.read",
    "analyze": "reader.commands.analyze",
    "annotate": "reader.commands.annotate",
    "annotations": "reader.commands.annotations",
    "tags": "reader.commands.tags",
    "print": "reader.commands.print",
    "refresh": "reader.commands.refresh",
    "export": "reader.commands.export",
    "import": "reader.commands.import_",
}
