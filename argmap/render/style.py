"""How a map looks: colours, shapes and layout options, kept apart from the model.

A :class:`Style` is a frozen dataclass; change it with :meth:`Style.replace`. Every option is
checked against a strict grammar when the style is made (a colour is ``#rrggbb``, a font one
family name of letters, digits, spaces, ``-`` and ``_``, sizes are numbers in a range, class
styles name only known Graphviz attributes), so no option can carry DOT or HTML into a drawing;
a bad one raises :class:`StyleError`.

Two themes are built in: ``"default"`` (green supports, red attacks) and ``"colorblind"`` (the
Okabe-Ito palette: blue supports, vermillion attacks). Both draw supports as solid lines with
filled arrowheads, attacks as dashed lines with a bar (``tee``) at the target and rephrases as
dotted lines with an open head, so they differ in greyscale too. Every fill a theme uses keeps
its text at WCAG AA contrast (4.5:1 or more, :func:`contrast_ratio`); where a caller's fill does
not, :func:`readable_on` picks a text colour that does.

Examples
--------
>>> s = Style.theme("colorblind").replace(rankdir="TB", wrap=24)
>>> s.support_colour, s.attack_colour, s.rankdir
('#0072B2', '#D55E00', 'TB')
>>> value_colour(s, 1.0, (-1.0, 1.0)), value_colour(s, 0.0, (-1.0, 1.0))
('#9fcdec', '#ffffff')
>>> Style(speaker_colour='#000" image="/etc/passwd')
Traceback (most recent call last):
argmap.exceptions.StyleError: speaker_colour must be a colour '#rrggbb', not '#000" image="/etc/passwd'
"""

from __future__ import annotations

import dataclasses
import math
import re
import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final, Literal

from argmap.exceptions import StyleError

__all__ = [
    "CLASS_STYLE_KEYS",
    "THEMES",
    "Style",
    "contrast_ratio",
    "readable_on",
    "relative_luminance",
    "value_colour",
]

Rankdir = Literal["TB", "BT", "LR", "RL"]
Junctions = Literal["auto", "always"]
SpeakerMode = Literal["short", "full", "none"]

_RANKDIRS: Final = ("TB", "BT", "LR", "RL")
_JUNCTIONS: Final = ("auto", "always")
_SPEAKER_MODES: Final = ("short", "full", "none")
_COLOUR: Final = re.compile(r"#[0-9A-Fa-f]{6}")
_FONT: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _-]{0,63}")
_CLASS_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,63}")
_STYLE_TOKENS: Final = frozenset({"solid", "dashed", "dotted", "bold", "filled", "rounded"})
_FORMAT_TEXT: Final = re.compile(r"[^\x00-\x1f\x7f{}]*")

CLASS_STYLE_KEYS: Final = frozenset({"color", "fillcolor", "fontcolor", "penwidth", "style"})
"""The Graphviz attributes a class style may set."""

AA: Final = 4.5
"""The WCAG AA contrast ratio for normal text."""

_CLASS_STYLES: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        "matched": MappingProxyType({"color": "#007a5a", "fillcolor": "#e3f4ec", "penwidth": "2.5"}),
        "missing": MappingProxyType(
            {"color": "#b36b00", "fillcolor": "#fdf0d5", "penwidth": "2.5", "style": "dashed"}
        ),
        "extra": MappingProxyType(
            {"color": "#a8457f", "fillcolor": "#f8e3ef", "penwidth": "3.5", "style": "dotted"}
        ),
        "highlight": MappingProxyType({"color": "#e65100", "fillcolor": "#fff59d", "penwidth": "3"}),
    }
)
_CLASS_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "matched": "matched (in both maps)",
        "missing": "missing (only in the reference)",
        "extra": "extra (only in the student's map)",
        "highlight": "highlighted",
    }
)


def _check_colour(name: str, colour: object) -> None:
    if not (isinstance(colour, str) and _COLOUR.fullmatch(colour)):
        raise StyleError(f"{name} must be a colour '#rrggbb', not {colour!r}")


def _check_number(name: str, value: object, low: float, high: float) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not low <= value <= high
    ):
        raise StyleError(f"{name} must be a number from {low:g} to {high:g}, not {value!r}")


def _check_format(name: str, value: object) -> None:
    if not isinstance(value, str) or len(value) > 120:
        raise StyleError(f"{name} must be a short string containing '{{speaker}}', not {value!r}")
    fields = [f for _, f, spec, conv in string.Formatter().parse(value) if f is not None or spec or conv]
    literal = "".join(text for text, *_ in string.Formatter().parse(value))
    if fields != ["speaker"] or not _FORMAT_TEXT.fullmatch(literal):
        raise StyleError(f"{name} must contain '{{speaker}}' once and no other field, not {value!r}")


def _check_class_styles(styles: object) -> None:
    if not isinstance(styles, Mapping):
        raise StyleError(f"class_styles must be a mapping, not {type(styles).__name__}")
    for cls, attrs in styles.items():
        if not (isinstance(cls, str) and _CLASS_NAME.fullmatch(cls)):
            raise StyleError(f"class_styles: {cls!r} is not a class name")
        if not isinstance(attrs, Mapping):
            raise StyleError(f"class_styles[{cls!r}] must be a mapping of Graphviz attributes")
        for key, value in attrs.items():
            where = f"class_styles[{cls!r}][{key!r}]"
            if key not in CLASS_STYLE_KEYS:
                raise StyleError(f"{where}: only {', '.join(sorted(CLASS_STYLE_KEYS))} may be set")
            if key in ("color", "fillcolor", "fontcolor"):
                _check_colour(where, value)
            elif key == "penwidth":
                try:
                    width = float(value)
                except (TypeError, ValueError):
                    raise StyleError(f"{where} must be a number, not {value!r}") from None
                _check_number(where, width, 0.0, 10.0)
            elif not (isinstance(value, str) and set(value.split(",")) <= _STYLE_TOKENS):
                raise StyleError(f"{where} must be tokens of {', '.join(sorted(_STYLE_TOKENS))}")


@dataclasses.dataclass(frozen=True)
class Style:
    """Colours, shapes and layout of a drawn map.

    Attributes
    ----------
    name : str
        The theme's name.
    rankdir : {"BT", "TB", "LR", "RL"}
        Graphviz ``rankdir``: the direction arrows run. ``"BT"`` (the default) puts reasons below
        and conclusions on top; ``"TB"`` the reverse.
    wrap : int
        Characters per line of a claim's box.
    fontname, fontsize : str, float
        Font family (one name; engines measure a list with other metrics) and size of claim
        texts; speakers, values and schemes use ``fontsize - 2``.
    claim_fill, claim_border, text_colour : str
        Colours of an ordinary claim.
    thesis_fill, thesis_border, thesis_text, thesis_penwidth, thesis_scale
        The main thesis (see :func:`argmap.render.dot.theses`): its fill, border, text colour,
        border width and font size as a multiple of ``fontsize``; drawn bold, at the root.
    conclusion_fill, conclusion_border, conclusion_penwidth
        Other end-point conclusions (supported, supporting nothing).
    implicit_fill : str
        Fill of an implicit (reconstructed) premise, drawn dashed and in italics.
    argument_fill : str
        Fill of an argument in the argument view.
    support_colour, attack_colour, rephrase_colour : str
        Edge colours of the three relations.
    label_colour : str
        Text of scheme and argument labels on edges.
    speaker_colour : str
        The small line naming a claim's speaker (and a printed value).
    speakers : {"short", "full", "none"}
        ``"short"`` writes a short name (``Reiterovich``) under the text and the full attribution
        in the legend and tooltip; ``"full"`` writes ``speaker_format``; ``"none"`` nothing.
    speaker_format, short_speaker_format : str
        The speaker line in the full and short modes; ``{speaker}`` is replaced.
    junctions : {"auto", "always"}
        ``"auto"`` draws a relation as a plain edge when it has one source and nothing attacks
        it, and as a small junction node (where linked premises meet and undercuts land)
        otherwise; ``"always"`` always uses the node.
    show_schemes : bool
        Label an inference with its argument's title and its scheme's name.
    value_colours : tuple of three str
        Fill colours for the low, middle and high end of a node value range.
    show_values : bool
        Print a claim's value under its text when values are given.
    class_styles : mapping of str to mapping
        Graphviz attributes (:data:`CLASS_STYLE_KEYS`) added to nodes and edges carrying an extra
        class (``matched``, ``missing``, ``extra`` and ``highlight`` are predefined); a ``style``
        entry is added to the element's own styles.
    class_labels : mapping of str to str
        What the legend says of each class (by default of the predefined ones; others show
        their name).
    tag_colours : mapping of str to str
        A fill per claim tag, as Argdown's tag colours: a claim takes the colour of its first tag
        listed here.
    clusters : bool
        Draw each section (an Argdown heading) as a labelled frame around its claims.
    """

    name: str = "default"
    rankdir: Rankdir = "BT"
    wrap: int = 32
    fontname: str = "Arial"
    fontsize: float = 11.0
    claim_fill: str = "#ffffff"
    claim_border: str = "#546e7a"
    text_colour: str = "#212121"
    thesis_fill: str = "#263238"
    thesis_border: str = "#000000"
    thesis_text: str = "#ffffff"
    thesis_penwidth: float = 3.0
    thesis_scale: float = 1.3
    conclusion_fill: str = "#fff3c4"
    conclusion_border: str = "#37474f"
    conclusion_penwidth: float = 2.0
    implicit_fill: str = "#f2f2f2"
    argument_fill: str = "#e8f1e8"
    support_colour: str = "#2e7d32"
    attack_colour: str = "#c62828"
    rephrase_colour: str = "#5c6bc0"
    label_colour: str = "#455a64"
    speaker_colour: str = "#5f5f5f"
    speakers: SpeakerMode = "short"
    speaker_format: str = "— according to {speaker}"
    short_speaker_format: str = "— {speaker}"
    junctions: Junctions = "auto"
    show_schemes: bool = True
    value_colours: tuple[str, str, str] = ("#ef9a9a", "#ffffff", "#a5d6a7")
    show_values: bool = True
    class_styles: Mapping[str, Mapping[str, str]] = dataclasses.field(
        default_factory=lambda: _CLASS_STYLES, hash=False
    )
    class_labels: Mapping[str, str] = dataclasses.field(default_factory=lambda: _CLASS_LABELS, hash=False)
    tag_colours: Mapping[str, str] = dataclasses.field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )
    clusters: bool = False

    def __post_init__(self) -> None:
        if self.rankdir not in _RANKDIRS:
            raise StyleError(f"rankdir must be one of {', '.join(_RANKDIRS)}, not {self.rankdir!r}")
        if self.junctions not in _JUNCTIONS:
            raise StyleError(f"junctions must be 'auto' or 'always', not {self.junctions!r}")
        if self.speakers not in _SPEAKER_MODES:
            raise StyleError(f"speakers must be one of {', '.join(_SPEAKER_MODES)}, not {self.speakers!r}")
        if isinstance(self.wrap, bool) or not isinstance(self.wrap, int) or not 8 <= self.wrap <= 400:
            raise StyleError(f"wrap must be an int from 8 to 400, not {self.wrap!r}")
        if not (isinstance(self.name, str) and _CLASS_NAME.fullmatch(self.name)):
            raise StyleError(f"name must be a word of letters, digits, '-' and '_', not {self.name!r}")
        if not (isinstance(self.fontname, str) and _FONT.fullmatch(self.fontname)):
            raise StyleError(
                f"fontname must be one font family of letters, digits, spaces, '-' and '_', "
                f"not {self.fontname!r}"
            )
        _check_number("fontsize", self.fontsize, 4.0, 72.0)
        _check_number("thesis_scale", self.thesis_scale, 1.0, 3.0)
        for pen in ("thesis_penwidth", "conclusion_penwidth"):
            _check_number(pen, getattr(self, pen), 0.0, 10.0)
        _check_format("speaker_format", self.speaker_format)
        _check_format("short_speaker_format", self.short_speaker_format)
        for f in dataclasses.fields(self):
            if f.name.endswith(("_fill", "_border", "_colour", "_text")):
                _check_colour(f.name, getattr(self, f.name))
        for flag in ("show_schemes", "show_values", "clusters"):
            if not isinstance(getattr(self, flag), bool):
                raise StyleError(f"{flag} must be True or False, not {getattr(self, flag)!r}")
        if not (isinstance(self.value_colours, tuple) and len(self.value_colours) == 3):
            raise StyleError(f"value_colours must be three colours, not {self.value_colours!r}")
        for colour in self.value_colours:
            _check_colour("value_colours", colour)
        _check_class_styles(self.class_styles)
        if not isinstance(self.class_labels, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in self.class_labels.items()
        ):
            raise StyleError("class_labels must be a mapping of class name to text")
        if not isinstance(self.tag_colours, Mapping):
            raise StyleError("tag_colours must be a mapping of tag to colour")
        for tag, colour in self.tag_colours.items():
            if not isinstance(tag, str):
                raise StyleError(f"tag_colours: {tag!r} is not a tag")
            _check_colour(f"tag_colours[{tag!r}]", colour)

    @classmethod
    def theme(cls, name: str) -> Style:
        """Return a built-in theme by name (see :data:`THEMES`).

        >>> Style.theme("default").attack_colour
        '#c62828'
        >>> Style.theme("neon")
        Traceback (most recent call last):
        argmap.exceptions.StyleError: unknown theme 'neon'; choose from colorblind, default
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
    _check_colour("colour", colour)
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def relative_luminance(colour: str) -> float:
    """Return the WCAG 2 relative luminance of ``#rrggbb`` (0 for black, 1 for white).

    >>> relative_luminance("#ffffff"), relative_luminance("#000000")
    (1.0, 0.0)
    """

    def channel(c: int) -> float:
        s = c / 255.0
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """Return the WCAG 2 contrast ratio of two colours, from 1 to 21.

    >>> round(contrast_ratio("#212121", "#ffffff"), 1)
    16.1
    """
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(fill: str, *candidates: str) -> str:
    """Return the first candidate text colour at AA contrast on ``fill``, else black or white.

    >>> readable_on("#ffffff", "#5f5f5f")
    '#5f5f5f'
    >>> readable_on("#263238", "#5f5f5f", "#212121")
    '#ffffff'
    """
    for colour in candidates:
        if contrast_ratio(colour, fill) >= AA:
            return colour
    return "#000000" if contrast_ratio("#000000", fill) >= contrast_ratio("#ffffff", fill) else "#ffffff"


def value_colour(style: Style, value: float, value_range: tuple[float, float] = (-1.0, 1.0)) -> str:
    """Return the fill colour for ``value`` on the style's three-colour scale.

    The low end of ``value_range`` gets ``value_colours[0]``, the middle ``value_colours[1]``
    and the high end ``value_colours[2]``; values between are interpolated, values outside are
    clipped.

    Parameters
    ----------
    style : Style
    value : float
    value_range : (float, float)
        For example ``(-1, 1)`` for a signed strength or ``(0, 1)`` for a label or an
        acceptability degree.

    Examples
    --------
    >>> s = Style()
    >>> value_colour(s, 0.5, (0.0, 1.0))
    '#ffffff'
    >>> value_colour(s, -5.0)
    '#ef9a9a'
    """
    lo, hi = float(value_range[0]), float(value_range[1])
    if not lo < hi:
        raise StyleError(f"value_range must be (low, high) with low < high, not {value_range!r}")
    v = float(value)
    if not math.isfinite(v):
        raise StyleError(f"a value must be a finite number, not {value!r}")
    t = (min(max(v, lo), hi) - lo) / (hi - lo) * 2.0
    a, b = (style.value_colours[0], style.value_colours[1]) if t <= 1.0 else style.value_colours[1:]
    t = t if t <= 1.0 else t - 1.0
    ca, cb = _rgb(a), _rgb(b)
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb, strict=True))


THEMES: Final[Mapping[str, Style]] = MappingProxyType(
    {
        "default": Style(),
        "colorblind": Style(
            name="colorblind",
            thesis_fill="#0b2545",
            conclusion_fill="#fbf3b0",
            argument_fill="#e3eef8",
            support_colour="#0072B2",
            attack_colour="#D55E00",
            rephrase_colour="#CC79A7",
            value_colours=("#ee9f74", "#ffffff", "#9fcdec"),
        ),
    }
)
"""The built-in themes by name."""
