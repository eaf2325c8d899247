"""OVA JSON, the files of the Online Visualisation of Argument tool (OVA2 and OVA3).

OVA3 wraps an AIF document: ``{"AIF": {...}, "OVA": {"nodes": [{"nodeID", "x",
"y", ...}], "edges": [...]}, "text": "<html>"}``; the argument is read as
:mod:`argmap.readwrite.aif` reads AIF. OVA2 has ``nodes`` with ``id``, ``x``,
``y``, ``type`` and ``text``, ``edges`` with ``from``/``to`` node objects and an
``analysis`` whose ``txt`` is the HTML text. In both, the HTML text becomes the
map's source, and each ``<span id="nodeN">`` the span and quote of claim ``N``.
The layout (``x``/``y``) and the HTML are kept in ``m.meta["ova"]`` when they
differ from what the writer makes by itself. Writing gives OVA3.

Examples
--------
>>> m = argmap.ArgumentMap(source="It rains. So stay in.")
>>> s = m.support(m.claim("Stay in.", quote="stay in."), m.claim("It rains.", quote="It rains."))
>>> doc = ova_data(m)
>>> for part in doc["text"].split("</span> "):
...     print(part)
<span class="highlighted" id="nodeit-rains">It rains.
So <span class="highlighted" id="nodestay-in">stay in.</span>
>>> ova_map(doc) == m
True
"""

from __future__ import annotations

import copy
import html
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any, Final

from argmap._io import PathOrFile
from argmap.exceptions import FormatError
from argmap.model import CLAIM, KIND, ArgumentMap
from argmap.readwrite._jsonio import check_json_data, dump_json, load_json, mapping
from argmap.readwrite.aif import aif_data, aif_map

__all__ = ["ova_data", "ova_map", "read_ova", "write_ova"]

KEY: Final = "ova"
_COLUMNS: Final = 6


class _TextSpans(HTMLParser):
    """Collect the plain text of OVA's HTML and the spans of its ``nodeN`` elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.open: list[tuple[str | None, int]] = []
        self.spans: dict[str, tuple[int, int]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.handle_data("\n")
        elif tag == "span":
            ident = dict(attrs).get("id") or ""
            self.open.append((ident[4:] if ident.startswith("node") else None, self.length))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.open:
            ident, start = self.open.pop()
            if ident:
                self.spans.setdefault(ident, (start, self.length))

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        self.length += len(data)


def _parse(text: str) -> tuple[str, dict[str, tuple[int, int]]]:
    parser = _TextSpans()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts), parser.spans


def _html(m: ArgumentMap) -> str | None:
    source = m.source
    if source is None:
        return None
    marks = sorted(
        (d["span"][0], d["span"][1], n) for n, d in m.graph.nodes(data=True) if d[KIND] == CLAIM and d["span"]
    )
    out: list[str] = []
    pos = 0
    for start, end, n in marks:
        if start < pos:
            continue
        out.append(html.escape(source[pos:start], quote=False))
        words = html.escape(source[start:end], quote=False)
        out.append(f'<span class="highlighted" id="node{html.escape(n)}">{words}</span>')
        pos = end
    out.append(html.escape(source[pos:], quote=False))
    return "".join(out).replace("\n", "<br>")


def _layout(m: ArgumentMap) -> dict[str, Any]:
    """Return a grid layout that depends only on the map's ids: claims first, then relations."""
    order = sorted(m.graph.nodes, key=lambda n: (m.graph.nodes[n][KIND] != CLAIM, n))
    nodes = [
        {
            "nodeID": n,
            "visible": True,
            "x": 100 + 250 * (i % _COLUMNS),
            "y": 100 + 150 * (i // _COLUMNS),
            "timestamp": "",
        }
        for i, n in enumerate(order)
    ]
    edges = [{"fromID": u, "toID": v, "visible": True} for u, v in sorted(m.graph.edges)]
    return {"firstname": "", "surname": "", "url": "", "nodes": nodes, "edges": edges}


def _from_ova2(data: Mapping[str, Any]) -> tuple[dict[str, Any], str | None]:
    nodes: list[dict[str, Any]] = []
    layout: list[dict[str, Any]] = []
    for i, n in enumerate(data["nodes"]):
        if not isinstance(n, Mapping) or "id" not in n:
            raise FormatError("an OVA2 node must be an object with an id", f"nodes[{i}]")
        nid = str(n["id"])
        rec = {"nodeID": nid, **{k: v for k, v in n.items() if k not in ("id", "x", "y")}}
        nodes.append(rec)
        layout.append(
            {
                "nodeID": nid,
                "visible": n.get("visible", True),
                "x": n.get("x"),
                "y": n.get("y"),
                "timestamp": "",
            }
        )
    edges: list[dict[str, Any]] = []
    for i, e in enumerate(data["edges"]):
        try:
            u, v = str(e["from"]["id"]), str(e["to"]["id"])
        except (KeyError, TypeError):
            raise FormatError("an OVA2 edge needs from.id and to.id", f"edges[{i}]") from None
        edges.append({"edgeID": f"{u}>{v}", "fromID": u, "toID": v, "formEdgeID": None})
    aif: dict[str, Any] = {"nodes": nodes, "edges": edges, "locutions": []}
    if data.get("participants"):
        aif["participants"] = data["participants"]
    analysis = mapping(data.get("analysis"))
    extra = {k: v for k, v in analysis.items() if k != "txt"}
    if extra:
        aif["analysis"] = extra
    text = analysis.get("txt")
    return {"AIF": aif, "OVA": {"nodes": layout, "edges": []}}, text if isinstance(text, str) else None


def ova_map(data: Mapping[str, Any]) -> ArgumentMap:
    """Build a map from an OVA2 or OVA3 document (a dict as :func:`json.load` gives it).

    Raises :class:`~argmap.exceptions.FormatError` on a document that is neither.
    """
    check_json_data(data, FormatError)
    if not isinstance(data, Mapping):
        raise FormatError("an OVA document must be a JSON object")
    if isinstance(data.get("AIF"), Mapping):
        doc: Mapping[str, Any] = data
        text = data.get("text") if isinstance(data.get("text"), str) else None
    elif isinstance(data.get("nodes"), list) and isinstance(data.get("edges"), list):
        doc, text = _from_ova2(data)
    else:
        raise FormatError("not an OVA document: no 'AIF' object (OVA3) and no 'nodes'/'edges' lists (OVA2)")
    m = aif_map(doc["AIF"])
    if text is not None:
        plain, spans = _parse(text)
        if m.source is None:
            m.source = plain
        if m.source == plain:
            for n, (start, end) in spans.items():
                if n in m and m.kind(n) == CLAIM and m[n]["span"] is None:
                    m[n]["span"] = (start, end)
                    m[n]["quote"] = plain[start:end]
    layer: dict[str, Any] = {}
    if text is not None and text != _html(m):
        layer["text"] = text
    block = doc.get("OVA")
    if isinstance(block, Mapping) and dict(block) != _layout(m):
        layer["OVA"] = copy.deepcopy(dict(block))
    if layer:
        m.meta[KEY] = layer
    return m


def ova_data(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as an OVA3 document (a JSON-ready dict)."""
    plain = m.copy()
    layer = plain.meta.pop(KEY, {})
    block = copy.deepcopy(layer.get("OVA")) if "OVA" in layer else _layout(plain)
    have = {str(x.get("nodeID")) for x in block.get("nodes", [])}
    block.setdefault("nodes", []).extend(x for x in _layout(plain)["nodes"] if x["nodeID"] not in have)
    text = layer.get("text", _html(plain))
    if text is not None and plain.source is not None:
        _leave_to_text(plain, text)
    doc: dict[str, Any] = {"AIF": aif_data(plain), "OVA": block}
    if text is not None:
        doc["text"] = text
    return doc


def _leave_to_text(m: ArgumentMap, text: str) -> None:
    """Drop from ``m`` the source, spans and quotes that the HTML ``text`` gives back on reading."""
    plain, spans = _parse(text)
    if plain != m.source:
        return
    for n, (start, end) in spans.items():
        if (
            n in m
            and m.kind(n) == CLAIM
            and m[n]["span"] == (start, end)
            and m[n]["quote"] == plain[start:end]
        ):
            m[n]["span"] = m[n]["quote"] = None
    if all(d.get("span") is None for _, d in m.graph.nodes(data=True)):
        m.source = None


def read_ova(source: PathOrFile) -> ArgumentMap:
    """Read an OVA2 or OVA3 JSON file (path or open file)."""
    return ova_map(load_json(source))


def write_ova(m: ArgumentMap, target: PathOrFile, *, indent: int | None = 2) -> None:
    """Write the map as OVA3 JSON (atomically when ``target`` is a path)."""
    dump_json(ova_data(m), target, indent)
