"""Printed maps: one page while the text stays readable, else an overview and tiles that cover the map."""

from __future__ import annotations

import re

import pytest

from argmap.page.printing import LEAST_TEXT_PT, PAGE_HEIGHT_PT, PAGE_WIDTH_PT, printed_map

_VIEW = re.compile(
    r'<svg viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)" width="([\d.]+)pt" height="([\d.]+)pt">'
)


def _svg(width: float, height: float) -> str:
    return f'<svg width="{width}pt" height="{height}pt" viewBox="0 0 {width} {height}"><g id="x"/></svg>'


def _pages(html: str) -> list[tuple[float, ...]]:
    return [tuple(float(v) for v in m.groups()) for m in _VIEW.finditer(html)]


def test_a_small_map_prints_on_one_page_at_full_width() -> None:
    (page,) = _pages(printed_map(_svg(500, 300)))
    assert page[:4] == (0, 0, 500, 300)
    assert page[4] <= PAGE_WIDTH_PT + 0.01 and page[5] <= PAGE_HEIGHT_PT + 0.01
    assert page[4] == pytest.approx(PAGE_WIDTH_PT) or page[5] == pytest.approx(PAGE_HEIGHT_PT)


@pytest.mark.parametrize(("width", "height"), [(1600, 1150), (3000, 1500), (900, 2600), (5000, 400)])
def test_a_large_map_gets_an_overview_and_tiles_that_cover_it(width: float, height: float) -> None:
    html = printed_map(_svg(width, height))
    overview, *tiles = _pages(html)
    assert overview[:4] == (0, 0, width, height)
    assert tiles and html.count("argmap-tile") == len(tiles)
    scale = LEAST_TEXT_PT / 11
    for x, y, w, h, pw, ph in tiles:
        assert pw == pytest.approx(w * scale, abs=0.02) and ph == pytest.approx(h * scale, abs=0.02)
        assert pw <= PAGE_WIDTH_PT + 0.01 and ph <= PAGE_HEIGHT_PT + 0.01
        assert x >= 0 and x + w <= width + 0.01 and y >= 0 and y + h <= height + 0.01
    for px in range(0, int(width), 25):  # every point of the map lies on some tile
        for py in range(0, int(height), 25):
            assert any(x <= px <= x + w and y <= py <= y + h for x, y, w, h, _, _ in tiles), (px, py)


def test_the_svg_is_included_once() -> None:
    html = printed_map(_svg(3000, 1500))
    assert html.count('<g id="x"/>') == 1 and html.count('<use href="#argmap-print-map"') == 13


def test_an_svg_without_a_viewbox_prints_nothing_extra() -> None:
    assert printed_map("<svg></svg>") == ""
