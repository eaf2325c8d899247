"""Quoting of ids and labels: hard cases in a table, checked by pure decoding and by real Graphviz."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.render.backend import run_dot
from argmap.render.quoting import DOT_KEYWORDS, HTML, html_escape, quote, quote_tooltip

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

# (name, text): every text must come back exactly from Graphviz's SVG
HARD_CASES = [
    ("double quotes", 'He said "no deal" and "left"'),
    ("lone quote", '"'),
    ("backslashes", "C:\\temp\\new \\\\ server"),
    ("trailing backslash", "ends with \\"),
    ("backslash then quote", '\\"'),
    ("graphviz escapes", "\\N \\G \\E \\T \\H \\L \\l \\r \\n"),
    ("script tag", "<script>alert('x')</script>"),
    ("html entity", "AT&T &amp; &lt;b&gt; &#39;"),
    ("angle brackets", "<<b>not bold</b>>"),
    ("dot syntax", 'a -> b; c -- d [label="x"] { } ='),
    ("multi-line", "first line\nsecond line\nthird"),
    ("crlf", "windows\r\nline"),
    ("arabic", "بوتين ليس لديه وقت"),
    ("hebrew", "אין לו זמן"),
    ("mixed bidi", "Putin — بوتين — 2025"),
    ("cyrillic", "У Путина не осталось времени"),
    ("cjk", "普京没有时间了"),
    ("emoji", "time ⏳ is up 🕰️👍🏽"),
    ("combining", "e\u0301 n\u0303"),
    ("keyword graph", "graph"),
    ("keyword node", "node"),
    ("keyword edge", "edge"),
    ("keyword upper", "DIGRAPH"),
    ("keyword strict", "strict"),
    ("keyword subgraph", "subgraph"),
    ("numeric", "-1.5e3"),
    ("colon port", "node:port:n"),
    ("percent and braces", "100% {x} [y] (z)"),
]
IDS = [name for name, _ in HARD_CASES]
TEXTS = [text for _, text in HARD_CASES]


def _unquote(quoted: str) -> str:
    """Decode a DOT string as Graphviz shows a label: backslash escapes, then ``&amp;``."""
    assert quoted[0] == quoted[-1] == '"'
    decoded = re.sub(r'\\(["\\n])', lambda m: {"n": "\n"}.get(m.group(1), m.group(1)), quoted[1:-1])
    assert not re.search(r"&(?!amp;)", decoded), "a bare & would be read as an entity"
    return decoded.replace("&amp;", "&")


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n")


@pytest.mark.parametrize("text", TEXTS, ids=IDS)
def test_quote_is_one_dot_string(text: str) -> None:
    q = quote(text)
    inner = q[1:-1]
    assert q[0] == q[-1] == '"'
    assert "\n" not in q and "\r" not in q
    assert not re.search(r'(?<!\\)(\\\\)*"', inner), "an unescaped quote would end the string"
    assert _unquote(q) == text.replace("\r\n", "\n")


@pytest.mark.parametrize("keyword", sorted(DOT_KEYWORDS))
def test_keywords_are_quoted(keyword: str) -> None:
    assert quote(keyword) == f'"{keyword}"'
    assert quote(keyword.upper()) == f'"{keyword.upper()}"'


@given(st.text())
def test_quote_round_trips(text: str) -> None:
    expected = re.sub(
        r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "\ufffd", text.replace("\r\n", "\n").replace("\r", "\n")
    )
    assert _unquote(quote(text)) == expected


@given(st.text())
def test_html_escape_leaves_no_markup(text: str) -> None:
    escaped = html_escape(text)
    assert "<" not in escaped.replace("<br/>", "")
    assert ">" not in escaped.replace("<br/>", "")
    assert '"' not in escaped
    assert not re.search(r"&(?!amp;|lt;|gt;|quot;|#39;|#93;)", escaped)


def test_html_values_pass_through() -> None:
    assert quote(HTML("<b>x</b>")) == "<<b>x</b>>"
    assert quote(HTML("")) == "<>"
    with pytest.raises(TypeError):
        quote(3)  # type: ignore[arg-type]


def test_control_characters_are_replaced() -> None:
    assert quote("a\x00b\x1bc\td") == '"a\ufffdb\ufffdc\td"'
    assert html_escape("a\x07b") == "a\ufffdb"


def _svg_nodes(svg: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g") if "node" in g.get("class", "").split()}


def _texts(node: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in node.iter(f"{SVG}text")]


@pytest.fixture(scope="module")
def rendered() -> dict[str, ET.Element]:
    """One SVG with two nodes per hard case: a plain quoted label and an HTML label."""
    lines = ["digraph {"]
    for i, text in enumerate(TEXTS):
        plain = quote(f"plain{i}")
        lines.append(f"{plain} [id={plain}, label={quote(text)}, tooltip={quote_tooltip(text)}];")
        lines.append(f"{quote(f'html{i}')} [id={quote(f'html{i}')}, label={quote(HTML(html_escape(text)))}];")
        lines.append(f"{quote(text)} [id={quote(f'named{i}')}];")
    lines.append("}")
    return _svg_nodes(run_dot("\n".join(lines), "svg"))


@pytest.mark.exe
@pytest.mark.parametrize(("i", "text"), list(enumerate(TEXTS)), ids=IDS)
def test_plain_label_survives_graphviz(rendered: dict[str, ET.Element], i: int, text: str) -> None:
    assert _texts(rendered[f"plain{i}"]) == _lines(text)


@pytest.mark.exe
@pytest.mark.parametrize(("i", "text"), list(enumerate(TEXTS)), ids=IDS)
def test_html_label_survives_graphviz(rendered: dict[str, ET.Element], i: int, text: str) -> None:
    assert _texts(rendered[f"html{i}"]) == _lines(text)


@pytest.mark.exe
def test_node_names_stay_distinct(rendered: dict[str, ET.Element]) -> None:
    # node names are ids, not labels: Graphviz does not decode \\ in them, but no two may merge
    titles = {"".join(rendered[f"named{i}"].find(f"{SVG}title").itertext()) for i in range(len(TEXTS))}  # type: ignore[union-attr]
    assert len(titles) == len(TEXTS)


@pytest.mark.exe
@pytest.mark.parametrize(("i", "text"), list(enumerate(TEXTS)), ids=IDS)
def test_tooltip_survives_graphviz(rendered: dict[str, ET.Element], i: int, text: str) -> None:
    titles = [a.get(f"{XLINK}title") for a in rendered[f"plain{i}"].iter(f"{SVG}a")]
    assert titles == [text.replace("\r\n", "\n")]
