"""Time every map reader at 1k, 10k and 100k elements and report seconds per 1k: flat means linear.

Run from the project root::

    .venv/bin/python benchmarks/reader_scaling.py                 # 1k, 10k, 100k
    .venv/bin/python benchmarks/reader_scaling.py --sizes 1000,10000 --limit 60
    .venv/bin/python benchmarks/reader_scaling.py --readers aif,ova,sadface

Each input holds ``n`` claims in a tree, claim ``i`` supporting (two in three)
or attacking (one in three) claim ``(i - 1) // 2``, so there are about as many
relations as claims (``tests/_big_inputs.py``). AIF, ArgGraph XML, Argdown and
Kialo documents are made as text; the other formats are written by argmap's
own writers from the same map. One more row reads an OVA document whose text
holds ``n`` open comments (``<!--``), the input that made ``html.parser``
quadratic. Every read runs in a fresh child process with a time limit
(``--limit`` seconds); a read past it shows as ``>limit``. Files are kept in
``benchmarks/_work/reader_scaling`` between runs.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "_work" / "reader_scaling"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from _big_inputs import aif_text, argdown_text, arggraph_text, kialo_text  # noqa: E402

import argmap  # noqa: E402

TEXT_MAKERS: dict[str, tuple[str, Callable[[int], str]]] = {
    "aif": (".aif.json", aif_text),
    "microtexts": (".xml", arggraph_text),
    "argdown": (".argdown", argdown_text),
    "kialo": (".kialo.txt", kialo_text),
}
WRITTEN = {
    "native": ".json",
    "sadface": ".sadface.json",
    "nodelink": ".nodelink.json",
    "graphml": ".graphml",
    "ova": ".ova.json",
}

CHILD = """
import sys, time, warnings
warnings.simplefilter("ignore")
from argmap import readwrite
reader = getattr(readwrite, "read_" + sys.argv[1])
start = time.perf_counter()
m = reader(sys.argv[2])
print(time.perf_counter() - start, sum(1 for _ in m.claims()))
"""


def tree_map(n: int) -> argmap.ArgumentMap:
    """The map of the text-made documents, built through the API."""
    m = argmap.ArgumentMap(title="big")
    ids = [m.claim(f"Claim number {i} says something.", id=f"c{i}") for i in range(n)]
    for i in range(1, n):
        if i % 3:
            m.support(ids[(i - 1) // 2], ids[i])
        else:
            m.attack(ids[(i - 1) // 2], by=ids[i])
    return m


def inputs(n: int, wanted: set[str]) -> dict[str, tuple[str, Path]]:
    """Return ``{row: (reader, path)}`` for size ``n`` and the ``wanted`` readers (all if empty).

    Files that are missing are made.
    """
    folder = WORK / str(n)
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, tuple[str, Path]] = {}
    for name, (suffix, make) in TEXT_MAKERS.items():
        if wanted and name not in wanted:
            continue
        path = folder / f"big{suffix}"
        if not path.exists():
            path.write_text(make(n), encoding="utf-8")
        out[name] = (name, path)
    written = {k: v for k, v in WRITTEN.items() if not wanted or k in wanted}
    missing = [name for name, suffix in written.items() if not (folder / f"big{suffix}").exists()]
    if missing:
        m = tree_map(n)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name in missing:
                argmap.write(m, folder / f"big{WRITTEN[name]}", format=name)
    out.update({name: (name, folder / f"big{suffix}") for name, suffix in written.items()})
    comments = folder / "comments.ova.json"
    if not comments.exists():
        comments.write_text(
            json.dumps({"AIF": {"nodes": [], "edges": [], "locutions": []}, "text": "<!--" * n})
        )
    out["ova text of n '<!--'"] = ("ova", comments)
    return {row: v for row, v in out.items() if not wanted or v[0] in wanted}


def read_time(reader: str, path: Path, limit: float) -> float | None:
    """Return the seconds ``read_<reader>(path)`` took in a child process, or None past ``limit``."""
    try:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, reader, str(path)],
            capture_output=True,
            text=True,
            timeout=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode != 0:
        raise RuntimeError(f"read_{reader}({path}) failed: {proc.stderr.strip().splitlines()[-1]}")
    return float(proc.stdout.split()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated element counts")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds per read (default 120)")
    parser.add_argument("--readers", default="", help="comma-separated readers to time (default: all)")
    args = parser.parse_args()
    wanted = set(filter(None, args.readers.split(",")))
    sizes = [int(s) for s in args.sizes.split(",")]
    made = time.perf_counter()
    rows: dict[str, list[str]] = {}
    for n in sizes:
        for row, (reader, path) in inputs(n, wanted).items():
            seconds = read_time(reader, path, args.limit)
            cell = f">{args.limit:g} s" if seconds is None else f"{seconds / n * 1000:.3f}"
            rows.setdefault(row, []).append(cell)
            print(f"{row:<24} {n:>7}: {cell}", file=sys.stderr, flush=True)
    print(
        f"\nReader time per 1k elements, in seconds ({platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}; {time.perf_counter() - made:.0f} s in all)\n"
    )
    print("| reader | " + " | ".join(f"{n:,}" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for row, cells in rows.items():
        print(f"| {row} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
