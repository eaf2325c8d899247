"""Every script in examples/ runs to the end in a fresh process and does what its docstring says."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

import argmap

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
CORPUS = ROOT.parent / "shared" / "corpora" / "aifdb-araucaria" / "en"

# Scripts that draw, and so need a Graphviz engine.
DRAWS = {"render_themes.py"}
# Scripts that read a corpus from ../shared, and so skip without it.
READS = {"count_schemes.py": CORPUS}


def _run(script: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "examples" / script), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _marks(name: str) -> list[pytest.MarkDecorator]:
    marks = [pytest.mark.exe] if name in DRAWS else []
    if name in READS and not READS[name].is_dir():
        marks.append(pytest.mark.skip(reason=f"{READS[name]} is missing"))
    return marks


def test_examples_are_listed() -> None:
    assert {"build_map.py", "count_schemes.py", "grade_class.py", "render_themes.py"} <= {
        p.name for p in EXAMPLES
    }
    assert (set(DRAWS) | set(READS)) <= {p.name for p in EXAMPLES}


@pytest.mark.parametrize("script", [pytest.param(p, id=p.name, marks=_marks(p.name)) for p in EXAMPLES])
def test_example_runs(script: Path, tmp_path: Path) -> None:
    done = _run(script.name, tmp_path)
    assert done.returncode == 0, done.stderr


def test_build_map_writes_the_map(tmp_path: Path) -> None:
    done = _run("build_map.py", tmp_path, "--json", "bridge.json", "-o", "bridge.svg")
    assert done.returncode == 0, done.stderr
    m = argmap.read(tmp_path / "bridge.json")
    assert len(list(m.claims())) == 4 and m["the-bridge-must-be-rebuilt"]["thesis"]
    assert "(2) A bridge with cracks must be rebuilt. [implicit]" in done.stdout


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the AraucariaDB corpus is missing")
def test_count_schemes_counts_every_inference(tmp_path: Path) -> None:
    done = _run("count_schemes.py", tmp_path, str(CORPUS), "--top", "3")
    assert done.returncode == 0, done.stderr
    head, *rows = done.stdout.splitlines()
    maps = len(list(CORPUS.glob("*.json")))
    assert head.startswith(f"{maps} maps, ")
    assert len(rows) == 3


def test_grade_class_grades_each_student(tmp_path: Path) -> None:
    done = _run("grade_class.py", tmp_path, "class")
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "class" / "feedback" / "grades.csv", encoding="utf-8") as f:
        rows = {row["file"]: row for row in csv.DictReader(f)}
    assert float(rows["ada.argdown"]["score"]) == 100.0
    assert 0 < float(rows["ben.argdown"]["score"]) < 100
    assert rows["dee.argdown"]["error"] and not rows["dee.argdown"]["score"]
    assert sorted(p.name for p in (tmp_path / "class" / "feedback").glob("*.html")) == [
        f"{name}.html" for name in sorted(rows)
    ]


@pytest.mark.exe
def test_render_themes_draws_each_theme_and_view(tmp_path: Path) -> None:
    done = _run("render_themes.py", tmp_path, "out")
    assert done.returncode == 0, done.stderr
    from argmap.render.style import THEMES

    drawn = sorted(p.name for p in (tmp_path / "out").glob("*.svg"))
    assert drawn == sorted(f"seed-{t}-{v}.svg" for t in THEMES for v in ("claims", "arguments"))
