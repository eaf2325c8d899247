"""Sub-commands that draw or print a map: ``render``, ``show``, ``demo``."""

from __future__ import annotations

import argparse

from argmap.cli._common import add_large_options, add_look_options, look_options, write_drawing

__all__ = ["setup_demo", "setup_render", "setup_show"]


def setup_render(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``render`` sub-command."""
    p = sub.add_parser("render", help="draw a map to SVG, PNG, PDF or DOT")
    p.add_argument("file", metavar="FILE", help="the map (its format is told by the suffix)")
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="output file; .svg, .png, .pdf or .dot"
    )
    add_look_options(p)
    add_large_options(p)
    p.set_defaults(func=_cmd_render)


def _cmd_render(args: argparse.Namespace) -> int:
    from argmap.files import read

    path = write_drawing(read(args.file), args.output, args)
    print(f"wrote {path}")
    return 0


def setup_show(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``show`` sub-command."""
    p = sub.add_parser("show", help="print a map as an outline")
    p.add_argument("file", metavar="FILE", help="the map (its format is told by the suffix)")
    p.set_defaults(func=_cmd_show)


def _cmd_show(args: argparse.Namespace) -> int:
    from argmap.files import read
    from argmap.render.outline import outline

    print(outline(read(args.file)))
    return 0


def setup_demo(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``demo`` sub-command."""
    p = sub.add_parser("demo", help="draw the seed article's map and print its outline")
    p.add_argument(
        "-o",
        "--output",
        default="putin_has_no_time_left.svg",
        metavar="OUT",
        help="output file (default: putin_has_no_time_left.svg here, also as .png); .svg, .png, .pdf or .dot",
    )
    add_look_options(p, legend=True)
    p.set_defaults(func=_cmd_demo)


def _cmd_demo(args: argparse.Namespace) -> int:
    from pathlib import Path

    from argmap.render import diagram
    from argmap.render.outline import outline
    from argmap.seed import seed_map

    m = seed_map()
    drawing = diagram(m, **look_options(args))
    path = drawing.render(args.output)
    print(outline(m))
    print(f"\nwrote the map of {m.title!r} to {path.resolve()}")
    if Path(args.output).suffix.lower() == ".svg":  # and a picture any viewer opens
        png = drawing.render(Path(args.output).with_suffix(".png"))
        print(f"wrote it as PNG to {png.resolve()}")
    return 0
