"""Large maps: layout by size, neighbourhoods, collapsed sections, timeouts, and drawing 1k to 20k claims."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import maps

import argmap
from argmap import cli
from argmap.exceptions import GraphStructureError, RenderError
from argmap.model import CLAIM, KIND, ArgumentMap
from argmap.render import diagram
from argmap.render.dot import to_dot, to_pydot
from argmap.render.large import DOT_LIMIT, LARGE_ENGINE, choose_engine, collapse_sections, neighbourhood

SVG = "{http://www.w3.org/2000/svg}"
pytestmark = pytest.mark.filterwarnings("ignore:drawing .* nodes:RuntimeWarning")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def synthetic(claims: int, seed: int = 0, sections: int = 20) -> ArgumentMap:
    """A random tree of supports (3 in 4) and attacks among recent claims, with linked pairs and undercuts."""
    rng = random.Random(seed)
    m = ArgumentMap(title=f"{claims} claims")
    ids: list[str] = []
    for i in range(claims):
        c = m.claim(
            f"Claim {i} about topic {i % 17}, said at some length.", id=f"c{i}", section=f"s{i % sections}"
        )
        if ids:
            target = ids[rng.randrange(max(0, len(ids) - 50), len(ids))]
            roll = rng.random()
            if roll < 0.65:
                m.support(target, c, id=f"i{i}")
            elif roll < 0.75 and len(ids) > 2:
                other = ids[rng.randrange(len(ids))]
                if other != target:
                    m.support(target, [c, other], id=f"i{i}")
                    m.attack(f"i{i}", by=m.claim(f"Objection {i}", id=f"u{i}"), id=f"a{i}")
            else:
                m.attack(target, by=c, id=f"a{i}")
        ids.append(c)
    return m


def chain(n: int) -> ArgumentMap:
    """c0 <- c1 <- ... <- c(n-1), each supporting the one before."""
    m = ArgumentMap()
    for i in range(n):
        m.claim(f"C{i}", id=f"c{i}")
        if i:
            m.support(f"c{i - 1}", f"c{i}", id=f"s{i}")
    return m


# -- layout by size --------------------------------------------------------------------------------


def test_engine_is_dot_up_to_the_limit_then_the_large_engine() -> None:
    assert choose_engine(DOT_LIMIT) == "dot"
    assert choose_engine(DOT_LIMIT + 1) == LARGE_ENGINE == "sfdp"
    assert choose_engine(chain(3)) == "dot"
    big = synthetic(DOT_LIMIT + 1)
    assert choose_engine(big) == choose_engine(big.graph) == "sfdp"
    assert diagram(big).engine == "sfdp"
    assert diagram(big, engine="dot").engine == "dot"
    assert diagram(chain(3)).engine == "dot"


# -- neighbourhood ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("depth", "expected"), [(0, ["c5"]), (1, ["c4", "c5", "c6"]), (2, ["c3", "c4", "c5", "c6", "c7"])]
)
def test_neighbourhood_of_a_chain(depth: int, expected: list[str]) -> None:
    part = neighbourhood(chain(10), "c5", depth)
    part.validate()
    assert sorted(part.claims()) == expected
    assert len(list(part.relations())) == len(expected) - 1
    hidden = part.meta["neighbourhood"]["hidden"]
    assert hidden == ({"c5": 2} if depth == 0 else {expected[0]: 1, expected[-1]: 1})


def test_neighbourhood_keeps_co_premises_and_undercuts_whole() -> None:
    m = ArgumentMap()
    c, p, q = m.claim("C"), m.claim("P"), m.claim("Q")
    s = m.support(c, [p, q])
    u = m.claim("U")
    m.attack(s, by=u)
    far = m.claim("Far")
    m.support(u, far)
    part = neighbourhood(m, "c", 1)
    assert sorted(part.claims()) == ["c", "p", "q", "u"]
    assert sorted(part.relations()) == ["a1", "s1"]
    assert part.meta["neighbourhood"]["hidden"] == {"u": 1}
    assert sorted(neighbourhood(m, "far", 1).claims()) == ["far", "u"]
    assert sorted(neighbourhood(m, "far", 2).claims()) == ["c", "far", "p", "q", "u"]


def test_neighbourhood_errors() -> None:
    m = chain(3)
    with pytest.raises(GraphStructureError, match="not a claim"):
        neighbourhood(m, "nope")
    with pytest.raises(GraphStructureError, match="not a claim"):
        neighbourhood(m, "s1")
    with pytest.raises(GraphStructureError, match="depth"):
        neighbourhood(m, "c0", -1)


@SETTINGS
@given(m=maps(), depth=st.integers(0, 3), data=st.data())
def test_neighbourhood_is_a_valid_part_of_the_map(m: ArgumentMap, depth: int, data: st.DataObject) -> None:
    focus = data.draw(st.sampled_from(sorted(m.claims())))
    part = neighbourhood(m, focus, depth)
    part.validate()
    assert focus in part and set(part.graph) <= set(m.graph)
    assert set(part.graph.edges) <= set(m.graph.edges)
    for n in part.graph:
        assert part[n] == m[n]
    assert neighbourhood(m, focus, depth + 1).graph.number_of_nodes() >= part.graph.number_of_nodes()


# -- collapsed sections ------------------------------------------------------------------------------


def test_collapse_sections_of_the_seed_map() -> None:
    m = argmap.seed_map()
    small = collapse_sections(m)
    small.validate()
    texts = sorted(small[c]["text"] for c in small.claims())
    assert texts == [
        "Putin Has No Time Left (10 claims)",
        "The Kremlin has raised the stakes as much as possible (25 claims)",
    ]
    assert all(small[c]["tags"] == ("collapsed",) for c in small.claims())
    assert sum(len(small[c]["meta"]["collapsed"]) for c in small.claims()) == 35
    one = collapse_sections(m, ["Putin Has No Time Left"])
    assert len(list(one.claims())) == 26
    assert m == argmap.seed_map(), "the original map is left alone"


def test_collapse_merges_duplicates_and_retargets_undercuts() -> None:
    m = ArgumentMap()
    a1, a2 = m.claim("A1", section="A"), m.claim("A2", section="A")
    b1, b2 = m.claim("B1", section="B"), m.claim("B2", section="B")
    inner = m.support(a1, a2, id="inner")
    m.attack(inner, by=b1, id="undercut")
    m.support(a1, b1, id="first")
    m.support(a2, b2, id="same-again")
    out = collapse_sections(m)
    out.validate()
    assert sorted(out.relations()) == ["first", "undercut"]
    assert out["undercut"]["attack_type"] == "rebut"
    assert out.conclusion("undercut") == out.conclusion("first") == "section-a"
    with pytest.raises(GraphStructureError, match="section 'C'"):
        collapse_sections(m, ["C"])


@SETTINGS
@given(m=maps(), data=st.data())
def test_collapse_gives_a_valid_map(m: ArgumentMap, data: st.DataObject) -> None:
    for c in list(m.claims()):
        m[c]["section"] = data.draw(st.sampled_from([None, "x", "y", "claim"]))
    out = collapse_sections(m)
    out.validate()
    kept = [c for c in m.claims() if m[c]["section"] is None]
    assert set(kept) <= set(out.claims())
    assert len(list(out.claims())) == len(kept) + len({m[c]["section"] for c in m.claims()} - {None})


# -- diagram and command line ---------------------------------------------------------------------


def test_diagram_draws_the_neighbourhood_and_drops_values_outside_it() -> None:
    m = chain(6)
    d = diagram(m, focus="c2", depth=1, values={"c0": 0.5, "c2": 0.1}, classes={"c5": "missing"})
    assert '"c1"' in d.source and '"c3"' in d.source and '"c0"' not in d.source and '"c5"' not in d.source
    d = diagram(m.graph, collapse=True)
    assert d.source == to_dot(m)  # no sections: nothing to collapse


def test_dot_text_is_what_pydot_writes() -> None:
    m = synthetic(300)
    assert to_dot(m) == to_pydot(m).to_string()
    seed = argmap.seed_map()
    for options in ({}, {"junctions": "always", "rankdir": "TB"}, {"values": {"blackmail": 0.5}}):
        assert to_dot(seed, **options) == to_pydot(seed, **options).to_string()


@SETTINGS
@given(m=maps())
def test_dot_text_is_what_pydot_writes_for_any_map(m: ArgumentMap) -> None:
    assert to_dot(m) == to_pydot(m).to_string()


def test_cli_render_focus_and_collapse(tmp_path: Path) -> None:
    source = tmp_path / "map.json"
    argmap.write(argmap.seed_map(), source)
    out = tmp_path / "focus.dot"
    assert cli.main(["render", str(source), "-o", str(out), "--focus", "limited-time", "--depth", "1"]) == 0
    text = out.read_text()
    assert '"limited-time"' in text and '"bluff"' not in text
    assert cli.main(["render", str(source), "-o", str(out), "--collapse"]) == 0
    assert out.read_text().count('class="claim') == 2
    assert cli.main(["render", str(source), "-o", str(out), "--collapse", "Putin Has No Time Left"]) == 0
    assert out.read_text().count('class="claim') == 26


def test_cli_render_reports_an_unknown_focus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "map.json"
    argmap.write(argmap.seed_map(), source)
    assert cli.main(["render", str(source), "-o", str(tmp_path / "x.dot"), "--focus", "nope"]) == 1
    assert "cannot focus on 'nope'" in capsys.readouterr().err


@pytest.mark.exe
def test_graphviz_timeout_is_a_clear_render_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = synthetic(3000)
    with pytest.raises(RenderError, match=r"took longer than 0\.05 s and was stopped"):
        diagram(m, engine="dot", timeout=0.05).pipe("svg")
    source = tmp_path / "big.json"
    argmap.write(m, source)
    assert cli.main(["render", str(source), "-o", str(tmp_path / "big.svg"), "--timeout", "0.05"]) == 1
    assert "took longer than 0.05 s" in capsys.readouterr().err
    assert not (tmp_path / "big.svg").exists()


# -- drawing large maps --------------------------------------------------------------------------------


def _drawn_claims(svg: bytes) -> int:
    root = ET.fromstring(svg)
    return sum("claim" in (g.get("class") or "").split() for g in root.iter(f"{SVG}g"))


@pytest.mark.exe
@pytest.mark.parametrize("claims", [1000, pytest.param(5000, marks=pytest.mark.slow)])
def test_large_maps_are_drawn_whole(claims: int) -> None:
    m = synthetic(claims)
    d = diagram(m, timeout=120)
    assert d.engine == choose_engine(m)
    assert _drawn_claims(d.pipe("svg")) == sum(1 for n in m.graph if m.graph.nodes[n][KIND] == CLAIM)


@pytest.mark.exe
@pytest.mark.slow
def test_a_20k_claim_map_is_drawn_with_sfdp() -> None:
    m = synthetic(20_000)
    d = diagram(m, timeout=300)
    assert d.engine == "sfdp"
    assert _drawn_claims(d.pipe("svg")) == sum(1 for n in m.graph if m.graph.nodes[n][KIND] == CLAIM)
