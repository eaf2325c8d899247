"""Every script in examples/ runs to the end in a fresh process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from argmap.model import ArgumentMap
from argmap.seed import seed_map

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))

# Arguments that keep a script's output in the test's folder; scripts not listed run without any.
ARGS: dict[str, list[str]] = {
    "build_seed_map.py": ["-o", "seed.svg", "--json", "seed.json"],
}
# Scripts that draw, and so need a Graphviz engine.
DRAWS = {"build_seed_map.py"}


def _run(script: Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(script), *ARGS.get(script.name, [])],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_examples_are_listed() -> None:
    assert EXAMPLES, "no examples found"
    assert set(ARGS) <= {p.name for p in EXAMPLES}
    assert set(DRAWS) <= {p.name for p in EXAMPLES}


@pytest.mark.parametrize(
    "script",
    [pytest.param(p, id=p.name, marks=[pytest.mark.exe] if p.name in DRAWS else []) for p in EXAMPLES],
)
def test_example_runs(script: Path, tmp_path: Path) -> None:
    done = _run(script, tmp_path)
    assert done.returncode == 0, done.stderr


@pytest.mark.exe
def test_seed_example_draws_the_whole_map(tmp_path: Path) -> None:
    done = _run(ROOT / "examples" / "build_seed_map.py", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "drew seed.svg" in done.stdout
    svg = ElementTree.parse(tmp_path / "seed.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    ids = {element.get("id") for element in svg.iter()}
    m: ArgumentMap = seed_map()
    assert set(m) <= ids
    texts = " ".join(t for element in svg.iter() for t in [element.text] if t)
    assert "Putin has no time left." in texts
    assert (tmp_path / "seed.json").read_bytes() == (
        ROOT / "seeds" / "putin_has_no_time_left.json"
    ).read_bytes()
