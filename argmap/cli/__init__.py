"""The ``argmap`` command line.

Each sub-command lives in a module of this package as a pair of functions:
``setup_<name>(subparsers)`` adds its parser and sets ``func`` to
``_cmd_<name>(args) -> int``; :data:`COMMANDS` lists them in the order
``--help`` shows. :func:`main` runs one and reports on stderr, the same way
for every command:

- each warning as ``argmap: warning: MESSAGE`` (repeats counted ``(xN)``);
- an :class:`~argmap.exceptions.ArgmapError`, an OS error or running out of
  memory or stack as one line ``argmap: error: ...``, exit code 1;
- Ctrl-C as ``argmap: interrupted``, exit code 130;
- usage errors (a bad option or number) through ``argparse``, exit code 2.

Options every command takes: ``--max-input SIZE`` (the input limit of
:func:`argmap._io.max_input_bytes`) and ``--warnings {summary,all,none}``.
"""

from __future__ import annotations

import signal
import sys


def _interrupted_while_starting(signum: int, frame: object) -> None:
    print("argmap: interrupted", file=sys.stderr)
    raise SystemExit(130)


# Ctrl-C while the command line's modules load: one line, no traceback (Python's
# own handler is back once they are loaded, before main() runs)
_default_sigint = signal.getsignal(signal.SIGINT)
if _default_sigint is signal.default_int_handler:
    signal.signal(signal.SIGINT, _interrupted_while_starting)

import argparse  # noqa: E402
import contextlib  # noqa: E402
import os  # noqa: E402
import warnings  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402

from argmap._version import __version__  # noqa: E402
from argmap.cli import _common, analyse, convert, draw, page, teach  # noqa: E402
from argmap.exceptions import ArgmapError  # noqa: E402

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
"""The functions that add each sub-command to the parser, in the order ``--help`` lists them."""


def _add_global_options(parser: argparse.ArgumentParser, default: object) -> None:
    group = parser.add_argument_group("options of every command")
    group.add_argument(
        "--max-input",
        type=_common.size,
        default=default,
        metavar="SIZE",
        help="refuse input files larger than SIZE bytes (K, M, G suffixes; 0: no limit; "
        "default ARGMAP_MAX_INPUT or 256M)",
    )
    group.add_argument(
        "--warnings",
        choices=("summary", "all", "none"),
        default=default,
        help=f"print at most {_common.MAX_WARNING_LINES} distinct warnings (summary, the default), "
        "every one, or none",
    )


if _default_sigint is signal.default_int_handler:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="argmap", description="Map, analyse and draw the argument structure of a text."
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    _add_global_options(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for setup in COMMANDS:
        setup(sub)
    for command in sub.choices.values():
        _add_global_options(command, argparse.SUPPRESS)  # after the command too, not resetting it
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (usage errors exit with 2 through ``argparse``)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _interrupted()
        return 130


def _interrupted() -> None:
    with contextlib.suppress(KeyboardInterrupt, OSError):
        print("argmap: interrupted", file=sys.stderr)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from argmap import _io

    if args.max_input is not None:
        _io.set_max_input_bytes(args.max_input)
    else:
        try:
            _io.max_input_bytes()
        except ValueError as exc:
            parser.error(str(exc))
    caught: list[warnings.WarningMessage] = []
    try:
        with _common.captured_warnings() as caught:
            code: int = args.func(args)
    except ArgmapError as exc:
        _report(caught, args)
        print(f"argmap: error: {_common.one_line(str(exc))}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader of our output went away (``argmap show x | head``): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:
        _report(caught, args)
        where = f": {exc.filename}" if exc.filename else ""
        print(f"argmap: error: {_common.one_line(f'{exc.strerror or exc}{where}')}", file=sys.stderr)
        return 1
    except MemoryError:
        _report(caught, args)
        print("argmap: error: out of memory (is the input far larger than it should be?)", file=sys.stderr)
        return 1
    except RecursionError:
        _report(caught, args)
        print("argmap: error: the input is nested too deeply", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        _report(caught, args)
        raise
    finally:
        _io.set_max_input_bytes(None)
    _report(caught, args)
    return code


def _report(caught: list[warnings.WarningMessage], args: argparse.Namespace) -> None:
    mode = getattr(args, "warnings", None) or "summary"
    if mode != "none":
        _common.report_warnings(caught, every=mode == "all")
