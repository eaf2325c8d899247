"""The one place argmap runs a Graphviz process.

:func:`run_dot` pipes DOT text through an engine and returns the output bytes.
The engine is the system Graphviz ``dot`` (:data:`DOT_BINARY`) when it is on
``PATH``; otherwise ``graphviz-pure`` (:data:`PURE_BINARY`), a self-contained
port of Graphviz that ``pip install argmap`` installs, found on ``PATH`` or
beside the running Python. It writes every format the system ``dot`` does
except PDF (argmap makes PDF from the SVG, :mod:`argmap.render.convert`).

The engine runs in a session of its own, so that a terminal's Ctrl-C reaches
argmap alone; argmap ends the whole group on a timeout or an interrupt, and on
Linux the engine is also told to die with its parent (``PR_SET_PDEATHSIG``),
so that killing argmap, even with SIGKILL, never leaves an engine running.

Errors: no engine raises :class:`~argmap.exceptions.GraphvizNotFound` with an
install hint; an engine that exits non-zero raises
:class:`~argmap.exceptions.RenderError` carrying its stderr, and so does one
that runs past the timeout.

Examples
--------
>>> graphviz_available() in (True, False)
True
>>> NO_EXE or run_dot('digraph { a -> b }', "svg").startswith(b"<?xml")
True
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
from collections.abc import Callable
from pathlib import Path
from typing import Final

from argmap.exceptions import GraphvizNotFound, RenderError

__all__ = [
    "DOT_BINARY",
    "ENGINES",
    "INSTALL_HINT",
    "OUTPUT_FORMATS",
    "PURE_BINARY",
    "find_program",
    "graphviz_available",
    "run_dot",
]

DOT_BINARY: Final = "dot"
"""The system Graphviz program, looked up on ``PATH``."""

PURE_BINARY: Final = "graphviz-pure"
"""The fallback engine's program, from the ``graphviz-pure`` package (a dependency of argmap)."""

OUTPUT_FORMATS: Final = frozenset({"svg", "png", "pdf", "dot", "xdot", "json", "plain", "jpg"})
"""Output formats :func:`run_dot` accepts."""

ENGINES: Final = frozenset({"dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"})
"""Graphviz layout programs (``-K``) :func:`run_dot` accepts."""

INSTALL_HINT: Final = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; "
    "Windows: winget install graphviz) or the pip-installable engine: pip install graphviz-pure"
)
"""What to install when no Graphviz engine is found (part of the :class:`GraphvizNotFound` message)."""

_NO_PDF: Final = frozenset({"pdf"})


def _beside_python(name: str) -> str | None:
    """Return ``name`` from the running environment's scripts directory, if it is there."""
    for folder in (sysconfig.get_path("scripts"), os.path.dirname(sys.executable)):
        found = shutil.which(name, path=folder)
        if found:
            return found
    return None


def find_program() -> tuple[str, str] | None:
    """Return ``(kind, program)`` of the engine :func:`run_dot` would use, or None.

    ``kind`` is ``"dot"`` for the system Graphviz or ``"graphviz-pure"``.

    >>> find_program() is None or find_program()[0] in ("dot", "graphviz-pure")
    True
    """
    system = shutil.which(DOT_BINARY)
    if system:
        return ("dot", system)
    pure = shutil.which(PURE_BINARY) or _beside_python(PURE_BINARY)
    if pure:
        return ("graphviz-pure", pure)
    return None


def graphviz_available() -> bool:
    """Return True if a Graphviz engine can be run."""
    return find_program() is not None


def run_dot(source: str, format: str = "svg", *, engine: str = "dot", timeout: float = 60.0) -> bytes:
    """Lay out and draw DOT text with Graphviz; return the output.

    Parameters
    ----------
    source : str
        DOT text, such as :func:`argmap.render.dot.to_dot` returns.
    format : str
        Output format, one of :data:`OUTPUT_FORMATS`.
    engine : str
        Layout engine, one of :data:`ENGINES` (``-K``).
    timeout : float
        Seconds to wait before the process is killed.

    Returns
    -------
    bytes

    Raises
    ------
    GraphvizNotFound
        If no engine is installed (the message says what to install).
    RenderError
        If ``format`` or ``engine`` is unknown, or the engine fails (with its
        stderr), runs out of time or cannot write ``format``.
    """
    if format not in OUTPUT_FORMATS:
        raise RenderError(
            f"unknown output format {format!r}; choose from {', '.join(sorted(OUTPUT_FORMATS))}"
        )
    if engine not in ENGINES:
        raise RenderError(f"unknown layout engine {engine!r}; choose from {', '.join(sorted(ENGINES))}")
    found = find_program()
    if found is None:
        raise GraphvizNotFound(f"no Graphviz engine found ('{DOT_BINARY}' is not on PATH): {INSTALL_HINT}")
    kind, program = found
    if kind == "graphviz-pure" and format in _NO_PDF:
        raise RenderError(
            f"{PURE_BINARY} cannot write {format}; install the system Graphviz for {format} output"
        )
    cmd = [program, f"-K{engine}", f"-T{format}"]
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            preexec_fn=_die_with_parent(),  # noqa: PLW1509 (only prctl and getppid: async-signal-safe)
        )
    except FileNotFoundError:
        raise GraphvizNotFound(f"cannot run {program!r}: {INSTALL_HINT}") from None
    try:
        stdout, raw_err = proc.communicate(source.encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        _end(proc)
        raise RenderError(f"{Path(program).name} took longer than {timeout:g} s and was stopped") from None
    except BaseException:  # KeyboardInterrupt, SystemExit: never leave the engine behind
        _end(proc)
        raise
    stderr = raw_err.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RenderError(f"{Path(program).name} -T{format} exited with status {proc.returncode}", stderr)
    return stdout


def _end(proc: subprocess.Popen[bytes]) -> None:
    """Kill the engine's process group and reap it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.communicate()


_PR_SET_PDEATHSIG: Final = 1


def _die_with_parent() -> Callable[[], None] | None:
    """Return a pre-exec hook asking Linux to kill the engine when argmap dies (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def hook() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # argmap died before the request took hold
            os._exit(1)

    return hook
