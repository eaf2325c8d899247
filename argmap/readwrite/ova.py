"""OVA JSON, the files of the Online Visualisation of Argument tool (OVA2 and OVA3).

OVA3 wraps an AIF document: ``{"AIF": {...}, "OVA": {"nodes": [{"nodeID", "x",
"y", ...}], "edges": [...]}, "text": "<html>"}``; the argument is read as
:mod:`argmap.readwrite.aif` reads AIF. OVA2 has ``nodes`` with ``id``, ``x``,
``y``, ``type`` and ``text``, ``edges`` with ``from``/``to`` node objects and an
``analysis`` whose ``txt`` is the HTML text (OVA3's ``text`` may be such an
object too). In both, the HTML text becomes the map's source, and each
``<span id="nodeN">`` the span and quote of claim ``N``; a claim marked in
several places rests on each passage (``passages``). The layout (``x``/``y``)
and the HTML are kept in ``m.meta["ova"]`` when they differ from what the
writer makes by itself. Writing gives OVA3.

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
import re
from collections import deque
from collections.abc import Mapping
from typing import Any, Final

from argmap._io import PathOrFile
from argmap.exceptions import FormatError
from argmap.model import CLAIM, KIND, TEXT, ArgumentMap
from argmap.readwrite._jsonio import check_json_data, dump_json, load_json, mapping
from argmap.readwrite._layer import checked_layer, is_object, list_of
from argmap.readwrite.aif import EXT, aif_data, checked_aif_map

__all__ = ["ova_data", "ova_map", "read_ova", "write_ova"]

KEY: Final = "ova"
_MADE: Final = {"made": "layout"}
_SPEAKER: Final = {"made": "speaker"}
"""Marks the parts the AIF writer makes for speakers (see :func:`argmap.readwrite.aif.aif_data`)."""
"""Marks a layout block :func:`ova_data` made from given positions: not kept on reading, made again."""


_TAG: Final = re.compile(r"""<(/?)([A-Za-z][^\s/<>]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>""")
_ID: Final = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)


def _parse(text: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """Return the plain text of OVA's HTML and the spans of each ``nodeN`` element, in one pass.

    Tags other than ``<br>`` and ``<span>`` are dropped, comments and
    declarations skipped, entities decoded; a ``<`` that starts none of them
    is text. An unclosed comment runs to the end. A tag holds no ``<``, so
    each character is looked at a bounded number of times.

    >>> _parse('a&amp;b <span id="node1">c<br>d</span><!-- x --> <span id="node1">e</span>')
    ('a&b c\\nd e', {'1': [(4, 7), (8, 9)]})
    """
    parts: list[str] = []
    length = 0
    opened: list[tuple[str | None, int]] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    no_close: set[str] = set()  # closers not found after some point are not found after a later one

    def data(chunk: str) -> None:
        nonlocal length
        if chunk:
            chunk = html.unescape(chunk)
            parts.append(chunk)
            length += len(chunk)

    def skip(pos: int, closer: str) -> int:
        end = -1 if closer in no_close else text.find(closer, pos)
        if end == -1:
            no_close.add(closer)
        return end

    pos = 0
    n = len(text)
    while pos < n:
        lt = text.find("<", pos)
        if lt == -1:
            data(text[pos:])
            break
        data(text[pos:lt])
        pos = lt
        if text.startswith("<!--", pos):
            end = skip(pos + 4, "-->")
            pos = n if end == -1 else end + 3
            continue
        if text.startswith(("<!", "<?"), pos):
            end = skip(pos + 2, ">")
            if end != -1:
                pos = end + 1
                continue
        else:
            tag = _TAG.match(text, pos)
            if tag is not None:
                closing, name, attrs = tag.group(1), tag.group(2).lower(), tag.group(3)
                if name == "br":
                    data("\n")
                elif name == "span" and closing:
                    if opened:
                        ident, begin = opened.pop()
                        if ident:
                            spans.setdefault(ident, []).append((begin, length))
                elif name == "span":
                    found = _ID.search(attrs)
                    value = html.unescape(next(g for g in found.groups() if g is not None)) if found else ""
                    opened.append((value[4:] if value.startswith("node") else None, length))
                pos = tag.end()
                continue
        data("<")
        pos += 1
    return "".join(parts), spans


def _anchor(plain: str, found: list[tuple[int, int]]) -> dict[str, Any]:
    """Return the ``span``, ``quote`` and ``passages`` of a claim marked at the spans ``found``.

    Overlapping marks after the first are left out; several passages give a
    quote of their words joined by `` … ``, as :meth:`ArgumentMap.quote_text` does.
    """
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    if len(spans) == 1:
        return {"span": spans[0], "quote": plain[spans[0][0] : spans[0][1]], "passages": ()}
    quote = " … ".join(plain[a:b] for a, b in spans)
    return {"span": (spans[0][0], spans[-1][1]), "quote": quote, "passages": tuple(spans)}


def _html(m: ArgumentMap) -> str | None:
    """Return OVA's HTML of the source: each passage of a claim in a ``<span id="nodeN">``."""
    source = m.source
    if source is None:
        return None
    marks = sorted(
        (start, end, n)
        for n, d in m.graph.nodes(data=True)
        if d[KIND] == CLAIM and d["span"]
        for start, end in (d["passages"] or (d["span"],))
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


def _order(m: ArgumentMap) -> list[str]:
    """Return the nodes in an order that depends only on the map's ids: claims first, then relations."""
    return sorted(m.graph, key=lambda n: (m.graph.nodes[n][KIND] != CLAIM, n))


def _layers(m: ArgumentMap) -> dict[str, tuple[float, float]]:
    """Return a layered layout: conclusions on top, each node a row below the nearest it points to."""
    G = m.graph
    rank: dict[str, int] = {n: 0 for n in G if G.out_degree(n) == 0}
    queue = deque(rank)
    while queue:
        n = queue.popleft()
        for p in G.predecessors(n):
            if p not in rank:
                rank[p] = rank[n] + 1
                queue.append(p)
    for n in G:
        rank.setdefault(n, 0)
    seen: dict[int, int] = {}
    out: dict[str, tuple[float, float]] = {}
    for n in _order(m):
        column = seen.get(rank[n], 0)
        seen[rank[n]] = column + 1
        out[n] = (100.0 + 250 * column, 100.0 + 150 * rank[n])
    return out


def _layout(m: ArgumentMap, positions: Mapping[str, tuple[float, float]] | None = None) -> dict[str, Any]:
    """Return OVA's layout block: nodes at ``positions`` (else :func:`_layers`), edges all visible."""
    where = dict(_layers(m)) if positions is None else {**_layers(m), **positions}
    nodes = [
        {"nodeID": n, "visible": True, "x": round(where[n][0]), "y": round(where[n][1]), "timestamp": ""}
        for n in _order(m)
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


def _text_of(value: Any) -> str | None:
    """Return the HTML of OVA's ``text``: a string, or an object with a ``txt`` string."""
    if isinstance(value, Mapping):
        value = value.get("txt")
    return value if isinstance(value, str) else None


def _anchored(aif: Any, plain: str, spans: Mapping[str, list[tuple[int, int]]]) -> Any:
    """Return the AIF document with the text's source and each marked I-node's anchor under ``argmap``."""
    if not isinstance(aif, Mapping) or not isinstance(aif.get("nodes"), list):
        return aif
    top = mapping(aif.get(EXT))
    if top.get("source", plain) != plain:
        return aif
    nodes: list[Any] = []
    for node in aif["nodes"]:
        found = spans.get(str(node.get("nodeID"))) if isinstance(node, Mapping) else None
        ext = mapping(node.get(EXT)) if found else {}
        if found and _is_claim(node) and not any(k in ext for k in ("span", "quote", "passages")):
            nodes.append({**node, EXT: {**ext, **_plain(_anchor(plain, found))}})
        else:
            nodes.append(node)
    return {**aif, "nodes": nodes, EXT: {**top, "source": plain}}


def _is_claim(node: Mapping[str, Any]) -> bool:
    """Return whether an AIF node becomes a claim: an I-node with text."""
    text = node.get(TEXT)
    return node.get("type") == "I" and isinstance(text, str) and bool(text.strip())


def _plain(anchor: Mapping[str, Any]) -> dict[str, Any]:
    """Return an anchor as JSON holds it: spans as lists, no empty passages."""
    out = {"span": list(anchor["span"]), "quote": anchor["quote"]}
    if anchor["passages"]:
        out["passages"] = [list(p) for p in anchor["passages"]]
    return out


def ova_map(data: Mapping[str, Any]) -> ArgumentMap:
    """Build a map from an OVA2 or OVA3 document (a dict as :func:`json.load` gives it).

    OVA3's ``text`` may be the HTML or an object with the HTML as ``txt``.
    Raises :class:`~argmap.exceptions.FormatError` on a document that is neither.
    """
    check_json_data(data, FormatError)
    if not isinstance(data, Mapping):
        raise FormatError("an OVA document must be a JSON object")
    if isinstance(data.get("AIF"), Mapping):
        doc: Mapping[str, Any] = data
        text = _text_of(data.get("text"))
    elif isinstance(data.get("nodes"), list) and isinstance(data.get("edges"), list):
        doc, text = _from_ova2(data)
    else:
        raise FormatError("not an OVA document: no 'AIF' object (OVA3) and no 'nodes'/'edges' lists (OVA2)")
    aif = doc["AIF"]
    if text is not None:
        plain, spans = _parse(text)
        aif = _anchored(aif, plain, spans)
    m = checked_aif_map(aif)
    layer: dict[str, Any] = {}
    raw_text = doc.get("text")
    if isinstance(raw_text, Mapping):
        layer["text"] = copy.deepcopy(dict(raw_text))
    elif text is not None and text != _html(m):
        layer["text"] = text
    block = doc.get("OVA")
    made = isinstance(block, Mapping) and block.get(EXT) == _MADE
    if isinstance(block, Mapping) and not made and _without_locutions(block) != _layout(m):
        layer["OVA"] = copy.deepcopy(_without_locutions(block))
    if layer:
        m.meta[KEY] = layer
    return m


def _is_text(value: Any) -> bool:
    return _text_of(value) is not None


def _is_block(value: Any) -> bool:
    return isinstance(value, Mapping) and list_of(is_object)(value.get("nodes", []))


def ova_data(m: ArgumentMap, positions: Mapping[str, tuple[float, float]] | None = None) -> dict[str, Any]:
    """Return the map as an OVA3 document (a JSON-ready dict).

    Nodes are placed at ``positions`` (``(x, y)`` with y growing downwards,
    as :func:`argmap.render.layout.layout_positions` gives them), else in
    layers under their conclusions; a layout read from OVA is written back,
    one made from ``positions`` is marked so that reading does not keep it.
    The locutions the AIF writer makes for speakers sit right of their claims.
    """
    plain = m.copy()
    layer = checked_layer(plain.meta.pop(KEY, None), {"text": _is_text, "OVA": _is_block}, "meta['ova']")
    fresh = _layout(plain, positions)
    if positions is not None:
        fresh[EXT] = dict(_MADE)
    block = copy.deepcopy(dict(layer["OVA"])) if "OVA" in layer else fresh
    have = {str(x.get("nodeID")) for x in block.get("nodes", [])}
    block["nodes"] = [*block.get("nodes", []), *(x for x in fresh["nodes"] if x["nodeID"] not in have)]
    raw_text = layer.get("text", _html(plain))
    text = _text_of(raw_text)
    if text is not None and plain.source is not None:
        _leave_to_text(plain, text)
    aif = aif_data(plain)
    block["nodes"] += _locution_places(aif, {str(x.get("nodeID")): x for x in block["nodes"]})
    doc: dict[str, Any] = {"AIF": aif, "OVA": block}
    if raw_text is not None:
        doc["text"] = raw_text
    return doc


def _made_for_speaker(part: Any) -> bool:
    return isinstance(part, Mapping) and mapping(part.get(EXT)).get("made") == _SPEAKER["made"]


def _locution_places(aif: Mapping[str, Any], placed: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Return layout entries for the L- and YA-nodes the AIF writer made: right of the claim they assert."""
    made = {str(n["nodeID"]) for n in aif["nodes"] if _made_for_speaker(n)}
    target = {str(e["fromID"]): str(e["toID"]) for e in aif["edges"] if str(e["fromID"]) in made}
    out: list[dict[str, Any]] = []
    for node in aif["nodes"]:
        nid = str(node["nodeID"])
        if nid not in made or nid in placed:
            continue
        steps, claim = 1, target.get(nid)
        if claim in made:
            steps, claim = 2, target.get(claim)
        anchor = placed.get(claim or "")
        x, y = (anchor.get("x"), anchor.get("y")) if anchor else (0, 0)
        if not isinstance(x, (int, float)) or not isinstance(y, (int, float)):
            x, y = 0, 0
        entry = {"nodeID": nid, "visible": True, "x": x + 125 * steps, "y": y, "timestamp": ""}
        out.append({**entry, EXT: dict(_SPEAKER)})
    return out


def _without_locutions(block: Mapping[str, Any]) -> dict[str, Any]:
    """Return a layout block without the entries :func:`_locution_places` made."""
    nodes = block.get("nodes")
    if not isinstance(nodes, list):
        return dict(block)
    return {**block, "nodes": [n for n in nodes if not _made_for_speaker(n)]}


def _leave_to_text(m: ArgumentMap, text: str) -> None:
    """Drop from ``m`` the source, spans and quotes that the HTML ``text`` gives back on reading."""
    plain, spans = _parse(text)
    if plain != m.source:
        return
    for n, found in spans.items():
        if n in m and m.kind(n) == CLAIM:
            d = m[n]
            if _anchor(plain, found) == {k: d[k] for k in ("span", "quote", "passages")}:
                d["span"] = d["quote"] = None
                d["passages"] = ()
    if all(d.get("span") is None for _, d in m.graph.nodes(data=True)):
        m.source = None


def read_ova(source: PathOrFile) -> ArgumentMap:
    """Read an OVA2 or OVA3 JSON file (path or open file)."""
    return ova_map(load_json(source))


def write_ova(
    m: ArgumentMap,
    target: PathOrFile,
    *,
    indent: int | None = 2,
    positions: Mapping[str, tuple[float, float]] | None = None,
) -> None:
    """Write the map as OVA3 JSON (atomically when ``target`` is a path), nodes at ``positions``."""
    dump_json(ova_data(m, positions), target, indent)
