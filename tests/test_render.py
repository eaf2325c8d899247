"""The drawing: style, DOT generation and the Diagram object."""

from __future__ import annotations

import base64
import importlib
import importlib.util
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from unittest import mock

import networkx as nx
import pydot
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import maps, one_line

import argmap
import argmap.analysis.structure
from argmap.exceptions import GraphStructureError, RenderError, StyleError
from argmap.render import Diagram, diagram, render
from argmap.render import backend as backend_module
from argmap.render import dot as dot_module
from argmap.render.dot import emphasised_conclusions, short_speakers, to_dot, to_pydot
from argmap.render.style import THEMES, Style, value_colour

render_pkg = importlib.import_module("argmap.render")
SVG = "{http://www.w3.org/2000/svg}"


def sample_map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="Umbrella")
    c = m.claim("Take an umbrella.", id="c")
    p1 = m.claim("It will rain.", id="p1", speaker="the forecast")
    p2 = m.claim("Umbrellas keep you dry.", id="p2", implicit=True)
    m.support(c, [p1, p2], scheme="PracticalReasoning", id="s1")
    m.support(c, m.claim("You have one with you.", id="p3"), id="s2")
    m.attack("s1", by=m.claim("It is too windy.", id="u"), id="a1")
    m.attack(c, by=m.claim("Umbrellas are ugly.", id="r"), id="a2")
    m.rephrase(p1, m.claim("Rain is coming.", id="p1b"), id="r1")
    return m


def node_attrs(g: pydot.Dot, name: str) -> dict[str, str]:
    (node,) = g.get_node(f'"{name}"')
    return {k: v.strip('"') for k, v in node.get_attributes().items()}


def edges(g: pydot.Dot) -> dict[tuple[str, str], dict[str, str]]:
    return {
        (e.get_source().strip('"'), e.get_destination().strip('"')): {
            k: v.strip('"') for k, v in e.get_attributes().items()
        }
        for e in g.get_edges()
    }


# -- style ------------------------------------------------------------------------------------


def test_themes() -> None:
    assert set(THEMES) == {"default", "colorblind"}
    assert Style.theme("default") == Style()
    cb = Style.theme("colorblind")
    assert (cb.support_colour, cb.attack_colour) == ("#0072B2", "#D55E00")
    with pytest.raises(StyleError, match="unknown theme"):
        Style.theme("neon")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"rankdir": "XY"}, "rankdir"),
        ({"junctions": "never"}, "junctions"),
        ({"wrap": 3}, "wrap"),
        ({"fontsize": 1}, "fontsize"),
        ({"speaker_format": "by them"}, "speaker_format"),
        ({"support_colour": "green"}, "colour"),
        ({"value_colours": ("#000000", "#fffff", "#ffffff")}, "colour"),
        ({"colour": "#000000"}, "unknown style option"),
        ({"speaker_colour": '#000" image="/etc/passwd'}, "speaker_colour must be a colour"),
        ({"text_colour": "#12345g"}, "text_colour"),
        ({"fontname": "Helvetica,Arial,sans-serif"}, "one font family"),
        ({"fontname": 'Arial" image="x'}, "fontname"),
        ({"fontsize": float("nan")}, "fontsize"),
        ({"thesis_penwidth": 99}, "thesis_penwidth"),
        ({"speaker_format": "{speaker} {0}"}, "no other field"),
        ({"speaker_format": "{speaker.__class__}"}, "no other field"),
        ({"class_styles": {"x": {"image": "/etc/passwd"}}}, "only color"),
        ({"class_styles": {"x": {"color": "red"}}}, "colour"),
        ({"class_styles": {"x": {"style": "dashed,invis"}}}, "tokens"),
        ({"class_styles": {'x"y': {}}}, "class name"),
        ({"tag_colours": {"t": "blue"}}, "tag_colours"),
        ({"speakers": "initials"}, "speakers"),
        ({"clusters": "yes"}, "clusters"),
    ],
)
def test_bad_style_options(changes: dict[str, object], message: str) -> None:
    with pytest.raises(StyleError, match=message):
        Style().replace(**changes)


def test_style_is_frozen_and_hashable() -> None:
    s = Style()
    with pytest.raises(AttributeError):
        s.wrap = 10  # type: ignore[misc]
    assert hash(s) == hash(Style())


def test_value_colour_scale() -> None:
    s = Style()
    assert value_colour(s, -1.0) == s.value_colours[0]
    assert value_colour(s, 0.0) == s.value_colours[1]
    assert value_colour(s, 1.0) == s.value_colours[2]
    assert value_colour(s, 7.0) == value_colour(s, 1.0)
    assert value_colour(s, 0.0, (0.0, 1.0)) == s.value_colours[0]
    with pytest.raises(StyleError, match="value_range"):
        value_colour(s, 0.5, (1.0, 1.0))


@given(st.floats(-1, 1), st.floats(-1, 1))
def test_value_colour_is_monotonic_in_green(a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    s = Style()

    def greenness(colour: str) -> int:
        r, g = int(colour[1:3], 16), int(colour[3:5], 16)
        return g - r

    assert greenness(value_colour(s, lo)) <= greenness(value_colour(s, hi))


# -- DOT ---------------------------------------------------------------------------------------


def test_dot_is_deterministic() -> None:
    assert to_dot(sample_map()) == to_dot(sample_map()) == to_dot(sample_map().copy())
    assert to_dot(sample_map()) == to_dot(sample_map().graph)


def test_claims() -> None:
    g = to_pydot(sample_map())
    c, p1, p2 = node_attrs(g, "c"), node_attrs(g, "p1"), node_attrs(g, "p2")
    assert c["class"] == "claim thesis" and c["penwidth"] == "3" and "<b>" in c["label"]
    assert c["fillcolor"] == Style().thesis_fill and c["fontcolor"] == Style().thesis_text
    assert p1["class"] == "claim" and "— the forecast" in p1["label"]
    assert "according to" not in p1["label"] and "according to the forecast" in p1["tooltip"]
    assert p2["class"] == "claim implicit" and "dashed" in p2["style"].split(",") and "<i>" in p2["label"]
    assert "dashed" not in p1["style"]
    assert g.get_rankdir() == '"BT"'


def test_linked_premises_meet_at_a_junction() -> None:
    g = to_pydot(sample_map())
    s1 = node_attrs(g, "s1")
    assert s1["shape"] == "point" and "junction" in s1["class"].split()
    es = edges(g)
    assert es["p1", "s1"]["arrowhead"] == es["p2", "s1"]["arrowhead"] == "none"
    assert es["s1", "c"]["arrowhead"] == "normal"
    assert s1["xlabel"] == "Practical reasoning"


def test_simple_support_is_one_edge() -> None:
    es = edges(to_pydot(sample_map()))
    assert es["p3", "c"]["id"] == "s2" and es["p3", "c"]["class"] == "support"
    assert not any(name == "s2" for name, _ in es)


def test_undercut_ends_on_the_inference() -> None:
    es = edges(to_pydot(sample_map()))
    assert es["u", "s1"]["class"] == "attack undercut"
    assert es["r", "c"]["class"] == "attack rebut"
    assert es["p1", "p1b"]["class"] == "rephrase"


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_relations_differ_in_greyscale(theme: str) -> None:
    es = edges(to_pydot(sample_map(), Style.theme(theme)))
    looks = {
        kind: {(e["style"], e["arrowhead"]) for e in es.values() if e["class"].split()[0] == kind}
        for kind in ("support", "attack", "rephrase")
    }
    assert looks["support"] == {("solid", "normal"), ("solid", "none")}
    assert looks["attack"] == {("dashed", "tee")}
    assert looks["rephrase"] == {("dotted", "empty")}
    colours = {e["class"].split()[0]: e["color"] for e in es.values()}
    style = Style.theme(theme)
    assert colours == {
        "support": style.support_colour,
        "attack": style.attack_colour,
        "rephrase": style.rephrase_colour,
    }


def test_junctions_always() -> None:
    g = to_pydot(sample_map(), junctions="always")
    for r in ("s1", "s2", "a1", "a2", "r1"):
        assert "junction" in node_attrs(g, r)["class"].split()
    assert node_attrs(g, "a2")["shape"] == "square"


def test_linked_attack_gets_a_junction() -> None:
    m = argmap.ArgumentMap()
    a = m.attack(m.claim("T"), by=[m.claim("A1"), m.claim("A2")])
    es = edges(to_pydot(m))
    assert es["a1", a]["arrowhead"] == "none" and es[a, "t"]["arrowhead"] == "tee"


def test_values_and_classes() -> None:
    m = sample_map()
    g = to_pydot(m, values={"p1": 1.0, "u": -1.0}, classes={"p2": "missing", "s2": ["extra", "x"]})
    p1, u = node_attrs(g, "p1"), node_attrs(g, "u")
    assert p1["fillcolor"] == Style().value_colours[2] and "1.00" in p1["label"]
    assert u["fillcolor"] == Style().value_colours[0] and "-1.00" in u["label"]
    p2 = node_attrs(g, "p2")
    assert p2["class"] == "claim implicit missing" and p2["color"] == "#b36b00"
    assert edges(g)["p3", "c"]["class"] == "support extra x"
    g = to_pydot(m, values={"p1": 0.25}, value_range=(0, 1), value_precision=1, show_values=False)
    assert "0.2" not in node_attrs(g, "p1")["label"]
    with pytest.raises(GraphStructureError, match="nope"):
        to_pydot(m, values={"nope": 1.0})
    with pytest.raises(GraphStructureError, match="nope"):
        to_pydot(m, classes={"nope": "matched"})


def test_options_override_the_style() -> None:
    g = to_pydot(sample_map(), Style.theme("colorblind"), rankdir="TB", wrap=10)
    assert g.get_rankdir() == '"TB"'
    assert node_attrs(g, "p2")["label"].count("<br/>") >= 2
    with pytest.raises(StyleError):
        to_pydot(sample_map(), rankdir="up")


def test_emphasis_skips_objections() -> None:
    m = sample_map()
    m.support("r", m.claim("Fashion says so.", id="f"))
    assert argmap.analysis.structure.main_conclusions(m) == ["c", "r"]
    assert emphasised_conclusions(m.graph) == ["c"]


def test_invalid_map_is_refused() -> None:
    m = sample_map()
    m.graph.add_edge("p1", "c")
    with pytest.raises(GraphStructureError):
        to_dot(m)


def test_large_map_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dot_module, "LARGE_MAP", 3)
    with pytest.warns(RuntimeWarning, match="Graphviz may take long"):
        to_dot(sample_map())


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pydot's parser on pyparsing 3.3
def test_hostile_text_stays_inside_its_label() -> None:
    m = argmap.ArgumentMap(title='<b>"T"</b> & \\')
    m.claim('x"]; evil [label="pwned', speaker="</font><b>", id="x")
    (parsed,) = pydot.graph_from_dot_data(to_dot(m))
    assert [n.get_name() for n in parsed.get_nodes() if n.get_name() not in ("node", "edge")] == ['"x"']
    assert "</font><b>" not in parsed.get_node('"x"')[0].get("label")


@pytest.mark.exe
def test_hostile_text_survives_graphviz() -> None:
    m = argmap.ArgumentMap(title='<b>"T"</b> & \\')
    m.claim('x"]; evil [label="pwned', speaker="</font><b>", id="x")
    root = svg_of(m, wrap=100)
    (node,) = svg_groups(root, "node").values()
    texts = ["".join(t.itertext()) for t in node.iter(f"{SVG}text")]
    assert texts == ['x"]; evil [label="pwned', "— </font><b>"]
    assert "".join(next(root.iter(f"{SVG}text")).itertext()) == '<b>"T"</b> & \\'


# -- rendering ------------------------------------------------------------------------------


def svg_of(m: argmap.ArgumentMap, **options: object) -> ET.Element:
    return ET.fromstring(diagram(m, **options).pipe("svg"))  # type: ignore[arg-type]


def svg_groups(root: ET.Element, kind: str) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g") if g.get("class", "").split()[:1] == [kind]}


@pytest.mark.exe
def test_svg_has_ids_classes_and_texts() -> None:
    m = sample_map()
    root = svg_of(m, wrap=200)
    nodes = svg_groups(root, "node")
    assert set(m.claims()) | {"s1"} == set(nodes)
    assert nodes["c"].get("class") == "node claim thesis"
    for n in m.claims():
        texts = ["".join(t.itertext()) for t in nodes[n].iter(f"{SVG}text")]
        assert texts[0] == m[n]["text"]
    assert {"s2", "a1", "a2", "r1", "p1->s1", "s1->c"} <= set(svg_groups(root, "edge"))


@pytest.mark.exe
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(text=one_line, rich=False, speakers=True, unique_texts=True))
def test_any_text_comes_back_from_graphviz(m: argmap.ArgumentMap) -> None:
    style = Style(wrap=24)
    nodes = svg_groups(svg_of(m, style=style), "node")
    shorts = short_speakers(m)
    for n in m.claims():
        d = m[n]
        expected = textwrap.wrap(d["text"], style.wrap)
        if d["speaker"]:
            short = shorts[" ".join(d["speaker"].split())]
            expected += textwrap.wrap(style.short_speaker_format.format(speaker=short), style.wrap + 8)
        texts = ["".join(t.itertext()) for t in nodes[n].iter(f"{SVG}text")]
        # Graphviz drops spaces at the ends of lines; textwrap keeps none either
        assert [t.strip() for t in texts] == [e.strip() for e in expected]


@pytest.mark.exe
@pytest.mark.parametrize("suffix", [".svg", ".png", ".pdf", ".dot", ".gv"])
def test_render_by_suffix(tmp_path: Path, suffix: str) -> None:
    no_pdf = importlib.util.find_spec("svg2pdf_py") is None
    if suffix == ".pdf" and no_pdf and backend_module.find_program() == ("graphviz-pure", mock.ANY):
        pytest.skip("graphviz-pure writes no PDF and svg2pdf-py is not installed")
    out = render(sample_map(), tmp_path / f"map{suffix}")
    data = out.read_bytes()
    magic = {".svg": b"<?xml", ".png": b"\x89PNG", ".pdf": b"%PDF", ".dot": b"digraph", ".gv": b"digraph"}
    assert data.startswith(magic[suffix])


def test_dot_needs_no_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(backend_module, "_beside_python", lambda name: None)
    out = argmap.draw(sample_map(), tmp_path / "map.dot")
    assert out.read_text() == to_dot(sample_map())


def test_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="image format"):
        render(sample_map(), tmp_path / "map.jpeg")
    assert not list(tmp_path.iterdir())


def test_failed_render_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    out.write_text("old")
    failing = RenderError("dot died", "bad")
    with (
        mock.patch.object(render_pkg, "run_dot", autospec=True, side_effect=failing),
        pytest.raises(RenderError, match="dot died: bad"),
    ):
        render(sample_map(), out)
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]


TINY_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="20pt" height="10pt" viewBox="0 0 20 10"/>'


def test_diagram_uses_the_backend() -> None:
    with mock.patch.object(render_pkg, "run_dot", autospec=True, return_value=TINY_SVG) as run:
        d = diagram(sample_map(), theme="colorblind", engine="neato", timeout=5.0, rankdir="BT")
        assert d.pipe("png").startswith(b"\x89PNG")
        run.assert_called_once_with(d.source, "svg", engine="neato", timeout=5.0)
        assert d.pipe("json") == TINY_SVG
        run.assert_called_with(d.source, "json", engine="neato", timeout=5.0)
        assert 'viewBox="0 0 20 10"' in d._repr_svg_()
        bundle = d._repr_mimebundle_()
        assert sorted(bundle) == ["image/svg+xml", "text/html"]
        assert "max-width:100%" in bundle["text/html"] and "<script" not in bundle["text/html"]
        assert bundle["image/svg+xml"].split("?>", 1)[1].strip() in bundle["text/html"]
        bundle = d._repr_mimebundle_(include=["image/png"])
        assert list(bundle) == ["image/png"] and base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
        assert d._repr_mimebundle_(include=["image/svg+xml"], exclude=["image/svg+xml"]) == {}
    assert Style.theme("colorblind").support_colour in d.source
    assert repr(d) == f"<Diagram: {len(d.source)} characters of DOT>"


def test_diagram_of_a_plain_graph() -> None:
    g = nx.DiGraph()
    g.add_node("x", kind="claim", text="X")
    assert '"x" [' in Diagram(to_dot(g)).source


def test_top_level_exports() -> None:
    assert argmap.draw is render and argmap.diagram is diagram
    assert argmap.Diagram is Diagram and argmap.Style is Style
