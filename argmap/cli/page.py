"""The ``html`` sub-command: one self-contained page."""

from __future__ import annotations

import argparse

__all__ = ["setup_html"]


def setup_html(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``html`` sub-command."""
    p = sub.add_parser("html", help="write one self-contained HTML page: diagram, text, standard form")
    p.add_argument("file", help="the map")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument("--title", help="page title (default: the map's title)")
    p.set_defaults(func=_cmd_html)


def _cmd_html(args: argparse.Namespace) -> int:
    from argmap.files import read
    from argmap.page.html import write_html

    write_html(read(args.file), args.output, title=args.title)
    return 0
