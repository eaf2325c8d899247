"""argmap's own JSON format: lossless and versioned.

The document is an object::

    {"format": "argmap", "format_version": 1,
     "title": ..., "source": ..., "meta": {...},
     "claims": [{"id", "text", "quote", "span", "speaker", "implicit", "tags", "section", "meta"}],
     "relations": [{"id", "kind", "from": [...], "to", "scheme" | "attack_type", "meta"}]}

Claims and relations keep their order, so writing is deterministic.

Examples
--------
>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap(title="t")
>>> _ = m.support(m.claim("B"), m.claim("A"))
>>> native_map(native_data(m)) == m
True
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

from argmap._io import PathOrFile, atomic_write
from argmap.exceptions import ArgmapError, FormatError
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, REPHRASE, ArgumentMap
from argmap.readwrite._jsonio import load_json

__all__ = ["native_data", "native_map", "read_native", "write_native"]

FORMAT: Final = "argmap"
FORMAT_VERSION: Final = 1
_CLAIM_KEYS: Final = ("text", "quote", "span", "speaker", "implicit", "tags", "section", "meta")


def native_data(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as a JSON-ready dict."""
    G = m.graph
    claims: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for n, d in G.nodes(data=True):
        if d[KIND] == CLAIM:
            item: dict[str, Any] = {"id": n}
            for key in _CLAIM_KEYS:
                value = d.get(key)
                item[key] = list(value) if key in ("span", "tags") and value is not None else value
            claims.append(item)
            continue
        rel: dict[str, Any] = {"id": n, "kind": d[KIND], "from": list(m.premises(n))}
        rel["to"] = next(iter(G.successors(n)), None)
        if d[KIND] == INFERENCE:
            rel["scheme"] = d.get("scheme")
        elif d[KIND] == CONFLICT:
            rel["attack_type"] = d.get("attack_type")
        rel["meta"] = d.get("meta", {})
        relations.append(rel)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "title": m.title,
        "source": m.source,
        "meta": m.meta,
        "claims": claims,
        "relations": relations,
    }


def _get(
    obj: Mapping[str, Any], key: str, types: type | tuple[type, ...], where: str, default: Any = ...
) -> Any:
    if key not in obj:
        if default is ...:
            raise FormatError(f"missing field {key!r}", where)
        return default
    value = obj[key]
    if not isinstance(value, types):
        raise FormatError(f"field {key!r} has the wrong type {type(value).__name__}", f"{where}.{key}")
    return value


def native_map(data: Mapping[str, Any]) -> ArgumentMap:
    """Build a map from a dict made by :func:`native_data`.

    Raises :class:`~argmap.exceptions.FormatError` (with the JSON path of the
    problem) on a document that is not argmap JSON or has a newer version.
    """
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise FormatError('not an argmap JSON document (no "format": "argmap")')
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= FORMAT_VERSION:
        raise FormatError(f"unsupported format_version {version!r}; this argmap reads 1 to {FORMAT_VERSION}")
    m = ArgumentMap(
        source=_get(data, "source", (str, type(None)), "$", None),
        title=_get(data, "title", (str, type(None)), "$", None),
    )
    m.meta.update(_get(data, "meta", dict, "$", {}))
    none_t = type(None)
    try:
        for i, c in enumerate(_get(data, "claims", list, "$")):
            where = f"claims[{i}]"
            if not isinstance(c, Mapping):
                raise FormatError("a claim must be an object", where)
            span = _get(c, "span", (list, none_t), where, None)
            if span is not None and (
                len(span) != 2 or not all(isinstance(x, int) and not isinstance(x, bool) for x in span)
            ):
                raise FormatError("span must be two integers", f"{where}.span")
            tags = _get(c, "tags", list, where, [])
            if not all(isinstance(t, str) for t in tags):
                raise FormatError("tags must be strings", f"{where}.tags")
            m.claim(
                _get(c, "text", str, where),
                id=_get(c, "id", str, where),
                quote=_get(c, "quote", (str, none_t), where, None),
                span=None if span is None else (span[0], span[1]),
                speaker=_get(c, "speaker", (str, none_t), where, None),
                implicit=_get(c, "implicit", bool, where, False),
                tags=tags,
                section=_get(c, "section", (str, none_t), where, None),
                meta=_get(c, "meta", dict, where, {}),
            )
        for i, r in enumerate(_get(data, "relations", list, "$")):
            where = f"relations[{i}]"
            if not isinstance(r, Mapping):
                raise FormatError("a relation must be an object", where)
            kind = _get(r, "kind", str, where)
            rid = _get(r, "id", str, where)
            sources = _get(r, "from", list, where)
            target = _get(r, "to", str, where)
            meta = _get(r, "meta", dict, where, {})
            if kind == INFERENCE:
                m.support(
                    target, sources, scheme=_get(r, "scheme", (str, none_t), where, None), id=rid, meta=meta
                )
            elif kind == CONFLICT:
                m.attack(
                    target,
                    sources,
                    type=_get(r, "attack_type", (str, none_t), where, None),
                    id=rid,
                    meta=meta,
                )
            elif kind == REPHRASE:
                if len(sources) != 1:
                    raise FormatError("a rephrase has exactly one source", f"{where}.from")
                m.rephrase(sources[0], target, id=rid, meta=meta)
            else:
                raise FormatError(f"unknown relation kind {kind!r}", f"{where}.kind")
    except FormatError:
        raise
    except ArgmapError as exc:
        raise FormatError(str(exc), where) from None
    return m


def read_native(source: PathOrFile) -> ArgumentMap:
    """Read an argmap JSON file (path or open file)."""
    return native_map(load_json(source))


def write_native(m: ArgumentMap, target: PathOrFile, *, indent: int | None = 2) -> None:
    """Write the map as argmap JSON (atomically when ``target`` is a path)."""
    atomic_write(target, json.dumps(native_data(m), ensure_ascii=False, indent=indent) + "\n")
