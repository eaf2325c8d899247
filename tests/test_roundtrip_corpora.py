"""Every format's round trip on the real corpora: read a corpus file, write format X, read it back.

A lossless format must give back an equal map (:meth:`ArgumentMap.__eq__`: every
attribute, the meta data and the source included) unless its writer warned with
:class:`LossyConversionWarning`. Kialo, ArgGraph XML and BRAT hold only the
argument structure (BRAT and ArgGraph with the text), so for them the claims'
texts and the relations between them must come back (Kialo does not tell a
rebut from an undermine), unless the writer warned; they warn of the
attributes they drop on almost every file.

``KNOWN`` lists the corpus files that do not round-trip today, by format; the
test fails when a new file joins them and when one of them is fixed (then remove
it from the list).
"""

from __future__ import annotations

import functools
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import files, readwrite
from argmap.exceptions import ArgmapError, LossyConversionWarning
from argmap.formats import FORMATS
from argmap.model import CLAIM, CONFLICT, KIND, ArgumentMap

LOSSLESS = ["native", "aif", "ova", "sadface", "nodelink", "graphml", "argdown"]
STRUCTURE_ONLY = ["kialo", "microtexts", "brat"]
SOURCES: list[tuple[str, str, Callable[[Any], ArgumentMap]]] = [
    ("aifdb-araucaria/en", "*.json", readwrite.read_aif),
    ("arg-microtexts-aif/en", "nodeset*.json", readwrite.read_aif),
    ("aifdb-moralmaze-6064", "*.json", readwrite.read_aif),
    ("arg-microtexts/corpus", "*.xml", readwrite.read_microtexts),
    ("sadface-examples", "*.json", readwrite.read_sadface),
    ("argdown", "*.argdown", readwrite.read_argdown),
]
KNOWN: dict[str, dict[str, str]] = {}


@functools.cache
def corpus_maps(root: Path) -> tuple[tuple[str, ArgumentMap], ...]:
    """Every readable corpus file as (path relative to the corpora, map)."""
    out: list[tuple[str, ArgumentMap]] = []
    for folder, pattern, reader in SOURCES:
        for path in sorted((root / folder).rglob(pattern)):
            if "expected" in path.relative_to(root).parts:
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    m = reader(path)
                except ArgmapError:  # the Argdown conformance corpus holds files that must not parse
                    continue
            out.append((str(path.relative_to(root)), m))
    return tuple(out)


def structure(m: ArgumentMap, attack_types: bool = True) -> Counter[Any]:
    """The claims' texts and each relation as (kind, attack type, premises, target), ids left out."""
    g = m.graph

    def label(n: str) -> Any:
        d = g.nodes[n]
        if d[KIND] == CLAIM:
            return (CLAIM, " ".join(d["text"].split()))
        kind_type = d.get("attack_type") if attack_types and d[KIND] == CONFLICT else None
        return (d[KIND], kind_type, tuple(sorted(map(label, m.premises(n)))), label(m.conclusion(n)))

    return Counter(label(n) for n in g)


def round_trip(m: ArgumentMap, fmt: str, path: Path) -> tuple[ArgumentMap | None, bool]:
    """Write ``m`` to ``path`` in ``fmt`` and read it back; also say whether the writer warned of a loss."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        argmap.write(m, path, format=fmt)
        back = argmap.read(path, format=fmt)
    lossy = any(issubclass(w.category, LossyConversionWarning) for w in caught)
    return back, lossy


@pytest.mark.slow
@pytest.mark.parametrize("fmt", LOSSLESS + STRUCTURE_ONLY)
def test_corpus_round_trip(corpora: Path, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # OVA's Graphviz positions cost an engine run per map and carry nothing read back: tests/test_ova.py
    monkeypatch.setattr(files, "_positions", lambda m: None)
    maps = corpus_maps(corpora)
    assert len(maps) > 1000
    target = tmp_path / f"map{FORMATS[fmt].suffixes[0]}"
    failures: dict[str, str] = {}
    checked = 0
    for name, m in maps:
        try:
            back, lossy = round_trip(m, fmt, target)
        except ArgmapError as exc:
            failures[name] = f"cannot read back: {exc}"
            continue
        if fmt in LOSSLESS:
            same = back == m
        else:  # these writers always warn of attributes they drop: the structure must still come back
            same = structure(back, fmt != "kialo") == structure(m, fmt != "kialo")
        if same:
            checked += 1
        elif not lossy:
            failures[name] = "differs"
    assert checked >= (0.9 if fmt in LOSSLESS else 0.15) * len(maps)
    unexpected = {k: v for k, v in failures.items() if k not in KNOWN.get(fmt, {})}
    assert not unexpected, f"{len(unexpected)} files: {sorted(unexpected.items())[:5]}"
    assert set(failures) == set(KNOWN.get(fmt, {})), "a known failure is fixed: remove it from KNOWN"
