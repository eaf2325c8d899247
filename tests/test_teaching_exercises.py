"""Exercises: gaps, role questions and implicit premises; deterministic by seed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from _teaching_maps import random_maps, reference_map
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.exceptions import ArgmapError
from argmap.model import ArgumentMap
from argmap.teaching.exercises import GAP, ROLES, claim_roles, make_exercises


def test_reference_exercises_seed_7() -> None:
    ex = make_exercises(reference_map(), seed=7)
    assert [(g["gap"], g["claim"], g["number"]) for g in ex.gaps] == [(1, "unsafe", 2), (2, "jams", 3)]
    assert ex.gap_text.splitlines()[6:9] == [
        f"  (3) {GAP} (gap 2)",
        f"  (2) {GAP} (gap 1) [conclusion of argument 1]",
        "  (4) (see exercise 3) [implicit]",
    ]
    assert [(q["role"], q["claim"], q["letter"]) for q in ex.roles] == [
        ("main conclusion", "build", "b"),
        ("premise", "jams", "b"),
        ("objection", "budget", "d"),
        ("intermediate conclusion", "unsafe", "c"),
    ]
    assert ex.implicit == [
        {
            "question": "Which unstated premise does this argument need?",
            "inference": "s-main",
            "premises": ["Traffic jams cost commuters an hour a day.", "The old bridge is unsafe."],
            "conclusion": "The city should build a new bridge.",
            "answer": "A new bridge would end the jams.",
            "claims": ["end-jams"],
        }
    ]


def test_answers_are_right_and_options_unambiguous() -> None:
    m = reference_map()
    for seed in range(20):
        for q in make_exercises(m, seed=seed).roles:
            assert q["options"][ord(q["letter"]) - ord("a")] == q["answer"] == m[q["claim"]]["text"]
            assert q["role"] in claim_roles(m, q["claim"])
            wrong = [c for c in q["option_claims"] if c != q["claim"]]
            for c in wrong:
                assert q["role"] not in claim_roles(m, c)
                if q["role"] == "premise":  # an intermediate conclusion is a premise too, and so
                    assert not m.inferences_from(c)  # is an objection, of its counter-argument
                    assert not m.attacks_by(c)
            assert "end-jams" not in q["option_claims"]  # the implicit premise is exercise 3's answer


def test_same_seed_same_exercises_other_seed_other() -> None:
    m = reference_map()
    assert make_exercises(m, seed=3).to_json() == make_exercises(m, seed=3).to_json()
    assert len({make_exercises(m, seed=s).to_json() for s in range(10)}) > 1


def test_markdown_and_json() -> None:
    ex = make_exercises(reference_map(), seed=7)
    md = ex.to_markdown()
    for heading in ("# Exercises", "## 1. Fill the gaps", "## 2. Roles", "## 3. Find the implicit premise"):
        assert heading + "\n" in md
    assert md.split("## Answers", 1)[1].strip().splitlines() == [
        "**1.** gap 1: The old bridge is unsafe.; gap 2: Traffic jams cost commuters an hour a day.",
        "",
        "**2.** 1: b; 2: b; 3: d; 4: c",
        "",
        "**3.** 1: A new bridge would end the jams.",
    ]
    data = json.loads(ex.to_json())
    assert set(data) == {"seed", "fill_the_gaps", "roles", "implicit_premises"}
    assert data["fill_the_gaps"]["gaps"] == ex.gaps


def test_gap_share_and_questions() -> None:
    m = reference_map()
    assert len(make_exercises(m, gap_share=1.0).gaps) == 5  # every explicit claim
    assert len(make_exercises(m, gap_share=0.01).gaps) == 1
    assert make_exercises(m, gap_share=0).gaps == []
    assert make_exercises(m, questions=0).roles == []
    with pytest.raises(ArgmapError, match="gap_share"):
        make_exercises(m, gap_share=1.5)
    with pytest.raises(ArgmapError, match="questions"):
        make_exercises(m, questions=-1)


def test_map_without_arguments() -> None:
    m = ArgumentMap()
    m.claim("Alone.")
    ex = make_exercises(m)
    assert (ex.gaps, ex.roles, ex.implicit) == ([], [], [])
    assert "no arguments" in ex.to_markdown()


def test_claim_roles() -> None:
    m = reference_map()
    assert claim_roles(m, "build") == {"main conclusion"}
    assert claim_roles(m, "unsafe") == {"intermediate conclusion"}
    assert claim_roles(m, "budget") == {"objection"}
    assert set().union(*(claim_roles(m, c) for c in m.claims())) == set(ROLES)


@settings(max_examples=60, deadline=None)
@given(random_maps(), st.integers(0, 2**32))
def test_random_maps(m: ArgumentMap, seed: int) -> None:
    ex = make_exercises(m, seed=seed)
    assert ex.to_json() == make_exercises(m, seed=seed).to_json()
    for g in ex.gaps:
        assert not m[g["claim"]]["implicit"]
        assert f"{GAP} (gap {g['gap']})" in ex.gap_text
        assert m[g["claim"]]["text"] not in ex.gap_text.replace(f"{GAP} (gap {g['gap']})", "")
    for q in ex.roles:
        assert q["role"] in claim_roles(m, q["claim"])
        assert len(set(q["option_claims"])) == len(q["option_claims"])
    ex.to_markdown()


HOSTILE = "<img src=x onerror=alert(1)>\n```\n<script>alert(2)</script>"


def test_markdown_sheet_escapes_what_it_carries() -> None:
    # issue 12 point 9: claim text went into the sheet raw, inside a code fence it could close
    m = ArgumentMap()
    c = m.claim("Conclusion " + HOSTILE)
    m.support(c, [m.claim("Premise " + HOSTILE), m.claim("Hidden " + HOSTILE, implicit=True)])
    m.attack(c, m.claim("Objection " + HOSTILE))
    for seed in range(5):
        md = make_exercises(m, seed=seed, gap_share=0.5).to_markdown()
        assert not re.search(r"(?<!\\)[<>`]", md)  # every mark escaped
        assert "\\<img src=x onerror=alert(1)\\>" in md


def test_worksheet_sheet_and_key_are_separate() -> None:
    from argmap.page.worksheet import blanked_map, worksheet_page

    m = reference_map()
    m.attack("unsafe", m.claim(HOSTILE, id="evil"))
    ex = make_exercises(m, seed=7)
    sheet = worksheet_page(m, ex, svg="<svg></svg>")
    key = worksheet_page(m, ex, key=True, svg="<svg></svg>")
    assert "<title>Exercises: Bridge</title>" in sheet and "<title>Answer key: Bridge</title>" in key
    assert 'class="argmap-answer"' not in sheet and key.count('class="argmap-answer"') == 2 + 4 + 1
    assert "A new bridge would end the jams." not in sheet  # exercise 3's answer
    assert "<img" not in sheet and "<script" not in sheet and "<img" not in key
    blank = blanked_map(m, ex)
    assert [blank[g["claim"]]["text"] for g in ex.gaps] == [f"Gap {g['gap']}: {GAP}" for g in ex.gaps]
    assert blank["end-jams"]["text"] == f"Exercise 3.1: {GAP}"
    assert m["end-jams"]["text"] == "A new bridge would end the jams."  # the map is not changed


@pytest.mark.exe
@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_worksheet_prints(tmp_path: Path, paper: str) -> None:
    from argmap.cli import main
    from argmap.files import write
    from argmap.page.pdf import find_chromium

    if find_chromium() is None:
        pytest.skip("no Chromium to print with")
    write(reference_map(), tmp_path / "m.json")
    args = [
        "exercises",
        str(tmp_path / "m.json"),
        "-o",
        str(tmp_path / "s.pdf"),
        "--key",
        str(tmp_path / "k.pdf"),
    ]
    assert main([*args, "--paper", paper]) == 0
    for name in ("s.pdf", "k.pdf"):
        assert (tmp_path / name).read_bytes().startswith(b"%PDF")
