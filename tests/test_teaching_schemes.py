"""The scheme catalogue, verbalisation and critical questions as attacks."""

from __future__ import annotations

import importlib
import json
import re
import sys
from importlib import resources
from pathlib import Path

import pytest
from _teaching_maps import reference_map
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.exceptions import ArgmapError, GraphStructureError
from argmap.model import ArgumentMap
from argmap.teaching.schemes import (
    CQ_TAG,
    UnknownSchemeError,
    add_question_attack,
    get_scheme,
    inference_questions,
    open_questions,
    schemes,
    verbalise,
)

DATA = resources.files("argmap").joinpath("data/schemes")
ROOT = Path(__file__).resolve().parent.parent
KURTULDU = ROOT.parent / "shared" / "schemes" / "kurtuldu_walton_full.yml"


def test_catalogue_counts() -> None:
    all_schemes = list(schemes())
    assert len(all_schemes) == 112
    assert [s.id for s in all_schemes] == sorted(s.id for s in all_schemes)
    exceptions = sum(q.type == "exception" for s in all_schemes for q in s.critical_questions)
    assumptions = sum(q.type == "assumption" for s in all_schemes for q in s.critical_questions)
    assert (exceptions, assumptions) == (62, 52)
    assert sum(1 for s in all_schemes if s.critical_questions) == 55


def test_licences_ship_beside_the_data() -> None:
    for name in ("kurtuldu_LICENSE.txt", "carneades-4_LICENSE.txt"):
        assert "Mozilla Public License" in DATA.joinpath(name).read_text(encoding="utf-8")
    data = json.loads(DATA.joinpath("walton.json").read_text(encoding="utf-8"))
    assert data["licence"] == "MPL-2.0"


def test_every_kurtuldu_id_resolves() -> None:
    if not KURTULDU.is_file():
        pytest.skip("../shared/schemes is not present")
    ids = re.findall(r"^\s*- id:\s*(\S+)", KURTULDU.read_text(encoding="utf-8"), re.M)
    assert len(ids) == 111
    for sid in ids:
        assert get_scheme(sid.removeprefix("id:")).id == sid.removeprefix("id:")


def test_seed_map_schemes_resolve() -> None:
    seed = pytest.importorskip("argmap.seed")
    m = seed.seed_map()
    named = [m[i]["scheme"] for i in m.inferences() if m[i].get("scheme")]
    assert len(named) >= 2
    for key in named:
        get_scheme(key)


def test_carneades_fields_fill_kurtuldu_gaps() -> None:
    # "precedent" exists only in Carneades-4; "abduction" has no title in Carneades-4
    assert get_scheme("precedent").title == "Argument from Precedent"
    assert [q.formula for q in get_scheme("precedent").critical_questions] == [
        "relevant_differences(R,C)",
        "inapplicable_rule(R)",
    ]
    # kurtuldu spells the key "assumption" once; it is read as assumptions
    assert [q.type for q in get_scheme("popular_opinion").critical_questions] == ["exception", "assumption"]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("expert_opinion", "expert_opinion"),
        ("Argument from Expert Opinion", "expert_opinion"),
        ("  argument FROM expert-opinion ", "expert_opinion"),
        ("expert opinion", "expert_opinion"),
        ("opposition-descriptive_3", "opposition-descriptive_3"),
    ],
)
def test_lookup(key: str, expected: str) -> None:
    assert get_scheme(key).id == expected


@pytest.mark.parametrize(
    ("key", "message"),
    [("nope", "no scheme has the id or title 'nope'"), ("Slippery Slope Argument", "shared by schemes")],
)
def test_lookup_errors(key: str, message: str) -> None:
    with pytest.raises(UnknownSchemeError, match=message) as info:
        get_scheme(key)
    assert isinstance(info.value, ArgmapError)
    assert isinstance(info.value, LookupError)


@pytest.mark.parametrize(
    ("formula", "text"),
    [
        ("expert(W,D)", "W is an expert in the D domain."),
        ("¬S", "It is not the case that S."),
        ("¬known(S)", "It is not the case that S is known to be true."),
        ("carry_out_act (A,X)", "A carries out action X."),
        ("goal_prestige", "Prestige is an important goal for you."),
        ("no_template_here(A,B)", "no template here (A, B)."),
        ("no_template", "no template."),
        (
            "bring_about_more_effectively(S2,A)",
            "There exists an action that would bring about S2 more effectively than A.",
        ),
        (
            "needed_nonarbitrary((A,F)",
            "A occurs in a context of dialogue that requires a nonarbitrary definition"
            " for a key property F that occurs in argument.",
        ),
        ("based_on_evidence(asserts(W,S))", "The assertion “W asserts that S is true” is based on evidence."),
        ("rule_changed", "The rule has changed since the publication of the rulebook."),
    ],
)
def test_verbalise(formula: str, text: str) -> None:
    assert verbalise(formula) == text


def test_every_formula_verbalises() -> None:
    for s in schemes():
        for stmt in (*s.premises, *s.conclusions):
            assert stmt.text.endswith(".") and "%" not in stmt.text, (s.id, stmt)
        for q in s.critical_questions:
            assert q.question.endswith("?") and "%" not in q.question, (s.id, q)


def test_inference_questions_bind_the_conclusion() -> None:
    m = reference_map()
    qs = inference_questions(m, "s-expert")
    assert [q.question for q in qs] == [
        "Is it the case that W is untrustworthy?",
        "Is it the case that “The old bridge is unsafe” is inconsistent with what other experts assert?",
        "Has it been shown that the assertion “W asserts that “The old bridge is unsafe” is true” "
        "is based on evidence?",
    ]
    assert inference_questions(m, "s-main")[0].scheme == "practical_reasoning2"


def test_no_scheme_no_questions_and_unknown_scheme() -> None:
    m = ArgumentMap()
    s = m.support(m.claim("C"), m.claim("P"))
    assert inference_questions(m, s) == ()
    m[s]["scheme"] = "made_up"
    with pytest.raises(UnknownSchemeError):
        inference_questions(m, s)
    with pytest.raises(GraphStructureError):
        inference_questions(m, "c")


def test_exception_becomes_an_undercut() -> None:
    m = reference_map()
    a = add_question_attack(m, "s-expert", 0)
    assert m[a]["attack_type"] == "undercut"
    assert m.target(a) == "s-expert"
    (asker,) = m.attackers(a)
    assert m[asker]["text"] == "Is it the case that W is untrustworthy?"
    assert m[asker]["tags"] == (CQ_TAG,)
    assert m[a]["meta"]["critical_question"] == {
        "scheme": "expert_opinion",
        "type": "exception",
        "formula": "untrustworthy(W)",
        "inference": "s-expert",
    }
    m.validate()


def test_assumption_becomes_an_implicit_premise_undermined() -> None:
    m = reference_map()
    q = inference_questions(m, "s-expert")[2]
    a = add_question_attack(m, "s-expert", q)
    assert m[a]["attack_type"] == "undermine"
    premise = m.target(a)
    assert m[premise]["implicit"] is True
    assert m[premise]["text"] == q.text
    assert premise in m.premises("s-expert")
    assert [x.formula for x in open_questions(m, "s-expert")] == [
        "untrustworthy(W)",
        "inconsistent_with_other_experts(S)",
    ]
    m.validate()


def test_assumption_reuses_an_existing_premise() -> None:
    m = ArgumentMap()
    q = get_scheme("sunk_costs").critical_questions[1]
    assert q.type == "assumption"
    p = m.claim(q.text, implicit=True)
    s = m.support(m.claim("Keep building."), [m.claim("We spent a lot."), p], scheme="sunk_costs")
    a = add_question_attack(m, s, q.formula)
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
        add_question_attack(m, "s-expert", "biased(W)")
    assert len(open_questions(m, "s-expert")) == 2


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab_¬(), %sv-", max_size=30))
def test_verbalise_never_fails(formula: str) -> None:
    text = verbalise(formula, {"a": "“X”"})
    assert text.endswith(".")


def test_shipped_catalogue_is_what_the_script_builds() -> None:
    pytest.importorskip("yaml")
    if not KURTULDU.is_file():
        pytest.skip("../shared/schemes is not present")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        build_schemes = importlib.import_module("build_schemes")
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    built = json.loads(json.dumps(build_schemes.build(KURTULDU.parent), ensure_ascii=False))
    assert built == json.loads(DATA.joinpath("walton.json").read_text(encoding="utf-8"))
