"""Grading a student's map against a reference: matching, scores, lists and the diff map."""

from __future__ import annotations

import pytest
from _teaching_maps import random_maps, reference_map, student_map
from hypothesis import given, settings

from argmap.exceptions import ArgmapError
from argmap.model import ArgumentMap
from argmap.teaching.grading import Score, claim_similarity, compare


def test_known_differences_exact_figures() -> None:
    c = compare(student_map(), reference_map())
    assert [(x.student, x.reference, x.by) for x in c.matches] == [
        ("b", "build", "text"),
        ("j", "jams", "text"),
        ("u", "unsafe", "text"),
        ("e", "engineers", "span"),
        ("g", "budget", "text"),
    ]
    assert [round(x.score, 4) for x in c.matches] == [0.8144, 1.0, 1.0, 0.9744, 0.8259]
    assert (c.claims.hits, c.claims.student, c.claims.reference) == (5, 6, 6)
    assert (c.relations.hits, c.relations.student, c.relations.reference) == (3, 5, 5)
    assert (c.types.hits, c.types.student, c.types.reference) == (2, 5, 5)
    assert c.claims.precision == c.claims.recall == pytest.approx(5 / 6)
    assert c.relations.f1 == pytest.approx(0.6)
    assert c.types.f1 == pytest.approx(0.4)
    assert c.missing_claims == ["end-jams"]
    assert c.extra_claims == ["p"]
    assert c.missing_relations == [("jams", "build", "support"), ("end-jams", "build", "support")]
    assert c.extra_relations == [("p", "b", "attack")]
    assert c.reversed_relations == [("b", "j", "support")]
    assert c.wrong_types == [("g", "b", "support", "attack")]


def test_report() -> None:
    report = compare(student_map(), reference_map()).report()
    assert report.splitlines()[:3] == [
        "Claims     P 0.833  R 0.833  F1 0.833  (5 matched; 6 student, 6 reference)",
        "Relations  P 0.600  R 0.600  F1 0.600  (3 matched; 5 student, 5 reference)",
        "Types      P 0.400  R 0.400  F1 0.400  (2 matched; 5 student, 5 reference)",
    ]
    assert "  - “Experts agree.” ~ “Engineers say the old bridge is unsafe.”  [span 0.97]" in report
    assert (
        "Reversed relations (student's direction):\n  - “The city must build a new bridge.” -support->"
        in report
    )
    assert (
        "  - “The budget is stretched.” -support-> “The city must build a new bridge.”: reference has attack"
        in (report)
    )


def test_diff_map_classes() -> None:
    diff, classes = compare(student_map(), reference_map()).diff_map()
    diff.validate()
    claims = {c: classes[c] for c in diff.claims()}
    assert claims == {
        "build": "matched",
        "jams": "matched",
        "unsafe": "matched",
        "engineers": "matched",
        "end-jams": "missing",
        "budget": "matched",
        "student:p": "extra",
    }
    assert classes["s-expert"] == "matched"
    assert classes["s-main"] == "missing"  # two of its three premise edges are missing
    assert classes["a-budget"] == "missing"  # the student's edge there is a support
    extra = sorted(r for r, k in classes.items() if k == "extra" and diff.kind(r) != "claim")
    assert sorted((diff.kind(r), diff.premises(r), diff.target(r)) for r in extra) == [
        ("conflict", ("student:p",), "build"),
        ("inference", ("budget",), "build"),  # the wrong type: a support where the reference attacks
        ("inference", ("build",), "jams"),  # the reversed support
    ]


def test_diff_map_undercut() -> None:
    ref = ArgumentMap()
    s = ref.support(ref.claim("C."), ref.claim("P."))
    stu = ArgumentMap()
    t = stu.support(stu.claim("C."), stu.claim("P."))
    stu.attack(t, stu.claim("But U."))
    diff, classes = compare(stu, ref).diff_map()
    (a,) = [r for r in diff.conflicts()]
    assert diff.target(a) == s
    assert classes[a] == "extra" and classes[s] == "matched"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("It will rain.", "it will RAIN!", 1.0),
        ("It will rain today.", "Rain will it today", 0.8889),  # token Jaccard ignores order
        ("abc", "xyz", 0.0),
        ("???", "It rains.", 0.0),
    ],
)
def test_text_similarity(a: str, b: str, expected: float) -> None:
    m, n = ArgumentMap(), ArgumentMap()
    assert claim_similarity(m, m.claim(a), n, n.claim(b))[0] == pytest.approx(expected, abs=1e-4)


def test_spans_only_for_the_same_source() -> None:
    m = ArgumentMap(source="one two three")
    n = ArgumentMap(source="one two three!")
    x, y = m.claim("First.", span=(0, 7)), n.claim("Second.", span=(4, 13))
    assert claim_similarity(m, x, n, y) == pytest.approx((3 / 13, "span"))
    assert compare(m, n).matches == []  # different sources: spans are not compared
    assert claim_similarity(m, x, n, y, spans=False)[1] == "text"


def test_threshold() -> None:
    with pytest.raises(ArgmapError, match="threshold"):
        compare(ArgumentMap(), ArgumentMap(), threshold=0)
    strict = compare(student_map(), reference_map(), threshold=0.9)
    assert [x.student for x in strict.matches] == ["j", "u", "e"]


def test_empty_maps_and_scores() -> None:
    c = compare(ArgumentMap(), ArgumentMap())
    assert (c.claims.precision, c.claims.recall, c.claims.f1) == (1.0, 1.0, 1.0)
    assert Score(0, 3, 0).precision == 0.0 and Score(0, 3, 0).recall == 0.0 and Score(0, 3, 0).f1 == 0.0
    assert str(Score(1, 2, 4)) == "P 0.500  R 0.250  F1 0.333  (1 matched; 2 student, 4 reference)"


def test_matching_is_optimal_not_greedy() -> None:
    # greedy would pair the identical texts (s1, r1) and leave s2 without a partner above 0.6
    ref, stu = ArgumentMap(), ArgumentMap()
    ref.claim("alpha beta gamma delta", id="r1")
    ref.claim("alpha beta gamma delta epsilon zeta", id="r2")
    stu.claim("alpha beta gamma delta", id="s1")
    stu.claim("alpha beta gamma", id="s2")
    assert claim_similarity(stu, "s2", ref, "r2")[0] < 0.6 < claim_similarity(stu, "s1", ref, "r2")[0]
    c = compare(stu, ref, threshold=0.6)
    assert [(x.student, x.reference) for x in c.matches] == [("s1", "r2"), ("s2", "r1")]


@settings(max_examples=60, deadline=None)
@given(random_maps())
def test_a_map_grades_perfectly_against_itself(m: ArgumentMap) -> None:
    c = compare(m.copy(), m)
    assert [(x.student, x.reference) for x in c.matches] == [(n, n) for n in m.claims()]
    for score in (c.claims, c.relations, c.types):
        assert score.precision == score.recall == 1.0
    assert not (c.missing_relations or c.extra_relations or c.reversed_relations or c.wrong_types)
    _, classes = c.diff_map()
    assert set(classes.values()) <= {"matched"}
