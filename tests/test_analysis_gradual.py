"""Gradual semantics: h-categorizer and DF-QuAD."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import maps

import argmap
from argmap.analysis.gradual import df_quad, h_categorizer
from argmap.analysis.semantics import AF


@st.composite
def frameworks(draw: st.DrawFn) -> AF:
    n = draw(st.integers(0, 8))
    names = [f"a{i}" for i in range(n)]
    pairs = [(a, b) for a in names for b in names]
    attacks = draw(st.lists(st.sampled_from(pairs), max_size=3 * n)) if pairs else []
    return AF(names, attacks)


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_h_categorizer_is_the_fixed_point(af: AF) -> None:
    s = h_categorizer(af)
    for i, a in enumerate(af.names):
        expected = 1.0 / (1.0 + sum(s[af.names[b]] for b in af.attackers(i)))
        assert math.isclose(s[a], expected, abs_tol=1e-7)
        assert 0.0 < s[a] <= 1.0


def test_h_categorizer_values() -> None:
    s = h_categorizer(AF(["a", "b", "c", "d"], [("a", "c"), ("b", "c"), ("c", "d")]))
    assert s == {"a": 1.0, "b": 1.0, "c": 1 / 3, "d": 0.75}
    assert h_categorizer(AF(["x"], [("x", "x")]))["x"] == pytest.approx((math.sqrt(5) - 1) / 2)
    with pytest.raises(argmap.GraphStructureError, match="did not settle"):
        h_categorizer(AF(["x"], [("x", "x")]), max_iter=2)


def test_df_quad_values() -> None:
    m = argmap.ArgumentMap()
    c = m.claim("C")
    m.support(c, m.claim("P"))
    assert df_quad(m, {"p": 0.8}, default_base=0.5) == {"c": pytest.approx(0.9), "p": 0.8}
    m.attack(c, by=m.claim("X"))
    # va = 1.0 (x), vs = 0.8 (the inference is as strong as p): 0.5 - 0.5 * 0.2
    assert df_quad(m, {"p": 0.8, "x": 1.0})["c"] == pytest.approx(0.4)
    # a linked attack is as strong as its weakest attacker
    m.attack("p", by=[m.claim("Y"), m.claim("Z")])
    assert df_quad(m, {"p": 0.8, "y": 1.0, "z": 0.5})["p"] == pytest.approx(0.4)


def test_df_quad_mutual_attack_settles() -> None:
    m = argmap.ArgumentMap()
    a, b = m.claim("A"), m.claim("B")
    m.attack(a, by=b)
    m.attack(b, by=a)
    s = df_quad(m)
    assert s["a"] == pytest.approx(1 / 3) and s["b"] == pytest.approx(1 / 3)
    with pytest.raises(argmap.GraphStructureError, match="did not settle"):
        df_quad(m, max_iter=3)


def test_df_quad_rejects_bad_base_scores() -> None:
    m = argmap.ArgumentMap()
    m.claim("A")
    with pytest.raises(argmap.GraphStructureError, match="outside"):
        df_quad(m, {"a": 1.5})
    with pytest.raises(argmap.GraphStructureError, match="not a claim"):
        df_quad(m, {"nope": 0.5})
    with pytest.raises(argmap.GraphStructureError, match="outside"):
        df_quad(m, default_base=-0.1)


@settings(max_examples=150, deadline=None)
@given(
    maps(text=st.from_regex(r"C[0-9]{1,2}", fullmatch=True), rich=False, unique_texts=True),
    st.floats(0.0, 1.0),
)
def test_df_quad_properties(m: argmap.ArgumentMap, base: float) -> None:
    try:
        s = df_quad(m, default_base=base)
    except argmap.GraphStructureError:
        return  # a cyclic map on which the iteration does not settle
    assert list(s) == list(m.claims())
    for c, v in s.items():
        assert -1e-9 <= v <= 1 + 1e-9
        attacked = bool(m.attacks_on(c))
        supported = bool(m.inferences_to(c))
        if not attacked and not supported:
            assert v == base
        if attacked and not supported:
            assert v <= base + 1e-9
        if supported and not attacked:
            assert v >= base - 1e-9
