"""Draw the gallery: examples/gallery/*.svg and *.png, the pictures argmap makes, for looking at.

Usage::

    .venv/bin/python scripts/gallery.py [--corpora ../shared/corpora] [--out examples/gallery]

It draws the seed map (with its legend: the README's picture), the seed map in the argument view
and in the colour-blind theme, a microtext, the largest AraucariaDB AIF map, an Argdown map by
others (``semmelweis_betz.argdown``) with its headings as frames, the teaching reference map of
the tests, its grading picture against a student's attempt (the difference comes from
``argmap.teaching.grading``) and the seed map evaluated (grounded labels and h-categorizer
strengths). Pictures whose corpus is missing are left out with a note.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import Any

import argmap
from argmap.analysis import evaluate as ev
from argmap.render import diagram

ROOT = Path(__file__).resolve().parent.parent


def teaching_maps() -> tuple[argmap.ArgumentMap, argmap.ArgumentMap]:
    """The tests' reference map and a student's attempt that misses one premise and adds an objection."""
    sys.path.insert(0, str(ROOT / "tests"))
    from _teaching_maps import reference_map

    reference = reference_map()
    student = argmap.ArgumentMap(source=reference.source, title="Bridge (student)")
    student.claim("The city should build a new bridge.", id="b")
    student.claim("Traffic jams cost commuters an hour a day.", id="j")
    student.claim("Engineers say the old bridge is unsafe.", id="e")
    student.claim("Bridges are expensive to maintain.", id="x")
    student.support("b", ["j", "e"])
    student.attack("b", by="x")
    return reference, student


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--out", type=Path, default=ROOT / "examples" / "gallery")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    warnings.simplefilter("ignore")  # corpus readers warn of what they keep aside

    seed = argmap.seed_map()
    pictures: list[tuple[str, argmap.ArgumentMap, dict[str, Any]]] = [
        ("seed-map", seed, {"legend": True}),
        ("seed-map-arguments", seed, {"legend": True, "view": "arguments"}),
        ("seed-map-colorblind", seed, {"legend": True, "theme": "colorblind"}),
    ]
    micro = args.corpora / "arg-microtexts" / "corpus" / "en" / "micro_b001.xml"
    aif = args.corpora / "aifdb-araucaria" / "en" / "nodeset79.json"
    argdown = args.corpora / "argdown" / "argdown-repo" / "examples" / "semmelweis_betz.argdown"
    for name, path, options in (
        ("microtext-b001", micro, {"legend": True}),
        ("aif-araucaria-79", aif, {"legend": True}),
        ("argdown-semmelweis", argdown, {"legend": True, "clusters": True}),
        ("argdown-semmelweis-arguments", argdown, {"legend": True, "view": "arguments"}),
    ):
        if path.is_file():
            pictures.append((name, argmap.read(path), options))
        else:
            print(f"skipped {name}: {path} is missing")

    from argmap.page.feedback import diff_style
    from argmap.teaching.grading import compare

    reference, student = teaching_maps()
    pictures.append(("teaching-reference", reference, {"legend": True}))
    diff, classes = compare(student, reference).diff_map()
    pictures.append(("grading-diff", diff, {"legend": True, "classes": classes, "style": diff_style()}))

    labels = ev.evaluate(seed, "grounded")
    pictures.append(
        (
            "seed-grounded",
            seed,
            {
                "legend": True,
                "values": {c: v for c, (_, v) in labels.items()},
                "value_range": ev.value_range("grounded"),
            },
        )
    )
    strengths = ev.evaluate(seed, "h-categorizer")
    pictures.append(
        (
            "seed-h-categorizer",
            seed,
            {
                "legend": True,
                "values": {c: v for c, (_, v) in strengths.items()},
                "value_range": ev.value_range("h-categorizer"),
            },
        )
    )

    for name, m, options in pictures:
        d = diagram(m, dpi=110, **options)
        svg = d.render(args.out / f"{name}.svg")
        d.render(args.out / f"{name}.png")
        print(f"wrote {svg.relative_to(ROOT) if svg.is_relative_to(ROOT) else svg} and .png")


if __name__ == "__main__":
    main()
