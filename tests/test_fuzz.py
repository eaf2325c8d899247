"""Hostile input for every reader: an ArgmapError or a valid map, in bounded time and memory.

The readers are found in :mod:`argmap.readwrite` by name (``parse_x``, ``x_map``,
``read_x``) plus :func:`argmap.read`, so a new format is fuzzed as soon as it is
exported. Valid seeds come from the seed map written in every format and from
the shared corpora.
"""

from __future__ import annotations

import contextlib
import io
import json
import signal
import tracemalloc
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import _io, readwrite
from argmap.exceptions import ArgmapError
from argmap.model import ArgumentMap

TEXT_READERS: dict[str, Callable[[str], ArgumentMap]] = {
    name.removeprefix("parse_"): getattr(readwrite, name)
    for name in readwrite.__all__
    if name.startswith("parse_")
}
DATA_READERS: dict[str, Callable[[Any], ArgumentMap]] = {
    name.removesuffix("_map"): getattr(readwrite, name) for name in readwrite.__all__ if name.endswith("_map")
}
FILE_READERS: dict[str, Callable[[Any], ArgumentMap]] = {
    name.removeprefix("read_"): getattr(readwrite, name)
    for name in readwrite.__all__
    if name.startswith("read_")
}
# BRAT is two files, the annotation and its text: fuzz the annotation against the seed map's text.
_BRAT_SEED = argmap.seed_map()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    BRAT_TEXT, _ = readwrite.brat._brat(_BRAT_SEED)
TEXT_READERS["brat"] = lambda text: readwrite.parse_brat(text, BRAT_TEXT)
FILE_READERS["brat"] = lambda source: readwrite.parse_brat(_io.read_text(source), BRAT_TEXT)
SUFFIXES = [".json", ".aif.json", ".ova.json", ".sadface.json", ".nodelink.json", ".xml", ".graphml"]
SUFFIXES += [".txt", ".argdown", ".ann", ".bin"]
FUZZ = settings(
    max_examples=40,
    deadline=2000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


class Hang(Exception):
    """A reader ran past its time limit."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` in the test when the block runs longer than ``seconds``."""

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def survive(read: Callable[[Any], ArgumentMap], arg: Any, seconds: float = 10.0) -> ArgmapError | None:
    """Call ``read(arg)``: return the ArgmapError it raised, or None after checking the map is valid.

    Any other exception fails the test, and so does running past ``seconds``.
    """
    with warnings.catch_warnings(), time_limit(seconds):
        warnings.simplefilter("ignore")
        try:
            m = read(arg)
        except ArgmapError as exc:
            assert str(exc).strip(), f"{type(exc).__name__} without a message"
            return exc
    assert isinstance(m, ArgumentMap)
    m.validate()
    return None


def _seed_documents() -> dict[str, str]:
    """The seed map in every readable format, as text."""
    m = argmap.seed_map()
    out: dict[str, str] = {}
    for name in FILE_READERS:
        buf = io.StringIO()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if name == "brat":
                buf.write("".join(readwrite.generate_brat(m)))
            else:
                getattr(readwrite, f"write_{name}")(m, buf)
        out[name] = buf.getvalue()
    return out


SEEDS = _seed_documents()
CORPUS_SAMPLES = {
    "aif": ["aifdb-araucaria/en/nodeset10.json", "aifdb-moralmaze-6064/6064-original.json"],
    "sadface": ["sadface-examples/hangback.json"],
    "microtexts": ["arg-microtexts/corpus/en/micro_b001.xml"],
    "argdown": ["argdown/argdown-repo/packages/argdown-core/test/veggie_debate.argdown"],
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def test_every_format_has_its_readers_fuzzed() -> None:
    assert set(TEXT_READERS) | set(DATA_READERS) == set(FILE_READERS)
    assert len(FILE_READERS) >= 9


# -- random input --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FILE_READERS))
@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes(name: str, data: bytes) -> None:
    survive(FILE_READERS[name], io.BytesIO(data))


@pytest.mark.parametrize("name", sorted(TEXT_READERS))
@FUZZ
@given(text=st.text(max_size=400))
def test_random_text(name: str, text: str) -> None:
    survive(TEXT_READERS[name], text)


@pytest.mark.parametrize("name", sorted(DATA_READERS))
@FUZZ
@given(data=json_values)
def test_random_json_values(name: str, data: Any) -> None:
    survive(DATA_READERS[name], data)


@pytest.mark.parametrize("suffix", SUFFIXES)
@settings(FUZZ, max_examples=15)
@given(data=st.binary(max_size=300))
def test_read_by_name_random_bytes(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    survive(argmap.read, path)


# -- damaged valid documents ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEEDS))
@FUZZ
@given(cut=st.floats(0, 1), junk=st.binary(max_size=8))
def test_truncated_seed_documents(name: str, cut: float, junk: bytes) -> None:
    data = SEEDS[name].encode("utf-8")
    survive(FILE_READERS[name], io.BytesIO(data[: int(len(data) * cut)] + junk))


@pytest.mark.parametrize("name", sorted(CORPUS_SAMPLES))
@settings(FUZZ, max_examples=25)
@given(cut=st.floats(0, 1), which=st.integers(0, 1))
def test_truncated_corpus_files(corpora: Path, name: str, cut: float, which: int) -> None:
    files = CORPUS_SAMPLES[name]
    data = (corpora / files[which % len(files)]).read_bytes()
    survive(FILE_READERS[name], io.BytesIO(data[: int(len(data) * cut)]))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        yield from _paths(child, (*prefix, key))


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replace(value[path[0]], path[1:], new)
    return copy


JSON_SEEDS = {name: json.loads(text) for name, text in SEEDS.items() if name in DATA_READERS}


@pytest.mark.parametrize("name", sorted(JSON_SEEDS))
@settings(FUZZ, max_examples=100)
@given(data=st.data())
def test_json_documents_with_one_part_replaced(name: str, data: st.DataObject) -> None:
    doc = JSON_SEEDS[name]
    paths = list(_paths(doc))
    path = data.draw(st.sampled_from(paths), label="path")
    survive(DATA_READERS[name], _replace(doc, path, data.draw(json_values, label="value")))


@pytest.mark.parametrize("name", sorted(TEXT_READERS))
@settings(FUZZ, max_examples=60)
@given(data=st.data())
def test_text_documents_with_a_slice_replaced(name: str, data: st.DataObject) -> None:
    text = SEEDS[name]
    start = data.draw(st.integers(0, len(text)), label="start")
    end = data.draw(st.integers(start, min(len(text), start + 40)), label="end")
    survive(TEXT_READERS[name], text[:start] + data.draw(st.text(max_size=20), label="new") + text[end:])


# -- deep nesting, huge lines, wrong encodings ---------------------------------------------------

DEPTH = 10_000


def _deep_json(kind: str) -> Any:
    value: Any = []
    for _ in range(DEPTH):
        value = {"nodes": value} if kind == "dict" else [value]
    return value


@pytest.mark.parametrize("name", sorted(DATA_READERS))
@pytest.mark.parametrize("kind", ["dict", "list"])
def test_deeply_nested_json_values(name: str, kind: str) -> None:
    survive(DATA_READERS[name], _deep_json(kind))


@pytest.mark.parametrize("name", sorted(FILE_READERS))
def test_deeply_nested_json_text(name: str) -> None:
    text = '{"nodes": ' * DEPTH + "[]" + "}" * DEPTH
    survive(FILE_READERS[name], io.StringIO(text))


@pytest.mark.parametrize("name", sorted(FILE_READERS))
@pytest.mark.parametrize("root", ["arggraph", "graphml", "html"])
def test_deeply_nested_xml(name: str, root: str) -> None:
    text = f"<{root}>" + "<edu>" * DEPTH + "</edu>" * DEPTH + f"</{root}>"
    survive(FILE_READERS[name], io.StringIO(text))


def test_deeply_indented_argdown() -> None:
    lines = ["[A]: a"] + ["  " * i + "  <+ <s" + str(i) + ">: s" for i in range(1, DEPTH)]
    error = survive(readwrite.parse_argdown, "\n".join(lines), seconds=30)
    assert isinstance(error, argmap.ArgdownSyntaxError) and "nesting" in error.msg


def test_deeply_numbered_kialo() -> None:
    lines = ["Discussion Title: t", "", "1. root"]
    lines += ["1." + "1." * i + " Pro: p" for i in range(1, 2000)]
    survive(readwrite.parse_kialo, "\n".join(lines), seconds=30)


def test_entity_expansion_is_refused() -> None:
    ents = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(7)
    )
    doc = f'<?xml version="1.0"?><!DOCTYPE arggraph [{ents}]>'
    doc += '<arggraph id="x"><edu id="e1">&h;</edu></arggraph>'
    for name in ("microtexts", "graphml"):
        survive(TEXT_READERS[name], doc.replace("arggraph", "graphml") if name == "graphml" else doc)


HUGE = 10_000_000


@pytest.mark.parametrize("name", sorted(FILE_READERS))
@pytest.mark.parametrize("line", ["plain", "argdown", "json"])
def test_huge_lines_in_bounded_memory(name: str, line: str) -> None:
    body = {
        "plain": "x" * HUGE,
        "argdown": "[T]: " + "word " * (HUGE // 5),
        "json": json.dumps({"format": "argmap", "nodes": ["x" * HUGE]}),
    }[line].encode()
    tracemalloc.start()
    try:
        survive(FILE_READERS[name], io.BytesIO(body), seconds=30)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 25 * len(body), f"{peak / 1e6:.0f} MB for a {len(body) / 1e6:.0f} MB line"


@pytest.mark.parametrize("name", sorted(SEEDS))
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1252", "utf-32"])
def test_wrong_encodings(name: str, encoding: str) -> None:
    text = SEEDS[name].encode("cp1252", "replace").decode("cp1252") if encoding == "cp1252" else SEEDS[name]
    data = text.encode(encoding)
    error = survive(FILE_READERS[name], io.BytesIO(data))
    if encoding != "cp1252" or data != text.encode("utf-8"):
        assert isinstance(error, argmap.FormatError) and "utf-8" in str(error)


# -- cycles and duplicate ids ---------------------------------------------------------------------


def _native(claims: list[str], relations: list[tuple[str, str, list[str], str]]) -> dict[str, Any]:
    return {
        "format": "argmap",
        "format_version": 1,
        "claims": [{"id": c, "text": c.upper()} for c in claims],
        "relations": [{"id": i, "kind": k, "from": f, "to": t} for i, k, f, t in relations],
    }


def _aif(nodes: list[tuple[str, str]], edges: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "nodes": [{"nodeID": n, "type": t, "text": n} for n, t in nodes],
        "edges": [{"edgeID": f"e{i}", "fromID": a, "toID": b} for i, (a, b) in enumerate(edges)],
        "locutions": [],
    }


def test_cycles_are_kept_as_valid_maps() -> None:
    cycle = _native(["a", "b"], [("s1", "inference", ["a"], "b"), ("s2", "inference", ["b"], "a")])
    assert survive(readwrite.native_map, cycle) is None
    aif = _aif(
        [("1", "I"), ("2", "RA"), ("3", "I"), ("4", "CA")], [("1", "2"), ("2", "3"), ("3", "4"), ("4", "1")]
    )
    assert survive(readwrite.aif_map, aif) is None
    assert survive(readwrite.parse_argdown, "[A]: a\n  + [B]: b\n    + [A]\n") is None


@pytest.mark.parametrize(
    ("name", "doc"),
    [
        ("native", _native(["a", "a"], [])),
        ("native", _native(["a", "b"], [("a", "inference", ["b"], "a")])),
        ("native", _native(["a", "b"], [("s", "inference", ["b"], "a"), ("s", "conflict", ["a"], "b")])),
        ("native", _native(["a"], [("s", "inference", ["a"], "a")])),
        ("aif", _aif([("1", "I"), ("1", "RA"), ("2", "I")], [("1", "2")])),
        ("aif", _aif([("1", "I"), ("1", "I")], [])),
        ("sadface", {"nodes": [{"id": "a", "type": "atom", "text": "x"}] * 2, "edges": []}),
        (
            "nodelink",
            {"directed": True, "nodes": [{"id": "a", "kind": "claim", "text": "x"}] * 2, "links": []},
        ),
        ("ova", {"nodes": [{"nodeID": 1, "type": "I", "text": "x", "x": 0}] * 2, "edges": []}),
    ],
)
def test_duplicate_ids(name: str, doc: dict[str, Any]) -> None:
    survive(DATA_READERS[name], doc)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("argdown", "[A]: one\n[A]: two\n<B>: x\n<B>: y\n"),
        ("kialo", "Discussion Title: t\n\n1. root\n1.1. Pro: a\n1.1. Con: b\n"),
        ("microtexts", '<arggraph id="x"><edu id="e1">a</edu><edu id="e1">b</edu></arggraph>'),
        (
            "graphml",
            SEEDS["graphml"].replace(
                '<node id="', '<node id="dup"><data key="x">1</data></node><node id="', 1
            ),
        ),
    ],
)
def test_duplicate_ids_in_text(name: str, text: str) -> None:
    survive(TEXT_READERS[name], text)
