"""Structure of maps: conclusions, premises, chains, depth and the checks."""

from __future__ import annotations

import pytest

import argmap
from argmap.analysis.structure import (
    Finding,
    basic_premises,
    chains,
    check,
    content_words,
    depth,
    main_conclusions,
)


def _tree() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    c = m.claim("Cities should ban cars.")
    m.support(c, [m.claim("Cars pollute cities."), m.claim("Cities should ban what pollutes them.")])
    m.support(
        "cars-pollute-cities",
        [m.claim("Cars produce exhaust."), m.claim("Whatever produces exhaust pollutes cities.")],
    )
    m.support(c, m.claim("Cities without cars are safer, so cities should ban cars."))
    return m


def _kinds(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.level, f.node, f.message.split(":")[0]) for f in findings]


def test_conclusions_premises_chains_depth() -> None:
    m = _tree()
    assert main_conclusions(m) == ["cities-should-ban-cars"]
    assert basic_premises(m) == [
        "cities-should-ban-what-pollutes-them",
        "cars-produce-exhaust",
        "whatever-produces-exhaust-pollutes-cities",
        "cities-without-cars-are-safer-so",
    ]
    assert basic_premises(m, "cars-pollute-cities") == [
        "cars-produce-exhaust",
        "whatever-produces-exhaust-pollutes-cities",
    ]
    assert chains(m, "cities-should-ban-cars") == [
        ["cars-produce-exhaust", "s2", "cars-pollute-cities", "s1", "cities-should-ban-cars"],
        ["cities-should-ban-what-pollutes-them", "s1", "cities-should-ban-cars"],
        ["cities-without-cars-are-safer-so", "s3", "cities-should-ban-cars"],
        [
            "whatever-produces-exhaust-pollutes-cities",
            "s2",
            "cars-pollute-cities",
            "s1",
            "cities-should-ban-cars",
        ],
    ]
    assert depth(m) == 2
    assert depth(m, "cars-pollute-cities") == 1
    with pytest.raises(argmap.GraphStructureError, match="not a claim"):
        chains(m, "s1")
    with pytest.raises(argmap.GraphStructureError, match="not a claim"):
        basic_premises(m, "nope")


def test_tree_has_one_finding() -> None:
    assert [str(f) for f in check(_tree())] == [
        "warning s3: holding-hands rule: 'safer' in premise 'cities-without-cars-are-safer-so' appears"
        " in neither the conclusion nor a co-premise"
    ]


def test_circular_reasoning_is_an_error() -> None:
    m = argmap.ArgumentMap()
    a, b, c = m.claim("God exists."), m.claim("The Bible says God exists."), m.claim("The Bible is true.")
    m.support(a, b)
    m.support(b, c)
    m.support(c, a)
    found = [f for f in check(m) if f.level == "error"]
    assert found == [
        Finding(
            "error",
            "god-exists",
            "circular-reasoning: god-exists -> the-bible-is-true -> the-bible-says-god-exists -> god-exists",
        )
    ]
    assert depth(m) == 0  # no basic premise, no chain


def test_relation_and_claim_checks() -> None:
    m = argmap.ArgumentMap()
    a = m.claim("A is so.")
    m.attack(a, by=m.claim("A is not so."))  # a: attacked, unsupported, unused
    s = m.support(m.claim("B is so."), m.claim("B is so indeed."))
    m.attack(s, by="b-is-so-indeed")  # self-attack through its own inference
    m.claim("Lonely.")
    m.graph.add_node("r9", kind="rephrase", meta={})  # no source, no target
    m.graph.add_node("a9", kind="conflict", attack_type="rebut", meta={})
    m.graph.add_edge("a-is-so", "a9")
    m.graph.add_edge("a9", "s1")  # a rebut that lands on an inference: allowed kind, so fine
    m.graph.add_node("s9", kind="inference", scheme=None, meta={})
    m.graph.add_edge("lonely", "s9")
    m.graph.add_edge("s9", "s1")  # an inference pointing to an inference
    got = _kinds(check(m))
    assert ("error", "a2", "self-attack") in got
    assert ("error", "r9", "empty-relation") in got
    assert ("error", "r9", "dangling-relation") in got
    assert ("error", "s9", "dangling-relation") in got
    assert ("warning", "a-is-so", "unsupported") not in got  # it attacks through a9
    assert got.index(("error", "r9", "empty-relation")) < got.index(("warning", "s1", "holding-hands rule"))


def test_unsupported_isolated_and_implicit() -> None:
    m = argmap.ArgumentMap()
    thesis = m.claim("Taxes should rise.")
    m.attack(thesis, by=m.claim("Taxes are already high."))
    m.claim("Unrelated remark.")
    c = m.claim("Schools need money.")
    m.support(c, [m.claim("Schools lack money.", implicit=True), m.claim("Money schools lack is needed.")])
    got = _kinds(check(m))
    assert ("warning", "taxes-should-rise", "unsupported") in got
    assert ("warning", "unrelated-remark", "isolated") in got
    assert ("info", "schools-lack-money", "implicit-premise") in got
    assert ("warning", "taxes-are-already-high", "unsupported") not in got


def test_rabbit_and_holding_hands_name_the_missing_link() -> None:
    m = argmap.ArgumentMap()
    m.support(m.claim("The street is wet."), m.claim("It rained."))
    messages = [f.message for f in check(m)]
    assert (
        "rabbit rule: 'street', 'wet' in the conclusion appear in no premise"
        " (missing link: 'rained' -> 'street', 'wet')" in messages
    )
    assert len([msg for msg in messages if msg.startswith("rabbit rule")]) == 1  # one finding per inference
    assert any(msg.startswith("holding-hands rule: 'rained' in premise 'it-rained'") for msg in messages)
    fixed = argmap.ArgumentMap()
    fixed.support(
        fixed.claim("The street is wet."), [fixed.claim("It rained."), fixed.claim("Rain wets the street.")]
    )
    assert not [f for f in check(fixed) if "rule" in f.message]


@pytest.mark.parametrize(
    ("text", "stems"),
    [
        ("Dogs barked loudly", ["dog", "bark", "loud"]),
        ("The glass is broken", ["glass", "broken"]),
        ("Stopping the parties", ["stop", "party"]),
        ("Men and women", ["man", "woman"]),
        ("It's 2024 and the analysis studies cities", ["it", "analysis", "study", "city"]),
        ("", []),
    ],
)
def test_content_words(text: str, stems: list[str]) -> None:
    assert list(content_words(text)) == stems


def test_findings_are_frozen_and_print() -> None:
    f = Finding("warning", "n", "isolated: x")
    assert str(f) == "warning n: isolated: x"
    with pytest.raises(AttributeError):
        f.level = "error"  # type: ignore[misc]
