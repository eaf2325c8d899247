"""AIF JSON, the Argument Interchange Format as AIFdb serves it.

An AIF document has ``nodes`` (``{"nodeID", "text", "type", ...}``), ``edges``
(``{"edgeID", "fromID", "toID", ...}``) and ``locutions``. The argument layer maps
onto the model: I-nodes become claims, RA-nodes inferences (the scheme name comes
from ``scheme`` or a non-default ``text``), CA-nodes conflicts and MA-nodes
rephrases; node ids are the AIF ``nodeID`` s. Everything else -- the dialogue
layer (L, YA, TA), preferences (PA), locutions, extra fields such as
``timestamp`` and parts the model cannot hold -- is kept in ``m.meta["aif"]``
and in each node's ``meta["aif"]``, and written back by :func:`aif_data`.
Malformed parts are kept aside with an :class:`~argmap.exceptions.InputWarning`.
A claim's speaker is the one an L-node asserting it through a YA-node names
(``"Name : words"`` as AIFdb writes it, or OVA's participant ``"Name: words"``);
the writer makes such locutions for speakers, and writes catalogue schemes by
their AIF names (``aif_name``). Attributes AIF has no field for (quotes,
spans, passages, tags, the source text, ...) are written under an ``"argmap"``
key that other AIF tools ignore.

Examples
--------
>>> doc = {"nodes": [{"nodeID": "1", "text": "It rains.", "type": "I"},
...                  {"nodeID": "2", "text": "Take an umbrella.", "type": "I"},
...                  {"nodeID": "3", "text": "Default Inference", "type": "RA"}],
...        "edges": [{"edgeID": "a", "fromID": "1", "toID": "3"},
...                  {"edgeID": "b", "fromID": "3", "toID": "2"}],
...        "locutions": []}
>>> m = aif_map(doc)
>>> m.premises("3"), m.conclusion("3"), m["3"]["scheme"]
(('1',), '2', None)
>>> [e["edgeID"] for e in aif_data(m)["edges"]]
['a', 'b']
"""

from __future__ import annotations

import os
import re
import warnings
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, Final

from argmap._io import PathOrFile, read_side_text
from argmap.exceptions import (
    AIFFormatError,
    ArgmapError,
    DanglingReferenceWarning,
    IncompleteRelationWarning,
    InputWarning,
    SelfLoopWarning,
    UnsupportedStructureWarning,
)
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, REPHRASE, TEXT, ArgumentMap
from argmap.readwrite._jsonio import check_json_data, dump_json, load_json, mapping, object_copy
from argmap.readwrite._layer import checked_layer, is_object, is_str, list_of
from argmap.schema import ATTRIBUTES
from argmap.schemes import get_scheme, resolve_scheme

__all__ = ["aif_data", "aif_map", "read_aif", "write_aif"]

EXT: Final = "argmap"
_TYPE: Final = {INFERENCE: "RA", CONFLICT: "CA", REPHRASE: "MA"}
_DEFAULT_TEXT: Final = {
    INFERENCE: "Default Inference",
    CONFLICT: "Default Conflict",
    REPHRASE: "Default Rephrase",
}
_GENERIC: Final = frozenset(
    {
        "RA",
        "CA",
        "MA",
        "PA",
        "Default Inference",
        "Default Conflict",
        "Default Rephrase",
        "Default Preference",
    }
)
_ARGUMENT_TYPES: Final = frozenset({"I", "RA", "CA", "MA"})
_CLAIM_DEFAULTS: Final[dict[str, Any]] = {
    k: a.default for k, a in ATTRIBUTES[CLAIM].items() if k not in (TEXT, "speaker", "meta")
}
_SHOW: Final = 5
_SPACED: Final = re.compile(r"[A-Z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*)+")
_CAMEL: Final = re.compile(r"(?:[A-Z][a-z]+)+")


def _scheme_of(node: Mapping[str, Any]) -> str | None:
    """Return the scheme name an AIF S-node carries, or None for a default one."""
    for key in ("scheme", "text"):
        value = node.get(key)
        if isinstance(value, str) and value.strip() and value not in _GENERIC:
            return value
    return None


def _edge_id(u: str, v: str) -> str:
    return f"{u}>{v}"


def _default_edge(u: str, v: str) -> dict[str, Any]:
    return {"edgeID": _edge_id(u, v), "fromID": u, "toID": v, "formEdgeID": None}


def _made(part: Any) -> bool:
    """Return whether a part of the document is one :func:`aif_data` made for a speaker."""
    return isinstance(part, Mapping) and mapping(part.get(EXT)).get("made") == "speaker"


def _names(locutions: Any, participants: Any) -> tuple[dict[str, str], set[str]]:
    """Return each L-node's participant by its locution's ``personID`` (OVA's way), and all the names."""
    people: dict[str, str] = {}
    for p in participants if isinstance(participants, list) else ():
        if isinstance(p, Mapping) and "participantID" in p:
            name = " ".join(str(p.get(k) or "") for k in ("firstname", "surname")).strip()
            if name:
                people[str(p["participantID"])] = name
    out: dict[str, str] = {}
    for x in locutions if isinstance(locutions, list) else ():
        if isinstance(x, Mapping) and str(x.get("personID")) in people:
            out[str(x.get("nodeID"))] = people[str(x.get("personID"))]
    return out, set(people.values())


def _said(text: Any, name: str | None, known: set[str]) -> str | None:
    """Return who says an L-node's ``text``: its participant, or the name before ``" : "`` or ``": "``."""
    if name is not None:
        return name
    if not isinstance(text, str):
        return None
    if " : " in text:
        return text.split(" : ", 1)[0].strip()
    head = text.split(": ", 1)[0]
    return head if head in known else None


def _speakers(
    nodes: Iterable[Mapping[str, Any]],
    edges: Iterable[Mapping[str, Any]],
    names: tuple[Mapping[str, str], set[str]],
    texts: Mapping[str, str],
) -> dict[str, str | None]:
    """Return the speaker of each claim an L-node asserts through a YA-node (None: several speakers).

    The speaker is the L-node's participant (``names``, from :func:`_names`), else the name in its
    text: ``"Name : words"`` (AIFdb), ``"Name: words"`` for a known participant or when the words
    are the claim's text (``texts``) (OVA).
    """
    kinds = {str(n.get("nodeID")): n for n in nodes}
    by_node, known = names
    said_by: dict[str, str] = {}
    unsure: dict[str, str] = {}
    for e in edges:
        u, v = str(e.get("fromID")), str(e.get("toID"))
        src, dst = kinds.get(u), kinds.get(v)
        if src is not None and dst is not None and src.get("type") == "L" and dst.get("type") == "YA":
            text = src.get("text")
            who = _said(text, by_node.get(u), known)
            if who:
                said_by[v] = who
            elif isinstance(text, str):
                unsure[v] = text
    found: dict[str, str | None] = {}
    for e in edges:
        u, v = str(e.get("fromID")), str(e.get("toID"))
        if v in kinds:
            continue
        who = said_by.get(u)
        if who is None and u in unsure and v in texts and unsure[u].endswith(f": {texts[v]}"):
            who = unsure[u][: -len(texts[v]) - 2].strip() or None
        if who is not None:
            found[v] = who if found.get(v, who) == who else None
    return found


def _warn(category: type[InputWarning], what: str, items: list[str]) -> None:
    if items:
        shown = ", ".join(items[:_SHOW]) + (f" and {len(items) - _SHOW} more" if len(items) > _SHOW else "")
        warnings.warn(f"{len(items)} {what}, kept aside in meta['aif']: {shown}", category, stacklevel=4)


def _node_id(node: Any, i: int) -> str:
    if not isinstance(node, Mapping):
        raise AIFFormatError("a node must be an object", f"nodes[{i}]")
    nid = node.get("nodeID")
    if isinstance(nid, bool) or not isinstance(nid, (str, int)):
        raise AIFFormatError("missing or invalid nodeID", f"nodes[{i}].nodeID")
    if not isinstance(node.get("type"), str):
        raise AIFFormatError("missing or invalid type", f"nodes[{i}].type")
    return str(nid)


def _extras(node: Mapping[str, Any], drop: tuple[str, ...]) -> dict[str, Any]:
    out = {k: v for k, v in node.items() if k not in drop and k != EXT}
    if isinstance(node.get("nodeID"), int):
        out["nodeID"] = node["nodeID"]
    return out


def aif_map(data: Mapping[str, Any]) -> ArgumentMap:
    """Build a map from an AIF document (a dict as :func:`json.load` gives it).

    Raises :class:`~argmap.exceptions.AIFFormatError` (with the JSON path) when
    the document is not AIF; warns with an
    :class:`~argmap.exceptions.InputWarning` subclass for each kind of part kept
    aside (self-loops, dangling edges, scheme nodes without premises or
    conclusion, structures the model cannot hold such as an attack on an attack).
    """
    check_json_data(data, AIFFormatError)
    return checked_aif_map(data)


def checked_aif_map(data: Mapping[str, Any]) -> ArgumentMap:
    """Build a map as :func:`aif_map` does, from data already checked to be JSON (OVA's reader)."""
    if not isinstance(data, Mapping):
        raise AIFFormatError("an AIF document must be a JSON object")
    for key in ("nodes", "edges"):
        if not isinstance(data.get(key), list):
            raise AIFFormatError(f"missing or invalid {key!r} list", key)
    raw_nodes: list[Any] = data["nodes"]
    nodes: dict[str, Mapping[str, Any]] = {}
    for i, node in enumerate(raw_nodes):
        nid = _node_id(node, i)
        if nid in nodes:
            raise AIFFormatError(f"duplicate nodeID {nid!r}", f"nodes[{i}].nodeID")
        nodes[nid] = node
    edges: list[tuple[str, str, Mapping[str, Any]]] = []
    for i, e in enumerate(data["edges"]):
        if not isinstance(e, Mapping) or "fromID" not in e or "toID" not in e:
            raise AIFFormatError("an edge must be an object with fromID and toID", f"edges[{i}]")
        edges.append((str(e["fromID"]), str(e["toID"]), e))

    unknown: set[str] = set()
    loops: list[str] = []
    preds: dict[str, list[str]] = defaultdict(list)
    succs: dict[str, list[str]] = defaultdict(list)
    linked: set[tuple[str, str]] = set()
    for u, v, _ in edges:
        if u not in nodes or v not in nodes:
            unknown.update(x for x in (u, v) if x not in nodes)
        elif u == v:
            loops.append(f"{u}->{v}")
        elif (
            nodes[u]["type"] in _ARGUMENT_TYPES
            and nodes[v]["type"] in _ARGUMENT_TYPES
            and (u, v) not in linked
        ):
            linked.add((u, v))
            preds[v].append(u)
            succs[u].append(v)
    dangling = sorted(f"{u}->{v}" for u, v, _ in edges if u in unknown or v in unknown)

    claims = {
        n
        for n, d in nodes.items()
        if d["type"] == "I" and isinstance(d.get("text"), str) and d["text"].strip()
    }
    blank = [n for n, d in nodes.items() if d["type"] == "I" and n not in claims]
    incomplete: list[str] = []
    circular: list[str] = []
    unsupported: list[str] = [f"I-node {n} without text" for n in blank]
    mapped: dict[str, str] = {}

    def check(n: str, kind: str, targets: frozenset[str]) -> None:
        p, s = [x for x in preds[n] if nodes[x]["type"] != "CA"], succs[n]
        if not p or len(s) != 1:
            what = "no premise" if not p else "no conclusion" if not s else f"{len(s)} conclusions"
            incomplete.append(f"{nodes[n]['type']} {n} ({what})")
            return
        bad = [x for x in p if x not in claims]
        if kind == REPHRASE and len(p) != 1:
            unsupported.append(f"MA {n} ({len(p)} sources)")
            return
        if bad:
            unsupported.append(f"{nodes[n]['type']} {n} (has premise {nodes[bad[0]]['type']} {bad[0]})")
            return
        if s[0] not in targets:
            unsupported.append(f"{nodes[n]['type']} {n} (targets {nodes[s[0]]['type']} {s[0]})")
            return
        if kind != CONFLICT and s[0] in p:
            circular.append(f"{nodes[n]['type']} {n} ({s[0]} is premise and conclusion)")
            return
        mapped[n] = kind

    order = list(nodes)
    claim_set = frozenset(claims)
    for n in order:
        if nodes[n]["type"] == "RA":
            check(n, INFERENCE, claim_set)
    for n in order:
        if nodes[n]["type"] == "MA":
            check(n, REPHRASE, claim_set)
    claim_or_ra = claim_set | {n for n, k in mapped.items() if k == INFERENCE}
    for n in order:
        if nodes[n]["type"] == "CA":
            check(n, CONFLICT, claim_or_ra)
    for u, v, _ in edges:
        if u in claims and v in claims and u != v:
            unsupported.append(f"edge {u}->{v} between two I-nodes")

    _warn(SelfLoopWarning, "self-loop edge(s)", loops)
    _warn(DanglingReferenceWarning, "edge(s) naming an unknown node", dangling)
    _warn(SelfLoopWarning, "scheme node(s) whose premise is also its conclusion", circular)
    _warn(IncompleteRelationWarning, "scheme node(s) without premises or a single conclusion", incomplete)
    _warn(UnsupportedStructureWarning, "part(s) argmap's model cannot hold", unsupported)

    top = mapping(data.get(EXT))
    m = ArgumentMap(source=top.get("source"), title=top.get("title"))
    m.meta.update(object_copy(top.get("meta"), f"{EXT}.meta", AIFFormatError))
    aside = [d for n, d in nodes.items() if n not in claims and n not in mapped]
    graph_edges = {(p, n) for n in mapped for p in preds[n] if p in claims or mapped.get(p) == CONFLICT}
    graph_edges |= {(n, succs[n][0]) for n in mapped}
    stored = [dict(e) for u, v, e in edges if (u, v) not in graph_edges or dict(e) != _default_edge(u, v)]
    locutions = data.get("locutions")
    texts = {n: nodes[n]["text"] for n in claims}
    speakers = _speakers(aside, stored, _names(locutions, data.get("participants")), texts)
    made = {str(d["nodeID"]) for d in aside if _made(d) and d["type"] in ("L", "YA")}
    aside = [d for d in aside if str(d["nodeID"]) not in made]
    stored = [e for e in stored if str(e["fromID"]) not in made and str(e["toID"]) not in made]
    try:
        for n in order:
            if n in claims:
                d = nodes[n]
                ext = mapping(d.get(EXT))
                meta = object_copy(ext.get("meta"), f"node {n}.{EXT}.meta", AIFFormatError)
                extras = _extras(d, ("nodeID", "text", "type"))
                if extras:
                    meta["aif"] = extras
                m.claim(
                    d["text"],
                    id=n,
                    quote=ext.get("quote"),
                    span=ext.get("span"),
                    passages=ext.get("passages", ()),
                    speaker=ext.get("speaker", speakers.get(n)),
                    implicit=ext.get("implicit", False),
                    thesis=ext.get("thesis", False),
                    tags=ext.get("tags", ()),
                    section=ext.get("section"),
                    meta=meta,
                )
        for kind in (INFERENCE, REPHRASE, CONFLICT):
            for n in order:
                if mapped.get(n) == kind:
                    sources = [x for x in preds[n] if nodes[x]["type"] != "CA"]
                    _add_relation(m, n, kind, nodes[n], sources, succs[n][0])
    except ArgmapError as exc:
        raise AIFFormatError(str(exc)) from None

    layer: dict[str, Any] = {}
    if aside:
        layer["nodes"] = [dict(d) for d in aside]
    if stored:
        layer["edges"] = stored
    if isinstance(locutions, list):
        locutions = [x for x in locutions if not _made(x)]
    if isinstance(locutions, list) and locutions:
        layer["locutions"] = [dict(x) if isinstance(x, Mapping) else x for x in locutions]
        lost = sorted(
            {
                str(x.get("nodeID"))
                for x in locutions
                if isinstance(x, Mapping) and str(x.get("nodeID")) not in nodes
            }
        )
        _warn(DanglingReferenceWarning, "locution(s) naming an unknown node", lost)
        unknown.update(lost)
    if unknown:
        layer["unknown_ids"] = sorted(unknown)
    extra = {k: v for k, v in data.items() if k not in ("nodes", "edges", "locutions", EXT)}
    if isinstance(extra.get("participants"), list):
        extra["participants"] = [p for p in extra["participants"] if not _made(p)]
        if not extra["participants"]:
            del extra["participants"]
    if extra:
        layer["extra"] = extra
    if layer:
        m.meta["aif"] = layer
    return m


def _add_relation(
    m: ArgumentMap, n: str, kind: str, node: Mapping[str, Any], sources: list[str], target: str
) -> None:
    ext = mapping(node.get(EXT))
    meta = object_copy(ext.get("meta"), f"node {n}.{EXT}.meta", AIFFormatError)
    extras = _extras(node, ("nodeID", "type"))
    scheme = ext.get("scheme", _scheme_of(node)) if kind == INFERENCE else None
    default = aif_name(scheme) if kind == INFERENCE and scheme is not None else _DEFAULT_TEXT[kind]
    if extras.get("text") == default and "scheme" not in extras:
        del extras["text"]
    if extras:
        meta["aif"] = extras
    m.relate(kind, target, sources, scheme=scheme, attack_type=ext.get("attack_type"), id=n, meta=meta)


def _default_attack(m: ArgumentMap, target: str) -> str:
    if m.kind(target) == INFERENCE:
        return "undercut"
    if m.inferences_from(target) and not m.inferences_to(target):
        return "undermine"
    return "rebut"


def _is_node(value: Any) -> bool:
    return (
        isinstance(value, Mapping)
        and isinstance(value.get("nodeID"), (str, int))
        and not isinstance(value.get("nodeID"), bool)
        and isinstance(value.get("type"), str)
    )


def _is_edge(value: Any) -> bool:
    return isinstance(value, Mapping) and "fromID" in value and "toID" in value


_LAYER: Final = {
    "nodes": list_of(_is_node),
    "edges": list_of(_is_edge),
    "locutions": list_of(is_object),
    "unknown_ids": list_of(is_str),
    "extra": lambda v: isinstance(v, Mapping) and not {"nodes", "edges", "locutions", EXT} & set(v),
}
"""The shape of ``meta["aif"]`` at map level that :func:`aif_data` writes back."""


def _node_extras(n: str, kind: str, value: Any) -> dict[str, Any]:
    """Return a node's ``meta["aif"]`` fields to write, but none that would change its id, type or text."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        checked_layer(value, {}, f"meta['aif'] of {n!r}")
        return {}
    fixed = ("type", EXT, TEXT) if kind == CLAIM else ("type", EXT)
    bad = {k for k, v in value.items() if k in fixed or (k == "nodeID" and str(v) != n)}
    return checked_layer(value, {k: lambda _: True for k in value if k not in bad}, f"meta['aif'] of {n!r}")


def aif_name(scheme: str) -> str:
    """Return the name AIFdb and OVA give a scheme of the catalogue (by its id); other names as they are.

    The name is the catalogue's first alias (Araucaria's ``CamelCase`` one) in words.

    >>> aif_name("expert_opinion"), aif_name("example"), aif_name("Expert Opinion"), aif_name("mine")
    ('Expert Opinion', 'Example', 'Expert Opinion', 'mine')
    """
    if resolve_scheme(scheme) != scheme:
        return scheme
    found = get_scheme(scheme)
    first = found.aliases[0] if found.aliases else ""
    if _CAMEL.fullmatch(first):
        words = " ".join(re.findall(r"[A-Z][a-z]+", first))
        return next((a for a in found.aliases if a.lower() == words.lower()), words)
    return first if _SPACED.fullmatch(first) else found.name


def aif_data(m: ArgumentMap) -> dict[str, Any]:
    """Return the map as an AIF document (a JSON-ready dict).

    Parts read from AIF and kept in ``meta["aif"]`` are written back (parts of
    the wrong shape are left out with a
    :class:`~argmap.exceptions.LossyConversionWarning`); a claim's speaker
    becomes a locution: an L-node ``"Speaker: text"`` asserting it through a
    YA-node, with its participant, as OVA writes them. A scheme of the
    catalogue is written by its AIF name. The output of the same map is always
    the same.
    """
    G = m.graph
    layer = checked_layer(m.meta.get("aif"), _LAYER, "meta['aif']")
    aside: list[dict[str, Any]] = [dict(d) for d in layer.get("nodes", [])]
    stored: list[dict[str, Any]] = [dict(e) for e in layer.get("edges", [])]
    extra: dict[str, Any] = dict(layer.get("extra", {}))
    locutions = [dict(x) for x in layer.get("locutions", [])]
    texts = {n: d[TEXT] for n, d in G.nodes(data=True) if d[KIND] == CLAIM}
    speakers = _speakers(aside, stored, _names(locutions, extra.get("participants")), texts)
    taken = {*G, *(str(d["nodeID"]) for d in aside), *layer.get("unknown_ids", [])}
    said = _Locutions(taken, extra.get("participants"))
    out_nodes: list[dict[str, Any]] = []
    for n, d in G.nodes(data=True):
        node_meta = dict(d.get("meta") or {})
        kind = d[KIND]
        extras = _node_extras(n, kind, node_meta.pop("aif", None))
        ext: dict[str, Any] = {}
        if kind == CLAIM:
            rec: dict[str, Any] = {"nodeID": n, TEXT: d[TEXT], "type": "I"}
            rec.update(extras)
            for key, default in _CLAIM_DEFAULTS.items():
                value = d.get(key, default)
                if value != default and not (key == "tags" and not value):
                    ext[key] = list(value) if isinstance(value, tuple) else value
            speaker = d.get("speaker")
            if speaker is not None and n not in speakers:
                if said.add(n, speaker, d[TEXT]) != speaker:
                    ext["speaker"] = speaker
            elif speaker != speakers.get(n):
                ext["speaker"] = speaker
        else:
            scheme = d.get("scheme") if kind == INFERENCE else None
            default_text = aif_name(scheme) if scheme is not None else _DEFAULT_TEXT[kind]
            rec = {"nodeID": n, TEXT: default_text, "type": _TYPE[kind]}
            if kind == INFERENCE and _scheme_of({**rec, **extras}) != scheme:
                extras = {k: v for k, v in extras.items() if k not in ("text", "scheme", "schemeID")}
            rec.update(extras)
            if kind == INFERENCE and _scheme_of(rec) != scheme:
                ext["scheme"] = scheme
            if kind == CONFLICT:
                target = next(iter(G.successors(n)))
                if d.get("attack_type") != _default_attack(m, target):
                    ext["attack_type"] = d.get("attack_type")
        if node_meta:
            ext["meta"] = node_meta
        if ext:
            rec[EXT] = ext
        out_nodes.append(rec)
    out_nodes.extend(aside)
    out_nodes.extend(said.nodes)

    known = {str(x["nodeID"]) for x in out_nodes} | set(layer.get("unknown_ids", []))
    out_edges: list[dict[str, Any]] = []
    done: set[tuple[str, str]] = set()
    for e in stored:
        u, v = str(e["fromID"]), str(e["toID"])
        if u in known and v in known:
            out_edges.append(e)
            done.add((u, v))
    out_edges.extend(_default_edge(u, v) for u, v in G.edges() if (u, v) not in done)
    out_edges.extend(said.edges)
    kept = [x for x in locutions if str(x.get("nodeID")) in known]
    doc: dict[str, Any] = {"nodes": out_nodes, "edges": out_edges, "locutions": kept + said.locutions}
    if said.participants:
        people = extra.get("participants", [])
        if not isinstance(people, list):
            checked_layer({"participants": people}, {}, "meta['aif'] extra")
            people = []
        extra["participants"] = [*people, *said.participants]
    doc.update(extra)
    top: dict[str, Any] = {}
    if m.title is not None:
        top["title"] = m.title
    if m.source is not None:
        top["source"] = m.source
    meta = {k: v for k, v in m.meta.items() if k != "aif"}
    if meta:
        top["meta"] = meta
    if top:
        doc[EXT] = top
    return doc


class _Locutions:
    """The L- and YA-nodes, edges, locutions and participants :func:`aif_data` makes for speakers."""

    def __init__(self, taken: set[str], participants: Any) -> None:
        self.taken = taken
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []
        self.participants: list[dict[str, Any]] = []
        self._people: dict[str, int] = {}
        people = participants if isinstance(participants, list) else ()
        ids = [p.get("participantID") for p in people if isinstance(p, Mapping)]
        self._next = max((i for i in ids if isinstance(i, int) and not isinstance(i, bool)), default=0) + 1

    def _id(self, wanted: str) -> str:
        node, i = wanted, 2
        while node in self.taken:
            node, i = f"{wanted}-{i}", i + 1
        self.taken.add(node)
        return node

    def add(self, claim: str, speaker: str, text: str) -> str:
        """Make ``speaker`` assert ``claim``; return the speaker a reader finds."""
        mark = {EXT: {"made": "speaker"}}
        person = self._people.get(speaker)
        if person is None:
            person = self._people[speaker] = self._next
            self._next += 1
            self.participants.append({"participantID": person, "firstname": speaker, "surname": "", **mark})
        said, assertion = self._id(f"{claim}_L"), self._id(f"{claim}_YA")
        self.nodes.append({"nodeID": said, TEXT: f"{speaker}: {text}", "type": "L", **mark})
        self.nodes.append({"nodeID": assertion, TEXT: "Asserting", "type": "YA", **mark})
        self.edges += [_default_edge(said, assertion), _default_edge(assertion, claim)]
        self.locutions.append({"nodeID": said, "personID": person, **mark})
        return speaker.strip()


def read_aif(source: PathOrFile, *, side_text: bool = True) -> ArgumentMap:
    """Read an AIF JSON file (path or open file).

    With ``side_text`` and a path, a ``.txt`` file of the same name beside it
    (as AIFdb corpora ship) becomes the map's source text unless the document
    carries one.
    """
    m = aif_map(load_json(source, AIFFormatError))
    if side_text and m.source is None and isinstance(source, (str, os.PathLike)):
        m.source = read_side_text(source)
    return m


def write_aif(m: ArgumentMap, target: PathOrFile, *, indent: int | None = 2) -> None:
    """Write the map as AIF JSON (atomically when ``target`` is a path)."""
    dump_json(aif_data(m), target, indent)
