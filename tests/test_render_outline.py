"""The terminal outline."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.render.outline import outline


def test_empty_map() -> None:
    assert outline(argmap.ArgumentMap()) == ""


def test_single_premise_support_with_undercut_and_rephrase() -> None:
    m = argmap.ArgumentMap(title="Wet")
    c = m.claim("The street is wet.")
    s = m.support(c, m.claim("It rains."))
    m.attack(s, by=[m.claim("A sprinkler is on."), m.claim("It wets streets too.")])
    m.rephrase(m.claim("The road is wet."), c)
    assert outline(m) == "\n".join(
        [
            "Wet",
            "===",
            "The street is wet.",
            "  + It rains.",
            "    x linked:",
            "      & A sprinkler is on.",
            "      & It wets streets too.",
            "  = The road is wet.",
        ]
    )


def test_linked_attack_and_objection_roots() -> None:
    m = argmap.ArgumentMap()
    c = m.claim("C")
    m.support(c, m.claim("P"))
    m.attack(c, by=[m.claim("A1"), m.claim("A2", implicit=True)])
    lone = m.claim("Lone", speaker="nobody")
    assert outline(m).splitlines() == [
        "C",
        "  + P",
        "  - linked:",
        "    & A1",
        "    & A2 [implicit]",
        "Lone — according to nobody",
    ]
    assert lone in m


def test_shared_premise_is_shown_once_in_full() -> None:
    m = argmap.ArgumentMap()
    p = m.claim("Shared")
    m.support(p, m.claim("Deep"))
    m.support(m.claim("C1"), p)
    m.support(m.claim("C2"), p)
    assert outline(m).splitlines() == ["C1", "  + Shared", "    + Deep", "C2", "  + Shared (see above)"]


def test_mutual_attack_terminates() -> None:
    m = argmap.ArgumentMap()
    a, b = m.claim("A"), m.claim("B")
    m.attack(a, by=b)
    m.attack(b, by=a)
    assert outline(m).splitlines() == ["A", "  - B", "    - A (cycle)"]


def test_text_is_one_line_and_speaker_format() -> None:
    m = argmap.ArgumentMap()
    m.claim("two\n  lines", speaker="the\npress")
    assert outline(m, speaker_format="[{speaker}]") == "two lines [the press]"


@given(st.data())
def test_every_claim_appears(data: st.DataObject) -> None:
    m = argmap.ArgumentMap()
    n = data.draw(st.integers(1, 8))
    ids = [m.claim(f"claim {i}", id=f"c{i}") for i in range(n)]
    for _ in range(data.draw(st.integers(0, 12))):
        a, b = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
        if a == b:
            continue
        op = data.draw(st.sampled_from(["support", "attack", "rephrase", "undercut"]))
        if op == "undercut" and any(True for _ in m.inferences()):
            m.attack(data.draw(st.sampled_from(sorted(m.inferences()))), by=a)
        elif op == "rephrase":
            m.rephrase(a, b)
        elif op == "attack":
            m.attack(b, by=a)
        else:
            m.support(b, a)
    lines = outline(m).splitlines()
    shown = {
        line.strip().lstrip("+-x=&").strip().removesuffix(" (see above)").removesuffix(" (cycle)")
        for line in lines
    }
    assert {f"claim {i}" for i in range(n)} <= shown
