"""The documentation's reference: every public name has an entry, and every entry a docstring."""

from __future__ import annotations

import ast
import importlib
import inspect
import itertools
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import apigen  # noqa: E402

MODULES = apigen._modules(ROOT)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("api")
    apigen.write_pages(ROOT, out)
    return {p.stem: p.read_text(encoding="utf-8") for p in out.glob("*.rst")}


def _documented(pages: dict[str, str]) -> set[str]:
    return {m for text in pages.values() for m in re.findall(r"^\.\. auto\w+:: (\S+)$", text, re.M)}


def test_every_public_module_has_a_page(pages: dict[str, str]) -> None:
    assert set(MODULES) <= set(pages)
    assert "argmap.model" in pages and "argmap.readwrite.argdown" in pages
    assert not any(part.startswith("_") for mod in pages for part in mod.split(".")[1:] if mod != "index")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_name_in_all_has_one_entry(module: str, pages: dict[str, str]) -> None:
    documented = _documented(pages)
    homes: dict[str, set[str]] = {}  # name -> the public modules that define it and list it in __all__
    for mod, path in MODULES.items():
        names, defined = apigen._all_and_defined(path)
        for n in set(names) & set(defined):
            homes.setdefault(n, set()).add(mod)
    for name in importlib.import_module(module).__all__:
        entries = {f"{module}.{name}"} | {f"{home}.{name}" for home in homes.get(name, ())}
        assert entries & documented, f"{module}.{name} has no reference entry"


def _attribute_docstrings(path: Path) -> set[str]:
    body = ast.parse(path.read_text(encoding="utf-8")).body
    found = set()
    for node, after in itertools.pairwise(body):
        is_doc = isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
        if isinstance(node, ast.Assign | ast.AnnAssign) and is_doc and isinstance(after.value.value, str):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found |= {t.id for t in targets if isinstance(t, ast.Name)}
    return found


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_public_name_has_a_docstring(module: str) -> None:
    mod = importlib.import_module(module)
    names, defined = apigen._all_and_defined(MODULES[module])
    attribute_docs = _attribute_docstrings(MODULES[module])
    missing = [
        n
        for n in names
        if n in defined
        and (
            not inspect.getdoc(getattr(mod, n))
            if defined[n] in ("class", "function")
            else n not in attribute_docs
        )
    ]
    assert not missing, f"{module}: no docstring for {', '.join(missing)}"
