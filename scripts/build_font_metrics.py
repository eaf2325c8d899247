"""Build the drawing font's data: ``argmap/render/_font_metrics.json`` and ``argmap/render/fonts/``.

The JSON holds advance widths by code point; the fonts folder a subset of Arimo (Latin, Greek,
Cyrillic, Hebrew, punctuation; no hinting) in four faces, which PNG and PDF output load so that a
machine without fonts still draws text, with the licence beside them.

argmap sizes every claim box from these widths (:mod:`argmap.render.metrics`), so that text
fits its box whatever the Graphviz engine measures. The font is Arimo (SIL OFL 1.1), which has
the advance widths of Arial, Helvetica and Liberation Sans: a browser or rasteriser showing the
SVG with any of them lays the text out as argmap measured it. Code points Arimo lacks (Arabic,
Devanagari, ...) take the widths of DejaVu Sans, the usual fallback font on Linux; wide East Asian
characters and anything else missing are estimated in :mod:`argmap.render.metrics`.

Usage (Debian: ``apt-get install fonts-croscore fonts-dejavu-core``)::

    .venv/bin/python scripts/build_font_metrics.py [ARIMO_DIR [DEJAVU_DIR]]

Needs fontTools (``pip install fonttools``, a test dependency).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "argmap" / "render" / "_font_metrics.json"
FONTS = ROOT / "argmap" / "render" / "fonts"
SUBSET = ",".join(
    [
        *("U+0020-007E", "U+00A0-024F", "U+0370-03FF", "U+0400-04FF", "U+0590-05FF", "U+2000-206F"),
        *("U+20AC", "U+2190-21FF", "U+2212", "U+25A0-25FF", "U+FFFD"),
    ]
)
STYLES = {
    "regular": ("Arimo-Regular.ttf", "DejaVuSans.ttf"),
    "bold": ("Arimo-Bold.ttf", "DejaVuSans-Bold.ttf"),
    "italic": ("Arimo-Italic.ttf", "DejaVuSans-Oblique.ttf"),
    "bolditalic": ("Arimo-BoldItalic.ttf", "DejaVuSans-BoldOblique.ttf"),
}


def widths(path: Path) -> tuple[int, dict[int, int]]:
    font = TTFont(path)
    upem = font["head"].unitsPerEm
    hmtx = font["hmtx"]
    return upem, {cp: hmtx[glyph][0] for cp, glyph in font.getBestCmap().items()}


def runs(table: dict[int, int]) -> list[list[int]]:
    """Encode ``{code point: width}`` as ``[[start, w0, w1, ...], ...]`` over consecutive code points."""
    out: list[list[int]] = []
    for cp in sorted(table):
        if out and out[-1][0] + len(out[-1]) - 1 == cp:
            out[-1].append(table[cp])
        else:
            out.append([cp, table[cp]])
    return out


def main() -> None:
    arimo = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/croscore")
    dejavu = Path(sys.argv[2] if len(sys.argv) > 2 else "/usr/share/fonts/truetype/dejavu")
    data: dict[str, object] = {
        "font": "Arimo 1.33 (SIL Open Font License 1.1); fallback DejaVu Sans 2.37 (Bitstream Vera licence)",
        "units_per_em": 2048,
    }
    for style, (main_file, fallback_file) in STYLES.items():
        upem, main = widths(arimo / main_file)
        fupem, fallback = widths(dejavu / fallback_file)
        assert upem == fupem == 2048
        data[style] = runs(main)
        data[f"{style}_fallback"] = runs({cp: w for cp, w in fallback.items() if cp not in main})
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
    FONTS.mkdir(exist_ok=True)
    for main_file, _ in STYLES.values():
        target = FONTS / main_file
        subset.main(
            [
                str(arimo / main_file),
                f"--unicodes={SUBSET}",
                "--no-hinting",
                "--desubroutinize",
                "--layout-features=kern,liga,ccmp,locl,mark,mkmk",
                f"--output-file={target}",
            ]
        )
        print(f"wrote {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
