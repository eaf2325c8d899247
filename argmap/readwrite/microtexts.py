"""ArgGraph XML, the format of the arg-microtexts corpus (Peldszus & Stede).

An ``<arggraph>`` holds ``<edu>`` text segments, ``<joint>`` s of adjacent EDUs,
``<adu>`` s (argumentative units, ``type`` ``pro`` or ``opp``) and ``<edge>`` s
of type ``seg`` (EDU or joint to ADU), ``sup`` and ``exa`` (support, by example),
``reb`` (rebutting attack on an ADU), ``und`` (undercutting attack on an edge)
and ``add`` (an additional premise of an edge).

Reading: the source text is the EDUs joined by single spaces; each ADU becomes
a claim with id the ADU's id, its words as quote and span, and speaker
``"proponent"`` or ``"opponent"``; a ``sup``/``exa``/``reb``/``und`` edge becomes
a relation with the edge's id (``exa`` has scheme ``"Example"``), and ``add``
edges add premises to it. The graph id becomes the title; ``topic_id``,
``stance`` and the central claim (the ADU with no outgoing edge) go to
``m.meta["microtexts"]``. An undercut of an attack, which the model cannot
hold, is kept in ``m.meta["microtexts"]["aside"]`` with an
:class:`~argmap.exceptions.UnsupportedStructureWarning`.

Writing: one EDU per claim (several through a joint when the claim's
``meta["microtexts"]["edus"]`` lists them), in the order of the claims' spans.
Scheme names other than ``"Example"``, rephrases, speakers other than the
proponent and the opponent, tags, sections and metadata cannot be written; they
are left out with a :class:`~argmap.exceptions.LossyConversionWarning`.

Examples
--------
>>> xml = '''<arggraph id="t1"><edu id="e1">Take an umbrella.</edu><edu id="e2">It rains.</edu>
... <adu id="a1" type="pro"/><adu id="a2" type="pro"/>
... <edge id="c3" src="e1" trg="a1" type="seg"/><edge id="c4" src="e2" trg="a2" type="seg"/>
... <edge id="c1" src="a2" trg="a1" type="sup"/></arggraph>'''
>>> m = parse_microtexts(xml)
>>> m.source, m.premises("c1"), m.meta["microtexts"]["central_claim"]
('Take an umbrella. It rains.', ('a2',), 'a1')
>>> parse_microtexts("".join(generate_microtexts(m))) == m
True
"""

from __future__ import annotations

import re
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any, Final
from xml.sax.saxutils import quoteattr

from argmap._io import PathOrFile, atomic_write, read_text
from argmap.exceptions import (
    ArgmapError,
    FormatError,
    LossyConversionWarning,
    ParseError,
    UnsupportedStructureWarning,
)
from argmap.model import ArgumentMap
from argmap.readwrite._schema import unheld

__all__ = ["generate_microtexts", "parse_microtexts", "read_microtexts", "write_microtexts"]

KEY: Final = "microtexts"
_ROLE: Final = {"pro": "proponent", "opp": "opponent"}
_RELATIONS: Final = ("sup", "exa", "reb", "und", "add")
_DROPPED: Final = {
    "claim": ("tags", "section", "meta"),
    "inference": ("meta",),
    "conflict": ("meta",),
    "map": ("meta",),
}


def _position(doc: str, line: int, col: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", doc)]
    return starts[min(line, len(starts)) - 1] + col


def parse_microtexts(text: str) -> ArgumentMap:
    """Build a map from ArgGraph XML text.

    Raises :class:`~argmap.exceptions.ParseError` on XML that is not well
    formed and :class:`~argmap.exceptions.FormatError` on XML that is not an
    argument graph (unknown ids, edge types, ...).
    """
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, col = exc.position
        msg = re.sub(r": line \d+, column \d+$", "", str(exc))
        raise ParseError(f"malformed XML: {msg}", text, _position(text, line, col)) from None
    if root.tag != "arggraph":
        raise FormatError(f"the root element is <{root.tag}>, not <arggraph>")
    edus: dict[str, str] = {}
    implicit: set[str] = set()
    for el in root.iter("edu"):
        edus[_req(el, "id")] = (el.text or "").strip()
        if el.get("implicit") in ("true", "1", "yes"):
            implicit.add(_req(el, "id"))
    joints = [_req(el, "id") for el in root.iter("joint")]
    adus = {_req(el, "id"): el.get("type", "pro") for el in root.iter("adu")}
    edges: dict[str, dict[str, str]] = {}
    for el in root.iter("edge"):
        e = {k: _req(el, k) for k in ("id", "src", "trg", "type")}
        if e["type"] not in ("seg", *_RELATIONS):
            raise FormatError(f"edge {e['id']} has unknown type {e['type']!r}", f"edge[@id={e['id']}]")
        edges[e["id"]] = e

    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    for eid, words in edus.items():
        offsets[eid] = (pos, pos + len(words))
        pos += len(words) + 1
    source = " ".join(edus.values())
    parts: dict[str, list[str]] = {x: [] for x in [*adus, *joints]}
    for e in edges.values():
        if e["type"] != "seg":
            continue
        if e["trg"] not in parts:
            raise FormatError(
                f"seg edge {e['id']} ends at {e['trg']!r}, not an ADU or joint", f"edge[@id={e['id']}]"
            )
        if e["src"] in edus:
            parts[e["trg"]].append(e["src"])
        elif e["src"] in parts:
            parts[e["trg"]].extend(parts[e["src"]])
        else:
            raise FormatError(f"seg edge {e['id']} starts at unknown {e['src']!r}", f"edge[@id={e['id']}]")

    m = ArgumentMap(source=source, title=root.get("id"))
    try:
        for aid, role in adus.items():
            segs = sorted(parts[aid], key=list(edus).index)
            if not segs:
                raise FormatError(f"ADU {aid} has no text (no seg edge)", f"adu[@id={aid}]")
            words = " ".join(edus[s] for s in segs)
            start, end = offsets[segs[0]][0], offsets[segs[-1]][1]
            meta = {KEY: {"edus": [edus[s] for s in segs]}} if len(segs) > 1 else {}
            m.claim(
                words,
                id=aid,
                quote=words,
                span=(start, end) if source[start:end] == words else None,
                speaker=_ROLE.get(role, role),
                implicit=bool(implicit.intersection(segs)),
                meta=meta,
            )
        aside = _add_relations(m, edges)
    except ArgmapError as exc:
        if isinstance(exc, FormatError):
            raise
        raise FormatError(str(exc)) from None
    info: dict[str, Any] = {k: root.get(k) for k in ("topic_id", "stance") if root.get(k) is not None}
    sources = {e["src"] for e in edges.values() if e["type"] != "seg"}
    central = [a for a in adus if a not in sources]
    info["central_claim"] = central[0] if len(central) == 1 else central
    if aside:
        info["aside"] = aside
    m.meta[KEY] = info
    return m


def _req(el: ET.Element, key: str) -> str:
    value = el.get(key)
    if value is None:
        raise FormatError(f"<{el.tag}> has no {key!r} attribute")
    return value


def _add_relations(m: ArgumentMap, edges: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    rel = {k: e for k, e in edges.items() if e["type"] in _RELATIONS}
    adds: dict[str, list[dict[str, str]]] = {}
    for e in rel.values():
        if e["type"] == "add":
            adds.setdefault(e["trg"], []).append(e)
    extra = {k: [e["src"] for e in v] for k, v in adds.items()}
    for k, e in rel.items():
        if e["type"] in ("sup", "exa"):
            scheme = "Example" if e["type"] == "exa" else None
            m.support(e["trg"], [e["src"], *extra.get(k, [])], scheme=scheme, id=k)
    aside: list[dict[str, str]] = []
    pending = [k for k, e in rel.items() if e["type"] in ("reb", "und")]
    while pending:
        progressed = False
        for k in list(pending):
            e = rel[k]
            target = e["trg"]
            if e["type"] == "und" and target in rel and rel[target]["type"] in ("reb", "und"):
                aside.append(e)
            elif e["type"] == "und" and target not in m:
                if target in pending:
                    continue
                raise FormatError(f"und edge {k} targets unknown edge {target!r}", f"edge[@id={k}]")
            else:
                m.attack(target, [e["src"], *extra.get(k, [])], id=k)
            pending.remove(k)
            progressed = True
        if not progressed:
            raise FormatError(f"und edges {', '.join(pending)} target each other")
    kept = {e["id"] for e in aside}
    aside.extend(e for t in sorted(kept) for e in adds.get(t, []))
    if aside:
        warnings.warn(
            f"{len(kept)} undercut(s) of an attack kept aside in meta['microtexts']['aside']: "
            + ", ".join(sorted(kept)),
            UnsupportedStructureWarning,
            stacklevel=3,
        )
    return [{"id": e["id"], "src": e["src"], "trg": e["trg"], "type": e["type"]} for e in aside]


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def generate_microtexts(m: ArgumentMap) -> Iterator[str]:
    """Yield the map as ArgGraph XML, line by line (each with its newline)."""
    G = m.graph
    info = m.meta.get(KEY, {})
    claims = list(m.claims())
    order = sorted(claims, key=lambda c: (G.nodes[c]["span"] is None, (G.nodes[c]["span"] or (0, 0))[0]))
    aside = info.get("aside", [])
    aside_ids = {e["id"] for e in aside}
    used = set(G.nodes) | aside_ids
    counter = {"e": 0, "j": 0, "c": 0}

    def fresh(prefix: str) -> str:
        while True:
            counter[prefix] += 1
            candidate = f"{prefix}{counter[prefix]}"
            if candidate not in used:
                used.add(candidate)
                return candidate

    attrs = f"id={quoteattr(m.title or 'arggraph')}"
    for key in ("topic_id", "stance"):
        if info.get(key) is not None:
            attrs += f" {key}={quoteattr(str(info[key]))}"
    yield "<?xml version='1.0' encoding='UTF-8'?>\n"
    yield f"<arggraph {attrs}>\n"
    seg_edges: list[tuple[str, str]] = []
    joints: list[str] = []
    for c in order:
        d = G.nodes[c]
        texts = (d.get("meta") or {}).get(KEY, {}).get("edus") or [d["text"]]
        ids = []
        for words in texts:
            eid = fresh("e")
            ids.append(eid)
            flag = ' implicit="true"' if d.get("implicit") else ""
            yield f"  <edu id={quoteattr(eid)}{flag}>{_cdata(words)}</edu>\n"
        if len(ids) > 1:
            j = fresh("j")
            joints.append(j)
            seg_edges.extend((e, j) for e in ids)
            seg_edges.append((j, c))
        else:
            seg_edges.append((ids[0], c))
    for j in joints:
        yield f"  <joint id={quoteattr(j)}/>\n"
    for c in claims:
        role = "opp" if G.nodes[c].get("speaker") == "opponent" else "pro"
        yield f"  <adu id={quoteattr(c)} type={quoteattr(role)}/>\n"
    for src, trg in seg_edges:
        yield _edge(fresh("c"), src, trg, "seg")
    lossy: list[str] = []
    for r in m.relations():
        kind = m.kind(r)
        sources = m.premises(r)
        target = m.conclusion(r)
        if kind == "rephrase":
            lossy.append(f"rephrase {r}")
            continue
        if kind == "inference":
            scheme = G.nodes[r].get("scheme")
            if scheme not in (None, "Example"):
                lossy.append(f"scheme {scheme!r} of {r}")
            etype = "exa" if scheme == "Example" else "sup"
        else:
            etype = "und" if m.kind(target) == "inference" else "reb"
        yield _edge(r, sources[0], target, etype)
        for s in sources[1:]:
            yield _edge(fresh("c"), s, r, "add")
    for e in aside:
        if e["src"] in G and (e["trg"] in G or e["trg"] in aside_ids):
            yield _edge(e["id"], e["src"], e["trg"], e["type"])
    yield "</arggraph>\n"
    lossy.extend(unheld(m, _DROPPED, own_key=KEY))
    speakers = {G.nodes[c]["speaker"] for c in claims} - {None, *_ROLE.values()}
    lossy.extend(f"speaker {who!r}" for who in sorted(speakers))
    if lossy:
        warnings.warn(
            f"ArgGraph XML cannot hold: {', '.join(lossy)}; left out", LossyConversionWarning, stacklevel=2
        )


def _edge(eid: str, src: str, trg: str, etype: str) -> str:
    return (
        f"  <edge id={quoteattr(eid)} src={quoteattr(src)} trg={quoteattr(trg)} type={quoteattr(etype)}/>\n"
    )


def read_microtexts(source: PathOrFile) -> ArgumentMap:
    """Read an ArgGraph XML file (path or open file)."""
    return parse_microtexts(read_text(source))


def write_microtexts(m: ArgumentMap, target: PathOrFile) -> None:
    """Write the map as ArgGraph XML (atomically when ``target`` is a path)."""
    atomic_write(target, "".join(generate_microtexts(m)))
