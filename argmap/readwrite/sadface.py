"""SADFace JSON (Simple Argument Description Format, v0.2).

A document has ``nodes`` -- ``atom`` s with ``text`` and ``scheme`` s with a
``name`` -- joined by ``edges`` (``source_id`` -> ``target_id``), plus
``metadata`` and ``resources``. Atoms become claims and schemes relations with
the same ids: a scheme named like an attack (``conflict``, ``attack``,
``rebut``, ``undercut``, ``undermine``) becomes a conflict, ``rephrase`` a
rephrase, and any other name an inference (``support`` has no scheme; other
names are the scheme). ``metadata.core.title`` is the map's title. Node
``metadata``, atom ``sources``, edge ids, the document's other metadata and its
resources are kept in ``meta["sadface"]``; what SADFace has no field for is
written under ``metadata["argmap"]``.

Examples
--------
>>> doc = {"nodes": [{"id": "c", "type": "atom", "text": "Take an umbrella."},
...                  {"id": "p", "type": "atom", "text": "It rains."},
...                  {"id": "s", "type": "scheme", "name": "support"}],
...        "edges": [{"id": "e1", "source_id": "p", "target_id": "s"},
...                  {"id": "e2", "source_id": "s", "target_id": "c"}],
...        "metadata": {"core": {"title": "Rain", "version": "0.2"}}}
>>> m = sadface_map(doc)
>>> m.title, m.premises("s"), m.conclusion("s")
('Rain', ('p',), 'c')
>>> sadface_map(sadface_data(m)) == m
True
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Mapping
from typing import Any, Final

import networkx as nx

from argmap._io import PathOrFile
from argmap.exceptions import ArgmapError, FormatError, GraphStructureError, MalformedPartWarning
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, REPHRASE, TEXT, ArgumentMap
from argmap.readwrite._jsonio import check_json_data, dump_json, load_json, mapping, object_copy
from argmap.readwrite._layer import checked_layer, is_object, is_str, list_of
from argmap.schema import ATTRIBUTES

__all__ = ["read_sadface", "sadface_data", "sadface_map", "write_sadface"]

KEY: Final = "sadface"
EXT: Final = "argmap"
VERSION: Final = "0.2"
_ATTACKS: Final = frozenset(
    {"conflict", "attack", "rebut", "rebuttal", "undercut", "undermine", "undermining"}
)
_REPHRASES: Final = frozenset({"rephrase", "restatement", "reformulation"})
_NAME: Final = {INFERENCE: "support", CONFLICT: "conflict", REPHRASE: "rephrase"}
_TOP: Final = frozenset({"nodes", "edges", "metadata", "resources"})
_NODE_KEYS: Final = {
    "atom": frozenset({"id", "type", "text", "metadata", "sources"}),
    "scheme": frozenset({"id", "type", "name", "metadata"}),
}
_CLAIM_DEFAULTS: Final[dict[str, Any]] = {
    k: a.default for k, a in ATTRIBUTES[CLAIM].items() if k not in (TEXT, "meta")
}


def _pair_of_ids(value: Any, size: int) -> bool:
    return isinstance(value, list) and len(value) == size and all(isinstance(x, str) for x in value[:2])


_LAYER: Final = {
    "metadata": lambda v: isinstance(v, Mapping) and isinstance(v.get("core", {}), Mapping),
    "resources": list_of(lambda _: True),
    "edge_ids": list_of(lambda v: _pair_of_ids(v, 3)),
    "edge_order": list_of(lambda v: _pair_of_ids(v, 2)),
    "aside": list_of(lambda v: isinstance(v, Mapping) and isinstance(v.get("id"), str)),
    "aside_edges": list_of(lambda v: _pair_of_ids(v, 2)),
    "extra": is_object,
}
"""The shape of ``meta["sadface"]`` at map level that :func:`sadface_data` writes back."""
_NODE_LAYER: Final = {
    "metadata": is_object,
    "sources": list_of(lambda _: True),
    "name": is_str,
    "fields": is_object,
}


def _kind_of(name: str) -> tuple[str, str | None]:
    low = name.strip().lower()
    if low in _ATTACKS:
        return CONFLICT, None
    if low in _REPHRASES:
        return REPHRASE, None
    return INFERENCE, None if low in ("support", "inference", "") else name


def _edge_id(u: str, v: str) -> str:
    return f"{u}>{v}"


def _field(obj: Mapping[str, Any], key: str, types: type | tuple[type, ...], where: str) -> Any:
    value = obj.get(key)
    if not isinstance(value, types):
        raise FormatError(f"missing or invalid {key!r}", f"{where}.{key}")
    return value


def sadface_map(data: Mapping[str, Any]) -> ArgumentMap:
    """Build a map from a SADFace document (a dict as :func:`json.load` gives it).

    Raises :class:`~argmap.exceptions.FormatError` (with the JSON path) on a
    document that is not SADFace. A scheme the model cannot hold (no premise,
    not one conclusion, its premise its conclusion, an attack on an attack)
    is kept aside in ``meta["sadface"]`` with a
    :class:`~argmap.exceptions.MalformedPartWarning`, and so are edges the
    map cannot hold. Fields SADFace 0.2 does not name (``analyst_name``,
    ``created``, ... of earlier versions) are kept and written back.
    """
    check_json_data(data, FormatError)
    if not isinstance(data, Mapping):
        raise FormatError("a SADFace document must be a JSON object")
    nodes = _field(data, "nodes", list, "$")
    edges = _field(data, "edges", list, "$")
    metadata = copy.deepcopy(data.get("metadata") or {})
    ext = mapping(metadata.pop(EXT, {})) if isinstance(metadata, dict) else {}
    core = metadata.get("core", {}) if isinstance(metadata, dict) else {}
    title = core.pop("title", None) if isinstance(core, dict) else None
    m = ArgumentMap(source=ext.get("source"), title=title if title is not None else ext.get("title"))
    m.meta.update(object_copy(ext.get("meta"), f"metadata.{EXT}.meta"))
    by_id: dict[str, Mapping[str, Any]] = {}
    for i, n in enumerate(nodes):
        where = f"nodes[{i}]"
        if not isinstance(n, Mapping):
            raise FormatError("a node must be an object", where)
        nid = _field(n, "id", str, where)
        if nid in by_id:
            raise FormatError(f"duplicate node id {nid!r}", f"{where}.id")
        if n.get("type") not in ("atom", "scheme"):
            raise FormatError(f"unknown node type {n.get('type')!r}", f"{where}.type")
        by_id[nid] = n
    preds: dict[str, list[str]] = {k: [] for k in by_id}
    succs: dict[str, list[str]] = {k: [] for k in by_id}
    edge_ids: list[list[Any]] = []
    edge_order: list[tuple[str, str]] = []
    for i, e in enumerate(edges):
        where = f"edges[{i}]"
        if not isinstance(e, Mapping):
            raise FormatError("an edge must be an object", where)
        u, v = _field(e, "source_id", str, where), _field(e, "target_id", str, where)
        for end, key in ((u, "source_id"), (v, "target_id")):
            if end not in by_id:
                raise FormatError(f"edge names unknown node {end!r}", f"{where}.{key}")
        preds[v].append(u)
        succs[u].append(v)
        edge_order.append((u, v))
        if e.get("id") != _edge_id(u, v):
            edge_ids.append([u, v, e.get("id")])
    aside: list[str] = []
    try:
        for nid, n in by_id.items():
            if n["type"] == "atom":
                m.claim(_field(n, "text", str, f"node {nid}"), id=nid, **_claim_kwargs(n))
        schemes = [nid for nid, n in by_id.items() if n["type"] == "scheme"]
        for order in (INFERENCE, REPHRASE, CONFLICT):
            for nid in schemes:
                n = by_id[nid]
                kind, scheme = _kind_of(str(n.get("name", "")))
                if kind != order:
                    continue
                node_ext = dict(mapping(mapping(n.get("metadata")).get(EXT)))
                scheme = node_ext.get("scheme", scheme)
                meta = _node_meta(
                    n, node_ext, ("name",) if str(n.get("name")) != _NAME[kind] and scheme is None else ()
                )
                sources = [p for p in preds[nid] if by_id[p]["type"] == "atom"]
                if not sources or len(succs[nid]) != 1:
                    what = "no premise" if not sources else f"{len(succs[nid])} conclusions"
                    aside.append(f"scheme {nid} ({what})")
                    continue
                target = succs[nid][0]
                try:
                    attack_type = node_ext.get("attack_type")
                    m.relate(kind, target, sources, scheme=scheme, attack_type=attack_type, id=nid, meta=meta)
                except GraphStructureError as exc:
                    aside.append(f"scheme {nid} ({exc})")
    except FormatError:
        raise
    except ArgmapError as exc:
        raise FormatError(str(exc)) from None
    if aside:
        shown = "; ".join(aside[:5]) + (f"; and {len(aside) - 5} more" if len(aside) > 5 else "")
        warnings.warn(
            f"{len(aside)} malformed scheme(s) kept aside in meta['sadface']: {shown}",
            MalformedPartWarning,
            stacklevel=2,
        )
    layer: dict[str, Any] = {}
    if metadata and metadata != {"core": {"version": VERSION}}:
        layer["metadata"] = metadata
    if data.get("resources"):
        layer["resources"] = data["resources"]
    if edge_ids:
        layer["edge_ids"] = edge_ids
    left = [dict(n) for n in by_id.values() if n["id"] not in m]
    if left:
        layer["aside"] = left
    lost = [[u, v] for u, v in edge_order if not m.graph.has_edge(u, v)]
    if lost:
        layer["aside_edges"] = lost
    if edge_order != _edges(m.graph, {"aside_edges": lost}):
        layer["edge_order"] = [list(e) for e in edge_order]
    extra = {k: v for k, v in data.items() if k not in _TOP}
    if extra:
        layer["extra"] = extra
    if layer:
        m.meta[KEY] = layer
    return m


def _node_meta(n: Mapping[str, Any], ext: Mapping[str, Any], keep: tuple[str, ...]) -> dict[str, Any]:
    meta = object_copy(ext.get("meta"), f"node {n.get('id')}.metadata.{EXT}.meta")
    layer: dict[str, Any] = {}
    own = {k: v for k, v in mapping(n.get("metadata")).items() if k != EXT}
    if own:
        layer["metadata"] = own
    if n.get("sources"):
        layer["sources"] = n["sources"]
    fields = {k: v for k, v in n.items() if k not in _NODE_KEYS[n["type"]]}
    if fields:
        layer["fields"] = fields
    for key in keep:
        layer[key] = n[key]
    if layer:
        meta[KEY] = layer
    return meta


def _claim_kwargs(n: Mapping[str, Any]) -> dict[str, Any]:
    ext = mapping(mapping(n.get("metadata")).get(EXT))
    kwargs = {k: ext[k] for k in _CLAIM_DEFAULTS if k in ext}
    kwargs["meta"] = _node_meta(n, ext, ())
    return kwargs


def sadface_data(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as a SADFace document (a JSON-ready dict)."""
    G = m.graph
    layer = checked_layer(m.meta.get(KEY), _LAYER, f"meta[{KEY!r}]")
    nodes: list[dict[str, Any]] = []
    for n, d in G.nodes(data=True):
        meta = dict(d.get("meta") or {})
        own = checked_layer(meta.pop(KEY, None), _NODE_LAYER, f"meta[{KEY!r}] of {n!r}")
        metadata: dict[str, Any] = dict(own.get("metadata", {}))
        ext: dict[str, Any] = {}
        if d[KIND] == CLAIM:
            rec: dict[str, Any] = {
                "id": n,
                "metadata": metadata,
                "sources": own.get("sources", []),
                TEXT: d[TEXT],
            }
            rec["type"] = "atom"
            rec.update({k: v for k, v in own.get("fields", {}).items() if k not in _NODE_KEYS["atom"]})
            for key, default in _CLAIM_DEFAULTS.items():
                value = d.get(key, default)
                if value != default and not (key == "tags" and not value):
                    ext[key] = list(value) if isinstance(value, tuple) else value
        else:
            kind = d[KIND]
            scheme = d.get("scheme") if kind == INFERENCE else None
            name = own.get("name", scheme if scheme is not None else _NAME[kind])
            rec = {"id": n, "metadata": metadata, "name": name, "type": "scheme"}
            if _kind_of(name) != (kind, scheme):
                rec["name"] = _NAME[kind]
                if scheme is not None:
                    ext["scheme"] = scheme
            rec.update({k: v for k, v in own.get("fields", {}).items() if k not in _NODE_KEYS["scheme"]})
            if kind == CONFLICT:
                target = next(iter(G.successors(n)))
                default = "undercut" if m.kind(target) == INFERENCE else None
                if default is None:
                    default = (
                        "undermine" if m.inferences_from(target) and not m.inferences_to(target) else "rebut"
                    )
                if d.get("attack_type") != default:
                    ext["attack_type"] = d.get("attack_type")
        if meta:
            ext["meta"] = meta
        if ext:
            metadata[EXT] = ext
        nodes.append(rec)
    nodes += [dict(n) for n in layer.get("aside", []) if n["id"] not in G]
    ids = {(u, v): i for u, v, i in layer.get("edge_ids", [])}
    edges = [
        {"id": ids.get((u, v), _edge_id(u, v)), "source_id": u, "target_id": v} for u, v in _edges(G, layer)
    ]
    metadata = copy.deepcopy(dict(layer.get("metadata", {"core": {"version": VERSION}})))
    if m.title is not None:
        metadata.setdefault("core", {})["title"] = m.title
    top: dict[str, Any] = {}
    if m.source is not None:
        top["source"] = m.source
    extra = {k: v for k, v in m.meta.items() if k != KEY}
    if extra:
        top["meta"] = extra
    if top:
        metadata[EXT] = top
    doc = {k: v for k, v in layer.get("extra", {}).items() if k not in _TOP}
    doc.update(
        {"edges": edges, "metadata": metadata, "nodes": nodes, "resources": list(layer.get("resources", []))}
    )
    return doc


def _edges(G: nx.DiGraph[str], layer: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Return the edges to write in the order of the document read, else sorted (with those kept aside)."""
    edges = sorted([*G.edges(), *((u, v) for u, v in layer.get("aside_edges", []))])
    if "edge_order" not in layer:
        return edges
    have = set(edges)
    order = [(u, v) for u, v in layer["edge_order"] if (u, v) in have]
    placed = set(order)
    return order + [e for e in edges if e not in placed]


def read_sadface(source: PathOrFile) -> ArgumentMap:
    """Read a SADFace JSON file (path or open file)."""
    return sadface_map(load_json(source))


def write_sadface(m: ArgumentMap, target: PathOrFile, *, indent: int | None = 2) -> None:
    """Write the map as SADFace JSON (atomically when ``target`` is a path)."""
    dump_json(sadface_data(m), target, indent)
