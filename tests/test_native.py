"""argmap's native JSON: lossless round-trips, versions, error paths and atomic writes."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from strategies import maps

from argmap.exceptions import FormatError, GraphStructureError, InputWarning
from argmap.model import ArgumentMap
from argmap.readwrite import native
from argmap.readwrite.native import native_data, native_map, read_native, write_native

# -- random maps ----


@settings(max_examples=200, deadline=None)
@given(maps())
def test_round_trip_through_json(m: ArgumentMap) -> None:
    m.validate()
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


def test_a_claim_of_several_passages_round_trips_and_version_1_still_loads() -> None:
    m = ArgumentMap(source="Taxes fund schools, roads and teach.")
    m.claim("T", id="t", passages=[(6, 18), (26, 35)], quote="fund schools … and teach")
    data = json.loads(json.dumps(native_data(m)))
    assert data["claims"][0]["passages"] == [[6, 18], [26, 35]] and data["claims"][0]["span"] == [6, 35]
    assert native_map(data) == m
    old = {
        "format": "argmap",
        "format_version": 1,
        "source": "Taxes fund schools.",
        "claims": [{"id": "t", "text": "T", "quote": "fund schools", "span": [6, 18]}],
        "relations": [],
    }
    back = native_map(old)
    assert back["t"]["passages"] == () and back["t"]["span"] == (6, 18) and not back["t"]["thesis"]


def test_document_shape() -> None:
    m = ArgumentMap(source="abc")
    s = m.support(m.claim("C", quote="bc"), m.claim("P"))
    m.attack(s, by=m.claim("U"))
    data = native_data(m)
    assert data["format"] == "argmap" and data["format_version"] == 2
    assert data["claims"][0] == {
        "id": "c",
        "text": "C",
        "quote": "bc",
        "span": [1, 3],
        "passages": [],
        "speaker": None,
        "implicit": False,
        "thesis": False,
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
        ({"format_version": 3}, "unsupported format_version 3"),
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
        ("title", 3, "title", "the map's title must be a string or None, not 3"),
        ("meta", [], "meta", "the map's meta must be an object"),
        ("claims", {}, "$.claims", "missing or invalid 'claims' list"),
        ("claims", ..., "$.claims", "missing or invalid 'claims' list"),
        ("relations", ..., "$.relations", "missing or invalid 'relations' list"),
        ("claims.1", "rain", "claims[1]", "a claim must be an object"),
        ("claims.1.text", ..., "claims[1]", "claim 'rain' has no text"),
        ("claims.1.text", 5, "claims[1].text", "text must be a non-empty string, not 5"),
        ("claims.1.text", " ", "claims[1].text", "text must be a non-empty string"),
        ("claims.1.id", ..., "claims[1]", "no id"),
        ("claims.1.id", "wet", None, r"duplicate id 'wet': claims\[0\] and claims\[1\]"),
        ("claims.1.span", [0], "claims[1].span", "span must be two integers"),
        ("claims.1.span", [0, True], "claims[1].span", "span must be two integers"),
        ("claims.1.span", [0, 99], "claims[1]", "outside the source"),
        ("claims.1.implicit", "no", "claims[1].implicit", "implicit must be true or false"),
        ("claims.1.tags", ["a", 1], "claims[1].tags", "tags must be a list of strings"),
        ("claims.1.meta", [], "claims[1].meta", "meta must be an object"),
        ("claims.1.colour", "red", "claims[1]", "unknown attribute 'colour'; free data belongs in meta"),
        ("relations.0", 1, "relations[0]", "a relation must be an object"),
        ("relations.0.kind", "support", "relations[0].kind", "unknown relation kind 'support'"),
        ("relations.0.kind", ..., "relations[0].kind", "unknown relation kind None"),
        ("relations.0.from", "rain", "relations[0].from", "'from' must be a list of claim ids"),
        ("relations.0.to", None, "relations[0].to", "'to' must be an id"),
        ("relations.0.id", "wet", None, r"duplicate id 'wet': claims\[0\] and relations\[0\]"),
        ("relations.1.attack_type", "smash", "relations[1].attack_type", "attack_type must be one of"),
    ],
)
def test_error_paths(path: str, value: Any, where: str | None, message: str) -> None:
    data = _doc()
    with pytest.raises(FormatError, match=message) as err:
        native_map(_set(data, path, value))
    assert err.value.path == where
    assert where is None or str(err.value).endswith(f"(at {where})")


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("relations.0.from", ["nowhere"], "names unknown 'nowhere'"),
        ("relations.0.from", ["wet"], "cannot support itself"),
        ("relations.1.to", "damp", "an undercut targets an inference; 'damp' is a claim"),
        ("relations.2.to", "s1", "rephrase 'r1' points to an inference 's1', not a claim"),
        ("relations.1.to", "r1", "conflict 'a1' targets a rephrase 'r1'"),
        ("relations.1.attack_type", "rebut", "a rebut targets a claim"),
        ("relations.2.from", ["wet", "rain"], "rephrase 'r1' has 2 originals, needs 1"),
    ],
)
def test_a_relation_breaking_a_rule_is_kept_aside_and_the_rest_loads(
    path: str, value: Any, message: str
) -> None:
    data = _doc()
    with pytest.warns(InputWarning):
        m = native_map(_set(data, path, value))
    assert {c["id"] for c in data["claims"]} <= set(m.claims())
    assert any(message in a["problem"] for a in m.meta["aside"])


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
    with pytest.raises(GraphStructureError, match="holds an object, which is not JSON data"):
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
