"""The argument-map model: claims joined through relation nodes on a networkx graph.

:class:`ArgumentMap` is a thin face over a plain :class:`networkx.DiGraph`
(``m.graph``) whose nodes and attributes follow the schema declared in
:mod:`argmap.schema` (kinds, attributes with types and defaults, relation
rules). Every change through this class is checked by the same rules as
:func:`argmap.schema.validate`, and :meth:`ArgumentMap.from_records` /
:meth:`ArgumentMap.to_records` are how formats read and write maps.

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
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any, Final

import networkx as nx

from argmap.exceptions import GraphStructureError, QuoteNotFound
from argmap.schema import (
    ATTACK_TYPES,
    CLAIM,
    CONFLICT,
    INFERENCE,
    KIND,
    KINDS,
    RELATION_KINDS,
    REPHRASE,
    TEXT,
    AttackType,
    Ids,
    Records,
    check_node,
    default_attack_type,
    from_records,
    node_attributes,
    premises_of,
    slugify,
    target_of,
    to_records,
    validate,
)

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
]

_WS = re.compile(r"\s+")
_ELLIPSIS: Final = re.compile(r"\s*(?:…|\.\.\.|\[(?:…|\.\.\.)\])\s*")


def as_graph(m: ArgumentMap | nx.DiGraph[str]) -> nx.DiGraph[str]:
    """Return the networkx graph behind ``m`` (``m`` itself if it is one)."""
    return m.graph if isinstance(m, ArgumentMap) else m


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
        # the id allocator, valid while the graph has _ids_size nodes (changes through this API keep it)
        self._ids = Ids()
        self._ids_size = -1

    # -- records ----------------------------------------------------------------------------------

    @classmethod
    def from_records(
        cls,
        graph: Mapping[str, Any],
        nodes: Iterable[Mapping[str, Any]],
        edges: Iterable[tuple[str, str]],
        **options: Any,
    ) -> ArgumentMap:
        """Build a map from records, checked by the schema (see :func:`argmap.schema.from_records`).

        >>> m = ArgumentMap.from_records({"title": "t"}, [{"id": "a", "kind": "claim", "text": "A"}], [])
        >>> m
        <ArgumentMap 't': 1 claims, 0 supports, 0 attacks, 0 rephrases>
        """
        return cls(graph=from_records(graph, nodes, edges, **options))

    def to_records(self) -> Records:
        """Return the map as records (copies; see :func:`argmap.schema.to_records`)."""
        return to_records(self.graph)

    def validate(self) -> None:
        """Raise :class:`~argmap.exceptions.GraphStructureError` if the graph breaks the schema.

        This is :func:`argmap.schema.validate`, for changes made to ``m.graph``
        directly.
        """
        validate(self.graph)

    # -- map-level attributes -------------------------------------------------

    @property
    def source(self) -> str | None:
        """The source text, or None."""
        source: str | None = self.graph.graph.get("source")
        return source

    @source.setter
    def source(self, text: str | None) -> None:
        if text is not None and not isinstance(text, str):
            raise GraphStructureError(f"a map's source must be a string or None, not {text!r}")
        self.graph.graph["source"] = text

    @property
    def title(self) -> str | None:
        """The map's title, or None."""
        title: str | None = self.graph.graph.get("title")
        return title

    @title.setter
    def title(self, value: str | None) -> None:
        if value is not None and not isinstance(value, str):
            raise GraphStructureError(f"a map's title must be a string or None, not {value!r}")
        self.graph.graph["title"] = value

    @property
    def meta(self) -> dict[str, Any]:
        """Free metadata of the whole map."""
        meta: dict[str, Any] = self.graph.graph.setdefault("meta", {})
        return meta

    # -- building ---------------------------------------------------------------

    def _allocator(self) -> Ids:
        if self._ids_size != len(self.graph):  # first use, or the graph changed outside this API
            self._ids = Ids.of(self.graph)
            self._ids_size = len(self.graph)
        return self._ids

    def _id(self, wanted: str | None, make: str) -> str:
        """Return ``wanted`` (checked unused) or a fresh id: a slug of ``make`` or a relation id."""
        if wanted is not None:
            if not isinstance(wanted, str) or not wanted:
                raise GraphStructureError(f"an id must be a non-empty string, not {wanted!r}")
            if wanted in self.graph:
                raise GraphStructureError(f"id {wanted!r} is already used")
            return wanted
        ids = self._allocator()
        node = ids.relation(make) if make in RELATION_KINDS else ids.claim(make)
        if node in self.graph:  # the graph was changed outside this API without changing its size
            self._ids_size = -1
            return self._id(None, make)
        return node

    def _add(self, node: str, raw: dict[str, Any], edges: list[tuple[str, str]]) -> str:
        """Add one node and its edges, check them with the schema, and undo both if they fail."""
        self.graph.add_node(node, **raw)
        self.graph.add_edges_from(edges)
        try:
            check_node(self.graph, node)
        except GraphStructureError:
            self.graph.remove_node(node)
            raise
        if self._ids_size == len(self.graph) - 1:
            self._ids.reserve(node)
            self._ids_size += 1
        return node

    def _need(self, node: str, *kinds: str) -> None:
        if not isinstance(node, Hashable) or node not in self.graph:
            raise GraphStructureError(f"unknown id {node!r}")
        kind = self.graph.nodes[node][KIND]
        if kinds and kind not in kinds:
            raise GraphStructureError(f"{node!r} is a {kind}, expected {' or '.join(kinds)}")

    def _sources(self, given: str | Iterable[str], what: str) -> list[str]:
        sources = [given] if isinstance(given, str) else list(given)
        if not sources:
            raise GraphStructureError(f"{what} needs at least one claim")
        for p in sources:
            self._need(p, CLAIM)
        if len(set(sources)) != len(sources):
            raise GraphStructureError(f"{what}: a claim is listed twice")
        return sources

    def claim(
        self,
        text: str,
        *,
        id: str | None = None,
        quote: str | None = None,
        span: tuple[int, int] | None = None,
        passages: Iterable[tuple[int, int]] = (),
        speaker: str | None = None,
        implicit: bool = False,
        thesis: bool = False,
        tags: Iterable[str] = (),
        section: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> str:
        """Add a claim and return its id.

        The id is ``id`` if given, else a slug of the text made unique. When a
        ``quote`` is given without a ``span`` and the map has a source text, the
        span is found with :meth:`locate`; a quote that is not in the source
        raises :class:`~argmap.exceptions.QuoteNotFound`. A claim that rests on
        several separate passages gives their spans as ``passages`` (``span``
        then defaults to the first start and the last end).
        """
        node = self._id(id, text if isinstance(text, str) else "")
        passages = tuple(passages) if isinstance(passages, Iterable) else passages
        if passages and span is None:
            span = _extent(passages)
        if quote is not None and span is None and self.source is not None:
            try:
                span = self.locate(quote)
            except QuoteNotFound:
                if not _ELLIPSIS.search(quote):
                    raise
                passages = self.locate_passages(quote)
                span = (passages[0][0], passages[-1][1]) if len(passages) > 1 else passages[0]
                passages = passages if len(passages) > 1 else ()
        if isinstance(tags, Iterable) and not isinstance(tags, str):
            tags = tuple(tags)
        raw = {
            KIND: CLAIM,
            TEXT: text,
            "quote": quote,
            "span": span,
            "passages": passages,
            "speaker": speaker,
            "implicit": implicit,
            "thesis": thesis,
            "tags": tags,
            "section": section,
            "meta": meta,
        }
        return self._add(node, node_attributes(CLAIM, raw, node), [])

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
        prem = self._sources(premises, "a support")
        self._need(conclusion, CLAIM)
        node = self._id(id, INFERENCE)
        raw = node_attributes(INFERENCE, {KIND: INFERENCE, "scheme": scheme, "meta": meta}, node)
        return self._add(node, raw, [(p, node) for p in prem] + [(node, conclusion)])

    def add_premise(self, inference: str, premise: str) -> None:
        """Add ``premise`` to an inference's linked premises."""
        self._need(inference, INFERENCE)
        self._need(premise, CLAIM)
        if self.graph.has_edge(premise, inference):
            raise GraphStructureError(f"{premise!r} is already a premise of {inference!r}")
        self.graph.add_edge(premise, inference)
        try:
            check_node(self.graph, inference)
        except GraphStructureError:
            self.graph.remove_edge(premise, inference)
            raise

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

        ``type`` defaults to :func:`argmap.schema.default_attack_type`:
        ``"undercut"`` for an inference; for a claim, ``"undermine"`` when the
        claim is a premise and no conclusion, else ``"rebut"``.
        """
        attackers = self._sources(by, "an attack")
        self._need(target, CLAIM, INFERENCE)
        node = self._id(id, CONFLICT)
        if type is None:
            type = default_attack_type(self.graph, target)
        raw = node_attributes(CONFLICT, {KIND: CONFLICT, "attack_type": type, "meta": meta}, node)
        return self._add(node, raw, [(a, node) for a in attackers] + [(node, target)])

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
        node = self._id(id, REPHRASE)
        raw = node_attributes(REPHRASE, {KIND: REPHRASE, "meta": meta}, node)
        return self._add(node, raw, [(original, node), (node, reformulation)])

    def relate(
        self,
        kind: str,
        target: str,
        sources: str | Iterable[str],
        *,
        scheme: str | None = None,
        attack_type: AttackType | None = None,
        id: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> str:
        """Add a relation node of ``kind`` from ``sources`` to ``target``; return its id.

        The one dispatch for code that reads a relation's kind from data: an
        inference is :meth:`support` (with ``scheme``), a conflict
        :meth:`attack` (with ``attack_type``), a rephrase :meth:`rephrase` of
        its one source.

        >>> m = ArgumentMap()
        >>> c, p = m.claim("C", id="c"), m.claim("P", id="p")
        >>> r = m.relate("rephrase", c, [p])
        >>> m.kind(r), m.premises(r), m.conclusion(r)
        ('rephrase', ('p',), 'c')
        """
        if kind == INFERENCE:
            return self.support(target, sources, scheme=scheme, id=id, meta=meta)
        if kind == CONFLICT:
            return self.attack(target, sources, type=attack_type, id=id, meta=meta)
        if kind == REPHRASE:
            originals = [sources] if isinstance(sources, str) else list(sources)
            if len(originals) != 1:
                raise GraphStructureError(f"a rephrase has one original, not {len(originals)}")
            return self.rephrase(originals[0], target, id=id, meta=meta)
        raise GraphStructureError(f"{kind!r} is not a relation kind")

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

    def locate_passages(self, quote: str, start: int = 0) -> tuple[tuple[int, int], ...]:
        """Return the spans of a quote made of separate passages, in order.

        The passages are separated by an ellipsis (``…``, ``...`` or
        ``[...]``); each is found as :meth:`locate` finds a quote, after the
        one before it. A quote without an ellipsis gives one span.

        >>> m = ArgumentMap(source="Taxes fund schools. Also roads. And schools teach.")
        >>> m.locate_passages("Taxes fund schools … schools teach")
        ((0, 18), (36, 49))
        """
        pieces = [p for p in _ELLIPSIS.split(quote) if p.strip()]
        if not pieces:
            raise QuoteNotFound(quote)
        spans: list[tuple[int, int]] = []
        for piece in pieces:
            span = self.locate(piece.strip(), spans[-1][1] if spans else start)
            spans.append(span)
        return tuple(spans)

    def quote_text(self, node: str) -> str | None:
        """Return the source text under a claim's span (its passages joined by " … "), or None."""
        self._need(node, CLAIM)
        passages = self.graph.nodes[node].get("passages")
        if passages and self.source is not None:
            return " … ".join(self.source[a:b] for a, b in passages)
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
        return premises_of(self.graph, relation)

    def conclusion(self, relation: str) -> str:
        """Return the target of a relation node (conclusion, attacked node, reformulation)."""
        self._need(relation, *RELATION_KINDS)
        return target_of(self.graph, relation)

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


def _extent(passages: Any) -> Any:
    """Return the span from the first start to the last end of passages (as given, maybe malformed)."""
    try:
        return (min(p[0] for p in passages), max(p[1] for p in passages))
    except (TypeError, IndexError, ValueError):
        return None
