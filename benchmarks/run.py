"""Run every benchmark against its peer in one go and write one table into docs/benchmarks.md.

Each row times argmap and a peer on the same input in the same run:

- build, JSON save and load, DOT text: a synthetic map (``render_scale.synthetic``)
  against arguebuf (PyPI ``arguebuf``) building the same graph through its API,
  writing and reading its JSON (``dump.file``/``load.file``) and making its
  Graphviz source (``dump.graphviz(...).source``);
- Argdown parse: generated documents against ``@argdown/core`` 2.0.1 under Node
  (``argdown_speed.py``);
- AIF corpus load: the 662 AraucariaDB files against arguebuf (``aif_corpus.py``);
- grounded and preferred semantics: random frameworks against python-argumentation
  (``semantics.py``); the preferred extensions are all enumerated by both;
- then the Python share of drawing large maps (``render_scale.py``): no peer, the
  target is under 10 % of the Graphviz layout time.

The peers install themselves on first use into ``benchmarks/_work/`` (git-ignored):
two virtualenvs from PyPI and ``npm install`` of ``@argdown/core``. Every step has a
time limit, so a whole run stays under 10 minutes. Usage::

    .venv/bin/python benchmarks/run.py            # prints the tables and writes them into docs/benchmarks.md
    .venv/bin/python benchmarks/run.py --no-readme
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import textwrap
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "_work"
ARGUEBUF = WORK / "arguebuf" / "bin" / "python"
README = ROOT / "docs" / "benchmarks.md"  # the documentation page that holds the tables
START = "<!-- benchmarks: table (written by benchmarks/run.py) -->"
END = "<!-- /benchmarks: table -->"
MAP_CLAIMS = 2_000
LIMIT = 120.0

sys.path[:0] = [str(ROOT), str(HERE)]

import aif_corpus  # noqa: E402  (the benchmark scripts beside this one)
import argdown_speed  # noqa: E402
import render_scale  # noqa: E402
import semantics  # noqa: E402

import argmap  # noqa: E402
from argmap.readwrite import read_native, write_native  # noqa: E402
from argmap.render.dot import to_dot  # noqa: E402

Row = tuple[str, str, float | None, str, float | None, str]

ARGUEBUF_SCRIPT = textwrap.dedent(
    """
    import json, sys, time, tempfile, pathlib
    import arguebuf
    from arguebuf.model.scheme import Attack, Rephrase, Support

    spec = json.load(open(sys.argv[1]))
    repeat = int(sys.argv[2])
    KIND = {"inference": Support.DEFAULT, "conflict": Attack.DEFAULT, "rephrase": Rephrase.DEFAULT}

    def build():
        g = arguebuf.Graph()
        nodes = {}
        for cid, text in spec["claims"]:
            nodes[cid] = arguebuf.AtomNode(text, id=cid)
            g.add_node(nodes[cid])
        for rid, kind, sources, target in spec["relations"]:
            nodes[rid] = arguebuf.SchemeNode(KIND[kind], id=rid)
            g.add_node(nodes[rid])
            for s in sources:
                g.add_edge(arguebuf.Edge(nodes[s], nodes[rid]))
            g.add_edge(arguebuf.Edge(nodes[rid], nodes[target]))
        return g

    def best(func):
        times = []
        for _ in range(repeat):
            t = time.perf_counter(); func(); times.append(time.perf_counter() - t)
        return min(times)

    g = build()
    path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"
    out = {
        "build": best(build),
        "save": best(lambda: arguebuf.dump.file(g, path)),
        "load": best(lambda: arguebuf.load.file(path)),
        "dot": best(lambda: arguebuf.dump.graphviz(g, max_nodes=10**9).source),
        "version": __import__("importlib.metadata").metadata.version("arguebuf"),
    }
    print(json.dumps(out))
    """
)

PREFERRED_PEER = textwrap.dedent(
    """
    import json, sys, time
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework)
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions

    n, pairs = json.load(open(sys.argv[1]))
    args = [Argument(str(i)) for i in range(n)]
    af = AbstractArgumentationFramework("af", args, [Defeat(args[a], args[b]) for a, b in pairs])
    best, found = float("inf"), []
    for _ in range(int(sys.argv[2])):
        t = time.perf_counter()
        found = get_preferred_extensions(af)
        best = min(best, time.perf_counter() - t)
    print(json.dumps({"s": best, "extensions": sorted(sorted(int(a.name) for a in e) for e in found)}))
    """
)


def _best(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return min(times)


def _run(cmd: list[str], timeout: float = LIMIT, **kwargs: Any) -> dict[str, Any] | None:
    """Run a peer; return the JSON of its last output line, or None if it failed or ran out of time."""
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True, **kwargs)
    except (subprocess.TimeoutExpired, subprocess.CalledProcessError, OSError) as exc:
        print(f"  peer {cmd[0]} failed: {type(exc).__name__}", file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def ensure_arguebuf() -> bool:
    if not ARGUEBUF.exists():
        try:
            aif_corpus._install()
        except (subprocess.CalledProcessError, OSError) as exc:
            print(f"  cannot install arguebuf: {exc}", file=sys.stderr)
            return False
    return ARGUEBUF.exists()


# -- the rows ---------------------------------------------------------------------------------------------


def map_rows(repeat: int) -> list[Row]:
    """Build, JSON save and load, DOT text of a synthetic map: argmap against arguebuf."""
    m = render_scale.synthetic(MAP_CLAIMS)
    g = m.graph
    claims = [(n, g.nodes[n]["text"]) for n in m.claims()]
    relations = [(r, g.nodes[r]["kind"], list(m.premises(r)), m.conclusion(r)) for r in m.relations()]

    def build() -> argmap.ArgumentMap:
        new = argmap.ArgumentMap()
        for cid, text in claims:
            new.claim(text, id=cid)
        for rid, kind, sources, target in relations:
            if kind == "inference":
                new.support(target, sources, id=rid)
            elif kind == "conflict":
                new.attack(target, sources, id=rid)
            else:
                new.rephrase(sources[0], target, id=rid)
        return new

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "map.json"
        write_native(m, path)
        ours = {
            "build": _best(build, repeat),
            "save": _best(lambda: write_native(m, path), repeat),
            "load": _best(lambda: read_native(path), repeat),
            "dot": _best(lambda: to_dot(m), repeat),
        }
        theirs: dict[str, Any] | None = None
        if ensure_arguebuf():
            spec = Path(tmp) / "spec.json"
            spec.write_text(json.dumps({"claims": claims, "relations": relations}))
            theirs = _run([str(ARGUEBUF), "-c", ARGUEBUF_SCRIPT, str(spec), str(repeat)])
    peer = f"arguebuf {theirs['version']}" if theirs else "arguebuf (not run)"
    size = f"{len(claims):,} claims, {len(relations):,} relations"
    names = {
        "build": "build through the API",
        "save": "JSON save (argmap native / arguebuf JSON)",
        "load": "JSON load",
        "dot": "DOT text (argmap to_dot / arguebuf dump.graphviz)",
    }
    return [(names[k], size, ours[k], peer, theirs[k] if theirs else None, "") for k in names]


def argdown_rows(repeat: int) -> list[Row]:
    """Argdown parse into a model: argmap against @argdown/core (parse-input + build-model)."""
    WORK.mkdir(exist_ok=True)
    docs = [
        ("statements", 10_000, argdown_speed.statements_doc(10_000)),
        ("arguments", 2_000, argdown_speed.arguments_doc(2_000)),
    ]
    files = []
    for kind, n, text in docs:
        path = WORK / f"run_{kind}_{n}.argdown"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    reference: dict[str, Any] | None = None
    if argdown_speed.ensure_reference():
        script = WORK / "speed.mjs"
        script.write_text(argdown_speed.NODE_SCRIPT, encoding="utf-8")
        reference = _run(["node", str(script), str(repeat), *map(str, files)], cwd=WORK)
    rows: list[Row] = []
    for (kind, n, text), path in zip(docs, files, strict=True):
        ours_ms, _, _ = argdown_speed.time_ours(text, repeat)
        ref = (reference or {}).get(str(path))
        rows.append(
            (
                "Argdown parse",
                f"{n:,} {kind} ({len(text.encode()) // 1024:,} KB)",
                ours_ms / 1000,
                argdown_speed.REFERENCE.replace("@2", " 2"),
                ref["ms"] / 1000 if ref else None,
                "median",
            )
        )
    return rows


def aif_rows(repeat: int) -> list[Row]:
    """Load the AraucariaDB corpus: argmap's read_aif against arguebuf's load.file."""
    files = sorted(aif_corpus.CORPUS.glob("*.json"))
    if not files:
        return [("AIF corpus load", "corpus missing", None, "arguebuf", None, "")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours = aif_corpus._argmap_times(files, repeat)
    theirs = aif_corpus._arguebuf_times(files, repeat) if ensure_arguebuf() else None
    return [
        (
            "AIF corpus load (file + side text)",
            f"{len(files)} AraucariaDB files",
            min(ours["file"]),
            "arguebuf",
            min(theirs["file"]) if theirs else None,
            f"best of {repeat} passes",
        )
    ]


def semantics_rows() -> list[Row]:
    """Grounded (1k arguments) and all preferred extensions (small AFs): against python-argumentation."""
    rows: list[Row] = []
    peer_name = semantics.PEER_PACKAGE.replace("==", " ")
    try:
        peer, grounded = semantics.run_peer(1_000, 2.0, 1, repeats=3)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        print(f"  peer failed: {exc}", file=sys.stderr)
        peer, grounded = None, None
    ours = semantics.run_child(["grounded", "1000", "2.0", "1", "20"], timeout=LIMIT)
    note = "" if peer is None else "same extension" if peer["extension"] == grounded else "EXTENSIONS DIFFER"
    rows.append(
        (
            "grounded extension",
            "1,000 arguments, 2,000 attacks",
            float(ours["grounded_s"]) if ours else None,
            peer_name,
            float(peer["grounded_s"]) if peer else None,
            note,
        )
    )
    from argmap.analysis.semantics import AF, extensions

    python = semantics.ensure_peer()
    for n, degree in ((16, 1.5), (22, 1.5)):  # the peer's enumeration is exponential: 25 take it 9 s
        src, dst = semantics.random_arrays(n, degree, 1)
        af = AF.from_indices(n, src, dst)
        found: list[list[int]] = []

        def enumerate_all(af: AF = af, found: list[list[int]] = found) -> None:
            found[:] = sorted(sorted(int(a) - 1 for a in e) for e in extensions(af, "preferred"))

        ours_s = _best(enumerate_all, 3)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
            json.dump([n, list(zip(src, dst, strict=True))], fh)
        theirs = _run([str(python), "-c", PREFERRED_PEER, fh.name, "3"])
        os.unlink(fh.name)
        note = f"{len(found)} extension{'s' if len(found) != 1 else ''}"
        if theirs is not None:
            note += ", same" if theirs["extensions"] == found else ", EXTENSIONS DIFFER"
        rows.append(
            (
                "all preferred extensions",
                f"{n} arguments, {len(src)} attacks",
                ours_s,
                peer_name,
                theirs["s"] if theirs else None,
                note,
            )
        )
    return rows


# -- the report ---------------------------------------------------------------------------------------------


def _t(s: float | None) -> str:
    if s is None:
        return "—"
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def peer_table(rows: list[Row]) -> str:
    lines = [
        "| task | input | argmap | peer | peer time | peer / argmap | note |",
        "|---|---|---|---|---|---|---|",
    ]
    for task, size, ours, peer, theirs, note in rows:
        ratio = f"{theirs / ours:,.1f}×" if ours and theirs else "—"
        lines.append(f"| {task} | {size} | {_t(ours)} | {peer} | {_t(theirs)} | {ratio} | {note} |")
    return "\n".join(lines)


def write_readme(block: str) -> bool:
    text = README.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        print(f"docs/benchmarks.md has no {START} block; tables not written", file=sys.stderr)
        return False
    from argmap._io import atomic_write

    atomic_write(README, pattern.sub(lambda _: f"{START}\n{block}\n{END}", text))
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-readme", action="store_true", help="print the tables only")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (the best is kept)")
    args = parser.parse_args()
    started = time.perf_counter()
    rows: list[Row] = []
    steps: list[tuple[str, Callable[[], list[Row]]]] = [
        ("build, JSON, DOT", lambda: map_rows(args.repeat)),
        ("Argdown", lambda: argdown_rows(args.repeat)),
        ("AIF corpus", lambda: aif_rows(3)),
        ("semantics", semantics_rows),
    ]
    for name, step in steps:
        t = time.perf_counter()
        rows += step()
        print(f"{name}: {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    t = time.perf_counter()
    scale = render_scale.measure((1_000, 5_000, 20_000), timeout=30.0)
    print(f"render scale: {time.perf_counter() - t:.0f} s", file=sys.stderr)
    total = time.perf_counter() - started
    machine = (
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{time.strftime('%Y-%m-%d')}; best of {args.repeat} runs unless noted; run took {total / 60:.1f} min"
    )
    block = "\n\n".join(
        [
            peer_table(rows),
            "Drawing large maps (`benchmarks/render_scale.py`; Graphviz stopped after 30 s):",
            render_scale.table(scale, 30.0),
            f"<sub>{machine}.</sub>",
        ]
    )
    print(block)
    if not args.no_readme and not write_readme(block):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
