"""Time ``argmap edit`` from a keystroke to the new map on screen, in real Chromium.

For the seed map (35 claims, ``seeds/putin_has_no_time_left.argdown``) and a generated
300-claim map (``render_scale.synthetic``, written as Argdown), this opens the editor's page in
headless Chromium (Debian's ``/usr/bin/chromium`` through playwright), types one character into
a claim's text, and measures in the page from the ``keydown`` event to the first animation frame
after the new SVG is in the DOM: the page's debounce, the websocket, parsing, ``check`` and
Graphviz included. Each keystroke waits for its map before the next. ``server`` is the part spent
drawing on the server (parse, ``check``, layout). Targets: median at most 150 ms for the seed,
500 ms for 300 claims. The machine's load average is printed with the figures. Usage::

    .venv/bin/python benchmarks/editor_latency.py [--keys 40] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_scale import synthetic

from argmap.editor.server import Editor, serving
from argmap.page.pdf import CHROMIUM_FLAGS
from argmap.readwrite.argdown import generate_argdown

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = list(CHROMIUM_FLAGS)
TARGETS = {"seed (35 claims)": 150.0, "300 claims": 500.0}

_PROBE = """() => {
  window.__lat = [];
  window.__server = [];
  let t0 = null;
  document.addEventListener("keydown", () => { t0 = performance.now(); }, true);
  new MutationObserver(() => {
    if (t0 === null) { return; }
    const start = t0; t0 = null;
    window.__server.push(Number(document.getElementById("map").dataset.serverMs));
    requestAnimationFrame(() => window.__lat.push(performance.now() - start));
  }).observe(document.getElementById("map"), {childList: true});
}"""


_TO_FIRST_CLAIM = r"""() => {
  const lines = window.argmapEditor.getText().split("\n");
  window.argmapEditor.gotoLine(lines.findIndex((l) => /^\[[^\]]+\]: /.test(l)) + 1);
  window.argmapEditor.focus();
}"""


def map_of(claims: int) -> str:
    """Argdown text of a synthetic map with ``claims`` claims (objections counted)."""
    n = claims
    while len(list(synthetic(n).claims())) > claims:
        n -= 1
    return "".join(generate_argdown(synthetic(n)))


def measure(text: str, keys: int, browser: Any) -> tuple[list[float], list[float]]:
    """Return the milliseconds from each of ``keys`` keystrokes to its map on screen, and the server's."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "map.argdown"
        path.write_text(text, encoding="utf-8")
        editor = Editor(path)
        with serving(editor) as url:
            page = browser.new_page(viewport={"width": 1600, "height": 900})
            page.goto(url)
            page.wait_for_selector("#map svg g.claim", timeout=60_000)
            page.evaluate(_PROBE)
            page.evaluate(_TO_FIRST_CLAIM)
            page.keyboard.press("End")
            for i in range(keys):
                page.keyboard.type("x" if i % 2 == 0 else "y")
                page.wait_for_function(f"() => window.__lat.length > {i}", timeout=60_000)
                page.wait_for_timeout(100)
            lat: list[float] = page.evaluate("() => window.__lat")
            server: list[float] = page.evaluate("() => window.__server")
            page.close()
    return lat, server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=40, help="keystrokes per map (default 40)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    maps = {
        "seed (35 claims)": (ROOT / "seeds" / "putin_has_no_time_left.argdown").read_text(encoding="utf-8"),
        "300 claims": map_of(300),
    }
    results: dict[str, dict[str, float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, text in maps.items():
            lat, server = measure(text, args.keys, browser)
            lat, server = lat[2:], server[2:]  # the first keystrokes warm the server's threads up
            results[name] = {
                "median_ms": round(statistics.median(lat), 1),
                "p95_ms": round(sorted(lat)[max(0, round(0.95 * len(lat)) - 1)], 1),
                "server_median_ms": round(statistics.median(server), 1),
                "target_ms": TARGETS[name],
                "n": len(lat),
            }
        browser.close()
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'map':18s} {'median':>8s} {'p95':>8s} {'server':>8s} {'target':>8s}")
        for name, r in results.items():
            ok = "ok" if r["median_ms"] <= r["target_ms"] else "OVER"
            print(
                f"{name:18s} {r['median_ms']:6.0f}ms {r['p95_ms']:6.0f}ms {r['server_median_ms']:6.0f}ms "
                f"{r['target_ms']:6.0f}ms  {ok}"
            )
    return 0 if all(r["median_ms"] <= r["target_ms"] for r in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
