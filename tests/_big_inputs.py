"""Large inputs made as text, without argmap's writers: for the hostile-input tests and the reader benchmark.

Each document holds ``n`` claims in a tree: claim ``i`` supports (two in
three) or attacks (one in three) claim ``(i - 1) // 2``, so a reader meets as
many relation nodes as claims and every conflict and support of a real map.
"""

from __future__ import annotations

import json
from typing import Any


def _relations(n: int) -> list[tuple[int, int, str]]:
    return [(i, (i - 1) // 2, "attack" if i % 3 == 0 else "support") for i in range(1, n)]


def aif_document(n: int) -> dict[str, Any]:
    """Return an AIF document (nodes, edges, locutions) of ``n`` claims."""
    nodes: list[dict[str, Any]] = [
        {"nodeID": str(i), "text": f"Claim number {i} says something.", "type": "I"} for i in range(n)
    ]
    edges: list[dict[str, Any]] = []
    for i, target, kind in _relations(n):
        rel = f"r{i}"
        aif_type = "CA" if kind == "attack" else "RA"
        text = "Default Conflict" if kind == "attack" else "Default Inference"
        nodes.append({"nodeID": rel, "text": text, "type": aif_type})
        edges.append({"edgeID": f"e{i}a", "fromID": str(i), "toID": rel})
        edges.append({"edgeID": f"e{i}b", "fromID": rel, "toID": str(target)})
    return {"nodes": nodes, "edges": edges, "locutions": []}


def aif_text(n: int) -> str:
    """Return :func:`aif_document` as JSON text."""
    return json.dumps(aif_document(n))


def arggraph_text(n: int) -> str:
    """Return an ArgGraph (arg-microtexts) XML document of ``n`` claims."""
    out = ["<?xml version='1.0' encoding='UTF-8'?>", '<arggraph id="big">']
    out += [f'  <edu id="e{i}"><![CDATA[Claim number {i} says something.]]></edu>' for i in range(n)]
    out += [f'  <adu id="a{i}" type="pro"/>' for i in range(n)]
    out += [f'  <edge id="c{i}" src="e{i}" trg="a{i}" type="seg"/>' for i in range(n)]
    for i, target, kind in _relations(n):
        out.append(
            f'  <edge id="r{i}" src="a{i}" trg="a{target}" type="{"reb" if kind == "attack" else "sup"}"/>'
        )
    out.append("</arggraph>")
    return "\n".join(out) + "\n"


def argdown_text(n: int) -> str:
    """Return an Argdown document of ``n`` statements, each supporting or attacking one before it."""
    lines = ["[s0]: Claim number 0 says something.", ""]
    for i, target, kind in _relations(n):
        lines.append(f"[s{i}]: Claim number {i} says something.")
        lines.append(f"  {'-' if kind == 'attack' else '+'}> [s{target}]")
        lines.append("")
    return "\n".join(lines)


def kialo_text(n: int) -> str:
    """Return a Kialo export of ``n`` claims (a thesis and a binary tree of pros and cons)."""
    numbers = {0: "1."}
    children: dict[int, int] = {}
    lines = ["Discussion Title: big", "", "1. Claim number 0 says something."]
    for i, target, kind in _relations(n):
        children[target] = children.get(target, 0) + 1
        numbers[i] = f"{numbers[target]}{children[target]}."
        lines.append(f"{numbers[i]} {'Con' if kind == 'attack' else 'Pro'}: Claim number {i} says something.")
    return "\n".join(lines) + "\n"
