"""The ``argmap`` command line.

Each sub-command lives in a module of this package as a pair of functions:
``setup_<name>(subparsers)`` adds its parser and sets ``func`` to
``_cmd_<name>(args) -> int``; :data:`COMMANDS` lists them in the order
``--help`` shows. :func:`main` turns every
:class:`~argmap.exceptions.ArgmapError` and OS error into one line on stderr and
exit code 1; usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from argmap._version import __version__
from argmap.cli import analyse, convert, draw, page, teach
from argmap.exceptions import ArgmapError

__all__ = ["COMMANDS", "build_parser", "main"]

Setup = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]

COMMANDS: list[Setup] = [
    draw.setup_render,
    draw.setup_show,
    draw.setup_demo,
    teach.setup_standard_form,
    teach.setup_questions,
    teach.setup_schemes,
    teach.setup_exercises,
    teach.setup_grade,
    page.setup_html,
    analyse.setup_check,
    analyse.setup_evaluate,
    convert.setup_convert,
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
    except BrokenPipeError:
        # the reader of our output went away (``argmap show x | head``): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"argmap: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return 130
    return code
