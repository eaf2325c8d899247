"""Build a small argument map through the Python API, check it, save it and draw it.

Usage: python examples/build_map.py [-o map.svg] [--json map.json]
"""

from __future__ import annotations

import argparse

import argmap
from argmap.render.backend import graphviz_available

SOURCE = (
    "The council says the bridge must be rebuilt, because engineers found cracks in it. "
    "Yet a repair would cost half as much."
)


def build() -> argmap.ArgumentMap:
    """The map of SOURCE: a thesis, two linked premises (one implicit) and an objection."""
    m = argmap.ArgumentMap(source=SOURCE, title="The bridge")
    thesis = m.claim(
        "The bridge must be rebuilt.", quote="the bridge must be rebuilt", speaker="the council", thesis=True
    )
    cracks = m.claim("Engineers found cracks in the bridge.", quote="engineers found cracks in it")
    rule = m.claim("A bridge with cracks must be rebuilt.", implicit=True)
    m.support(thesis, [cracks, rule], scheme="expert_opinion")
    m.attack(
        thesis, by=m.claim("A repair would cost half as much.", quote="a repair would cost half as much")
    )
    return m


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default="bridge.svg", help="the drawing (.svg, .png, .pdf)")
    parser.add_argument("--json", default="bridge.json", help="the map in argmap's JSON")
    args = parser.parse_args()
    m = build()
    print(m)
    for finding in argmap.check(m):
        print(" ", finding)
    print(argmap.standard_form(m))
    argmap.write(m, args.json)
    print(f"wrote {args.json}")
    if graphviz_available():
        argmap.draw(m, args.output, legend=True)
        print(f"drew {args.output}")
    else:
        print("no Graphviz engine: not drawn")


if __name__ == "__main__":
    main()
