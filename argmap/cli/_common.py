"""Helpers the sub-commands share: writing output, the options of drawings."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["add_large_options", "add_look_options", "emit", "large_options", "look_options", "write_drawing"]


def emit(text: str, output: str | None) -> None:
    """Print ``text``, or write it atomically to ``output``."""
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
        "--depth", type=int, default=2, metavar="N", help="argument steps around --focus (default 2)"
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
        "--timeout", type=float, default=60.0, metavar="S", help="stop Graphviz after S seconds (default 60)"
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
