"""Grading a student's map against a reference: matching, the rubric, partial credit, the diff map."""

from __future__ import annotations

import itertools

import pytest
from _teaching_maps import random_maps, reference_map, student_map
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.exceptions import ArgmapError
from argmap.model import ArgumentMap
from argmap.teaching.grading import (
    NEAR_CREDIT,
    Rubric,
    Score,
    claim_similarity,
    compare,
    max_weight_assignment,
)


def test_known_differences_exact_figures() -> None:
    c = compare(student_map(), reference_map())
    assert [(x.student, x.reference, x.by, x.kind) for x in c.matches] == [
        ("b", "build", "text", "match"),
        ("j", "jams", "text", "match"),
        ("u", "unsafe", "text", "match"),
        ("e", "engineers", "span", "match"),
        ("g", "budget", "text", "match"),
    ]
    assert [round(x.score, 4) for x in c.matches] == [0.775, 1.0, 1.0, 0.9744, 0.8074]
    assert (c.claims.credit, c.claims.student, c.claims.reference) == (5, 6, 6)
    assert c.missing_claims == ["end-jams"]
    assert c.extra_claims == ["p"]
    # relations: the expert support right; the main argument found with one of its three premises;
    # the objection drawn as a support
    assert [(x.student, x.reference, x.kind, round(x.credit, 4)) for x in c.relation_matches] == [
        ("s1", "s-expert", "matched", 1.0),
        ("s3", "s-main", "partial", 0.3333),
        ("s4", "a-budget", "mistyped", 0.5),
    ]
    assert c.relation_matches[1].missing == ("jams", "end-jams")
    assert (c.relations.student, c.relations.reference) == (5, 3)
    assert c.relations.credit == pytest.approx(1 + 1 / 3 + 0.5)
    assert c.missing_relations == []
    assert c.extra_relations == ["s2", "a1"]
    assert c.overlaps["s2"].kind == "reversed"  # b -> j reverses part of the main argument
    assert c.main_conclusions == Score(0, 1, 1)  # the student's main conclusion is the jams claim
    assert c.roles_agree == 2
    assert c.score == pytest.approx(
        round(100 * (0.4 * 5 / 6 + 0.4 * c.relations.f1 + 0.2 * (0 + 2 / 5) / 2), 1)
    )


def test_report() -> None:
    report = compare(student_map(), reference_map()).report()
    lines = report.splitlines()
    assert lines[0].startswith("Score      ") and lines[0].endswith(
        "/ 100  (claims 40%, relations 40%, structure 20%)"
    )
    assert lines[1] == "Claims     P 0.833  R 0.833  F1 0.833  (5 credit; 6 student, 6 reference)"
    assert "  - “Experts agree.” ~ “Engineers say the old bridge is unsafe.”  [span 0.97]" in report
    assert "[partial 0.33: missing co-premise “Traffic jams cost commuters an hour a day.”" in report
    assert (
        "  - “The budget is stretched.” -support-> “The city must build a new bridge.”"
        "  [mistyped: the reference has attack; credit 0.50]" in report
    )
    assert "[reverses the reference's “Traffic jams" in report


def _pair(student_text: str) -> tuple[ArgumentMap, ArgumentMap]:
    ref, stu = ArgumentMap(), ArgumentMap()
    ref.support(ref.claim("We should cycle to work.", id="c"), ref.claim("Cycling keeps you fit.", id="p"))
    stu.support(stu.claim("We should cycle to work.", id="c"), stu.claim(student_text, id="p"))
    return stu, ref


def test_a_near_match_costs_once_and_is_explained() -> None:
    stu, ref = _pair("Cycling keeps people healthy.")
    score = claim_similarity(stu, "p", ref, "p")[0]
    assert 0.4 <= score < 0.5
    c = compare(stu, ref)
    assert [(x.student, x.kind) for x in c.matches] == [("c", "match"), ("p", "near")]
    assert c.claims.credit == 1 + NEAR_CREDIT
    assert [x.kind for x in c.relation_matches] == ["matched"]  # the relation is not lost as well
    assert c.relations.f1 == 1.0
    assert "Near matches (similarity just under 0.5; confirm with --match or reject)" in c.report()
    strict = compare(stu, ref, near=0)
    assert [x.kind for x in strict.matches] == ["match"] and strict.relations.f1 == 0.0
    assert compare(stu, ref, overrides={"p": "p"}).score == 100.0  # the teacher accepts it


def test_overrides() -> None:
    stu, ref = _pair("Cycling keeps you fit.")
    c = compare(stu, ref, overrides={"p": None})
    assert [x.student for x in c.matches] == ["c"] and c.extra_claims == ["p"]
    forced = compare(stu, ref, overrides={"c": "p", "p": "c"})
    assert [(x.student, x.reference, x.kind) for x in forced.matches] == [
        ("c", "p", "manual"),
        ("p", "c", "manual"),
    ]
    assert [x.kind for x in forced.relation_matches] == ["reversed"]
    for bad, match in (({"x": "p"}, "student"), ({"c": "x"}, "reference"), ({"c": "p", "p": "p"}, "both")):
        with pytest.raises(ArgmapError, match=match):
            compare(stu, ref, overrides=bad)


def test_linked_argument_missing_one_co_premise() -> None:
    ref = ArgumentMap()
    ref.support(
        ref.claim("Conclusion here."), [ref.claim(f"Premise number {w}.") for w in ("one", "two", "three")]
    )
    stu = ref.copy()
    stu.remove("premise-number-three")
    c = compare(stu, ref)
    ((x,),) = [c.relation_matches]
    assert (x.kind, x.missing) == ("partial", ("premise-number-three",))
    assert x.credit == pytest.approx(2 / 3)
    assert c.missing_relations == [] and c.extra_relations == []


def test_reversed_and_mistyped_are_not_missing_and_extra() -> None:
    ref = ArgumentMap()
    ref.support(ref.claim("Taxes should rise."), ref.claim("Schools need money."))
    stu = ArgumentMap()
    stu.support(stu.claim("Schools need money."), stu.claim("Taxes should rise."))
    c = compare(stu, ref)
    assert [(x.kind, x.credit) for x in c.relation_matches] == [("reversed", 0.5)]
    assert c.missing_relations == [] and c.extra_relations == []
    stu2 = ArgumentMap()
    stu2.attack(stu2.claim("Taxes should rise."), stu2.claim("Schools need money."))
    c2 = compare(stu2, ref)
    assert [(x.kind, x.student_label, x.reference_label) for x in c2.relation_matches] == [
        ("mistyped", "attack", "support")
    ]


def test_text_similarity() -> None:
    m, n = ArgumentMap(), ArgumentMap()
    assert claim_similarity(m, m.claim("It will rain."), n, n.claim("it will RAIN!")) == (1.0, "text")
    # word order: the words agree fully, the trigrams in part
    assert claim_similarity(m, m.claim("It will rain today."), n, n.claim("Rain will it today"))[0] > 0.8
    assert claim_similarity(m, m.claim("abc"), n, n.claim("xyz"))[0] == 0.0
    assert claim_similarity(m, m.claim("???"), n, n.claim("It rains."))[0] == 0.0
    # a typo costs little
    assert claim_similarity(m, m.claim("The goverment lied."), n, n.claim("The government lied."))[0] > 0.6


def test_spans_only_for_the_same_source() -> None:
    m = ArgumentMap(source="one two three")
    n = ArgumentMap(source="one two three!")
    x, y = m.claim("First.", span=(0, 7)), n.claim("Second.", span=(4, 13))
    assert claim_similarity(m, x, n, y) == pytest.approx((3 / 13, "span"))
    assert compare(m, n).matches == []  # different sources: spans are not compared
    assert claim_similarity(m, x, n, y, spans=False)[1] == "text"


def test_parameters_are_checked() -> None:
    with pytest.raises(ArgmapError, match="threshold"):
        compare(ArgumentMap(), ArgumentMap(), threshold=0)
    with pytest.raises(ArgmapError, match="near"):
        compare(ArgumentMap(), ArgumentMap(), threshold=0.5, near=0.5)
    with pytest.raises(ArgmapError, match="rubric"):
        compare(ArgumentMap(), ArgumentMap(), rubric=Rubric(0, 0, 0))
    strict = compare(student_map(), reference_map(), threshold=0.9, near=0)
    assert [x.student for x in strict.matches] == ["j", "u", "e"]


def test_empty_maps_and_scores() -> None:
    c = compare(ArgumentMap(), ArgumentMap())
    assert (c.claims.precision, c.claims.recall, c.claims.f1) == (1.0, 1.0, 1.0)
    assert c.score == 100.0
    assert Score(0, 3, 0).precision == 0.0 and Score(0, 3, 0).recall == 0.0 and Score(0, 3, 0).f1 == 0.0
    assert str(Score(1, 2, 4)) == "P 0.500  R 0.250  F1 0.333  (1 credit; 2 student, 4 reference)"


def test_matching_is_optimal_not_greedy() -> None:
    # greedy would pair the identical texts (s1, r1) and leave s2 without a partner above 0.6
    ref, stu = ArgumentMap(), ArgumentMap()
    ref.claim("alpha beta gamma delta", id="r1")
    ref.claim("alpha beta gamma delta epsilon zeta", id="r2")
    stu.claim("alpha beta gamma delta", id="s1")
    stu.claim("alpha beta gamma", id="s2")
    assert claim_similarity(stu, "s2", ref, "r2")[0] < 0.6 < claim_similarity(stu, "s1", ref, "r2")[0]
    c = compare(stu, ref, threshold=0.6, near=0)
    assert [(x.student, x.reference) for x in c.matches] == [("s1", "r2"), ("s2", "r1")]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.integers(0, 4), st.dictionaries(st.integers(0, 4), st.integers(1, 9)), max_size=5))
def test_assignment_is_optimal(weights: dict[int, dict[int, int]]) -> None:
    chosen = max_weight_assignment(weights)
    assert len(set(chosen.values())) == len(chosen)
    assert all(r in weights[s] for s, r in chosen.items())
    best = 0
    lefts = list(weights)
    rights = sorted({r for row in weights.values() for r in row})
    for perm in itertools.permutations([*rights, *([None] * len(lefts))], len(lefts)):
        total = sum(weights[s].get(r, -100) if r is not None else 0 for s, r in zip(lefts, perm, strict=True))
        best = max(best, total)
    assert sum(weights[s][r] for s, r in chosen.items()) == best


def test_assignment_rejects_bad_weights() -> None:
    with pytest.raises(ArgmapError, match="positive integers"):
        max_weight_assignment({"a": {"x": 0}})


def test_long_claims_are_cheap() -> None:
    # 57 KB claims used to take minutes; the similarity is linear in their length now
    text = " ".join(f"word{i % 5000}" for i in range(8000))
    a, b = ArgumentMap(), ArgumentMap()
    assert claim_similarity(a, a.claim(text), b, b.claim(text + " more"))[0] > 0.99


@settings(max_examples=60, deadline=None)
@given(random_maps())
def test_a_map_grades_perfectly_against_itself(m: ArgumentMap) -> None:
    c = compare(m.copy(), m)
    assert [(x.student, x.reference) for x in c.matches] == [(n, n) for n in m.claims()]
    assert c.claims.f1 == c.relations.f1 == c.structure == 1.0
    assert c.score == 100.0
    assert {x.kind for x in c.relation_matches} <= {"matched"}
    assert not (c.missing_relations or c.extra_relations)
    diff, classes = c.diff_map()
    assert set(classes.values()) <= {"matched"}
    assert len(diff) == len(m)


def test_diff_map_classes_agree_with_the_counts() -> None:
    c = compare(student_map(), reference_map())
    diff, classes = c.diff_map()
    diff.validate()
    assert {n: classes[n] for n in diff.claims()} == {
        "build": "matched",
        "jams": "matched",
        "unsafe": "matched",
        "engineers": "matched",
        "end-jams": "missing",
        "budget": "matched",
        "student:p": "extra",
    }
    for x in c.relation_matches:
        assert classes[x.reference] == x.kind
    extra = sorted(r for r, k in classes.items() if k == "extra" and diff.kind(r) != "claim")
    assert sorted((diff.kind(r), diff.premises(r), diff.target(r)) for r in extra) == [
        ("conflict", ("student:p",), "build"),
        ("inference", ("build",), "jams"),  # the student's b -> j
    ]
    assert len(extra) == len(c.extra_relations)


def test_diff_map_undercut() -> None:
    ref = ArgumentMap()
    s = ref.support(ref.claim("C."), ref.claim("P."))
    stu = ArgumentMap()
    t = stu.support(stu.claim("C."), stu.claim("P."))
    stu.attack(t, stu.claim("But U."))
    diff, classes = compare(stu, ref).diff_map()
    (a,) = list(diff.conflicts())
    assert diff.target(a) == s
    assert classes[a] == "extra" and classes[s] == "matched"
