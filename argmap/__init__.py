"""argmap: map the argument structure of a text as a graph, and draw it.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> man, mortal = m.claim("Socrates is a man."), m.claim("All men are mortal.")
>>> s = m.support(m.claim("Socrates is mortal."), [man, mortal])
>>> m.premises(s)
('socrates-is-a-man', 'all-men-are-mortal')
"""

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
from argmap.files import convert, read, write
from argmap.model import ArgumentMap
from argmap.readwrite.argdown import generate_argdown, parse_argdown, read_argdown, write_argdown
from argmap.readwrite.native import native_data, native_map, read_native, write_native
from argmap.render import Diagram, Style, diagram
from argmap.render import render as draw
from argmap.seed import seed_map
from argmap.teaching import compare, standard_form

__version__ = "0.1.0"

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
    "write",
    "write_argdown",
    "write_native",
]
