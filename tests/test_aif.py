"""AIF: malformed scheme nodes kept aside, speakers as locutions, schemes by their AIF names."""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import maps

from argmap.exceptions import (
    ArgmapError,
    IncompleteRelationWarning,
    LossyConversionWarning,
    SelfLoopWarning,
    UnsupportedStructureWarning,
)
from argmap.model import ArgumentMap
from argmap.readwrite.aif import aif_data, aif_map


def _doc(nodes: list[tuple[str, str, str]], edges: list[tuple[str, str]], **top: Any) -> dict[str, Any]:
    return {
        "nodes": [{"nodeID": n, "type": t, "text": x} for n, t, x in nodes],
        "edges": [{"edgeID": f"e{i}", "fromID": u, "toID": v} for i, (u, v) in enumerate(edges)],
        "locutions": [],
        **top,
    }


CLAIMS = [("1", "I", "A."), ("2", "I", "B."), ("3", "I", "C.")]


@pytest.mark.parametrize(
    ("nodes", "edges", "warning", "named"),
    [
        ([("9", "RA", "Default Inference")], [("1", "9"), ("9", "1")], SelfLoopWarning, "RA 9"),
        ([("9", "MA", "Default Rephrase")], [("2", "9"), ("9", "2")], SelfLoopWarning, "MA 9"),
        ([("9", "RA", "Default Inference")], [("9", "1")], IncompleteRelationWarning, "RA 9 (no premise)"),
        (
            [("9", "CA", "Default Conflict"), ("8", "CA", "Default Conflict")],
            [("1", "9"), ("9", "2"), ("3", "8"), ("8", "9")],
            UnsupportedStructureWarning,
            "CA 8 (targets CA 9)",
        ),
    ],
)
def test_a_malformed_scheme_node_is_kept_aside_and_the_rest_loads(
    nodes: list[tuple[str, str, str]], edges: list[tuple[str, str]], warning: type[Warning], named: str
) -> None:
    doc = _doc(CLAIMS + nodes, edges)
    with pytest.warns(warning, match=named.replace("(", ".").replace(")", ".")):
        m = aif_map(doc)
    assert set(m.claims()) == {"1", "2", "3"}
    back = aif_data(m)
    assert sorted(n["nodeID"] for n in back["nodes"]) == sorted(n["nodeID"] for n in doc["nodes"])
    assert sorted(e["edgeID"] for e in back["edges"]) == sorted(e["edgeID"] for e in doc["edges"])


def test_speakers_become_locutions_and_read_back() -> None:
    m = ArgumentMap()
    a = m.claim("It rains.", speaker="Ann Lee")
    m.support(m.claim("Stay in.", speaker="Bob"), a)
    doc = aif_data(m)
    said = {n["text"] for n in doc["nodes"] if n["type"] == "L"}
    assert said == {"Ann Lee: It rains.", "Bob: Stay in."}
    assert {n["type"] for n in doc["nodes"]} == {"I", "RA", "L", "YA"}
    assert {p["firstname"] for p in doc["participants"]} == {"Ann Lee", "Bob"}
    assert all("speaker" not in n.get("argmap", {}) for n in doc["nodes"])
    assert aif_map(json.loads(json.dumps(doc))) == m


def test_ova_style_locutions_give_a_speaker() -> None:
    doc = _doc(
        [*CLAIMS, ("10", "L", "Jo Bloggs: A."), ("11", "YA", "Asserting")],
        [("10", "11"), ("11", "1")],
        participants=[{"participantID": 7, "firstname": "Jo", "surname": "Bloggs"}],
    )
    assert aif_map(doc)["1"]["speaker"] == "Jo Bloggs"
    doc["locutions"] = [{"nodeID": "10", "personID": 7}]
    doc["nodes"][3]["text"] = "something else"
    assert aif_map(doc)["1"]["speaker"] == "Jo Bloggs"
    alone = _doc(
        [*CLAIMS, ("10", "L", "Jo Bloggs: A."), ("11", "YA", "Asserting")], [("10", "11"), ("11", "1")]
    )
    assert aif_map(alone)["1"]["speaker"] == "Jo Bloggs"
    alone["nodes"][3]["text"] = "Jo Bloggs: not A."
    assert aif_map(alone)["1"]["speaker"] is None


def test_catalogue_schemes_are_written_by_their_aif_names() -> None:
    m = ArgumentMap()
    m.support(m.claim("C."), m.claim("P."), scheme="expert_opinion")
    m.support("c", m.claim("Q."), scheme="my own")
    texts = [n["text"] for n in aif_data(m)["nodes"] if n["type"] == "RA"]
    assert texts == ["Expert Opinion", "my own"]
    assert aif_map(aif_data(m)) == m


@given(m=maps(speakers=True))
def test_generated_maps_round_trip(m: ArgumentMap) -> None:
    assert aif_map(json.loads(json.dumps(aif_data(m)))) == m


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@given(participants=JSON, locutions=JSON, l_text=JSON)
def test_any_dialogue_layer_reads_and_writes_with_speakers(
    participants: Any, locutions: Any, l_text: Any
) -> None:
    doc = _doc([*CLAIMS, ("10", "L", "x"), ("11", "YA", "Asserting")], [("10", "11"), ("11", "1")])
    doc["nodes"][3]["text"] = l_text
    doc.update(participants=participants, locutions=locutions)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            m = aif_map(doc)
        except ArgmapError:
            return
        m["2"]["speaker"] = "Ann"
        back = aif_map(json.loads(json.dumps(aif_data(m))))
    assert back["2"]["speaker"] == "Ann"


def test_participants_of_the_wrong_shape_are_named_when_speakers_are_written() -> None:
    m = aif_map(_doc(CLAIMS, [], participants=5))
    m["1"]["speaker"] = "Ann"
    with pytest.warns(LossyConversionWarning, match="participants"):
        doc = aif_data(m)
    assert [p["firstname"] for p in doc["participants"]] == ["Ann"]
