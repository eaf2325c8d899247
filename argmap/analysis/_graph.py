"""Small helpers over the map's graph shared by the analysis modules."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from argmap.model import KIND


def kinds(g: nx.DiGraph[str]) -> Iterator[tuple[str, str | None]]:
    """Iterate over ``(node, kind)`` pairs in map order."""
    for n, d in g.nodes(data=True):
        yield n, d.get(KIND)
