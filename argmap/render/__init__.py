"""Drawing maps: map -> pydot graph -> DOT -> SVG, PNG or PDF.

:func:`diagram` returns a :class:`Diagram` holding the DOT text; it renders
through :func:`argmap.render.backend.run_dot` and shows itself in Jupyter as
SVG. :func:`render` (``argmap.draw`` at the top level) draws a map straight
to a file. Colours and layout come from a :class:`~argmap.render.style.Style`.

Examples
--------
>>> from argmap.render import diagram
>>> m = argmap.ArgumentMap()
>>> _ = m.support(m.claim("Take an umbrella."), m.claim("It will rain."))
>>> d = diagram(m, theme="colorblind", rankdir="TB")
>>> d.source.splitlines()[0]
'digraph "argmap" {'
>>> NO_EXE or d.pipe("svg").startswith(b"<?xml")
True
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import networkx as nx

from argmap._io import atomic_write
from argmap.exceptions import RenderError
from argmap.formats import FORMATS, format_of_name
from argmap.model import ArgumentMap
from argmap.render.backend import graphviz_available, run_dot
from argmap.render.convert import DEFAULT_DPI, PDF_HINT, svg_to_pdf, svg_to_png
from argmap.render.dot import conventions, to_dot
from argmap.render.large import choose_engine, collapse_sections, neighbourhood
from argmap.render.legend import legend_dot
from argmap.render.style import Style
from argmap.render.svg import compose, finish, fit_page

__all__ = [
    "AUTO_LAYOUTS",
    "AUTO_LIMIT",
    "Diagram",
    "Style",
    "choose_layout",
    "diagram",
    "fitted_html",
    "render",
]

_MIME: Final = {"image/svg+xml": "svg", "image/png": "png"}

AUTO_LAYOUTS: Final = (("BT", 32), ("LR", 32), ("BT", 24), ("LR", 24), ("LR", 40))
"""The (rankdir, wrap) pairs :func:`diagram` tries when the caller chooses neither."""

AUTO_LIMIT: Final = 150
"""Maps with more claims than this are not laid out several times to choose a shape."""

_A3: Final = (1190.551, 841.89)


class Diagram:
    """A drawn map: DOT text that renders to SVG, PNG or PDF on demand.

    Parameters
    ----------
    source : str
        DOT text of the map.
    engine : str
        The Graphviz layout program (``-K``), ``"dot"`` by default.
    timeout : float
        Seconds a render may take.
    legend : str, optional
        DOT text of a legend (:func:`argmap.render.legend.legend_dot`), set beside the map.
    page : {"A4", "A3", "letter"}, optional
        Size the drawing to this paper (``landscape`` turns it), margins included.
    dpi : float
        Pixels per inch of PNG output.

    Examples
    --------
    >>> d = Diagram('digraph { "a" -> "b" }')
    >>> d
    <Diagram: 22 characters of DOT>
    >>> bundle = {} if NO_EXE else d._repr_mimebundle_()
    >>> NO_EXE or sorted(bundle) == ["image/svg+xml", "text/html"]
    True
    """

    def __init__(
        self,
        source: str,
        *,
        engine: str = "dot",
        timeout: float = 60.0,
        legend: str | None = None,
        page: str | None = None,
        landscape: bool = False,
        dpi: float = DEFAULT_DPI,
    ) -> None:
        self.source = source
        self.engine = engine
        self.timeout = timeout
        self.legend = legend
        self.page = page
        self.landscape = landscape
        self.dpi = dpi

    def __repr__(self) -> str:
        return f"<Diagram: {len(self.source)} characters of DOT>"

    def svg(self) -> str:
        """Return the finished SVG: lines centred in their boxes, the legend beside, fitted to the page."""
        out = finish(run_dot(self.source, "svg", engine=self.engine, timeout=self.timeout))
        if self.legend is not None:
            key = finish(run_dot(self.legend, "svg", engine="dot", timeout=self.timeout))
            out = compose(out, key)
        if self.page is not None:
            out = fit_page(out, self.page, landscape=self.landscape)
        return out

    def pipe(self, format: str = "svg") -> bytes:
        """Return the diagram rendered to ``format``.

        ``"svg"`` is :meth:`svg`; ``"png"`` and ``"pdf"`` are made from it
        (:mod:`argmap.render.convert`), so all three look alike on every engine. Without the
        ``pdf`` extra, PDF comes from the system ``dot`` when there is one (no legend, no page).
        ``"dot"`` returns the DOT text itself, without running Graphviz; other formats
        (``json``, ``plain``, ``xdot``, ...) come from the engine as they are.
        """
        if format == "dot":
            return self.source.encode("utf-8")
        if format == "svg":
            return self.svg().encode("utf-8")
        if format == "png":
            return svg_to_png(self.svg(), dpi=self.dpi)
        if format == "pdf":
            try:
                import svg2pdf_py  # noqa: F401
            except ImportError:
                from argmap.render.backend import find_program

                found = find_program()
                if found is None or found[0] != "dot" or self.legend is not None or self.page is not None:
                    raise RenderError(f"PDF output needs svg2pdf-py: {PDF_HINT}") from None
                return run_dot(self.source, "pdf", engine=self.engine, timeout=self.timeout)
            return svg_to_pdf(self.svg())
        return run_dot(self.source, format, engine=self.engine, timeout=self.timeout)

    def render(self, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
        """Write the diagram to ``path``; return the path.

        The format is ``format`` or the drawing format the suffix names
        (:data:`argmap.formats.FORMATS`: ``.svg``, ``.png``, ``.pdf``, ``.dot``). The file is
        written atomically (a failed render leaves an existing file untouched).

        Raises
        ------
        RenderError
            If the suffix names no drawing format, or Graphviz fails.
        GraphvizNotFound
            If no Graphviz engine is installed (not for ``.dot``).
        """
        target = Path(path)
        if format is None:
            format = format_of_name(target, holds="drawing")
            if format is None:
                known = ", ".join(s for f in FORMATS.values() if f.holds == "drawing" for s in f.suffixes)
                raise RenderError(
                    f"cannot tell the image format of {os.fspath(path)!r}; use a suffix of {known}"
                )
        atomic_write(target, self.pipe(format))
        return target

    def _repr_svg_(self) -> str:
        return self.svg()

    def _repr_html_(self) -> str:
        return fitted_html(self.svg())

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """Return the diagram for Jupyter: HTML fitted to the width (click for full size) and SVG.

        ``include`` may ask for ``image/png`` too; ``exclude`` leaves types out.
        """
        wanted = set(include) if include else {"image/svg+xml", "text/html"}
        wanted -= set(exclude or ())
        bundle: dict[str, str] = {}
        svg = self.svg() if wanted & {"image/svg+xml", "text/html"} else None
        for mime in sorted(wanted & {*_MIME, "text/html"}):
            if mime == "text/html":
                bundle[mime] = fitted_html(svg or "")
            elif mime == "image/svg+xml":
                bundle[mime] = svg or ""
            else:
                bundle[mime] = base64.b64encode(self.pipe("png")).decode()
        return bundle


_FIT_CSS: Final = (
    "#{id}{{display:none}}"
    "#{id}+label{{display:block;overflow:auto;cursor:zoom-in}}"
    "#{id}+label svg{{max-width:100%;height:auto}}"
    "#{id}:checked+label{{cursor:zoom-out}}"
    "#{id}:checked+label svg{{max-width:none}}"
)


def fitted_html(svg: str) -> str:
    """Return HTML showing ``svg`` fitted to the width; a click shows it at full size (CSS only, no script).

    >>> html = fitted_html('<svg width="10pt" height="5pt" viewBox="0 0 10 5"></svg>')
    >>> "max-width:100%" in html and "<script" not in html
    True
    """
    import hashlib

    body = svg.split("?>", 1)[1] if svg.startswith("<?xml") else svg
    ident = "argmap-" + hashlib.sha1(body.encode("utf-8")).hexdigest()[:10]
    return (
        f'<div class="argmap-diagram"><style>{_FIT_CSS.format(id=ident)}</style>'
        f'<input type="checkbox" id="{ident}"><label for="{ident}" title="Click to zoom">{body.strip()}'
        "</label></div>"
    )


def _print_scale(width: float, height: float) -> float:
    """How much a drawing of this size is scaled to fit A3 paper, the better way round."""
    (long, short) = _A3
    return max(min(long / width, short / height), min(short / width, long / height))


def choose_layout(
    m: ArgumentMap | nx.DiGraph[str],
    style: Style,
    *,
    engine: str = "dot",
    timeout: float = 60.0,
    **options: Any,
) -> tuple[str, int]:
    """Return the (rankdir, wrap) of :data:`AUTO_LAYOUTS` that prints the map largest on A3 paper.

    Each candidate is laid out by the engine (``-Tplain``); those within 1.8:1 are preferred,
    and of equal scale the first listed. Without an engine, or for maps of more than
    :data:`AUTO_LIMIT` claims, the style's own pair is returned.
    """
    g = m.graph if isinstance(m, ArgumentMap) else m
    claims = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "claim")
    if claims > AUTO_LIMIT or claims < 4 or not graphviz_available():
        return style.rankdir, style.wrap
    best: tuple[float, str, int] | None = None
    for rankdir, wrap in AUTO_LAYOUTS:
        plain = run_dot(
            to_dot(m, style.replace(rankdir=rankdir, wrap=wrap), **options),
            "plain",
            engine=engine,
            timeout=timeout,
        ).decode("utf-8", "replace")
        fields = plain.split("\n", 1)[0].split()
        try:
            width, height = float(fields[2]) * 72, float(fields[3]) * 72
        except (IndexError, ValueError):
            return style.rankdir, style.wrap
        score = _print_scale(width, height) * (1.0 if max(width, height) / min(width, height) <= 1.8 else 0.5)
        if best is None or score > best[0] * 1.02:
            best = (score, rankdir, wrap)
    assert best is not None
    return best[1], best[2]


def diagram(
    m: ArgumentMap | nx.DiGraph[str],
    style: Style | None = None,
    *,
    theme: str | None = None,
    engine: str = "auto",
    timeout: float = 60.0,
    focus: str | None = None,
    depth: int = 2,
    collapse: bool | Iterable[str] = False,
    legend: bool = False,
    view: str = "claims",
    page: str | None = None,
    landscape: bool = False,
    dpi: float = DEFAULT_DPI,
    **options: Any,
) -> Diagram:
    """Return a :class:`Diagram` of the map.

    Parameters
    ----------
    m : ArgumentMap or networkx.DiGraph
    style : Style, optional
        The look; by default the theme named ``theme``, else ``Style()``.
    theme : str, optional
        A built-in theme, ``"default"`` or ``"colorblind"`` (ignored when ``style`` is given).
    engine : str
        A Graphviz layout program, or ``"auto"``: ``dot`` up to
        :data:`~argmap.render.large.DOT_LIMIT` claims, ``sfdp`` above.
    timeout : float
        Seconds a render may take; past it, :class:`RenderError`.
    focus, depth
        Draw only the claims within ``depth`` steps of the claim ``focus``
        (:func:`~argmap.render.large.neighbourhood`).
    collapse : bool or iterable of str
        Draw each section (all, or those named) as one box
        (:func:`~argmap.render.large.collapse_sections`).
    legend : bool
        Set a legend of the conventions the drawing uses beside it (:mod:`argmap.render.legend`).
    view : {"claims", "arguments"}
        ``"claims"`` draws every claim; ``"arguments"`` draws each argument as one node with its
        premises folded in (see :func:`argmap.render.dot.to_pydot`).
    page : {"A4", "A3", "letter"}, optional
        Fit the drawing to a sheet of paper; ``landscape`` turns it.
    dpi : float
        Pixels per inch of PNG output.
    **options
        Passed to :func:`argmap.render.dot.to_pydot`: ``values``, ``value_range``, ``classes``
        and overrides of style fields such as ``rankdir="TB"`` or ``wrap=24``. When neither
        ``style`` nor ``rankdir`` and ``wrap`` are given, :func:`choose_layout` picks them.
    """
    chosen = style is not None or "rankdir" in options or "wrap" in options
    if style is None:
        style = Style.theme(theme) if theme else Style()
    if focus is not None or collapse:
        m = m if isinstance(m, ArgumentMap) else ArgumentMap(graph=m)
        if focus is not None:
            m = neighbourhood(m, focus, depth)
        if collapse:
            m = collapse_sections(m, None if collapse is True else collapse)
        for key in ("values", "classes"):  # drop what names nodes no longer drawn
            if options.get(key):
                options[key] = {n: v for n, v in options[key].items() if n in m.graph}
    if engine == "auto":
        engine = choose_engine(m)
    if view not in ("claims", "arguments"):
        raise RenderError(f"view must be 'claims' or 'arguments', not {view!r}")
    options["view"] = view
    if not chosen:
        rankdir, wrap = choose_layout(m, style, engine=engine, timeout=timeout, **options)
        style = style.replace(rankdir=rankdir, wrap=wrap)
    legend_source = legend_dot(conventions(m, style, **options)) if legend else None
    return Diagram(
        to_dot(m, style, **options),
        engine=engine,
        timeout=timeout,
        legend=legend_source,
        page=page,
        landscape=landscape,
        dpi=dpi,
    )


def render(
    m: ArgumentMap | nx.DiGraph[str],
    path: str | os.PathLike[str],
    style: Style | None = None,
    *,
    format: str | None = None,
    **options: Any,
) -> Path:
    """Draw the map to ``path`` (SVG, PNG, PDF or DOT by ``format`` or the suffix); return the path.

    The other arguments are those of :func:`diagram`.

    >>> import tempfile, pathlib
    >>> m = argmap.ArgumentMap()
    >>> _ = m.attack(m.claim("A"), by=m.claim("B"))
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = render(m, pathlib.Path(tmp) / "map.dot", rankdir="TB")
    ...     'rankdir="TB"' in out.read_text()
    True
    """
    return diagram(m, style, **options).render(path, format=format)
