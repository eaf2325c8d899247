"""Format detection (name and content), argmap.read/write, and ``argmap convert`` on files and folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.exceptions import FormatError
from argmap.files import files_to_convert, output_name
from argmap.formats import FORMATS, format_of_name
from argmap.model import ArgumentMap
from argmap.readwrite.aif import aif_data
from argmap.readwrite.detect import sniff

READABLE = frozenset(f.name for f in FORMATS.values() if f.holds == "map" and f.reader)


@pytest.fixture
def small() -> ArgumentMap:
    m = ArgumentMap(title="Umbrella")
    m.support(m.claim("Take an umbrella."), m.claim("It will rain."))
    return m


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("x.json", "native"),
        ("x.argmap.json", "native"),
        ("X.AIF.JSON", "aif"),
        ("x.ova.json", "ova"),
        ("x.sadface.json", "sadface"),
        ("x.node-link.json", "nodelink"),
        ("micro_b001.xml", "microtexts"),
        ("x.graphml", "graphml"),
        ("x.kialo.txt", "kialo"),
        ("essay001.ann", "brat"),
        ("x.mmd", "mermaid"),
        ("x.gv", "dot"),
        ("x.docx", None),
        (".json", None),
    ],
)
def test_format_of_name(name: str, fmt: str | None) -> None:
    assert format_of_name(name) == fmt


@pytest.mark.parametrize("fmt", sorted(READABLE - {"argdown", "kialo", "microtexts", "graphml", "brat"}))
def test_every_json_format_is_sniffed_from_what_its_writer_writes(
    fmt: str, small: ArgumentMap, tmp_path: Path
) -> None:
    path = tmp_path / f"m{FORMATS[fmt].suffixes[0]}"
    argmap.write(small, path)
    assert sniff(path.read_text(encoding="utf-8")) == fmt
    plain = tmp_path / "plain.json"
    plain.write_bytes(path.read_bytes())
    assert argmap.read(plain) == argmap.read(path)


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<?xml version='1.0'?>\n<!-- c --><arggraph id='x'/>", "microtexts"),
        ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>', "graphml"),
        ("\ufeffDiscussion Title: x\n\n1. A\n", "kialo"),
        ("1. A\n", "kialo"),
        ('{"nodes": [], "edges": [], "locutions": []}', "aif"),
        ('{"edges": [], "metadata": {"core": {}}, "nodes": [], "resources": []}', "sadface"),
        ('{"nodes": [{"id": 1, "x": 0, "y": 0}], "edges": []}', "ova"),
        ('{"directed": true, "nodes": [], "edges": []}', "nodelink"),
        ('{"nodes": "?"}', None),
        ("[Rain]: It rains.", None),
        ("<html/>", None),
        ("hello", None),
    ],
)
def test_sniff(text: str, fmt: str | None) -> None:
    assert sniff(text) == fmt


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("{broken", "line 1, column 2"),
        ('{"nodes": [\n  {"nodeID": 1,}\n]}', "line 2, column 16"),
        ("[1, 2", "line 1"),
    ],
)
def test_broken_json_is_reported_with_its_line_and_column(tmp_path: Path, text: str, where: str) -> None:
    with pytest.raises(FormatError, match=f"invalid JSON: .*at {where}"):
        sniff(text)
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError, match=f"invalid JSON: .*at {where}"):
        argmap.read(path)


def test_read_says_clearly_when_it_cannot_tell(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(FormatError, match=r"cannot tell the format of .*notes\.json.*pass format="):
        argmap.read(path)
    with pytest.raises(FormatError, match="unknown format 'pdf'"):
        argmap.read(path, format="pdf")
    with pytest.raises(FormatError, match="cannot tell which format to write"):
        argmap.write(ArgumentMap(), tmp_path / "m.docx")
    with pytest.raises(FormatError, match="unknown format 'mermaid'"):
        argmap.read(path, format="mermaid")


def test_write_by_suffix_and_explicit_format(small: ArgumentMap, tmp_path: Path) -> None:
    argmap.write(small, tmp_path / "m.mmd")
    assert (tmp_path / "m.mmd").read_text(encoding="utf-8").startswith("flowchart BT\n")
    argmap.write(small, tmp_path / "m.out", format="aif")
    assert json.loads((tmp_path / "m.out").read_text(encoding="utf-8")) == aif_data(small)
    assert argmap.read(tmp_path / "m.out", format="aif") == small


def test_files_to_convert_skips_side_texts_and_hidden_files(tmp_path: Path) -> None:
    for name in ("a.json", "a.txt", "b.xml", "notes.txt", "k.txt", ".hidden.json", "x.pdf", "sub/c.graphml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("1. A\n" if name == "k.txt" else "x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in files_to_convert(tmp_path)] == [
        "a.json",
        "b.xml",
        "k.txt",
        "sub/c.graphml",
    ]
    assert [p.name for p in files_to_convert(tmp_path, "microtexts")] == ["b.xml"]
    assert output_name("d/x.aif.json", "kialo") == "x.txt"


def test_convert_one_file(small: ArgumentMap, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argmap.write(small, tmp_path / "m.json")
    assert main(["convert", str(tmp_path / "m.json"), str(tmp_path / "m.graphml")]) == 0
    assert argmap.read(tmp_path / "m.graphml") == small
    assert main(["convert", str(tmp_path / "m.json"), str(tmp_path / "m.xml")]) == 0
    assert "ArgGraph" not in capsys.readouterr().err
    assert main(["convert", str(tmp_path / "m.json"), str(tmp_path / "m.docx")]) == 1
    assert "cannot tell which format to write" in capsys.readouterr().err


def test_convert_a_folder_with_progress(
    small: ArgumentMap, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    (src / "deep").mkdir(parents=True)
    argmap.write(small, src / "one.aif.json")
    argmap.write(small, src / "deep" / "two.json")
    (src / "bad.json").write_text("{", encoding="utf-8")
    code = main(["convert", str(src), str(tmp_path / "out"), "--to", "sadface", "--progress"])
    err = capsys.readouterr().err
    assert code == 1
    assert (
        "bad.json: cannot tell the format" not in err
        and "invalid JSON: Expecting" in err
        and "[###" in err
        and "3/3" in err
    )
    assert "converted 2 of 3 files" in err and "(1 failed, 0 warnings)" in err
    assert argmap.read(tmp_path / "out" / "deep" / "two.sadface.json") == small
    assert argmap.read(tmp_path / "out" / "one.sadface.json") == small
    assert main(["convert", str(src), str(tmp_path / "out2")]) == 2
    assert "needs --to" in capsys.readouterr().err


def test_convert_reports_warnings_per_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = {
        "nodes": [{"nodeID": "1", "text": "A", "type": "I"}],
        "edges": [{"edgeID": "e", "fromID": "1", "toID": "1"}],
        "locutions": [],
    }
    (tmp_path / "loop.json").write_text(json.dumps(doc), encoding="utf-8")
    assert main(["convert", str(tmp_path / "loop.json"), str(tmp_path / "loop.aif.json")]) == 0
    err = capsys.readouterr().err
    assert "argmap: warning:" in err and "loop.json: 1 self-loop edge(s)" in err
    assert json.loads((tmp_path / "loop.aif.json").read_text(encoding="utf-8"))["edges"] == doc["edges"]
