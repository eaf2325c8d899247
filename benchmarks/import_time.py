"""Start-up cost: ``import argmap`` and the first use of the model, the readers and the renderer.

Each case runs in a fresh interpreter with ``python -X importtime``; the figure is the
cumulative time of the top-level import (microseconds, as Python reports it), the median of
``--runs`` runs. The goal for ``import argmap`` is 100 ms. Usage::

    .venv/bin/python benchmarks/import_time.py [--runs 7]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys

CASES = {
    "import argmap": "import argmap",
    "+ ArgumentMap (networkx)": "import argmap; argmap.ArgumentMap",
    "+ read (every reader on demand)": "import argmap; argmap.read",
    "+ diagram (pydot-free renderer)": "import argmap; argmap.diagram",
    "argmap.cli (the command line)": "import argmap.cli",
}
_LINE = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)")


def total_us(code: str) -> int:
    """Return the summed cumulative import time of the top-level imports ``code`` makes."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True
    ).stderr
    total = 0
    for line in out.splitlines():
        found = _LINE.match(line)
        if found and len(found[3]) == 1:  # depth 0: one space after the bar
            total += int(found[2])
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print("| case | median ms | min ms |")
    print("|---|---|---|")
    for name, code in CASES.items():
        times = [total_us(code) / 1000 for _ in range(args.runs)]
        print(f"| {name} | {statistics.median(times):.1f} | {min(times):.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
