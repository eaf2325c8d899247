"""Gradual semantics: a strength in ``[0, 1]`` for every argument instead of a label.

- :func:`h_categorizer` (Besnard & Hunter 2001): ``s(a) = 1 / (1 + sum of
  s(b) over the attackers b of a)``, on a Dung framework or on the framework of
  a map (see :func:`~argmap.analysis.semantics.af_from_map`).
- :func:`df_quad` (Rago et al. 2016): DF-QuAD on the bipolar map, where
  attacks weaken and supports strengthen a claim from its base score.

Examples
--------
>>> m = ArgumentMap()
>>> c = m.claim("C")
>>> _ = m.support(c, m.claim("P"))
>>> _ = m.attack(c, by=m.claim("X"))
>>> df_quad(m)
{'c': 0.5, 'p': 0.5, 'x': 0.5}
>>> h_categorizer(m)
{'c': 0.5, 'p': 1.0, 's1': 0.5, 'x': 1.0}

References
----------
.. [1] P. Besnard and A. Hunter, "A logic-based theory of deductive
   arguments", *Artificial Intelligence* 128(1-2):203-235, 2001.
.. [2] N. Pu, J. Luo, Y. Wang and X. Chen, "Argument ranking with
   categoriser function", *KSEM 2014*, LNCS 8793:290-301 (convergence on
   cyclic frameworks).
.. [3] A. Rago, F. Toni, M. Aurisicchio and P. Baroni, "Discontinuity-free
   decision support with quantitative argumentation debates", *KR 2016*,
   pp. 63-72.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import networkx as nx

from argmap.analysis._graph import kinds
from argmap.analysis.semantics import AF, af_from_map
from argmap.exceptions import GraphStructureError
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, ArgumentMap, as_graph

__all__ = ["DEFAULT_BASE", "df_quad", "h_categorizer"]

DEFAULT_BASE: Final = 0.5
"""The base score of a claim in :func:`df_quad` unless given."""


def h_categorizer(
    af: AF | ArgumentMap | nx.DiGraph[str], *, tol: float = 1e-9, max_iter: int = 10_000
) -> dict[str, float]:
    """Return the h-categorizer strength of every argument (Besnard & Hunter 2001).

    Parameters
    ----------
    af : AF, ArgumentMap or networkx.DiGraph
        A framework, or a map (then its claims and inferences, by
        :func:`~argmap.analysis.semantics.af_from_map`).
    tol : float
        Stop when no strength moves by more than this.
    max_iter : int
        At most this many rounds.

    Returns
    -------
    dict of str to float
        Strengths in ``(0, 1]``; 1 means unattacked.

    Raises
    ------
    GraphStructureError
        If the iteration has not settled after ``max_iter`` rounds.

    Notes
    -----
    The strengths are the unique fixed point of ``s(a) = 1 / (1 + sum s(b))``,
    which exists on every finite framework, cycles included (Pu et al. 2014);
    it is reached by iterating the equation from ``s = 1`` (the rounds
    alternate around the fixed point and close in on it from both sides).

    Examples
    --------
    >>> h_categorizer(AF(["a", "b", "c"], [("a", "b"), ("b", "c")]))
    {'a': 1.0, 'b': 0.5, 'c': 0.6666666666666666}
    >>> s = h_categorizer(AF(["a", "b"], [("a", "b"), ("b", "a")]))
    >>> round(s["a"], 6)
    0.618034
    """
    if not isinstance(af, AF):
        af = af_from_map(af)
    n = af.n
    rows = [list(af.attackers(i)) for i in range(n)]
    s = [1.0] * n
    for _ in range(max_iter):
        new = [1.0 / (1.0 + sum(s[b] for b in row)) if row else 1.0 for row in rows]
        moved = max((abs(x - y) for x, y in zip(new, s, strict=True)), default=0.0)
        s = new
        if moved <= tol:
            return dict(zip(af.names, s, strict=True))
    raise GraphStructureError(f"h-categorizer did not settle within {max_iter} rounds")


def _combine(v0: float, va: float, vs: float) -> float:
    """DF-QuAD's combination of a base score with the aggregated attack and support."""
    if va >= vs:
        return v0 - v0 * (va - vs)
    return v0 + (1.0 - v0) * (vs - va)


def _aggregate(values: list[float]) -> float:
    """DF-QuAD's aggregation: ``1 - prod(1 - v)``, 0 for no values."""
    out = 1.0
    for v in values:
        out *= 1.0 - v
    return 1.0 - out


def df_quad(
    m: ArgumentMap | nx.DiGraph[str],
    base: Mapping[str, float] | None = None,
    *,
    default_base: float = DEFAULT_BASE,
    tol: float = 1e-9,
    max_iter: int = 10_000,
) -> dict[str, float]:
    """Return the DF-QuAD strength of every claim of a map (Rago et al. 2016).

    Parameters
    ----------
    m : ArgumentMap or networkx.DiGraph
    base : mapping of str to float, optional
        Base scores in ``[0, 1]`` by claim id; other claims get ``default_base``.
    default_base : float
    tol, max_iter : float, int
        On a map with cycles, iterate until no strength moves by more than
        ``tol``, at most ``max_iter`` rounds.

    Returns
    -------
    dict of str to float
        Strengths in ``[0, 1]`` by claim id, in map order.

    Raises
    ------
    GraphStructureError
        If a base score is outside ``[0, 1]`` or names no claim, or the
        iteration on a cyclic map has not settled.

    Notes
    -----
    A claim's strength is DF-QuAD's combination of its base score ``v0`` with
    ``va = F(attack strengths)`` and ``vs = F(support strengths)``, where
    ``F(v1..vn) = 1 - (1 - v1)...(1 - vn)``: ``v0 - v0 (va - vs)`` if
    ``va >= vs``, else ``v0 + (1 - v0)(vs - va)``. The map's relations carry
    the strengths, read by the weakest-link principle: an inference is as
    strong as its weakest premise, weakened by its undercutters
    (``min(premises) * (1 - F(undercuts))``), and an attack as strong as its
    weakest attacker. On an acyclic map one pass in topological order gives
    the exact values; on a cyclic one the same equations are iterated.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> c = m.claim("C")
    >>> s = m.support(c, [m.claim("P"), m.claim("Q")])
    >>> df_quad(m, {"p": 1.0, "q": 0.8})
    {'c': 0.9, 'p': 1.0, 'q': 0.8}
    >>> _ = m.attack(s, by=m.claim("U"))
    >>> df_quad(m, {"p": 1.0, "q": 0.8, "u": 1.0})["c"]
    0.5
    """
    g = as_graph(m)
    claims = [n for n, k in kinds(g) if k == CLAIM]
    nodes = [n for n, k in kinds(g) if k in (CLAIM, INFERENCE, CONFLICT)]
    base = dict(base or {})
    for n, v in [*base.items(), ("default_base", default_base)]:
        if n != "default_base" and g.nodes.get(n, {}).get(KIND) != CLAIM:
            raise GraphStructureError(f"base score for {n!r}, which is not a claim")
        if not 0.0 <= v <= 1.0:
            raise GraphStructureError(f"base score {v!r} of {n!r} is outside [0, 1]")
    kind_of = {n: g.nodes[n][KIND] for n in nodes}
    sources = {n: [p for p in g.predecessors(n) if p in kind_of] for n in nodes}

    def value(n: str, s: Mapping[str, float]) -> float:
        kind = kind_of[n]
        if kind == CLAIM:
            att = [s[r] for r in sources[n] if kind_of[r] == CONFLICT]
            sup = [s[r] for r in sources[n] if kind_of[r] == INFERENCE]
            return _combine(base.get(n, default_base), _aggregate(att), _aggregate(sup))
        prem = [s[p] for p in sources[n] if kind_of[p] == CLAIM]
        weakest = min(prem, default=0.0)
        if kind == CONFLICT:
            return weakest
        return weakest * (1.0 - _aggregate([s[r] for r in sources[n] if kind_of[r] == CONFLICT]))

    h = g.subgraph(nodes)
    strength: dict[str, float] = {}
    if nx.is_directed_acyclic_graph(h):
        for n in nx.topological_sort(h):
            strength[n] = value(n, strength)
    else:
        strength = {n: base.get(n, default_base) if kind_of[n] == CLAIM else 0.0 for n in nodes}
        for _ in range(max_iter):
            new = {n: value(n, strength) for n in nodes}
            moved = max((abs(new[n] - strength[n]) for n in nodes), default=0.0)
            strength = new
            if moved <= tol:
                break
        else:
            raise GraphStructureError(f"DF-QuAD did not settle within {max_iter} rounds on a cyclic map")
    return {n: strength[n] for n in claims}
