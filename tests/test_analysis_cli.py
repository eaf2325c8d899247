"""The ``argmap check`` and ``argmap evaluate`` commands."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import argmap
from argmap.cli import main

needs_sat = pytest.mark.skipif(
    importlib.util.find_spec("pysat") is None, reason="python-sat is not installed"
)


@pytest.fixture
def rain(tmp_path: Path) -> Path:
    m = argmap.ArgumentMap()
    c = m.claim("Take an umbrella.")
    s = m.support(c, [m.claim("It will rain."), m.claim("An umbrella keeps rain off.", implicit=True)])
    m.attack(s, by=m.claim("It is too windy."))
    m.attack("it-will-rain", by=m.claim("The sky is clear."))
    m.attack("the-sky-is-clear", by="it-will-rain")
    path = tmp_path / "rain.json"
    argmap.write(m, path)
    return path


def test_check_prints_findings_and_exits_0_without_errors(
    rain: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(rain)]) == 0
    out, err = capsys.readouterr()
    assert "info an-umbrella-keeps-rain-off: implicit-premise" in out
    assert "rabbit rule: 'take' in the conclusion" in out
    assert err.strip().endswith("1 info")


def test_check_exits_1_on_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = argmap.ArgumentMap()
    a = m.claim("A")
    m.attack(a, by=a)
    path = tmp_path / "self.json"
    argmap.write(m, path)
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "error a1: self-attack" in out
    assert err.startswith("1 error,")


def test_check_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "none.json")]) == 1
    assert "argmap: error" in capsys.readouterr().err


def test_evaluate_grounded(rain: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(rain)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["in", "take-an-umbrella"]
    assert lines[1].split()[:2] == ["undec", "it-will-rain"]


@needs_sat
def test_evaluate_preferred(rain: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(rain), "--semantics", "preferred"]) == 0
    labels = {line.split()[1]: line.split()[0] for line in capsys.readouterr().out.splitlines()}
    assert labels["it-will-rain"] == "credulous"
    assert labels["it-is-too-windy"] == "sceptical"


def test_evaluate_gradual_draws_a_coloured_map(rain: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = rain.with_suffix(".dot")
    assert main(["evaluate", str(rain), "-s", "df-quad", "-o", str(out_file)]) == 0
    assert "0.500" in capsys.readouterr().out
    assert "fillcolor" in out_file.read_text()


@pytest.mark.exe
def test_evaluate_svg(rain: Path) -> None:
    out_file = rain.with_suffix(".svg")
    assert main(["evaluate", str(rain), "-s", "h-categorizer", "-o", str(out_file)]) == 0
    assert out_file.read_text().lstrip().startswith("<?xml")


@needs_sat
def test_evaluate_iccma_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "af.apx"
    path.write_text("arg(a). arg(b). arg(c).\natt(a,b). att(b,a). att(b,c).\n")
    assert main(["evaluate", str(path), "-s", "preferred"]) == 0
    assert sorted(capsys.readouterr().out.split()) == ["[a,c]", "[b]"]
    assert main(["evaluate", str(path), "-s", "stable", "--limit", "1"]) == 0
    assert len(capsys.readouterr().out.split()) == 1
    assert main(["evaluate", str(path), "-s", "h-categorizer"]) == 0
    assert "0.618034  a" in capsys.readouterr().out
    assert main(["evaluate", str(path), "-s", "df-quad"]) == 1
    assert main(["evaluate", str(path), "-o", str(tmp_path / "x.svg")]) == 1
    assert "no map to draw" in capsys.readouterr().err
