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
from argmap.render.backend import run_dot
from argmap.render.dot import to_dot
from argmap.render.large import choose_engine, collapse_sections, neighbourhood
from argmap.render.style import Style

__all__ = ["Diagram", "Style", "diagram", "render"]

_MIME: Final = {"image/svg+xml": "svg", "image/png": "png"}


class Diagram:
    """A drawn map: DOT text that renders to SVG, PNG or PDF on demand.

    Parameters
    ----------
    source : str
        DOT text.
    engine : str
        The Graphviz layout program (``-K``), ``"dot"`` by default.
    timeout : float
        Seconds a render may take.

    Examples
    --------
    >>> d = Diagram('digraph { "a" -> "b" }')
    >>> d
    <Diagram: 22 characters of DOT>
    >>> bundle = {} if NO_EXE else d._repr_mimebundle_(include=["image/svg+xml", "image/png"])
    >>> NO_EXE or sorted(bundle) == ["image/png", "image/svg+xml"]
    True
    """

    def __init__(self, source: str, *, engine: str = "dot", timeout: float = 60.0) -> None:
        self.source = source
        self.engine = engine
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"<Diagram: {len(self.source)} characters of DOT>"

    def pipe(self, format: str = "svg") -> bytes:
        """Return the diagram rendered to ``format`` (``"svg"``, ``"png"``, ``"pdf"``, ...).

        ``"dot"`` returns the DOT text itself, without running Graphviz.
        """
        if format == "dot":
            return self.source.encode("utf-8")
        return run_dot(self.source, format, engine=self.engine, timeout=self.timeout)

    def render(self, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
        """Write the diagram to ``path``; return the path.

        The format is ``format`` or the drawing format the suffix names
        (:data:`argmap.formats.FORMATS`: ``.svg``, ``.png``, ``.pdf``, ``.dot``).
        The file is written atomically (a failed render leaves an existing
        file untouched).

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
        return self.pipe("svg").decode("utf-8")

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """Return the diagram for Jupyter: SVG unless ``include`` asks for ``image/png`` too."""
        wanted = set(include) if include else {"image/svg+xml"}
        wanted -= set(exclude or ())
        bundle: dict[str, str] = {}
        for mime in sorted(wanted & set(_MIME)):
            data = self.pipe(_MIME[mime])
            bundle[mime] = (
                data.decode("utf-8") if mime == "image/svg+xml" else base64.b64encode(data).decode()
            )
        return bundle


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
    **options: Any,
) -> Diagram:
    """Return a :class:`Diagram` of the map.

    Parameters
    ----------
    m : ArgumentMap or networkx.DiGraph
    style : Style, optional
        The look; by default the theme named ``theme``, else ``Style()``.
    theme : str, optional
        A built-in theme, ``"default"`` or ``"colorblind"`` (ignored when
        ``style`` is given).
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
    **options
        Passed to :func:`argmap.render.dot.to_pydot`: ``values``,
        ``value_range``, ``classes`` and overrides of style fields such as
        ``rankdir="TB"`` or ``wrap=24``.
    """
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
    return Diagram(to_dot(m, style, **options), engine=engine, timeout=timeout)


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
