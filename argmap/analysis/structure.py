"""Structure of a map: main conclusions, premises and the like."""

from __future__ import annotations

import networkx as nx

from argmap.model import CLAIM, INFERENCE, KIND, ArgumentMap, as_graph

__all__ = ["main_conclusions"]


def main_conclusions(m: ArgumentMap | nx.DiGraph) -> list[str]:
    """Return the claims that are supported but support nothing, in map order.

    Parameters
    ----------
    m : ArgumentMap or networkx.DiGraph

    Returns
    -------
    list of str
        Claim ids; a claim only attacked or only attacking is not a main conclusion.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> c = m.claim("C")
    >>> _ = m.support(c, m.claim("B"))
    >>> main_conclusions(m)
    ['c']
    """
    G = as_graph(m)
    out = []
    for n, kind in G.nodes(data=KIND):
        if kind != CLAIM:
            continue
        supported = any(G.nodes[p][KIND] == INFERENCE for p in G.predecessors(n))
        supports = any(G.nodes[s][KIND] == INFERENCE for s in G.successors(n))
        if supported and not supports:
            out.append(n)
    return out
