"""The ``argmap`` command line.

Each sub-command is a pair of functions: ``_setup_<name>(subparsers)`` adds its
parser and sets ``func`` to ``_cmd_<name>(args) -> int``. ``main`` turns every
:class:`~argmap.exceptions.ArgmapError` and OS error into one line on stderr and
exit code 1; usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from argmap import __version__
from argmap.exceptions import ArgmapError

__all__ = ["main"]

Setup = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


# -- sub-commands ---------------------------------------------------------------------------
# (each sub-command: a _setup_<name> function and a _cmd_<name> function, registered in COMMANDS)


COMMANDS: list[Setup] = [
    # one line per sub-command, in the order --help lists them
]


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="argmap", description="Map, analyse and draw the argument structure of a text."
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for setup in COMMANDS:
        setup(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except ArgmapError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"argmap: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
