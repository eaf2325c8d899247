"""Tell a map format by the content of a file.

========== ===============================
format     recognised by content
========== ===============================
native     ``"format": "argmap"``
aif        nodes with ``nodeID``
ova        an ``AIF`` object, or OVA2 keys
sadface    ``source_id`` edges, atoms
nodelink   ``directed`` and ``nodes``
microtexts root ``<arggraph>``
graphml    root ``<graphml>``
kialo      ``Discussion Title:`` or ``1.``
========== ===============================

The suffixes of every format are in :data:`argmap.formats.FORMATS`.

Examples
--------
>>> sniff('{"nodes": [{"nodeID": "1", "type": "I", "text": "t"}], "edges": []}')
'aif'
"""

from __future__ import annotations

import re
from typing import Any, Final

from argmap.readwrite._jsonio import parse_json

__all__ = ["sniff"]

_JSON_START: Final = re.compile(r"\{|\[\s*(?:[\[{\"\]0-9-]|true|false|null)")
_KIALO: Final = re.compile(r"(Discussion Title:|1\. )")
_ROOT: Final = re.compile(r"<(?!\?|!)(?:[\w.-]+:)?([\w.-]+)")


def _sniff_json(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    if data.get("format") == "argmap":
        return "native"
    if isinstance(data.get("AIF"), dict):
        return "ova"
    nodes, edges = data.get("nodes"), data.get("edges", data.get("links"))
    if not isinstance(nodes, list):
        return None
    first = next((n for n in nodes if isinstance(n, dict)), {})
    edge = next((e for e in edges if isinstance(e, dict)), {}) if isinstance(edges, list) else {}
    if "nodeID" in first or "fromID" in edge:
        return "aif"
    if "source_id" in edge or first.get("type") in ("atom", "scheme"):
        return "sadface"
    if "from" in edge or "analysis" in data or ("x" in first and "id" in first):
        return "ova"
    if "directed" in data or "source" in edge:
        return "nodelink"
    if not nodes and isinstance(data.get("metadata"), dict):
        return "sadface"
    if not nodes and "locutions" in data:
        return "aif"
    return None


def sniff(text: str) -> str | None:
    """Return the format the content of a file looks like, or None.

    Text that starts like JSON (``{``, or ``[`` then a JSON value, unlike an
    Argdown ``[Title]``) is JSON: when it is not valid, the JSON error is
    raised as a :class:`~argmap.exceptions.FormatError` with its line and column.

    >>> sniff('{"nodes": [1,]}')
    Traceback (most recent call last):
    argmap.exceptions.FormatError: invalid JSON: Expecting value (at line 1, column 14)
    >>> sniff("[Rain]: It rains.") is None
    True
    """
    head = text.lstrip("\ufeff \t\r\n")
    if _JSON_START.match(head):
        return _sniff_json(parse_json(text))
    if head.startswith("<"):
        root = _ROOT.search(re.sub(r"<!--.*?-->", "", head[:4096], flags=re.S))
        if root is not None:
            return {"arggraph": "microtexts", "graphml": "graphml"}.get(root[1])
        return None
    if _KIALO.match(head):
        return "kialo"
    return None
