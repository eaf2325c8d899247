"""Structure of a map: conclusions, premises, chains, depth, and checks of its form.

:func:`check` returns a list of :class:`Finding`, each an ``"error"``, a
``"warning"`` or an ``"info"`` about one node:

========================  ========  ==============================================================
check                     level     finds
========================  ========  ==============================================================
``empty-relation``        error     a relation node without a source
``dangling-relation``     error     a relation node without exactly one target of the right kind
``self-attack``           error     a claim that attacks itself (or an inference it takes part in)
``circular-reasoning``    error     a cycle of supports (a claim that, through others, supports itself)
``unsupported``           warning   a claim that is attacked or rephrased but neither supported nor used
``isolated``              warning   a claim in no relation at all
``rabbit-rule``           warning   content words of a conclusion that no premise of the inference uses
``holding-hands``         warning   content words of a premise in neither the conclusion nor a co-premise
``implicit-premise``      info      a premise the text never states (``implicit=True``)
========================  ========  ==============================================================

The rabbit and holding-hands rules (of argument-mapping practice, as taught
with Rationale) compare content words: lower-cased, without a small built-in
English stopword list, lightly stemmed (``rains`` and ``raining`` are
``rain``). They are heuristics; a synonym counts as a missing link.

Examples
--------
>>> m = ArgumentMap()
>>> c = m.claim("Socrates is mortal.")
>>> s = m.support(c, [m.claim("Socrates is a man."), m.claim("All men are mortal.")])
>>> check(m)
[]
>>> t = m.support(m.claim("Plato is mortal."), m.claim("Plato is a man."), id="plato")
>>> for f in check(m):
...     print(f.message)
rabbit rule: 'mortal' in the conclusion appears in no premise (missing link: 'man' -> 'mortal')
holding-hands rule: 'man' in premise 'plato-is-a-man' appears in neither the conclusion nor a co-premise
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

import networkx as nx

from argmap.analysis._graph import kinds
from argmap.exceptions import GraphStructureError
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, RELATION_KINDS, TEXT, ArgumentMap, as_graph

__all__ = [
    "STOPWORDS",
    "Finding",
    "basic_premises",
    "chains",
    "check",
    "content_words",
    "depth",
    "main_conclusions",
]

Level = Literal["error", "warning", "info"]
LEVELS: Final = ("error", "warning", "info")

_STOPWORD_TEXT: Final = """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each either else ever every
    few for from further had has have having he her here hers herself him himself his how however i
    if in into is it its itself just least less let like may me might more most much must my myself
    neither no nor not now of off on once one only or other ought our ours ourselves out over own
    per quite rather same shall she should so some such than that the their theirs them themselves
    then there therefore these they this those though thus to too under until up upon us very was we
    were what whatever when where whether which while who whom whose why will with within without
    would yet you your yours yourself yourselves
"""
STOPWORDS: Final = frozenset(_STOPWORD_TEXT.split())
"""A small English stopword list: these words are never content words."""
_WORD: Final = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_IRREGULAR: Final = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "lives": "life",
    "wives": "wife",
}
_SUFFIXES: Final = ("ingly", "edly", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s")


def _stem(word: str) -> str:
    """Strip one common English suffix, keeping at least three letters."""
    if word.endswith("'s"):
        word = word[:-2]
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                return stem + "y"
            if suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh")):
                continue  # "pollutes": only the "s" goes
            if suffix == "s" and stem.endswith(("s", "u", "i")):
                return word  # "glass", "virus", "analysis"
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]  # "stopped" -> "stop"
            return _drop_e(stem)
    return _drop_e(word)


def _drop_e(stem: str) -> str:
    """Drop a final "e", so that "pollute", "polluted" and "pollutes" meet."""
    return stem[:-1] if len(stem) > 3 and stem.endswith("e") else stem


def content_words(text: str) -> dict[str, str]:
    """Return the content words of ``text`` as ``{stem: first word seen}``.

    >>> content_words("The streets are getting wetter because it rained.")
    {'street': 'streets', 'get': 'getting', 'wetter': 'wetter', 'rain': 'rained'}
    """
    out: dict[str, str] = {}
    for word in _WORD.findall(text.lower()):
        if word in STOPWORDS or word.isdigit():
            continue
        out.setdefault(_stem(word), word)
    return out


@dataclass(frozen=True, order=True)
class Finding:
    """One result of :func:`check`.

    Attributes
    ----------
    level : {"error", "warning", "info"}
    node : str
        The node the finding is about.
    message : str
        What is wrong, in words; it starts with the name of the check.
    """

    level: Level
    node: str
    message: str

    def __str__(self) -> str:
        return f"{self.level} {self.node}: {self.message}"


def _of_kind(g: nx.DiGraph[str], n: str, kind: str, succ: bool) -> list[str]:
    nbrs = g.successors(n) if succ else g.predecessors(n)
    return [r for r in nbrs if g.nodes[r].get(KIND) == kind]


def main_conclusions(m: ArgumentMap | nx.DiGraph[str]) -> list[str]:
    """Return the claims that are supported but support nothing, in map order.

    Parameters
    ----------
    m : ArgumentMap or networkx.DiGraph

    Returns
    -------
    list of str
        Claim ids; a claim only attacked or only attacking is not a main conclusion.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> c = m.claim("C")
    >>> _ = m.support(c, m.claim("B"))
    >>> main_conclusions(m)
    ['c']
    """
    g = as_graph(m)
    out = []
    for n, kind in kinds(g):
        if kind != CLAIM:
            continue
        supported = any(g.nodes[p][KIND] == INFERENCE for p in g.predecessors(n))
        supports = any(g.nodes[s][KIND] == INFERENCE for s in g.successors(n))
        if supported and not supports:
            out.append(n)
    return out


def _support_graph(g: nx.DiGraph[str]) -> nx.DiGraph[str]:
    """Claims and inferences joined by support edges only."""
    h: nx.DiGraph[str] = nx.DiGraph()
    h.add_nodes_from(n for n, k in kinds(g) if k in (CLAIM, INFERENCE))
    h.add_edges_from((u, v) for u, v in g.edges() if u in h and v in h)
    return h


def basic_premises(m: ArgumentMap | nx.DiGraph[str], conclusion: str | None = None) -> list[str]:
    """Return the basic premises: claims that support something but are not supported.

    Parameters
    ----------
    m : ArgumentMap or networkx.DiGraph
    conclusion : str, optional
        Only the basic premises from which a chain of supports reaches this claim.

    Returns
    -------
    list of str
        Claim ids in map order.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> _ = m.support(m.claim("C"), [m.claim("P"), m.claim("Q")])
    >>> _ = m.support("p", m.claim("R"))
    >>> basic_premises(m), basic_premises(m, "p")
    (['q', 'r'], ['r'])
    """
    g = as_graph(m)
    h = _support_graph(g)
    if conclusion is not None:
        if g.nodes.get(conclusion, {}).get(KIND) != CLAIM:
            raise _unknown_claim(conclusion)
        keep = nx.ancestors(h, conclusion)
    else:
        keep = set(h)
    return [
        n
        for n in h
        if n in keep
        and g.nodes[n][KIND] == CLAIM
        and _of_kind(g, n, INFERENCE, succ=True)
        and not _of_kind(g, n, INFERENCE, succ=False)
    ]


def _unknown_claim(node: str) -> GraphStructureError:
    return GraphStructureError(f"{node!r} is not a claim of the map")


def chains(m: ArgumentMap | nx.DiGraph[str], conclusion: str) -> list[list[str]]:
    """Return every chain of supports from a basic premise to ``conclusion``.

    A chain alternates claims and inferences: ``[premise, inference, claim, ...,
    conclusion]``. Chains are simple (no node twice), sorted.

    Raises
    ------
    GraphStructureError
        If ``conclusion`` is not a claim of the map.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> _ = m.support(m.claim("C"), m.claim("B"))
    >>> _ = m.support("b", m.claim("A"))
    >>> chains(m, "c")
    [['a', 's2', 'b', 's1', 'c']]
    """
    g = as_graph(m)
    if g.nodes.get(conclusion, {}).get(KIND) != CLAIM:
        raise _unknown_claim(conclusion)
    h = _support_graph(g)
    out: list[list[str]] = []
    for p in basic_premises(g, conclusion):
        out.extend(list(path) for path in nx.all_simple_paths(h, p, conclusion))
    return sorted(out)


def depth(m: ArgumentMap | nx.DiGraph[str], conclusion: str | None = None) -> int:
    """Return the number of inferences on the longest chain of supports.

    Parameters
    ----------
    m : ArgumentMap or networkx.DiGraph
    conclusion : str, optional
        Only chains that end in this claim; by default, all chains of the map.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> _ = m.support(m.claim("C"), m.claim("B"))
    >>> _ = m.support("b", m.claim("A"))
    >>> depth(m), depth(m, "b"), depth(m, "a")
    (2, 1, 0)
    """
    g = as_graph(m)
    ends = [conclusion] if conclusion is not None else main_conclusions(g)
    best = 0
    for c in ends:
        for path in chains(g, c):
            best = max(best, len(path) // 2)
    return best


# -- checks ---------------------------------------------------------------------------------------


def _check_relations(g: nx.DiGraph[str]) -> list[Finding]:
    out = []
    for r, kind in kinds(g):
        if kind not in RELATION_KINDS:
            continue
        sources = list(g.predecessors(r))
        targets = list(g.successors(r))
        if not sources:
            out.append(Finding("error", r, f"empty-relation: the {kind} has no source"))
        if len(targets) != 1:
            what = "no target" if not targets else f"{len(targets)} targets"
            out.append(Finding("error", r, f"dangling-relation: the {kind} has {what}, needs 1"))
            continue
        target_kind = g.nodes[targets[0]].get(KIND)
        allowed = (CLAIM, INFERENCE) if kind == CONFLICT else (CLAIM,)
        if target_kind not in allowed:
            out.append(
                Finding("error", r, f"dangling-relation: the {kind} points to a {target_kind} {targets[0]!r}")
            )
        if kind == CONFLICT:
            target = targets[0]
            own = {target}
            if target_kind == INFERENCE:
                own.update(g.predecessors(target))
            for s in sources:
                if s in own:
                    where = "itself" if s == target else f"an inference it is a premise of ({target!r})"
                    out.append(Finding("error", r, f"self-attack: claim {s!r} attacks {where}"))
    return out


def _check_cycles(g: nx.DiGraph[str]) -> list[Finding]:
    h = _support_graph(g)
    out = []
    for comp in nx.strongly_connected_components(h):
        if len(comp) < 2:
            continue
        cycle = nx.find_cycle(h.subgraph(comp))
        claims = [u for u, _ in cycle if g.nodes[u][KIND] == CLAIM]
        first = min(claims, key=list(g).index)
        i = claims.index(first)
        ring = [*claims[i:], *claims[:i], first]
        out.append(Finding("error", first, "circular-reasoning: " + " -> ".join(ring)))
    return out


def _check_claims(g: nx.DiGraph[str]) -> list[Finding]:
    out = []
    for n, kind in kinds(g):
        if kind != CLAIM:
            continue
        preds = list(g.predecessors(n))
        succs = list(g.successors(n))
        if not preds and not succs:
            out.append(Finding("warning", n, "isolated: the claim takes part in no relation"))
            continue
        supported = any(g.nodes[p][KIND] == INFERENCE for p in preds)
        used = any(g.nodes[s][KIND] in (INFERENCE, CONFLICT) for s in succs)
        if not supported and not used:
            out.append(Finding("warning", n, "unsupported: the claim is put forward without any support"))
        if g.nodes[n].get("implicit") and any(g.nodes[s][KIND] == INFERENCE for s in succs):
            out.append(Finding("info", n, "implicit-premise: the text never states this premise"))
    return out


def _listing(words: list[str]) -> str:
    return ", ".join(repr(w) for w in words)


def _check_words(g: nx.DiGraph[str]) -> list[Finding]:
    out = []
    for r, kind in kinds(g):
        if kind != INFERENCE:
            continue
        targets = list(g.successors(r))
        if len(targets) != 1 or g.nodes[targets[0]].get(KIND) != CLAIM:
            continue
        conclusion = content_words(g.nodes[targets[0]].get(TEXT, ""))
        prems = [p for p in g.predecessors(r) if g.nodes[p].get(KIND) == CLAIM]
        words = {p: content_words(g.nodes[p].get(TEXT, "")) for p in prems}
        in_premises: dict[str, str] = {}
        for p in prems:
            for stem, word in words[p].items():
                in_premises.setdefault(stem, word)
        missing = [w for stem, w in conclusion.items() if stem not in in_premises]
        unused = [w for stem, w in in_premises.items() if stem not in conclusion]
        if missing:
            link = f" (missing link: {unused[0]!r} -> {_listing(missing)})" if len(unused) == 1 else ""
            verb = "appears" if len(missing) == 1 else "appear"
            out.append(
                Finding(
                    "warning",
                    r,
                    f"rabbit rule: {_listing(missing)} in the conclusion {verb} in no premise{link}",
                )
            )
        for p in prems:
            others = {stem for q in prems if q != p for stem in words[q]}
            orphans = [w for stem, w in words[p].items() if stem not in conclusion and stem not in others]
            if orphans:
                verb = "appears" if len(orphans) == 1 else "appear"
                out.append(
                    Finding(
                        "warning",
                        r,
                        f"holding-hands rule: {_listing(orphans)} in premise {p!r} {verb} in neither the"
                        " conclusion nor a co-premise",
                    )
                )
    return out


def check(m: ArgumentMap | nx.DiGraph[str]) -> list[Finding]:
    """Check the form of a map; return the findings, errors first, then in map order.

    Parameters
    ----------
    m : ArgumentMap or networkx.DiGraph

    Returns
    -------
    list of Finding
        See the table in this module's docstring for the checks and their levels.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> a = m.claim("A")
    >>> _ = m.attack(a, by=a)
    >>> _ = m.claim("Nothing to do with it")
    >>> for f in check(m):
    ...     print(f)
    error a1: self-attack: claim 'a' attacks itself
    warning nothing-to-do-with-it: isolated: the claim takes part in no relation
    """
    g = as_graph(m)
    found = _check_relations(g) + _check_cycles(g) + _check_claims(g) + _check_words(g)
    order = {n: i for i, n in enumerate(g)}
    return sorted(found, key=lambda f: (LEVELS.index(f.level), order.get(f.node, -1)))
