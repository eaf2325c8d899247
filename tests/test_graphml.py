"""GraphML and node-link: characters kept or named, duplicates refused, round trips of maps and corpora."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import maps

from argmap.exceptions import LossyConversionWarning, MalformedPartWarning, ParseError, RecordError
from argmap.model import ArgumentMap
from argmap.readwrite import read_microtexts
from argmap.readwrite.graphml import generate_graphml, parse_graphml
from argmap.readwrite.nodelink import nodelink_data, nodelink_map

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def write(m: ArgumentMap) -> tuple[str, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = "".join(generate_graphml(m))
    return text, [str(w.message) for w in caught if issubclass(w.category, LossyConversionWarning)]


def test_carriage_returns_and_line_separators_survive() -> None:
    m = ArgumentMap(source="It rains.\r\nSo stay\u2028in.\r", title="a\rb")
    m.support(m.claim("Stay\rin.", quote="So stay\u2028in."), m.claim("It rains.\r", quote="It rains."))
    text, lossy = write(m)
    assert not lossy and "&#13;" in text
    back = parse_graphml(text)
    assert back == m and back["stay-in"]["span"] == (11, 22)
    assert nx.parse_graphml(text).graph["source"] == m.source


def test_control_characters_become_replacement_characters_with_a_warning() -> None:
    m = ArgumentMap(source="a\x01b")
    m.claim("x\x1by", id="c\x02")
    text, lossy = write(m)
    assert lossy and "the map's source" in lossy[0] and "claim 'c\\x02' text" in lossy[0]
    back = parse_graphml(text)
    assert back.source == "a\ufffdb" and back["c\ufffd"]["text"] == "x\ufffdy"


_ANY = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=10).filter(str.strip)


@SETTINGS
@given(m=maps() | maps(text=_ANY))
def test_any_map_comes_back_equal_unless_the_writer_names_the_loss(m: ArgumentMap) -> None:
    text, lossy = write(m)
    back = parse_graphml(text)
    if not lossy:
        assert back == m


@pytest.mark.slow
def test_corpus_maps_come_back_equal(corpora: Path) -> None:
    files = sorted((corpora / "arg-microtexts/corpus").rglob("*.xml"))
    assert files
    for path in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m = read_microtexts(path)
        text, lossy = write(m)
        assert not lossy and parse_graphml(text) == m, path


def test_duplicates_are_errors_naming_both_and_broken_xml_has_a_position() -> None:
    m = ArgumentMap()
    m.support(m.claim("C"), m.claim("P"))
    text, _ = write(m)
    twice = text.replace(
        '<node id="p">', '<node id="c"><data key="d0">claim</data></node>\n    <node id="p">', 1
    )
    with pytest.raises(RecordError, match=r"duplicate id 'c': <node> 1 and <node> 2"):
        parse_graphml(twice)
    edge = '<edge source="p" target="s1" />'
    assert edge in text
    with pytest.raises(RecordError, match=r"duplicate edge p -> s1: <edge> 1 and <edge> 2"):
        parse_graphml(text.replace(edge, edge + edge))
    with pytest.raises(ParseError) as info:
        parse_graphml(text.replace("</graph>", "</grap>"))
    assert info.value.lineno > 3


def test_a_relation_breaking_a_rule_is_kept_aside() -> None:
    m = ArgumentMap()
    m.support(m.claim("C"), m.claim("P"))
    text, _ = write(m)
    loop = text.replace('<edge source="p" target="s1" />', '<edge source="c" target="s1" />')
    with pytest.warns(MalformedPartWarning, match="s1"):
        back = parse_graphml(loop)
    assert sorted(back.claims()) == ["c", "p"] and back.meta["aside"][0]["id"] == "s1"


# -- node-link JSON, the other networkx format -----------------------------------------------------


def test_nodelink_duplicates_are_errors_and_broken_relations_kept_aside() -> None:
    m = ArgumentMap()
    m.support(m.claim("C"), m.claim("P"))
    data = json.loads(json.dumps(nodelink_data(m)))
    twice = {**data, "edges": [*data["edges"], data["edges"][0]]}
    with pytest.raises(RecordError, match=r"duplicate edge p -> s1: edges\[0\] and edges\[2\]"):
        nodelink_map(twice)
    with pytest.raises(RecordError, match=r"duplicate id 'c': nodes\[0\] and nodes\[3\]"):
        nodelink_map({**data, "nodes": [*data["nodes"], data["nodes"][0]]})
    loop = {**data, "edges": [{"source": "c", "target": "s1"}, {"source": "s1", "target": "c"}]}
    with pytest.warns(MalformedPartWarning, match="s1"):
        assert sorted(nodelink_map(loop).claims()) == ["c", "p"]


@SETTINGS
@given(m=maps() | maps(text=_ANY))
def test_nodelink_gives_back_any_map(m: ArgumentMap) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nodelink_map(json.loads(json.dumps(nodelink_data(m)))) == m


@pytest.mark.slow
def test_nodelink_gives_back_the_corpus_maps(corpora: Path) -> None:
    for path in sorted((corpora / "arg-microtexts/corpus").rglob("*.xml")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m = read_microtexts(path)
        assert nodelink_map(json.loads(json.dumps(nodelink_data(m)))) == m, path
