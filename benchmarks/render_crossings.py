"""Edge crossings and page shape of drawn maps, per engine and layout.

Run ``.venv/bin/python benchmarks/render_crossings.py``. For the seed map and a few corpus maps,
each layout (argmap's automatic choice and every fixed rankdir) and each engine found (system
``dot``, ``graphviz-pure``), it prints the drawing's size in points, its aspect ratio, the scale at
which it fits A3 paper, and the number of pairs of edges that cross: every edge's spline is cut
into 16 segments per Bézier piece, and two edges cross when segments of theirs intersect, unless
the two edges share an end node (edges meeting at a node touch, they do not cross).
"""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from itertools import combinations, pairwise
from pathlib import Path
from unittest import mock

import argmap
from argmap.render import backend, diagram
from argmap.render.svg import size

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
Point = tuple[float, float]


def polyline(d: str, steps: int = 16) -> list[Point]:
    nums = [float(x) for x in NUMBER.findall(d)]
    pts = list(zip(nums[0::2], nums[1::2], strict=False))
    out = [pts[0]]
    for i in range(1, len(pts) - 2, 3):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for k in range(1, steps + 1):
            t = k / steps
            a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
            out.append(
                (a * p0[0] + b * p1[0] + c * p2[0] + e * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + e * p3[1])
            )
    return out


def _cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0


def crossings(svg: str) -> int:
    """Pairs of edges whose splines cross, edges sharing an end left out."""
    edges = []
    for g in ET.fromstring(svg).iter(f"{SVG}g"):
        if (g.get("class") or "").split()[:1] != ["edge"]:
            continue
        title = g.find(f"{SVG}title")
        ends = set(re.split(r"->", (title.text or "") if title is not None else ""))
        path = next(g.iter(f"{SVG}path"), None)
        if path is not None and path.get("d"):
            pts = polyline(path.get("d") or "")
            edges.append((ends, list(pairwise(pts))))
    count = 0
    for (ea, sa), (eb, sb) in combinations(edges, 2):
        if ea & eb:
            continue
        if any(_cross(a, b, c, d) for a, b in sa for c, d in sb):
            count += 1
    return count


def maps() -> list[tuple[str, argmap.ArgumentMap]]:
    out = [("seed", argmap.seed_map())]
    corpora = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
    for path in sorted((corpora / "arg-microtexts" / "corpus" / "en").glob("*.xml"))[:2]:
        out.append((path.name, argmap.read(path)))
    for name in ("nodeset10.json", "nodeset1000.json"):
        path = corpora / "aifdb-araucaria" / "en" / name
        if path.is_file():
            out.append((name, argmap.read(path)))
    return out


def main() -> None:
    engines = []
    if shutil.which("dot"):
        engines.append(("dot", shutil.which("dot")))
    pure = shutil.which(backend.PURE_BINARY) or backend._beside_python(backend.PURE_BINARY)
    if pure:
        engines.append(("graphviz-pure", pure))
    print("| map | engine | layout | size (pt) | ratio | A3 scale | crossing pairs |")
    print("|---|---|---|---|---|---|---|")
    for name, m in maps():
        for engine, program in engines:
            with mock.patch.object(backend, "find_program", lambda e=engine, p=program: (e, p)):
                for layout in ("auto", "BT", "LR", "TB"):
                    options = {} if layout == "auto" else {"rankdir": layout}
                    d = diagram(m, **options)
                    svg = d.svg()
                    w, h = size(svg)
                    chosen = re.search(r'rankdir="(\w+)"', d.source)
                    label = f"auto ({chosen[1] if chosen else '?'})" if layout == "auto" else layout
                    scale = max(min(1190.55 / w, 841.89 / h), min(841.89 / w, 1190.55 / h))
                    print(
                        f"| {name} | {engine} | {label} | {w:.0f} x {h:.0f} | {max(w, h) / min(w, h):.2f} "
                        f"| {scale:.2f} | {crossings(svg)} |"
                    )
                    sys.stdout.flush()


if __name__ == "__main__":
    main()
