"""Print a page to PDF with headless Chromium: the one place argmap runs a browser.

Chromium (or Google Chrome) is optional: :data:`CHROMIUM_NAMES` are looked up on ``PATH``, or
the program named by the ``ARGMAP_CHROMIUM`` environment variable is used. Without one,
:func:`print_pdf` raises :class:`~argmap.exceptions.RenderError` with an install hint. The page
is printed with its own print stylesheet on the paper asked for (A4 or Letter), without the
browser's header and footer, and the browser is stopped after ``timeout`` seconds.

Examples
--------
>>> paper_css("letter")
'@page { size: letter; } @page argmap-wide { size: letter landscape; }'
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Final

from argmap._io import atomic_write
from argmap.exceptions import ArgmapError, RenderError

__all__ = ["CHROMIUM_FLAGS", "CHROMIUM_NAMES", "PAPERS", "find_chromium", "paper_css", "print_pdf"]

CHROMIUM_NAMES: Final = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
"""Program names :func:`find_chromium` looks for on ``PATH``, in order."""
PAPERS: Final = ("A4", "letter")
"""Paper sizes :func:`print_pdf` prints on."""
INSTALL_HINT: Final = (
    "PDF output prints the HTML page with headless Chromium: install it (Debian/Ubuntu: "
    "apt-get install chromium) or set ARGMAP_CHROMIUM to a Chromium or Chrome program; "
    "or write .html and print it from a browser"
)
"""What to install when no Chromium is found."""
CHROMIUM_FLAGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
"""Chromium's flags for a run with no screen, no network and no profile (the tests' browser uses them too)."""
_FLAGS: Final = (*CHROMIUM_FLAGS, "--no-pdf-header-footer")


def find_chromium() -> str | None:
    """Return the Chromium program :func:`print_pdf` would run, or None."""
    named = os.environ.get("ARGMAP_CHROMIUM")
    if named:
        return shutil.which(named)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def paper_css(paper: str) -> str:
    """Return the ``@page`` rule that sets the paper size (``"A4"`` or ``"letter"``)."""
    if paper not in PAPERS:
        raise ArgmapError(f"unknown paper {paper!r}; use one of {', '.join(PAPERS)}")
    return f"@page {{ size: {paper}; }} @page argmap-wide {{ size: {paper} landscape; }}"


def print_pdf(page: str, target: str | os.PathLike[str], *, paper: str = "A4", timeout: float = 60.0) -> Path:
    """Print an HTML page (a string) to a PDF file on ``paper``; return the path.

    Raises
    ------
    RenderError
        When no Chromium is found, it fails, or it runs past ``timeout`` seconds; an existing
        ``target`` is then left as it was.
    """
    rule = paper_css(paper)
    program = find_chromium()
    if program is None:
        raise RenderError(f"no Chromium found; {INSTALL_HINT}")
    page = page.replace("</style>", f"{rule}\n</style>", 1) if "</style>" in page else page
    with tempfile.TemporaryDirectory(prefix="argmap-pdf-") as tmp:
        source, out = Path(tmp) / "page.html", Path(tmp) / "page.pdf"
        source.write_text(page, encoding="utf-8")
        cmd = [program, *_FLAGS, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", source.as_uri()]
        try:
            proc = subprocess.Popen(
                cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
            )
        except OSError as exc:
            raise RenderError(f"cannot run {program}: {exc.strerror or exc}; {INSTALL_HINT}") from None
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
            raise RenderError(f"Chromium took longer than {timeout:g} s to print the page") from None
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, 9)
                proc.wait()
        if proc.returncode or not out.exists() or not out.read_bytes().startswith(b"%PDF"):
            tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise RenderError(f"Chromium could not print the page: {' / '.join(tail) or 'no PDF written'}")
        data = out.read_bytes()
    atomic_write(target, data)
    return Path(target)
