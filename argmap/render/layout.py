"""Node positions from the Graphviz layout of a map, for formats that store a layout (OVA).

:func:`layout_positions` lays the map out as :func:`argmap.render.dot.to_dot`
draws it (every relation as a junction node) and returns where each node
landed, in CSS pixels with y growing downwards, as editors such as OVA place
nodes. Readers and writers do not import this module; :func:`argmap.write`
passes the positions to the OVA writer.

Examples
--------
>>> m = argmap.ArgumentMap()
>>> s = m.support(m.claim("C", id="c"), m.claim("P", id="p"))
>>> where = {} if NO_EXE else layout_positions(m)
>>> NO_EXE or where["c"][1] < where[s][1] < where["p"][1]
True
"""

from __future__ import annotations

import json
from typing import Final

from argmap.exceptions import RenderError
from argmap.model import ArgumentMap
from argmap.render.backend import run_dot
from argmap.render.dot import to_dot
from argmap.render.large import choose_engine

__all__ = ["LAYOUT_LIMIT", "PIXELS_PER_POINT", "layout_positions"]

PIXELS_PER_POINT: Final = 4 / 3
"""CSS pixels per Graphviz point (96 and 72 per inch)."""
LAYOUT_LIMIT: Final = 2000
"""The most nodes :func:`argmap.write` lays out with Graphviz for OVA; larger maps are laid out in layers."""


def layout_positions(m: ArgumentMap, *, timeout: float = 60.0) -> dict[str, tuple[float, float]]:
    """Return the ``(x, y)`` centre of every node of ``m`` in the Graphviz layout of its diagram.

    Positions are in CSS pixels from the top left corner. A relation node the
    drawing does not show as a node sits at the middle of its sources and target.

    Raises
    ------
    GraphvizNotFound, RenderError
        When Graphviz is missing, fails, or gives a layout that cannot be read.
    """
    out = run_dot(to_dot(m, junctions="always"), "json", engine=choose_engine(m), timeout=timeout)
    try:
        data = json.loads(out)
        height = float(data["bb"].split(",")[3])
        placed: dict[str, tuple[float, float]] = {}
        for obj in data.get("objects", []):
            node, pos = obj.get("id"), obj.get("pos")
            if node in m and isinstance(pos, str):
                x, y = (float(v) for v in pos.split(",")[:2])
                placed[node] = (x * PIXELS_PER_POINT, (height - y) * PIXELS_PER_POINT)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise RenderError(f"cannot read Graphviz's layout: {exc}") from None
    for node in m.relations():
        if node not in placed:
            ends = [
                placed[n] for n in (*m.graph.predecessors(node), *m.graph.successors(node)) if n in placed
            ]
            if ends:
                placed[node] = (sum(x for x, _ in ends) / len(ends), sum(y for _, y in ends) / len(ends))
    return placed
