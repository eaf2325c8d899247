"""argmap's own JSON format: lossless and versioned.

The document is an object::

    {"format": "argmap", "format_version": 2,
     "title": ..., "source": ..., "meta": {...},
     "claims": [{"id", "text", "quote", "span", "passages", "speaker", "implicit", "thesis",
                 "tags", "section", "meta"}],
     "relations": [{"id", "kind", "from": [...], "to", "scheme" | "attack_type", "meta"}]}

Every attribute of :data:`argmap.schema.ATTRIBUTES` is written; claims and
relations keep their order, so writing is deterministic. Version 1 (before
``passages`` and ``thesis``) is read as well.

Examples
--------
>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap(title="t")
>>> _ = m.support(m.claim("B"), m.claim("A"))
>>> native_map(native_data(m)) == m
True
>>> native_map({"format": "argmap", "format_version": 2, "claims": [{"id": "a", "text": "A"},
...     {"id": "a", "text": "B"}], "relations": []})
Traceback (most recent call last):
argmap.exceptions.RecordError: duplicate id 'a': claims[0] and claims[1]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from argmap._io import PathOrFile
from argmap.exceptions import FormatError
from argmap.model import CLAIM, KIND, ArgumentMap
from argmap.readwrite._jsonio import dump_json, load_json
from argmap.schema import ATTRIBUTES, RELATION_KINDS

__all__ = ["native_data", "native_map", "read_native", "write_native"]

FORMAT: Final = "argmap"
FORMAT_VERSION: Final = 2


def _plain(value: Any) -> Any:
    """Return tuples (spans, tags, passages) as lists, as JSON holds them."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def native_data(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as a JSON-ready dict."""
    records = m.to_records()
    claims: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for rec in records.nodes:
        kind = rec[KIND]
        attrs = {name: _plain(rec[name]) for name in ATTRIBUTES[kind] if name != "meta"}
        if kind == CLAIM:
            claims.append({"id": rec["id"], **attrs, "meta": rec["meta"]})
        else:
            rid = rec["id"]
            relations.append(
                {
                    "id": rid,
                    "kind": kind,
                    "from": records.sources(rid),
                    "to": records.target(rid),
                    **attrs,
                    "meta": rec["meta"],
                }
            )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "title": records.graph["title"],
        "source": records.graph["source"],
        "meta": records.graph["meta"],
        "claims": claims,
        "relations": relations,
    }


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise FormatError(f"missing or invalid {key!r} list", f"$.{key}")
    return value


def native_map(data: Mapping[str, Any]) -> ArgumentMap:
    """Build a map from a dict made by :func:`native_data`.

    Raises :class:`~argmap.exceptions.FormatError` (with the JSON path of the
    problem) on a document that is not argmap JSON or has a newer version. A
    relation that breaks a rule of the model (a claim supporting itself, an
    undercut of an attack, ...) is kept aside in ``meta["aside"]`` with a
    :class:`~argmap.exceptions.MalformedPartWarning`, as
    :func:`argmap.schema.from_records` does.
    """
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise FormatError('not an argmap JSON document (no "format": "argmap")')
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= FORMAT_VERSION:
        raise FormatError(f"unsupported format_version {version!r}; this argmap reads 1 to {FORMAT_VERSION}")
    places: list[str] = []
    nodes: list[dict[str, Any]] = []
    edges: list[tuple[str, str]] = []
    for i, c in enumerate(_list(data, "claims")):
        if not isinstance(c, Mapping):
            raise FormatError("a claim must be an object", f"claims[{i}]")
        places.append(f"claims[{i}]")
        nodes.append({KIND: CLAIM, **c})
    for i, r in enumerate(_list(data, "relations")):
        where = f"relations[{i}]"
        if not isinstance(r, Mapping):
            raise FormatError("a relation must be an object", where)
        kind, rid, sources, target = r.get("kind"), r.get("id"), r.get("from"), r.get("to")
        if not isinstance(kind, str) or kind not in RELATION_KINDS:
            raise FormatError(f"unknown relation kind {kind!r}", f"{where}.kind")
        if not isinstance(sources, list) or not all(isinstance(x, str) for x in sources):
            raise FormatError("'from' must be a list of claim ids", f"{where}.from")
        if not isinstance(target, str):
            raise FormatError("'to' must be an id", f"{where}.to")
        if not isinstance(rid, str):
            raise FormatError("'id' must be a string", f"{where}.id")
        places.append(where)
        nodes.append({k: v for k, v in r.items() if k not in ("from", "to")})
        edges += [(x, rid) for x in sources]
        edges.append((rid, target))
    graph = {k: data.get(k) for k in ("title", "source", "meta")}
    return ArgumentMap.from_records(graph, nodes, edges, where=places.__getitem__, lenient=True)


def read_native(source: PathOrFile) -> ArgumentMap:
    """Read an argmap JSON file (path or open file)."""
    return native_map(load_json(source))


def write_native(m: ArgumentMap, target: PathOrFile, *, indent: int | None = 2) -> None:
    """Write the map as argmap JSON (atomically when ``target`` is a path)."""
    dump_json(native_data(m), target, indent)
