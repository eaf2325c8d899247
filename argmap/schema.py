"""The schema of an argument map, declared once: node kinds, attributes, relation rules, ids, records.

An argument map is a plain :class:`networkx.DiGraph` in the shape of the
Argument Interchange Format (AIF). Every node has a ``kind`` and the attributes
:data:`ATTRIBUTES` declares for that kind, each with its type and default:

``"claim"``
    A proposition. ``text`` (str, not blank), ``quote`` (str or None: the
    words in the source text), ``span`` (``(start, end)`` character offsets
    into the source, or None), ``passages`` (the spans of each passage when the
    claim rests on several separate ones, else ``()``; then ``span`` runs from
    the first to the last), ``speaker`` (str or None), ``implicit`` (bool: a
    reconstructed premise the text does not state), ``thesis`` (bool: the main
    thesis of the text), ``tags`` (tuple of str), ``section`` (str or None) and
    ``meta`` (JSON-shaped free data).
``"inference"``
    A support: edges run *premise -> inference -> conclusion*; several premises
    into one inference are linked co-premises. ``scheme`` (str or None), ``meta``.
``"conflict"``
    An attack: edges run *attacker -> conflict -> target*. The target is a claim
    (``attack_type`` ``"rebut"`` or ``"undermine"``) or an inference
    (``"undercut"``). ``attack_type``, ``meta``.
``"rephrase"``
    A reformulation: *original -> rephrase -> reformulation*, one each. ``meta``.

The graph's own attributes hold ``source`` (str or None), ``title`` (str or
None) and ``meta``. :func:`validate` checks all of it; :func:`from_records` is
the one way readers build a map, :func:`to_records` the one way writers see it,
and :class:`Ids` the one allocator of readable ids.

Examples
--------
>>> nodes = [{"id": "c", "kind": "claim", "text": "C"}, {"id": "p", "kind": "claim", "text": "P"},
...          {"id": "s1", "kind": "inference"}]
>>> G = from_records({}, nodes, [("p", "s1"), ("s1", "c")])
>>> G.nodes["s1"]
{'kind': 'inference', 'scheme': None, 'meta': {}}
>>> from_records({}, nodes + [{"id": "c", "kind": "claim", "text": "again"}], [])
Traceback (most recent call last):
argmap.exceptions.RecordError: duplicate id 'c': node 0 and node 3
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, Literal

import networkx as nx

from argmap.exceptions import (
    AttributeTypeError,
    DanglingReferenceWarning,
    GraphStructureError,
    MalformedPartWarning,
    RecordError,
)

__all__ = [
    "ATTACK_TYPES",
    "ATTRIBUTES",
    "CLAIM",
    "CONFLICT",
    "GRAPH_ATTRIBUTES",
    "INFERENCE",
    "KIND",
    "KINDS",
    "META_DEPTH",
    "RELATION_KINDS",
    "REPHRASE",
    "TEXT",
    "AttackType",
    "Attribute",
    "Ids",
    "Records",
    "check_node",
    "default_attack_type",
    "from_records",
    "node_attributes",
    "premises_of",
    "slugify",
    "target_of",
    "to_records",
    "validate",
]

KIND: Final = "kind"
"""Node attribute naming the node's kind (one of :data:`KINDS`)."""
TEXT: Final = "text"
"""Node attribute holding a claim's text."""
CLAIM: Final = "claim"
"""Kind of a claim node."""
INFERENCE: Final = "inference"
"""Kind of an inference node (a support: premises -> inference -> conclusion)."""
CONFLICT: Final = "conflict"
"""Kind of a conflict node (an attack: attackers -> conflict -> target)."""
REPHRASE: Final = "rephrase"
"""Kind of a rephrase node (a claim restated: source -> rephrase -> target)."""
KINDS: Final = frozenset({CLAIM, INFERENCE, CONFLICT, REPHRASE})
"""Every node kind."""
RELATION_KINDS: Final = frozenset({INFERENCE, CONFLICT, REPHRASE})
"""The kinds of relation nodes."""
ATTACK_TYPES: Final = frozenset({"rebut", "undermine", "undercut"})
"""Types of attack: on a claim rebut (its conclusion) or undermine (a premise); undercut (an inference)."""
META_DEPTH: Final = 32
"""How deeply ``meta`` data may nest (objects and arrays); deeper data is refused."""

AttackType = Literal["rebut", "undermine", "undercut"]
"""The type of a conflict's ``attack_type``."""

Checker = Callable[[Any], Any]
"""Return the attribute's value in its stored form, or raise ``ValueError`` saying what is wrong."""


# -- attribute types ---------------------------------------------------------------------------------


def _str_or_none(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"must be a string or None, not {_show(value)}")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must be a non-empty string, not {_show(value)}")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, not {_show(value)}")
    return value


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _pair(value: Any) -> tuple[int, int]:
    if not isinstance(value, (tuple, list)) or len(value) != 2 or not all(_int(x) for x in value):
        raise ValueError(f"must be two integers (start, end), not {_show(value)}")
    start, end = value
    if not 0 <= start <= end:
        raise ValueError(f"must have 0 <= start <= end, not {_show(value)}")
    return (start, end)


def _span(value: Any) -> tuple[int, int] | None:
    return None if value is None else _pair(value)


def _passages(value: Any) -> tuple[tuple[int, int], ...]:
    if not isinstance(value, (tuple, list)):
        raise ValueError(f"must be a list of spans, not {_show(value)}")
    spans = tuple(_pair(v) for v in value)
    if len(spans) == 1:
        raise ValueError("must hold two or more spans (one passage is the span alone)")
    for (_, end), (start, _) in itertools.pairwise(spans):
        if start < end:
            raise ValueError("must be sorted spans that do not overlap")
    return spans


def _tags(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (tuple, list)):
        raise ValueError(f"must be a list of strings, not {_show(value)}")
    if not all(isinstance(t, str) for t in value):
        raise ValueError("must be a list of strings")
    return tuple(value)


def _scheme(value: Any) -> str | None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValueError(f"must be a non-empty string or None, not {_show(value)}")
    return value


def _attack_type(value: Any) -> str | None:
    if value is not None and (not isinstance(value, str) or value not in ATTACK_TYPES):
        raise ValueError(f"must be one of {', '.join(sorted(ATTACK_TYPES))}, not {_show(value)}")
    return value


def _meta(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"must be an object, not {_show(value)}")
    if not value:
        return {}
    out = _json_value(value, 1)
    assert isinstance(out, dict)
    return out


def _json_value(value: Any, depth: int) -> Any:
    """Return a copy of JSON-shaped ``value`` (objects with string keys, arrays, scalars)."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"holds {value!r}, which JSON cannot")
        return value
    if depth > META_DEPTH:
        raise ValueError(f"nests deeper than {META_DEPTH} levels")
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise ValueError(f"has a key that is not a string: {_show(k)}")
            out[k] = _json_value(v, depth + 1)
        return out
    if isinstance(value, list):
        return [_json_value(v, depth + 1) for v in value]
    raise ValueError(f"holds {_a(type(value).__name__)}, which is not JSON data")


def _a(word: Any) -> str:
    return f"an {word}" if isinstance(word, str) and word[:1] in "aeiou" else f"a {word}"


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class Attribute:
    """One attribute of a node kind (or of the graph).

    Attributes
    ----------
    name : str
        The key in the node's attribute dict.
    default : object
        The value a record without the key gets; immutable, or a fresh
        ``{}`` for ``meta``.
    check : callable
        Returns the value in its stored form (lists become tuples) or raises
        ``ValueError`` saying what is wrong.
    required : bool
        A record must give it (a claim's ``text``).
    doc : str
        What it means.
    """

    name: str
    default: Any
    check: Checker
    required: bool = False
    doc: str = ""

    def fresh_default(self) -> Any:
        """Return the default, a new ``dict`` for ``meta``."""
        return {} if self.name == "meta" else self.default


_META: Final = Attribute("meta", None, _meta, doc="free JSON-shaped data (objects, arrays, scalars)")

ATTRIBUTES: Final[Mapping[str, Mapping[str, Attribute]]] = MappingProxyType(
    {
        CLAIM: MappingProxyType(
            {
                a.name: a
                for a in (
                    Attribute(TEXT, None, _text, required=True, doc="the proposition in plain words"),
                    Attribute("quote", None, _str_or_none, doc="the words in the source text"),
                    Attribute("span", None, _span, doc="(start, end) of the quote in the source"),
                    Attribute("passages", (), _passages, doc="each passage's span, when there are several"),
                    Attribute("speaker", None, _str_or_none, doc="who asserts it"),
                    Attribute(
                        "implicit", False, _bool, doc="a reconstructed premise the text does not state"
                    ),
                    Attribute("thesis", False, _bool, doc="the main thesis of the text"),
                    Attribute("tags", (), _tags, doc="free labels"),
                    Attribute("section", None, _str_or_none, doc="the part of the text it belongs to"),
                    _META,
                )
            }
        ),
        INFERENCE: MappingProxyType(
            {
                "scheme": Attribute("scheme", None, _scheme, doc="the argumentation scheme's id or name"),
                "meta": _META,
            }
        ),
        CONFLICT: MappingProxyType(
            {
                "attack_type": Attribute(
                    "attack_type",
                    None,
                    _attack_type,
                    doc="rebut, undermine or undercut (None: by the target)",
                ),
                "meta": _META,
            }
        ),
        REPHRASE: MappingProxyType({"meta": _META}),
    }
)
"""The attributes of each node kind, besides ``kind`` itself."""

GRAPH_ATTRIBUTES: Final[Mapping[str, Attribute]] = MappingProxyType(
    {
        "source": Attribute("source", None, _str_or_none, doc="the text the map analyses"),
        "title": Attribute("title", None, _str_or_none, doc="the map's title"),
        "meta": _META,
    }
)
"""The attributes of the graph itself (``G.graph``)."""


# -- relation rules ----------------------------------------------------------------------------------


def premises_of(G: nx.DiGraph[str], relation: str) -> tuple[str, ...]:
    """Return the claims that flow into a relation node (premises, attackers or the original).

    Conflicts aimed at an inference (undercuts) are not among its premises.
    """
    nodes = G.nodes
    return tuple(p for p in G.predecessors(relation) if nodes[p].get(KIND) == CLAIM)


def target_of(G: nx.DiGraph[str], relation: str) -> str:
    """Return the node a relation node points to (conclusion, attacked node or reformulation)."""
    return next(iter(G.successors(relation)))


def default_attack_type(G: nx.DiGraph[str], target: str) -> AttackType:
    """Return the attack type an attack on ``target`` has when none is given.

    ``"undercut"`` for an inference; for a claim, ``"undermine"`` when it is a
    premise and no conclusion, else ``"rebut"``.
    """
    nodes = G.nodes
    if nodes[target].get(KIND) == INFERENCE:
        return "undercut"
    kinds = [nodes[n].get(KIND) for n in G.successors(target)]
    if INFERENCE in kinds and not any(nodes[n].get(KIND) == INFERENCE for n in G.predecessors(target)):
        return "undermine"
    return "rebut"


def node_attributes(kind: str, raw: Mapping[str, Any], node: str, *, fill: bool = True) -> dict[str, Any]:
    """Return the attributes of a ``kind`` node in their stored form, or raise :class:`GraphStructureError`.

    Missing attributes get their defaults when ``fill``; a None ``meta`` is ``{}``.
    """
    schema = ATTRIBUTES[kind]
    unknown = [k for k in raw if k != KIND and k not in schema]
    if unknown:
        raise GraphStructureError(
            f"{kind} {node!r} has unknown attribute {unknown[0]!r}; free data belongs in meta"
        )
    out: dict[str, Any] = {KIND: kind}
    for name, attr in schema.items():
        if name in raw:
            value = raw[name]
        elif attr.required or not fill:
            raise GraphStructureError(f"{kind} {node!r} has no {name}")
        else:  # defaults are in their stored form
            out[name] = attr.fresh_default()
            continue
        try:
            out[name] = attr.check(value)
        except ValueError as exc:
            raise AttributeTypeError(f"{kind} {node!r}: {name} {exc}", name) from None
    return out


def _check_span(G: nx.DiGraph[str], node: str, d: Mapping[str, Any]) -> None:
    span, passages = d["span"], d["passages"]
    if span is None and not passages:
        return
    source = G.graph.get("source")
    if source is None:
        raise GraphStructureError(f"claim {node!r} has a span but the map has no source")
    if span is None or (passages and span != (passages[0][0], passages[-1][1])):
        raise GraphStructureError(f"claim {node!r}: span must run from its first passage to its last")
    if span[1] > len(source):
        raise GraphStructureError(f"claim {node!r} has span {span} outside the source")


def check_node(G: nx.DiGraph[str], node: str) -> None:
    """Raise :class:`GraphStructureError` if one node breaks the schema or a relation rule.

    Checks the node's attributes and, for a relation node, its edges: sources
    are claims (at least one, exactly one for a rephrase, none twice), the
    target is one claim (or an inference, for an undercut), no claim supports
    or rephrases itself, and the attack type fits the target.
    """
    if not isinstance(node, str) or not node:
        raise GraphStructureError(f"node ids are non-empty strings, not {_show(node)}")
    d = G.nodes[node]
    kind = d.get(KIND)
    if not isinstance(kind, str) or kind not in KINDS:
        raise GraphStructureError(f"node {node!r} has unknown kind {_show(kind)}")
    _check_edges(G, node, kind, node_attributes(kind, d, node))


def _check_edges(G: nx.DiGraph[str], node: str, kind: str, checked: Mapping[str, Any]) -> None:
    """The relation rules of :func:`check_node`, for a node whose attributes are ``checked``."""
    nodes = G.nodes
    if kind == CLAIM:
        _check_span(G, node, checked)
        for succ in G.successors(node):
            if nodes[succ].get(KIND) == CLAIM:
                raise GraphStructureError(f"edge {node} -> {succ} joins two claims without a relation node")
        return
    # a relation flowing into this one is checked as that relation's target
    sources = [p for p in G.predecessors(node) if nodes[p].get(KIND) == CLAIM]
    succs = list(G.successors(node))
    if not sources:
        raise GraphStructureError(f"{kind} {node!r} has no source claim")
    if len(succs) != 1:
        raise GraphStructureError(f"{kind} {node!r} has {len(succs)} targets, needs 1")
    target = succs[0]
    target_kind = nodes[target].get(KIND)
    if kind == REPHRASE and len(sources) != 1:
        raise GraphStructureError(f"rephrase {node!r} has {len(sources)} originals, needs 1")
    if kind == CONFLICT:
        if target_kind not in (CLAIM, INFERENCE):
            raise GraphStructureError(f"conflict {node!r} targets {_a(target_kind)} {target!r}")
        attack_type = checked["attack_type"]
        if attack_type is None:
            raise GraphStructureError(f"conflict {node!r} has no attack_type")
        if (attack_type == "undercut") != (target_kind == INFERENCE):
            aim = "an inference" if attack_type == "undercut" else "a claim"
            raise GraphStructureError(
                f"conflict {node!r}: {_a(attack_type)} targets {aim}; {target!r} is {_a(target_kind)}"
            )
    else:
        if target_kind != CLAIM:
            raise GraphStructureError(f"{kind} {node!r} points to {_a(target_kind)} {target!r}, not a claim")
        if target in sources:
            verb = "support" if kind == INFERENCE else "rephrase"
            raise GraphStructureError(f"claim {target!r} cannot {verb} itself ({kind} {node!r})")


def validate(G: nx.DiGraph[str]) -> None:
    """Raise :class:`GraphStructureError` if ``G`` breaks the schema; the message names the node.

    >>> G = nx.DiGraph(source=None, title=None, meta={})
    >>> G.add_node("a", **{"kind": "claim", "text": "A", "quote": None, "span": None, "passages": (),
    ...     "speaker": None, "implicit": False, "thesis": False, "tags": (), "section": None, "meta": {}})
    >>> validate(G)
    >>> G.nodes["a"]["speaker"] = 3
    >>> validate(G)
    Traceback (most recent call last):
    argmap.exceptions.AttributeTypeError: claim 'a': speaker must be a string or None, not 3
    """
    graph = G.graph
    for name, attr in GRAPH_ATTRIBUTES.items():
        try:
            attr.check(graph.get(name))
        except ValueError as exc:
            raise GraphStructureError(f"the map's {name} {exc}") from None
    unknown = [k for k in graph if k not in GRAPH_ATTRIBUTES]
    if unknown:
        raise GraphStructureError(f"the map has unknown attribute {unknown[0]!r}; free data belongs in meta")
    for node in G:
        check_node(G, node)


# -- ids ---------------------------------------------------------------------------------------------

_SLUG_WORDS: Final = 6
_SLUG_STRIP: Final = re.compile(r"[^a-z0-9]+")
_PREFIX: Final = {INFERENCE: "s", CONFLICT: "a", REPHRASE: "r"}


def slugify(text: str, words: int = _SLUG_WORDS) -> str:
    """Return a short, readable id made of the first words of ``text``.

    >>> slugify("Putin has no time left!")
    'putin-has-no-time-left'
    >>> slugify("Ça va? Ёлка")
    'ca-va'
    >>> slugify("???")
    'claim'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = [p for p in _SLUG_STRIP.split(ascii_text.lower()) if p]
    return "-".join(parts[:words]) or "claim"


@dataclass
class Ids:
    """The one allocator of readable ids: slugs for claims, ``s1``/``a1``/``r1`` for relations.

    >>> ids = Ids({"rain", "s1"})
    >>> ids.claim("Rain!"), ids.relation("inference"), ids.relation("conflict"), ids.take("rain")
    ('rain-2', 's2', 'a1', 'rain-3')
    """

    taken: set[str] = field(default_factory=set)
    _next: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, G: nx.DiGraph[str]) -> Ids:
        """Return an allocator for new ids in ``G``: relation numbers go on from the count of each kind."""
        counts = dict.fromkeys(_PREFIX.values(), 1)
        for _, d in G.nodes(data=True):
            prefix = _PREFIX.get(d.get(KIND, ""))
            if prefix is not None:
                counts[prefix] += 1
        return cls(set(G), counts)

    def __contains__(self, node: object) -> bool:
        return node in self.taken

    def reserve(self, node: str) -> None:
        """Mark ``node`` as used."""
        self.taken.add(node)

    def take(self, wanted: str) -> str:
        """Return ``wanted``, or ``wanted-2``, ``wanted-3``, ... if it is used; mark it used."""
        node = wanted
        i = 2
        while node in self.taken:
            node = f"{wanted}-{i}"
            i += 1
        self.taken.add(node)
        return node

    def claim(self, text: str) -> str:
        """Return a fresh id for a claim with ``text``."""
        return self.take(slugify(text))

    def relation(self, kind: str) -> str:
        """Return a fresh id for a relation of ``kind``."""
        prefix = _PREFIX[kind]
        i = self._next.get(prefix, 1)
        while f"{prefix}{i}" in self.taken:
            i += 1
        self._next[prefix] = i + 1
        node = f"{prefix}{i}"
        self.taken.add(node)
        return node


# -- records -----------------------------------------------------------------------------------------


@dataclass
class Records:
    """A map as plain data: graph attributes, node records and edges.

    Each node record is a dict with ``id``, ``kind`` and the kind's attributes
    (:data:`ATTRIBUTES`); edges are ``(source, target)`` pairs as in the graph.
    """

    graph: dict[str, Any]
    nodes: list[dict[str, Any]]
    edges: list[tuple[str, str]]
    _index: dict[str, tuple[list[str], list[str]]] | None = field(default=None, repr=False, compare=False)

    def _links(self, node: str) -> tuple[list[str], list[str]]:
        if self._index is None:
            kinds = {r["id"]: r["kind"] for r in self.nodes}
            index: dict[str, tuple[list[str], list[str]]] = {r["id"]: ([], []) for r in self.nodes}
            for u, v in self.edges:
                if kinds[u] == CLAIM:
                    index[v][0].append(u)
                index[u][1].append(v)
            self._index = index
        return self._index[node]

    def sources(self, relation: str) -> list[str]:
        """Return the claims flowing into a relation (premises, attackers, the original)."""
        return list(self._links(relation)[0])

    def target(self, relation: str) -> str:
        """Return the node a relation points to."""
        return self._links(relation)[1][0]


def to_records(G: nx.DiGraph[str]) -> Records:
    """Return the graph as :class:`Records` (copies: changing them leaves ``G`` as it is).

    >>> G = from_records({"title": "t"}, [{"id": "a", "kind": "claim", "text": "A"}], [])
    >>> r = to_records(G)
    >>> r.graph["title"], r.nodes[0]["id"], r.nodes[0]["span"]
    ('t', 'a', None)
    """
    try:
        graph = {name: attr.check(G.graph.get(name)) for name, attr in GRAPH_ATTRIBUTES.items()}
    except ValueError as exc:
        raise GraphStructureError(f"the map's meta {exc}") from None
    nodes = []
    for n, d in G.nodes(data=True):
        try:
            meta = _meta(d.get("meta"))
        except ValueError as exc:
            raise GraphStructureError(f"node {n!r}: meta {exc}") from None
        nodes.append({"id": n, **d, "meta": meta})
    return Records(graph, nodes, list(G.edges()))


Where = Callable[[int], str]


def from_records(
    graph: Mapping[str, Any],
    nodes: Iterable[Mapping[str, Any]],
    edges: Iterable[tuple[str, str]],
    *,
    where: Where | None = None,
    lenient: bool = False,
) -> nx.DiGraph[str]:
    """Build and validate a graph from records; the one way every reader makes a map.

    Parameters
    ----------
    graph : mapping
        ``source``, ``title``, ``meta`` (missing ones get defaults).
    nodes : iterable of mapping
        Node records: ``id``, ``kind`` and attributes; missing attributes get
        their defaults, lists become tuples. A conflict whose ``attack_type``
        is None gets :func:`default_attack_type`.
    edges : iterable of (str, str)
        Edges between record ids.
    where : callable, optional
        ``where(i)`` names the place of the ``i``-th node record in the input
        (``"nodes[3]"``, ``"line 12"``) for error messages.
    lenient : bool
        Set malformed relations aside instead of refusing the input: a
        relation node that breaks a rule (and any edge naming an unknown
        node) is left out of the graph and kept in ``meta["aside"]`` as
        ``{"id", "kind", "sources", "target", "problem"}`` (``kind`` is
        ``"edge"`` for an edge), with a
        :class:`~argmap.exceptions.MalformedPartWarning` or
        :class:`~argmap.exceptions.DanglingReferenceWarning` naming them.

    Raises
    ------
    RecordError
        A duplicate id (naming both places), a record without id or kind, an
        edge naming an unknown node, or a node breaking the schema.
    """
    place: Where = where or (lambda i: f"node {i}")
    G: nx.DiGraph[str] = nx.DiGraph()
    try:
        for name, attr in GRAPH_ATTRIBUTES.items():
            value = graph.get(name)
            G.graph[name] = attr.fresh_default() if value is None else attr.check(value)
    except ValueError as exc:
        raise RecordError(f"the map's {name} {exc}", name) from None
    unknown = [k for k in graph if k not in GRAPH_ATTRIBUTES]
    if unknown:
        raise RecordError(f"the map has unknown attribute {unknown[0]!r}; free data belongs in meta")
    first: dict[str, int] = {}
    for i, raw in enumerate(nodes):
        node, kind = raw.get("id"), raw.get(KIND)
        if not isinstance(node, str) or not node:
            raise RecordError(f"no id (a non-empty string), but {_show(node)}", place(i))
        if node in first:
            raise RecordError(f"duplicate id {node!r}: {place(first[node])} and {place(i)}")
        first[node] = i
        if not isinstance(kind, str) or kind not in KINDS:
            raise RecordError(f"node {node!r} has no valid kind: {_show(kind)}", place(i))
        try:
            attrs = node_attributes(kind, {k: v for k, v in raw.items() if k != "id"}, node, fill=True)
        except AttributeTypeError as exc:
            raise RecordError(str(exc), f"{place(i)}.{exc.attribute}") from None
        except GraphStructureError as exc:
            raise RecordError(str(exc), place(i)) from None
        G.add_node(node, **attrs)
    aside: list[dict[str, Any]] = []
    dangling: list[str] = []
    for u, v in edges:
        if u not in G or v not in G:
            missing = u if u not in G else v
            if not lenient:
                raise RecordError(f"edge {u} -> {v} names unknown node {missing!r}")
            dangling.append(f"{u} -> {v}")
            aside.append(
                {
                    "kind": "edge",
                    "id": None,
                    "sources": [u],
                    "target": v,
                    "problem": f"names unknown {missing!r}",
                }
            )
            continue
        G.add_edge(u, v)
    nodes_ = G.nodes
    for node in list(G):
        d = nodes_[node]
        if d[KIND] == CONFLICT and d["attack_type"] is None and G.out_degree(node) == 1:
            d["attack_type"] = default_attack_type(G, target_of(G, node))
    if dangling:
        _warn(DanglingReferenceWarning, "edge(s) naming an unknown node", dangling)
    relations = len(aside)
    _check_all(G, first, place, lenient, aside)
    if len(aside) > relations:
        _warn(
            MalformedPartWarning,
            "malformed relation(s)",
            [f"{a['kind']} {a['id']!r} ({a['problem']})" for a in aside[relations:]],
        )
    if aside:
        G.graph["meta"].setdefault("aside", []).extend(aside)
    return G


def _warn(category: type[Warning], what: str, items: Sequence[str]) -> None:
    shown = "; ".join(items[:5]) + (f"; and {len(items) - 5} more" if len(items) > 5 else "")
    warnings.warn(f"{len(items)} {what} kept aside in meta['aside']: {shown}", category, stacklevel=4)


def _check_all(
    G: nx.DiGraph[str], first: Mapping[str, int], place: Where, lenient: bool, aside: list[dict[str, Any]]
) -> None:
    """Validate every node; with ``lenient``, move failing relations (and what then fails) into ``aside``."""
    pending: Sequence[str] = list(G)
    while pending:
        failed: list[str] = []
        for node in pending:
            if node not in G:
                continue
            try:  # the attributes were checked as the records were read
                d = G.nodes[node]
                _check_edges(G, node, d[KIND], d)
            except GraphStructureError as exc:
                if not lenient or G.nodes[node][KIND] == CLAIM:
                    raise RecordError(str(exc), place(first[node])) from None
                failed.append(node)
                d = G.nodes[node]
                aside.append(
                    {
                        "id": node,
                        "kind": d[KIND],
                        "sources": list(G.predecessors(node)),
                        "target": next(iter(G.successors(node)), None),
                        "problem": str(exc),
                    }
                )
        touched = {n for f in failed for n in (*G.predecessors(f), *G.successors(f))} - set(failed)
        G.remove_nodes_from(failed)
        pending = [n for n in touched if G.nodes[n][KIND] != CLAIM]
