"""Command line: ``gloss [FILE|-]`` opens the reader; ``gloss COMMAND …`` runs a subcommand.

Each subcommand lives in its own module under ``reader.commands`` and is imported only
when used, so ``analyze``, ``print`` and ``export`` start without importing Textual.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from reader import __version__
from reader.commands import COMMANDS, DEFAULT_COMMAND
from reader.errors import GlossError


def _user_errors() -> tuple[type[BaseException], ...]:
    """Exception classes whose message is shown to the user as it is."""
    errors: list[type[BaseException]] = [GlossError]
    try:
        from annotations.errors import StoreError

        errors.append(StoreError)
    except ImportError:  # the store package is optional for reading
        pass
    return tuple(errors)


class _OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (the usage is in --help)."""

    def error(self, message: str) -> NoReturn:
        """Print ``PROG: error: MESSAGE (see PROG --help)`` and exit with status 2."""
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")

    def format_help(self) -> str:
        """The help text; ``gloss --help`` lists the subcommands (imported only now)."""
        if self.epilog is None and self.prog == "gloss":
            self.epilog = _command_list()
        return super().format_help()


def build_parser(command: str) -> argparse.ArgumentParser:
    """The argument parser of one subcommand (``read`` is the default)."""
    module = importlib.import_module(COMMANDS[command])
    prog = "gloss" if command == DEFAULT_COMMAND else f"gloss {command}"
    parser = _OneLineParser(
        prog=prog,
        description=module.DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"gloss {__version__}")
    module.configure(parser)
    parser.set_defaults(_run=module.run)
    return parser


def _command_list() -> str:
    """The epilog of ``gloss --help``: every subcommand with its one-line summary."""
    lines = ["commands (gloss COMMAND --help for more):"]
    for name, path in COMMANDS.items():
        if name != DEFAULT_COMMAND:
            summary = importlib.import_module(path).DESCRIPTION.splitlines()[0]
            lines.append(f"  {name:<12} {summary}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run gloss with ``argv`` (without the program name); return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = DEFAULT_COMMAND
    # A command name always wins over a file of that name (open that one as ./NAME).
    if args_list and args_list[0] in COMMANDS:
        command = args_list.pop(0)
    parser = build_parser(command)
    args = parser.parse_args(args_list)
    try:
        return int(args._run(args) or 0)
    except _user_errors() as error:
        print(f"gloss: {error}", file=sys.stderr)
        return getattr(error, "exit_code", 2)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader of our output went away (``gloss analyze … | head``)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:
        if os.environ.get("GLOSS_DEBUG"):
            raise
        print(f"gloss: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
