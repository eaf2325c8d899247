"""Benchmark argmap's Dung semantics, side by side with python-argumentation, in one run.

Run from the project root::

    .venv/bin/python benchmarks/semantics.py            # full run, writes the table into docs/benchmarks.md
    .venv/bin/python benchmarks/semantics.py --quick    # 1k and 10k only, page untouched

Frameworks are random: ``n`` arguments and ``degree * n`` attacks, each from a
uniformly drawn argument to a uniformly drawn argument (seeded). Every case
runs in a fresh child process, so each peak RSS belongs to that case alone
(it includes the interpreter, about 10-20 MB).

- grounded: the AF is built from two integer arrays (``AF.from_indices``),
  then ``grounded_labels`` is timed, best of several runs.
- peer: python-argumentation (PyPI ``python-argumentation``, package
  ``py_arg``), installed by this script into ``benchmarks/_work/peer-venv``;
  its ``get_grounded_extension`` is timed on the same 1k framework, and its
  answer compared with argmap's.
- preferred / stable: time to the first extension and to enumerate up to 10,
  with python-sat (glucose4); each case has a time limit.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import textwrap
import time
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "_work"
PEER_VENV = WORK / "peer-venv"
PEER_PACKAGE = "python-argumentation==2.0.2"
README = ROOT / "docs" / "benchmarks.md"  # the documentation page that holds the tables
START = "<!-- benchmark: semantics (written by benchmarks/semantics.py) -->"
END = "<!-- /benchmark: semantics -->"
CASE_TIMEOUT = 60.0

sys.path.insert(0, str(ROOT))


def random_arrays(n: int, degree: float, seed: int) -> tuple[array[int], array[int]]:
    """Return ``degree * n`` random attacks as two int arrays."""
    rng = random.Random(seed)
    m = int(degree * n)
    rand = rng.randrange
    return array("i", [rand(n) for _ in range(m)]), array("i", [rand(n) for _ in range(m)])


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- child processes: one case each ------------------------------------------------------------------


def child_grounded(n: int, degree: float, seed: int, repeats: int) -> dict[str, object]:
    from argmap.analysis.semantics import AF, IN, OUT, grounded_labels

    src, dst = random_arrays(n, degree, seed)
    t0 = time.perf_counter()
    af = AF.from_indices(n, src, dst)
    build = time.perf_counter() - t0
    del src, dst
    best = float("inf")
    labels = bytearray()
    for _ in range(repeats):
        t0 = time.perf_counter()
        labels = grounded_labels(af)
        best = min(best, time.perf_counter() - t0)
    return {
        "n": n,
        "attacks": af.n_attacks,
        "build_s": build,
        "grounded_s": best,
        "in": labels.count(IN),
        "out": labels.count(OUT),
        "rss_mb": _peak_rss_mb(),
    }


def child_sat(n: int, degree: float, seed: int, semantics: str, limit: int) -> dict[str, object]:
    from argmap.analysis.semantics import AF, UNDEC, extensions, grounded_labels

    src, dst = random_arrays(n, degree, seed)
    af = AF.from_indices(n, src, dst)
    undec = grounded_labels(af).count(UNDEC)
    t0 = time.perf_counter()
    first = None
    sizes = []
    for ext in extensions(af, semantics, limit=limit):  # type: ignore[arg-type]
        if first is None:
            first = time.perf_counter() - t0
        sizes.append(len(ext))
    total = time.perf_counter() - t0
    return {
        "n": n,
        "attacks": af.n_attacks,
        "undec": undec,
        "first_s": first,
        "total_s": total,
        "found": len(sizes),
        "sizes": sizes[:3],
        "rss_mb": _peak_rss_mb(),
    }


def run_child(args: list[str], timeout: float = CASE_TIMEOUT) -> dict[str, object] | None:
    cmd = [sys.executable, __file__, "--child", *args]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


# -- the peer -------------------------------------------------------------------------------------------

PEER_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework)
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

    lines = open(sys.argv[1]).read().split()
    n = int(lines[2])
    pairs = list(zip(lines[3::2], lines[4::2]))
    args = [Argument(str(i + 1)) for i in range(n)]
    defeats = [Defeat(args[int(a) - 1], args[int(b) - 1]) for a, b in pairs]
    af = AbstractArgumentationFramework("af", args, defeats)
    best = float("inf")
    for _ in range(int(sys.argv[2])):
        t0 = time.perf_counter()
        ext = get_grounded_extension(af)
        best = min(best, time.perf_counter() - t0)
    print(json.dumps({"grounded_s": best, "extension": sorted(int(a.name) for a in ext)}))
    """
)


def ensure_peer() -> Path:
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", PEER_PACKAGE], check=True)
    return python


def run_peer(n: int, degree: float, seed: int, repeats: int) -> tuple[dict[str, object], list[int]]:
    from argmap.analysis.iccma import generate_i23
    from argmap.analysis.semantics import AF, IN, grounded_labels

    python = ensure_peer()
    src, dst = random_arrays(n, degree, seed)
    af = AF.from_indices(n, src, dst)
    path = WORK / f"peer-{n}.i23"
    path.write_text(generate_i23(af))
    proc = subprocess.run(
        [str(python), "-c", PEER_SCRIPT, str(path), str(repeats)],
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    result: dict[str, object] = json.loads(proc.stdout)
    ours = [i + 1 for i, lab in enumerate(grounded_labels(af)) if lab == IN]
    return result, ours


# -- the report -----------------------------------------------------------------------------------------


def _ms(seconds: object) -> str:
    if seconds is None:
        return "—"
    s = float(seconds)  # type: ignore[arg-type]
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def _k(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="1k and 10k only; do not touch docs/benchmarks.md"
    )
    parser.add_argument("--no-readme", action="store_true", help="print the table only")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "grounded":
            out = child_grounded(int(rest[0]), float(rest[1]), int(rest[2]), int(rest[3]))
        else:
            out = child_sat(int(rest[0]), float(rest[1]), int(rest[2]), kind, int(rest[3]))
        print(json.dumps(out))
        return 0

    degree, seed = 2.0, 1
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000, 1_000_000]
    rows = [
        "| task | arguments | attacks | argmap | python-argumentation 2.0.2 | notes |",
        "|---|---|---|---|---|---|",
    ]

    peer, ours = run_peer(1_000, degree, seed, repeats=3)
    agree = peer["extension"] == ours
    grounded_1k: float | None = None
    for n in sizes:
        repeats = 20 if n <= 10_000 else 5 if n <= 100_000 else 3
        r = run_child(["grounded", str(n), str(degree), str(seed), str(repeats)], timeout=600)
        assert r is not None
        if n == 1_000:
            grounded_1k = float(r["grounded_s"])  # type: ignore[arg-type]
        peer_cell = "—"
        note = f"build {_ms(r['build_s'])}; peak RSS {float(r['rss_mb']):.0f} MB"  # type: ignore[arg-type]
        if n == 1_000:
            ratio = float(peer["grounded_s"]) / float(r["grounded_s"])  # type: ignore[arg-type]
            peer_cell = f"{_ms(peer['grounded_s'])} ({ratio:,.0f}x slower)"
            note += "; same extension" if agree else "; EXTENSIONS DIFFER"
        rows.append(
            f"| grounded | {_k(n)} | {r['attacks']:,} | {_ms(r['grounded_s'])} | {peer_cell} | {note} |"
        )
        print(rows[-1], flush=True)
    sat_cases = [(1_000, 2.0), (100_000, 2.0), (1_000, 4.0), (1_000, 6.0)]
    if args.quick:
        sat_cases = [(1_000, 2.0), (1_000, 4.0)]
    for semantics in ("preferred", "stable"):
        for n, deg in sat_cases:
            r = run_child([semantics, str(n), str(deg), str(seed), "10"])
            attacks = f"~{int(deg * n):,}"
            if r is None:
                cell, note = f"> {CASE_TIMEOUT:.0f} s", "timed out"
            else:
                attacks = f"{r['attacks']:,}"
                if r["found"]:
                    cell = f"first {_ms(r['first_s'])}; {r['found']} found in {_ms(r['total_s'])}"
                else:
                    cell = f"none exists: {_ms(r['total_s'])}"
                note = f"{r['undec']} undecided by grounded; peak RSS {float(r['rss_mb']):.0f} MB"  # type: ignore[arg-type]
            rows.append(f"| {semantics} (≤ 10) | {_k(n)} | {attacks} | {cell} | — | {note} |")
            print(rows[-1], flush=True)
    machine = f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs"
    table = "\n".join(rows)
    print(f"\n{table}\n\n{machine}")
    if grounded_1k is not None:
        print(f"peer/argmap at 1k: {float(peer['grounded_s']) / grounded_1k:,.0f}x")  # type: ignore[arg-type]
    if not (args.quick or args.no_readme):
        text = README.read_text()
        block = f"{START}\n{table}\n\n<sub>Measured on {machine}, {time.strftime('%Y-%m-%d')}.</sub>\n{END}"
        pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
        if not pattern.search(text):
            print(f"docs/benchmarks.md has no {START} block; table not written", file=sys.stderr)
            return 1
        from argmap._io import atomic_write

        atomic_write(README, pattern.sub(lambda _: block, text))
        print("table written to docs/benchmarks.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
