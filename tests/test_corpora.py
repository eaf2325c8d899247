"""The shared real corpora: every file loads, its structure matches the source, nothing is dropped silently.

Counts per corpus (files, and the node and edge types) are checked against the
raw files; the arg-microtexts XML and their AIFdb twins must give the same
structure; AIF -> argmap -> AIF keeps every node, edge, scheme and locution.
"""

from __future__ import annotations

import json
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.exceptions import InputWarning
from argmap.model import ArgumentMap
from argmap.readwrite.aif import aif_data, aif_map, read_aif
from argmap.readwrite.microtexts import read_microtexts
from argmap.readwrite.sadface import read_sadface

AIF_CORPORA = {
    "aifdb-araucaria/en": 662,
    "arg-microtexts-aif/en": 110,
    "aifdb-moralmaze-6064": 2,
}
XML_CORPORA = {"arg-microtexts/corpus/en": 112, "arg-microtexts/corpus/de": 112}


def _files(root: Path, pattern: str) -> list[Path]:
    return sorted(p for p in root.rglob(pattern) if p.name != "aif2arggraph.json")


def _load_quietly(reader: Any, path: Path) -> tuple[ArgumentMap, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = reader(path)
    return m, list(caught)


def _canon(items: list[Any]) -> list[str]:
    return sorted(json.dumps(x, sort_keys=True) for x in items)


@pytest.mark.parametrize("folder", sorted(AIF_CORPORA))
def test_every_aif_file_loads_with_its_structure_and_round_trips(corpora: Path, folder: str) -> None:
    root = corpora / folder
    files = _files(root, "*.json")
    assert len(files) == AIF_CORPORA[folder]
    for path in files:
        raw = json.loads(path.read_text(encoding="utf-8"))
        m, caught = _load_quietly(read_aif, path)
        m.validate()
        assert all(issubclass(w.category, InputWarning) for w in caught), path
        layer = m.meta.get("aif", {})
        aside = Counter(n["type"] for n in layer.get("nodes", []))
        types = Counter(n["type"] for n in raw["nodes"])
        kinds = Counter(d["kind"] for _, d in m.graph.nodes(data=True))
        assert types["I"] == kinds["claim"] + aside["I"], path
        assert types["RA"] == kinds["inference"] + aside["RA"], path
        assert types["CA"] == kinds["conflict"] + aside["CA"], path
        assert types["MA"] == kinds["rephrase"] + aside["MA"], path
        assert sum(types.values()) == len(m) + sum(aside.values()), path
        if aside["RA"] + aside["CA"] + aside["MA"] + aside["I"]:
            assert caught, f"{path}: parts kept aside without a warning"
        out = aif_data(m)
        for key in ("nodes", "edges", "locutions"):
            assert _canon(out[key]) == _canon(raw.get(key, [])), f"{path}: {key}"
        schemes = {n["nodeID"]: n.get("scheme") for n in raw["nodes"] if "scheme" in n}
        assert {n["nodeID"]: n.get("scheme") for n in out["nodes"] if "scheme" in n} == schemes


def _arggraph_counts(path: Path) -> Counter[str]:
    root = ET.parse(path).getroot()
    counts = Counter(e.get("type") for e in root.iter("edge"))
    counts["adu"] = len(root.findall("adu"))
    edges = {e.get("id"): e.get("type") for e in root.iter("edge")}
    counts["und-on-attack"] = sum(
        1 for e in root.iter("edge") if e.get("type") == "und" and edges.get(e.get("trg")) in ("reb", "und")
    )
    return counts


@pytest.mark.parametrize("folder", sorted(XML_CORPORA))
def test_every_arggraph_file_loads_with_its_structure(corpora: Path, folder: str) -> None:
    root = corpora / folder
    files = _files(root, "*.xml")
    assert len(files) == XML_CORPORA[folder]
    for path in files:
        m, caught = _load_quietly(read_microtexts, path)
        m.validate()
        counts = _arggraph_counts(path)
        kinds = Counter(d["kind"] for _, d in m.graph.nodes(data=True))
        assert kinds["claim"] == counts["adu"]
        assert kinds["inference"] == counts["sup"] + counts["exa"]
        assert kinds["conflict"] == counts["reb"] + counts["und"] - counts["und-on-attack"]
        premises = sum(len(m.premises(r)) for r in m.relations())
        aside = m.meta["microtexts"].get("aside", [])
        assert premises + len(aside) == sum(counts[t] for t in ("sup", "exa", "reb", "und", "add"))
        assert bool(aside) == bool(caught), path
        text = path.with_suffix(".txt")
        if text.exists():
            assert m.source == text.read_text(encoding="utf-8").strip()
        central = m.meta["microtexts"]["central_claim"]
        assert isinstance(central, str) and not m.graph.out_degree(central)


def _shape(m: ArgumentMap) -> tuple[list[str], int, int]:
    """The structure with claims named by their position: what must agree between twins."""
    index = {c: i for i, c in enumerate(m.claims())}

    def name(n: str) -> Any:
        if m.kind(n) == "claim":
            return index[n]
        scheme = m[n].get("scheme") or m[n].get("attack_type")
        return (m.kind(n), scheme, sorted(name(p) for p in m.premises(n)), name(m.conclusion(n)))

    aside = len(m.meta.get("aif", {}).get("nodes", []))
    aside += sum(1 for e in m.meta.get("microtexts", {}).get("aside", []) if e["type"] == "und")
    return sorted(repr(name(r)) for r in m.relations()), len(index), aside


def test_microtexts_xml_and_aif_twins_have_the_same_structure(corpora: Path) -> None:
    mapping = json.loads((corpora / "arg-microtexts-aif/aif2arggraph.json").read_text(encoding="utf-8"))
    twins = {k: v for k, v in mapping.items() if k.startswith("nodeset")}
    assert len(twins) == 110
    for nodeset, micro in twins.items():
        a, _ = _load_quietly(read_aif, corpora / "arg-microtexts-aif/en" / f"{nodeset}.json")
        x, _ = _load_quietly(read_microtexts, corpora / "arg-microtexts/corpus/en" / f"{micro}.xml")
        assert _shape(a) == _shape(x), (nodeset, micro)


def test_moral_maze_keeps_the_dialogue_and_gives_speakers(corpora: Path) -> None:
    m, caught = _load_quietly(read_aif, corpora / "aifdb-moralmaze-6064/6064-original.json")
    layer = m.meta["aif"]
    assert Counter(n["type"] for n in layer["nodes"]) == Counter({"L": 16, "YA": 14, "TA": 8})
    assert len(layer["locutions"]) == 13 and not caught
    assert {m[c]["speaker"] for c in m.claims()} == {"CL", "NL"}
    rebuilt, caught = _load_quietly(read_aif, corpora / "aifdb-moralmaze-6064/6064-reconstructed.json")
    assert (len(list(rebuilt.claims())), len(list(rebuilt.inferences())), len(list(rebuilt.rephrases()))) == (
        9,
        5,
        3,
    )
    assert [w.category.__name__ for w in caught] == ["DanglingReferenceWarning"]
    assert len(rebuilt.meta["aif"]["unknown_ids"]) == 9 and len(rebuilt.meta["aif"]["locutions"]) == 13


def test_sadface_examples(corpora: Path) -> None:
    hang = read_sadface(corpora / "sadface-examples/hangback.json")
    assert hang.title == "Hangback Example"
    assert (len(list(hang.claims())), len(list(hang.inferences())), len(list(hang.conflicts()))) == (4, 1, 1)
    assert hang.meta["sadface"]["metadata"]["core"]["analyst_name"] == "Simon Wells"
    empty = argmap.read(corpora / "sadface-examples/minimal.json")
    assert len(empty) == 0 and empty.meta["sadface"]["metadata"]["core"]["id"]


def test_detect_reads_every_corpus_file_and_writing_is_deterministic(corpora: Path, tmp_path: Path) -> None:
    paths = [
        p for folder in AIF_CORPORA if (corpora / folder).is_dir() for p in _files(corpora / folder, "*.json")
    ]
    paths += [
        p for folder in XML_CORPORA if (corpora / folder).is_dir() for p in _files(corpora / folder, "*.xml")
    ]
    paths += _files(corpora / "sadface-examples", "*.json")
    loaded = 0
    for path in paths:
        m, _ = _load_quietly(argmap.read, path)
        loaded += 1
        if loaded % 50 == 0:
            first, second = tmp_path / "a.aif.json", tmp_path / "b.aif.json"
            argmap.write(m, first)
            again, _ = _load_quietly(argmap.read, first)
            argmap.write(again, second)
            assert first.read_bytes() == second.read_bytes()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", InputWarning)
                assert aif_map(json.loads(first.read_text(encoding="utf-8"))) == again
    assert loaded == len(paths) >= 662 + 110 + 2 + 224 + 2
