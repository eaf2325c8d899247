"""Time loading the whole AraucariaDB AIF corpus (662 files) with argmap and with arguebuf, in one run.

argmap reads each file with :func:`argmap.readwrite.aif.read_aif` (JSON plus the
``.txt`` source beside it); arguebuf with ``arguebuf.load.file`` (the same
work), run by the Python of a scratch virtualenv so that its dependencies stay
out of the project. A second pair of rows times the conversion alone, from
already parsed JSON (``aif_map`` against ``arguebuf.load.dict``).

Set up arguebuf once (or pass ``--install``)::

    python -m venv benchmarks/_work/arguebuf
    benchmarks/_work/arguebuf/bin/pip install arguebuf

Run::

    .venv/bin/python benchmarks/aif_corpus.py [--repeat 7] [--corpus PATH]

Each figure is the best of ``--repeat`` passes over every file (milliseconds per
file), with the median in brackets.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "_work"
VENV = WORK / "arguebuf"
CORPUS = ROOT.parent / "shared" / "corpora" / "aifdb-araucaria" / "en"

_ARGUEBUF = r"""
import json, sys, time, warnings
from pathlib import Path
import arguebuf
warnings.simplefilter("ignore")
files = [Path(p) for p in json.loads(sys.argv[1])]
repeat = int(sys.argv[2])
docs = [json.loads(f.read_text(encoding="utf-8")) for f in files]
out = {"version": arguebuf.__version__ if hasattr(arguebuf, "__version__") else "?", "file": [], "dict": []}
for _ in range(repeat):
    t = time.perf_counter()
    for f in files:
        arguebuf.load.file(f)
    out["file"].append(time.perf_counter() - t)
    t = time.perf_counter()
    for d in docs:
        arguebuf.load.dict(d)
    out["dict"].append(time.perf_counter() - t)
print(json.dumps(out))
"""


def _install() -> None:
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", "arguebuf"], check=True)


def _argmap_times(files: list[Path], repeat: int) -> dict[str, list[float]]:
    from argmap.readwrite.aif import aif_map, read_aif

    docs = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    out: dict[str, list[float]] = {"file": [], "dict": []}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(repeat):
            t = time.perf_counter()
            for f in files:
                read_aif(f)
            out["file"].append(time.perf_counter() - t)
            t = time.perf_counter()
            for d in docs:
                aif_map(d)
            out["dict"].append(time.perf_counter() - t)
    return out


def _arguebuf_times(files: list[Path], repeat: int) -> dict[str, list[float]] | None:
    python = VENV / "bin" / "python"
    if not python.exists():
        return None
    done = subprocess.run(
        [str(python), "-c", _ARGUEBUF, json.dumps([str(f) for f in files]), str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, list[float]] = json.loads(done.stdout)
    return result


def _cell(times: list[float], n: int) -> str:
    return f"{min(times) / n * 1000:.3f} ({statistics.median(times) / n * 1000:.3f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--install", action="store_true", help="create the arguebuf virtualenv first")
    args = parser.parse_args()
    if args.install:
        _install()
    files = sorted(args.corpus.glob("*.json"))
    if not files:
        print(f"no JSON files in {args.corpus}", file=sys.stderr)
        return 1
    n = len(files)
    mine = _argmap_times(files, args.repeat)
    theirs = _arguebuf_times(files, args.repeat)
    print(f"{n} files from {args.corpus}, best of {args.repeat} (median), ms per file\n")
    print("| what | argmap | arguebuf | arguebuf / argmap |")
    print("|---|---|---|---|")
    for key, what in (("file", "read file + side text"), ("dict", "from parsed JSON")):
        if theirs is None:
            print(f"| {what} | {_cell(mine[key], n)} | (not installed: run with --install) | |")
        else:
            ratio = min(theirs[key]) / min(mine[key])
            print(f"| {what} | {_cell(mine[key], n)} | {_cell(theirs[key], n)} | {ratio:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
