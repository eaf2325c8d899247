"""SADFace: malformed schemes kept aside, fields of earlier versions kept, edge order kept."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given
from strategies import maps

from argmap.exceptions import LossyConversionWarning, MalformedPartWarning
from argmap.model import ArgumentMap
from argmap.readwrite.sadface import sadface_data, sadface_map


def _doc(nodes: list[dict[str, Any]], edges: list[tuple[str, str]], **top: Any) -> dict[str, Any]:
    return {
        "nodes": nodes,
        "edges": [{"id": f"e{i}", "source_id": u, "target_id": v} for i, (u, v) in enumerate(edges)],
        **top,
    }


ATOMS = [{"id": x, "type": "atom", "text": x.upper()} for x in ("a", "b", "c")]


@pytest.mark.parametrize(
    ("schemes", "edges", "named"),
    [
        ([{"id": "s", "type": "scheme", "name": "support"}], [("s", "a")], "s (no premise)"),
        ([{"id": "s", "type": "scheme", "name": "support"}], [("a", "s"), ("s", "a")], "s (claim 'a'"),
        (
            [
                {"id": "s", "type": "scheme", "name": "support"},
                {"id": "x", "type": "scheme", "name": "conflict"},
                {"id": "y", "type": "scheme", "name": "conflict"},
            ],
            [("a", "s"), ("s", "b"), ("c", "x"), ("x", "b"), ("c", "y"), ("y", "x")],
            "y (",
        ),
    ],
)
def test_a_malformed_scheme_is_kept_aside_and_the_rest_loads(
    schemes: list[dict[str, Any]], edges: list[tuple[str, str]], named: str
) -> None:
    doc = _doc(ATOMS + schemes, edges)
    with pytest.warns(MalformedPartWarning, match=re.escape(named)):
        m = sadface_map(doc)
    assert set(m.claims()) == {"a", "b", "c"}
    back = sadface_data(m)
    assert sorted(n["id"] for n in back["nodes"]) == sorted(n["id"] for n in doc["nodes"])
    assert [(e["source_id"], e["target_id"]) for e in back["edges"]] == edges


def test_fields_of_earlier_versions_and_edge_order_are_kept() -> None:
    doc = _doc(
        [*ATOMS, {"id": "s", "type": "scheme", "name": "support", "extra": 1}],
        [("s", "a"), ("b", "s")],
        analyst_name="A User",
        created="2017-01-01",
        id="x-1",
    )
    doc["nodes"][0]["created"] = "2017-01-02"
    back = sadface_data(sadface_map(doc))
    assert back["analyst_name"] == "A User" and back["created"] == "2017-01-01" and back["id"] == "x-1"
    assert back["nodes"][0]["created"] == "2017-01-02"
    assert next(n for n in back["nodes"] if n["id"] == "s")["extra"] == 1
    assert [e["id"] for e in back["edges"]] == ["e0", "e1"]


def test_a_layer_of_the_wrong_shape_is_named_not_a_crash() -> None:
    m = ArgumentMap()
    m.support(m.claim("A"), m.claim("B"))
    m.meta["sadface"] = {"edge_order": 5, "metadata": {"core": 3}}
    with pytest.warns(LossyConversionWarning, match="edge_order, metadata"):
        doc = sadface_data(m)
    assert sadface_map(doc) == ArgumentMap.from_records(*_records(m))


def _records(m: ArgumentMap) -> tuple[Any, ...]:
    r = m.to_records()
    r.graph["meta"] = {}
    return r.graph, r.nodes, r.edges


@given(m=maps())
def test_generated_maps_round_trip(m: ArgumentMap) -> None:
    assert sadface_map(json.loads(json.dumps(sadface_data(m)))) == m
