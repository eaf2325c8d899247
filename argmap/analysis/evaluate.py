"""One value per claim of a map, under any semantics: for tables and for colouring drawings.

:func:`evaluate` gives each claim a label and a number:

- ``grounded``: the grounded label, ``in`` (1), ``undec`` (0) or ``out`` (-1);
- ``complete``, ``preferred``, ``stable``: ``sceptical`` (in every extension,
  1), ``credulous`` (in some, 0) or ``rejected`` (in none, -1);
- ``h-categorizer``, ``df-quad``: the strength in ``[0, 1]``, as label and number.

Examples
--------
>>> m = ArgumentMap()
>>> _ = m.attack(m.claim("A"), by=m.claim("B"))
>>> evaluate(m, "grounded")
{'a': ('out', -1.0), 'b': ('in', 1.0)}
>>> value_range("grounded"), value_range("df-quad")
((-1.0, 1.0), (0.0, 1.0))
"""

from __future__ import annotations

import time
from typing import Final, Literal

import networkx as nx

from argmap.analysis._graph import kinds
from argmap.analysis._sat import check_timeout
from argmap.analysis.gradual import df_quad, h_categorizer
from argmap.analysis.semantics import (
    af_from_map,
    credulously_accepted,
    grounded_labelling,
    sceptically_accepted,
)
from argmap.exceptions import OptionError, SolverTimeout
from argmap.model import CLAIM, ArgumentMap, as_graph

__all__ = ["EXTENSION_SEMANTICS", "GRADUAL_SEMANTICS", "MAP_SEMANTICS", "evaluate", "value_range"]

EXTENSION_SEMANTICS: Final = ("grounded", "complete", "preferred", "stable")
"""The extension semantics (Dung 1995) :func:`evaluate` takes."""
GRADUAL_SEMANTICS: Final = ("h-categorizer", "df-quad")
"""Gradual semantics :func:`evaluate` takes: a strength from 0 to 1 per claim."""
MAP_SEMANTICS: Final = EXTENSION_SEMANTICS + GRADUAL_SEMANTICS
"""Every semantics :func:`evaluate` takes."""
MapSemantics = Literal["grounded", "complete", "preferred", "stable", "h-categorizer", "df-quad"]
_GROUNDED_VALUE: Final = {"in": 1.0, "undec": 0.0, "out": -1.0}


def value_range(semantics: str) -> tuple[float, float]:
    """Return the range of the numbers :func:`evaluate` gives under ``semantics``."""
    return (0.0, 1.0) if semantics in GRADUAL_SEMANTICS else (-1.0, 1.0)


def evaluate(
    m: ArgumentMap | nx.DiGraph[str], semantics: MapSemantics, *, timeout: float | None = None
) -> dict[str, tuple[str, float]]:
    """Return ``{claim: (label, number)}`` for every claim, in map order.

    Parameters
    ----------
    m : ArgumentMap or networkx.DiGraph
    semantics : str
        One of :data:`MAP_SEMANTICS`.
    timeout : float, optional
        Seconds the SAT searches of complete, preferred and stable semantics
        may take in all; the others run in time linear in the map.

    Raises
    ------
    OptionError
        If ``semantics`` is unknown or ``timeout`` is not a number above 0.
    SolverNotFound
        For complete, preferred and stable, if python-sat is not installed.
    SolverTimeout
        When ``timeout`` runs out.
    """
    check_timeout(timeout)
    g = as_graph(m)
    claims = [n for n, k in kinds(g) if k == CLAIM]
    if semantics == "df-quad":
        return {c: (f"{v:.3f}", v) for c, v in df_quad(g).items()}
    if semantics == "h-categorizer":
        strengths = h_categorizer(g)
        return {c: (f"{strengths[c]:.3f}", strengths[c]) for c in claims}
    if semantics not in EXTENSION_SEMANTICS:
        raise OptionError(f"unknown semantics {semantics!r}; use one of {', '.join(MAP_SEMANTICS)}")
    af = af_from_map(g)
    if semantics == "grounded":
        labels = grounded_labelling(af)
        return {c: (labels[c], _GROUNDED_VALUE[labels[c]]) for c in claims}
    deadline = None if timeout is None else time.monotonic() + timeout

    def left() -> float | None:
        if deadline is None:
            return None
        rest = deadline - time.monotonic()
        if rest <= 0:
            raise SolverTimeout(timeout or 0.0)
        return rest

    out: dict[str, tuple[str, float]] = {}
    try:
        for c in claims:
            credulous = credulously_accepted(af, c, semantics, timeout=left())
            if credulous and sceptically_accepted(af, c, semantics, timeout=left()):
                out[c] = ("sceptical", 1.0)
            elif credulous:
                out[c] = ("credulous", 0.0)
            else:
                out[c] = ("rejected", -1.0)
    except SolverTimeout:
        raise SolverTimeout(timeout or 0.0) from None
    return out
