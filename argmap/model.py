"""The argument-map model: claims joined through relation nodes on a networkx graph.

The graph is a plain :class:`networkx.DiGraph` in the shape of the Argument
Interchange Format (AIF). Every node has a ``kind``:

``"claim"``
    A proposition. Attributes: ``text`` (str), ``quote`` (str or None, the exact
    words in the source text), ``span`` (``(start, end)`` character offsets into
    the source, or None), ``speaker`` (str or None, e.g. ``"experts"``),
    ``implicit`` (bool, a reconstructed premise the text does not state),
    ``tags`` (tuple of str), ``section`` (str or None), ``meta`` (dict).
``"inference"``
    A support. Edges run *premise -> inference -> conclusion*. Several premises
    into one inference are linked co-premises; separate inferences into one
    conclusion are convergent. Attributes: ``scheme`` (str or None), ``meta``.
``"conflict"``
    An attack. Edges run *attacker -> conflict -> target*. The target is a claim
    (``attack_type`` ``"rebut"`` or ``"undermine"``) or an inference
    (``"undercut"``). Attributes: ``attack_type``, ``meta``.
``"rephrase"``
    A reformulation. Edges run *original -> rephrase -> reformulation*.
    Attributes: ``meta``.

The graph's own attributes (``G.graph``) hold ``source`` (the source text or
None), ``title`` (str or None) and ``meta`` (dict).

Examples
--------
>>> m = ArgumentMap(source="It rains. So the street is wet.")
>>> wet = m.claim("The street is wet.", quote="So the street is wet.")
>>> rain = m.claim("It rains.", quote="It rains.")
>>> inf = m.support(wet, rain)
>>> m.premises(inf), m.conclusion(inf)
(('it-rains',), 'the-street-is-wet')
>>> m[wet]["span"]
(10, 31)
"""

from __future__ import annotations

import copy as _copy
import re
import unicodedata
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any, Final, Literal

import networkx as nx

from argmap.exceptions import GraphStructureError, QuoteNotFound

__all__ = [
    "ATTACK_TYPES",
    "CLAIM",
    "CONFLICT",
    "INFERENCE",
    "KIND",
    "KINDS",
    "RELATION_KINDS",
    "REPHRASE",
    "TEXT",
    "ArgumentMap",
    "as_graph",
    "slugify",
    "validate",
]

KIND: Final = "kind"
TEXT: Final = "text"
CLAIM: Final = "claim"
INFERENCE: Final = "inference"
CONFLICT: Final = "conflict"
REPHRASE: Final = "rephrase"
KINDS: Final = frozenset({CLAIM, INFERENCE, CONFLICT, REPHRASE})
RELATION_KINDS: Final = frozenset({INFERENCE, CONFLICT, REPHRASE})
ATTACK_TYPES: Final = frozenset({"rebut", "undermine", "undercut"})

AttackType = Literal["rebut", "undermine", "undercut"]

_ID_PREFIX: Final = {INFERENCE: "s", CONFLICT: "a", REPHRASE: "r"}
_SLUG_WORDS: Final = 6
_SLUG_STRIP = re.compile(r"[^a-z0-9]+")
_WS = re.compile(r"\s+")


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


def _claim_attrs(
    text: str,
    quote: str | None,
    span: tuple[int, int] | None,
    speaker: str | None,
    implicit: bool,
    tags: Iterable[str],
    section: str | None,
    meta: Mapping[str, Any] | None,
) -> dict[str, Any]:
    if not isinstance(text, str) or not text.strip():
        raise GraphStructureError("a claim needs a non-empty text")
    if span is not None and not (
        isinstance(span, (tuple, list))
        and len(span) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) for x in span)
    ):
        raise GraphStructureError(f"a span must be two integers, not {span!r}")
    for name, value in (("quote", quote), ("speaker", speaker), ("section", section)):
        if value is not None and not isinstance(value, str):
            raise GraphStructureError(f"a claim's {name} must be a string or None, not {value!r}")
    if isinstance(tags, str) or not isinstance(tags, Iterable):
        raise GraphStructureError(f"a claim's tags must be strings, not {tags!r}")
    tags = tuple(tags)
    if not all(isinstance(t, str) for t in tags):
        raise GraphStructureError(f"a claim's tags must be strings, not {tags!r}")
    return {
        KIND: CLAIM,
        TEXT: text,
        "quote": quote,
        "span": None if span is None else (int(span[0]), int(span[1])),
        "speaker": speaker,
        "implicit": bool(implicit),
        "tags": tags,
        "section": section,
        "meta": _meta(meta),
    }


def _meta(meta: Mapping[str, Any] | None) -> dict[str, Any]:
    if meta is not None and not isinstance(meta, Mapping):
        raise GraphStructureError(f"meta must be a mapping, not {meta!r}")
    return dict(meta or {})


def as_graph(m: ArgumentMap | nx.DiGraph[str]) -> nx.DiGraph[str]:
    """Return the networkx graph behind ``m`` (``m`` itself if it is one)."""
    return m.graph if isinstance(m, ArgumentMap) else m


def validate(G: ArgumentMap | nx.DiGraph[str]) -> None:
    """Raise :class:`GraphStructureError` if ``G`` breaks the attribute schema.

    Checks kinds, required attributes, span bounds, and that every relation node
    has at least one incoming and exactly one outgoing edge of the right kinds.

    >>> m = ArgumentMap()
    >>> m.support(m.claim("B"), m.claim("A")) and validate(m)
    >>> m.graph.add_edge("b", "a")
    >>> validate(m)
    Traceback (most recent call last):
    argmap.exceptions.GraphStructureError: edge b -> a joins two claims without a relation node
    """
    G = as_graph(G)
    source = G.graph.get("source")
    for n, d in G.nodes(data=True):
        kind = d.get(KIND)
        if not isinstance(kind, str) or kind not in KINDS:
            raise GraphStructureError(f"node {n!r} has unknown kind {kind!r}")
        if kind == CLAIM:
            if not isinstance(d.get(TEXT), str) or not d[TEXT].strip():
                raise GraphStructureError(f"claim {n!r} has no text")
            span = d.get("span")
            if span is not None:
                if source is None:
                    raise GraphStructureError(f"claim {n!r} has a span but the map has no source")
                start, end = span
                if not 0 <= start <= end <= len(source):
                    raise GraphStructureError(f"claim {n!r} has span {span} outside the source")
            continue
        # an undercut's conflict node also points into its inference; it is not a premise
        preds = [p for p in G.predecessors(n) if not (kind == INFERENCE and G.nodes[p].get(KIND) == CONFLICT)]
        succs = list(G.successors(n))
        if not preds:
            raise GraphStructureError(f"{kind} {n!r} has no incoming edge")
        if len(succs) != 1:
            raise GraphStructureError(f"{kind} {n!r} has {len(succs)} outgoing edges, needs 1")
        for p in preds:
            if G.nodes[p].get(KIND) != CLAIM:
                raise GraphStructureError(f"{kind} {n!r} has non-claim source {p!r}")
        target_kind = G.nodes[succs[0]].get(KIND)
        if kind == CONFLICT:
            if target_kind not in (CLAIM, INFERENCE):
                raise GraphStructureError(f"conflict {n!r} targets a {target_kind}")
            if not isinstance(d.get("attack_type"), str) or d["attack_type"] not in ATTACK_TYPES:
                raise GraphStructureError(f"conflict {n!r} has no valid attack_type")
        elif target_kind != CLAIM:
            raise GraphStructureError(f"{kind} {n!r} points to a {target_kind}, not a claim")
    for u, v in G.edges():
        if G.nodes[u].get(KIND) == CLAIM and G.nodes[v].get(KIND) == CLAIM:
            raise GraphStructureError(f"edge {u} -> {v} joins two claims without a relation node")


class ArgumentMap:
    """An argument map: claims joined by supports, attacks and rephrases.

    Parameters
    ----------
    source : str, optional
        The text the map analyses; quotes are located in it.
    title : str, optional
        A title for the map.
    graph : networkx.DiGraph, optional
        Wrap this graph (not copied) instead of starting an empty one.

    Examples
    --------
    >>> m = ArgumentMap(title="Rain")
    >>> c = m.claim("Take an umbrella.")
    >>> p1 = m.claim("It will rain.", speaker="the forecast")
    >>> p2 = m.claim("Umbrellas keep you dry.", implicit=True)
    >>> s = m.support(c, [p1, p2], scheme="PracticalReasoning")
    >>> a = m.attack(s, by=m.claim("It is too windy for an umbrella."))
    >>> m[a]["attack_type"]
    'undercut'
    >>> sorted(m.claims())
    ['it-is-too-windy-for-an', 'it-will-rain', 'take-an-umbrella', 'umbrellas-keep-you-dry']
    """

    def __init__(
        self,
        source: str | None = None,
        title: str | None = None,
        graph: nx.DiGraph[str] | None = None,
    ) -> None:
        for name, value in (("source", source), ("title", title)):
            if value is not None and not isinstance(value, str):
                raise GraphStructureError(f"a map's {name} must be a string or None, not {value!r}")
        if graph is None:
            graph = nx.DiGraph()
            graph.graph.update(source=source, title=title, meta={})
        else:
            graph.graph.setdefault("source", source)
            graph.graph.setdefault("title", title)
            graph.graph.setdefault("meta", {})
        self.graph: nx.DiGraph[str] = graph
        # nodes per kind, valid while the graph has _counted nodes (changes through this API keep it)
        self._counts: dict[str, int] = {}
        self._counted = -1

    # -- map-level attributes -------------------------------------------------

    @property
    def source(self) -> str | None:
        """The source text, or None."""
        source: str | None = self.graph.graph.get("source")
        return source

    @source.setter
    def source(self, text: str | None) -> None:
        self.graph.graph["source"] = text

    @property
    def title(self) -> str | None:
        """The map's title, or None."""
        title: str | None = self.graph.graph.get("title")
        return title

    @title.setter
    def title(self, value: str | None) -> None:
        self.graph.graph["title"] = value

    @property
    def meta(self) -> dict[str, Any]:
        """Free metadata of the whole map."""
        meta: dict[str, Any] = self.graph.graph.setdefault("meta", {})
        return meta

    # -- building ---------------------------------------------------------------

    def _new_id(self, wanted: str) -> str:
        if wanted not in self.graph:
            return wanted
        i = 2
        while f"{wanted}-{i}" in self.graph:
            i += 1
        return f"{wanted}-{i}"

    def _relation_id(self, kind: str) -> str:
        prefix = _ID_PREFIX[kind]
        if self._counted != len(self.graph):  # first use, or the graph changed outside this API
            self._counts = {}
            for n in self.graph:
                k = self.graph.nodes[n][KIND]
                self._counts[k] = self._counts.get(k, 0) + 1
            self._counted = len(self.graph)
        i = self._counts.get(kind, 0) + 1
        while f"{prefix}{i}" in self.graph:
            i += 1
        return f"{prefix}{i}"

    def _add(self, node: str, attrs: dict[str, Any]) -> None:
        """Add a node and keep the counts of :meth:`_relation_id` (O(1) instead of a scan per id)."""
        self.graph.add_node(node, **attrs)
        if self._counted == len(self.graph) - 1:
            self._counts[attrs[KIND]] = self._counts.get(attrs[KIND], 0) + 1
            self._counted += 1

    def _fresh(self, id: str | None) -> str | None:
        if id is None:
            return None
        if not isinstance(id, str) or not id:
            raise GraphStructureError(f"an id must be a non-empty string, not {id!r}")
        if id in self.graph:
            raise GraphStructureError(f"id {id!r} is already used")
        return id

    def claim(
        self,
        text: str,
        *,
        id: str | None = None,
        quote: str | None = None,
        span: tuple[int, int] | None = None,
        speaker: str | None = None,
        implicit: bool = False,
        tags: Iterable[str] = (),
        section: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> str:
        """Add a claim and return its id.

        The id is ``id`` if given, else a slug of the text made unique. When a
        ``quote`` is given without a ``span`` and the map has a source text, the
        span is found with :meth:`locate`; a quote that is not in the source
        raises :class:`~argmap.exceptions.QuoteNotFound`.
        """
        node = self._fresh(id) or self._new_id(slugify(text if isinstance(text, str) else ""))
        if quote is not None and span is None and self.source is not None:
            span = self.locate(quote)
        attrs = _claim_attrs(text, quote, span, speaker, implicit, tags, section, meta)
        if span is not None and (self.source is None or not 0 <= span[0] <= span[1] <= len(self.source)):
            raise GraphStructureError(f"span {span} lies outside the source text")
        self._add(node, attrs)
        return node

    def _need(self, node: str, *kinds: str) -> None:
        if not isinstance(node, Hashable) or node not in self.graph:
            raise GraphStructureError(f"unknown id {node!r}")
        kind = self.graph.nodes[node][KIND]
        if kinds and kind not in kinds:
            raise GraphStructureError(f"{node!r} is a {kind}, expected {' or '.join(kinds)}")

    def support(
        self,
        conclusion: str,
        premises: str | Iterable[str],
        *,
        scheme: str | None = None,
        id: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> str:
        """Add an inference from ``premises`` (linked) to ``conclusion``; return its id."""
        prem = [premises] if isinstance(premises, str) else list(premises)
        if not prem:
            raise GraphStructureError("a support needs at least one premise")
        self._need(conclusion, CLAIM)
        for p in prem:
            self._need(p, CLAIM)
        if conclusion in prem:
            raise GraphStructureError(f"claim {conclusion!r} cannot support itself")
        if len(set(prem)) != len(prem):
            raise GraphStructureError("a premise is listed twice")
        if scheme is not None and not isinstance(scheme, str):
            raise GraphStructureError(f"a scheme must be a string or None, not {scheme!r}")
        node = self._fresh(id) or self._relation_id(INFERENCE)
        self._add(node, {KIND: INFERENCE, "scheme": scheme, "meta": _meta(meta)})
        for p in prem:
            self.graph.add_edge(p, node)
        self.graph.add_edge(node, conclusion)
        return node

    def attack(
        self,
        target: str,
        by: str | Iterable[str],
        *,
        type: AttackType | None = None,
        id: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> str:
        """Add an attack on ``target`` (a claim or an inference) ``by`` one or more claims.

        ``type`` defaults to ``"undercut"`` for an inference; for a claim, to
        ``"undermine"`` when the claim is a premise and no conclusion, else
        ``"rebut"``.
        """
        attackers = [by] if isinstance(by, str) else list(by)
        if not attackers:
            raise GraphStructureError("an attack needs an attacker")
        self._need(target, CLAIM, INFERENCE)
        for a in attackers:
            self._need(a, CLAIM)
        target_kind = self.graph.nodes[target][KIND]
        if type is None:
            if target_kind == INFERENCE:
                type = "undercut"
            elif self.inferences_from(target) and not self.inferences_to(target):
                type = "undermine"
            else:
                type = "rebut"
        if not isinstance(type, str) or type not in ATTACK_TYPES:
            raise GraphStructureError(f"unknown attack type {type!r}")
        if (type == "undercut") != (target_kind == INFERENCE):
            raise GraphStructureError(f"an undercut targets an inference; {target!r} is a {target_kind}")
        node = self._fresh(id) or self._relation_id(CONFLICT)
        self._add(node, {KIND: CONFLICT, "attack_type": type, "meta": _meta(meta)})
        for a in attackers:
            self.graph.add_edge(a, node)
        self.graph.add_edge(node, target)
        return node

    def rephrase(
        self,
        original: str,
        reformulation: str,
        *,
        id: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> str:
        """Record that ``reformulation`` restates ``original``; return the relation's id."""
        self._need(original, CLAIM)
        self._need(reformulation, CLAIM)
        if original == reformulation:
            raise GraphStructureError(f"claim {original!r} cannot rephrase itself")
        node = self._fresh(id) or self._relation_id(REPHRASE)
        self._add(node, {KIND: REPHRASE, "meta": _meta(meta)})
        self.graph.add_edge(original, node)
        self.graph.add_edge(node, reformulation)
        return node

    def remove(self, node: str) -> None:
        """Remove a node; relation nodes left without a source or target go too."""
        self._need(node)
        doomed = {node}
        frontier = [node]
        while frontier:
            n = frontier.pop()
            for nb in list(self.graph.predecessors(n)) + list(self.graph.successors(n)):
                if nb in doomed or self.graph.nodes[nb][KIND] == CLAIM:
                    continue
                preds = [
                    p
                    for p in self.graph.predecessors(nb)
                    if p not in doomed and self.graph.nodes[p][KIND] == CLAIM
                ]
                succs = [s for s in self.graph.successors(nb) if s not in doomed]
                if not preds or not succs:
                    doomed.add(nb)
                    frontier.append(nb)
        self.graph.remove_nodes_from(doomed)

    # -- source text ------------------------------------------------------------

    def locate(self, quote: str, start: int = 0) -> tuple[int, int]:
        """Return the ``(start, end)`` span of ``quote`` in the source text.

        An exact match is tried first; then one that ignores differences in
        white space and in straight versus typographic quotes.

        >>> m = ArgumentMap(source='He said: "no  deal".')
        >>> m.locate("“no deal”")
        (9, 19)
        """
        source = self.source
        if source is None:
            raise GraphStructureError("the map has no source text to locate quotes in")
        if not quote:
            raise QuoteNotFound(quote)
        i = source.find(quote, start)
        if i != -1:
            return (i, i + len(quote))
        pattern = _loose_pattern(quote)
        found = pattern.search(source, start)
        if found is None:
            raise QuoteNotFound(quote)
        return found.span()

    def quote_text(self, node: str) -> str | None:
        """Return the source text under a claim's span, or None."""
        self._need(node, CLAIM)
        span = self.graph.nodes[node]["span"]
        if span is None or self.source is None:
            return None
        return self.source[span[0] : span[1]]

    # -- lookups -----------------------------------------------------------------

    def __getitem__(self, node: str) -> dict[str, Any]:
        """Return the attribute dict of a node (live: changes write through)."""
        self._need(node)
        attrs: dict[str, Any] = self.graph.nodes[node]
        return attrs

    def __contains__(self, node: object) -> bool:
        return node in self.graph

    def __iter__(self) -> Iterator[str]:
        return iter(self.graph)

    def __len__(self) -> int:
        return len(self.graph)

    def kind(self, node: str) -> str:
        """Return the kind of a node."""
        return str(self[node][KIND])

    def _of_kind(self, kind: str) -> Iterator[str]:
        return (n for n, d in self.graph.nodes(data=True) if d[KIND] == kind)

    def claims(self) -> Iterator[str]:
        """Iterate over claim ids in insertion order."""
        return self._of_kind(CLAIM)

    def inferences(self) -> Iterator[str]:
        """Iterate over inference (support) ids."""
        return self._of_kind(INFERENCE)

    def conflicts(self) -> Iterator[str]:
        """Iterate over conflict (attack) ids."""
        return self._of_kind(CONFLICT)

    def rephrases(self) -> Iterator[str]:
        """Iterate over rephrase ids."""
        return self._of_kind(REPHRASE)

    def relations(self) -> Iterator[str]:
        """Iterate over all relation-node ids."""
        return (n for n, d in self.graph.nodes(data=True) if d[KIND] in RELATION_KINDS)

    def premises(self, relation: str) -> tuple[str, ...]:
        """Return the claim sources of a relation node (premises, attackers or original).

        Undercuts pointing into an inference are not among its premises.
        """
        self._need(relation, *RELATION_KINDS)
        return tuple(p for p in self.graph.predecessors(relation) if self.graph.nodes[p][KIND] == CLAIM)

    def conclusion(self, relation: str) -> str:
        """Return the target of a relation node (conclusion, attacked node, reformulation)."""
        self._need(relation, *RELATION_KINDS)
        return str(next(iter(self.graph.successors(relation))))

    attackers = premises
    target = conclusion

    def inferences_to(self, claim: str) -> tuple[str, ...]:
        """Return the inferences whose conclusion is ``claim``."""
        self._need(claim, CLAIM)
        return tuple(r for r in self.graph.predecessors(claim) if self.graph.nodes[r][KIND] == INFERENCE)

    def inferences_from(self, claim: str) -> tuple[str, ...]:
        """Return the inferences that use ``claim`` as a premise."""
        self._need(claim, CLAIM)
        return tuple(r for r in self.graph.successors(claim) if self.graph.nodes[r][KIND] == INFERENCE)

    def attacks_on(self, node: str) -> tuple[str, ...]:
        """Return the conflicts that target ``node`` (a claim or an inference)."""
        self._need(node, CLAIM, INFERENCE)
        return tuple(r for r in self.graph.predecessors(node) if self.graph.nodes[r][KIND] == CONFLICT)

    def attacks_by(self, claim: str) -> tuple[str, ...]:
        """Return the conflicts in which ``claim`` attacks."""
        self._need(claim, CLAIM)
        return tuple(r for r in self.graph.successors(claim) if self.graph.nodes[r][KIND] == CONFLICT)

    # -- comparison and copying ----------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        g, h = self.graph, other.graph
        return (
            dict(g.graph) == dict(h.graph)
            and dict(g.nodes.items()) == dict(h.nodes.items())
            and set(g.edges()) == set(h.edges())
        )

    __hash__ = None  # type: ignore[assignment]

    def copy(self) -> ArgumentMap:
        """Return a deep copy."""
        return ArgumentMap(graph=_copy.deepcopy(self.graph))

    def __repr__(self) -> str:
        counts = {k: 0 for k in (CLAIM, INFERENCE, CONFLICT, REPHRASE)}
        for _, d in self.graph.nodes(data=True):
            counts[d[KIND]] += 1
        title = f" {self.title!r}" if self.title else ""
        return (
            f"<ArgumentMap{title}: {counts[CLAIM]} claims, {counts[INFERENCE]} supports, "
            f"{counts[CONFLICT]} attacks, {counts[REPHRASE]} rephrases>"
        )


_QUOTE_CLASSES: Final = {
    '"': '["“”„«»]',
    "“": '["“”„«»]',
    "”": '["“”„«»]',
    "„": '["“”„«»]',
    "«": '["“”„«»]',
    "»": '["“”„«»]',
    "'": "['‘’]",
    "‘": "['‘’]",
    "’": "['‘’]",
}


def _loose_pattern(quote: str) -> re.Pattern[str]:
    parts: list[str] = []
    for token in _WS.split(quote.strip()):
        parts.append("".join(_QUOTE_CLASSES.get(ch, re.escape(ch)) for ch in token))
    return re.compile(r"\s+".join(parts))
