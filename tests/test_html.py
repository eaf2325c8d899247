"""The self-contained HTML page: escaping, quote segments, and a real headless browser."""

from __future__ import annotations

import json
import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from _teaching_maps import SOURCE, reference_map

from argmap.model import ArgumentMap
from argmap.page.html import html_page, source_segments, write_html

EVIL = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
HIGHLIGHT = (0xFF, 0x6F, 0x00)  # the page's highlight stroke, #ff6f00
FAKE_SVG = (
    '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://x/svg11.dtd">\n<svg></svg>'
)


def evil_map() -> ArgumentMap:
    m = reference_map()
    m.title = "Bridge </title><script>window.__pwned = 3</script>"
    m.attack("unsafe", m.claim(EVIL, id="evil"))
    return m


def _data(page: str) -> dict[str, object]:
    raw = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', page, re.S)
    assert raw is not None
    loaded: dict[str, object] = json.loads(raw.group(1))
    return loaded


def test_everything_is_escaped() -> None:
    page = html_page(evil_map(), svg=FAKE_SVG)
    assert "<script>window" not in page and "<img" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page  # in the standard form
    assert page.count("<script") == 2  # the JSON data and the page's own script
    assert "\\u003cscript\\u003e" in page  # the JSON data escapes < and >
    assert _data(page)["claims"]["evil"]["text"] == EVIL  # type: ignore[index]
    assert "<title>Bridge &lt;/title&gt;&lt;script&gt;" in page


def test_no_external_resources() -> None:
    page = html_page(reference_map(), svg=FAKE_SVG)
    assert "<?xml" not in page and "DOCTYPE svg" not in page  # the SVG prolog is dropped
    assert not re.search(r"(src|href)\s*=|url\(|@import|https?:", page)


def test_quotes_are_wrapped() -> None:
    page = html_page(reference_map(), svg=FAKE_SVG)
    assert (
        '<span class="argmap-q" data-claims="[&quot;build&quot;]">The city should build a new bridge.</span>'
        in page
    )
    # "the old bridge is unsafe" lies inside the engineers' quote: both claims cover it
    assert (
        '<span class="argmap-q" data-claims="[&quot;unsafe&quot;, &quot;engineers&quot;]">'
        "the old bridge is unsafe</span>" in page
    )
    text = re.sub(r"<[^>]+>", "", page.split('<div id="argmap-text">')[1].split("</div>")[0])
    assert text == SOURCE


def test_source_segments_cover_the_text() -> None:
    m = reference_map()
    pieces = source_segments(m)
    assert "".join(p for p, _ in pieces) == SOURCE
    assert ("Engineers say ", ("engineers",)) in pieces
    assert source_segments(ArgumentMap()) == []


def test_map_without_source_and_schemes() -> None:
    m = ArgumentMap(title="T")
    s = m.support(m.claim("C."), m.claim("P."), scheme="not_in_catalogue")
    page = html_page(m, svg=b"<svg></svg>")
    assert "The map has no source text." in page
    assert "This scheme is not in argmap's catalogue." in page
    m[s]["scheme"] = "appearance"
    assert "Argument 1: Argument from perception</h3><ol>" in html_page(m, svg="<svg></svg>")
    m[s]["scheme"] = None
    assert "No inference names a scheme." in html_page(m, svg="<svg></svg>")


def test_questions_in_the_side_panel() -> None:
    page = html_page(reference_map(), svg=FAKE_SVG)
    assert "<h3>Argument 1: Argument from expert opinion</h3>" in page
    assert (
        '<span class="argmap-cq-type">exception</span>Is “The old bridge is unsafe” consistent with what'
        " other experts assert?"
    ) in page
    assert "(5) The city should build a new bridge." in page


@pytest.mark.exe
def test_default_diagram_has_claim_ids(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    write_html(evil_map(), out)
    page = out.read_text(encoding="utf-8")
    for c in evil_map().claims():
        svg_id = "(-|&#45;)".join(re.escape(part) for part in c.split("-"))
        assert re.search(f'<g id="{svg_id}" class="node claim', page), c
    assert "<script>window" not in page


# -- a real browser -------------------------------------------------------------------------


def _png_pixels(png: bytes) -> Iterator[tuple[int, int, int]]:
    """Yield the RGB pixels of an 8-bit RGB or RGBA PNG (what Chromium writes)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(png):
        (length,), kind = struct.unpack(">I", png[pos : pos + 4]), png[pos + 4 : pos + 8]
        body = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * channels
    prev = bytearray(stride)
    for y in range(height):
        filt, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if filt == 1:
                line[i] = (line[i] + a) & 255
            elif filt == 2:
                line[i] = (line[i] + b) & 255
            elif filt == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        for x in range(width):
            yield line[x * channels], line[x * channels + 1], line[x * channels + 2]


@pytest.mark.exe
def test_clicks_link_diagram_and_text(browser: object, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    write_html(evil_map(), out)
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith("file:") else errors.append(r.url))
    page.goto(out.as_uri())
    node = page.locator('#argmap-diagram g.claim[id="build"]')
    before = node.screenshot()

    page.click('#argmap-diagram g.claim[id="build"]')
    assert page.get_attribute("body", "data-selected") == "build"
    assert page.eval_on_selector_all(".argmap-q.argmap-hl", "els => els.map(e => e.textContent)") == [
        "The city should build a new bridge."
    ]
    assert page.eval_on_selector_all("#argmap-diagram g.argmap-hl", "els => els.map(e => e.id)") == ["build"]
    assert page.text_content("#argmap-selected") == "(5) The city should build a new bridge.main conclusion"
    shot = page.screenshot(path=str(tmp_path / "clicked.png"))
    after = node.screenshot()

    page.click("text=Engineers say")  # a quote in the text
    assert page.eval_on_selector_all("#argmap-diagram g.argmap-hl", "els => els.map(e => e.id)") == [
        "engineers"
    ]
    page.click("text=the old bridge is unsafe")  # two quotes overlap: the shorter one wins
    assert page.get_attribute("body", "data-selected") == "unsafe"
    assert page.eval_on_selector_all(".argmap-q.argmap-hl", "els => els.map(e => e.textContent)") == [
        "the old bridge is unsafe"
    ]

    assert page.evaluate("window.__pwned") is None  # the claim's <script> is text, not code
    assert page.is_visible("text=" + EVIL)
    assert errors == []

    assert len(set(_png_pixels(shot))) > 50  # not a blank page
    assert HIGHLIGHT in set(_png_pixels(after))  # the clicked claim's outline
    assert HIGHLIGHT not in set(_png_pixels(before))
    page.close()


@pytest.mark.exe
def test_an_id_with_a_space_still_links(browser: object, tmp_path: Path) -> None:
    # issue 12 point 9: data-claims was split on spaces, so "old bridge" broke clicking (JS error)
    m = ArgumentMap(source="It rains. So the street is wet.")
    m.support(
        m.claim("The street is wet.", id="wet street", quote="So the street is wet."),
        m.claim("It rains.", id="rain", quote="It rains."),
    )
    out = tmp_path / "space.html"
    write_html(m, out)
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(out.as_uri())
    page.click("text=So the street is wet.")
    assert errors == []
    assert page.get_attribute("body", "data-selected") == "wet street"
    page.close()


@pytest.mark.exe
def test_the_map_is_fitted_to_the_width_and_zooms(browser: object, tmp_path: Path) -> None:
    from argmap.files import read

    out = tmp_path / "seed.html"
    write_html(read(Path(__file__).parent.parent / "seeds" / "putin_has_no_time_left.argdown"), out)
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page.goto(out.as_uri())
    box = page.eval_on_selector("#argmap-diagram", "e => e.clientWidth")
    width = page.eval_on_selector("#argmap-diagram svg", "e => e.getBoundingClientRect().width")
    assert width <= box
    page.click("#argmap-fit")
    assert page.eval_on_selector("#argmap-diagram svg", "e => e.getBoundingClientRect().width") > 2 * box
    page.close()


@pytest.mark.exe
@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("letter", (612, 792))])
def test_the_page_prints(tmp_path: Path, paper: str, size: tuple[int, int]) -> None:
    from argmap.page.pdf import find_chromium, print_pdf

    if find_chromium() is None:
        pytest.skip("no Chromium to print with")
    out = print_pdf(html_page(reference_map()), tmp_path / "map.pdf", paper=paper)
    data = out.read_bytes()
    boxes = {
        tuple(round(float(x)) for x in b.split()[2:]) for b in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", data)
    }
    # the diagram on a landscape page, the text on portrait ones
    assert boxes == {size, size[::-1]}


def test_each_passage_of_a_claim_is_highlighted_and_the_gap_is_not() -> None:
    m = ArgumentMap(source="Taxes fund schools, roads and teach.")
    m.claim("T", id="t", passages=[(6, 18), (26, 35)], quote="fund schools … and teach")
    page = html_page(m, svg=FAKE_SVG)
    marked = re.findall(r'<span class="argmap-q" data-claims="\[&quot;t&quot;\]">([^<]*)</span>', page)
    assert marked == ["fund schools", "and teach"]
    assert ", roads " in page
