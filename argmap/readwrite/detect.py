"""Read and write a map in whatever format its file name or content says.

========== ================================== =============================== =====
format     file names                         recognised by content           reads
========== ================================== =============================== =====
native     ``.json``, ``.argmap.json``        ``"format": "argmap"``          yes
aif        ``.aif.json``, ``.aif``            nodes with ``nodeID``           yes
ova        ``.ova.json``, ``.ova``            an ``AIF`` object, or OVA2 keys yes
sadface    ``.sadface.json``                  ``source_id`` edges, atoms      yes
nodelink   ``.nodelink.json``                 ``directed`` and ``nodes``      yes
microtexts ``.xml``                           root ``<arggraph>``             yes
graphml    ``.graphml``                       root ``<graphml>``              yes
kialo      ``.kialo.txt``, ``.txt``           ``Discussion Title:`` or ``1.`` yes
argdown    ``.argdown``, ``.ad``                                              yes
mermaid    ``.mmd``, ``.mermaid``                                             no
dot        ``.dot``, ``.gv``                                                  no
========== ================================== =============================== =====

:func:`read` trusts a telling suffix and otherwise looks at the content;
:func:`write` goes by the suffix alone. Both take ``format=`` to say it.

Examples
--------
>>> format_of_name("debate.aif.json"), format_of_name("map.json"), format_of_name("x.gv")
('aif', 'native', 'dot')
>>> sniff('{"nodes": [{"nodeID": "1", "type": "I", "text": "t"}], "edges": []}')
'aif'
"""

from __future__ import annotations

import importlib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from argmap.exceptions import FormatError
from argmap.model import ArgumentMap

__all__ = [
    "FORMATS",
    "READABLE",
    "convert",
    "files_to_convert",
    "format_of_name",
    "output_name",
    "read",
    "sniff",
    "write",
]

FORMATS: Final[dict[str, tuple[str, ...]]] = {
    "native": (".json", ".argmap.json"),
    "aif": (".aif.json", ".aif"),
    "ova": (".ova.json", ".ova"),
    "sadface": (".sadface.json",),
    "nodelink": (".nodelink.json", ".node-link.json"),
    "microtexts": (".xml", ".arggraph.xml"),
    "graphml": (".graphml",),
    "kialo": (".txt", ".kialo.txt"),
    "argdown": (".argdown", ".ad"),
    "mermaid": (".mmd", ".mermaid"),
    "dot": (".dot", ".gv"),
}
"""Each format's file-name suffixes; the first is the one :mod:`argmap.cli` writes."""

READABLE: Final = frozenset(FORMATS) - {"mermaid", "dot"}
"""The formats :func:`read` can read; the others are output only."""

_SNIFFED: Final = frozenset({".json", ".xml", ".txt"})
_KIALO: Final = re.compile(r"(Discussion Title:|1\. )")
_ROOT: Final = re.compile(r"<(?!\?|!)(?:[\w.-]+:)?([\w.-]+)")


def _by_name(path: str | os.PathLike[str]) -> tuple[str, str] | None:
    name = Path(path).name.lower()
    best: tuple[str, str] | None = None
    for fmt, suffixes in FORMATS.items():
        for suffix in suffixes:
            if (
                name.endswith(suffix)
                and len(name) > len(suffix)
                and (best is None or len(suffix) > len(best[1]))
            ):
                best = (fmt, suffix)
    return best


def format_of_name(path: str | os.PathLike[str]) -> str | None:
    """Return the format a file name's suffixes name, or None."""
    found = _by_name(path)
    return None if found is None else found[0]


def _sniff_json(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    if data.get("format") == "argmap":
        return "native"
    if isinstance(data.get("AIF"), dict):
        return "ova"
    nodes, edges = data.get("nodes"), data.get("edges", data.get("links"))
    if not isinstance(nodes, list):
        return None
    first = next((n for n in nodes if isinstance(n, dict)), {})
    edge = next((e for e in edges if isinstance(e, dict)), {}) if isinstance(edges, list) else {}
    if "nodeID" in first or "fromID" in edge:
        return "aif"
    if "source_id" in edge or first.get("type") in ("atom", "scheme"):
        return "sadface"
    if "from" in edge or "analysis" in data or ("x" in first and "id" in first):
        return "ova"
    if "directed" in data or "source" in edge:
        return "nodelink"
    if not nodes and isinstance(data.get("metadata"), dict):
        return "sadface"
    if not nodes and "locutions" in data:
        return "aif"
    return None


def sniff(text: str) -> str | None:
    """Return the format the content of a file looks like, or None."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")):
        try:
            return _sniff_json(json.loads(text))
        except (json.JSONDecodeError, RecursionError):
            return None
    if head.startswith("<"):
        root = _ROOT.search(re.sub(r"<!--.*?-->", "", head[:4096], flags=re.S))
        if root is not None:
            return {"arggraph": "microtexts", "graphml": "graphml"}.get(root[1])
        return None
    if _KIALO.match(head):
        return "kialo"
    return None


def _function(fmt: str, verb: str) -> Callable[..., Any]:
    try:
        module = importlib.import_module(f"argmap.readwrite.{fmt}")
    except ImportError:
        raise FormatError(f"the {fmt} format is not available in this installation") from None
    func: Callable[..., Any] = getattr(module, f"{verb}_{fmt}")
    return func


def _check(fmt: str, allowed: frozenset[str] | dict[str, Any]) -> None:
    if fmt not in allowed:
        raise FormatError(f"unknown format {fmt!r}; choose one of {', '.join(sorted(allowed))}")


def read(path: str | os.PathLike[str], *, format: str | None = None) -> ArgumentMap:
    """Read a map, telling the format from the file's suffix and content.

    A suffix that names one format (``.aif.json``, ``.graphml``, ...) is
    trusted; a generic one (``.json``, ``.xml``, ``.txt``) or an unknown one
    leads to a look at the content.

    Raises :class:`~argmap.exceptions.FormatError` when the format cannot be
    told (the message lists what was tried) or the file does not follow it.
    """
    if format is None:
        found = _by_name(path)
        suffix = Path(path).suffix.lower()
        if found is not None and found[1] not in _SNIFFED and found[0] in READABLE:
            format = found[0]
        else:
            from argmap.readwrite._io import read_text

            text = read_text(path)
            format = sniff(text)
            if format is None:
                raise FormatError(
                    f"cannot tell the format of {os.fspath(path)!r}: the suffix {suffix or '(none)'!r} "
                    "and the content match no readable format; pass format= one of "
                    + ", ".join(sorted(READABLE))
                )
    _check(format, READABLE)
    return _function(format, "read")(path)  # type: ignore[no-any-return]


def write(m: ArgumentMap, path: str | os.PathLike[str], *, format: str | None = None) -> None:
    """Write a map, choosing the format by the file's suffix (``.json`` is argmap's own).

    Raises :class:`~argmap.exceptions.FormatError` when the suffix names no format.
    """
    if format is None:
        format = format_of_name(path)
        if format is None:
            raise FormatError(
                f"cannot tell which format to write for {os.fspath(path)!r}; use a suffix such as "
                + ", ".join(s[0] for s in FORMATS.values())
                + " or pass format="
            )
    _check(format, FORMATS)
    _function(format, "write")(m, path)


def convert(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    source_format: str | None = None,
    target_format: str | None = None,
) -> ArgumentMap:
    """Read ``source`` and write it to ``target``, each format told as :func:`read` and :func:`write` do.

    Returns the map read.
    """
    m = read(source, format=source_format)
    write(m, target, format=target_format)
    return m


def files_to_convert(folder: str | os.PathLike[str], source_format: str | None = None) -> list[Path]:
    """Return the files under ``folder`` that :func:`read` may read, sorted.

    Hidden files are skipped, and so are ``.txt`` files beside a ``.json`` of
    the same name (AIFdb's source texts) or not starting like a Kialo export.
    With ``source_format``, only files whose suffix fits that format are kept.
    """
    suffixes = tuple(FORMATS[source_format]) if source_format else None
    out: list[Path] = []
    for path in sorted(Path(folder).rglob("*")):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        name = path.name.lower()
        wanted = name.endswith(suffixes) if suffixes is not None else format_of_name(path) in READABLE
        if not wanted:
            continue
        side_text = name.endswith(".txt") and not name.endswith(".kialo.txt") and source_format != "kialo"
        if side_text and (path.with_suffix(".json").exists() or not _looks_like_kialo(path)):
            continue
        out.append(path)
    return out


def _looks_like_kialo(path: Path) -> bool:
    with path.open("rb") as fh:
        head = fh.read(64).decode("utf-8", "replace")
    return sniff(head) == "kialo"


def output_name(path: str | os.PathLike[str], target_format: str) -> str:
    """Return the file name :func:`convert` gives ``path`` in ``target_format``.

    >>> output_name("corpus/nodeset10.json", "graphml"), output_name("a.aif.json", "native")
    ('nodeset10.graphml', 'a.json')
    """
    _check(target_format, FORMATS)
    name = Path(path).name
    found = _by_name(name)
    stem = name[: -len(found[1])] if found else Path(name).stem
    return stem + FORMATS[target_format][0]
