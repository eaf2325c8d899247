"""BRAT standoff (Persuasive Essays): samples made from the format's documentation, round trips, files."""

from __future__ import annotations

import importlib
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import maps, words

import argmap
from argmap import _io
from argmap.exceptions import (
    FormatError,
    InputWarning,
    LossyConversionWarning,
    MalformedPartWarning,
    ParseError,
)
from argmap.files import convert, files_to_convert, plan_folder
from argmap.model import CLAIM, ArgumentMap
from argmap.readwrite import brat, read_microtexts
from argmap.readwrite.brat import generate_brat, parse_brat, read_brat, write_brat

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# An essay as the Persuasive Essays corpus gives it: a title line, then paragraphs; R lines end in a tab.
ESSAY = (
    "Should cities ban cars?\n\n"
    "Cities should ban cars from their centres. Cars make noise and they pollute the air. "
    "Some say shops lose customers. But people walk more where cars are banned.\n\n"
    "In short, a centre without cars is a better place to live.\n"
)


def _at(words_: str, start: int = 0) -> str:
    i = ESSAY.index(words_, start)
    return f"{i} {i + len(words_)}"


ANN = (
    f"T1\tMajorClaim {_at('Cities should ban cars from their centres')}\t"
    "Cities should ban cars from their centres\n"
    f"T2\tClaim {_at('Cars make noise and they pollute the air')}\tCars make noise and they pollute the air\n"
    "A1\tStance T2 For\n"
    f"T3\tClaim {_at('Some say shops lose customers')}\tSome say shops lose customers\n"
    "A2\tStance T3 Against\n"
    f"T4\tPremise {_at('people walk more where cars are banned')}\tpeople walk more where cars are banned\n"
    "R1\tattacks Arg1:T4 Arg2:T3\t\n"
    f"T5\tMajorClaim {_at('a centre without cars is a better place to live')}\t"
    "a centre without cars is a better place to live\n"
)


def write(m: ArgumentMap, path: Path) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write_brat(m, path)
    return [str(w.message) for w in caught if issubclass(w.category, LossyConversionWarning)]


def test_module_exports_its_four_names() -> None:
    module = importlib.import_module("argmap.readwrite.brat")
    assert set(module.__all__) == {"parse_brat", "generate_brat", "read_brat", "write_brat"}


def test_an_essay_reads_with_its_text_and_stances(tmp_path: Path) -> None:
    (tmp_path / "essay001.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "essay001.txt").write_text(ESSAY, encoding="utf-8")
    m = argmap.read(tmp_path / "essay001.ann")
    assert m.source == ESSAY
    assert [c for c in m.claims() if m[c]["thesis"]] == ["T1", "T5"]
    assert m["T4"]["meta"] == {"brat": {"type": "Premise"}} and m.quote_text("T4") == m["T4"]["text"]
    assert (m.kind("A1-T1"), m.premises("A1-T1"), m.conclusion("A1-T5")) == ("inference", ("T2",), "T5")
    assert m.kind("A2-T1") == "conflict" and m["A2-T5"]["meta"] == {"brat": {"stance": "A2"}}
    assert (m.kind("R1"), m.premises("R1"), m.conclusion("R1")) == ("conflict", ("T4",), "T3")
    out = tmp_path / "out" / "copy.ann"
    out.parent.mkdir()
    assert write(m, out) == []
    assert (out.parent / "copy.txt").read_text(encoding="utf-8") == ESSAY
    assert sorted(out.read_text(encoding="utf-8").splitlines()) == sorted(
        ANN.replace("\t\n", "\n").splitlines()
    )
    assert read_brat(out) == m


def test_discontinuous_fragments_are_passages() -> None:
    text = "Taxes fund schools. Also roads. And schools teach."
    m = parse_brat("T1\tPremise 0 18;36 49\tTaxes fund schools schools teach\n", text)
    d = m["T1"]
    assert d["passages"] == ((0, 18), (36, 49)) and d["span"] == (0, 49)
    assert (
        d["quote"] == "Taxes fund schools … schools teach" and d["text"] == "Taxes fund schools schools teach"
    )
    assert "".join(generate_brat(m)) == "T1\tPremise 0 18;36 49\tTaxes fund schools schools teach\n"


KEPT = [
    "#1\tAnnotatorNotes T1\tthis one is doubtful",
    "E1\tMERGE-ORG:T2 Org1:T1 Org2:T2",
    "N1\tReference T1 Wikipedia:534366\tBarack Obama",
    "*\tEquiv T1 T2",
    "A3\tNegation T2",
    "R7\tOrigin Arg1:T1 Arg2:T2",
]


def test_other_lines_are_kept_and_written_back() -> None:
    text = "We act. It helps."
    ann = "T1\tClaim 0 7\tWe act.\nT2\tPremise 8 17\tIt helps.\nR1\tsupports Arg1:T2 Arg2:T1\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = parse_brat(ann + "\n".join(KEPT) + "\n", text)
    assert m.meta["brat"]["lines"] == KEPT
    assert "".join(generate_brat(m)) == ann + "\n".join(KEPT) + "\n"


def test_malformed_lines_are_kept_aside_and_the_rest_loads() -> None:
    text = "We act. It helps."
    ann = (
        "T1\tClaim 0 7\tWe act.\n"
        "T2\tPremise 8 17\tIt helps.\n"
        "T3\tPremise 8 99\tfar away\n"
        "T4\tPremise 0 5;3 7\tWe a ct.\n"
        "R1\tsupports Arg1:T2\n"
        "R2\tsupports Arg1:T2 Arg2:T2\n"
        "R3\tattacks Arg1:T2 Arg2:T9\n"
        "A1\tStance T1 For\n"
        "T5\tPremise 0 2\tXY\n"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = parse_brat(ann, text)
    said = " | ".join(str(w.message) for w in caught)
    for part in ("T3 (offsets outside", "T4 (fragments that overlap", "R1 (a relation needs", "A1 (no major"):
        assert part in said
    assert "T5" in said and any(issubclass(w.category, InputWarning) for w in caught)
    assert any(issubclass(w.category, MalformedPartWarning) for w in caught)
    assert sorted(m.claims()) == ["T1", "T2", "T5"] and not list(m.relations())
    assert sorted(a["id"] for a in m.meta["aside"] if a["id"]) == ["R2", "R3"]
    assert len(m.meta["brat"]["aside"]) == 4
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lines = "".join(generate_brat(m)).splitlines()
    assert "T3\tPremise 8 99\tfar away" in lines and "A1\tStance T1 For" in lines


@pytest.mark.parametrize(
    ("ann", "words_", "line", "col"),
    [
        ("T1\tClaim 0 2\tWe\nT2 Claim 3 5 it\n", "expected an id and a tab", 2, 1),
        ("T1\tClaim zero 2\tWe\n", "expected a type and offsets", 1, 10),
        ("T1\tClaim 0 2\tWe\nT1\tClaim 3 5\tit\n", r"id 'T1' is used twice \(lines 1 and 2\)", 2, 1),
    ],
)
def test_unreadable_lines_are_refused_at_their_place(ann: str, words_: str, line: int, col: int) -> None:
    with pytest.raises(ParseError, match=words_) as info:
        parse_brat(ann, "We do it.")
    assert (info.value.lineno, info.value.colno) == (line, col)


def test_files_beside_each_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.ann").write_text("T1\tClaim 0 2\tWe\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"a.txt, which is not beside it"):
        argmap.read(tmp_path / "a.ann")
    with pytest.raises(FormatError, match="give the path"):
        write_brat(ArgumentMap(), "-")
    m = ArgumentMap(source="old text")
    m.claim("old", quote="old")
    write(m, tmp_path / "b.ann")
    before = (tmp_path / "b.txt").read_bytes()
    real = _io.atomic_write

    def failing(target: Any, data: Any) -> None:
        if str(target).endswith(".ann"):
            raise OSError(28, "No space left on device", str(target))
        real(target, data)

    monkeypatch.setattr(brat, "atomic_write", failing)
    new = ArgumentMap(source="new")
    new.claim("new", quote="new")
    with pytest.raises(OSError, match="No space"):
        write_brat(new, tmp_path / "b.ann")
    assert (tmp_path / "b.txt").read_bytes() == before


def test_folder_conversion_never_overwrites_an_input_text(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text('{"nodes": [], "edges": [], "locutions": []}', encoding="utf-8")
    (tmp_path / "x.txt").write_text("The source.", encoding="utf-8")
    plan = plan_folder(tmp_path, tmp_path, "brat")
    assert [(p.source.name, p.target) for p in plan] == [("x.json", None)] and "x.txt" in plan[0].note
    with pytest.raises(FileExistsError):
        convert(tmp_path / "x.txt", tmp_path / "x.ann", source_format="kialo")
    (tmp_path / "y.ann").write_text("", encoding="utf-8")
    (tmp_path / "y.txt").write_text("1. Looks like Kialo", encoding="utf-8")
    assert [p.name for p in files_to_convert(tmp_path)] == ["x.json", "y.ann"]


def structure(m: ArgumentMap) -> Counter[Any]:
    def label(n: str) -> Any:
        d = m[n]
        if d["kind"] == CLAIM:
            return d["text"]
        return (d["kind"], d.get("attack_type"), tuple(sorted(map(label, m.premises(n)))), label(m.target(n)))

    return Counter(label(n) for n in m)


@st.composite
def essays(draw: st.DrawFn) -> tuple[str, str]:
    """An annotated text: claims over separate words, supports, attacks and stances."""
    parts = draw(st.lists(words, min_size=2, max_size=7))
    text = " ".join(parts)
    lines: list[str] = []
    pos = 0
    kinds = []
    for i, w in enumerate(parts, 1):
        kind = draw(st.sampled_from(["MajorClaim", "Claim", "Premise"]))
        kinds.append(kind)
        lines.append(f"T{i}\t{kind} {pos} {pos + len(w)}\t{w}")
        pos += len(w) + 1
    for i in range(2, len(parts) + 1):
        if kinds[i - 1] == "Claim" and "MajorClaim" in kinds and draw(st.booleans()):
            lines.append(f"A{i}\tStance T{i} {draw(st.sampled_from(['For', 'Against']))}")
        elif draw(st.booleans()):
            target = draw(st.integers(1, i - 1))
            lines.append(f"R{i}\t{draw(st.sampled_from(['supports', 'attacks']))} Arg1:T{i} Arg2:T{target}")
    return "".join(line + "\n" for line in lines), text


@SETTINGS
@given(doc=essays())
def test_annotations_come_back_equal_without_a_warning(tmp_path_factory: Any, doc: tuple[str, str]) -> None:
    ann, text = doc
    m = parse_brat(ann, text)
    path = tmp_path_factory.mktemp("brat") / "e.ann"
    assert write(m, path) == []
    assert read_brat(path) == m


@SETTINGS
@given(m=maps())
def test_any_map_keeps_its_structure_unless_the_writer_names_the_loss(
    tmp_path_factory: Any, m: ArgumentMap
) -> None:
    path = tmp_path_factory.mktemp("brat") / "m.ann"
    lossy = write(m, path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        back = read_brat(path)
    if not lossy:
        assert structure(back) == structure(m)
        assert m.source is None or back.source == m.source


@pytest.mark.slow
def test_corpus_maps_keep_text_and_structure(corpora: Path, tmp_path: Path) -> None:
    files = sorted((corpora / "arg-microtexts/corpus").rglob("*.xml"))
    assert files
    for path in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m = read_microtexts(path)
        lossy = write(m, tmp_path / "m.ann")
        back = read_brat(tmp_path / "m.ann")
        assert back.source == m.source and len(list(back.claims())) == len(list(m.claims())), path
        if not lossy:
            assert structure(back) == structure(m), path


def test_stances_times_major_claims_stay_bounded_by_the_input() -> None:
    n = 3000
    text = " ".join(["M"] * n)
    majors = "".join(f"T{i}\tMajorClaim {2 * i} {2 * i + 1}\tM\n" for i in range(n))
    stances = "".join(f"A{i}\tStance T{i} For\n" for i in range(n))
    with pytest.raises(FormatError, match="would make 9,000,000 relations"):
        parse_brat(majors + stances, text)
