"""Read a folder of argument maps (AIF, ArgGraph XML, ...) and count the schemes of their inferences.

Usage: python examples/count_schemes.py [FOLDER] [--top N]
(default FOLDER: ../shared/corpora/aifdb-araucaria/en beside the repository)
"""

from __future__ import annotations

import argparse
import warnings
from collections import Counter
from pathlib import Path

import argmap
from argmap.files import files_to_convert

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "aifdb-araucaria" / "en"


def count(folder: Path) -> tuple[int, Counter[str]]:
    """How many maps the folder holds, and how often each scheme names an inference."""
    schemes: Counter[str] = Counter()
    maps = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", argmap.InputWarning)  # parts kept aside in meta
        for path in files_to_convert(folder):
            m = argmap.read(path)
            maps += 1
            schemes.update(m[i].get("scheme") or "(none)" for i in m.inferences())
    return maps, schemes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--top", type=int, default=10, help="how many schemes to list (default 10)")
    args = parser.parse_args()
    if not args.folder.is_dir():
        parser.exit(1, f"no folder {args.folder}\n")
    maps, schemes = count(args.folder)
    print(f"{maps} maps, {sum(schemes.values())} inferences")
    for name, n in schemes.most_common(args.top):
        print(f"{n:6}  {name}")


if __name__ == "__main__":
    main()
