"""GraphML, as networkx reads and writes it.

Every model attribute is a GraphML ``data`` element: strings and booleans as
they are, ``span``, ``tags`` and ``meta`` (and the graph's ``meta``) as JSON
strings; attributes that are None are left out. A carriage return is written
as ``&#13;`` (an XML parser reads a bare one as a line feed), so the source text
and its spans come back as they were; characters XML 1.0 cannot hold at all
(control characters other than tab, line feed and carriage return) become
U+FFFD with a :class:`~argmap.exceptions.LossyConversionWarning`.
``networkx.read_graphml`` reads the output into a plain graph.

Examples
--------
>>> m = argmap.ArgumentMap(source="It rains.")
>>> s = m.support(m.claim("Stay in."), m.claim("It rains.", quote="It rains.", tags=["weather"]))
>>> text = "".join(generate_graphml(m))
>>> nx.parse_graphml(text).nodes["it-rains"]["span"]
'[0, 9]'
>>> parse_graphml(text) == m
True
"""

from __future__ import annotations

import io
import json
import re
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any, Final

import networkx as nx

from argmap._io import PathOrFile, atomic_write, read_text
from argmap.exceptions import FormatError, LossyConversionWarning, RecordError
from argmap.model import ArgumentMap
from argmap.readwrite._jsonio import parse_json
from argmap.readwrite._xmltext import parse_xml, xml_safe

__all__ = ["generate_graphml", "parse_graphml", "read_graphml", "write_graphml"]

_JSON: Final = frozenset({"span", "passages", "tags", "meta"})
_NETWORKX_KEYS: Final = frozenset({"node_default", "edge_default"})


def _encode(attrs: dict[str, Any], lost: list[str], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if key in _JSON:
            out[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
        elif isinstance(value, str):
            out[key], replaced = xml_safe(value)
            if replaced:
                lost.append(f"{where} {key}")
        else:
            out[key] = value
    return out


def _decode(attrs: dict[str, Any], where: str) -> dict[str, Any]:
    out = dict(attrs)
    for key in _JSON & attrs.keys():
        try:
            out[key] = parse_json(attrs[key])
        except (TypeError, FormatError):
            raise FormatError(f"{key} is not valid JSON", f"{where}.{key}") from None
    return out


def generate_graphml(m: ArgumentMap) -> Iterator[str]:
    """Yield the map as GraphML text, line by line (each with its newline)."""
    lost: list[str] = []
    G: nx.DiGraph[str] = nx.DiGraph()
    G.graph.update(_encode({"title": m.title, "source": m.source, "meta": m.meta}, lost, "the map's"))
    names: dict[str, str] = {}
    for n, d in m.graph.nodes(data=True):
        name, removed = xml_safe(n)
        if removed:
            lost.append(f"id {n!r}")
        names[n] = name
        G.add_node(name, **_encode(d, lost, f"{d['kind']} {n!r}"))
    G.add_edges_from((names[u], names[v]) for u, v in m.graph.edges())
    out = io.BytesIO()
    nx.write_graphml(G, out, prettyprint=True)
    if lost:
        shown = ", ".join(lost[:5]) + (f" and {len(lost) - 5} more" if len(lost) > 5 else "")
        warnings.warn(
            f"GraphML (XML 1.0) cannot hold control characters; replaced by U+FFFD in: {shown}",
            LossyConversionWarning,
            stacklevel=2,
        )
    text = out.getvalue().decode("utf-8").replace("\r", "&#13;")
    yield from re.findall(r"[^\n]*\n|[^\n]+$", text)


def parse_graphml(text: str) -> ArgumentMap:
    """Build a map from GraphML text written by :func:`generate_graphml`.

    Raises :class:`~argmap.exceptions.ParseError` (with line and column) on
    XML that is not well formed, :class:`~argmap.exceptions.RecordError` on two
    nodes with one id or two edges between the same nodes (naming both), and
    :class:`~argmap.exceptions.FormatError` on other text that is not GraphML
    of an argument map. Relations that break a rule of the model are kept
    aside (see :func:`argmap.schema.from_records`).
    """
    _check_ids(parse_xml(text))
    try:
        G = nx.parse_graphml(text, node_type=str)
    except (ET.ParseError, KeyError, ValueError, nx.NetworkXError) as exc:
        raise FormatError(f"not readable GraphML: {exc}") from None
    if G.is_multigraph() or not G.is_directed():
        raise FormatError("an argument map is a directed graph without parallel edges")
    graph = _decode({k: v for k, v in G.graph.items() if k not in _NETWORKX_KEYS}, "graph")
    nodes = [{"id": str(n), **_decode(d, f"node {n}")} for n, d in G.nodes(data=True)]
    edges = [(str(u), str(v)) for u, v in G.edges()]
    return ArgumentMap.from_records(graph, nodes, edges, where=lambda i: f"<node> {i + 1}", lenient=True)


def _check_ids(root: ET.Element) -> None:
    """Raise :class:`RecordError` on two ``<node>`` s with one id or two ``<edge>`` s with the same ends."""
    nodes: dict[str, int] = {}
    edges: dict[tuple[str, str], int] = {}
    for el in root.iter():
        tag = el.tag.rpartition("}")[2]
        if tag == "node" and el.get("id") is not None:
            key = el.get("id", "")
            if key in nodes:
                raise RecordError(f"duplicate id {key!r}: <node> {nodes[key]} and <node> {len(nodes) + 1}")
            nodes[key] = len(nodes) + 1
        elif tag == "edge":
            pair = (el.get("source", ""), el.get("target", ""))
            if pair in edges:
                raise RecordError(
                    f"duplicate edge {pair[0]} -> {pair[1]}: <edge> {edges[pair]} and <edge> {len(edges) + 1}"
                )
            edges[pair] = len(edges) + 1


def read_graphml(source: PathOrFile) -> ArgumentMap:
    """Read a GraphML file (path or open file)."""
    return parse_graphml(read_text(source))


def write_graphml(m: ArgumentMap, target: PathOrFile) -> None:
    """Write the map as GraphML (atomically when ``target`` is a path)."""
    atomic_write(target, "".join(generate_graphml(m)))
