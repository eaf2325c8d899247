"""Helpers the sub-commands share: checked number options, warnings, writing output, drawing options.

Every number an option takes goes through one of the ``argparse`` types here
(:func:`seconds`, :func:`count`, :func:`whole`, :func:`share`, :func:`size`),
so ``--timeout nan``, ``--limit 0`` or ``--gaps 2`` is a usage error (exit 2)
before any work starts. Warnings go through :func:`report_warnings`: one
``argmap: warning: ...`` line per distinct message, repeats counted.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = [
    "MAX_WARNING_LINES",
    "add_large_options",
    "add_look_options",
    "captured_warnings",
    "count",
    "emit",
    "large_options",
    "one_line",
    "report_warnings",
    "seconds",
    "share",
    "size",
    "whole",
    "write_drawing",
]

MAX_WARNING_LINES: Final = 20
"""Distinct lines :func:`report_warnings` prints before counting the rest (``--warnings all``: no cap)."""

_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_PACKAGE: Final = Path(__file__).resolve().parent.parent


# -- numbers ---------------------------------------------------------------------------------


def _number(text: str, kind: Callable[[str], Any], what: str) -> Any:
    try:
        return kind(text.strip())
    except (ValueError, OverflowError):
        raise argparse.ArgumentTypeError(f"expected {what}, not {text!r}") from None


def seconds(text: str) -> float:
    """``argparse`` type: a finite number of seconds above 0 (``nan``, ``inf``, ``0``, ``-1`` are refused).

    >>> seconds("2.5")
    2.5
    >>> seconds("inf")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a finite number of seconds above 0, not 'inf'
    """
    what = "a finite number of seconds above 0"
    value = float(_number(text, float, what))
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected {what}, not {text!r}")
    return value


def count(text: str) -> int:
    """``argparse`` type: a whole number of 1 or more.

    >>> count("10")
    10
    >>> count("0")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a whole number of 1 or more, not '0'
    """
    value = int(_number(text, int, "a whole number of 1 or more"))
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return value


def whole(text: str) -> int:
    """``argparse`` type: a whole number of 0 or more.

    >>> whole("0")
    0
    >>> whole("-3")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a whole number of 0 or more, not '-3'
    """
    value = int(_number(text, int, "a whole number of 0 or more"))
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of 0 or more, not {text!r}")
    return value


def share(text: str) -> float:
    """``argparse`` type: a share from 0 to 1.

    >>> share("0.3")
    0.3
    >>> share("2")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a number from 0 to 1, not '2'
    """
    value = float(_number(text, float, "a number from 0 to 1"))
    if not 0.0 <= value <= 1.0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, not {text!r}")
    return value


def size(text: str) -> int:
    """``argparse`` type: a number of bytes, with an optional unit K, M, G or T (0: no limit).

    >>> size("64M")
    67108864
    """
    from argmap._io import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


# -- messages --------------------------------------------------------------------------------


def one_line(text: str) -> str:
    """Return ``text`` with line breaks and control characters escaped, so it prints as one safe line.

    >>> one_line("a\\nb\\x1b[31mc")
    'a\\\\nb\\\\x1b[31mc'
    """
    return _CONTROL.sub(lambda m: repr(m[0])[1:-1], text)


def report_warnings(
    caught: Iterable[warnings.WarningMessage], prefix: str = "", *, every: bool = False
) -> int:
    """Print caught warnings as ``argmap: warning: PREFIXMESSAGE`` lines; return how many there were.

    Equal messages print once, with ``(xN)`` when repeated; past
    :data:`MAX_WARNING_LINES` distinct messages (unless ``every``) one line
    counts the rest. Warnings that neither argmap nor its input caused
    (a library's deprecation, say) are shown the standard way.
    """
    counts: dict[str, int] = {}
    total = 0
    for w in caught:
        if not _ours(w):
            warnings.showwarning(w.message, w.category, w.filename, w.lineno, w.file, w.line)
            continue
        total += 1
        text = one_line(str(w.message))
        counts[text] = counts.get(text, 0) + 1
    shown = list(counts.items()) if every else list(counts.items())[:MAX_WARNING_LINES]
    lines = [f"argmap: warning: {prefix}{text}" + (f" (x{n})" if n > 1 else "") for text, n in shown]
    if len(shown) < len(counts):
        rest = sum(n for _, n in list(counts.items())[len(shown) :])
        lines.append(
            f"argmap: warning: {prefix}{rest} more warning{'s' if rest != 1 else ''} "
            f"({len(counts) - len(shown)} different) not shown; --warnings all shows them"
        )
    if lines:
        print("\n".join(lines), file=sys.stderr)
    return total


def _ours(w: warnings.WarningMessage) -> bool:
    from argmap.exceptions import ArgmapWarning

    if issubclass(w.category, ArgmapWarning):
        return True
    try:
        return Path(w.filename).resolve().is_relative_to(_PACKAGE)
    except (OSError, ValueError):
        return False


@contextlib.contextmanager
def captured_warnings() -> Iterator[list[warnings.WarningMessage]]:
    """Record in the block every warning argmap issues (each time) and what the usual filters let through."""
    from argmap.exceptions import ArgmapWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ArgmapWarning)
        warnings.filterwarnings("always", module=r"argmap(\.|$)")
        yield caught


# -- output ----------------------------------------------------------------------------------


def emit(text: str, output: str | None) -> None:
    """Print ``text``, or write it atomically to ``output`` (``-`` is standard output)."""
    if output is None:
        print(text, end="" if text.endswith("\n") else "\n")
        return
    from argmap._io import atomic_write

    atomic_write(output, text if text.endswith("\n") else text + "\n")


def add_look_options(parser: argparse.ArgumentParser, *, legend: bool = False) -> None:
    """Add the drawing options; ``legend`` is the default of ``--legend``."""
    parser.add_argument("--theme", choices=("default", "colorblind"), default="default", help="colour theme")
    parser.add_argument(
        "--rankdir",
        choices=("auto", "BT", "TB", "LR", "RL"),
        default="auto",
        help="direction of the arrows (default auto: the one printing largest; BT: conclusions on top)",
    )
    parser.add_argument(
        "--wrap",
        type=_wrap,
        default=None,
        metavar="N",
        help="characters per line of a claim box (default auto)",
    )
    parser.add_argument(
        "--view",
        choices=("claims", "arguments"),
        default="claims",
        help="claims: every claim a box; arguments: each argument a box with its premises folded in",
    )
    parser.add_argument(
        "--legend",
        action=argparse.BooleanOptionalAction,
        default=legend,
        help=f"set a legend of the conventions beside the map (default {'on' if legend else 'off'})",
    )
    parser.add_argument(
        "--speakers",
        choices=("short", "full", "none"),
        default="short",
        help="speaker label on a box: short name (full one in the legend), full attribution, or none",
    )
    parser.add_argument("--clusters", action="store_true", help="frame each section (Argdown heading)")
    parser.add_argument("--page", choices=("A4", "A3", "letter"), help="fit the drawing to this paper")
    parser.add_argument("--landscape", action="store_true", help="turn the --page paper sideways")
    parser.add_argument("--dpi", type=_dpi, default=144.0, metavar="N", help="PNG resolution (default 144)")


def _wrap(text: str) -> int:
    value = int(text)
    if not 8 <= value <= 400:
        raise argparse.ArgumentTypeError("must be from 8 to 400")
    return value


def _dpi(text: str) -> float:
    value = float(text)
    if not 10 <= value <= 1200:  # also refuses nan
        raise argparse.ArgumentTypeError("must be from 10 to 1200")
    return value


def look_options(args: argparse.Namespace) -> dict[str, Any]:
    """Return the :func:`add_look_options` values for :func:`argmap.render.diagram`."""
    options: dict[str, Any] = {
        "theme": args.theme,
        "view": args.view,
        "legend": args.legend,
        "speakers": args.speakers,
        "clusters": args.clusters,
        "page": args.page,
        "landscape": args.landscape,
        "dpi": args.dpi,
    }
    if args.rankdir != "auto":
        options["rankdir"] = args.rankdir
    if args.wrap is not None:
        options["wrap"] = args.wrap
    return options


def write_drawing(m: ArgumentMap, out: str, args: argparse.Namespace, **extra: Any) -> Path:
    """Draw ``m`` to ``out`` with the look and large-map options of ``args`` (and ``extra``)."""
    from argmap.render import render

    return render(m, out, **look_options(args), **large_options(args), **extra)


def add_large_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--focus", metavar="CLAIM", help="draw only the claims near this claim id")
    parser.add_argument(
        "--depth", type=whole, default=2, metavar="N", help="argument steps around --focus (default 2)"
    )
    parser.add_argument(
        "--collapse",
        nargs="*",
        metavar="SECTION",
        help="draw each section (or those named) as one box",
    )
    parser.add_argument(
        "--engine",
        default="auto",
        help="Graphviz layout engine: dot, sfdp, ... (default auto: dot for small maps, sfdp for large ones)",
    )
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=60.0,
        metavar="S",
        help="stop Graphviz after S seconds (default 60)",
    )


def large_options(args: argparse.Namespace) -> dict[str, Any]:
    """Return the :func:`add_large_options` values for :func:`argmap.render.diagram` (none if absent)."""
    if not hasattr(args, "focus"):
        return {}
    collapse = args.collapse if args.collapse else args.collapse is not None
    return {
        "focus": args.focus,
        "depth": args.depth,
        "collapse": collapse,
        "engine": args.engine,
        "timeout": args.timeout,
    }
