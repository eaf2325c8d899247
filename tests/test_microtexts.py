"""ArgGraph XML (arg-microtexts): passages, malformed parts, no silent loss, round trips."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import maps, microtext_maps

from argmap.exceptions import (
    FormatError,
    LossyConversionWarning,
    MalformedPartWarning,
    UnsupportedStructureWarning,
)
from argmap.model import ArgumentMap
from argmap.readwrite.microtexts import generate_microtexts, parse_microtexts, read_microtexts

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _xml(edus: list[str], adus: str, edges: str, root: str = 'id="t"') -> str:
    body = "".join(f'<edu id="e{i}">{t}</edu>' for i, t in enumerate(edus, 1))
    return f"<arggraph {root}>{body}{adus}{edges}</arggraph>"


def write(m: ArgumentMap) -> tuple[str, list[str]]:
    """The XML of ``m`` and the messages of the loss warnings it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = "".join(generate_microtexts(m))
    return text, [str(w.message) for w in caught if issubclass(w.category, LossyConversionWarning)]


PART2 = _xml(
    ["Cars pollute,", "says the mayor,", "and they are loud."],
    '<joint id="j1"/><adu id="a1" type="pro"/><adu id="a2" type="pro"/>',
    '<edge id="c1" src="e1" trg="j1" type="seg"/><edge id="c2" src="e3" trg="j1" type="seg"/>'
    '<edge id="c3" src="j1" trg="a1" type="seg"/><edge id="c4" src="e2" trg="a2" type="seg"/>'
    '<edge id="c5" src="a2" trg="a1" type="sup"/>',
)


def test_an_adu_of_edus_that_are_not_adjacent_rests_on_each_passage() -> None:
    m = parse_microtexts(PART2)
    assert m.source == "Cars pollute, says the mayor, and they are loud."
    d = m["a1"]
    assert d["text"] == "Cars pollute, and they are loud."
    assert d["passages"] == ((0, 13), (30, 48)) and d["span"] == (0, 48)
    assert d["quote"] == "Cars pollute, … and they are loud."
    assert m.quote_text("a1") == d["quote"]
    assert m.locate_passages(d["quote"]) == d["passages"]
    text, lossy = write(m)
    assert not lossy and parse_microtexts(text) == m


def test_edus_of_no_adu_and_carriage_returns_are_kept() -> None:
    xml = _xml(
        ["Hello there.", "We should act.", "Thanks.", "It helps."],
        '<adu id="a1" type="pro"/><adu id="a2" type="opp"/>',
        '<edge id="c1" src="e2" trg="a1" type="seg"/><edge id="c2" src="e4" trg="a2" type="seg"/>'
        '<edge id="c3" src="a2" trg="a1" type="sup"/>',
    )
    m = parse_microtexts(xml)
    assert m.source == "Hello there. We should act. Thanks. It helps."
    text, lossy = write(m)
    back = parse_microtexts(text)
    assert not lossy and back == m and back["a2"]["span"] == (36, 45)
    m = parse_microtexts(xml.replace("Thanks.", "Tha&#13;nks.").replace("We should", "We&#13;should"))
    assert m.source == "Hello there. We\rshould act. Tha\rnks. It helps."
    text, lossy = write(m)
    assert not lossy and parse_microtexts(text) == m


def test_duplicate_ids_name_both_places() -> None:
    xml = _xml(
        ["A.", "B."],
        '<adu id="a1" type="pro"/><adu id="a2" type="pro"/>',
        '<edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>'
        '<edge id="c3" src="a2" trg="a1" type="sup"/><edge id="c3" src="a1" trg="a2" type="reb"/>',
    )
    with pytest.raises(FormatError, match=r"duplicate id 'c3': <edge> 3 and <edge> 4"):
        parse_microtexts(xml)
    with pytest.raises(FormatError, match=r"duplicate id 'e1': <edu> 1 and <adu> 1"):
        parse_microtexts(xml.replace('adu id="a1"', 'adu id="e1"'))


def test_malformed_parts_are_kept_aside_and_the_rest_loads() -> None:
    xml = _xml(
        ["A.", "B.", "C."],
        '<adu id="a1" type="pro"/><adu id="a2" type="pro"/>'
        '<adu id="a3" type="opp"/><adu id="a4" type="pro"/>',
        '<edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>'
        '<edge id="c3" src="e3" trg="a3" type="seg"/><edge id="c9" src="e3" trg="nowhere" type="seg"/>'
        '<edge id="c4" src="a2" trg="a1" type="sup"/><edge id="c5" src="a1" trg="a1" type="sup"/>'
        '<edge id="c6" src="a3" trg="a1" type="reb"/><edge id="c7" src="a2" trg="c6" type="und"/>'
        '<edge id="c8" src="a3" trg="a2" type="add"/>',
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = parse_microtexts(xml)
    messages = " | ".join(str(w.message) for w in caught)
    assert "c7" in messages and "c5" in messages and "ADU a4 (no text)" in messages
    assert "seg edge c9" in messages and "add edge c8" in messages
    assert {type(w.message) for w in caught} >= {UnsupportedStructureWarning, MalformedPartWarning}
    assert sorted(m.claims()) == ["a1", "a2", "a3"] and m.premises("c4") == ("a2",)
    assert [a["id"] for a in m.meta["aside"]] == ["c5"]
    kept = {e["id"] for e in m.meta["microtexts"]["aside"]}
    assert kept == {"a4", "c7", "c8", "c9"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        again = parse_microtexts("".join(generate_microtexts(m)))
    assert {e["id"] for e in again.meta["microtexts"]["aside"]} == kept


@pytest.mark.parametrize("bad", [5, "x", [1], {"aside": 3, "stance": {"a": 1}, "edus": 2}])
def test_own_meta_of_the_wrong_shape_is_named_not_a_crash(bad: Any) -> None:
    m = parse_microtexts(PART2)
    m.meta["microtexts"] = bad
    m["a1"]["meta"] = {"microtexts": bad}
    text, lossy = write(m)
    assert parse_microtexts(text).source == m.source
    assert lossy and "meta['microtexts']" in lossy[0]


def _additions_only(m: ArgumentMap, back: ArgumentMap) -> None:
    """``back`` holds everything ``m`` sets (ArgGraph adds a source, quotes, spans, roles and a title)."""
    assert set(back.graph) == set(m.graph) and set(back.graph.edges) == set(m.graph.edges)
    if m.source is not None:
        assert back.source == m.source
    for n, d in m.graph.nodes(data=True):
        for key, value in d.items():
            if key == "meta":
                assert {k: v for k, v in back[n]["meta"].items() if k != "microtexts"} == {
                    k: v for k, v in value.items() if k != "microtexts"
                }
            elif value not in (None, ()):
                assert back[n][key] == value, (n, key)


@SETTINGS
@given(m=maps())
def test_any_map_comes_back_or_the_writer_names_the_loss(m: ArgumentMap) -> None:
    text, lossy = write(m)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnsupportedStructureWarning)
        back = parse_microtexts(text)
    if not lossy:
        _additions_only(m, back)


@SETTINGS
@given(m=microtext_maps())
def test_microtext_maps_come_back_equal_without_a_warning(m: ArgumentMap) -> None:
    text, lossy = write(m)
    assert not lossy and parse_microtexts(text) == m


def _corpus(corpora: Path) -> list[Path]:
    return sorted((corpora / "arg-microtexts/corpus").rglob("*.xml"))


@pytest.mark.slow
def test_every_corpus_file_comes_back_equal_without_a_warning(corpora: Path) -> None:
    files = _corpus(corpora)
    assert len(files) >= 224
    for path in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UnsupportedStructureWarning)
            m = read_microtexts(path)
            text, lossy = write(m)
            back = parse_microtexts(text)
        assert not lossy, (path, lossy)
        assert back == m, path


def test_a_joint_shared_by_every_adu_is_refused_not_multiplied() -> None:
    n = 2000
    edus = ["w"] * n
    adus = '<joint id="j"/>' + "".join(f'<adu id="a{i}" type="pro"/>' for i in range(n))
    edges = "".join(f'<edge id="s{i}" src="e{i + 1}" trg="j" type="seg"/>' for i in range(n))
    edges += "".join(f'<edge id="t{i}" src="j" trg="a{i}" type="seg"/>' for i in range(n))
    with pytest.raises(FormatError, match="joints shared among ADUs"):
        parse_microtexts(_xml(edus, adus, edges))
