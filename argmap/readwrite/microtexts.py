"""ArgGraph XML, the format of the arg-microtexts corpus (Peldszus & Stede).

An ``<arggraph>`` holds ``<edu>`` text segments, ``<joint>`` s of EDUs,
``<adu>`` s (argumentative units, ``type`` ``pro`` or ``opp``) and ``<edge>`` s
of type ``seg`` (EDU or joint to ADU), ``sup`` and ``exa`` (support, by example),
``reb`` (rebutting attack on an ADU), ``und`` (undercutting attack on an edge)
and ``add`` (an additional premise of an edge).

Reading: the source text is the EDUs joined by single spaces; each ADU becomes
a claim with id the ADU's id, its words as text, quote and span, and speaker
``"proponent"`` or ``"opponent"``. An ADU joined from EDUs that are not next to
each other (as in the corpus's part 2) rests on several passages: its
``passages`` are the spans of each run of adjacent EDUs, its quote their words
joined by `` … ``. A ``sup``/``exa``/``reb``/``und`` edge becomes a relation
with the edge's id (``exa`` has scheme ``"Example"``), and ``add`` edges add
premises to it. The graph id becomes the title; ``topic_id``, ``stance`` and the
central claim (the ADU with no outgoing edge) go to ``m.meta["microtexts"]``.

Malformed parts are kept aside and the rest is read: an undercut of an attack,
which the model cannot hold, goes to ``m.meta["microtexts"]["aside"]`` with an
:class:`~argmap.exceptions.UnsupportedStructureWarning`; an edge of an unknown
type, a segmentation edge or additional premise that leads nowhere, and an ADU
without text go there too, with a :class:`~argmap.exceptions.MalformedPartWarning`;
relations that break a rule of the model (a claim supporting itself, an edge to
an unknown id) go to ``m.meta["aside"]`` (see :func:`argmap.schema.from_records`).
Two elements with one id are an error naming both. Only XML that is not well
formed, an element without a required attribute, or joints shared so widely
that the ADUs would take more than twice the EDUs there are (the work would
grow faster than the input) are refused.

Writing: when the map has a source text, the EDUs are its pieces: each passage
of a claim is one EDU (or several, as the claim's ``meta["microtexts"]["edus"]``
lists them), and the text between passages is kept as EDUs of no ADU, so the
source and every span come back; claims without a span follow as EDUs of their
text. Without a source, each claim is one EDU (or its listed ``edus``). Scheme
names other than ``"Example"``, rephrases, attack types other than the one the
reader infers, speakers other than the proponent and the opponent, thesis flags,
tags, sections, metadata, and any text, quote, span or source spacing that would
not come back are left out with a :class:`~argmap.exceptions.LossyConversionWarning`
naming them.

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

import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final
from xml.sax.saxutils import quoteattr

from argmap._io import PathOrFile, atomic_write, read_text
from argmap.exceptions import (
    FormatError,
    LossyConversionWarning,
    MalformedPartWarning,
    RecordError,
    UnsupportedStructureWarning,
)
from argmap.model import ArgumentMap
from argmap.readwrite._schema import unheld
from argmap.readwrite._xmltext import escape_text, parse_xml, xml_safe
from argmap.schema import CLAIM, CONFLICT, INFERENCE, default_attack_type, from_records

__all__ = ["generate_microtexts", "parse_microtexts", "read_microtexts", "write_microtexts"]

KEY: Final = "microtexts"
_ROLE: Final = {"pro": "proponent", "opp": "opponent"}
_RELATIONS: Final = ("sup", "exa", "reb", "und", "add")
_ELEMENTS: Final = ("edu", "joint", "adu", "edge")
_DROPPED: Final = {
    "claim": ("thesis", "tags", "section", "meta"),
    "inference": ("meta",),
    "conflict": ("meta",),
    "map": ("meta",),
}


def _req(el: ET.Element, key: str, where: str) -> str:
    value = el.get(key)
    if value is None:
        raise FormatError(f"<{el.tag}> has no {key!r} attribute", where)
    return value


def parse_microtexts(text: str) -> ArgumentMap:
    """Build a map from ArgGraph XML text.

    Raises :class:`~argmap.exceptions.ParseError` (with line and column) on
    XML that is not well formed, and :class:`~argmap.exceptions.FormatError`
    on a root other than ``<arggraph>``, an element without a required
    attribute, or two elements with one id (naming both).
    """
    root = parse_xml(text)
    if root.tag != "arggraph":
        raise FormatError(f"the root element is <{root.tag}>, not <arggraph>")
    places: dict[str, str] = {}
    counts = dict.fromkeys(_ELEMENTS, 0)
    edus: list[str] = []
    edu_text: dict[str, str] = {}
    implicit: set[str] = set()
    joints: set[str] = set()
    adus: dict[str, str] = {}
    edges: list[dict[str, str]] = []
    for el in root.iter():
        if el.tag not in counts:
            continue
        counts[el.tag] += 1
        where = f"<{el.tag}> {counts[el.tag]}"
        ident = _req(el, "id", where)
        if ident in places:
            raise RecordError(f"duplicate id {ident!r}: {places[ident]} and {where}")
        places[ident] = where
        if el.tag == "edu":
            edus.append(ident)
            edu_text[ident] = (el.text or "").strip()
            if el.get("implicit") in ("true", "1", "yes"):
                implicit.add(ident)
        elif el.tag == "joint":
            joints.add(ident)
        elif el.tag == "adu":
            adus[ident] = el.get("type", "pro")
        else:
            edges.append({k: _req(el, k, where) for k in ("id", "src", "trg", "type")})

    index = {e: i for i, e in enumerate(edus)}
    offsets: list[tuple[int, int]] = []
    pos = 0
    for eid in edus:
        offsets.append((pos, pos + len(edu_text[eid])))
        pos += len(edu_text[eid]) + 1
    source = " ".join(edu_text[eid] for eid in edus)

    aside: list[dict[str, Any]] = []
    malformed: list[str] = []

    def put_aside(e: dict[str, str], problem: str) -> None:
        aside.append(dict(e))
        malformed.append(f"{e['type']} edge {e['id']} ({problem})")

    parts: dict[str, list[str]] = {}
    for e in edges:
        if e["type"] != "seg":
            continue
        if e["trg"] not in adus and e["trg"] not in joints:
            put_aside(e, f"ends at {e['trg']!r}, not an ADU or joint")
        elif e["src"] not in index and e["src"] not in joints:
            put_aside(e, f"starts at {e['src']!r}, not an EDU or joint")
        else:
            parts.setdefault(e["trg"], []).append(e["src"])

    nodes: list[dict[str, Any]] = []
    where_of: list[str] = []
    shared = 0
    for aid, role in adus.items():
        segs = sorted(_edus_of(aid, parts, index), key=index.__getitem__)
        shared += len(segs)
        if shared > 2 * len(edus) + 1000:
            raise FormatError(
                f"the ADUs take more than {2 * len(edus) + 1000:,} EDUs through joints, "
                f"but there are {len(edus):,}: joints shared among ADUs"
            )
        words = " ".join(edu_text[s] for s in segs)
        if not words.strip():
            aside.append({"id": aid, "type": "adu", "role": role})
            malformed.append(f"ADU {aid} (no text)")
            continue
        runs: list[list[str]] = []
        for s in segs:
            if runs and index[s] == index[runs[-1][-1]] + 1:
                runs[-1].append(s)
            else:
                runs.append([s])
        passages = [(offsets[index[r[0]]][0], offsets[index[r[-1]]][1]) for r in runs]
        quote = " … ".join(source[a:b] for a, b in passages) if len(passages) > 1 else words
        nodes.append(
            {
                "id": aid,
                "kind": CLAIM,
                "text": words,
                "quote": quote,
                "span": (passages[0][0], passages[-1][1]),
                "passages": passages if len(passages) > 1 else (),
                "speaker": _ROLE.get(role, role),
                "implicit": bool(implicit.intersection(segs)),
                "meta": {KEY: {"edus": [edu_text[s] for s in segs]}} if len(segs) > 1 else {},
            }
        )
        where_of.append(places[aid])

    rel = {e["id"]: e for e in edges if e["type"] in _RELATIONS}
    on_attack = [
        e for e in rel.values() if e["type"] == "und" and rel.get(e["trg"], {}).get("type") in ("reb", "und")
    ]
    held = {k for k, e in rel.items() if e["type"] != "add"} - {e["id"] for e in on_attack}
    pairs: list[tuple[str, str]] = []
    supports_first = sorted(edges, key=lambda e: e["type"] not in ("sup", "exa"))
    for e in supports_first:
        kind = e["type"]
        if kind == "seg":
            continue
        if kind not in _RELATIONS:
            put_aside(e, "unknown type")
        elif kind == "add":
            if e["trg"] in held:
                pairs.append((e["src"], e["trg"]))
            elif e["trg"] not in rel or rel[e["trg"]]["type"] == "add":
                put_aside(e, f"adds a premise to {e['trg']!r}, not a relation")
        elif e["id"] in held:
            node: dict[str, Any] = {"id": e["id"], "kind": INFERENCE if kind in ("sup", "exa") else CONFLICT}
            if kind == "exa":
                node["scheme"] = "Example"
            nodes.append(node)
            where_of.append(places[e["id"]])
            pairs += [(e["src"], e["id"]), (e["id"], e["trg"])]
    kept = sorted(e["id"] for e in on_attack)
    if on_attack:
        aside_ids = set(kept)
        aside.extend(dict(e) for e in on_attack)
        aside.extend(dict(e) for e in edges if e["type"] == "add" and e["trg"] in aside_ids)
        warnings.warn(
            f"{len(kept)} undercut(s) of an attack kept aside in meta['microtexts']['aside']: "
            + ", ".join(kept),
            UnsupportedStructureWarning,
            stacklevel=2,
        )
    if malformed:
        shown = "; ".join(malformed[:5]) + (f"; and {len(malformed) - 5} more" if len(malformed) > 5 else "")
        warnings.warn(
            f"{len(malformed)} malformed part(s) kept aside in meta['microtexts']['aside']: {shown}",
            MalformedPartWarning,
            stacklevel=2,
        )

    info: dict[str, Any] = {k: root.get(k) for k in ("topic_id", "stance") if root.get(k) is not None}
    sources = {e["src"] for e in edges if e["type"] in _RELATIONS}
    central = [n["id"] for n in nodes if n["kind"] == CLAIM and n["id"] not in sources]
    info["central_claim"] = central[0] if len(central) == 1 else central
    if aside:
        info["aside"] = aside
    graph = {"source": source, "title": root.get("id"), "meta": {KEY: info}}
    G = from_records(graph, nodes, pairs, where=where_of.__getitem__, lenient=True)
    return ArgumentMap(graph=G)


def _edus_of(node: str, parts: Mapping[str, list[str]], index: Mapping[str, int]) -> list[str]:
    """Return the EDUs under an ADU or joint, following joints (each once)."""
    found: list[str] = []
    seen = {node}
    stack = [node]
    while stack:
        for src in parts.get(stack.pop(), ()):
            if src in seen:
                continue
            seen.add(src)
            if src in index:
                found.append(src)
            else:
                stack.append(src)
    return found


# -- writing ---------------------------------------------------------------------------------------


def _names(what: str, ids: Sequence[str]) -> str:
    more = f" and {len(ids) - 3} more" if len(ids) > 3 else ""
    return f"{what} of {', '.join(ids[:3])}{more}"


def _own_meta(value: Any, lossy: list[str]) -> dict[str, Any]:
    """Return the map's ``meta["microtexts"]`` in the shape the writer uses; name what it cannot use."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        lossy.append("meta['microtexts'] (not an object)")
        return {}
    info: dict[str, Any] = {}
    for key in ("topic_id", "stance"):
        if value.get(key) is None:
            continue
        if isinstance(value[key], str):
            info[key] = value[key]
        else:
            lossy.append(f"meta['microtexts'][{key!r}] (not a string)")
    aside = value.get("aside", [])
    good = [
        e
        for e in (aside if isinstance(aside, list) else [])
        if isinstance(e, Mapping)
        and all(isinstance(e.get(k), str) for k in ("id", "type"))
        and (
            (e["type"] == "adu" and isinstance(e.get("role", "pro"), str))
            or all(isinstance(e.get(k), str) for k in ("src", "trg"))
        )
    ]
    if not isinstance(aside, list) or len(good) != len(aside):
        lossy.append("meta['microtexts']['aside'] entries that are not edges or ADUs")
    info["aside"] = good
    return info


def _claim_edus(value: Any) -> list[str] | None:
    """Return a claim's ``meta["microtexts"]["edus"]`` if it is a list of texts, else None."""
    edus = value.get("edus") if isinstance(value, Mapping) else None
    if isinstance(edus, list) and edus and all(isinstance(t, str) and t.strip() for t in edus):
        return [t.strip() for t in edus]
    return None


def _split(passages: list[str], edus: list[str] | None) -> list[list[str]]:
    """Return each passage's EDU texts: the listed ``edus`` when they make up the passages, else one each."""
    if edus is not None:
        out: list[list[str]] = []
        rest = iter(edus)
        for passage in passages:
            group: list[str] = []
            while " ".join(group) != passage and len(" ".join(group)) < len(passage):
                nxt = next(rest, None)
                if nxt is None:
                    break
                group.append(nxt)
            out.append(group)
        if next(rest, None) is None and [" ".join(g) for g in out] == passages:
            return out
    return [[p] for p in passages]


def _layout(m: ArgumentMap, lossy: list[str]) -> list[tuple[str, str | None]]:
    """Return the EDUs to write, in order, each with the claim it belongs to (None: no ADU)."""
    G = m.graph
    source = m.source
    claims = list(m.claims())
    intervals: list[tuple[int, int, str]] = []
    if source is not None:
        for c in claims:
            d = G.nodes[c]
            spans = list(d["passages"]) or ([d["span"]] if d["span"] is not None else [])
            intervals.extend((a, b, c) for a, b in spans)
        intervals.sort()
        bad: set[str] = set()
        end = 0
        for a, b, c in intervals:
            if a < end or not source[a:b].strip():
                bad.add(c)
            else:
                end = b
        overlapping = sorted(bad)
        if overlapping:
            lossy.append(_names("overlapping or empty passages", overlapping))
        intervals = [iv for iv in intervals if iv[2] not in bad]
    placed = {c for _, _, c in intervals}
    texts: dict[str, list[str]] = {}
    for a, b, c in intervals:
        texts.setdefault(c, []).append(source[a:b].strip() if source is not None else "")
    split = {c: iter(_split(t, _claim_edus(G.nodes[c]["meta"].get(KEY)))) for c, t in texts.items()}
    out: list[tuple[str, str | None]] = []
    pos = 0
    for a, b, c in intervals:
        assert source is not None
        gap = source[pos:a].strip()
        if gap:
            out.append((gap, None))
        out.extend((t, c) for t in next(split[c]))
        pos = b
    if source is not None and source[pos:].strip():
        out.append((source[pos:].strip(), None))
    for c in claims:
        if c not in placed:
            d = G.nodes[c]
            edus = _claim_edus(d["meta"].get(KEY)) or [d["text"].strip()]
            out.extend((t, c) for t in edus)
    return out


def _check_layout(m: ArgumentMap, edus: list[tuple[str, str | None]], lossy: list[str]) -> None:
    """Name what reading ``edus`` back would not give as the map has it."""
    G = m.graph
    rebuilt = " ".join(t for t, _ in edus)
    if m.source is not None and rebuilt != m.source:
        lossy.append("the source text (ArgGraph holds it as EDUs joined by single spaces)")
    spans: dict[str, list[list[int]]] = {}
    words: dict[str, list[str]] = {}
    pos = 0
    last: dict[str, int] = {}
    for i, (t, c) in enumerate(edus):
        if c is not None:
            runs = spans.setdefault(c, [])
            if runs and last[c] == i - 1:
                runs[-1][1] = pos + len(t)
            else:
                runs.append([pos, pos + len(t)])
            last[c] = i
            words.setdefault(c, []).append(t)
        pos += len(t) + 1
    changed: dict[str, list[str]] = {"text": [], "quote": [], "span": []}
    for c, runs in spans.items():
        d = G.nodes[c]
        text = " ".join(words[c])
        passages = [tuple(r) for r in runs]
        quote = " … ".join(rebuilt[a:b] for a, b in passages) if len(passages) > 1 else text
        if d["text"] != text:
            changed["text"].append(c)
        if d["quote"] is not None and d["quote"] != quote:
            changed["quote"].append(c)
        if d["span"] is not None and (
            d["span"] != (passages[0][0], passages[-1][1])
            or tuple(d["passages"]) != (tuple(passages) if len(passages) > 1 else ())
        ):
            changed["span"].append(c)
    lossy.extend(_names(f"claim {what}", ids) for what, ids in changed.items() if ids)


def generate_microtexts(m: ArgumentMap) -> Iterator[str]:
    """Yield the map as ArgGraph XML, line by line (each with its newline)."""
    G = m.graph
    lossy: list[str] = []
    info = _own_meta(m.meta.get(KEY), lossy)
    claims = list(m.claims())
    edus = _layout(m, lossy)
    _check_layout(m, edus, lossy)
    aside = info.get("aside", [])
    aside_ids = {e["id"] for e in aside}
    used = set(G.nodes) | aside_ids
    counter = {"e": 0, "j": 0, "c": 0}
    unsafe = False

    def fresh(prefix: str) -> str:
        while True:
            counter[prefix] += 1
            candidate = f"{prefix}{counter[prefix]}"
            if candidate not in used:
                used.add(candidate)
                return candidate

    def attr(value: str) -> str:
        nonlocal unsafe
        clean, lost = xml_safe(value)
        unsafe |= lost
        return quoteattr(clean)

    attrs = f"id={attr(m.title or 'arggraph')}"
    for key in ("topic_id", "stance"):
        if key in info:
            attrs += f" {key}={attr(info[key])}"
    lines = ["<?xml version='1.0' encoding='UTF-8'?>\n", f"<arggraph {attrs}>\n"]
    owned: dict[str, list[str]] = {}
    for words, c in edus:
        eid = fresh("e")
        flag = ' implicit="true"' if c is not None and G.nodes[c]["implicit"] else ""
        clean, lost = xml_safe(words)
        unsafe |= lost
        lines.append(f"  <edu id={attr(eid)}{flag}>{escape_text(clean)}</edu>\n")
        if c is not None:
            owned.setdefault(c, []).append(eid)
    seg_edges: list[tuple[str, str]] = []
    for c in claims:
        ids = owned[c]
        if len(ids) > 1:
            j = fresh("j")
            lines.append(f"  <joint id={attr(j)}/>\n")
            seg_edges.extend((e, j) for e in ids)
            seg_edges.append((j, c))
        else:
            seg_edges.append((ids[0], c))
    for c in claims:
        role = "opp" if G.nodes[c]["speaker"] == "opponent" else "pro"
        lines.append(f"  <adu id={attr(c)} type={attr(role)}/>\n")
    for e in aside:
        if e["type"] == "adu" and e["id"] not in G:
            lines.append(f"  <adu id={attr(e['id'])} type={attr(e.get('role', 'pro'))}/>\n")
    for src, trg in seg_edges:
        lines.append(_edge(attr, fresh("c"), src, trg, "seg"))
    wrong_type: list[str] = []
    for r in m.relations():
        kind = m.kind(r)
        sources = m.premises(r)
        target = m.conclusion(r)
        if kind == "rephrase":
            lossy.append(f"rephrase {r}")
            continue
        if kind == "inference":
            scheme = G.nodes[r]["scheme"]
            if scheme not in (None, "Example"):
                lossy.append(f"scheme {scheme!r} of {r}")
            etype = "exa" if scheme == "Example" else "sup"
        else:
            etype = "und" if m.kind(target) == "inference" else "reb"
            if etype == "reb" and G.nodes[r]["attack_type"] != default_attack_type(G, target):
                wrong_type.append(r)
        lines.append(_edge(attr, r, sources[0], target, etype))
        for s in sources[1:]:
            lines.append(_edge(attr, fresh("c"), s, r, "add"))
    if wrong_type:
        lossy.append(_names("attack type", wrong_type))
    for e in aside:
        if e["type"] != "adu":
            lines.append(_edge(attr, e["id"], e["src"], e["trg"], e["type"]))
    lines.append("</arggraph>\n")
    lossy.extend(unheld(m, _DROPPED, own_key=KEY))
    speakers = {G.nodes[c]["speaker"] for c in claims} - {None, *_ROLE.values()}
    lossy.extend(f"speaker {who!r}" for who in sorted(speakers))
    if unsafe:
        lossy.append("characters XML 1.0 cannot hold (written as U+FFFD)")
    if lossy:
        warnings.warn(
            f"ArgGraph XML cannot hold: {', '.join(lossy)}; left out", LossyConversionWarning, stacklevel=2
        )
    yield from lines


def _edge(attr: Any, eid: str, src: str, trg: str, etype: str) -> str:
    return f"  <edge id={attr(eid)} src={attr(src)} trg={attr(trg)} type={attr(etype)}/>\n"


def read_microtexts(source: PathOrFile) -> ArgumentMap:
    """Read an ArgGraph XML file (path or open file)."""
    return parse_microtexts(read_text(source))


def write_microtexts(m: ArgumentMap, target: PathOrFile) -> None:
    """Write the map as ArgGraph XML (atomically when ``target`` is a path)."""
    atomic_write(target, "".join(generate_microtexts(m)))
