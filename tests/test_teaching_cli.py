"""The teaching commands: standard-form, questions, exercises, grade, html."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _teaching_maps import reference_map, student_map

from argmap.cli import main
from argmap.files import read, write
from argmap.teaching.exercises import make_exercises
from argmap.teaching.standard_form import standard_form


@pytest.fixture
def ref(tmp_path: Path) -> Path:
    path = tmp_path / "ref.json"
    write(reference_map(), path)
    return path


def test_standard_form(ref: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["standard-form", str(ref)]) == 0
    assert capsys.readouterr().out == standard_form(reference_map()) + "\n"
    out = tmp_path / "sf.md"
    assert main(["standard-form", str(ref), "--markdown", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == standard_form(reference_map(), format="markdown") + "\n"


def test_questions(ref: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", str(ref)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "Argument 1 (s-expert): Argument from expert opinion",
        "  1. [assumption] How credible is the expert as an expert source?"
        " (about “Engineers say the old bridge is unsafe”)",
    ]
    assert "Argument 2 (s-main): Practical reasoning" in lines
    assert (
        "  4. [assumption] What grounds are there for thinking that “The city should build a new bridge”"
        " is practically possible?"
    ) in lines


def test_questions_add(ref: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "raised.json"
    assert main(["questions", str(ref), "--add", "s-expert:4", "--add", "s-main:1", "-o", str(out)]) == 0
    m = read(out)
    assert sorted(m[a]["attack_type"] for a in m.conflicts()) == ["rebut", "undercut", "undercut"]
    assert main(["questions", str(ref), "--add", "s-expert:1", "-o", str(out)]) == 0
    raised = read(out)
    assert sorted(raised[a]["attack_type"] for a in raised.conflicts()) == ["rebut", "undermine"]
    assert main(["questions", str(ref), "--add", "s-expert:1"]) == 1
    assert "--add needs -o" in capsys.readouterr().err
    assert main(["questions", str(ref), "--add", "nonsense", "-o", str(out)]) == 1
    assert "INFERENCE:N" in capsys.readouterr().err


def test_questions_without_schemes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = reference_map()
    m["s-expert"]["scheme"] = None
    m["s-main"]["scheme"] = "unknown_one"
    write(m, tmp_path / "m.json")
    assert main(["questions", str(tmp_path / "m.json")]) == 0
    out = capsys.readouterr().out
    assert "Argument 1 (s-expert): no scheme set" in out
    assert "Argument 2 (s-main): no scheme is called 'unknown_one'" in out


def test_exercises(ref: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises", str(ref), "--seed", "7", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(make_exercises(reference_map(), 7).to_json())
    assert main(["exercises", str(ref), "--seed", "7"]) == 0
    assert capsys.readouterr().out == make_exercises(reference_map(), 7).to_markdown()
    with pytest.raises(SystemExit) as info:  # a usage error: the share is checked by argparse
        main(["exercises", str(ref), "--gaps", "2"])
    assert info.value.code == 2
    assert "--gaps: expected a number from 0 to 1" in capsys.readouterr().err


def test_grade(ref: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stu = tmp_path / "stu.json"
    write(student_map(), stu)
    assert main(["grade", str(stu), str(ref)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Score      55.7 / 100")
    assert "Claims     P 0.833  R 0.833  F1 0.833" in out
    assert main(["grade", str(stu), str(ref), "--threshold", "0"]) == 1
    assert main(["grade", str(stu), str(ref), "--match", "p=end-jams", "--match", "b="]) == 0
    out = capsys.readouterr().out
    assert "“Bridges are pretty.” ~ “A new bridge would end the jams.”" in out and "set by hand" in out
    assert main(["grade", str(stu), str(ref), "--match", "nonsense"]) == 1
    assert "STUDENT_ID=REFERENCE_ID" in capsys.readouterr().err


def test_grade_matches_file(ref: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stu = tmp_path / "stu.json"
    write(student_map(), stu)
    (tmp_path / "m.txt").write_text("# by hand\n[other.json]\np = budget\n[stu.json]\np = end-jams\n")
    assert main(["grade", str(stu), str(ref), "--matches", str(tmp_path / "m.txt")]) == 0
    assert "“Bridges are pretty.” ~ “A new bridge would end the jams.”" in capsys.readouterr().out


def test_grade_a_class(
    ref: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv

    folder = tmp_path / "class"
    folder.mkdir()
    write(reference_map(), folder / "perfect.json")
    write(student_map(), folder / "flawed.json")
    (folder / "broken.json").write_text('{"nodes": [')
    out = tmp_path / "out"
    svg = "<svg></svg>"
    from argmap.page import feedback

    real = feedback.feedback_page
    monkeypatch.setattr(feedback, "feedback_page", lambda r, **kw: real(r, svg=svg, **kw))  # no Graphviz
    assert main(["grade", str(ref), str(folder), "-o", str(out)]) == 1  # one file is broken
    captured = capsys.readouterr()
    assert "graded 2 of 3 files" in captured.out
    assert "could not grade broken.json" in captured.err
    rows = list(csv.DictReader((out / "grades.csv").open(encoding="utf-8")))
    assert [(r["file"], r["score"]) for r in rows] == [
        ("broken.json", ""),
        ("flawed.json", "55.7"),
        ("perfect.json", "100.0"),
    ]
    assert rows[0]["error"] and rows[2]["claims_f1"] == "1.0" and rows[1]["relations_f1"] == "0.4583"
    assert sorted(p.name for p in out.iterdir()) == [
        "broken.json.html", "flawed.json.html", "grades.csv", "perfect.json.html"
    ]  # fmt: skip
    assert "could not be read" in (out / "broken.json.html").read_text(encoding="utf-8")
    assert "55.7" in (out / "flawed.json.html").read_text(encoding="utf-8")
    assert main(["grade", str(ref), str(folder)]) == 1
    assert "needs -o OUT_DIR" in capsys.readouterr().err


@pytest.mark.exe
def test_grade_diagram_agrees_with_the_report(ref: Path, tmp_path: Path) -> None:
    import re

    from argmap.teaching.grading import compare

    stu = tmp_path / "stu.json"
    write(student_map(), stu)
    assert main(["grade", str(stu), str(ref), "-o", str(tmp_path / "diff.svg")]) == 0
    svg = (tmp_path / "diff.svg").read_text(encoding="utf-8")
    classes: dict[str, set[str]] = {}
    for gid, cls in re.findall(r'<g id="([^"]+)" class="([^"]+)"', svg):
        classes.setdefault(gid.replace("&#45;", "-").replace("&gt;", ">"), set()).update(cls.split())
    c = compare(student_map(), reference_map())
    for x in c.matches:  # every counted claim match is drawn as one
        assert "matched" in classes[x.reference], x
    for c_id in c.missing_claims:
        assert "missing" in classes[c_id]
    for y in c.relation_matches:  # and every relation pairing with its kind
        assert y.kind in classes[y.reference], y
    for r in c.missing_relations:
        assert "missing" in classes[r]
    drawn_extra = {g for g, k in classes.items() if "extra" in k and "->" not in g}
    assert len(drawn_extra) == len(c.extra_claims) + len(c.extra_relations)


@pytest.mark.exe
def test_grade_feedback_page(ref: Path, tmp_path: Path) -> None:
    stu = tmp_path / "stu.json"
    write(student_map(), stu)
    assert main(["grade", str(stu), str(ref), "-o", str(tmp_path / "feedback.html")]) == 0
    page = (tmp_path / "feedback.html").read_text(encoding="utf-8")
    assert "<strong>partial</strong>" in page and "<strong>mistyped</strong>" in page  # the legend
    assert 'class="node claim extra"' in page


@pytest.mark.exe
def test_html(ref: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert main(["html", str(ref), "-o", str(out), "--title", "My <map>"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<title>My &lt;map&gt;</title>" in page
    assert '<g id="build" class="node claim thesis' in page
