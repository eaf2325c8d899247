"""PNG and PDF from argmap's finished SVG, with no system Graphviz and no system fonts needed.

Both go through usvg, the SVG reader of the resvg project, so they lay text out alike:
:func:`svg_to_png` with ``resvg-py`` (a dependency of argmap) and :func:`svg_to_pdf` with
``svg2pdf-py`` (Typst's svg2pdf, vector output with embedded, selectable text; the ``pdf``
extra). Fonts are the system's plus the Arimo faces shipped in ``argmap/render/fonts``, so the
drawing font is there on a machine without any (the PDF embeds the subset it uses).

Examples
--------
>>> svg = '<svg xmlns="http://www.w3.org/2000/svg" width="72pt" height="36pt" viewBox="0 0 72 36"/>'
>>> png = svg_to_png(svg, dpi=144)
>>> png[:4], png_size(png)
(b'\\x89PNG', (144, 72))
"""

from __future__ import annotations

import struct
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from argmap.exceptions import RenderError

__all__ = ["DEFAULT_DPI", "PDF_HINT", "font_files", "png_size", "svg_to_pdf", "svg_to_png"]

DEFAULT_DPI: Final = 144.0
"""PNG resolution when none is asked for: twice a screen's 72 points per inch."""

PDF_HINT: Final = "pip install 'argmap[pdf]' (svg2pdf-py) for PDF without system Graphviz"
"""What to install for PDF output without system Graphviz."""

_MAX_PIXELS: Final = 200_000_000


@cache
def font_files() -> tuple[str, ...]:
    """Return the paths of the Arimo faces shipped with argmap."""
    folder = resources.files("argmap.render").joinpath("fonts")
    return tuple(
        str(Path(str(folder)) / name)
        for name in ("Arimo-Regular.ttf", "Arimo-Bold.ttf", "Arimo-Italic.ttf", "Arimo-BoldItalic.ttf")
        if folder.joinpath(name).is_file()
    )


def png_size(png: bytes) -> tuple[int, int]:
    """Return the pixel width and height of PNG data."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise RenderError("not PNG data")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def svg_to_png(svg: str, *, dpi: float = DEFAULT_DPI) -> bytes:
    """Return ``svg`` drawn as PNG at ``dpi`` pixels per inch (its points are 1/72 inch).

    Raises
    ------
    RenderError
        If ``dpi`` is not from 10 to 1200, the picture would pass 200 million pixels, or resvg
        fails.
    """
    from argmap.render.svg import size

    if not 10 <= dpi <= 1200:
        raise RenderError(f"dpi must be from 10 to 1200, not {dpi!r}")
    width, height = size(svg)
    if width * height * (dpi / 72) ** 2 > _MAX_PIXELS:
        raise RenderError(f"a {width:.0f} x {height:.0f} pt picture at {dpi:g} dpi is too large for PNG")
    import resvg_py

    options: dict[str, Any] = {"font_files": list(font_files()), "background": "#ffffff"}
    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=svg, dpi=float(dpi), **options))
    except ValueError as err:
        raise RenderError(f"resvg could not draw the SVG: {err}") from None


def svg_to_pdf(svg: str) -> bytes:
    """Return ``svg`` as a one-page vector PDF of the drawing's size.

    Raises
    ------
    RenderError
        If svg2pdf-py is not installed (the message says how to install it) or fails.
    """
    try:
        import svg2pdf_py
    except ImportError:
        raise RenderError(f"PDF output needs svg2pdf-py: {PDF_HINT}") from None
    from argmap.render.svg import in_user_units

    fonts = svg2pdf_py.FontDatabase.system()
    for path in font_files():
        fonts.load_font_file(path)
    try:
        # svg2pdf counts a user unit as a PDF point but converts "pt" lengths as CSS does (x 4/3)
        return bytes(svg2pdf_py.svg_to_pdf(in_user_units(svg), fonts))
    except Exception as err:  # the binding raises plain exceptions for unreadable SVG
        raise RenderError(f"svg2pdf could not convert the SVG: {err}") from None
