"""What a format cannot hold: the attributes of a map it would drop, named for a warning."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from argmap.model import KIND, ArgumentMap
from argmap.schema import ATTRIBUTES

__all__ = ["unheld"]


def unheld(m: ArgumentMap, dropped: Mapping[str, Collection[str]], own_key: str | None = None) -> list[str]:
    """Name the attributes a format drops that ``m`` sets away from their defaults.

    ``dropped`` maps a node kind, or ``"map"`` for the map's ``meta``, to the
    attribute names the format cannot hold; a ``meta`` entry under ``own_key``
    (the format's own) does not count. Returns names such as ``"claim speaker"``.

    >>> m = ArgumentMap()
    >>> _ = m.claim("A", speaker="Ann", meta={"kialo": 1})
    >>> unheld(m, {"claim": ("speaker", "meta", "tags")}, own_key="kialo")
    ['claim speaker']
    """
    found: list[str] = []
    if "meta" in dropped.get("map", ()) and any(k != own_key for k in m.meta):
        found.append("map meta")
    for _, d in m.graph.nodes(data=True):
        kind = d[KIND]
        for key in dropped.get(kind, ()):
            attr = ATTRIBUTES[kind][key]
            value = d.get(key, attr.fresh_default())
            if key == "meta":
                value = {k: v for k, v in value.items() if k != own_key}
            name = f"{kind} {key}"
            if value != attr.fresh_default() and name not in found:
                found.append(name)
    return found
