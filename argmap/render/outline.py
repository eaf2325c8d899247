"""A plain-text outline of a map for the terminal.

Each main conclusion (see :func:`argmap.render.dot.emphasised_conclusions`)
is a root; under a claim come its reasons and objections:

``+ text``
    a premise of a support (``+ linked:`` heads a group of linked co-premises,
    each then marked ``&``);
``- text``
    an attacker (rebut or undermine; ``- linked:`` for joint attackers);
``x text``
    an undercut, listed under the support it attacks;
``= text``
    a claim this one rephrases.

Implicit premises end in ``[implicit]`` and speakers in ``— according to ...``.
A claim already shown ends in ``(see above)``, and a claim met again on its
own path in ``(cycle)``; claims outside every main conclusion's tree follow as
further roots.

Examples
--------
>>> m = argmap.ArgumentMap()
>>> c = m.claim("Take an umbrella.")
>>> s = m.support(c, [m.claim("It will rain.", speaker="the forecast"),
...                   m.claim("Umbrellas keep you dry.", implicit=True)])
>>> _ = m.attack(s, by=m.claim("It is too windy."))
>>> _ = m.attack(c, by=m.claim("Umbrellas are ugly."))
>>> print(outline(m))
Take an umbrella.
  + linked:
    x It is too windy.
    & It will rain. — according to the forecast
    & Umbrellas keep you dry. [implicit]
  - Umbrellas are ugly.
"""

from __future__ import annotations

import networkx as nx

from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, REPHRASE, ArgumentMap, as_graph
from argmap.render.dot import emphasised_conclusions

__all__ = ["outline"]

_INDENT = "  "
_MARK = {INFERENCE: "+", CONFLICT: "-", REPHRASE: "="}


class _Outliner:
    def __init__(self, g: nx.DiGraph[str], speaker_format: str) -> None:
        self.g = g
        self.speaker_format = speaker_format
        self.lines: list[str] = []
        self.shown: set[str] = set()

    def claim_text(self, n: str) -> str:
        d = self.g.nodes[n]
        text = " ".join(str(d["text"]).split())
        if d.get("implicit"):
            text += " [implicit]"
        if d.get("speaker"):
            text += " " + self.speaker_format.format(speaker=" ".join(str(d["speaker"]).split()))
        return text

    def sources(self, r: str) -> list[str]:
        return [p for p in self.g.predecessors(r) if self.g.nodes[p][KIND] == CLAIM]

    def relations_into(self, n: str, *kinds: str) -> list[str]:
        return [r for r in self.g.predecessors(n) if self.g.nodes[r][KIND] in kinds]

    def claim(self, n: str, depth: int, mark: str, path: frozenset[str]) -> None:
        prefix = _INDENT * depth + (f"{mark} " if mark else "")
        text = self.claim_text(n)
        if n in path:
            self.lines.append(f"{prefix}{text} (cycle)")
            return
        children = self.relations_into(n, INFERENCE, CONFLICT, REPHRASE)
        if n in self.shown and children:
            self.lines.append(f"{prefix}{text} (see above)")
            return
        self.lines.append(prefix + text)
        self.shown.add(n)
        self.relations(n, depth + 1, path | {n})

    def relations(self, n: str, depth: int, path: frozenset[str]) -> None:
        for kind in (INFERENCE, CONFLICT, REPHRASE):
            for r in self.relations_into(n, kind):
                self.relation(r, depth, path)

    def relation(self, r: str, depth: int, path: frozenset[str]) -> None:
        kind = self.g.nodes[r][KIND]
        sources = self.sources(r)
        undercuts = self.relations_into(r, CONFLICT) if kind == INFERENCE else []
        if len(sources) == 1 and not undercuts:
            self.claim(sources[0], depth, _MARK[kind], path)
            return
        if len(sources) == 1:
            self.claim(sources[0], depth, _MARK[kind], path)
            self.undercuts(undercuts, depth + 1, path)
            return
        self.lines.append(f"{_INDENT * depth}{_MARK[kind]} linked:")
        self.undercuts(undercuts, depth + 1, path)
        for s in sources:
            self.claim(s, depth + 1, "&", path)

    def undercuts(self, conflicts: list[str], depth: int, path: frozenset[str]) -> None:
        for a in conflicts:
            attackers = self.sources(a)
            if len(attackers) == 1:
                self.claim(attackers[0], depth, "x", path)
                continue
            self.lines.append(f"{_INDENT * depth}x linked:")
            for s in attackers:
                self.claim(s, depth + 1, "&", path)


def outline(m: ArgumentMap | nx.DiGraph[str], *, speaker_format: str = "— according to {speaker}") -> str:
    """Return a text outline of the map, one claim per line.

    Parameters
    ----------
    m : ArgumentMap or networkx.DiGraph
    speaker_format : str
        How a speaker is shown after a claim; ``{speaker}`` is replaced.

    Returns
    -------
    str
        Lines without a trailing newline; the map's title, if any, comes first,
        underlined. An empty map gives ``""``.

    Examples
    --------
    >>> m = argmap.ArgumentMap(title="Loop")
    >>> a, b = m.claim("A"), m.claim("B")
    >>> _ = m.support(a, b); _ = m.support(b, a)
    >>> print(outline(m))
    Loop
    ====
    A
      + B
        + A (cycle)
    """
    g = as_graph(m)
    out = _Outliner(g, speaker_format)
    title = g.graph.get("title")
    if title:
        out.lines += [title, "=" * len(title)]
    claims = [n for n, d in g.nodes(data=True) if d[KIND] == CLAIM]
    # main conclusions, then claims that are the source of no relation, then whatever is left (cycles)
    tops = [n for n in claims if not any(True for _ in g.successors(n))]
    for n in (*emphasised_conclusions(g), *tops, *claims):
        if n not in out.shown:
            out.claim(n, 0, "", frozenset())
    return "\n".join(out.lines)
