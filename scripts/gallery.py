"""Draw the gallery: examples/gallery/*.svg and *.png, the pictures argmap makes, for looking at.

Usage::

    .venv/bin/python scripts/gallery.py [--corpora ../shared/corpora] [--out examples/gallery] [--svg-only]

Each picture is one small function below, registered with :func:`picture`; the documentation's
gallery page shows each picture beside the source of the function that made it. The pictures: the
seed map (with its legend: the README's picture), in the argument view and in the colour-blind
theme, a microtext, the largest AraucariaDB AIF map, an Argdown map by others
(``semmelweis_betz.argdown``) with its headings as frames, the teaching reference map of the tests,
its grading picture against a student's attempt, and the seed map evaluated (grounded labels and
h-categorizer strengths). Pictures whose corpus is missing are left out with a note.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import argmap
from argmap.analysis.evaluate import evaluate, value_range
from argmap.render import Diagram, diagram

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"

Picture = Callable[[Path], Diagram]
PICTURES: dict[str, Picture] = {}
"""The gallery's pictures by file name, in order; each takes the corpora folder."""


def picture(name: str) -> Callable[[Picture], Picture]:
    """Register a function that draws the picture ``name``."""

    def register(make: Picture) -> Picture:
        PICTURES[name] = make
        return make

    return register


@picture("seed-map")
def seed_map(corpora: Path) -> Diagram:
    """The seed article's map, with its legend."""
    return diagram(argmap.seed_map(), legend=True)


@picture("seed-map-arguments")
def seed_map_arguments(corpora: Path) -> Diagram:
    """The seed map in the argument view: one box per inference, its premises inside."""
    return diagram(argmap.seed_map(), legend=True, view="arguments")


@picture("seed-map-colorblind")
def seed_map_colorblind(corpora: Path) -> Diagram:
    """The seed map in the colour-blind theme (Okabe-Ito colours)."""
    return diagram(argmap.seed_map(), legend=True, theme="colorblind")


@picture("microtext-b001")
def microtext(corpora: Path) -> Diagram:
    """A microtext of the arg-microtexts corpus (ArgGraph XML)."""
    return diagram(argmap.read(corpora / "arg-microtexts/corpus/en/micro_b001.xml"), legend=True)


@picture("aif-araucaria-79")
def araucaria(corpora: Path) -> Diagram:
    """The largest AraucariaDB map (AIF), with its schemes."""
    return diagram(argmap.read(corpora / "aifdb-araucaria/en/nodeset79.json"), legend=True)


SEMMELWEIS = "argdown/argdown-repo/examples/semmelweis_betz.argdown"


@picture("argdown-semmelweis")
def semmelweis(corpora: Path) -> Diagram:
    """An Argdown debate by others, its headings drawn as frames."""
    return diagram(argmap.read(corpora / SEMMELWEIS), legend=True, clusters=True)


@picture("argdown-semmelweis-arguments")
def semmelweis_arguments(corpora: Path) -> Diagram:
    """The same debate in the argument view."""
    return diagram(argmap.read(corpora / SEMMELWEIS), legend=True, view="arguments")


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


@picture("teaching-reference")
def teaching_reference(corpora: Path) -> Diagram:
    """A teacher's reference map: a linked argument, a sub-argument, an implicit premise, an objection."""
    return diagram(teaching_maps()[0], legend=True)


@picture("grading-diff")
def grading_diff(corpora: Path) -> Diagram:
    """A student's attempt graded against the reference: matched, missing and extra parts."""
    from argmap.page.feedback import diff_style

    reference, student = teaching_maps()
    diff, classes = argmap.compare(student, reference).diff_map()
    return diagram(diff, legend=True, classes=classes, style=diff_style())


@picture("seed-grounded")
def seed_grounded(corpora: Path) -> Diagram:
    """The seed map coloured by its grounded labelling (in, out, undecided)."""
    labels = evaluate(argmap.seed_map(), "grounded")
    values = {c: v for c, (_, v) in labels.items()}
    return diagram(argmap.seed_map(), legend=True, values=values, value_range=value_range("grounded"))


@picture("seed-h-categorizer")
def seed_h_categorizer(corpora: Path) -> Diagram:
    """The seed map coloured by h-categorizer strengths."""
    strengths = evaluate(argmap.seed_map(), "h-categorizer")
    values = {c: v for c, (_, v) in strengths.items()}
    return diagram(argmap.seed_map(), legend=True, values=values, value_range=value_range("h-categorizer"))


def draw(out: Path, corpora: Path = CORPORA, *, png: bool = True) -> list[str]:
    """Draw every picture into ``out`` (SVG, and PNG unless ``png`` is false); return the names drawn."""
    out.mkdir(parents=True, exist_ok=True)
    drawn = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", argmap.InputWarning)  # corpus readers warn of what they keep aside
        for name, make in PICTURES.items():
            try:
                d = make(corpora)
            except FileNotFoundError as exc:
                print(f"skipped {name}: {exc.filename} is missing")
                continue
            d.dpi = 110
            d.render(out / f"{name}.svg")
            if png:
                d.render(out / f"{name}.png")
            drawn.append(name)
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--out", type=Path, default=ROOT / "examples" / "gallery")
    parser.add_argument("--svg-only", action="store_true", help="draw SVG only, no PNG")
    args = parser.parse_args()
    for name in draw(args.out, args.corpora, png=not args.svg_only):
        print(f"wrote {args.out / name}.svg" + ("" if args.svg_only else " and .png"))


if __name__ == "__main__":
    main()
