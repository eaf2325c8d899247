"""The ``edit`` sub-command: the live editor in the browser (the ``edit`` extra)."""

from __future__ import annotations

import argparse

from argmap.cli._common import whole

__all__ = ["setup_edit"]


def _port(text: str) -> int:
    value = whole(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, not {text!r}")
    return value


def setup_edit(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``edit`` sub-command."""
    p = sub.add_parser(
        "edit",
        help="edit a map in the browser: Argdown text, the map drawn as you type, the source text",
        description="Serve a page that edits FILE (.argdown; another map format is shown as Argdown and "
        "saved back in its own format; a missing file is created). The page is only for this computer: "
        "it binds to 127.0.0.1 and its URL carries a secret token.",
    )
    p.add_argument("file", metavar="FILE", help="the map to edit")
    p.add_argument("--port", type=_port, default=0, help="the port to serve on (default: a free one)")
    p.add_argument(
        "--host", default="127.0.0.1", help="the address to bind (default 127.0.0.1: this computer only)"
    )
    p.add_argument("--no-browser", action="store_true", help="print the URL without opening a browser")
    p.set_defaults(func=_cmd_edit)


def _cmd_edit(args: argparse.Namespace) -> int:
    from argmap.editor.server import serve

    serve(args.file, host=args.host, port=args.port, open_browser=not args.no_browser)
    return 0
