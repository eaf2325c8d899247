"""Large maps: the layout engine chosen by size, a claim's neighbourhood, sections collapsed.

Graphviz ``dot`` draws a map in ranks (conclusions above their reasons), but its
time grows fast with size and with linked premises and undercuts; ``sfdp``
(force-directed, multilevel) stays close to linear. :func:`choose_engine` takes
``dot`` up to :data:`DOT_LIMIT` claims and ``sfdp`` above; ``diagram(m,
engine="auto")`` (the default) applies it to the map as drawn. Measured by
``benchmarks/render_scale.py`` on its synthetic maps of 1,000, 2,000, 3,000 and
20,000 claims, plus about 10 % objections that undercut linked premises (system
Graphviz 2.43, SVG, 2 cores, a fresh process per run): ``dot`` takes 2.6 s, 19 s,
45 s and over 90 s, ``sfdp`` 0.5 s, 1.0 s, 1.7 s and 20 s. (On a plain tree of
supports ``dot`` is faster: 0.2 s for 1,000 claims, 5 s for 5,000.)

Two ways to draw less of a map:

- :func:`neighbourhood` keeps the claims within ``depth`` argument steps of one
  claim (``argmap render --focus CLAIM --depth N``);
- :func:`collapse_sections` draws each section (the claims' ``section``
  attribute, such as an Argdown heading) as one box, with the relations between
  sections (``argmap render --collapse``).

Both return a new, valid map and leave the original alone.

Examples
--------
>>> m = argmap.ArgumentMap()
>>> c = m.claim("C")
>>> p = m.claim("P", section="Reasons")
>>> q = m.claim("Q", section="Reasons")
>>> _ = m.support(c, p); _ = m.support(p, q); _ = m.attack(q, by=m.claim("R"))
>>> sorted(neighbourhood(m, "c", depth=1).claims())
['c', 'p']
>>> small = collapse_sections(m)
>>> [small[n]["text"] for n in small.claims()], len(list(small.relations()))
(['C', 'Reasons (2 claims)', 'R'], 2)
>>> choose_engine(m), choose_engine(5_000)
('dot', 'sfdp')
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Any, Final

import networkx as nx

from argmap.exceptions import GraphStructureError
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, REPHRASE, ArgumentMap, as_graph, slugify

__all__ = ["DOT_LIMIT", "LARGE_ENGINE", "choose_engine", "collapse_sections", "neighbourhood"]

DOT_LIMIT: Final = 1000
"""The most claims :func:`choose_engine` gives to ``dot``; larger maps go to :data:`LARGE_ENGINE`."""

LARGE_ENGINE: Final = "sfdp"
"""The layout engine of maps with more than :data:`DOT_LIMIT` claims."""


def choose_engine(m: ArgumentMap | nx.DiGraph[str] | int) -> str:
    """Return ``"dot"`` for a map of at most :data:`DOT_LIMIT` claims, else :data:`LARGE_ENGINE`.

    ``m`` is a map, its graph, or a number of claims.
    """
    if isinstance(m, int):
        claims = m
    else:
        g = as_graph(m)
        claims = sum(1 for n in g if g.nodes[n][KIND] == CLAIM)
    return "dot" if claims <= DOT_LIMIT else LARGE_ENGINE


def _claim_members(g: nx.DiGraph[str], relation: str) -> list[str]:
    """The claims a relation joins: its sources, and its target or the claims of an undercut inference."""
    members = [p for p in g.predecessors(relation) if g.nodes[p][KIND] == CLAIM]
    target = next(iter(g.successors(relation)))
    members += [target] if g.nodes[target][KIND] == CLAIM else _claim_members(g, target)
    return members


def neighbourhood(m: ArgumentMap, focus: str, depth: int = 2) -> ArgumentMap:
    """Return the part of ``m`` within ``depth`` argument steps of the claim ``focus``.

    One step joins the claims of one relation: a premise and its conclusion,
    co-premises, an attacker and its target (for an undercut, the claims of the
    inference it attacks). A relation is kept when all the claims it joins are.
    ``result.meta["neighbourhood"]`` holds the focus, the depth and, for each
    kept claim with relations left out, how many.

    Raises
    ------
    GraphStructureError
        If ``focus`` is not a claim of ``m`` or ``depth`` is negative.
    """
    g = m.graph
    if focus not in g or g.nodes[focus][KIND] != CLAIM:
        raise GraphStructureError(f"cannot focus on {focus!r}: it is not a claim of the map")
    if depth < 0:
        raise GraphStructureError(f"depth must be 0 or more, not {depth}")
    relations_of: dict[str, list[str]] = {}
    for r in g:
        if g.nodes[r][KIND] != CLAIM:
            for c in _claim_members(g, r):
                relations_of.setdefault(c, []).append(r)
    distance = {focus: 0}
    queue = deque([focus])
    while queue:
        claim = queue.popleft()
        if distance[claim] == depth:
            continue
        for r in relations_of.get(claim, ()):
            for other in _claim_members(g, r):
                if other not in distance:
                    distance[other] = distance[claim] + 1
                    queue.append(other)
    kept = set(distance)
    relations = [r for r in g if g.nodes[r][KIND] != CLAIM and kept.issuperset(_claim_members(g, r))]
    kept.update(relations)
    part = ArgumentMap(graph=g.subgraph([n for n in g if n in kept]).copy())
    hidden = {c: sum(r not in kept for r in relations_of.get(c, ())) for c in distance}
    part.meta["neighbourhood"] = {
        "focus": focus,
        "depth": depth,
        "hidden": {c: n for c, n in hidden.items() if n},
    }
    return part


def collapse_sections(m: ArgumentMap, sections: Iterable[str] | None = None) -> ArgumentMap:
    """Return ``m`` with the claims of each section drawn as one claim.

    Parameters
    ----------
    m : ArgumentMap
    sections : iterable of str, optional
        The sections to collapse; all of them by default. Claims without a
        section stay as they are.

    Returns
    -------
    ArgumentMap
        Each collapsed section is a claim with the text ``"<section> (<n> claims)"``,
        its claims' ids in ``meta["collapsed"]`` and the tag ``"collapsed"``.
        Relations keep their ids and kinds with their ends replaced by the
        sections; those inside one section are dropped, and of several that
        become the same, the first is kept. An undercut of a dropped inference
        becomes an attack on the inference's conclusion.

    Raises
    ------
    GraphStructureError
        If a section named in ``sections`` has no claim.
    """
    g = m.graph
    members: dict[str, list[str]] = {}
    for n, d in g.nodes(data=True):
        if d[KIND] == CLAIM and d.get("section") is not None:
            members.setdefault(str(d["section"]), []).append(n)
    wanted = list(members) if sections is None else list(sections)
    for name in wanted:
        if name not in members:
            raise GraphStructureError(f"no claim is in the section {name!r}")
    out = ArgumentMap(source=m.source, title=m.title)
    out.meta.update(m.meta)
    rep: dict[str, str] = {}
    section_node: dict[str, str] = {}
    collapsed = set(wanted)
    for n, d in g.nodes(data=True):
        if d[KIND] != CLAIM:
            continue
        section = d.get("section")
        if section is None or section not in collapsed:
            out.graph.add_node(n, **d)
            rep[n] = n
            continue
        if section in section_node:
            rep[n] = section_node[section]
            continue
        ids = members[section]
        node = out.claim(
            f"{section} ({len(ids)} claims)",
            id=_unused(g, out, f"section-{slugify(section)}"),
            tags=("collapsed",),
            section=section,
            meta={"collapsed": ids},
        )
        rep[n] = section_node[section] = node
    seen: dict[tuple[Any, ...], str] = {}
    for kind in (INFERENCE, REPHRASE, CONFLICT):
        for r, d in g.nodes(data=True):
            if d[KIND] == kind:
                _collapse_relation(g, out, r, rep, seen)
    return out


def _unused(g: nx.DiGraph[str], out: ArgumentMap, wanted: str) -> str:
    i, node = 1, wanted
    while node in g or node in out:
        i += 1
        node = f"{wanted}-{i}"
    return node


def _collapse_relation(
    g: nx.DiGraph[str], out: ArgumentMap, r: str, rep: dict[str, str], seen: dict[tuple[Any, ...], str]
) -> None:
    d = g.nodes[r]
    kind = d[KIND]
    target = next(iter(g.successors(r)))
    attack_type = d.get("attack_type")
    if g.nodes[target][KIND] == CLAIM:
        end = rep[target]
    elif target in out:
        end = target
    else:  # the undercut inference was dropped inside a section: attack its conclusion instead
        end, attack_type = rep[next(iter(g.successors(target)))], "rebut"
    sources = list(dict.fromkeys(rep[p] for p in g.predecessors(r) if g.nodes[p][KIND] == CLAIM))
    sources = [s for s in sources if s != end]
    if not sources or (kind == REPHRASE and len(sources) != 1):
        return
    if out.graph.nodes[end][KIND] == CLAIM and kind == CONFLICT and attack_type == "undercut":
        attack_type = "rebut"
    key = (kind, attack_type, frozenset(sources), end)
    if key in seen:
        return
    seen[key] = r
    meta = dict(d.get("meta") or {})
    out.relate(kind, end, sources, scheme=d.get("scheme"), attack_type=attack_type, id=r, meta=meta)
