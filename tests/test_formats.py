"""Interchange formats: module shape, round trips, determinism, errors and warnings."""

from __future__ import annotations

import importlib
import io
import json
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import kialo_maps, maps, microtext_maps

from argmap.exceptions import (
    AIFFormatError,
    DanglingReferenceWarning,
    FormatError,
    IncompleteRelationWarning,
    LossyConversionWarning,
    MalformedPartWarning,
    ParseError,
    SelfLoopWarning,
    SideFileEncodingWarning,
    UnsupportedStructureWarning,
)
from argmap.model import ArgumentMap
from argmap.readwrite import aif, graphml, kialo, microtexts, nodelink, ova, sadface
from argmap.readwrite.aif import aif_data, aif_map, read_aif, write_aif
from argmap.readwrite.mermaid import generate_mermaid, write_mermaid

JSON_FORMATS = ["aif", "ova", "sadface", "nodelink"]
TEXT_FORMATS = ["microtexts", "kialo", "graphml"]
OUTPUT_FORMATS = ["mermaid"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", JSON_FORMATS + TEXT_FORMATS + OUTPUT_FORMATS)
def test_each_format_module_exports_exactly_its_names(name: str) -> None:
    module = importlib.import_module(f"argmap.readwrite.{name}")
    if name in JSON_FORMATS:
        expected = {f"{name}_data", f"{name}_map", f"read_{name}", f"write_{name}"}
    elif name in TEXT_FORMATS:
        expected = {f"parse_{name}", f"generate_{name}", f"read_{name}", f"write_{name}"}
    else:
        expected = {f"generate_{name}", f"write_{name}"}
    assert set(module.__all__) == expected
    assert all(callable(getattr(module, n)) for n in expected)


def _through_json(data: dict[str, Any]) -> Any:
    return json.loads(json.dumps(data))


ROUND_TRIPS: dict[str, Callable[[ArgumentMap], ArgumentMap]] = {
    "aif": lambda m: aif_map(_through_json(aif_data(m))),
    "ova": lambda m: ova.ova_map(_through_json(ova.ova_data(m))),
    "sadface": lambda m: sadface.sadface_map(_through_json(sadface.sadface_data(m))),
    "nodelink": lambda m: nodelink.nodelink_map(_through_json(nodelink.nodelink_data(m))),
    "graphml": lambda m: graphml.parse_graphml("".join(graphml.generate_graphml(m))),
}


@pytest.mark.parametrize("name", sorted(ROUND_TRIPS))
@SETTINGS
@given(m=maps())
def test_lossless_formats_read_back_an_equal_map(name: str, m: ArgumentMap) -> None:
    back = ROUND_TRIPS[name](m)
    back.validate()
    assert back == m


@SETTINGS
@given(m=microtext_maps())
def test_microtexts_reads_back_an_equal_map(m: ArgumentMap) -> None:
    assert microtexts.parse_microtexts("".join(microtexts.generate_microtexts(m))) == m


@SETTINGS
@given(m=kialo_maps())
def test_kialo_reads_back_an_equal_map(m: ArgumentMap) -> None:
    assert kialo.parse_kialo("".join(kialo.generate_kialo(m))) == m


WRITERS = {
    "aif": aif.write_aif,
    "ova": ova.write_ova,
    "sadface": sadface.write_sadface,
    "nodelink": nodelink.write_nodelink,
    "graphml": graphml.write_graphml,
    "mermaid": write_mermaid,
}


@pytest.mark.parametrize("name", sorted(WRITERS))
@settings(max_examples=20, deadline=None)
@given(m=maps())
def test_output_is_byte_identical_for_the_same_map(name: str, m: ArgumentMap) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    WRITERS[name](m, first)
    WRITERS[name](m.copy(), second)
    assert first.getvalue() == second.getvalue()


# -- AIF -------------------------------------------------------------------------------------------


def _aif(nodes: list[tuple[str, str, str]], edges: list[tuple[str, str]], **extra: Any) -> dict[str, Any]:
    return {
        "nodes": [{"nodeID": i, "text": t, "type": ty} for i, t, ty in nodes],
        "edges": [
            {"edgeID": f"e{k}", "fromID": u, "toID": v, "formEdgeID": None} for k, (u, v) in enumerate(edges)
        ],
        "locutions": [],
        **extra,
    }


BASE = [("1", "C", "I"), ("2", "P", "I"), ("3", "Default Inference", "RA")]
BASE_EDGES = [("2", "3"), ("3", "1")]


def _canon(items: list[Any]) -> list[str]:
    return sorted(json.dumps(x, sort_keys=True) for x in items)


def _same_aif(a: dict[str, Any], b: dict[str, Any]) -> None:
    for key in ("nodes", "edges", "locutions"):
        assert _canon(a[key]) == _canon(b[key])


def test_aif_maps_every_layer_and_keeps_the_dialogue() -> None:
    doc = _aif(
        [
            *BASE,
            ("4", "Q", "I"),
            ("5", "Default Conflict", "CA"),
            ("6", "Default Rephrase", "MA"),
            ("7", "Expert Opinion", "RA"),
            ("8", "Bob : P", "L"),
            ("9", "Asserting", "YA"),
            ("10", "Default Preference", "PA"),
        ],
        [
            *BASE_EDGES,
            ("4", "5"),
            ("5", "3"),
            ("2", "6"),
            ("6", "4"),
            ("4", "7"),
            ("7", "2"),
            ("8", "9"),
            ("9", "2"),
        ],
        participants=[{"participantID": 1, "firstname": "Bob", "surname": ""}],
    )
    doc["nodes"][1]["timestamp"] = "2020-01-01 10:00:00"
    doc["locutions"] = [{"nodeID": "8", "personID": "1"}]
    m = aif_map(doc)
    assert m["3"]["scheme"] is None and m["7"]["scheme"] == "Expert Opinion"
    assert m["5"]["attack_type"] == "undercut" and m.conclusion("5") == "3"
    assert m.kind("6") == "rephrase"
    assert m["2"]["speaker"] == "Bob" and m["2"]["meta"]["aif"] == {"timestamp": "2020-01-01 10:00:00"}
    assert {n["type"] for n in m.meta["aif"]["nodes"]} == {"L", "YA", "PA"}
    _same_aif(aif_data(m), doc)
    assert aif_data(m)["participants"] == doc["participants"]


def test_aif_scheme_fields_and_integer_ids_survive() -> None:
    doc = _aif([("1", "C", "I"), ("2", "P", "I"), ("3", "RA", "RA")], BASE_EDGES)
    doc["nodes"][2].update(scheme="Example", schemeID="12")
    for node in doc["nodes"]:
        node["nodeID"] = int(node["nodeID"])
    m = aif_map(doc)
    assert m["3"]["scheme"] == "Example"
    assert aif_data(m)["nodes"] == doc["nodes"]
    m["3"]["scheme"] = "Analogy"
    changed = aif_data(m)["nodes"][2]
    assert (changed["text"], "scheme" in changed) == ("Analogy", False)


def test_aif_edits_after_reading_are_written() -> None:
    doc = _aif(
        [*BASE, ("8", "Bob : P", "L"), ("9", "Asserting", "YA")], [*BASE_EDGES, ("8", "9"), ("9", "2")]
    )
    doc["locutions"] = [{"nodeID": "2", "personID": "1"}]
    m = aif_map(doc)
    m.remove("2")
    out = aif_data(m)
    assert {n["nodeID"] for n in out["nodes"]} == {"1", "8", "9"}
    assert [(e["fromID"], e["toID"]) for e in out["edges"]] == [("8", "9")]
    assert out["locutions"] == []


@pytest.mark.parametrize(
    ("nodes", "edges", "category", "words"),
    [
        (BASE, [*BASE_EDGES, ("2", "2")], SelfLoopWarning, "self-loop"),
        (BASE, [*BASE_EDGES, ("2", "99")], DanglingReferenceWarning, "2->99"),
        (
            [*BASE, ("4", "RA", "RA")],
            [*BASE_EDGES, ("2", "4")],
            IncompleteRelationWarning,
            "RA 4 (no conclusion)",
        ),
        (
            [*BASE, ("4", "RA", "RA")],
            [*BASE_EDGES, ("4", "1")],
            IncompleteRelationWarning,
            "RA 4 (no premise)",
        ),
        (
            [*BASE, ("4", "Q", "I"), ("5", "CA", "CA"), ("6", "R", "I"), ("7", "CA", "CA")],
            [*BASE_EDGES, ("4", "5"), ("5", "1"), ("6", "7"), ("7", "5")],
            UnsupportedStructureWarning,
            "CA 7 (targets CA 5)",
        ),
        ([*BASE, ("4", " ", "I")], BASE_EDGES, UnsupportedStructureWarning, "I-node 4 without text"),
        (BASE, [*BASE_EDGES, ("1", "2")], UnsupportedStructureWarning, "between two I-nodes"),
    ],
)
def test_aif_malformed_parts_warn_and_survive_the_round_trip(
    nodes: list[tuple[str, str, str]], edges: list[tuple[str, str]], category: type[Warning], words: str
) -> None:
    doc = _aif(nodes, edges)
    with pytest.warns(category, match=words.replace("(", r"\(").replace(")", r"\)")):
        m = aif_map(doc)
    m.validate()
    assert m.premises("3") == ("2",)
    _same_aif(aif_data(m), doc)


def test_aif_dangling_locutions_warn_and_are_kept() -> None:
    doc = _aif(BASE, BASE_EDGES, locutions=[{"nodeID": "77", "personID": "3"}])
    with pytest.warns(DanglingReferenceWarning, match="locution"):
        m = aif_map(doc)
    assert aif_data(m)["locutions"] == doc["locutions"]


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        ([], None),
        ({"nodes": {}}, "nodes"),
        ({"nodes": [], "edges": None}, "edges"),
        ({"nodes": [{"text": "x", "type": "I"}], "edges": []}, "nodes[0].nodeID"),
        ({"nodes": [{"nodeID": "1", "text": "x"}], "edges": []}, "nodes[0].type"),
        (_aif([("1", "a", "I"), ("1", "b", "I")], []), "nodes[1].nodeID"),
        ({"nodes": [], "edges": [{"fromID": "1"}]}, "edges[0]"),
    ],
)
def test_aif_that_is_not_aif_raises_with_its_path(doc: Any, path: str | None) -> None:
    with pytest.raises(AIFFormatError) as info:
        aif_map(doc)
    assert info.value.path == path


def test_read_aif_takes_the_side_text_and_warns_on_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "nodeset1.json"
    path.write_text(json.dumps(_aif(BASE, BASE_EDGES)), encoding="utf-8")
    (tmp_path / "nodeset1.txt").write_bytes("P \u2014 so C.".encode("cp1252"))
    with pytest.warns(SideFileEncodingWarning, match="byte 2"):
        m = read_aif(path)
    assert m.source == "P \u2014 so C."
    assert read_aif(path, side_text=False).source is None
    with pytest.raises(AIFFormatError, match="invalid JSON"):
        read_aif(io.StringIO("{"))


def test_write_aif_is_atomic_and_reads_back(tmp_path: Path) -> None:
    m = aif_map(_aif(BASE, BASE_EDGES))
    write_aif(m, tmp_path / "m.aif.json")
    assert read_aif(tmp_path / "m.aif.json") == m
    assert [p.name for p in tmp_path.iterdir()] == ["m.aif.json"]


# -- OVA and SADFace --------------------------------------------------------------------------------


def test_ova2_with_text_spans_and_layout() -> None:
    i1 = {"id": 1, "x": 10, "y": 20, "type": "I", "text": "It rains"}
    i2 = {"id": 2, "x": 30, "y": 40, "type": "I", "text": "Stay in"}
    ra = {"id": 3, "x": 50, "y": 60, "type": "RA", "text": "Default Inference"}
    doc = {
        "nodes": [i1, i2, ra],
        "edges": [{"from": i1, "to": ra}, {"from": ra, "to": i2}],
        "participants": [],
        "analysis": {"txt": 'So: <span class="highlighted" id="node1">It rains</span>.<br>Stay &amp; in.'},
    }
    m = ova.ova_map(doc)
    assert m.source == "So: It rains.\nStay & in."
    assert (m["1"]["span"], m["1"]["quote"]) == ((4, 12), "It rains")
    assert m.premises("3") == ("1",) and m.conclusion("3") == "2"
    assert m.meta["ova"]["OVA"]["nodes"][0] == {
        "nodeID": "1",
        "visible": True,
        "x": 10,
        "y": 20,
        "timestamp": "",
    }
    out = ova.ova_data(m)
    assert out["OVA"]["nodes"][2]["x"] == 50 and out["text"] == doc["analysis"]["txt"]
    assert ova.ova_map(_through_json(out)) == m


def test_ova3_reads_aif_layout_and_text() -> None:
    doc = {
        "AIF": {
            **_aif(BASE, BASE_EDGES),
            "participants": [{"participantID": 1, "firstname": "A", "surname": "B"}],
            "schemefulfillments": [],
        },
        "OVA": {
            "firstname": "A",
            "surname": "B",
            "url": "",
            "nodes": [{"nodeID": "1", "visible": True, "x": 5, "y": 6, "timestamp": ""}],
            "edges": [],
        },
        "text": 'Hence <span class="highlighted" id="node1">C</span>, as '
        '<span class="highlighted" id="node2">P</span>.',
    }
    m = ova.ova_map(doc)
    assert m.source == "Hence C, as P."
    assert (m["1"]["span"], m["2"]["quote"]) == ((6, 7), "P")
    assert m.meta["aif"]["extra"]["participants"] == doc["AIF"]["participants"]
    out = ova.ova_data(m)
    assert out["OVA"]["nodes"][0] == doc["OVA"]["nodes"][0]
    assert [n["nodeID"] for n in out["OVA"]["nodes"]] == ["1", "2", "3"]
    assert out["text"] == doc["text"]
    _same_aif(out["AIF"], doc["AIF"])


def test_ova_rejects_other_json() -> None:
    with pytest.raises(FormatError, match="not an OVA document"):
        ova.ova_map({"format": "argmap"})


def test_sadface_scheme_names_map_to_kinds() -> None:
    atoms = [{"id": x, "type": "atom", "text": x.upper(), "metadata": {}, "sources": []} for x in "abcd"]
    schemes = [
        {"id": "s", "type": "scheme", "name": "Argument from Sign", "metadata": {}},
        {"id": "k", "type": "scheme", "name": "attack", "metadata": {"colour": "red"}},
        {"id": "r", "type": "scheme", "name": "rephrase", "metadata": {}},
    ]
    pairs = [("b", "s"), ("s", "a"), ("c", "k"), ("k", "s"), ("d", "r"), ("r", "a")]
    doc = {
        "edges": [{"id": f"e{i}", "source_id": u, "target_id": v} for i, (u, v) in enumerate(pairs)],
        "metadata": {"core": {"version": "0.2", "title": "T", "analyst_name": "X"}},
        "nodes": atoms + schemes,
        "resources": [],
    }
    m = sadface.sadface_map(doc)
    assert (m["s"]["scheme"], m["k"]["attack_type"], m.kind("r"), m.title) == (
        "Argument from Sign",
        "undercut",
        "rephrase",
        "T",
    )
    out = sadface.sadface_data(m)
    assert _canon(out["nodes"]) == _canon(doc["nodes"])
    assert _canon(out["edges"]) == _canon(doc["edges"])
    assert out["metadata"] == doc["metadata"]


@pytest.mark.parametrize(
    ("doc", "words"),
    [
        ({"nodes": [{"id": "a", "type": "blob"}], "edges": []}, "unknown node type"),
        ({"nodes": [], "edges": [{"source_id": "a", "target_id": "b"}]}, "unknown node"),
    ],
)
def test_sadface_errors(doc: dict[str, Any], words: str) -> None:
    with pytest.raises(FormatError, match=words):
        sadface.sadface_map(doc)


# -- ArgGraph XML ---------------------------------------------------------------------------------

XML = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="micro_x" topic_id="t" stance="pro">
  <edu id="e1"><![CDATA[We should act,]]></edu>
  <edu id="e2"><![CDATA[because it helps.]]></edu>
  <edu id="e3"><![CDATA[It costs.]]></edu>
  <edu id="e4"><![CDATA[Not much.]]></edu>
  <joint id="j1"/>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="opp"/>
  <adu id="a3" type="pro"/>
  <edge id="c1" src="e1" trg="j1" type="seg"/>
  <edge id="c2" src="e2" trg="j1" type="seg"/>
  <edge id="c3" src="j1" trg="a1" type="seg"/>
  <edge id="c4" src="e3" trg="a2" type="seg"/>
  <edge id="c5" src="e4" trg="a3" type="seg"/>
  <edge id="c6" src="a2" trg="a1" type="reb"/>
  <edge id="c7" src="a3" trg="c6" type="und"/>
</arggraph>
"""


def test_microtexts_joints_roles_and_undercut_of_an_attack() -> None:
    with pytest.warns(UnsupportedStructureWarning, match="c7"):
        m = microtexts.parse_microtexts(XML)
    assert m.source == "We should act, because it helps. It costs. Not much."
    assert m["a1"]["text"] == "We should act, because it helps." and m["a1"]["span"] == (0, 32)
    assert m["a1"]["meta"] == {"microtexts": {"edus": ["We should act,", "because it helps."]}}
    assert (m["a2"]["speaker"], m["c6"]["attack_type"]) == ("opponent", "rebut")
    assert m.meta["microtexts"] == {
        "topic_id": "t",
        "stance": "pro",
        "central_claim": "a1",
        "aside": [{"id": "c7", "src": "a3", "trg": "c6", "type": "und"}],
    }
    with pytest.warns(UnsupportedStructureWarning):
        again = microtexts.parse_microtexts("".join(microtexts.generate_microtexts(m)))
    assert again == m


def test_microtexts_errors_have_positions() -> None:
    with pytest.raises(ParseError) as info:
        microtexts.parse_microtexts("<arggraph id='x'>\n  <edu id='e1'>x</ed>\n</arggraph>")
    assert (info.value.lineno, info.value.colno) == (2, 19)
    with pytest.raises(FormatError, match="not <arggraph>"):
        microtexts.parse_microtexts("<graph/>")
    with pytest.warns(MalformedPartWarning, match="zzz edge c6 \\(unknown type\\)"):
        m = microtexts.parse_microtexts(XML.replace('type="reb"', 'type="zzz"'))
    assert {"id": "c6", "src": "a2", "trg": "a1", "type": "zzz"} in m.meta["microtexts"]["aside"]


def test_microtexts_leaves_out_what_it_cannot_hold() -> None:
    m = ArgumentMap()
    m.support(m.claim("C"), m.claim("P"), scheme="Analogy")
    m.rephrase("p", m.claim("Q"))
    with pytest.warns(LossyConversionWarning, match="scheme 'Analogy' of s1, rephrase r1"):
        text = "".join(microtexts.generate_microtexts(m))
    assert 'type="sup"' in text and "r1" not in text


# -- Kialo ---------------------------------------------------------------------------------------

KIALO = """Discussion Title: Umbrellas

1. Take an umbrella.
1.1. Pro: It will rain.
1.1.1. Con: The forecast \\(often\\) errs
about rain.
1.2. Con: Umbrellas are clumsy.
1.3. Pro: -> See 1.1.1.
1.4. Bring one anyway.
"""


def test_kialo_outline_links_and_escapes() -> None:
    m = kialo.parse_kialo(KIALO)
    assert m.title == "Umbrellas"
    assert m["1.1.1"]["text"] == "The forecast (often) errs\nabout rain."
    assert m.premises("s1.1") == ("1.1",) and m.conclusion("a1.1.1") == "1.1"
    assert m.premises("s1.3") == ("1.1.1",) and m.conclusion("s1.3") == "1"
    assert m.premises("r1.4") == ("1.4",) and m.conclusion("r1.4") == "1"
    assert "".join(kialo.generate_kialo(m)) == KIALO


@pytest.mark.parametrize(
    ("text", "words", "line"),
    [
        ("Discussion Title: x\n\nhello\n", "expected a numbered line", 3),
        ("1. A\n1.2.1. Pro: B\n", "no parent 1.2.", 2),
        ("1. A\n1.1. Pro: -> See 1.5.\n", "names no claim", 2),
        ("1. A\n1. B\n", "used twice", 2),
        ("1. Pro: A\n", "no parent to argue for", 1),
    ],
)
def test_kialo_errors_have_lines(text: str, words: str, line: int) -> None:
    with pytest.raises(ParseError, match=words) as info:
        kialo.parse_kialo(text)
    assert info.value.lineno == line


def test_kialo_leaves_out_undercuts_and_linked_premises() -> None:
    m = ArgumentMap(source="s")
    s = m.support(m.claim("C"), [m.claim("P"), m.claim("Q")])
    m.attack(s, by=m.claim("U"))
    with pytest.warns(LossyConversionWarning, match="linked premises q of s1; undercut a1; the source text"):
        text = "".join(kialo.generate_kialo(m))
    assert text.splitlines()[2:] == ["1. C", "1.1. Pro: P", "2. Q", "3. U"]


# -- node-link, GraphML, Mermaid, DOT -------------------------------------------------------------------


def test_nodelink_and_graphml_reject_foreign_graphs() -> None:
    with pytest.raises(FormatError, match="no valid kind"):
        nodelink.nodelink_map({"nodes": [{"id": "a"}], "edges": []})
    with pytest.raises(FormatError, match="joins two claims"):
        nodelink.nodelink_map(
            {
                "nodes": [
                    {"id": "a", "kind": "claim", "text": "A"},
                    {"id": "b", "kind": "claim", "text": "B"},
                ],
                "links": [{"source": "a", "target": "b"}],
            }
        )
    with pytest.raises(ParseError, match="malformed XML"):
        graphml.parse_graphml("<graphml><graph><node/></graph>")
    with pytest.raises(FormatError, match="not readable GraphML"):
        graphml.parse_graphml('<graphml><graph><node id="a"><data key="zz">1</data></node></graph></graphml>')


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ('say "no"', "say #quot;no#quot;"),
        ("a <b> & c", "a #lt;b#gt; #38; c"),
        ("#1; end", "#35;1; end"),
        ("two\nlines", "two<br>lines"),
        ("`code`", "#96;code#96;"),
        ("Ёлка ✓", "Ёлка ✓"),
    ],
)
def test_mermaid_labels_are_escaped(text: str, label: str) -> None:
    m = ArgumentMap()
    m.claim(text)
    assert f'n0(["{label}"]):::claim' in "".join(generate_mermaid(m))


def test_dot_output_comes_from_the_renderer(tmp_path: Path) -> None:
    from argmap.files import write
    from argmap.render.dot import to_dot

    m = ArgumentMap()
    m.support(m.claim("C"), m.claim("P"))
    write(m, tmp_path / "m.dot")
    assert (tmp_path / "m.dot").read_text(encoding="utf-8") == to_dot(m)


def test_no_warning_when_nothing_is_lost() -> None:
    m = ArgumentMap()
    m.support(m.claim("C"), m.claim("P"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        "".join(kialo.generate_kialo(m))
        "".join(microtexts.generate_microtexts(m))
