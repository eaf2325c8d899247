"""argmap: map the argument structure of a text as a graph, and draw it.

The names below are imported when first used (PEP 562), so that ``import
argmap`` and the command line start at once: an interrupt while starting then
reaches :func:`argmap.cli.main`, which reports it in one line.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> man, mortal = m.claim("Socrates is a man."), m.claim("All men are mortal.")
>>> s = m.support(m.claim("Socrates is mortal."), [man, mortal])
>>> m.premises(s)
('socrates-is-a-man', 'all-men-are-mortal')
"""

from __future__ import annotations

import importlib

from argmap.exceptions import (
    AIFFormatError,
    ArgdownSyntaxError,
    ArgmapError,
    FormatError,
    GraphStructureError,
    GraphvizNotFound,
    ParseError,
    QuoteNotFound,
    RenderError,
)

TYPE_CHECKING = False  # not typing's: importing typing alone takes longer than the rest
if TYPE_CHECKING:
    from typing import Any

    from argmap.files import convert, read, write
    from argmap.model import ArgumentMap, validate
    from argmap.readwrite.argdown import generate_argdown, parse_argdown, read_argdown, write_argdown
    from argmap.readwrite.native import native_data, native_map, read_native, write_native
    from argmap.render import Diagram, Style, diagram
    from argmap.render import render as draw
    from argmap.seed import seed_map
    from argmap.teaching import compare, standard_form

__version__ = "0.1.0"

_LAZY: dict[str, tuple[str, str]] = {
    "convert": ("argmap.files", "convert"),
    "read": ("argmap.files", "read"),
    "write": ("argmap.files", "write"),
    "ArgumentMap": ("argmap.model", "ArgumentMap"),
    "validate": ("argmap.model", "validate"),
    "generate_argdown": ("argmap.readwrite.argdown", "generate_argdown"),
    "parse_argdown": ("argmap.readwrite.argdown", "parse_argdown"),
    "read_argdown": ("argmap.readwrite.argdown", "read_argdown"),
    "write_argdown": ("argmap.readwrite.argdown", "write_argdown"),
    "native_data": ("argmap.readwrite.native", "native_data"),
    "native_map": ("argmap.readwrite.native", "native_map"),
    "read_native": ("argmap.readwrite.native", "read_native"),
    "write_native": ("argmap.readwrite.native", "write_native"),
    "Diagram": ("argmap.render", "Diagram"),
    "Style": ("argmap.render", "Style"),
    "diagram": ("argmap.render", "diagram"),
    "draw": ("argmap.render", "render"),
    "seed_map": ("argmap.seed", "seed_map"),
    "compare": ("argmap.teaching", "compare"),
    "standard_form": ("argmap.teaching", "standard_form"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "AIFFormatError",
    "ArgdownSyntaxError",
    "ArgmapError",
    "ArgumentMap",
    "Diagram",
    "FormatError",
    "GraphStructureError",
    "GraphvizNotFound",
    "ParseError",
    "QuoteNotFound",
    "RenderError",
    "Style",
    "__version__",
    "compare",
    "convert",
    "diagram",
    "draw",
    "generate_argdown",
    "native_data",
    "native_map",
    "parse_argdown",
    "read",
    "read_argdown",
    "read_native",
    "seed_map",
    "standard_form",
    "validate",
    "write",
    "write_argdown",
    "write_native",
]
