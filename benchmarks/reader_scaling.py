"""Time every map reader at 1k, 10k and 100k elements and report seconds per 1k: flat means linear.

Run from the project root::

    .venv/bin/python benchmarks/reader_scaling.py                 # 1k, 10k, 100k
    .venv/bin/python benchmarks/reader_scaling.py --sizes 1000,10000 --limit 60
    .venv/bin/python benchmarks/reader_scaling.py --only brat,microtexts,kialo

Each input holds ``n`` claims in a tree, claim ``i`` supporting (two in three)
or attacking (one in three) claim ``(i - 1) // 2``, so there are about as many
relations as claims (``tests/_big_inputs.py``). AIF, ArgGraph XML, Argdown,
Kialo and BRAT documents (the ``.ann`` with its ``.txt``: the children of the
major claim take stances, the other claims have ``supports``/``attacks``
lines) are made as text; the other formats are written by argmap's own
writers from the same map. One more row reads an OVA document whose text
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


def brat_files(n: int, folder: Path) -> Path:
    """Write ``big.txt`` and ``big.ann`` of ``n`` claims in the tree of the other inputs; return the .ann."""
    sentences = [f"Claim number {i} says something." for i in range(n)]
    starts = [0]
    for text in sentences[:-1]:
        starts.append(starts[-1] + len(text) + 1)
    lines = [f"T1\tMajorClaim 0 {len(sentences[0])}\t{sentences[0]}"]
    for i, target, kind in ((i, (i - 1) // 2, "attack" if i % 3 == 0 else "support") for i in range(1, n)):
        end = starts[i] + len(sentences[i])
        lines.append(f"T{i + 1}\t{'Claim' if target == 0 else 'Premise'} {starts[i]} {end}\t{sentences[i]}")
        if target == 0:
            lines.append(f"A{i}\tStance T{i + 1} {'Against' if kind == 'attack' else 'For'}")
        else:
            lines.append(f"R{i}\t{kind}s Arg1:T{i + 1} Arg2:T{target + 1}")
    (folder / "big.txt").write_text(" ".join(sentences), encoding="utf-8")
    ann = folder / "big.ann"
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ann


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


def inputs(n: int) -> dict[str, tuple[str, Path]]:
    """Return ``{row: (reader, path)}`` for size ``n``, making the files that are missing."""
    folder = WORK / str(n)
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, tuple[str, Path]] = {}
    for name, (suffix, make) in TEXT_MAKERS.items():
        path = folder / f"big{suffix}"
        if not path.exists():
            path.write_text(make(n), encoding="utf-8")
        out[name] = (name, path)
    ann = folder / "big.ann"
    out["brat"] = ("brat", ann if ann.exists() and (folder / "big.txt").exists() else brat_files(n, folder))
    missing = [name for name, suffix in WRITTEN.items() if not (folder / f"big{suffix}").exists()]
    if missing:
        m = tree_map(n)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name in missing:
                argmap.write(m, folder / f"big{WRITTEN[name]}", format=name)
    out.update({name: (name, folder / f"big{suffix}") for name, suffix in WRITTEN.items()})
    comments = folder / "comments.ova.json"
    if not comments.exists():
        comments.write_text(
            json.dumps({"AIF": {"nodes": [], "edges": [], "locutions": []}, "text": "<!--" * n})
        )
    out["ova text of n '<!--'"] = ("ova", comments)
    return out


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
    parser.add_argument("--only", default="", help="comma-separated rows to time (default: all)")
    args = parser.parse_args()
    only = {r for r in args.only.split(",") if r}
    sizes = [int(s) for s in args.sizes.split(",")]
    made = time.perf_counter()
    rows: dict[str, list[str]] = {}
    for n in sizes:
        for row, (reader, path) in inputs(n).items():
            if only and row not in only:
                continue
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
