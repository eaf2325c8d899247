"""The one Graphviz process: engine lookup, errors, timeout, fallback engine."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from argmap.exceptions import ArgmapError, GraphvizNotFound, RenderError
from argmap.render import backend

SOURCE = 'digraph { "a" -> "b" }'
TOOLS = os.pathsep.join(
    sorted(
        {os.path.dirname(shutil.which(t) or shutil.which(t, path=os.defpath) or "") for t in ("cat", "sleep")}
    )
)
"""Where the fake engines find cat and sleep; the fake comes first on PATH, before any real dot."""


def fake_engine(folder: Path, name: str, script: str) -> Path:
    """Write an executable shell script standing in for a Graphviz program."""
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def no_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(backend, "_beside_python", lambda name: None)


@pytest.mark.usefixtures("no_engine")
def test_missing_binary_says_what_to_install() -> None:
    assert backend.find_program() is None
    assert not backend.graphviz_available()
    with pytest.raises(GraphvizNotFound, match="apt-get install graphviz") as info:
        backend.run_dot(SOURCE)
    assert "pip install graphviz-pure" in str(info.value)
    assert isinstance(info.value, ArgmapError)


def test_engine_vanishing_between_lookup_and_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(backend, "find_program", lambda: ("dot", str(tmp_path / "gone")))
    with pytest.raises(GraphvizNotFound, match="cannot run"):
        backend.run_dot(SOURCE)


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts")
def test_failure_carries_stderr(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_engine(tmp_path, "dot", 'cat >/dev/null; echo "Error: <stdin>: syntax error in line 1" >&2; exit 1')
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{TOOLS}")
    with pytest.raises(RenderError, match="exited with status 1: Error: <stdin>: syntax error") as info:
        backend.run_dot(SOURCE, "png")
    assert info.value.stderr.startswith("Error: <stdin>")


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts")
def test_timeout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_engine(tmp_path, "dot", "exec sleep 10")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{TOOLS}")
    with pytest.raises(RenderError, match=r"took longer than 0\.3 s"):
        backend.run_dot(SOURCE, timeout=0.3)


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts")
def test_arguments_and_input(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_engine(tmp_path, "dot", 'echo "$@"; cat')
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{TOOLS}")
    assert backend.run_dot("Путин", "svg", engine="neato") == "-Kneato -Tsvg\nПутин".encode()


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts")
def test_fallback_is_used_without_system_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pure = fake_engine(tmp_path, backend.PURE_BINARY, 'echo "$@"')
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(backend, "_beside_python", lambda name: str(pure))
    assert backend.find_program() == ("graphviz-pure", str(pure))
    assert backend.run_dot(SOURCE, "png") == b"-Kdot -Tpng\n"
    with pytest.raises(RenderError, match="cannot write pdf"):
        backend.run_dot(SOURCE, "pdf")


@pytest.mark.parametrize(("fmt", "layout"), [("gif", "dot"), ("svg", "spring")])
def test_unknown_format_or_layout(fmt: str, layout: str) -> None:
    with pytest.raises(RenderError, match="unknown"):
        backend.run_dot(SOURCE, fmt, engine=layout)


@pytest.mark.exe
def test_real_engine_renders_and_reports_errors() -> None:
    assert backend.run_dot(SOURCE, "svg").startswith(b"<?xml")
    with pytest.raises(RenderError, match="syntax error") as info:
        backend.run_dot("digraph { a -> }")
    assert "syntax error" in info.value.stderr


@pytest.mark.exe
def test_installed_fallback_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    pure = shutil.which(backend.PURE_BINARY) or backend._beside_python(backend.PURE_BINARY)
    if pure is None:
        pytest.skip("graphviz-pure is not installed (pip install 'argmap[engine]')")
    monkeypatch.setenv("PATH", "")
    assert backend.find_program() == ("graphviz-pure", pure)
    assert b"<svg" in backend.run_dot(SOURCE, "svg")
    assert backend.run_dot(SOURCE, "png").startswith(b"\x89PNG")


KILLED_PARENT = """
import sys
from argmap.render import backend
backend.run_dot("digraph {}", "svg", timeout=60)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_killing_argmap_ends_the_engine(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, signal_name: str
) -> None:
    import signal
    import subprocess
    import time

    pid_file = tmp_path / "engine.pid"
    fake_engine(tmp_path, "dot", f'echo $$ > "{pid_file}"; exec sleep 30')
    env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{TOOLS}"}
    parent = subprocess.Popen([sys.executable, "-c", KILLED_PARENT], env=env)
    deadline = time.monotonic() + 20
    while not pid_file.exists() or not pid_file.read_text().strip():
        assert time.monotonic() < deadline, "the fake engine never started"
        time.sleep(0.05)
    engine = int(pid_file.read_text())
    assert os.getpgid(engine) == engine != os.getpgid(parent.pid)  # a session of its own
    parent.send_signal(getattr(signal, signal_name))
    parent.wait(10)
    while True:
        try:
            os.kill(engine, 0)
        except ProcessLookupError:
            break
        with open(f"/proc/{engine}/stat") as stat:  # a zombie waiting for init is gone too
            if stat.read().split()[2] == "Z":
                break
        assert time.monotonic() < deadline, "the engine outlived argmap"
        time.sleep(0.05)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_timeout_ends_the_whole_group(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import time

    pid_file = tmp_path / "child.pid"
    fake_engine(tmp_path, "dot", f'sleep 30 & echo $! > "{pid_file}"; wait')
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{TOOLS}")
    with pytest.raises(RenderError, match="took longer"):
        backend.run_dot(SOURCE, timeout=0.5)
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while True:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        with open(f"/proc/{child}/stat") as stat:
            if stat.read().split()[2] == "Z":
                break
        assert time.monotonic() < deadline, "the engine's child outlived the timeout"
        time.sleep(0.05)
