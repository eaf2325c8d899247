"""Compare routes from argmap's SVG to PDF that need no system Graphviz.

Run ``.venv/bin/python benchmarks/render_pdf.py`` (needs ``pdftoppm`` and ``pdftotext`` from
poppler-utils; each candidate is skipped when its package is missing: ``svg2pdf-py``, ``svglib``
with ``reportlab``, ``cairosvg``). For the seed map with its legend it prints each route's median
time over 3 runs, the PDF's size, how many of the SVG's words ``pdftotext`` finds in it (text that
stays text), and its fidelity: the share of pixels, at 72 dpi in greyscale, that differ by more
than 64 levels from resvg's PNG of the same SVG (resvg being the PNG route).
"""

from __future__ import annotations

import io
import re
import statistics
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import argmap
from argmap.render import diagram
from argmap.render.convert import svg_to_pdf, svg_to_png

SVG = "{http://www.w3.org/2000/svg}"


def svglib_route(svg: str) -> bytes:
    from reportlab.graphics import renderPDF
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(io.BytesIO(svg.encode("utf-8")))
    out = io.BytesIO()
    renderPDF.drawToFile(drawing, out)
    return out.getvalue()


def cairosvg_route(svg: str) -> bytes:
    import cairosvg

    return bytes(cairosvg.svg2pdf(bytestring=svg.encode("utf-8")))


ROUTES: dict[str, Callable[[str], bytes]] = {
    "svg2pdf-py (argmap[pdf])": svg_to_pdf,
    "svglib + reportlab": svglib_route,
    "cairosvg": cairosvg_route,
}


def grey_pixels(png: bytes) -> tuple[int, int, bytes]:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    return image.width, image.height, image.tobytes()


def main() -> None:
    svg = diagram(argmap.seed_map(), legend=True).svg()
    texts = ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]
    words = {w for text in texts for w in re.findall(r"\w+", text)}
    ref_w, ref_h, ref = grey_pixels(svg_to_png(svg, dpi=72))
    print("| route | time (s) | PDF bytes | words found | pixels differing |")
    print("|---|---|---|---|---|")
    for name, route in ROUTES.items():
        try:
            times = []
            for _ in range(3):
                t = time.perf_counter()
                pdf = route(svg)
                times.append(time.perf_counter() - t)
        except Exception as err:  # a missing package or system library
            print(f"| {name} | failed: {type(err).__name__}: {str(err)[:60]} | | | |")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "x.pdf"
            path.write_bytes(pdf)
            text = subprocess.run(
                ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
            ).stdout
            png = ["pdftoppm", "-r", "72", "-png", "-singlefile", str(path), str(Path(tmp) / "x")]
            subprocess.run(png, check=True)
            w, h, pixels = grey_pixels((Path(tmp) / "x.png").read_bytes())
        found = len(words & set(re.findall(r"\w+", text)))
        if (w, h) == (ref_w, ref_h):
            differ = sum(abs(a - b) > 64 for a, b in zip(pixels, ref, strict=True)) / len(ref)
            fidelity = f"{differ:.2%}"
        else:
            fidelity = f"size {w}x{h} vs {ref_w}x{ref_h}"
        print(f"| {name} | {statistics.median(times):.2f} | {len(pdf)} | {found}/{len(words)} | {fidelity} |")


if __name__ == "__main__":
    main()
