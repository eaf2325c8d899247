"""Invariants of the argument-map model."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.exceptions import ArgmapError, GraphStructureError, QuoteNotFound
from argmap.model import CLAIM, CONFLICT, INFERENCE, KIND, REPHRASE, ArgumentMap, slugify
from argmap.schema import validate as schema_validate


@pytest.fixture
def umbrella() -> ArgumentMap:
    """C <- s1 [P1, P2]; U -a1-> s1 (undercut); R -a2-> P1 (undermine); C -r1-> C2."""
    m = ArgumentMap(source="It will rain. Umbrellas keep you dry. So take an umbrella.", title="Rain")
    c = m.claim("Take an umbrella.", quote="So take an umbrella.")
    p1 = m.claim("It will rain.", quote="It will rain.", speaker="the forecast")
    p2 = m.claim("Umbrellas keep you dry.", implicit=True)
    s = m.support(c, [p1, p2], scheme="practical_inference")
    m.attack(s, by=m.claim("It is too windy for an umbrella."))
    m.attack(p1, by=m.claim("The forecast is often wrong."))
    m.rephrase(c, m.claim("Bring an umbrella."))
    return m


# -- ids ----


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Putin has no time left!", "putin-has-no-time-left"),
        ("One two three four five six seven", "one-two-three-four-five-six"),
        ("Éléphant   ÇA", "elephant-ca"),
        ("Кремль", "claim"),
        ("", "claim"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_claim_ids_are_readable_and_unique() -> None:
    m = ArgumentMap()
    assert m.claim("Same text.") == "same-text"
    assert m.claim("Same text.") == "same-text-2"
    assert m.claim("Same text!") == "same-text-3"
    assert m.claim("Other.", id="mine") == "mine"
    assert list(m.claims()) == ["same-text", "same-text-2", "same-text-3", "mine"]


@pytest.mark.parametrize("bad", ["", 3, None])
def test_claim_rejects_bad_text(bad: object) -> None:
    with pytest.raises(GraphStructureError, match="text must be a non-empty string"):
        ArgumentMap().claim(bad)  # type: ignore[arg-type]
    with pytest.raises(GraphStructureError):
        ArgumentMap().claim("   ")


def test_explicit_ids_must_be_new_and_non_empty(umbrella: ArgumentMap) -> None:
    with pytest.raises(GraphStructureError, match="already used"):
        umbrella.claim("x", id="take-an-umbrella")
    with pytest.raises(GraphStructureError, match="already used"):
        umbrella.support("take-an-umbrella", "bring-an-umbrella", id="s1")
    with pytest.raises(GraphStructureError, match="non-empty string"):
        umbrella.claim("x", id="")


def test_relation_ids_count_per_kind(umbrella: ArgumentMap) -> None:
    assert list(umbrella.inferences()) == ["s1"]
    assert list(umbrella.conflicts()) == ["a1", "a2"]
    assert list(umbrella.rephrases()) == ["r1"]
    assert umbrella.support("take-an-umbrella", "bring-an-umbrella") == "s2"
    umbrella.graph.add_node("s3", **{KIND: CLAIM})  # a foreign node in the way
    assert umbrella.support("it-will-rain", "bring-an-umbrella") == "s4"


# -- supports ----


def test_linked_and_convergent(umbrella: ArgumentMap) -> None:
    assert umbrella.premises("s1") == ("it-will-rain", "umbrellas-keep-you-dry")
    assert umbrella.conclusion("s1") == "take-an-umbrella"
    s2 = umbrella.support("take-an-umbrella", "bring-an-umbrella", scheme=None)
    assert umbrella.inferences_to("take-an-umbrella") == ("s1", s2)
    assert umbrella.inferences_from("it-will-rain") == ("s1",)
    assert umbrella["s1"]["scheme"] == "practical_inference"


def test_premises_leave_out_undercuts(umbrella: ArgumentMap) -> None:
    assert "a1" in umbrella.graph.pred["s1"]
    assert umbrella.premises("s1") == ("it-will-rain", "umbrellas-keep-you-dry")
    assert umbrella.attacks_on("s1") == ("a1",)


@pytest.mark.parametrize(
    ("conclusion", "premises", "message"),
    [
        ("take-an-umbrella", "take-an-umbrella", "cannot support itself"),
        ("take-an-umbrella", ["it-will-rain", "take-an-umbrella"], "cannot support itself"),
        ("take-an-umbrella", ["it-will-rain", "it-will-rain"], "listed twice"),
        ("take-an-umbrella", [], "needs at least one claim"),
        ("nowhere", "it-will-rain", "unknown id 'nowhere'"),
        ("take-an-umbrella", ["it-will-rain", "nowhere"], "unknown id 'nowhere'"),
        ("s1", "it-will-rain", "'s1' is a inference, expected claim"),
        ("take-an-umbrella", "a1", "'a1' is a conflict, expected claim"),
    ],
)
def test_support_errors(
    umbrella: ArgumentMap, conclusion: str, premises: str | list[str], message: str
) -> None:
    before = umbrella.copy()
    with pytest.raises(GraphStructureError, match=message):
        umbrella.support(conclusion, premises)
    assert umbrella == before


# -- attacks ----


def test_attack_types_by_default(umbrella: ArgumentMap) -> None:
    assert umbrella["a1"]["attack_type"] == "undercut"
    assert umbrella["a2"]["attack_type"] == "undermine"
    a3 = umbrella.attack("take-an-umbrella", by="bring-an-umbrella")
    assert umbrella[a3]["attack_type"] == "rebut"
    lone = umbrella.claim("Lone claim.")
    a4 = umbrella.attack(lone, by="take-an-umbrella")
    assert umbrella[a4]["attack_type"] == "rebut"
    assert umbrella.attacks_by("take-an-umbrella") == (a4,)
    assert umbrella.attackers("a1") == ("it-is-too-windy-for-an",)
    assert umbrella.target("a1") == "s1"


def test_attack_with_explicit_type_and_several_attackers(umbrella: ArgumentMap) -> None:
    a = umbrella.attack("it-will-rain", by=["bring-an-umbrella", "take-an-umbrella"], type="rebut")
    assert umbrella[a]["attack_type"] == "rebut"
    assert umbrella.attackers(a) == ("bring-an-umbrella", "take-an-umbrella")


@pytest.mark.parametrize(
    ("target", "by", "kind", "message"),
    [
        ("it-will-rain", "take-an-umbrella", "undercut", "an undercut targets an inference; 'it-will-rain'"),
        ("s1", "take-an-umbrella", "rebut", "a rebut targets a claim; 's1' is an inference"),
        ("s1", "take-an-umbrella", "undermine", "an undermine targets a claim; 's1' is an inference"),
        ("it-will-rain", "take-an-umbrella", "refute", "attack_type must be one of .*'refute'"),
        ("it-will-rain", [], None, "an attack needs at least one claim"),
        ("nowhere", "take-an-umbrella", None, "unknown id"),
        ("a2", "take-an-umbrella", None, "'a2' is a conflict"),
        ("r1", "take-an-umbrella", None, "'r1' is a rephrase"),
        ("it-will-rain", "s1", None, "'s1' is a inference, expected claim"),
    ],
)
def test_attack_errors(
    umbrella: ArgumentMap, target: str, by: str | list[str], kind: str | None, message: str
) -> None:
    before = umbrella.copy()
    with pytest.raises(GraphStructureError, match=message):
        umbrella.attack(target, by, type=kind)  # type: ignore[arg-type]
    assert umbrella == before


def test_rephrase(umbrella: ArgumentMap) -> None:
    assert umbrella.premises("r1") == ("take-an-umbrella",)
    assert umbrella.conclusion("r1") == "bring-an-umbrella"
    with pytest.raises(GraphStructureError, match="cannot rephrase itself"):
        umbrella.rephrase("it-will-rain", "it-will-rain")
    with pytest.raises(GraphStructureError, match="expected claim"):
        umbrella.rephrase("s1", "it-will-rain")


# -- remove ----


def test_remove_only_premise_takes_inference_and_undercut() -> None:
    m = ArgumentMap()
    s = m.support(m.claim("C"), m.claim("P"))
    m.attack(s, by=m.claim("U"))
    m.remove("p")
    assert set(m) == {"c", "u"}
    m.validate()


def test_remove_one_linked_premise_keeps_the_inference(umbrella: ArgumentMap) -> None:
    umbrella.remove("umbrellas-keep-you-dry")
    assert umbrella.premises("s1") == ("it-will-rain",)
    assert "a1" in umbrella
    umbrella.validate()


def test_remove_conclusion_and_relations(umbrella: ArgumentMap) -> None:
    umbrella.remove("take-an-umbrella")
    assert not any(k in (INFERENCE, REPHRASE) for _, k in umbrella.graph.nodes(data=KIND))
    assert list(umbrella.conflicts()) == ["a2"]
    umbrella.validate()
    umbrella.remove("a2")
    assert list(umbrella.relations()) == []
    assert "it-will-rain" in umbrella
    with pytest.raises(GraphStructureError, match="unknown id"):
        umbrella.remove("a2")


def test_remove_inference_takes_its_undercut(umbrella: ArgumentMap) -> None:
    umbrella.remove("s1")
    assert "a1" not in umbrella and "it-is-too-windy-for-an" in umbrella
    umbrella.validate()


# -- source text and locate ----


def test_claim_quote_gets_a_span(umbrella: ArgumentMap) -> None:
    assert umbrella["take-an-umbrella"]["span"] == (38, 58)
    assert umbrella.quote_text("take-an-umbrella") == "So take an umbrella."
    assert umbrella.quote_text("umbrellas-keep-you-dry") is None


@pytest.mark.parametrize(
    ("source", "quote", "span"),
    [
        ('He said "no deal" twice.', '"no deal"', (8, 17)),
        ("He said “no deal” twice.", '"no deal"', (8, 17)),
        ('He said "no deal" twice.', "“no deal”", (8, 17)),
        ("He said «no deal» twice.", "„no deal“", (8, 17)),
        ("Putin’s problem", "Putin's problem", (0, 15)),
        ("Putin's problem", "Putin‘s problem", (0, 15)),
        ("a  long\n\tgap here", "long gap", (3, 12)),
        ("a long gap here", "  long   gap  ", (2, 10)),
        ("x.y*z (a+b)", "y*z (a+b)", (2, 11)),
    ],
)
def test_locate_loose(source: str, quote: str, span: tuple[int, int]) -> None:
    assert ArgumentMap(source=source).locate(quote) == span


def test_locate_start_and_first_match() -> None:
    m = ArgumentMap(source="yes. yes. yes.")
    assert m.locate("yes.") == (0, 4)
    assert m.locate("yes.", start=1) == (5, 9)
    assert m.locate("yes.", start=10) == (10, 14)


def test_locate_errors() -> None:
    m = ArgumentMap(source="It rains.")
    with pytest.raises(QuoteNotFound, match="quote not found") as err:
        m.locate("It snows.")
    assert err.value.quote == "It snows."
    assert isinstance(err.value, ArgmapError) and isinstance(err.value, LookupError)
    with pytest.raises(QuoteNotFound):
        m.locate("")
    with pytest.raises(QuoteNotFound):
        m.claim("It snows.", quote="It snows.")
    assert len(m) == 0
    with pytest.raises(GraphStructureError, match="no source text"):
        ArgumentMap().locate("x")


def test_long_quote_is_shortened_in_message() -> None:
    err = QuoteNotFound("x" * 100)
    assert "..." in str(err) and len(str(err)) < 100


def test_spans() -> None:
    m = ArgumentMap(source="abc")
    m.claim("C", id="c", span=(1, 3))
    assert m["c"]["span"] == (1, 3) and m.quote_text("c") == "bc"
    with pytest.raises(GraphStructureError, match="outside the source"):
        m.claim("D", span=(2, 4))
    with pytest.raises(GraphStructureError, match="has a span but the map has no source"):
        ArgumentMap().claim("D", span=(0, 1))
    assert ArgumentMap().claim("No source.", quote="anything") == "no-source"


# -- lookups ----


def test_lookups(umbrella: ArgumentMap) -> None:
    assert len(umbrella) == len(umbrella.graph) == 10
    assert set(umbrella) == set(umbrella.graph)
    assert "s1" in umbrella and "nowhere" not in umbrella
    assert umbrella.kind("a1") == CONFLICT
    assert list(umbrella.relations()) == ["s1", "a1", "a2", "r1"]
    umbrella["it-will-rain"]["tags"] = ("weather",)
    assert umbrella.graph.nodes["it-will-rain"]["tags"] == ("weather",)
    with pytest.raises(GraphStructureError, match="unknown id"):
        umbrella["nowhere"]
    with pytest.raises(GraphStructureError, match="expected claim"):
        umbrella.inferences_to("s1")
    with pytest.raises(GraphStructureError, match="expected"):
        umbrella.premises("it-will-rain")


def test_claim_attributes(umbrella: ArgumentMap) -> None:
    d = umbrella["it-will-rain"]
    assert d == {
        KIND: CLAIM,
        "text": "It will rain.",
        "quote": "It will rain.",
        "span": (0, 13),
        "passages": (),
        "speaker": "the forecast",
        "implicit": False,
        "thesis": False,
        "tags": (),
        "section": None,
        "meta": {},
    }
    assert umbrella["umbrellas-keep-you-dry"]["implicit"] is True


def test_map_attributes() -> None:
    m = ArgumentMap(source="s", title="t")
    assert (m.source, m.title, m.meta) == ("s", "t", {})
    m.source, m.title = "new", None
    m.meta["k"] = 1
    assert m.graph.graph == {"source": "new", "title": None, "meta": {"k": 1}}


def test_wraps_a_graph_without_copying() -> None:
    g = nx.DiGraph()
    m = ArgumentMap(graph=g, title="t")
    m.claim("A")
    assert "a" in g and m.graph is g and g.graph["title"] == "t"


# -- equality and copies ----


def test_equality_and_copy(umbrella: ArgumentMap) -> None:
    twin = umbrella.copy()
    assert twin == umbrella and twin is not umbrella and twin.graph is not umbrella.graph
    twin["take-an-umbrella"]["meta"]["note"] = "changed"
    assert umbrella["take-an-umbrella"]["meta"] == {}
    assert twin != umbrella
    other = umbrella.copy()
    other.title = "Other"
    assert other != umbrella
    edges = umbrella.copy()
    edges.graph.remove_edge("umbrellas-keep-you-dry", "s1")
    edges.graph.add_edge("bring-an-umbrella", "s1")
    assert edges != umbrella
    assert umbrella != "a map"
    assert (umbrella == 3) is False
    with pytest.raises(TypeError):
        hash(umbrella)


def test_repr(umbrella: ArgumentMap) -> None:
    assert repr(umbrella) == "<ArgumentMap 'Rain': 6 claims, 1 supports, 2 attacks, 1 rephrases>"
    assert repr(ArgumentMap()) == "<ArgumentMap: 0 claims, 0 supports, 0 attacks, 0 rephrases>"


# -- validate ----


def test_validate_accepts_all_relation_kinds(umbrella: ArgumentMap) -> None:
    umbrella.validate()
    schema_validate(umbrella.graph)


def _broken(kind: str) -> ArgumentMap:
    m = ArgumentMap(source="abc")
    s = m.support(m.claim("C"), m.claim("P"))
    m.attack(s, by=m.claim("U"))
    r = m.rephrase("c", m.claim("D"))
    g = m.graph
    if kind == "unknown kind":
        g.nodes["c"][KIND] = "thing"
    elif kind == "no text":
        g.nodes["c"]["text"] = " "
    elif kind == "span without source":
        g.nodes["c"]["span"] = (0, 1)
        g.graph["source"] = None
    elif kind == "span outside":
        g.nodes["c"]["span"] = (2, 9)
    elif kind == "no incoming":
        g.remove_edge("p", s)
    elif kind == "two outgoing":
        g.add_edge(s, "d")
    elif kind == "non-claim source":
        g.add_edge(r, "a1")
        g.remove_edge("a1", s)
        g.add_edge("a1", "c")
    elif kind == "conflict on rephrase":
        g.remove_edge("a1", s)
        g.add_edge("a1", r)
    elif kind == "no attack type":
        g.nodes["a1"]["attack_type"] = "refute"
    elif kind == "inference into rephrase":
        first = nx.DiGraph(**g.graph)
        first.add_node("s0", **{KIND: INFERENCE, "scheme": None, "meta": {}})
        first.add_nodes_from(g.nodes(data=True))
        first.add_edges_from([*g.edges(), ("p", "s0"), ("s0", r)])
        return ArgumentMap(graph=first)
    elif kind == "claim to claim":
        g.add_edge("c", "p")
    return m


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("unknown kind", "unknown kind 'thing'"),
        ("no text", "text must be a non-empty string"),
        ("span without source", "has a span but the map has no source"),
        ("span outside", "outside the source"),
        ("no incoming", "has no source claim"),
        ("two outgoing", "has 2 targets, needs 1"),
        ("non-claim source", "an undercut targets an inference; 'c' is a claim"),
        ("conflict on rephrase", "targets a rephrase"),
        ("no attack type", "attack_type must be one of"),
        ("inference into rephrase", "inference 's0' points to a rephrase 'r1', not a claim"),
        ("claim to claim", "joins two claims"),
    ],
)
def test_validate_failures(kind: str, message: str) -> None:
    with pytest.raises(GraphStructureError, match=message):
        _broken(kind).validate()


# -- random maps keep the schema ----

_ops = st.lists(
    st.tuples(
        st.sampled_from(["claim", "support", "attack", "rephrase", "remove"]),
        st.integers(0, 50),
        st.integers(0, 50),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(_ops)
def test_random_building_keeps_the_schema(ops: list[tuple[str, int, int]]) -> None:
    m = ArgumentMap()
    for op, i, j in ops:
        claims = list(m.claims())
        inferences = list(m.inferences())
        nodes = list(m)
        try:
            if op == "claim" or not claims:
                m.claim(f"Claim {i}")
            elif op == "support":
                m.support(claims[i % len(claims)], [claims[j % len(claims)]])
            elif op == "attack":
                targets = claims + inferences
                m.attack(targets[i % len(targets)], by=claims[j % len(claims)])
            elif op == "rephrase":
                m.rephrase(claims[i % len(claims)], claims[j % len(claims)])
            else:
                m.remove(nodes[i % len(nodes)])
        except GraphStructureError as exc:
            assert "itself" in str(exc)
        m.validate()
        for r in m.relations():
            assert all(m.kind(p) == CLAIM for p in m.premises(r))
        assert m.copy() == m


def test_a_claim_of_several_passages() -> None:
    m = ArgumentMap(source="Taxes fund schools. Also roads. And schools teach.")
    c = m.claim("Taxes fund schools, which teach.", quote="Taxes fund schools … schools teach")
    assert m[c]["passages"] == ((0, 18), (36, 49)) and m[c]["span"] == (0, 49)
    assert m.quote_text(c) == "Taxes fund schools … schools teach"
    d = m.claim("Roads.", passages=[(20, 24), (25, 30)])
    assert m[d]["span"] == (20, 30)
    with pytest.raises(GraphStructureError, match="sorted spans that do not overlap"):
        m.claim("Bad.", passages=[(5, 9), (0, 3)])
    with pytest.raises(GraphStructureError, match="two or more spans"):
        m.claim("One.", passages=[(0, 3)])
    with pytest.raises(GraphStructureError, match="first passage to its last"):
        m.claim("Wrong extent.", passages=[(0, 3), (5, 9)], span=(0, 20))
    with pytest.raises(QuoteNotFound):
        m.claim("Missing.", quote="Taxes … bridges")
