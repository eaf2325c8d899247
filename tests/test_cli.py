"""The command line: exit codes and one-line errors, in-process and through the console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.render import backend


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    m = argmap.ArgumentMap(title="Umbrella")
    c = m.claim("Take an umbrella.")
    m.support(
        c, [m.claim("It will rain.", speaker="the forecast"), m.claim("Umbrellas help.", implicit=True)]
    )
    path = tmp_path / "map.json"
    argmap.write(m, path)
    return path


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("argmap: error: ")
    return lines[0]


def test_show(map_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(map_file)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[2:] == [
        "Take an umbrella.",
        "  + linked:",
        "    & It will rain. — according to the forecast",
        "    & Umbrellas help. [implicit]",
    ]


def test_render_dot_needs_no_engine(
    map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(backend, "_beside_python", lambda name: None)
    out = tmp_path / "out.dot"
    args = [
        "render",
        str(map_file),
        "-o",
        str(out),
        "--theme",
        "colorblind",
        "--rankdir",
        "TB",
        "--wrap",
        "12",
    ]
    assert main(args) == 0
    assert capsys.readouterr().out == f"wrote {out}\n"
    text = out.read_text()
    assert 'rankdir="TB"' in text and "#0072B2" in text


@pytest.mark.exe
@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_render_image(map_file: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    assert main(["render", str(map_file), "-o", str(out)]) == 0
    assert out.stat().st_size > 100


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.json", None, "missing.json"),
        ("bad.json", "{not json", "bad.json"),
        ("map.unknownformat", "x", "map.unknownformat"),
    ],
)
def test_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    for command in (["show", str(path)], ["render", str(path), "-o", str(tmp_path / "o.svg")]):
        assert main(command) == 1
        assert message in one_error_line(capsys.readouterr().err)
    assert not (tmp_path / "o.svg").exists()


def test_unknown_output_suffix(map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(map_file), "-o", str(tmp_path / "o.gif")]) == 1
    assert "image format" in one_error_line(capsys.readouterr().err)


def test_no_engine(
    map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(backend, "_beside_python", lambda name: None)
    assert main(["render", str(map_file), "-o", str(tmp_path / "o.svg")]) == 1
    assert "apt-get install graphviz" in one_error_line(capsys.readouterr().err)
    assert main(["demo", "-o", str(tmp_path / "o.svg")]) == 1


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in ([], ["render", "x.json"], ["render", "x.json", "-o", "y.svg", "--theme", "neon"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
    capsys.readouterr()


def test_demo_dot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seed.dot"
    assert main(["demo", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.rstrip().endswith(f"to {out.resolve()}")
    assert printed.startswith("Putin Has No Time Left\n")
    assert out.read_text().startswith('digraph "argmap" {')


@pytest.mark.exe
def test_demo_default_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["demo"]) == 0
    svg = tmp_path / "putin_has_no_time_left.svg"
    assert svg.read_bytes().startswith(b"<?xml")
    assert str(svg) in capsys.readouterr().out


def console_script() -> str:
    found = shutil.which("argmap", path=sysconfig.get_path("scripts")) or shutil.which("argmap")
    if found is None:
        pytest.skip("the argmap console script is not installed")
    return found


def test_console_script(map_file: Path, tmp_path: Path) -> None:
    script = console_script()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    ok = subprocess.run([script, "show", str(map_file)], capture_output=True, text=True, env=env, check=False)
    assert ok.returncode == 0 and "Take an umbrella." in ok.stdout and ok.stderr == ""
    bad = subprocess.run(
        [script, "render", str(tmp_path / "nope.json"), "-o", str(tmp_path / "o.svg")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 1
    assert "No such file or directory" in one_error_line(bad.stderr)
    usage = subprocess.run([script, "render"], capture_output=True, text=True, env=env, check=False)
    assert usage.returncode == 2


def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    script = console_script()
    m = argmap.ArgumentMap()
    top = m.claim("Conclusion.")
    for i in range(3000):  # an outline far larger than a pipe's buffer
        m.support(top, m.claim(f"Premise number {i} of a long list."))
    path = tmp_path / "big.json"
    argmap.write(m, path)
    proc = subprocess.Popen([script, "show", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # like `argmap show big.json | head -c 10`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) != 0
    assert err == ""
