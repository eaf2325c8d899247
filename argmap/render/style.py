"""How a map looks: colours, shapes and layout options, kept apart from the model.

A :class:`Style` is a frozen dataclass; change it with :meth:`Style.replace`.
Two themes are built in: ``"default"`` (green supports, red attacks) and
``"colorblind"`` (the Okabe-Ito palette: blue supports, vermillion attacks).
Both draw supports as solid lines with filled arrowheads and attacks as dashed
lines with a bar (``tee``) at the target, so they differ in greyscale too.

Examples
--------
>>> s = Style.theme("colorblind").replace(rankdir="TB", wrap=24)
>>> s.support_colour, s.attack_colour, s.rankdir
('#0072B2', '#D55E00', 'TB')
>>> value_colour(s, 1.0, (-1.0, 1.0)), value_colour(s, 0.0, (-1.0, 1.0))
('#0072b2', '#ffffff')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final, Literal

from argmap.exceptions import ArgmapError

__all__ = ["THEMES", "Style", "StyleError", "value_colour"]

Rankdir = Literal["TB", "BT", "LR", "RL"]
Junctions = Literal["auto", "always"]

_RANKDIRS: Final = ("TB", "BT", "LR", "RL")
_JUNCTIONS: Final = ("auto", "always")

_CLASS_STYLES: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        "matched": MappingProxyType({"color": "#009E73", "penwidth": "2.5"}),
        "missing": MappingProxyType({"color": "#E69F00", "penwidth": "2.5", "style": "dashed"}),
        "extra": MappingProxyType({"color": "#CC79A7", "penwidth": "2.5", "style": "bold"}),
    }
)


class StyleError(ArgmapError, ValueError):
    """A style option has a value argmap cannot draw with."""


@dataclasses.dataclass(frozen=True)
class Style:
    """Colours, shapes and layout of a drawn map.

    Attributes
    ----------
    name : str
        The theme's name.
    rankdir : {"BT", "TB", "LR", "RL"}
        Graphviz ``rankdir``: the direction arrows run. ``"BT"`` (the default)
        puts reasons below and conclusions on top; ``"TB"`` the reverse.
    wrap : int
        Characters per line of a claim's box.
    fontname, fontsize : str, float
        Font of claim texts; speakers, values and schemes use ``fontsize - 2``.
    claim_fill, claim_border, text_colour : str
        Colours of an ordinary claim.
    main_fill, main_border, main_penwidth : str, str, float
        A main conclusion (supported, supporting nothing): filled, thicker
        border, bold text.
    implicit_fill : str
        Fill of an implicit (reconstructed) premise, drawn dashed and in italics.
    support_colour, attack_colour, rephrase_colour : str
        Edge colours of the three relations.
    speaker_colour, speaker_format : str
        The small line naming a claim's speaker; ``{speaker}`` is replaced.
    junctions : {"auto", "always"}
        ``"auto"`` draws a relation as a plain edge when it has one source and
        nothing attacks it, and as a small junction node (where linked premises
        meet and undercuts land) otherwise; ``"always"`` always uses the node.
    show_schemes : bool
        Label a support with its argumentation scheme, when it has one.
    value_colours : tuple of three str
        Fill colours for the low, middle and high end of a node value range.
    show_values : bool
        Print a claim's value under its text when values are given.
    class_styles : mapping of str to mapping
        Graphviz attributes added to nodes and edges carrying an extra class
        (``matched``, ``missing`` and ``extra`` are predefined); a ``style``
        entry is added to the element's own styles.
    """

    name: str = "default"
    rankdir: Rankdir = "BT"
    wrap: int = 32
    fontname: str = "Helvetica,Arial,sans-serif"
    fontsize: float = 11.0
    claim_fill: str = "#ffffff"
    claim_border: str = "#37474f"
    text_colour: str = "#212121"
    main_fill: str = "#fff3c4"
    main_border: str = "#212121"
    main_penwidth: float = 2.5
    implicit_fill: str = "#f2f2f2"
    support_colour: str = "#2e7d32"
    attack_colour: str = "#c62828"
    rephrase_colour: str = "#5c6bc0"
    speaker_colour: str = "#616161"
    speaker_format: str = "— according to {speaker}"
    junctions: Junctions = "auto"
    show_schemes: bool = True
    value_colours: tuple[str, str, str] = ("#c62828", "#ffffff", "#2e7d32")
    show_values: bool = True
    class_styles: Mapping[str, Mapping[str, str]] = dataclasses.field(
        default_factory=lambda: _CLASS_STYLES, hash=False
    )

    def __post_init__(self) -> None:
        if self.rankdir not in _RANKDIRS:
            raise StyleError(f"rankdir must be one of {', '.join(_RANKDIRS)}, not {self.rankdir!r}")
        if self.junctions not in _JUNCTIONS:
            raise StyleError(f"junctions must be 'auto' or 'always', not {self.junctions!r}")
        if not isinstance(self.wrap, int) or self.wrap < 8:
            raise StyleError(f"wrap must be an int of at least 8, not {self.wrap!r}")
        if self.fontsize <= 2:
            raise StyleError(f"fontsize must be more than 2, not {self.fontsize!r}")
        if "{speaker}" not in self.speaker_format:
            raise StyleError("speaker_format must contain '{speaker}'")
        for colour in (*self.value_colours, self.support_colour, self.attack_colour):
            _rgb(colour)

    @classmethod
    def theme(cls, name: str) -> Style:
        """Return a built-in theme by name (see :data:`THEMES`).

        >>> Style.theme("default").attack_colour
        '#c62828'
        >>> Style.theme("neon")
        Traceback (most recent call last):
        argmap.render.style.StyleError: unknown theme 'neon'; choose from colorblind, default
        """
        try:
            return THEMES[name]
        except KeyError:
            raise StyleError(f"unknown theme {name!r}; choose from {', '.join(sorted(THEMES))}") from None

    def replace(self, **changes: Any) -> Style:
        """Return a copy with some fields changed (checked like a new style).

        >>> Style().replace(wrap=20).wrap
        20
        """
        names = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(changes) - names)
        if unknown:
            raise StyleError(f"unknown style option(s): {', '.join(unknown)}")
        return dataclasses.replace(self, **changes)


def _rgb(colour: str) -> tuple[int, int, int]:
    if not (isinstance(colour, str) and len(colour) == 7 and colour[0] == "#"):
        raise StyleError(f"colour must be '#rrggbb', not {colour!r}")
    try:
        return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
    except ValueError:
        raise StyleError(f"colour must be '#rrggbb', not {colour!r}") from None


def value_colour(style: Style, value: float, value_range: tuple[float, float] = (-1.0, 1.0)) -> str:
    """Return the fill colour for ``value`` on the style's three-colour scale.

    The low end of ``value_range`` gets ``value_colours[0]``, the middle
    ``value_colours[1]`` and the high end ``value_colours[2]``; values between
    are interpolated, values outside are clipped.

    Parameters
    ----------
    style : Style
    value : float
    value_range : (float, float)
        For example ``(-1, 1)`` for a signed strength or ``(0, 1)`` for a label
        or an acceptability degree.

    Examples
    --------
    >>> s = Style()
    >>> value_colour(s, 0.5, (0.0, 1.0))
    '#ffffff'
    >>> value_colour(s, -5.0)
    '#c62828'
    """
    lo, hi = float(value_range[0]), float(value_range[1])
    if not lo < hi:
        raise StyleError(f"value_range must be (low, high) with low < high, not {value_range!r}")
    t = (min(max(float(value), lo), hi) - lo) / (hi - lo) * 2.0
    a, b = (style.value_colours[0], style.value_colours[1]) if t <= 1.0 else style.value_colours[1:]
    t = t if t <= 1.0 else t - 1.0
    ca, cb = _rgb(a), _rgb(b)
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb, strict=True))


THEMES: Final[Mapping[str, Style]] = MappingProxyType(
    {
        "default": Style(),
        "colorblind": Style(
            name="colorblind",
            main_fill="#fbf3b0",
            support_colour="#0072B2",
            attack_colour="#D55E00",
            rephrase_colour="#CC79A7",
            value_colours=("#D55E00", "#ffffff", "#0072B2"),
        ),
    }
)
"""The built-in themes by name."""
