"""OVA: the analyst's text read in one linear pass, claims of several passages, text objects, layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import maps

import argmap
from argmap.exceptions import LossyConversionWarning
from argmap.model import ArgumentMap
from argmap.readwrite.ova import ova_data, ova_map
from argmap.render import backend
from argmap.render.layout import layout_positions

AIF = {
    "nodes": [{"nodeID": "1", "text": "Taxes fund schools and teach.", "type": "I"}],
    "edges": [],
    "locutions": [],
}
HTML = 'Taxes <span id="node1">fund schools</span>, roads <span id="node1">and teach</span>.'


@pytest.mark.parametrize("text", [HTML, {"txt": HTML, "id": 7}])
def test_a_proposition_of_several_spans_rests_on_each_passage(text: object) -> None:
    m = ova_map({"AIF": AIF, "text": text})
    assert m.source == "Taxes fund schools, roads and teach."
    assert m["1"]["passages"] == ((6, 18), (26, 35))
    assert m["1"]["span"] == (6, 35)
    assert m.quote_text("1") == m["1"]["quote"] == "fund schools … and teach"
    doc = ova_data(m)
    assert doc["text"] == text
    assert ova_map(json.loads(json.dumps(doc))) == m


def test_written_passages_are_each_marked() -> None:
    m = ArgumentMap(source="Taxes fund schools, roads and teach.")
    m.claim("T", id="t", passages=[(6, 18), (26, 35)], quote="fund schools … and teach")
    text = ova_data(m)["text"]
    assert text.count('id="nodet"') == 2
    assert ova_map(ova_data(m)) == m


@pytest.mark.parametrize(
    ("html", "plain"),
    [
        ("<![ x", "<![ x"),
        ("<!--" * 1000, ""),
        ("a <b c", "a <b c"),
        ("a<!-- x -->b<br/>c &lt;&amp; <?pi?>d</p>", "ab\nc <& d"),
        ("<span id='node9' class=x>q</span>", "q"),
        ("x<" * 500, "x<" * 500),
    ],
)
def test_odd_html_is_read_as_text(html: str, plain: str) -> None:
    m = ova_map({"AIF": {"nodes": [], "edges": [], "locutions": []}, "text": html})
    assert m.source == plain


@given(st.text(alphabet="<>!-[]/ax=\"' &;\n", max_size=60))
def test_any_html_is_read(html: str) -> None:
    ova_map({"AIF": {"nodes": [], "edges": [], "locutions": []}, "text": html})


def test_positions_place_the_nodes_and_a_bad_layout_is_named() -> None:
    m = ArgumentMap()
    m.support(m.claim("C", id="c"), m.claim("P", id="p"), id="s")
    placed = {n["nodeID"]: (n["x"], n["y"]) for n in ova_data(m)["OVA"]["nodes"]}
    assert placed["c"][1] < placed["s"][1] < placed["p"][1]
    doc = ova_data(m, {"c": (10.4, 20.6), "p": (30, 40), "s": (50, 60)})
    assert {n["nodeID"]: (n["x"], n["y"]) for n in doc["OVA"]["nodes"]} == {
        "c": (10, 21),
        "p": (30, 40),
        "s": (50, 60),
    }
    m.meta["ova"] = {"OVA": 7, "text": 3}
    with pytest.warns(LossyConversionWarning, match="OVA, text"):
        ova_data(m)


def test_participant_locutions_give_speakers() -> None:
    doc = {
        "AIF": {
            "nodes": [
                {"nodeID": "1", "text": "It rains.", "type": "I"},
                {"nodeID": "2", "text": "Ann Lee: It rains.", "type": "L"},
                {"nodeID": "3", "text": "Asserting", "type": "YA"},
            ],
            "edges": [
                {"edgeID": "a", "fromID": "2", "toID": "3"},
                {"edgeID": "b", "fromID": "3", "toID": "1"},
            ],
            "locutions": [{"nodeID": "2", "personID": 1}],
            "participants": [{"participantID": 1, "firstname": "Ann", "surname": "Lee"}],
        }
    }
    assert ova_map(doc)["1"]["speaker"] == "Ann Lee"


@given(m=maps())
def test_generated_maps_round_trip(m: ArgumentMap) -> None:
    assert ova_map(json.loads(json.dumps(ova_data(m)))) == m


@pytest.mark.exe
def test_argmap_write_places_ova_nodes_as_graphviz_lays_them_out(tmp_path: Path) -> None:
    m = ArgumentMap()
    s = m.support(m.claim("C", id="c"), [m.claim("P", id="p"), m.claim("Q", id="q")])
    m.attack(s, m.claim("U", id="u"))
    where = layout_positions(m)
    assert set(where) == set(m)
    assert where["c"][1] < where[s][1] < where["p"][1]
    argmap.write(m, tmp_path / "m.ova.json")
    doc = json.loads((tmp_path / "m.ova.json").read_text())
    placed = {n["nodeID"]: (n["x"], n["y"]) for n in doc["OVA"]["nodes"]}
    assert placed == {n: (round(x), round(y)) for n, (x, y) in where.items()}
    assert argmap.read(tmp_path / "m.ova.json") == m


def test_without_graphviz_argmap_write_lays_ova_nodes_out_in_layers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(backend, "_beside_python", lambda name: None)
    m = ArgumentMap()
    m.support(m.claim("C", id="c"), m.claim("P", id="p"), id="s")
    argmap.write(m, tmp_path / "m.ova.json")
    doc = json.loads((tmp_path / "m.ova.json").read_text())
    assert doc["OVA"] == ova_data(m)["OVA"] and "argmap" not in doc["OVA"]
    assert argmap.read(tmp_path / "m.ova.json") == m


def test_speakers_written_as_locutions_are_placed_beside_their_claims() -> None:
    m = ArgumentMap()
    m.support(m.claim("Stay in.", id="c", speaker="Bob"), m.claim("It rains.", id="p", speaker="Ann"))
    doc = ova_data(m)
    placed = {n["nodeID"]: (n["x"], n["y"]) for n in doc["OVA"]["nodes"]}
    said = {n["nodeID"] for n in doc["AIF"]["nodes"] if n["type"] in ("L", "YA")}
    assert said and said <= set(placed)
    assert {placed[n][1] for n in said if n.startswith("c")} == {placed["c"][1]}
    assert ova_map(json.loads(json.dumps(doc))) == m
    read = ova_map({**doc, "OVA": {**doc["OVA"], "url": "x"}})
    assert ova_map(ova_data(read)) == read
