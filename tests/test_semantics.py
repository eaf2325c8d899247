"""Dung semantics against brute force on small frameworks, and frameworks from maps."""

from __future__ import annotations

import importlib.util
import sys
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import maps

import argmap
from argmap.analysis import semantics as sem
from argmap.analysis.semantics import AF

needs_sat = pytest.mark.skipif(
    importlib.util.find_spec("pysat") is None, reason="python-sat is not installed"
)


@st.composite
def frameworks(draw: st.DrawFn, max_args: int = 6) -> AF:
    n = draw(st.integers(0, max_args))
    names = [f"a{i}" for i in range(n)]
    pairs = [(a, b) for a in names for b in names]
    attacks = draw(st.lists(st.sampled_from(pairs), max_size=3 * n) if pairs else st.just([]))
    return AF(names, attacks)


def _subsets(af: AF) -> list[frozenset[str]]:
    names = af.names
    return [frozenset(c) for k in range(len(names) + 1) for c in combinations(names, k)]


def _brute(af: AF) -> dict[str, set[frozenset[str]]]:
    att = set(af.attacks())
    names = af.names

    def attacked_by(s: frozenset[str]) -> set[str]:
        return {b for a, b in att if a in s}

    def defends(s: frozenset[str], x: str) -> bool:
        hit = attacked_by(s)
        return all(a in hit for a, b in att if b == x)

    cf = [s for s in _subsets(af) if not attacked_by(s) & s]
    adm = [s for s in cf if all(defends(s, x) for x in s)]
    com = [s for s in adm if {x for x in names if defends(s, x)} == s]
    pref = [s for s in adm if not any(s < t for t in adm)]
    stab = [s for s in cf if attacked_by(s) | s == set(names)]
    grounded: frozenset[str] = frozenset()
    while True:
        nxt = frozenset(x for x in names if defends(grounded, x))
        if nxt == grounded:
            break
        grounded = nxt
    return {
        "admissible": set(adm),
        "complete": set(com),
        "preferred": set(pref),
        "stable": set(stab),
        "grounded": {grounded},
    }


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_grounded_matches_brute_force(af: AF) -> None:
    expected = _brute(af)["grounded"]
    assert {sem.grounded_extension(af)} == expected
    labels = sem.grounded_labelling(af)
    (g,) = expected
    out = {b for a, b in af.attacks() if a in g}
    assert {a for a, lab in labels.items() if lab == "out"} == out


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_checks_match_brute_force(af: AF) -> None:
    brute = _brute(af)
    for s in _subsets(af):
        assert sem.is_admissible(af, s) == (s in brute["admissible"])
        assert sem.is_complete(af, s) == (s in brute["complete"])
        assert sem.is_stable(af, s) == (s in brute["stable"])


@needs_sat
@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_extensions_match_brute_force(af: AF) -> None:
    brute = _brute(af)
    for semantics in ("complete", "preferred", "stable", "grounded"):
        found = list(sem.extensions(af, semantics))
        assert len(found) == len(set(found))
        assert set(found) == brute[semantics], semantics
    for s in _subsets(af):
        assert sem.is_preferred(af, s) == (s in brute["preferred"])


@needs_sat
@settings(max_examples=100, deadline=None)
@given(frameworks())
def test_acceptance_matches_brute_force(af: AF) -> None:
    brute = _brute(af)
    for a in af.names:
        for semantics in ("grounded", "complete", "preferred", "stable"):
            exts = brute[semantics]
            assert sem.credulously_accepted(af, a, semantics) == any(a in e for e in exts)
            assert sem.sceptically_accepted(af, a, semantics) == all(a in e for e in exts)


@needs_sat
def test_enumeration_is_lazy_and_limited() -> None:
    n = 12  # 2**6 stable extensions: six symmetric pairs
    names = [str(i) for i in range(n)]
    attacks = [(names[i], names[i + 1]) for i in range(0, n, 2)] + [
        (names[i + 1], names[i]) for i in range(0, n, 2)
    ]
    af = AF(names, attacks)
    assert len(list(sem.stable_extensions(af, limit=5))) == 5
    assert len(list(sem.preferred_extensions(af, limit=3))) == 3
    assert len(list(sem.complete_extensions(af, limit=0))) == 0
    assert len(list(sem.stable_extensions(af))) == 64
    gen = sem.preferred_extensions(af)
    assert len(next(gen)) == 6
    with pytest.raises(ValueError, match="limit"):
        list(sem.stable_extensions(af, limit=-1))


def test_missing_solver_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pysat.solvers", None)
    af = AF(["a"], [])
    with pytest.raises(sem.SolverNotFound, match=r"argmap\[analysis\]"):
        list(sem.preferred_extensions(af))
    assert sem.grounded_extension(af) == {"a"}


def test_unknown_semantics_and_arguments() -> None:
    af = AF(["a"], [])
    with pytest.raises(ValueError, match="unknown semantics"):
        sem.extensions(af, "ideal")  # type: ignore[arg-type]
    with pytest.raises(argmap.GraphStructureError, match="unknown argument"):
        sem.credulously_accepted(af, "zz", "grounded")


def test_af_construction_errors() -> None:
    with pytest.raises(argmap.GraphStructureError, match="listed twice"):
        AF(["a", "b", "a"])
    with pytest.raises(argmap.GraphStructureError, match="unknown argument"):
        AF(["a"], [("a", "b")])
    with pytest.raises(argmap.GraphStructureError, match="outside"):
        AF.from_indices(2, [0], [2])
    with pytest.raises(argmap.GraphStructureError, match="different lengths"):
        AF.from_indices(2, [0], [])


def test_adjacency_rows_and_duplicates() -> None:
    af = AF.from_indices(3, [0, 0, 2, 1, 0], [1, 1, 1, 1, 2])
    assert af.n_attacks == 4
    assert sorted(af.attackers(1)) == [0, 1, 2]
    assert sorted(af.targets(0)) == [1, 2]
    assert "1" in af and "9" not in af and 1 not in af
    assert repr(af) == "<AF: 3 arguments, 4 attacks>"


def test_long_chain_grounded() -> None:
    n = 200_000
    af = AF.from_indices(n, range(n - 1), range(1, n))
    labels = sem.grounded_labels(af)
    assert labels[0] == sem.IN and labels[1] == sem.OUT and labels[n - 1] == (sem.IN if n % 2 else sem.OUT)


# -- maps -----------------------------------------------------------------------------------------


def _umbrella() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    c = m.claim("Take an umbrella.")
    s = m.support(c, [m.claim("It will rain."), m.claim("Umbrellas keep you dry.")])
    m.attack(s, by=m.claim("It is too windy."))
    m.attack("it-will-rain", by=m.claim("The sky is clear."))
    m.attack("the-sky-is-clear", by=m.claim("Clouds are coming."))
    return m


def test_map_translation_follows_the_documented_rules() -> None:
    m = argmap.ArgumentMap()
    c = m.claim("C")
    s = m.support(c, [m.claim("P"), m.claim("Q")])
    m.attack(c, by=m.claim("R"))  # rebut: R attacks c and (mediated) s1
    t = m.support("r", m.claim("T"))  # s2 commits to r, so attacks c and s1 too
    m.attack("p", by=m.claim("X"))  # undermine: x attacks p and (secondary) s1
    m.attack(s, by=m.claim("U"))  # undercut
    m.attack("x", by="q")  # q attacks x; s1 uses q, so s1 attacks x (extended)
    af = sem.af_from_map(m)
    assert af.names == ["c", "p", "q", "s1", "r", "t", "s2", "x", "u"]
    assert set(af.attacks()) == {
        ("r", "c"),
        ("r", "s1"),
        (t, "c"),
        (t, "s1"),
        ("x", "p"),
        ("x", "s1"),
        ("u", s),
        ("q", "x"),
        (s, "x"),
    }


def test_map_grounded_labels() -> None:
    labels = sem.grounded_labelling(sem.af_from_map(_umbrella()))
    assert labels == {
        "take-an-umbrella": "in",
        "it-will-rain": "in",
        "umbrellas-keep-you-dry": "in",
        "it-is-too-windy": "in",
        "the-sky-is-clear": "out",
        "clouds-are-coming": "in",
        "s1": "out",
    }


def test_map_with_a_broken_conflict_is_refused() -> None:
    m = argmap.ArgumentMap()
    a = m.attack(m.claim("A"), by=m.claim("B"))
    m.graph.add_edge(a, "b")
    with pytest.raises(argmap.GraphStructureError, match="2 targets"):
        sem.af_from_map(m)


LABELS = st.from_regex(r"C[0-9]{1,2}", fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(maps(text=LABELS, rich=False, unique_texts=True, max_claims=7, max_relations=8))
def test_map_inferences_fall_with_their_premises_and_conclusion(m: argmap.ArgumentMap) -> None:
    labels = sem.grounded_labelling(sem.af_from_map(m))
    assert set(labels) == set(m.claims()) | set(m.inferences())
    for s in m.inferences():
        ends = [*m.premises(s), m.conclusion(s)]
        if any(labels[c] == "out" for c in ends):
            assert labels[s] == "out"
        if labels[s] == "in":
            assert all(labels[c] != "out" for c in ends)
