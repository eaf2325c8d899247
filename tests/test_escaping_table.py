"""Hostile texts through every output that carries them: DOT (read by real Graphviz), SVG, HTML, Mermaid.

Each text of the table becomes a claim's text, its speaker, the map's title and a
scheme name; each output is parsed back and must show the text as written and
hold no markup that the text smuggled in.
"""

from __future__ import annotations

import html
import json
import re
import textwrap
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

import argmap
from argmap.page.html import html_page
from argmap.readwrite import generate_mermaid
from argmap.render.backend import run_dot
from argmap.render.dot import to_dot
from argmap.schemes import scheme_name

SVG = "{http://www.w3.org/2000/svg}"
TABLE = {
    "double quotes": 'He said "no deal"',
    "single quotes": "it's 'quoted'",
    "backslashes": "C:\\temp\\new \\\\ end \\",
    "graphviz escapes": "\\N \\G \\l \\n",
    "script": "<script>alert('x')</script>",
    "closing script": "</script><script>alert(1)</script>",
    "ampersands": "AT&T &amp; &lt;b&gt; &#39;",
    "html tags": "<b>bold</b> <img src=x onerror=alert(1)>",
    "newlines": "first line\nsecond line\r\nthird",
    "arabic": "بوتين ليس لديه وقت",
    "hebrew": "אין לו זמן",
    "mixed direction": "Putin \u202e— بوتين —\u202c 2025",
    "emoji": "time ⏳ is up 🕰️👍🏽",
    "mermaid syntax": 'a --> b; end #35; ``` ]) (["x"]) :::claim',
    "dot syntax": 'a -> b; } digraph { c [label="x"]',
    "lone bracket": "]",
}
CASES = list(TABLE.values())
IDS = list(TABLE)


def shown(text: str) -> str:
    """The text as a one-line label shows it: runs of white space made one space."""
    return " ".join(text.split())


def table_map(text: str) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title=text)
    claim = m.claim(text, id="hostile", speaker=text)
    m.support(
        claim, [m.claim("Plain premise.", id="plain"), m.claim("Other premise.", id="other")], scheme=text
    )
    return m


def benign_map() -> argmap.ArgumentMap:
    return table_map("Harmless text")


def svg_of(m: argmap.ArgumentMap) -> bytes:
    return run_dot(to_dot(m, wrap=400, speakers="full"), "svg")


def group_text(root: ET.Element, node_id: str) -> str:
    group = next(g for g in root.iter(f"{SVG}g") if g.get("id") == node_id)
    return " ".join(t.text or "" for t in group.iter(f"{SVG}text"))


@pytest.mark.exe
@pytest.mark.parametrize("text", CASES, ids=IDS)
def test_dot_read_by_graphviz_shows_the_text(text: str) -> None:
    root = ET.fromstring(svg_of(table_map(text)))
    assert not [el for el in root.iter() if el.tag in (f"{SVG}script", "script")]
    assert {g.get("id") for g in root.iter(f"{SVG}g") if "claim" in (g.get("class") or "").split()} == {
        "hostile",
        "plain",
        "other",
    }
    speaker = argmap.Style().speaker_format.format(speaker=shown(text))
    assert shown(group_text(root, "hostile")) == shown(f"{shown(text)} {speaker}")
    assert shown(group_text(root, "s1")) == shown(scheme_name(text))
    title = root.findall(f"{SVG}g/{SVG}text")
    assert shown(" ".join(t.text or "" for t in title)) == shown(text)


@pytest.mark.parametrize("text", CASES, ids=IDS)
def test_dot_text_keeps_every_label_inside_its_quotes(text: str) -> None:
    benign = to_dot(benign_map())
    hostile = to_dot(table_map(text))
    strip = re.compile(r'"(?:[^"\\]|\\.)*"|<(?:[^<>]|<[^<>]*>)*>', re.S)
    skeleton = strip.sub("S", hostile)
    assert skeleton == strip.sub("S", benign)
    assert not any(line.count("\n") for line in re.findall(r'"(?:[^"\\]|\\.)*"', hostile))


class Collector(HTMLParser):
    """Record the start tags (those of the page and those inside its SVG apart) and the text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.svg_tags: list[str] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self._svg_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._svg_depth += tag == "svg"
        (self.svg_tags if self._svg_depth else self.tags).append(tag)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._svg_depth -= tag == "svg"
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def parse_page(page: str) -> Collector:
    parser = Collector()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.exe
@pytest.mark.parametrize("text", CASES, ids=IDS)
def test_html_page_shows_the_text_and_adds_no_tags(text: str) -> None:
    m = table_map(text)
    page = parse_page(html_page(m, svg=svg_of(m)))
    benign = parse_page(html_page(benign_map(), svg=svg_of(benign_map())))
    assert sorted(page.tags) == sorted(benign.tags)
    assert set(page.svg_tags) == set(benign.svg_tags)
    assert shown(text) in shown(" ".join(page.text))
    data = json.loads(page.scripts[0])
    assert data["claims"]["hostile"]["text"] == text


@pytest.mark.parametrize("text", CASES, ids=IDS)
def test_html_page_without_a_diagram(text: str) -> None:
    page = parse_page(html_page(table_map(text), svg="<svg></svg>"))
    benign = parse_page(html_page(benign_map(), svg="<svg></svg>"))
    assert sorted(page.tags) == sorted(benign.tags)
    assert shown(text) in shown(" ".join(page.text))


MERMAID_CLAIM = re.compile(r'^  (n\d+)\(\["(.*)"\]\):::claim$')
MERMAID_INFERENCE = re.compile(r'^  (n\d+)\(\("(.*)"\)\):::inference$')


def mermaid_label(label: str) -> str:
    """What Mermaid shows for a quoted label: its entity codes, then HTML, with ``<br>`` as a line break."""
    assert '"' not in label
    assert not re.search(r"<(?!br>)", label), "raw markup in a label"
    assert not re.search(r"&", label), "a raw & is read as an HTML entity"
    as_html = re.sub(r"#(\d+);", r"&#\1;", label)
    as_html = re.sub(r"#([a-z]+);", r"&\1;", as_html)
    return html.unescape(as_html.replace("<br>", "\n"))


@pytest.mark.parametrize("text", CASES, ids=IDS)
def test_mermaid_labels_decode_to_the_text(text: str) -> None:
    lines = "".join(generate_mermaid(table_map(text))).splitlines()
    claims = [MERMAID_CLAIM.match(line) for line in lines if line.endswith(":::claim")]
    inferences = [MERMAID_INFERENCE.match(line) for line in lines if line.endswith(":::inference")]
    assert all(claims) and all(inferences) and len(claims) == 3 and len(inferences) == 1
    expected = "\n".join(line.strip() for line in text.splitlines())
    assert mermaid_label(claims[0][2]) == expected  # type: ignore[index]
    assert mermaid_label(inferences[0][2]) == expected  # type: ignore[index]
    assert len(lines) == len("".join(generate_mermaid(benign_map())).splitlines())


def test_the_table_holds_the_hard_cases() -> None:
    joined = "".join(CASES)
    for needle in ('"', "\\", "<script>", "&", "\n", "\u05d0", "\u0628", "🕰"):
        assert needle in joined
    assert all(textwrap.wrap(text) for text in CASES)
