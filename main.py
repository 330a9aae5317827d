"""Thin entry point: ``python main.py [FILE|-]`` or ``python main.py COMMAND …``."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
