"""Draw the gallery while the site builds: ``scripts/gallery.py``'s pictures beside their code.

At ``builder-inited`` every picture of ``scripts/gallery.py`` is drawn afresh (SVG) into
``_generated/gallery/``, and ``_generated/gallery.md`` is written: per picture its description, the
drawing and the source of the function that made it. ``gallery.md`` includes that file. The seed
map's HTML page, worksheet and answer key go to ``_generated/pages/`` for the teaching tutorial.
"""

from __future__ import annotations

import importlib.util
import inspect
import shutil
from pathlib import Path
from typing import Any


def _load(script: Path) -> Any:
    spec = importlib.util.spec_from_file_location("argmap_gallery_script", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_gallery(srcdir: Path) -> list[str]:
    """Draw the pictures and write the page's body; return the names drawn."""
    script = _load(srcdir.parent / "scripts" / "gallery.py")
    out = srcdir / "_generated"
    drawn = script.draw(out / "gallery", png=False)
    parts: list[str] = []
    for name in drawn:
        make = script.PICTURES[name]
        doc = inspect.getdoc(make) or name
        code = inspect.getsource(make).rstrip()
        parts += [
            f"## {doc.rstrip('.')}",
            "",
            f"```{{image}} /_generated/gallery/{name}.svg",
            f":alt: {doc}",
            ":width: 100%",
            f":target: _images/{name}.svg",
            "```",
            "",
            f"`{name}.svg` (click for full size), drawn by:",
            "",
            "```python",
            code,
            "```",
            "",
        ]
    missing = [n for n in script.PICTURES if n not in drawn]
    if missing:
        parts += [f"Not drawn in this build (their corpus was missing): {', '.join(missing)}.", ""]
    (out / "gallery.md").write_text("\n".join(parts), encoding="utf-8")
    _editor_screenshot(srcdir.parent / "examples" / "gallery" / "editor.png", out)
    _seed_pages(out / "pages")
    return drawn


def _seed_pages(out: Path) -> None:
    """Write the seed map's HTML page, a worksheet and its key, for the teaching tutorial to link."""
    import argmap
    from argmap.page.html import write_html
    from argmap.page.worksheet import worksheet_page
    from argmap.teaching.exercises import make_exercises

    out.mkdir(parents=True, exist_ok=True)
    m = argmap.seed_map()
    write_html(m, out / "seed.html")
    ex = make_exercises(m, seed=1)
    (out / "seed-sheet.html").write_text(worksheet_page(m, ex), encoding="utf-8")
    (out / "seed-key.html").write_text(worksheet_page(m, ex, key=True), encoding="utf-8")


def _editor_screenshot(shot: Path, out: Path) -> None:
    """Write the live editor page's picture: the screenshot when there is one, else a note."""
    if shot.is_file():
        shutil.copyfile(shot, out / "gallery" / shot.name)
        text = (
            "```{image} /_generated/gallery/editor.png\n"
            ":alt: argmap edit on the seed map: the Argdown text, the map and the article\n"
            ":width: 100%\n```\n"
        )
    else:
        text = "*(The screenshot, `examples/gallery/editor.png`, is not there yet.)*\n"
    (out / "editor-screenshot.md").write_text(text, encoding="utf-8")


def _generate(app: Any) -> None:
    write_gallery(Path(app.srcdir))


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _generate)
    return {"parallel_read_safe": True}
