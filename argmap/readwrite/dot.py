"""DOT output: the drawing of :func:`argmap.render.dot.to_dot`, written as a file.

Output only. Options are passed on to :func:`~argmap.render.dot.to_dot` (style,
junctions, ...). The renderer is imported when first used.

Examples
--------
>>> m = argmap.ArgumentMap()
>>> s = m.support(m.claim("C"), m.claim("P"))
>>> "".join(generate_dot(m)).startswith('digraph "argmap" {')
True
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.model import ArgumentMap
from argmap.readwrite._io import PathOrFile, atomic_write

__all__ = ["generate_dot", "write_dot"]


def generate_dot(m: ArgumentMap, **options: Any) -> Iterator[str]:
    """Yield the map as DOT text, line by line."""
    from argmap.render.dot import to_dot

    text = to_dot(m, **options)
    yield from text.splitlines(keepends=True)
    if text and not text.endswith("\n"):
        yield "\n"


def write_dot(m: ArgumentMap, target: PathOrFile, **options: Any) -> None:
    """Write the map as DOT (atomically when ``target`` is a path)."""
    atomic_write(target, "".join(generate_dot(m, **options)))
