"""Pictures a reader can use: text inside its box on every engine, readable colours, a compact seed map.

Text is measured with fontTools on the font files themselves: the Arimo faces argmap ships (the
metrics of Arial, which the SVG names first) and, for scripts Arimo lacks, DejaVu Sans from the
system. Each case is drawn with every engine found (system ``dot``, ``graphviz-pure``).
"""

from __future__ import annotations

import random
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

import argmap
from argmap.render import backend, diagram
from argmap.render.convert import font_files
from argmap.render.style import THEMES, Style, contrast_ratio, relative_luminance
from argmap.render.svg import size

ttlib = pytest.importorskip("fontTools.ttLib")

SVG = "{http://www.w3.org/2000/svg}"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
TOLERANCE = 0.5
"""Points a line may reach past its box's border line (half a border's width)."""


def engines() -> list[str]:
    found = []
    if shutil.which(backend.DOT_BINARY):
        found.append("dot")
    if shutil.which(backend.PURE_BINARY) or backend._beside_python(backend.PURE_BINARY):
        found.append("graphviz-pure")
    return found


@pytest.fixture(params=["dot", "graphviz-pure"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    name: str = request.param
    if name not in engines():
        pytest.skip(f"{name} is not installed")
    if name == "graphviz-pure":
        pure = shutil.which(backend.PURE_BINARY) or backend._beside_python(backend.PURE_BINARY)
        assert pure is not None
        monkeypatch.setattr(backend, "find_program", lambda: ("graphviz-pure", pure))
    else:
        dot = shutil.which(backend.DOT_BINARY)
        monkeypatch.setattr(backend, "find_program", lambda: ("dot", dot))
    return name


@cache
def faces() -> dict[tuple[bool, bool], list[tuple[dict[int, str], object, float]]]:
    """(bold, italic) -> fonts to try in order: (cmap, hmtx, units per em)."""
    shipped = {Path(p).stem: p for p in font_files()}
    fallback = {
        (False, False): "DejaVuSans.ttf",
        (True, False): "DejaVuSans-Bold.ttf",
        (False, True): "DejaVuSans-Oblique.ttf",
        (True, True): "DejaVuSans-BoldOblique.ttf",
    }
    out = {}
    for (bold, italic), dejavu in fallback.items():
        name = "Arimo-" + (
            {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic"}.get(
                (bold, italic), "BoldItalic"
            )
        )
        paths = [shipped[name]] + ([str(DEJAVU / dejavu)] if (DEJAVU / dejavu).is_file() else [])
        fonts = []
        for path in paths:
            font = ttlib.TTFont(path)
            fonts.append((font.getBestCmap(), font["hmtx"], float(font["head"].unitsPerEm)))
        out[bold, italic] = fonts
    return out


class MissingGlyph(Exception):
    pass


def measure(text: str, size: float, bold: bool, italic: bool) -> float:
    """Width of ``text`` in points by the fonts' advance widths (no kerning: an upper bound)."""
    total = 0.0
    for ch in text:
        if ch in "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufe0f" or 0x1F3FB <= ord(ch) <= 0x1F3FF:
            continue
        for cmap, hmtx, upem in faces()[bold, italic]:
            glyph = cmap.get(ord(ch))
            if glyph is not None:
                total += hmtx[glyph][0] / upem * size  # type: ignore[index]
                break
        else:
            raise MissingGlyph(ch)
    return total


def shape_box(group: ET.Element) -> tuple[float, float, float, float] | None:
    for el in group.iter():
        if el.tag in (f"{SVG}path", f"{SVG}polygon"):
            raw = el.get("d") or el.get("points") or ""
            nums = [float(x) for x in NUMBER.findall(raw)]
            xs, ys = nums[0::2], nums[1::2]
            return min(xs), max(xs), min(ys), max(ys)
    return None


def spills(svg: str) -> list[str]:
    """Every text line of a box that reaches outside it, described."""
    root = ET.fromstring(svg)
    out = []
    for group in root.iter(f"{SVG}g"):
        classes = set((group.get("class") or "").split())
        if not classes & {"claim", "argument", "legend-item"}:
            continue
        box = shape_box(group)
        assert box is not None
        x0, x1, y0, y1 = box
        for t in group.iter(f"{SVG}text"):
            text = "".join(t.itertext())
            size = float(t.get("font-size") or 14)
            width = measure(text, size, t.get("font-weight") == "bold", t.get("font-style") == "italic")
            x, y = float(t.get("x") or 0), float(t.get("y") or 0)
            anchor = t.get("text-anchor")
            left = x - width / 2 if anchor == "middle" else x
            right = left + width
            if left < x0 - TOLERANCE or right > x1 + TOLERANCE or not y0 < y < y1:
                out.append(f"{group.get('id')}: {text!r} spans {left:.1f}..{right:.1f} in {x0:.1f}..{x1:.1f}")
    return out


def long_words_map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="Long words")
    c = m.claim("Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung is a word.")
    p = m.claim("Pneumonoultramicroscopicsilicovolcanoconiosis and WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW.")
    q = m.claim("mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm iiiiiiiiiiiiiiiiiii", implicit=True)
    s = m.support(c, [p, q], scheme="expert_opinion")
    m.attack(
        s, by=m.claim("— “Quoted”, ‘curly’, … and em—dashes—everywhere—in—one—word —", speaker="Dr WWWW")
    )
    return m


def non_latin_map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="Путин 普京 بوتين")
    c = m.claim("У Путина не осталось времени: он повышает ставки.", speaker="Игорь Рейтерович")
    m.support(c, m.claim("אין לו זמן, והוא מעלה את ההימור בכל האמצעים."))
    m.attack(c, by=m.claim("بوتين ليس لديه وقت لكنه لا يزال يملك الموارد الكافية", speaker="خبراء"))
    m.support(c, m.claim("Ελλάδα: οι Ρώσοι έχουν μόνο δύο συστήματα Oreshnik. Ὅμηρος ᾠδή"))
    m.attack(c, by=m.claim("Tiếng Việt: Nga chỉ còn hai hệ thống — Đắk Lắk, Ầ Ẩ Ẫ Ậ"))
    return m


def random_map(seed: int) -> argmap.ArgumentMap:
    rng = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyzWMQ .,;:!?—–“”‘’éüßçñ"
    m = argmap.ArgumentMap()
    ids = []
    for i in range(12):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(3, 140))).strip() or "x"
        ids.append(
            m.claim(text, id=f"c{i}", implicit=rng.random() < 0.2, speaker=rng.choice([None, "A. Person"]))
        )
    for i in range(1, len(ids)):
        target = ids[rng.randrange(i)]
        (m.support if rng.random() < 0.7 else m.attack)(target, ids[i])
    return m


def corpus_sample() -> Iterator[tuple[str, argmap.ArgumentMap]]:
    corpora = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
    files = sorted((corpora / "arg-microtexts" / "corpus" / "en").glob("*.xml"))[:3]
    files += sorted((corpora / "aifdb-araucaria" / "en").glob("nodeset*.json"))[:3]
    for path in files:
        yield path.name, argmap.read(path)


def cases() -> Iterator[tuple[str, argmap.ArgumentMap, dict[str, object]]]:
    seed = argmap.seed_map()
    yield "seed", seed, {"legend": True}
    for theme in THEMES:
        yield f"seed {theme}", seed, {"theme": theme, "rankdir": "BT", "wrap": 24}
    yield (
        "seed values",
        seed,
        {"values": {c: (i % 9) / 4 - 1 for i, c in enumerate(seed.claims())}, "legend": True},
    )
    yield "seed full speakers", seed, {"speakers": "full", "rankdir": "LR"}
    yield "seed arguments", seed, {"view": "arguments", "legend": True}
    yield "seed clusters", seed, {"clusters": True, "rankdir": "BT"}
    yield "long words", long_words_map(), {"legend": True}
    yield "non-latin", non_latin_map(), {"theme": "colorblind"}
    for i in range(3):
        yield f"random {i}", random_map(i), {"wrap": 20 + 7 * i}
    yield from ((name, m, {}) for name, m in corpus_sample())


CASES = list(cases())


@pytest.mark.exe
@pytest.mark.parametrize(("name", "m", "options"), CASES, ids=[c[0] for c in CASES])
def test_no_line_spills_out_of_its_box(
    engine: str, name: str, m: argmap.ArgumentMap, options: dict[str, object]
) -> None:
    try:
        assert spills(diagram(m, **options).svg()) == []  # type: ignore[arg-type]
    except MissingGlyph as err:
        pytest.skip(f"no font file here has {err.args[0]!r}")


# -- contrast ---------------------------------------------------------------------------------------


def _fill(el: ET.Element) -> str | None:
    fill = el.get("fill")
    return fill if fill and re.fullmatch(r"#[0-9a-fA-F]{6}", fill) else None


def contrasts(svg: str) -> list[tuple[float, str]]:
    """(ratio, description) of every text line against the fill it is drawn on."""
    root = ET.fromstring(svg)
    background = "#ffffff"
    out = []

    def walk(el: ET.Element, shapes: list[tuple[tuple[float, float, float, float], str]]) -> None:
        local = list(shapes)
        for child in el:
            if child.tag in (f"{SVG}path", f"{SVG}polygon") and _fill(child):
                nums = [float(x) for x in NUMBER.findall(child.get("d") or child.get("points") or "")]
                box = (min(nums[0::2]), max(nums[0::2]), min(nums[1::2]), max(nums[1::2]))
                local.append((box, _fill(child)))  # type: ignore[arg-type]
            elif child.tag == f"{SVG}text":
                x, y = float(child.get("x") or 0), float(child.get("y") or 0)
                under = [f for (x0, x1, y0, y1), f in local if x0 <= x <= x1 and y0 <= y <= y1]
                fill = under[-1] if under else background
                colour = _fill(child) or "#000000"
                out.append(
                    (contrast_ratio(colour, fill), f"{''.join(child.itertext())!r} {colour} on {fill}")
                )
            elif child.tag in (f"{SVG}g", f"{SVG}a"):
                walk(child, local)

    walk(root, [])
    return out


CONTRAST_CASES = [
    (f"{theme} {what}", theme, options)
    for theme in THEMES
    for what, options in [
        ("plain", {}),
        ("values", {"values": "all", "legend": True}),
        ("values 0..1", {"values": "all", "value_range": (0.0, 1.0)}),
        ("classes", {"classes": "all", "legend": True}),
        ("arguments", {"view": "arguments"}),
        ("tags", {"tag_colours": {"negotiations": "#b3d4fc", "oreshnik": "#ffd8a8"}, "legend": True}),
    ]
]


@pytest.mark.exe
@pytest.mark.parametrize(("name", "theme", "options"), CONTRAST_CASES, ids=[c[0] for c in CONTRAST_CASES])
def test_every_text_line_has_aa_contrast(name: str, theme: str, options: dict[str, object]) -> None:
    seed = argmap.seed_map()
    options = dict(options)
    claims = list(seed.claims())
    if options.get("values") == "all":
        lo, hi = options.get("value_range", (-1.0, 1.0))  # type: ignore[misc]
        options["values"] = {c: lo + (hi - lo) * i / (len(claims) - 1) for i, c in enumerate(claims)}
    if options.get("classes") == "all":
        kinds = ["matched", "missing", "extra", "highlight"]
        options["classes"] = {c: kinds[i % 4] for i, c in enumerate(claims)}
    found = contrasts(diagram(seed, theme=theme, **options).svg())  # type: ignore[arg-type]
    assert len(found) > 60
    worst = min(found)
    assert worst[0] >= 4.5, worst


def test_colorblind_theme_differs_in_greyscale() -> None:
    s = Style.theme("colorblind")
    lo, _, hi = (relative_luminance(c) for c in s.value_colours)
    assert abs(hi - lo) >= 0.05
    styles = {cls: s.class_styles[cls].get("style", "solid") for cls in ("matched", "missing", "extra")}
    assert len(set(styles.values())) == 3
    assert relative_luminance(s.thesis_fill) < 0.1 < relative_luminance(s.conclusion_fill)


# -- shape --------------------------------------------------------------------------------------------


@pytest.mark.exe
@pytest.mark.parametrize("legend", [False, True])
def test_seed_map_is_compact(engine: str, legend: bool) -> None:
    width, height = size(diagram(argmap.seed_map(), legend=legend).svg())
    assert max(width, height) / min(width, height) <= 1.8
    assert width <= 1638 and height <= 1158, (width, height)


@pytest.mark.exe
def test_thesis_is_the_root_and_larger(engine: str) -> None:
    root = ET.fromstring(diagram(argmap.seed_map()).svg())
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if "claim" in (g.get("class") or "").split()}
    assert [n for n, g in groups.items() if "thesis" in (g.get("class") or "").split()] == [
        "raising-the-stakes"
    ]
    boxes = {n: shape_box(g) for n, g in groups.items()}
    thesis = boxes["raising-the-stakes"]
    assert thesis is not None
    assert all(
        b is not None and b[1] <= thesis[1] + 0.5 for b in boxes.values()
    )  # the root rank (LR: rightmost)
    sizes = {float(t.get("font-size") or 0) for t in groups["raising-the-stakes"].iter(f"{SVG}text")}
    assert min(sizes) > Style().fontsize
    conclusions = [n for n, g in groups.items() if "conclusion" in (g.get("class") or "").split()]
    assert len(conclusions) == 5


# -- legend ---------------------------------------------------------------------------------------------


@pytest.mark.exe
def test_legend_shows_the_conventions_in_use() -> None:
    m = argmap.seed_map()
    classes = {"raising-the-stakes": "matched", "blackmail": "missing"}
    svg = diagram(m, legend=True, values={"blackmail": 0.5}, classes=classes).svg()
    texts = {"".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")}
    for expected in (
        "Legend",
        "Main thesis",
        "Conclusion",
        "Implicit premise",
        "supports",
        "attacks",
        "undercuts an inference",
        "rephrases",
        "Speakers",
        "— Reiterovich",
        "political scientist Igor Reiterovich",
        "matched (in both maps)",
        "missing (only in the reference)",
        "Value",
    ):
        assert expected in texts, expected
    plain = {"".join(t.itertext()) for t in ET.fromstring(diagram(m).svg()).iter(f"{SVG}text")}
    assert "Legend" not in plain and "political scientist Igor Reiterovich" not in plain
    assert "— Reiterovich" in plain
