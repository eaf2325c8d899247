"""Write the API reference pages (``api/*.rst``) from the package's ``__all__`` lists.

Each public module (no part of its dotted name starts with ``_``) gets a page: its docstring, a summary
table, and an entry for every name of its ``__all__`` that it defines. A name it re-exports links to the
module that defines it, so every object is described exactly once. The lists are read with :mod:`ast`,
so a module whose optional dependency is missing still gets its page.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path
from typing import Any

PACKAGE = "argmap"


def _modules(root: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts[-1] == "__main__" or any(p.startswith("_") for p in parts):
            continue
        found[".".join(parts)] = path
    return found


def _all_and_defined(path: Path) -> tuple[list[str], dict[str, str]]:
    """The module's ``__all__``, and the names it defines with their kind (class, function, data)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    defined: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            defined[node.name] = "class"
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            defined[node.name] = "function"
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    if t.id == "__all__" and node.value is not None:
                        names = list(ast.literal_eval(node.value))
                    else:
                        defined.setdefault(t.id, "data")
    return names, defined


def _kind_of(mod: str, name: str) -> str:
    """The kind of a name a module takes from elsewhere under another name (``argmap.draw``)."""
    try:
        obj = getattr(importlib.import_module(mod), name)
    except (ImportError, AttributeError):
        return "data"
    return "class" if inspect.isclass(obj) else "function" if inspect.isfunction(obj) else "data"


def _exceptionish(kind: str, name: str) -> str:
    return (
        "exception"
        if kind == "class" and name.endswith(("Error", "Warning", "NotFound", "Timeout"))
        else kind
    )


def write_pages(root: Path, out: Path) -> list[str]:
    """Write one page per public module into ``out`` and an index; return the module names."""
    modules = _modules(root)
    info = {name: _all_and_defined(path) for name, path in modules.items()}
    home = {n: mod for mod, (_, defined) in info.items() for n in defined if n in info[mod][0]}
    out.mkdir(parents=True, exist_ok=True)
    for mod, (names, defined) in info.items():
        lines = [f"``{mod}``", "=" * (len(mod) + 4), "", f".. automodule:: {mod}", "   :no-members:", ""]
        own = [n for n in names if n in defined or home.get(n) is None]
        others = [n for n in names if n not in own]
        if own:
            lines += ["Names", "-----", "", f".. currentmodule:: {mod}", "", ".. autosummary::", ""]
            lines += [f"   {n}" for n in own] + [""]
        if others:
            links = ", ".join(f":py:obj:`{n} <{home[n]}.{n}>`" for n in others)
            lines += [f"Also available here: {links}.", ""]
        for n in own:
            kind = _exceptionish(defined.get(n) or _kind_of(mod, n), n)
            lines += [f".. auto{kind}:: {mod}.{n}"]
            if kind == "class":
                lines += ["   :members:"]
            elif kind == "exception":
                lines += ["   :members:", "   :show-inheritance:"]
            lines.append("")
        (out / f"{mod}.rst").write_text("\n".join(lines), encoding="utf-8")
    index = [
        "API reference",
        "=============",
        "",
        "One page per public module; the top-level names of",
        ":mod:`argmap` link to the module that defines them.",
        "",
        ".. toctree::",
        "   :maxdepth: 1",
        "",
    ]
    index += [f"   {mod}" for mod in info] + [""]
    (out / "index.rst").write_text("\n".join(index), encoding="utf-8")
    for stale in set(out.glob("*.rst")) - {out / f"{m}.rst" for m in info} - {out / "index.rst"}:
        stale.unlink()
    return list(info)


def _resolve_short(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve ``Style`` or ``argmap.render.Style`` to the one object whose name ends so."""
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    prefix, _, last = target.rpartition(".")
    domain = env.get_domain("py")
    found = [name for name, *_ in domain.get_objects() if name.rsplit(".", 1)[-1] == last]
    if prefix and len(found) != 1:  # a re-export such as argmap.convert: follow it to where it is defined
        try:
            obj = getattr(importlib.import_module(prefix), last)
            found = [f"{obj.__module__}.{obj.__qualname__}"]
        except (ImportError, AttributeError):
            return None
    if len(found) != 1 or found[0] not in domain.objects:
        return None
    from sphinx.util.nodes import make_refnode

    entry = domain.objects[found[0]]
    return make_refnode(app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, found[0])


def _no_type_docstring(app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    """Drop the docstring a constant inherits from its type (``str``'s, for ``__version__``)."""
    if what in ("data", "attribute") and lines and type(obj).__doc__ and obj.__doc__ == type(obj).__doc__:
        lines.clear()


def _generate(app: Any) -> None:
    write_pages(Path(app.srcdir).parent, Path(app.srcdir) / "api")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _generate)
    app.connect("missing-reference", _resolve_short)
    app.connect("autodoc-process-docstring", _no_type_docstring)
    return {"parallel_read_safe": True}
