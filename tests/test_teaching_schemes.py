"""Critical questions about the actual argument (argmap.teaching.schemes), and questions as attacks."""

from __future__ import annotations

import re

import pytest
from _teaching_maps import reference_map
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.exceptions import GraphStructureError, UnknownSchemeError
from argmap.model import ArgumentMap
from argmap.readwrite.argdown import generate_argdown, parse_argdown
from argmap.schemes import get_scheme, schemes
from argmap.teaching.schemes import (
    CQ_TAG,
    add_question_attack,
    bind_roles,
    inference_questions,
    open_questions,
)

_QUOTED = re.compile(r"“[^”]*”")
_BARE = re.compile(r"(?<![\w.’'])(?:[A-Z][0-9]?|An)(?![\w’'])")
_TEXT = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="{}“”\x00"), max_size=40)
_ARTICLE = re.compile(r"(?:^|[.?!] )A (?=[a-z])")


def bare_variables(text: str) -> list[str]:
    """Role letters or placeholders left in ``text`` outside quoted claims ("I", the article "A" aside)."""
    outside = _QUOTED.sub(" ", text)
    braces = re.findall(r"\{[^}]*\}|premise\d", outside)
    outside = _ARTICLE.sub(" ", re.sub(r"\{[^}]*\}", " ", outside))
    return [v for v in _BARE.findall(outside) if v != "I"] + braces


def test_bare_variable_detector() -> None:
    assert bare_variables("Is E an expert in D?") == ["E", "D"]
    assert bare_variables("Is “Plan A” good? A question about {G} and premise1.") == ["{G}", "premise1"]
    assert bare_variables("Is A possible? Is G2 good?") == ["A", "G2"]
    assert bare_variables("A sign of “X” is seen; I agree.") == []


def test_seed_map_questions_are_about_the_argument() -> None:
    m = argmap.seed_map()
    speakers = {str(m[c]["speaker"]) for c in m.claims() if m[c].get("speaker")}
    asked = 0
    for inf in m.inferences():
        for q in inference_questions(m, inf):
            asked += 1
            assert q.text.endswith(("?", "”)")), q.text
            assert bare_variables(q.text) == [], q.text
            assert q.statement is None or bare_variables(q.statement) == [], q.statement
            # every question quotes a claim of the argument or names its speaker
            assert "“" in q.text or any(name in q.text for name in speakers), q.text
    assert asked == 35


def test_seed_map_expert_and_practical_reasoning() -> None:
    m = argmap.seed_map()
    expert = inference_questions(m, "s-experts")
    assert [q.key for q in expert] == [
        "expertise",
        "field",
        "opinion",
        "trustworthiness",
        "consistency",
        "backup_evidence",
    ]
    assert expert[1].text == (
        "Is experts an expert in the field “It is unclear how many more Oreshnik systems Russia has”"
        " belongs to?"
    )
    pr = {q.key: q.text for q in inference_questions(m, "s-time-pressure")}
    assert pr["other_goals"] == (
        "Are there other goals that should be considered that might conflict with "
        "“Putin needs to get some results quickly”?"
    )
    assert "“Putin is raising the stakes and blackmailing" in pr["possible"]


def test_speakers_fill_agent_roles() -> None:
    m = ArgumentMap()
    p = m.claim("Russian politics is heading for talks.", speaker="political scientist Igor Reiterovich")
    s = m.support(m.claim("Talks will start in spring."), p, scheme="Argument from expert opinion")
    questions = inference_questions(m, s)
    assert questions[1].text == (
        "Is political scientist Igor Reiterovich an expert in the field “Talks will start in spring”"
        " belongs to?"
    )
    assert questions[5].statement == (
        "Political scientist Igor Reiterovich's assertion that “Talks will start in spring”"
        " is based on evidence."
    )
    m[p]["speaker"] = None
    assert inference_questions(m, s)[0].text == (
        "How credible is the expert as an expert source? (about “Russian politics is heading for talks”)"
    )


def test_premises_are_matched_by_word_overlap_then_order() -> None:
    m = ArgumentMap()
    means = m.claim("Building a bridge would cut the commute by half.")
    goal = m.claim("We want a shorter commute.")
    s = m.support(m.claim("We should build a bridge."), [means, goal], scheme="practical_reasoning")
    b = bind_roles(m, s)
    assert b.slots == {0: "we-should-build-a-bridge", 1: goal, 2: means}
    assert b.values["G"] == "“We want a shorter commute”"
    assert b.values["A"] == "“We should build a bridge”"
    assert b.bound == {"G", "A", "premise1", "premise2", "conclusion"}
    # without shared words, the order decides
    m2 = ArgumentMap()
    first, second = m2.claim("Alpha."), m2.claim("Beta.")
    s2 = m2.support(m2.claim("Gamma."), [first, second], scheme="cause_to_effect")
    assert bind_roles(m2, s2).slots == {0: "gamma", 1: first, 2: second}


def test_unfilled_roles_use_the_schemes_words_and_questions_quote_the_premise() -> None:
    m = ArgumentMap()
    s = m.support(
        m.claim("She is not to be trusted on this."), m.claim("He lied before."), scheme="ad_hominem"
    )
    texts = [q.text for q in inference_questions(m, s)]
    assert texts[0] == (
        "Is the charge of bad character against the person attacked backed by evidence?"
        " (about “He lied before”)"
    )
    assert all(bare_variables(t) == [] for t in texts)


def test_slot_references_fall_back_to_the_premise_in_words() -> None:
    m = ArgumentMap()
    s = m.support(
        m.claim("The river is a waterway."), m.claim("Boats use it."), scheme="verbal_classification"
    )
    b = bind_roles(m, s)
    assert b.values["premise2"] == (
        "the premise that for all x, if x has property the property, then x can be classified as having "
        "property the classification"
    )
    assert inference_questions(m, s)[0].text.startswith("What evidence is there that “Boats use it” holds")


def test_long_claims_are_shortened_in_questions() -> None:
    m = ArgumentMap()
    long_text = "The bridge " + "really " * 40 + "is unsafe."
    s = m.support(m.claim(long_text), m.claim("Engineers say so.", speaker="Dr Lee"), scheme="expert_opinion")
    quoted = re.findall(r"“[^”]*”", inference_questions(m, s)[1].text)[0]
    assert len(quoted) <= 122 and quoted.endswith("…”")


def test_every_scheme_instantiates_without_bare_variables() -> None:
    for scheme in schemes():
        for n in (1, len(scheme.premises), len(scheme.premises) + 2):
            m = ArgumentMap()
            premises = [
                m.claim(f"Premise number {k} holds.", speaker="Ann" if k % 2 else None) for k in range(n)
            ]
            s = m.support(m.claim("The conclusion holds."), premises, scheme=scheme.id)
            for q in inference_questions(m, s):
                assert bare_variables(q.text) == [], (scheme.id, q.text)
                assert q.statement is None or bare_variables(q.statement) == [], (scheme.id, q.statement)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(s.id for s in schemes())),
    st.lists(_TEXT.filter(str.strip), min_size=1, max_size=5, unique=True),
    _TEXT.filter(str.strip),
    st.lists(st.none() | _TEXT, min_size=6, max_size=6),
)
def test_any_argument_gets_questions(
    sid: str, texts: list[str], conclusion: str, speakers: list[str | None]
) -> None:
    m = ArgumentMap()
    ids = [m.claim(t, speaker=speakers[i]) for i, t in enumerate(texts)]
    c = m.claim(conclusion + " (conclusion)", speaker=speakers[-1])
    s = m.support(c, ids, scheme=sid)
    questions = inference_questions(m, s)
    assert len(questions) == len(get_scheme(sid).questions)
    assert all(q.text and "{" not in _QUOTED.sub("", q.text) for q in questions)


def test_no_scheme_no_questions_and_unknown_scheme() -> None:
    m = ArgumentMap()
    s = m.support(m.claim("C"), m.claim("P"))
    assert inference_questions(m, s) == ()
    m[s]["scheme"] = "expret opinion"
    with pytest.raises(UnknownSchemeError, match="did you mean Argument from expert opinion"):
        inference_questions(m, s)
    with pytest.raises(GraphStructureError):
        inference_questions(m, "c")


def test_argdown_rule_names_resolve_to_scheme_ids() -> None:
    text = (
        "<A>: a\n\n(1) We want a short commute.\n(2) A bridge would shorten it.\n"
        "-- practical reasoning --\n(3) We should build a bridge.\n\n"
        "<B>: b\n\n(1) It is so.\n-- my own rule --\n(2) It follows.\n"
    )
    m = parse_argdown(text)
    assert m["a"]["scheme"] == "practical_reasoning"
    assert m["b"]["scheme"] == "my own rule"
    assert len(inference_questions(m, "a")) == 5
    written = "".join(generate_argdown(m))
    assert "-- Practical reasoning --" in written and "-- my own rule --" in written
    assert parse_argdown(written) == m


def test_exception_becomes_an_undercut() -> None:
    m = reference_map()
    a = add_question_attack(m, "s-expert", "trustworthiness")
    assert m[a]["attack_type"] == "undercut"
    assert m.target(a) == "s-expert"
    (asker,) = m.attackers(a)
    assert m[asker]["text"] == (
        "Is the expert personally reliable as a source, or biased, dishonest or self-interested?"
        " (about “Engineers say the old bridge is unsafe”)"
    )
    assert m[asker]["tags"] == (CQ_TAG,)
    assert m[a]["meta"]["critical_question"] == {
        "scheme": "expert_opinion",
        "type": "exception",
        "key": "trustworthiness",
        "inference": "s-expert",
    }
    m.validate()


def test_assumption_becomes_an_implicit_premise_undermined() -> None:
    m = reference_map()
    q = inference_questions(m, "s-expert")[5]
    assert q.type == "assumption"
    a = add_question_attack(m, "s-expert", q)
    assert m[a]["attack_type"] == "undermine"
    premise = m.target(a)
    assert m[premise]["implicit"] is True
    assert m[premise]["text"] == q.statement
    assert (
        m[premise]["text"] == "The expert's assertion that “The old bridge is unsafe” is based on evidence."
    )
    assert premise in m.premises("s-expert")
    assert [x.key for x in open_questions(m, "s-expert")] == [
        "expertise",
        "field",
        "opinion",
        "trustworthiness",
        "consistency",
    ]
    m.validate()


def test_assumption_reuses_an_existing_premise() -> None:
    m = ArgumentMap()
    goal = m.claim("We want to finish the tower.")
    s = m.support(m.claim("We should keep building."), goal, scheme="sunk_costs")
    q = inference_questions(m, s)[0]
    assert q.type == "assumption"
    p = m.claim(str(q.statement), implicit=True)
    m.graph.add_edge(p, s)
    a = add_question_attack(m, s, q.key)
    assert m.target(a) == p
    assert len(list(m.claims())) == 4


def test_question_attack_errors() -> None:
    m = reference_map()
    add_question_attack(m, "s-expert", 1)
    with pytest.raises(GraphStructureError, match="already added"):
        add_question_attack(m, "s-expert", 1)
    with pytest.raises(GraphStructureError, match="no critical question number 9"):
        add_question_attack(m, "s-expert", 9)
    with pytest.raises(GraphStructureError, match="is not a critical question"):
        add_question_attack(m, "s-expert", "biased")
    assert len(open_questions(m, "s-expert")) == 5
