"""SAT calls that a time limit or Ctrl-C stops cleanly.

A python-sat solver runs in C. Called plainly, it installs its own SIGINT
handler and turns Ctrl-C into a ``pysolvers.error`` ("Caught keyboard
interrupt") after jumping out of the solver, and it cannot be timed out.
:class:`Watch` instead runs each call with the GIL released
(``solve_limited(expect_interrupt=True)``) while a helper thread waits for the
deadline or for a signal (through :func:`signal.set_wakeup_fd`) and then calls
``solver.interrupt()``. Python's own handler then raises
:class:`KeyboardInterrupt` as usual, and a deadline raises
:class:`~argmap.exceptions.SolverTimeout`.
"""

from __future__ import annotations

import contextlib
import math
import select
import signal
import socket
import threading
import time
from typing import Any, Final

from argmap.exceptions import OptionError, SolverTimeout

__all__ = ["Watch", "check_timeout"]

_POKE: Final = b"\xff"  # not a signal number: wakes the helper thread to look at a new deadline


def check_timeout(timeout: float | None) -> None:
    """Raise :class:`~argmap.exceptions.OptionError` unless ``timeout`` is None or finite seconds above 0."""
    if timeout is None:
        return
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise TypeError(f"timeout must be a number of seconds or None, not {type(timeout).__name__}")
    if not (math.isfinite(timeout) and timeout > 0):
        raise OptionError(f"timeout must be a finite number of seconds above 0 (or None), not {timeout!r}")


class Watch:
    """Run the SAT calls of one solver within ``timeout`` seconds of work in all, stoppable by signals.

    The clock runs only inside :meth:`solve` and between :meth:`resume` and
    :meth:`pause`, so a generator that yields does not spend its caller's time.
    Solvers that cannot be interrupted (CaDiCaL, Lingeling, ...) are called
    plainly; they refuse a timeout.
    """

    def __init__(self, solver: Any, timeout: float | None) -> None:
        check_timeout(timeout)
        self.solver = solver
        self.timeout = timeout
        self._spent = 0.0
        self._since: float | None = time.monotonic()
        self._lock = threading.Lock()
        self._active = False
        self._deadline: float | None = None
        self._sleeping_until: float | None = None
        self._timed_out = False
        self._thread: threading.Thread | None = None
        self._closing = False
        self._wake_r: socket.socket | None = None
        self._wake_w: socket.socket | None = None
        try:
            solver.interrupt()
            solver.clear_interrupt()
            self._interruptible = True
        except NotImplementedError:
            self._interruptible = False
            if timeout is not None:
                raise OptionError(
                    f"the SAT solver {type(solver).__name__} cannot be stopped, so it takes no timeout; "
                    "use glucose4 (the default)"
                ) from None

    # -- the clock ---------------------------------------------------------------------------

    def pause(self) -> None:
        """Stop the clock (before a generator yields)."""
        if self._since is not None:
            self._spent += time.monotonic() - self._since
            self._since = None

    def resume(self) -> None:
        """Start the clock again."""
        if self._since is None:
            self._since = time.monotonic()

    def remaining(self) -> float | None:
        """Return the seconds left, or None without a timeout."""
        if self.timeout is None:
            return None
        running = time.monotonic() - self._since if self._since is not None else 0.0
        return self.timeout - self._spent - running

    # -- solving -----------------------------------------------------------------------------

    def solve(self, assumptions: list[int]) -> bool:
        """Return whether the formula is satisfiable under ``assumptions``.

        Raises :class:`SolverTimeout` when the time is up, and lets a signal's
        handler raise (:class:`KeyboardInterrupt` for Ctrl-C).
        """
        left = self.remaining()
        if left is not None and left <= 0:
            raise SolverTimeout(self.timeout or 0.0)
        if not self._interruptible:
            return self._solve_plainly(assumptions)
        while True:
            status = self._solve_once(assumptions, left)
            if status is not None:
                return status
            if self._timed_out:
                raise SolverTimeout(self.timeout or 0.0)
            # a signal whose handler did not raise (Ctrl-C raises before this line): go on
            left = self.remaining()

    def _solve_once(self, assumptions: list[int], left: float | None) -> bool | None:
        main = threading.current_thread() is threading.main_thread()
        if main or left is not None:
            self._start()
        old_fd = -1
        wake = self._wake_w
        if main and wake is not None:
            old_fd = signal.set_wakeup_fd(wake.fileno(), warn_on_full_buffer=False)
        with self._lock:
            self._deadline = deadline = None if left is None else time.monotonic() + left
            self._timed_out = False
            self._active = True
            # the helper sleeps until ``_sleeping_until`` (None: a signal); wake it if that is too late
            asleep = self._sleeping_until
            poke = deadline is not None and (asleep is None or deadline < asleep)
        if poke and wake is not None:
            _send(wake, _POKE)
        try:
            status = self.solver.solve_limited(assumptions=assumptions, expect_interrupt=True)
        finally:
            # builtins only until the wakeup fd is back: a pending KeyboardInterrupt
            # is raised at the next Python-level call
            if main and wake is not None:
                signal.set_wakeup_fd(old_fd)
            with self._lock:
                self._active = False
            self.solver.clear_interrupt()
        return None if status is None else bool(status)

    def _solve_plainly(self, assumptions: list[int]) -> bool:
        try:
            return bool(self.solver.solve(assumptions=assumptions))
        except Exception as exc:  # pysat's own SIGINT handler turned Ctrl-C into its error
            if "keyboard interrupt" not in str(exc).lower():
                raise
            # its handler stays installed after the jump: give SIGINT back to Python
            signal.signal(signal.SIGINT, signal.default_int_handler)
            raise KeyboardInterrupt from None

    # -- the helper thread ---------------------------------------------------------------------

    def _start(self) -> None:
        if self._thread is not None:
            return
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._thread = threading.Thread(target=self._run, name="argmap-sat-watch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        wake = self._wake_r
        assert wake is not None
        while True:
            with self._lock:
                if self._closing:
                    return
                deadline = self._deadline if self._active else None
                self._sleeping_until = deadline
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([wake], [], [], wait)
            got = b""
            if ready:
                try:
                    got = wake.recv(256)
                except BlockingIOError:
                    got = b""
            with self._lock:
                if self._closing:
                    return
                if not self._active:
                    continue
                signalled = any(b != _POKE[0] for b in got)
                late = self._deadline is not None and time.monotonic() >= self._deadline
                if signalled or late:
                    self._timed_out = late and not signalled
                    self.solver.interrupt()
                    self._active = False

    def close(self) -> None:
        """Stop the helper thread; the solver itself is the caller's to delete."""
        self.pause()
        thread = self._thread
        if thread is None:
            return
        with self._lock:
            self._closing = True
        if self._wake_w is not None:
            _send(self._wake_w, _POKE)
        thread.join()
        self._thread = None
        for sock in (self._wake_r, self._wake_w):
            if sock is not None:
                sock.close()
        self._wake_r = self._wake_w = None


def _send(sock: socket.socket, data: bytes) -> None:
    with contextlib.suppress(OSError):  # BlockingIOError: the buffer is full of wake-ups already
        sock.send(data)
