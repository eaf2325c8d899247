"""Save examples/gallery/editor.png: ``argmap edit`` on the seed map, as Chromium shows it.

Runs ``argmap edit --no-browser`` on a copy of ``seeds/putin_has_no_time_left.argdown`` (and its
``.txt``), opens the printed URL in headless Chromium (``/usr/bin/chromium``), clicks one claim on
the map so that the links between map, text and source show, and takes the picture. Usage::

    .venv/bin/python scripts/editor/screenshot.py [OUT]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "gallery" / "editor.png"
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".argdown", ".txt"):
            seed = ROOT / "seeds" / f"putin_has_no_time_left{suffix}"
            if seed.exists():
                shutil.copy(seed, tmp)
        proc = subprocess.Popen(
            [sys.executable, "-m", "argmap", "edit", str(Path(tmp) / "putin_has_no_time_left.argdown"),
             "--no-browser"],
            stdout=subprocess.PIPE, text=True, cwd=ROOT,
        )  # fmt: skip
        try:
            assert proc.stdout is not None
            url = ""
            while not url:
                found = re.search(r"http://\S+", proc.stdout.readline())
                url = found.group(0) if found else ""
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1600, "height": 900}, device_scale_factor=1)
                page.goto(url)
                page.wait_for_selector("#map svg g.claim", timeout=60_000)
                page.click('#map g.claim[id="limited-time"]')
                page.wait_for_timeout(300)
                page.screenshot(path=str(out))
                browser.close()
        finally:
            proc.terminate()
            proc.wait(10)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
