"""argmap: map the argument structure of a text as a graph, analyse it and draw it.

The names below are the whole top-level surface; each loads its module when
first used, so ``import argmap`` stays quick.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> man, mortal = m.claim("Socrates is a man."), m.claim("All men are mortal.")
>>> s = m.support(m.claim("Socrates is mortal."), [man, mortal])
>>> m.premises(s)
('socrates-is-a-man', 'all-men-are-mortal')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from argmap._version import __version__
from argmap.exceptions import (
    ArgdownSyntaxError,
    ArgmapError,
    ArgmapWarning,
    FormatError,
    GraphStructureError,
    GraphvizNotFound,
    InputWarning,
    LossyConversionWarning,
    ParseError,
    QuoteNotFound,
    RenderError,
    StyleError,
)

if TYPE_CHECKING:
    from argmap.analysis.evaluate import evaluate
    from argmap.analysis.structure import check
    from argmap.files import convert, read, write
    from argmap.model import ArgumentMap
    from argmap.readwrite.argdown import generate_argdown, parse_argdown
    from argmap.render import Diagram, Style, diagram
    from argmap.render import render as draw
    from argmap.render.outline import outline
    from argmap.seed import seed_map
    from argmap.teaching.grading import compare
    from argmap.teaching.standard_form import standard_form


_LAZY: Final = {
    "ArgumentMap": ("argmap.model", "ArgumentMap"),
    "read": ("argmap.files", "read"),
    "write": ("argmap.files", "write"),
    "convert": ("argmap.files", "convert"),
    "parse_argdown": ("argmap.readwrite.argdown", "parse_argdown"),
    "generate_argdown": ("argmap.readwrite.argdown", "generate_argdown"),
    "diagram": ("argmap.render", "diagram"),
    "draw": ("argmap.render", "render"),
    "Diagram": ("argmap.render", "Diagram"),
    "Style": ("argmap.render", "Style"),
    "outline": ("argmap.render.outline", "outline"),
    "check": ("argmap.analysis.structure", "check"),
    "evaluate": ("argmap.analysis.evaluate", "evaluate"),
    "standard_form": ("argmap.teaching.standard_form", "standard_form"),
    "compare": ("argmap.teaching.grading", "compare"),
    "seed_map": ("argmap.seed", "seed_map"),
}

__all__ = [
    "ArgdownSyntaxError",
    "ArgmapError",
    "ArgmapWarning",
    "ArgumentMap",
    "Diagram",
    "FormatError",
    "GraphStructureError",
    "GraphvizNotFound",
    "InputWarning",
    "LossyConversionWarning",
    "ParseError",
    "QuoteNotFound",
    "RenderError",
    "Style",
    "StyleError",
    "__version__",
    "check",
    "compare",
    "convert",
    "diagram",
    "draw",
    "evaluate",
    "generate_argdown",
    "outline",
    "parse_argdown",
    "read",
    "seed_map",
    "standard_form",
    "write",
]


def __getattr__(name: str) -> Any:
    """Load a top-level name's module when the name is first used."""
    found = _LAZY.get(name)
    if found is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    value = getattr(importlib.import_module(found[0]), found[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
