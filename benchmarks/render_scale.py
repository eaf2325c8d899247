"""Time drawing large maps: model -> DOT in Python against the Graphviz layout, per engine and size.

For synthetic maps of 1,000 to 20,000 claims (a random forest of supports and
attacks among recent claims, with some linked premises and undercuts) this
measures

- ``build``: adding the claims and relations through the ``ArgumentMap`` API;
- ``to_dot``: :func:`argmap.render.dot.to_dot` (DOT text written directly) and,
  for comparison, the same statements serialised by pydot (``to_pydot().to_string()``);
- the Graphviz run to SVG (:func:`argmap.render.backend.run_dot`, a fresh
  process each time, so what a user waits for) with ``dot`` and with ``sfdp``,
  each stopped after ``--timeout`` seconds;

and checks that ``to_dot`` takes under 10 % of the layout time of the engine
that ``engine="auto"`` picks (:func:`argmap.render.large.choose_engine`). The
``dot`` and ``sfdp`` columns are what :data:`argmap.render.large.DOT_LIMIT` was
chosen from. Usage::

    .venv/bin/python benchmarks/render_scale.py [--quick] [--sizes 1000 5000] [--timeout 60] [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
import warnings
from typing import Any

import argmap
from argmap.exceptions import RenderError
from argmap.render.backend import run_dot
from argmap.render.dot import to_dot, to_pydot
from argmap.render.large import choose_engine

SIZES = (1_000, 2_000, 3_000, 5_000, 20_000)
QUICK = (1_000, 5_000, 20_000)


def synthetic(claims: int, seed: int = 0) -> argmap.ArgumentMap:
    """A random map: each claim supports (65 %) or attacks one of the 50 claims before it,
    or joins another claim in a linked support that an objection undercuts (10 %)."""
    rng = random.Random(seed)
    m = argmap.ArgumentMap(title=f"{claims} claims")
    ids: list[str] = []
    for i in range(claims):
        c = m.claim(f"Claim {i} about topic {i % 17}, which it states at some length.", section=f"s{i % 20}")
        if ids:
            target = ids[rng.randrange(max(0, len(ids) - 50), len(ids))]
            roll = rng.random()
            other = ids[rng.randrange(len(ids))]
            if roll < 0.65:
                m.support(target, c)
            elif roll < 0.75 and other != target:
                m.attack(m.support(target, [c, other]), by=m.claim(f"Objection {i} to the link."))
            else:
                m.attack(target, by=c)
        ids.append(c)
    return m


def _best(func: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - t0)
    return best


def _layout(source: str, engine: str, timeout: float) -> float | None:
    t0 = time.perf_counter()
    try:
        run_dot(source, "svg", engine=engine, timeout=timeout)
    except RenderError:
        return None
    return time.perf_counter() - t0


def measure(sizes: tuple[int, ...] = QUICK, timeout: float = 60.0) -> list[dict[str, Any]]:
    """Return one dict of figures (seconds; None when Graphviz ran past ``timeout``) per size."""
    rows = []
    warnings.simplefilter("ignore", RuntimeWarning)  # the "Graphviz may take long" warning of big maps
    for n in sizes:
        t0 = time.perf_counter()
        m = synthetic(n)
        build = time.perf_counter() - t0
        repeat = 3 if n <= 5_000 else 1
        source = to_dot(m)
        row: dict[str, Any] = {
            "claims": sum(1 for _ in m.claims()),
            "nodes": m.graph.number_of_nodes(),
            "build": build,
            "to_dot": _best(lambda m=m: to_dot(m), repeat),
            "pydot": _best(lambda m=m: to_pydot(m).to_string(), 1),
            "dot": _layout(source, "dot", timeout),
            "sfdp": _layout(source, "sfdp", timeout),
            "auto": choose_engine(m),
        }
        layout = row[row["auto"]]
        row["share"] = None if layout is None else row["to_dot"] / layout
        rows.append(row)
    return rows


def _s(x: float | None, timeout: float) -> str:
    return f"> {timeout:g} s" if x is None else f"{x:.2f} s" if x >= 0.1 else f"{x * 1000:.0f} ms"


def table(rows: list[dict[str, Any]], timeout: float) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| claims | graph nodes | build | to_dot | via pydot | dot | sfdp | auto | to_dot / auto layout |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        share = "—" if r["share"] is None else f"{r['share'] * 100:.1f} %"
        lines.append(
            f"| {r['claims']:,} | {r['nodes']:,} | {_s(r['build'], timeout)} | {_s(r['to_dot'], timeout)} "
            f"| {_s(r['pydot'], timeout)} | {_s(r['dot'], timeout)} | {_s(r['sfdp'], timeout)} "
            f"| {r['auto']} | {share} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK} only")
    parser.add_argument("--sizes", type=int, nargs="+", help="claims per map")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per Graphviz run")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    sizes = tuple(args.sizes) if args.sizes else QUICK if args.quick else SIZES
    rows = measure(sizes, args.timeout)
    print(json.dumps(rows) if args.json else table(rows, args.timeout))
    over = [r["claims"] for r in rows if r["share"] is None or r["share"] >= 0.10]
    if over:
        print(f"to_dot takes 10 % or more of the layout time at {over} claims", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
