"""Node-link JSON, as :func:`networkx.node_link_data` writes it (with ``edges`` as the edge key).

The document holds the graph's attributes (``title``, ``source``, ``meta``), one
object per node with its id and every attribute of the model, and one
``{"source", "target"}`` object per edge. ``networkx.node_link_graph(data,
edges="edges")`` reads it into a plain graph.

Examples
--------
>>> m = argmap.ArgumentMap(title="t")
>>> s = m.support(m.claim("B"), m.claim("A"), scheme="Example")
>>> data = nodelink_data(m)
>>> data["edges"]
[{'source': 'a', 'target': 's1'}, {'source': 's1', 'target': 'b'}]
>>> nodelink_map(data) == m
True
>>> sorted(nx.node_link_graph(data, edges="edges"))
['a', 'b', 's1']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argmap._io import PathOrFile
from argmap.exceptions import FormatError, RecordError
from argmap.model import ArgumentMap
from argmap.readwrite._jsonio import dump_json, load_json, mapping

__all__ = ["nodelink_data", "nodelink_map", "read_nodelink", "write_nodelink"]


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def nodelink_data(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as node-link data (a JSON-ready dict)."""
    G = m.graph
    return {
        "directed": True,
        "multigraph": False,
        "graph": {"title": m.title, "source": m.source, "meta": m.meta},
        "nodes": [{"id": n, **{k: _plain(v) for k, v in d.items()}} for n, d in G.nodes(data=True)],
        "edges": [{"source": u, "target": v} for u, v in G.edges()],
    }


def nodelink_map(data: Mapping[str, Any]) -> ArgumentMap:
    """Build a map from node-link data; ``links`` is accepted for ``edges``.

    Raises :class:`~argmap.exceptions.FormatError` when the data is not
    node-link data of an argument map, and a
    :class:`~argmap.exceptions.RecordError` naming both places for two nodes
    with one id or two edges with the same ends. Relations that break a rule of
    the model are kept aside (see :func:`argmap.schema.from_records`).
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("nodes"), list):
        raise FormatError("not node-link data: no 'nodes' list")
    edges = data.get("edges", data.get("links"))
    if not isinstance(edges, list):
        raise FormatError("not node-link data: no 'edges' (or 'links') list")
    nodes = []
    for i, node in enumerate(data["nodes"]):
        if not isinstance(node, Mapping):
            raise FormatError("a node must be an object", f"nodes[{i}]")
        nodes.append(node)
    pairs = []
    first: dict[tuple[str, str], int] = {}
    for i, e in enumerate(edges):
        if (
            not isinstance(e, Mapping)
            or not isinstance(e.get("source"), str)
            or not isinstance(e.get("target"), str)
        ):
            raise FormatError("an edge must be an object with string source and target", f"edges[{i}]")
        pair = (e["source"], e["target"])
        if pair in first:
            raise RecordError(f"duplicate edge {pair[0]} -> {pair[1]}: edges[{first[pair]}] and edges[{i}]")
        first[pair] = i
        pairs.append(pair)
    graph = mapping(data.get("graph"))
    return ArgumentMap.from_records(graph, nodes, pairs, where=lambda i: f"nodes[{i}]", lenient=True)


def read_nodelink(source: PathOrFile) -> ArgumentMap:
    """Read a node-link JSON file (path or open file)."""
    return nodelink_map(load_json(source))


def write_nodelink(m: ArgumentMap, target: PathOrFile, *, indent: int | None = 2) -> None:
    """Write the map as node-link JSON (atomically when ``target`` is a path)."""
    dump_json(nodelink_data(m), target, indent)
