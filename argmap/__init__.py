"""argmap: map the argument structure of a text as a graph, and draw it.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> s = m.support(m.claim("Socrates is mortal."), [m.claim("Socrates is a man."), m.claim("All men are mortal.")])
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
from argmap.model import ArgumentMap, validate
from argmap.readwrite.native import native_data, native_map, read_native, write_native

__version__ = "0.1.0"

__all__ = [
    "AIFFormatError",
    "ArgdownSyntaxError",
    "ArgmapError",
    "ArgumentMap",
    "FormatError",
    "GraphStructureError",
    "GraphvizNotFound",
    "ParseError",
    "QuoteNotFound",
    "RenderError",
    "__version__",
    "native_data",
    "native_map",
    "read_native",
    "validate",
    "write_native",
]
