"""Kialo exports as Kialo writes them: stances after tabs, links anywhere, escapes, round trips."""

from __future__ import annotations

import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import kialo_maps, maps, words

from argmap.exceptions import LossyConversionWarning, MalformedPartWarning, ParseError
from argmap.model import CLAIM, ArgumentMap
from argmap.readwrite import read_microtexts
from argmap.readwrite.kialo import generate_kialo, parse_kialo

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def write(m: ArgumentMap) -> tuple[str, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = "".join(generate_kialo(m))
    return text, [str(w.message) for w in caught if issubclass(w.category, LossyConversionWarning)]


def structure(m: ArgumentMap) -> Counter[Any]:
    """Claim texts and relations as (kind, attack type, premises, target), ids left out."""

    def label(n: str) -> Any:
        d = m[n]
        if d["kind"] == CLAIM:
            return d["text"]
        return (d["kind"], d.get("attack_type"), tuple(sorted(map(label, m.premises(n)))), label(m.target(n)))

    return Counter(label(n) for n in m)


@pytest.mark.parametrize("gap", ["\t", " \t", "  ", "\t\t"])
def test_stances_after_tabs_or_several_spaces(gap: str) -> None:
    m = parse_kialo(f"Discussion Title: T\n\n1. Thesis.\n1.1.{gap}Con: Against.\n1.2.{gap}Pro:\tFor.\n")
    assert m.conclusion("a1.1") == "1" and m["1.1"]["text"] == "Against."
    assert m.conclusion("s1.2") == "1" and m["1.2"]["text"] == "For."
    assert not list(m.rephrases())


def test_links_may_point_forward_and_a_self_link_is_kept_aside() -> None:
    m = parse_kialo("1. A\n1.1. Pro: -> See 1.2.1.\n1.2. Con: B\n1.2.1. Pro: C\n")
    assert m.premises("s1.1") == ("1.2.1",) and m.conclusion("s1.1") == "1"
    with pytest.warns(MalformedPartWarning, match="s1.1.1"):
        m = parse_kialo("1. A\n1.1. Pro: B\n1.1.1. Pro: -> See 1.1.\n")
    assert [a["id"] for a in m.meta["aside"]] == ["s1.1.1"] and m.premises("s1.1") == ("1.1",)


def test_a_number_used_twice_names_both_lines() -> None:
    with pytest.raises(ParseError, match=r"number 1\.1\. is used twice \(lines 2 and 4\)") as info:
        parse_kialo("1. A\n1.1. Pro: B\n1.2. Pro: C\n1.1. Con: D\n")
    assert info.value.lineno == 4


TRICKY = ["-> See 1.", "->See 1.1.", "Pro: yes", "Con: no", "[a](b)", "back\\slash", "\\-> x", "Con:"]


@pytest.mark.parametrize("text", TRICKY)
def test_texts_that_look_like_syntax_are_escaped(text: str) -> None:
    m = ArgumentMap(title="T")
    top = m.claim(text, id="1")
    m.rephrase(m.claim(text + " again", id="1.1"), top, id="r1.1")
    m.support(top, m.claim(text, id="1.2"), id="s1.2")
    out, lossy = write(m)
    assert not lossy and parse_kialo(out) == m


_TEXT = (st.sampled_from(["", "-> See 1.", "Pro: ", "Con: ", "\\"]) | st.just("")).flatmap(
    lambda head: words.map(lambda w: head + w)
)


@SETTINGS
@given(m=kialo_maps())
def test_kialo_maps_come_back_equal_without_a_warning(m: ArgumentMap) -> None:
    out, lossy = write(m)
    assert not lossy and parse_kialo(out) == m


@SETTINGS
@given(m=maps() | maps(text=_TEXT, rich=False))
def test_any_map_keeps_its_structure_unless_the_writer_names_the_loss(m: ArgumentMap) -> None:
    out, lossy = write(m)
    back = parse_kialo(out)
    if not lossy:
        assert structure(back) == structure(m)


@pytest.mark.slow
def test_corpus_maps_keep_their_structure_unless_the_writer_names_the_loss(corpora: Path) -> None:
    files = sorted((corpora / "arg-microtexts/corpus").rglob("*.xml"))
    assert files
    for path in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m = read_microtexts(path)
        out, lossy = write(m)
        back = parse_kialo(out)
        if not lossy:
            assert structure(back) == structure(m), path
        assert sorted(back[c]["text"] for c in back.claims()) == sorted(m[c]["text"] for c in m.claims())


@pytest.mark.parametrize("title", ["0\xa00", "a  b", "Tabs\tinside"])
def test_a_title_with_inner_white_space_comes_back_without_a_warning(title: str) -> None:
    m = ArgumentMap(title=title)
    m.claim("A.")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert parse_kialo("".join(generate_kialo(m))).title == title
