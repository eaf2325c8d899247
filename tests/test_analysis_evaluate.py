"""One label and number per claim, under every semantics."""

from __future__ import annotations

import importlib.util

import pytest

import argmap
from argmap.analysis.evaluate import MAP_SEMANTICS, evaluate, value_range

needs_sat = pytest.mark.skipif(
    importlib.util.find_spec("pysat") is None, reason="python-sat is not installed"
)


def _odd_cycle() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    a, b, c = m.claim("A"), m.claim("B"), m.claim("C")
    m.attack(b, by=a)
    m.attack(c, by=b)
    m.attack(a, by=c)
    m.claim("D")
    return m


@needs_sat
def test_extension_semantics_labels() -> None:
    m = _odd_cycle()
    assert evaluate(m, "grounded") == {
        "a": ("undec", 0.0),
        "b": ("undec", 0.0),
        "c": ("undec", 0.0),
        "d": ("in", 1.0),
    }
    assert evaluate(m, "preferred") == {
        "a": ("rejected", -1.0),
        "b": ("rejected", -1.0),
        "c": ("rejected", -1.0),
        "d": ("sceptical", 1.0),
    }
    # no stable extension: nothing is accepted, not even vacuously
    assert set(evaluate(m, "stable").values()) == {("rejected", -1.0)}
    m.attack("a", by="d")
    complete = evaluate(m, "complete")
    assert (complete["a"], complete["b"], complete["c"]) == (
        ("rejected", -1.0),
        ("sceptical", 1.0),
        ("rejected", -1.0),
    )


def test_gradual_labels_are_strengths() -> None:
    m = _odd_cycle()
    for semantics in ("h-categorizer", "df-quad"):
        values = evaluate(m, semantics)  # type: ignore[arg-type]
        assert list(values) == ["a", "b", "c", "d"]
        for label, number in values.values():
            assert label == f"{number:.3f}"
            assert 0.0 <= number <= 1.0


def test_ranges_and_unknown_semantics() -> None:
    assert [value_range(s) for s in MAP_SEMANTICS] == [(-1.0, 1.0)] * 4 + [(0.0, 1.0)] * 2
    with pytest.raises(ValueError, match="unknown semantics"):
        evaluate(argmap.ArgumentMap(), "ideal")  # type: ignore[arg-type]
