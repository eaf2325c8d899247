"""The layers of the package flow one way; peers do not import each other.

``exceptions`` <- ``_io``, ``formats`` <- ``schema``, ``schemes`` <- ``model`` <- ``readwrite`` (with
``seed``) | ``analysis`` | ``teaching`` <- ``render`` <- ``page``, ``files`` <- ``editor`` <- ``cli``.
Every import in every module counts, including those inside functions; ``render`` may not import
``teaching``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import argmap

PACKAGE = Path(argmap.__file__).parent

RANKS: dict[str, int] = {
    "_version": 0,
    "exceptions": 0,
    "_io": 1,
    "formats": 1,
    "schema": 2,
    "schemes": 2,
    "model": 3,
    "readwrite": 4,
    "seed": 4,
    "analysis": 4,
    "teaching": 4,
    "render": 5,
    "page": 6,
    "files": 6,
    "editor": 7,
    "cli": 8,
    "__init__": 9,
    "__main__": 9,
}
PEERS = {"readwrite": "readwrite", "seed": "readwrite", "analysis": "analysis", "teaching": "teaching"}
FORBIDDEN = {("render", "teaching")}


def _part(module: str) -> str:
    """The layer of ``argmap.x.y``: ``x``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every ``argmap`` module ``path`` imports, with the line."""
    found: list[tuple[str, int]] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.startswith("argmap.")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "argmap":
                found += [(f"argmap.{a.name}", node.lineno) for a in node.names]
            elif node.module.startswith("argmap."):
                found.append((node.module, node.lineno))
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "static" not in p.parts)


def _layer_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    return rel.parts[0]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_flow_down(path: Path) -> None:
    own = _layer_of(path)
    assert own in RANKS, f"{own} has no layer in this test: add it to RANKS"
    wrong = []
    for module, line in _imports(path):
        other = _part(module)
        assert other in RANKS, f"{path.name}:{line} imports {module}, which has no layer"
        same_group = other == own or (own in PEERS and PEERS[own] == PEERS.get(other))
        if not same_group and ((own, other) in FORBIDDEN or RANKS[other] >= RANKS[own]):
            wrong.append(f"line {line}: {module}")
    assert not wrong, f"{path.relative_to(PACKAGE)} imports upwards or sideways: {wrong}"


def test_every_layer_is_a_real_part_of_the_package() -> None:
    parts = {_layer_of(p) for p in _modules()}
    assert parts <= set(RANKS)
    assert {"exceptions", "schema", "model", "readwrite", "render", "page", "cli"} <= parts
