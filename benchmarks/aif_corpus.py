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

``--census`` instead reads every AIF, OVA and SADFace file of the corpora
(``../shared/corpora`` or ``--corpora``) and counts how many load, how many
with input warnings (by kind), and how many come back equal after writing
AIF, OVA, SADFace and argmap JSON (or with the loss named in a
:class:`~argmap.exceptions.LossyConversionWarning`)::

    .venv/bin/python benchmarks/aif_corpus.py --census
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "_work"
VENV = WORK / "arguebuf"
CORPUS = ROOT.parent / "shared" / "corpora" / "aifdb-araucaria" / "en"

_ARGUEBUF = r"""
import json, sys, time, warnings
from pathlib import Path
from typing import Any
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


CENSUS_FORMATS = ("aif", "ova", "sadface", "native")


def _census_files(corpora: Path) -> list[Path]:
    """Return the AIF, OVA and SADFace files of the corpora (and JSON files too broken to tell)."""
    out: list[Path] = []
    for path in sorted(corpora.rglob("*.json")):
        if path.name == "aif2arggraph.json":
            continue
        from argmap.readwrite.detect import sniff

        try:
            fmt = sniff(path.read_text(encoding="utf-8"))
        except ValueError:
            fmt = "broken"
        if fmt in ("aif", "ova", "sadface", "broken"):
            out.append(path)
    return out


def census(corpora: Path) -> int:
    """Print how the corpus files load and round-trip (see the module docstring)."""
    import argmap
    from argmap.exceptions import ArgmapError, InputWarning, LossyConversionWarning

    files = _census_files(corpora)
    loaded, warned, refused = 0, 0, []
    kinds: dict[str, int] = {}
    trips = {f: {"equal": 0, "lossy": 0, "differs": 0, "refused": 0} for f in CENSUS_FORMATS}
    for path in files:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                m = argmap.read(path)
            except ArgmapError as exc:
                refused.append(f"{path.relative_to(corpora)}: {exc}")
                continue
        loaded += 1
        found = {w.category.__name__ for w in caught if issubclass(w.category, InputWarning)}
        warned += bool(found)
        for k in found:
            kinds[k] = kinds.get(k, 0) + 1
        for target in CENSUS_FORMATS:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    text = _written(m, target)
                    back = _read_back(text, target)
                except ArgmapError:
                    trips[target]["refused"] += 1
                    continue
            lossy = any(issubclass(w.category, LossyConversionWarning) for w in caught)
            trips[target]["equal" if back == m else "lossy" if lossy else "differs"] += 1
    print(
        f"{len(files)} AIF/OVA/SADFace files under {corpora}: {loaded} load, {warned} of them with warnings"
    )
    for k, v in sorted(kinds.items()):
        print(f"  {k}: {v} files")
    for line in refused:
        print(f"  refused: {line}")
    print("\n| written as | equal | loss named | differs | refused |\n|---|---:|---:|---:|---:|")
    for target, c in trips.items():
        print(f"| {target} | {c['equal']} | {c['lossy']} | {c['differs']} | {c['refused']} |")
    return 0


def _written(m: Any, fmt: str) -> str:
    import io

    from argmap import readwrite

    buffer = io.StringIO()
    getattr(readwrite, f"write_{fmt}")(m, buffer)
    return buffer.getvalue()


def _read_back(text: str, fmt: str) -> Any:
    import io

    from argmap import readwrite

    return getattr(readwrite, f"read_{fmt}")(io.StringIO(text))


def _cell(times: list[float], n: int) -> str:
    return f"{min(times) / n * 1000:.3f} ({statistics.median(times) / n * 1000:.3f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--install", action="store_true", help="create the arguebuf virtualenv first")
    parser.add_argument("--census", action="store_true", help="count loads, warnings and round trips")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    if args.census:
        return census(args.corpora)
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
