"""``argmap render FILE -o OUT --watch``: OUT follows FILE until Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap._io import atomic_write

pytest.importorskip("watchfiles")

ROOT = Path(__file__).resolve().parent.parent


def _until(check: object, what: str, proc: subprocess.Popen[str], limit: float = 30.0) -> None:
    """Wait (at most ``limit`` seconds: a bound, not a speed test) for ``check()`` to hold."""
    end = time.monotonic() + limit
    while not check():  # type: ignore[operator]
        if proc.poll() is not None or time.monotonic() > end:
            proc.kill()
            out, err = proc.communicate()
            pytest.fail(f"{what}: never happened\nstdout: {out}\nstderr: {err}")
        time.sleep(0.05)


def test_watch_redraws_on_every_change(tmp_path: Path) -> None:
    src, out = tmp_path / "map.argdown", tmp_path / "map.dot"
    src.write_text("[A]: Apples are healthy.\n  + [B]: They have vitamins.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    err_path = tmp_path / "stderr.txt"
    with err_path.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "argmap", "render", str(src), "-o", str(out), "--watch"],
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            env=env,
        )
        try:
            _until(lambda: out.exists() and "They have vitamins" in out.read_text(), "first drawing", proc)
            atomic_write(src, "[A]: Apples are healthy.\n  - [C]: They have sugar.\n")
            _until(lambda: "They have sugar" in out.read_text(), "drawing after a change", proc)
            atomic_write(src, "[A]: Apples.\n  + \\\n")  # a syntax error: reported, still watching
            _until(lambda: "watching for the next change" in err_path.read_text(), "error report", proc)
            assert "line 2, column 5" in err_path.read_text()
            assert "They have sugar" in out.read_text()  # the last good drawing stays
            atomic_write(src, "[A]: Apples.\n  + [D]: Pears too.\n")
            _until(lambda: "Pears too" in out.read_text(), "drawing after the error", proc)
        finally:
            proc.send_signal(signal.SIGINT)
            stdout, _ = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert stdout.count("wrote ") == 3 and "watching" in stdout
