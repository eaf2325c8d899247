"""The model's node attributes with their defaults, for formats that store them one by one."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, Final

from argmap.exceptions import ArgmapError, FormatError
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, REPHRASE, ArgumentMap, validate
from argmap.readwrite._jsonio import object_copy

__all__ = ["DEFAULTS", "map_from_nodes", "unheld"]

DEFAULTS: Final[dict[str, dict[str, Any]]] = {
    CLAIM: {
        "quote": None,
        "span": None,
        "speaker": None,
        "implicit": False,
        "tags": (),
        "section": None,
        "meta": {},
    },
    INFERENCE: {"scheme": None, "meta": {}},
    CONFLICT: {"attack_type": None, "meta": {}},
    REPHRASE: {"meta": {}},
}


def _ints(values: Any) -> bool:
    return all(isinstance(x, int) and not isinstance(x, bool) for x in values)


def map_from_nodes(
    graph: Mapping[str, Any],
    nodes: list[tuple[str, Mapping[str, Any]]],
    edges: list[tuple[str, str]],
) -> ArgumentMap:
    """Build and validate a map from node attribute dicts (spans and tags as lists are fine).

    Raises :class:`~argmap.exceptions.FormatError` naming the node at fault.
    """
    m = ArgumentMap(source=graph.get("source"), title=graph.get("title"))
    m.meta.update(object_copy(graph.get("meta"), "graph.meta"))
    G = m.graph
    for n, raw in nodes:
        kind = raw.get(KIND)
        if not isinstance(kind, str) or kind not in DEFAULTS:
            hint = "; only graphs written by argmap carry it" if kind is None else ""
            raise FormatError(f"node {n!r} has no valid kind ({kind!r}){hint}", f"nodes[{n}].kind")
        attrs: dict[str, Any] = {KIND: kind}
        if kind == CLAIM:
            attrs["text"] = raw.get("text")
        for key, default in DEFAULTS[kind].items():
            value = raw.get(key, default)
            if key == "span" and value is not None:
                if not isinstance(value, (list, tuple)) or len(value) != 2 or not _ints(value):
                    raise FormatError(f"node {n!r} has a malformed span", f"nodes[{n}].span")
                value = (int(value[0]), int(value[1]))
            elif key == "tags":
                if not isinstance(value, (list, tuple)) or not all(isinstance(t, str) for t in value):
                    raise FormatError(f"node {n!r} has tags that are not strings", f"nodes[{n}].tags")
                value = tuple(value)
            elif key == "meta":
                if value is not None and not isinstance(value, Mapping):
                    raise FormatError(f"node {n!r} has a meta that is not an object", f"nodes[{n}].meta")
                value = dict(value or {})
            elif key == "implicit":
                value = bool(value)
            attrs[key] = value
        G.add_node(n, **attrs)
    for u, v in edges:
        for end in (u, v):
            if end not in G:
                raise FormatError(f"edge {u} -> {v} names unknown node {end!r}")
        G.add_edge(u, v)
    try:
        validate(m)
    except ArgmapError as exc:
        raise FormatError(str(exc)) from None
    return m


def unheld(m: ArgumentMap, dropped: Mapping[str, Collection[str]], own_key: str | None = None) -> list[str]:
    """Name the attributes a format drops that ``m`` sets away from their defaults.

    ``dropped`` maps a node kind, or ``"map"`` for the map's ``meta``, to the
    attribute names the format cannot hold; a ``meta`` entry under ``own_key``
    (the format's own) does not count. Returns names such as ``"claim speaker"``.

    >>> m = ArgumentMap()
    >>> _ = m.claim("A", speaker="Ann", meta={"kialo": 1})
    >>> unheld(m, {CLAIM: ("speaker", "meta", "tags")}, own_key="kialo")
    ['claim speaker']
    """
    found: list[str] = []
    if "meta" in dropped.get("map", ()) and any(k != own_key for k in m.meta):
        found.append("map meta")
    for _, d in m.graph.nodes(data=True):
        kind = d[KIND]
        for key in dropped.get(kind, ()):
            value = d.get(key, DEFAULTS[kind][key])
            if key == "meta":
                value = {k: v for k, v in value.items() if k != own_key}
            name = f"{kind} {key}"
            if value != DEFAULTS[kind][key] and name not in found:
                found.append(name)
    return found
