"""Helpers the sub-commands share: writing output, the options of drawings."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from argmap.model import ArgumentMap

__all__ = ["add_large_options", "add_look_options", "emit", "large_options", "write_drawing"]


def emit(text: str, output: str | None) -> None:
    """Print ``text``, or write it atomically to ``output``."""
    if output is None:
        print(text, end="" if text.endswith("\n") else "\n")
        return
    from argmap._io import atomic_write

    atomic_write(output, text if text.endswith("\n") else text + "\n")


def add_look_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--theme", choices=("default", "colorblind"), default="default", help="colour theme")
    parser.add_argument(
        "--rankdir",
        choices=("BT", "TB", "LR", "RL"),
        default="BT",
        help="direction of the arrows (default BT: conclusions on top)",
    )
    parser.add_argument(
        "--wrap", type=int, default=32, metavar="N", help="characters per line of a claim box"
    )


def write_drawing(m: ArgumentMap, out: str, args: argparse.Namespace) -> Path:
    """Draw ``m`` to ``out`` with the look and large-map options of ``args``."""
    from argmap.render import Style, render

    style = Style.theme(args.theme).replace(rankdir=args.rankdir, wrap=args.wrap)
    return render(m, out, style, **large_options(args))


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
