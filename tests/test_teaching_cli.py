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
    assert out.read_text(encoding="utf-8") == standard_form(reference_map(), "markdown") + "\n"


def test_questions(ref: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", str(ref)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "Argument 1 (s-expert): Argument from Expert Opinion [expert_opinion]",
        "  1. [exception] Is it the case that W is untrustworthy?",
    ]
    assert (
        "Argument 2 (s-main): Argument from Instrumental Practical Reasoning [practical_reasoning2]" in lines
    )


def test_questions_add(ref: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "raised.json"
    assert main(["questions", str(ref), "--add", "s-expert:1", "--add", "s-main:1", "-o", str(out)]) == 0
    m = read(out)
    assert sorted(m[a]["attack_type"] for a in m.conflicts()) == ["rebut", "undercut", "undercut"]
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
    assert "Argument 2 (s-main): no scheme has the id or title 'unknown_one'" in out


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
    assert out.startswith("Claims     P 0.833  R 0.833  F1 0.833")
    assert main(["grade", str(stu), str(ref), "--threshold", "0"]) == 1


@pytest.mark.exe
def test_grade_diagram(ref: Path, tmp_path: Path) -> None:
    stu = tmp_path / "stu.json"
    write(student_map(), stu)
    assert main(["grade", str(stu), str(ref), "-o", str(tmp_path / "diff.svg")]) == 0
    svg = (tmp_path / "diff.svg").read_text(encoding="utf-8")
    assert 'class="node claim implicit missing"' in svg
    assert 'class="node claim extra"' in svg
    assert svg.count("matched") >= 5


@pytest.mark.exe
def test_html(ref: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert main(["html", str(ref), "-o", str(out), "--title", "My <map>"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<title>My &lt;map&gt;</title>" in page
    assert '<g id="build" class="node claim main' in page
