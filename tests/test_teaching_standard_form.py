"""Standard form in text and Markdown."""

from __future__ import annotations

import re

import networkx as nx
import pytest
from _teaching_maps import random_maps, reference_map
from hypothesis import given, settings

from argmap.exceptions import ArgmapError
from argmap.model import ArgumentMap
from argmap.teaching.standard_form import arguments, standard_form

REFERENCE_TEXT = """\
Argument 1
  (1) Engineers say the old bridge is unsafe.
  ---- from (1) by Argument from expert opinion
  (2) The old bridge is unsafe.

Argument 2
  (3) Traffic jams cost commuters an hour a day.
  (2) The old bridge is unsafe. [conclusion of argument 1]
  (4) A new bridge would end the jams. [implicit]
  ---- from (3), (2), (4) by Practical reasoning
  (5) The city should build a new bridge.

Objections
  (6) The budget is already stretched.
  ---- rebuts (5)"""

REFERENCE_MARKDOWN = """\
### Argument 1

- (1) Engineers say the old bridge is unsafe.
- ―― *from (1) by Argument from expert opinion* ――
- **(2) The old bridge is unsafe.**

### Argument 2

- (3) Traffic jams cost commuters an hour a day.
- (2) *[conclusion of argument 1]* The old bridge is unsafe.
- (4) *[implicit]* A new bridge would end the jams.
- ―― *from (3), (2), (4) by Practical reasoning* ――
- **(5) The city should build a new bridge.**

### Objections

- (6) The budget is already stretched.
- ―― *rebuts (5)* ――"""


def test_reference_text() -> None:
    assert standard_form(reference_map()) == REFERENCE_TEXT


def test_reference_markdown() -> None:
    assert standard_form(reference_map(), format="markdown") == REFERENCE_MARKDOWN


def test_dependency_order_beats_insertion_order() -> None:
    m = ArgumentMap()
    top = m.claim("Top.")
    mid = m.claim("Mid.")
    m.support(top, mid)  # inserted first, but it uses the conclusion of the next one
    m.support(mid, m.claim("Base."))
    sf = arguments(m)
    assert [a.conclusion for a in sf.arguments] == ["mid", "top"]
    assert sf.numbers == {"base": 1, "mid": 2, "top": 3}


def test_convergent_undercut_and_unknown_scheme() -> None:
    m = ArgumentMap()
    c = m.claim("C.")
    s1 = m.support(c, m.claim("A."), scheme="my own scheme")
    m.support(c, m.claim("B."))
    m.attack(s1, m.claim("U."))
    assert standard_form(m) == (
        "Argument 1\n  (1) A.\n  ---- from (1) by My own scheme\n  (2) C.\n\n"
        "Argument 2\n  (3) B.\n  ---- from (3)\n  (2) C.\n\n"
        "Objections\n  (4) U.\n  ---- undercuts argument 1"
    )


def test_objection_shows_a_target_no_argument_shows() -> None:
    m = ArgumentMap()
    m.support(m.claim("C."), m.claim("P."))
    m.attack(m.claim("T."), m.claim("X."))
    m.attack("x", m.claim("Y."))
    assert standard_form(m).split("Objections\n")[1] == (
        "  (3) X.\n  ---- rebuts (4)\n  (4) T.\n  (5) Y.\n  ---- rebuts (3)"
    )


def test_cycle_and_lonely_claims() -> None:
    m = ArgumentMap()
    a, b = m.claim("A."), m.claim("B.")
    m.support(a, b)
    m.support(b, a)
    m.claim("Alone.")
    sf = arguments(m)
    assert len(sf.arguments) == 2
    assert set(sf.numbers) == {"a", "b", "alone"}
    assert standard_form(ArgumentMap()) == "(no arguments)"


def test_markdown_escapes() -> None:
    m = ArgumentMap()
    m.support(m.claim("*Bold* <script>alert(1)</script>"), m.claim("a_b [x](y)"))
    md = standard_form(m, format="markdown")
    assert "\\<script\\>" in md and "<script>" not in md
    assert "a\\_b \\[x\\](y)" in md


def test_unknown_format() -> None:
    with pytest.raises(ArgmapError, match="unknown standard-form format 'html'"):
        standard_form(ArgumentMap(), format="html")  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(random_maps())
def test_numbering_properties(m: ArgumentMap) -> None:
    sf = arguments(m)
    assert sorted(sf.numbers.values()) == list(range(1, len(list(m.claims())) + 1))
    assert len(sf.arguments) == len(list(m.inferences()))
    text = standard_form(m)
    supports = m.graph.subgraph([n for n in m.graph if m.kind(n) != "conflict"])
    if nx.is_directed_acyclic_graph(supports):
        for arg in sf.arguments:
            for p in arg.premises:
                assert sf.argument_of.get(p, 0) < arg.number
    for n in re.findall(r"\((\d+)\)", text):
        assert 1 <= int(n) <= len(sf.numbers)
