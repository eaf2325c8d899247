"""Text widths of the drawing font, so that every box is sized by argmap and not by the engine.

Graphviz engines measure text differently: ``graphviz-pure`` (and ``dot`` without Pango)
estimates from built-in tables that count each byte of a non-ASCII character as a space, while
``dot`` with Pango asks fontconfig. argmap therefore measures each line itself with the advance
widths of Arimo (the metrics of Arial, Helvetica and Liberation Sans), shipped in
``_font_metrics.json`` (built by ``scripts/build_font_metrics.py``), gives the box at least that
width, and centres the lines in the SVG (:mod:`argmap.render.svg`).

Characters Arimo lacks take the widths of DejaVu Sans, the usual fallback font, plus
:data:`FALLBACK_SLACK`; wide East Asian characters one em; combining marks nothing; anything
else :data:`UNKNOWN_EM`.

Examples
--------
>>> round(text_width("Putin", 11.0), 2)
25.07
>>> text_width("Putin", 11.0, bold=True) > text_width("Putin", 11.0)
True
>>> text_width("普京", 10.0)
20.0
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources
from typing import Final

__all__ = ["FALLBACK_SLACK", "FONT_FAMILY", "SVG_FONT_FAMILY", "UNKNOWN_EM", "text_width"]

FONT_FAMILY: Final = "Arial"
"""The font name given to Graphviz: one family, which every engine measures with Arial's metrics."""

SVG_FONT_FAMILY: Final = "Arial,Arimo,'Liberation Sans',Helvetica,sans-serif"
"""The ``font-family`` written into the SVG: Arial or a font with the same advance widths."""

FALLBACK_SLACK: Final = 1.1
"""Widths taken from the fallback font are widened by this factor (fallback fonts differ)."""

UNKNOWN_EM: Final = 0.75
"""The width, in em, of a character neither font has (not wide East Asian, not combining)."""

_STYLES: Final = ("regular", "bold", "italic", "bolditalic")


@cache
def _tables() -> dict[str, tuple[dict[int, float], dict[int, float]]]:
    raw = json.loads(resources.files("argmap.render").joinpath("_font_metrics.json").read_text("utf-8"))
    upem = float(raw["units_per_em"])

    def decode(runs: list[list[int]], factor: float) -> dict[int, float]:
        return {start + i: w * factor / upem for start, *ws in runs for i, w in enumerate(ws)}

    return {s: (decode(raw[s], 1.0), decode(raw[f"{s}_fallback"], FALLBACK_SLACK)) for s in _STYLES}


def _char_em(ch: str, main: dict[int, float], fallback: dict[int, float]) -> float:
    cp = ord(ch)
    width = main.get(cp)
    if width is not None:
        return width
    width = fallback.get(cp)
    if width is not None:
        return width
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    return UNKNOWN_EM


def text_width(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """Return the width in points of one line of ``text`` at ``size`` points.

    Parameters
    ----------
    text : str
        One line (no line breaks).
    size : float
        Font size in points.
    bold, italic : bool
        The face.

    Returns
    -------
    float
        The sum of the advance widths (no kerning, which only narrows Arial text).
    """
    style = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
    main, fallback = _tables()[style]
    return size * sum(_char_em(ch, main, fallback) for ch in text)
