"""argmap's native JSON: lossless round-trips, versions, error paths and atomic writes."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.exceptions import FormatError
from argmap.model import ArgumentMap, validate
from argmap.readwrite import native
from argmap.readwrite.native import native_data, native_map, read_native, write_native

# -- random maps ----

_json_leaf = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=8)
_json = st.recursive(
    _json_leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
_meta = st.dictionaries(st.text(max_size=6), _json, max_size=3)
_label = st.text(min_size=1, max_size=30).filter(lambda t: t.strip() != "")
_maybe = st.none() | st.text(max_size=20)


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    """Random maps: unicode text, meta, spans into a random source, every relation kind."""
    source = draw(st.none() | st.text(max_size=80))
    m = ArgumentMap(source=source, title=draw(_maybe))
    m.meta.update(draw(_meta))
    for _ in range(draw(st.integers(1, 8))):
        span, quote = None, draw(_maybe)
        if source is not None:
            a, b = sorted(draw(st.tuples(st.integers(0, len(source)), st.integers(0, len(source)))))
            if draw(st.booleans()):
                span = (a, b)  # a span given with any quote (or none)
            elif quote is not None:
                quote = source[a:b] or None  # a quote located in the source
        m.claim(
            draw(_label),
            id=draw(
                st.none()
                | st.from_regex(r"[a-z][a-z0-9\-]{0,8}", fullmatch=True).filter(lambda i: i not in m)
            ),
            quote=quote,
            span=span,
            speaker=draw(_maybe),
            implicit=draw(st.booleans()),
            tags=draw(st.lists(st.text(max_size=6), max_size=3)),
            section=draw(_maybe),
            meta=draw(_meta),
        )
    claims = list(m.claims())
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["support", "attack", "undercut", "rephrase"]))
        target = draw(st.sampled_from(claims))
        others = [c for c in claims if c != target]
        if not others:
            break
        sources = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
        meta = draw(_meta)
        if kind == "support":
            m.support(target, sources, scheme=draw(_maybe), meta=meta)
        elif kind == "attack":
            m.attack(target, sources, type=draw(st.sampled_from(["rebut", "undermine"])), meta=meta)
        elif kind == "undercut" and list(m.inferences()):
            m.attack(draw(st.sampled_from(list(m.inferences()))), sources, meta=meta)
        elif kind == "rephrase":
            m.rephrase(sources[0], target, meta=meta)
    return m


@settings(max_examples=200, deadline=None)
@given(maps())
def test_round_trip_through_json(m: ArgumentMap) -> None:
    validate(m)
    data = native_data(m)
    text = json.dumps(data, ensure_ascii=False)
    back = native_map(json.loads(text))
    assert back == m
    assert native_data(back) == data
    assert list(back) == list(m)


@settings(max_examples=100, deadline=None)
@given(maps())
def test_round_trip_through_files(m: ArgumentMap) -> None:
    buffer = io.StringIO()
    write_native(m, buffer)
    first = buffer.getvalue()
    assert read_native(io.StringIO(first)) == m
    assert read_native(io.BytesIO(first.encode("utf-8"))) == m
    again = io.StringIO()
    write_native(read_native(io.StringIO(first)), again)
    assert again.getvalue() == first


def test_round_trip_on_disk(tmp_path: Path) -> None:
    m = ArgumentMap(source="Ёлка “quoted” \\ back\nslash", title="Ünïcode")
    p = m.claim("Ёлка", quote="Ёлка", tags=["t"], meta={"n": [1, {"x": None}]})
    s = m.support(m.claim("C", implicit=True), p, scheme="sign")
    m.attack(s, by=m.claim("U", speaker="experts"))
    path = tmp_path / "map.json"
    write_native(m, path)
    assert read_native(path) == m
    assert read_native(str(path)) == m
    text = path.read_text(encoding="utf-8")
    assert "Ёлка" in text and text.endswith("}\n")
    compact = tmp_path / "compact.json"
    write_native(m, compact, indent=None)
    assert compact.read_text(encoding="utf-8").count("\n") == 1
    assert read_native(compact) == m


def test_document_shape() -> None:
    m = ArgumentMap(source="abc")
    s = m.support(m.claim("C", quote="bc"), m.claim("P"))
    m.attack(s, by=m.claim("U"))
    data = native_data(m)
    assert data["format"] == "argmap" and data["format_version"] == 1
    assert data["claims"][0] == {
        "id": "c",
        "text": "C",
        "quote": "bc",
        "span": [1, 3],
        "speaker": None,
        "implicit": False,
        "tags": [],
        "section": None,
        "meta": {},
    }
    assert data["relations"] == [
        {"id": "s1", "kind": "inference", "from": ["p"], "to": "c", "scheme": None, "meta": {}},
        {"id": "a1", "kind": "conflict", "from": ["u"], "to": "s1", "attack_type": "undercut", "meta": {}},
    ]


def test_module_exports_its_four_names() -> None:
    assert sorted(native.__all__) == ["native_data", "native_map", "read_native", "write_native"]


# -- versions and errors ----


def _doc(**changes: Any) -> dict[str, Any]:
    m = ArgumentMap(source="It rains.")
    s = m.support(m.claim("Wet.", id="wet"), m.claim("It rains.", id="rain", quote="It rains."))
    m.attack(s, by=m.claim("Roof.", id="roof"))
    m.rephrase("wet", m.claim("Damp.", id="damp"))
    data = native_data(m)
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "aif"}, "not an argmap JSON document"),
        ({"format_version": 2}, "unsupported format_version 2"),
        ({"format_version": 0}, "unsupported format_version 0"),
        ({"format_version": "1"}, "unsupported format_version '1'"),
        ({"format_version": True}, "unsupported format_version True"),
        ({"format_version": None}, "unsupported format_version None"),
    ],
)
def test_version_and_format_checks(change: dict[str, Any], message: str) -> None:
    with pytest.raises(FormatError, match=message) as err:
        native_map(_doc(**change))
    assert err.value.path is None


def test_not_an_object() -> None:
    with pytest.raises(FormatError, match="not an argmap JSON document"):
        native_map([])  # type: ignore[arg-type]


def _set(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """Set ``claims.1.text`` style paths; the value ``...`` deletes the key."""
    *parents, last = path.split(".")
    obj: Any = data
    for part in parents:
        obj = obj[int(part)] if part.isdigit() else obj[part]
    key: Any = int(last) if last.isdigit() else last
    if value is ...:
        del obj[key]
    else:
        obj[key] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "where", "message"),
    [
        ("title", 3, "$.title", "field 'title' has the wrong type int"),
        ("meta", [], "$.meta", "field 'meta' has the wrong type list"),
        ("claims", {}, "$.claims", "field 'claims' has the wrong type dict"),
        ("claims", ..., "$", "missing field 'claims'"),
        ("relations", ..., "$", "missing field 'relations'"),
        ("claims.1", "rain", "claims[1]", "a claim must be an object"),
        ("claims.1.text", ..., "claims[1]", "missing field 'text'"),
        ("claims.1.text", 5, "claims[1].text", "wrong type int"),
        ("claims.1.text", " ", "claims[1]", "non-empty text"),
        ("claims.1.id", ..., "claims[1]", "missing field 'id'"),
        ("claims.1.id", "wet", "claims[1]", "id 'wet' is already used"),
        ("claims.1.span", [0], "claims[1].span", "span must be two integers"),
        ("claims.1.span", [0, True], "claims[1].span", "span must be two integers"),
        ("claims.1.span", [0, 99], "claims[1]", "outside the source"),
        ("claims.1.implicit", "no", "claims[1].implicit", "wrong type str"),
        ("claims.1.tags", ["a", 1], "claims[1].tags", "tags must be strings"),
        ("claims.1.meta", None, "claims[1].meta", "wrong type NoneType"),
        ("relations.0", 1, "relations[0]", "a relation must be an object"),
        ("relations.0.kind", "support", "relations[0].kind", "unknown relation kind 'support'"),
        ("relations.0.kind", ..., "relations[0]", "missing field 'kind'"),
        ("relations.0.from", "rain", "relations[0].from", "wrong type str"),
        ("relations.0.from", ["nowhere"], "relations[0]", "unknown id 'nowhere'"),
        ("relations.0.from", ["wet"], "relations[0]", "cannot support itself"),
        ("relations.0.to", None, "relations[0].to", "wrong type NoneType"),
        ("relations.0.id", "wet", "relations[0]", "id 'wet' is already used"),
        ("relations.1.to", "damp", "relations[1]", "an undercut targets an inference; 'damp' is a claim"),
        ("relations.2.to", "s1", "relations[2]", "'s1' is a inference, expected claim"),
        ("relations.1.to", "r1", "relations[1]", "unknown id 'r1'"),
        ("relations.1.attack_type", "rebut", "relations[1]", "an undercut targets an inference"),
        ("relations.1.attack_type", "smash", "relations[1]", "unknown attack type 'smash'"),
        ("relations.2.from", ["wet", "rain"], "relations[2].from", "a rephrase has exactly one source"),
    ],
)
def test_error_paths(path: str, value: Any, where: str, message: str) -> None:
    data = _doc()
    with pytest.raises(FormatError, match=message) as err:
        native_map(_set(data, path, value))
    assert err.value.path == where
    assert str(err.value).endswith(f"(at {where})")


def test_read_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "argmap",\n "claims": [}', encoding="utf-8")
    with pytest.raises(FormatError, match=r"invalid JSON: .* \(at line 2, column 13\)"):
        read_native(bad)
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"title": "caf\xe9"}')
    with pytest.raises(FormatError, match="not valid utf-8: byte 14"):
        read_native(latin)
    with pytest.raises(FileNotFoundError):
        read_native(tmp_path / "missing.json")


def test_reads_a_bom_and_crlf(tmp_path: Path) -> None:
    m = ArgumentMap(title="t")
    m.claim("A")
    path = tmp_path / "bom.json"
    text = json.dumps(native_data(m), indent=2).replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert read_native(path) == m


# -- atomic writes ----


def _small_map(title: str) -> ArgumentMap:
    m = ArgumentMap(title=title)
    m.claim("A")
    return m


def test_failed_rename_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "map.json"
    write_native(_small_map("old"), path)
    before = path.read_bytes()

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_native(_small_map("new"), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]


def test_unserialisable_meta_leaves_old_file(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    write_native(_small_map("old"), path)
    before = path.read_bytes()
    broken = _small_map("new")
    broken.meta["when"] = object()
    with pytest.raises(TypeError):
        write_native(broken, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]


def test_write_replaces_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    write_native(_small_map("old"), path)
    write_native(_small_map("new"), path)
    assert read_native(path).title == "new"
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
