"""Mermaid flowchart output, which GitHub and GitLab draw from a ``mermaid`` code block.

Claims are rounded boxes, inferences circles labelled with their scheme (or
``support``), conflicts hexagons labelled with their attack type, rephrases
circles labelled ``rephrase``; arrows run as in the model, attacks end in a
cross. Node names are ``n0``, ``n1``, ... in the map's order (Mermaid reserves
words such as ``end``), and every label is escaped with Mermaid's entity codes.
Output only: a flowchart does not hold quotes, spans and the other attributes.

Examples
--------
>>> m = argmap.ArgumentMap()
>>> a = m.attack(m.claim('Say "no" to #1'), by=m.claim("A <b> c"))
>>> print("".join(generate_mermaid(m)), end="")
flowchart BT
  n0(["Say #quot;no#quot; to #35;1"]):::claim
  n1(["A #lt;b#gt; c"]):::claim
  n2{{"rebut"}}:::conflict
  n1 --- n2
  n2 --x n0
  classDef claim fill:#fff,stroke:#333
  classDef inference fill:#d4edda,stroke:#2e7d32
  classDef conflict fill:#f8d7da,stroke:#c62828
  classDef rephrase fill:#e2e3e5,stroke:#555
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from argmap._io import PathOrFile, atomic_write
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, REPHRASE, ArgumentMap

__all__ = ["generate_mermaid", "write_mermaid"]

_ENTITIES: Final = (
    ("#", "#35;"),
    ("&", "#38;"),
    ('"', "#quot;"),
    ("<", "#lt;"),
    (">", "#gt;"),
    ("`", "#96;"),
)
_SHAPES: Final = {
    CLAIM: ('(["', '"])'),
    INFERENCE: ('(("', '"))'),
    CONFLICT: ('{{"', '"}}'),
    REPHRASE: ('(("', '"))'),
}
_CLASSES: Final = (
    "classDef claim fill:#fff,stroke:#333",
    "classDef inference fill:#d4edda,stroke:#2e7d32",
    "classDef conflict fill:#f8d7da,stroke:#c62828",
    "classDef rephrase fill:#e2e3e5,stroke:#555",
)


def _escape_label(text: str) -> str:
    """Return ``text`` safe inside a quoted Mermaid label; line breaks become ``<br>``."""
    for raw, code in _ENTITIES:
        text = text.replace(raw, code)
    return "<br>".join(line.strip() for line in text.splitlines()) or " "


def generate_mermaid(m: ArgumentMap, *, direction: str = "BT") -> Iterator[str]:
    """Yield the map as a Mermaid flowchart, line by line (``direction``: BT, TB, LR or RL)."""
    G = m.graph
    names = {n: f"n{i}" for i, n in enumerate(G.nodes)}
    yield f"flowchart {direction}\n"
    for n, d in G.nodes(data=True):
        kind = d[KIND]
        if kind == CLAIM:
            label = d["text"]
        elif kind == INFERENCE:
            label = d.get("scheme") or "support"
        elif kind == CONFLICT:
            label = d.get("attack_type") or "attack"
        else:
            label = "rephrase"
        left, right = _SHAPES[kind]
        yield f"  {names[n]}{left}{_escape_label(label)}{right}:::{kind}\n"
    for u, v in G.edges():
        arrow = "---" if G.nodes[u][KIND] == CLAIM else "--x" if G.nodes[u][KIND] == CONFLICT else "-->"
        yield f"  {names[u]} {arrow} {names[v]}\n"
    for line in _CLASSES:
        yield f"  {line}\n"


def write_mermaid(m: ArgumentMap, target: PathOrFile, *, direction: str = "BT") -> None:
    """Write the map as a Mermaid flowchart (atomically when ``target`` is a path)."""
    atomic_write(target, "".join(generate_mermaid(m, direction=direction)))
