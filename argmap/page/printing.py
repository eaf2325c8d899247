"""The map on paper: one landscape page when its text stays readable, else an overview and tiles.

A map of 1,600 points across printed on one A4 page shrinks 11 pt claim text to about
5 pt. :func:`printed_map` returns the HTML that prints instead of the screen diagram: the
whole map on one landscape page when its text comes out at :data:`LEAST_TEXT_PT` or more;
otherwise that page as an overview, then the map cut into overlapping tiles, one page each,
at the scale that prints the text at :data:`LEAST_TEXT_PT`, each labelled with its place
(``row 1, column 2 of 2 x 2``). The SVG is included once, as a ``<symbol>``; the pages show
it through ``<use>``. The printable area is the smaller of A4 and Letter landscape with
14 mm margins, so one page fits either paper.

Examples
--------
>>> svg = '<svg width="400pt" height="200pt" viewBox="0 0 400 200"><g/></svg>'
>>> printed_map(svg).count("argmap-tile"), printed_map(svg).count("argmap-whole")
(0, 1)
>>> wide = '<svg width="3000pt" height="1500pt" viewBox="0 0 3000 1500"><g/></svg>'
>>> printed_map(wide).count('argmap-tile')
12
"""

from __future__ import annotations

import math
import re
from typing import Final

__all__ = ["LEAST_TEXT_PT", "PAGE_HEIGHT_PT", "PAGE_WIDTH_PT", "PRINT_CSS", "printed_map"]

LEAST_TEXT_PT: Final = 8.0
"""The smallest claim text a printed map may have, in points."""
PAGE_WIDTH_PT: Final = 712.0
"""Printable width of Letter landscape (the narrower of Letter and A4) with 14 mm margins."""
PAGE_HEIGHT_PT: Final = 470.0
"""Printable height of A4 landscape with 14 mm margins, less a caption line."""
_OVERLAP: Final = 0.05

PRINT_CSS: Final = """
.argmap-print { display: none; }
@media print {
  .argmap-print { display: block; }
  .argmap-print-page { page: argmap-wide; break-before: page; break-inside: avoid; }
  .argmap-print-page svg { display: block; margin: 0 auto; }
  .argmap-print-page p { margin: 0 0 2mm; font-size: 9pt; color: #444; }
}
"""
"""CSS a page includes with :func:`printed_map`: hidden on screen, one landscape page per part in print."""

_VIEWBOX: Final = re.compile(r'\bviewBox="([-\d.]+)[ ,]+([-\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)"')


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def printed_map(svg: str, *, text_pt: float = 11.0, least_pt: float = LEAST_TEXT_PT) -> str:
    """Return the HTML that prints the map ``svg`` (as :func:`argmap.render.diagram` makes it) readably.

    Parameters
    ----------
    svg : str
        The diagram, one ``<svg>`` element with ``viewBox`` (and ``width``/``height`` in points).
    text_pt : float
        The size of claim text in the drawing at full size.
    least_pt : float
        The smallest size claim text may print at.

    Returns
    -------
    str
        A ``<div class="argmap-print">`` holding the symbol and the pages; empty when ``svg`` has
        no ``viewBox``.
    """
    start = svg.find("<svg")
    head_end = svg.find(">", start)
    found = _VIEWBOX.search(svg, start, head_end) if start != -1 and head_end != -1 else None
    if found is None:
        return ""
    x0, y0, width, height = (float(v) for v in found.groups())
    inner = svg[head_end + 1 : svg.rfind("</svg>")]
    if width <= 0 or height <= 0:
        return ""
    box = f"{_fmt(x0)} {_fmt(y0)} {_fmt(width)} {_fmt(height)}"
    parts = [
        '<div class="argmap-print" aria-hidden="true">',
        '<svg width="0" height="0" style="position:absolute">'
        f'<symbol id="argmap-print-map" viewBox="{box}">{inner}</symbol></svg>',
    ]
    fit = min(PAGE_WIDTH_PT / width, PAGE_HEIGHT_PT / height)

    def page(caption: str, view: tuple[float, float, float, float], scale: float, cls: str) -> None:
        vx, vy, vw, vh = view
        parts.append(
            f'<div class="argmap-print-page {cls}"><p>{caption}</p>'
            f'<svg viewBox="{_fmt(vx)} {_fmt(vy)} {_fmt(vw)} {_fmt(vh)}" '
            f'width="{_fmt(vw * scale)}pt" height="{_fmt(vh * scale)}pt">'
            f'<use href="#argmap-print-map" x="{_fmt(x0)}" y="{_fmt(y0)}" '
            f'width="{_fmt(width)}" height="{_fmt(height)}"/></svg></div>'
        )

    if fit * text_pt >= least_pt:
        page("The map.", (x0, y0, width, height), fit, "argmap-whole")
        parts.append("</div>")
        return "".join(parts)
    page(
        f"The whole map, reduced (its text prints at {fit * text_pt:.1f} pt); the pages after it show it "
        f"in parts, at {least_pt:g} pt.",
        (x0, y0, width, height),
        fit,
        "argmap-whole",
    )
    scale = least_pt / text_pt
    tile_w, tile_h = PAGE_WIDTH_PT / scale, PAGE_HEIGHT_PT / scale
    step_w, step_h = tile_w * (1 - _OVERLAP), tile_h * (1 - _OVERLAP)
    cols = max(1, math.ceil((width - tile_w) / step_w) + 1) if width > tile_w else 1
    rows = max(1, math.ceil((height - tile_h) / step_h) + 1) if height > tile_h else 1
    for r in range(rows):
        for c in range(cols):
            vx = x0 + min(c * step_w, max(0.0, width - tile_w))
            vy = y0 + min(r * step_h, max(0.0, height - tile_h))
            vw, vh = min(tile_w, width), min(tile_h, height)
            page(
                f"The map, row {r + 1}, column {c + 1} of {rows} x {cols}.",
                (vx, vy, vw, vh),
                scale,
                "argmap-tile",
            )
    parts.append("</div>")
    return "".join(parts)
