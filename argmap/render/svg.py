"""The engine's SVG made ready to show: text centred, fonts named, a legend beside, a page to fit.

Graphviz places each line of an HTML label from its start, at the width the engine measured; an
engine that measures a line too narrow (``graphviz-pure`` counts each byte of a non-ASCII
character as a space) shifts it to the right. :func:`finish` anchors every line of a claim box at
the box's centre instead, so a line as wide as argmap measured it (:mod:`argmap.render.metrics`)
stays inside the box, and names the font with its metric-compatible fallbacks
(:data:`~argmap.render.metrics.SVG_FONT_FAMILY`). :func:`compose` puts a legend under or beside
the map; :func:`fit_page` sizes the drawing to a sheet of paper.

Every function takes and returns SVG text; the ``viewBox`` is always kept, with ``width`` and
``height`` in points, so a page can scale the drawing to its width.

Examples
--------
>>> svg = '''<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt" viewBox="0 0 100 50">
... <g id="c" class="node claim"><path d="M10,10 L90,10 L90,40 L10,40 Z"/>
... <text text-anchor="start" x="12" y="25" font-family="Arial">Hi</text></g></svg>'''
>>> out = finish(svg)
>>> 'text-anchor="middle" x="50"' in out, "Liberation Sans" in out
(True, True)
>>> size(fit_page(out, "A4", landscape=True))
(841.89, 595.28)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Final

from argmap.exceptions import RenderError
from argmap.render.metrics import FONT_FAMILY, SVG_FONT_FAMILY

__all__ = ["PAGES", "SVG_NS", "compose", "finish", "fit_page", "in_user_units", "size"]

SVG_NS: Final = "http://www.w3.org/2000/svg"
"""The SVG namespace."""
XLINK_NS: Final = "http://www.w3.org/1999/xlink"
_S: Final = f"{{{SVG_NS}}}"
_NUMBER: Final = re.compile(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")
_CENTRED: Final = frozenset({"claim", "argument", "legend-item"})

PAGES: Final = {"A4": (595.276, 841.89), "A3": (841.89, 1190.551), "letter": (612.0, 792.0)}
"""Paper sizes in points, portrait (width, height)."""

PAGE_MARGIN: Final = 28.35
"""The margin :func:`fit_page` leaves on every side, in points (1 cm)."""

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


def _parse(svg: str | bytes) -> ET.Element:
    try:
        return ET.fromstring(svg)
    except ET.ParseError as err:
        raise RenderError(f"the engine wrote SVG that does not parse: {err}") from None


def _dump(root: ET.Element) -> str:
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + ET.tostring(root, encoding="unicode")


def _shape_x_range(group: ET.Element) -> tuple[float, float] | None:
    """The horizontal extent of the first shape (path or polygon) of a node group."""
    for el in group.iter():
        if el.tag in (f"{_S}path", f"{_S}polygon"):
            raw = el.get("d") if el.tag == f"{_S}path" else el.get("points")
            numbers = [float(x) for x in _NUMBER.findall(raw or "")]
            xs = numbers[0::2]
            if xs:
                return min(xs), max(xs)
    return None


def finish(svg: str | bytes) -> str:
    """Return the engine's SVG with the lines of every box centred and the font named for browsers.

    Lines of ``claim``, ``argument`` and ``legend-item`` nodes get ``text-anchor="middle"`` at the
    centre of the node's shape; every ``font-family`` that is argmap's drawing font becomes
    :data:`~argmap.render.metrics.SVG_FONT_FAMILY`.
    """
    root = _parse(svg)
    for group in root.iter(f"{_S}g"):
        if not _CENTRED & set((group.get("class") or "").split()):
            continue
        extent = _shape_x_range(group)
        if extent is None:
            continue
        centre = f"{(extent[0] + extent[1]) / 2:.2f}".rstrip("0").rstrip(".")
        for text in group.iter(f"{_S}text"):
            text.set("text-anchor", "middle")
            text.set("x", centre)
    for text in root.iter(f"{_S}text"):
        if text.get("font-family") == FONT_FAMILY:
            text.set("font-family", SVG_FONT_FAMILY)
    return _dump(root)


def size(svg: str | bytes) -> tuple[float, float]:
    """Return the drawing's width and height in points (from ``width``/``height``, else the ``viewBox``)."""
    root = _parse(svg)
    width, height = root.get("width"), root.get("height")
    if width and height:
        return _points(width), _points(height)
    box = [float(x) for x in (root.get("viewBox") or "").split()]
    if len(box) != 4:
        raise RenderError("the SVG has neither width and height nor a viewBox")
    return box[2], box[3]


def in_user_units(svg: str | bytes) -> str:
    """Return the SVG with ``width`` and ``height`` as plain numbers of points (no unit).

    >>> in_user_units('<svg xmlns="http://www.w3.org/2000/svg" width="1in" height="36pt"/>').splitlines()[1]
    '<svg xmlns="http://www.w3.org/2000/svg" width="72" height="36" />'
    """
    root = _parse(svg)
    width, height = size(svg)
    root.set("width", _fmt(width))
    root.set("height", _fmt(height))
    return _dump(root)


def _points(length: str) -> float:
    match = re.fullmatch(r"\s*([\d.]+)\s*(pt|px|in|cm|mm)?\s*", length)
    if match is None:
        raise RenderError(f"cannot read the SVG length {length!r}")
    factor = {"pt": 1.0, None: 0.75, "px": 0.75, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}[match[2]]
    return float(match[1]) * factor


def _view_box(root: ET.Element) -> tuple[float, float, float, float]:
    box = [float(x) for x in (root.get("viewBox") or "").replace(",", " ").split()]
    if len(box) == 4:
        return box[0], box[1], box[2], box[3]
    w, h = _points(root.get("width") or "0"), _points(root.get("height") or "0")
    return 0.0, 0.0, w, h


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def compose(main: str | bytes, legend: str | bytes, *, where: str = "auto", gap: float = 8.0) -> str:
    """Return one SVG with ``legend`` under (``"below"``) or beside (``"right"``) ``main``.

    ``"auto"`` takes the placement whose whole is nearer to the shape of a sheet of paper
    (√2 : 1, either way round); the legend is centred on the side it is added to.
    """
    a, b = _parse(main), _parse(legend)
    ax, ay, aw, ah = _view_box(a)
    bx, by, bw, bh = _view_box(b)
    below = (max(aw, bw), ah + gap + bh)
    right = (aw + gap + bw, max(ah, bh))
    if where == "auto":

        def badness(wh: tuple[float, float]) -> float:
            ratio = max(wh) / min(wh)
            return abs(ratio - 2**0.5) + max(wh) / 5000

        where = "below" if badness(below) <= badness(right) else "right"
    if where not in ("below", "right"):
        raise RenderError(f"a legend goes 'below' or 'right' (or 'auto'), not {where!r}")
    width, height = below if where == "below" else right
    out = ET.Element(
        f"{_S}svg",
        {
            "width": f"{_fmt(width)}pt",
            "height": f"{_fmt(height)}pt",
            "viewBox": f"0 0 {_fmt(width)} {_fmt(height)}",
        },
    )
    if where == "below":
        places = ((a, (width - aw) / 2 - ax, -ay), (b, (width - bw) / 2 - bx, ah + gap - by))
    else:
        places = ((a, -ax, (height - ah) / 2 - ay), (b, aw + gap - bx, (height - bh) / 2 - by))
    for source, dx, dy in places:
        group = ET.SubElement(out, f"{_S}g", {"transform": f"translate({_fmt(dx)} {_fmt(dy)})"})
        group.extend(list(source))
    return _dump(out)


def fit_page(svg: str | bytes, page: str, *, landscape: bool = False, margin: float = PAGE_MARGIN) -> str:
    """Return the SVG sized to a sheet of ``page`` paper (:data:`PAGES`), the drawing centred within margins.

    The ``viewBox`` grows by the margins and to the paper's shape; ``width`` and ``height`` are
    the paper's size in points, so printing at 100 % fills the sheet.

    Raises
    ------
    RenderError
        If ``page`` is not a known paper size.
    """
    if page not in PAGES:
        raise RenderError(f"unknown page size {page!r}; choose from {', '.join(PAGES)}")
    pw, ph = PAGES[page]
    if landscape:
        pw, ph = ph, pw
    root = _parse(svg)
    x, y, w, h = _view_box(root)
    scale = min((pw - 2 * margin) / w, (ph - 2 * margin) / h) if w and h else 1.0
    vw, vh = pw / scale, ph / scale
    root.set("viewBox", f"{_fmt(x - (vw - w) / 2)} {_fmt(y - (vh - h) / 2)} {_fmt(vw)} {_fmt(vh)}")
    root.set("width", f"{_fmt(pw)}pt")
    root.set("height", f"{_fmt(ph)}pt")
    return _dump(root)
