"""The one table of the file formats argmap knows: names, suffixes, what each holds, who reads and writes it.

The table is plain data at the bottom of the package, so that every layer may
consult it; the readers and writers are named by dotted paths and imported
only by :func:`argmap.files.read` and :func:`argmap.files.write` when first
used.

========== ================================== ========= =====
format     file names                         holds     reads
========== ================================== ========= =====
native     ``.json``, ``.argmap.json``        map       yes
aif        ``.aif.json``, ``.aif``            map       yes
ova        ``.ova.json``, ``.ova``            map       yes
sadface    ``.sadface.json``                  map       yes
nodelink   ``.nodelink.json``                 map       yes
microtexts ``.xml``, ``.arggraph.xml``        map       yes
graphml    ``.graphml``                       map       yes
kialo      ``.txt``, ``.kialo.txt``           map       yes
argdown    ``.argdown``, ``.ad``              map       yes
brat       ``.ann`` (and its ``.txt``)        map       yes
mermaid    ``.mmd``, ``.mermaid``             map       no
dot        ``.dot``, ``.gv``                  drawing   no
svg        ``.svg``                           drawing   no
png        ``.png``                           drawing   no
pdf        ``.pdf``                           drawing   no
apx        ``.apx``                           af        yes
tgf        ``.tgf``                           af        yes
i23        ``.i23``, ``.af``                  af        yes
========== ================================== ========= =====

A *map* format holds an :class:`~argmap.model.ArgumentMap`, a *drawing* is
what :mod:`argmap.render` makes of one, and an *af* format holds an abstract
argumentation framework (:class:`~argmap.analysis.semantics.AF`).

Examples
--------
>>> format_of_name("debate.aif.json"), format_of_name("map.json"), format_of_name("x.gv")
('aif', 'native', 'dot')
>>> format_of_name("x.png", holds="map") is None
True
>>> FORMATS["argdown"].suffixes
('.argdown', '.ad')
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal

__all__ = ["FORMATS", "GENERIC_SUFFIXES", "Format", "Holds", "format_of_name", "match_suffix"]

Holds = Literal["map", "drawing", "af"]
"""What a format holds: an argument map, a drawing or an abstract framework."""


@dataclass(frozen=True)
class Format:
    """One file format.

    Attributes
    ----------
    name : str
        The format's name, as ``format=`` takes it.
    suffixes : tuple of str
        File-name suffixes; the first is the one written by default.
    holds : {"map", "drawing", "af"}
        What a file of the format holds.
    reader, writer : str or None
        ``"module:function"`` of the reader and the writer, or None. A
        drawing's writer takes the format as ``format=``.
    """

    name: str
    suffixes: tuple[str, ...]
    holds: Holds
    reader: str | None
    writer: str | None


def _map(name: str, *suffixes: str, reads: bool = True) -> Format:
    module = f"argmap.readwrite.{name}"
    return Format(name, suffixes, "map", f"{module}:read_{name}" if reads else None, f"{module}:write_{name}")


def _drawing(name: str, *suffixes: str) -> Format:
    return Format(name, suffixes, "drawing", None, "argmap.render:render")


def _af(name: str, *suffixes: str) -> Format:
    module = "argmap.analysis.iccma"
    return Format(name, suffixes, "af", f"{module}:read_{name}", f"{module}:write_{name}")


FORMATS: Final[Mapping[str, Format]] = MappingProxyType(
    {
        f.name: f
        for f in (
            _map("native", ".json", ".argmap.json"),
            _map("aif", ".aif.json", ".aif"),
            _map("ova", ".ova.json", ".ova"),
            _map("sadface", ".sadface.json"),
            _map("nodelink", ".nodelink.json", ".node-link.json"),
            _map("microtexts", ".xml", ".arggraph.xml"),
            _map("graphml", ".graphml"),
            _map("kialo", ".txt", ".kialo.txt"),
            _map("argdown", ".argdown", ".ad"),
            _map("brat", ".ann"),
            _map("mermaid", ".mmd", ".mermaid", reads=False),
            _drawing("dot", ".dot", ".gv"),
            _drawing("svg", ".svg"),
            _drawing("png", ".png"),
            _drawing("pdf", ".pdf"),
            _af("apx", ".apx"),
            _af("tgf", ".tgf"),
            _af("i23", ".i23", ".af"),
        )
    }
)
"""Every format by name."""

GENERIC_SUFFIXES: Final = frozenset({".json", ".xml", ".txt"})
"""Suffixes several formats share: a reader looks at the content of such a file."""


def match_suffix(path: str | os.PathLike[str], holds: Holds | None = None) -> tuple[Format, str] | None:
    """Return the format whose longest suffix ends the file name, with that suffix, or None.

    >>> f, suffix = match_suffix("nodeset1.aif.json")
    >>> f.name, suffix
    ('aif', '.aif.json')
    """
    name = Path(path).name.lower()
    best: tuple[Format, str] | None = None
    for f in FORMATS.values():
        if holds is not None and f.holds != holds:
            continue
        for suffix in f.suffixes:
            if (
                name.endswith(suffix)
                and len(name) > len(suffix)
                and (best is None or len(suffix) > len(best[1]))
            ):
                best = (f, suffix)
    return best


def format_of_name(path: str | os.PathLike[str], *, holds: Holds | None = None) -> str | None:
    """Return the name of the format a file name's suffixes name, or None."""
    found = match_suffix(path, holds)
    return None if found is None else found[0].name
