"""No data lost: every writer goes through a temporary file and a rename, and a failure leaves the old file.

Two failures are simulated for every writer: the serialiser raising after it has
started (a generator that stops half-way, a JSON document that cannot be dumped
at its end, Graphviz failing) and the disk filling up half-way through the write.
"""

from __future__ import annotations

import errno
import io
import os
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
import argmap.files
from argmap import _io, cli, readwrite
from argmap.analysis import iccma
from argmap.exceptions import RenderError
from argmap.formats import FORMATS
from argmap.page import html as page_html

OLD = b"the old file, which must survive\n"

Writer = Callable[[Path], None]


def _map() -> argmap.ArgumentMap:
    return argmap.seed_map()


def _format_writer(name: str) -> Writer:
    def write(path: Path) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            getattr(readwrite, f"write_{name}")(_map(), path)

    return write


FORMAT_SUFFIX = {name: f.suffixes[0] for name, f in FORMATS.items()}
WRITERS: dict[str, tuple[Writer, str]] = {
    f"write_{name}": (_format_writer(name), FORMAT_SUFFIX[name])
    for name in (n.removeprefix("write_") for n in readwrite.__all__ if n.startswith("write_"))
}
WRITERS["argmap.write"] = (lambda path: argmap.write(_map(), path), ".json")
WRITERS["argmap.draw dot"] = (lambda path: argmap.draw(_map(), path) and None, ".dot")
WRITERS["argmap.draw svg"] = (lambda path: argmap.draw(_map(), path) and None, ".svg")
WRITERS["write_html"] = (lambda path: page_html.write_html(_map(), path, svg="<svg/>"), ".html")
WRITERS["write_af"] = (
    lambda path: argmap.files.write_af(iccma.parse_apx("arg(a).arg(b).att(a,b)."), path),
    ".apx",
)
NEEDS_ENGINE = {"argmap.draw svg"}
COMPANIONS = {"write_brat": ".txt"}  # writers of two files: the other file's suffix


def _half_then_raise(gen: Callable[..., Iterator[str]]) -> Callable[..., Iterator[str]]:
    def broken(*args: Any, **kwargs: Any) -> Iterator[str]:
        lines = list(gen(*args, **kwargs))
        yield from lines[: len(lines) // 2]
        raise RuntimeError("serialiser failed half-way")

    return broken


def _unserialisable_at_the_end(make: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    def broken(*args: Any, **kwargs: Any) -> dict[str, Any]:
        return {**make(*args, **kwargs), "zz-not-json": object()}

    return broken


def break_serialiser(name: str, monkeypatch: pytest.MonkeyPatch) -> type[Exception]:
    """Make the serialiser behind writer ``name`` fail after it started; return the error expected."""
    short = name.removeprefix("write_")
    if name == "argmap.write":
        short = "native"
    module = getattr(readwrite, short, None)
    if name.startswith("argmap.draw"):
        monkeypatch.setattr(
            argmap.render, "to_dot", lambda *a, **k: (_ for _ in ()).throw(RenderError("midway"))
        )
        monkeypatch.setattr(
            argmap.render, "run_dot", lambda *a, **k: (_ for _ in ()).throw(RenderError("midway"))
        )
        return RenderError
    if name == "write_html":
        monkeypatch.setattr(page_html, "html_page", lambda *a, **k: 1 / 0)
        return ZeroDivisionError
    if name == "write_brat":  # both files are made before either is written
        monkeypatch.setattr(readwrite.brat, "_brat", lambda m: 1 / 0)
        return ZeroDivisionError
    if name == "write_af":
        monkeypatch.setattr(iccma, "generate_apx", lambda af: 1 / 0)
        return ZeroDivisionError
    assert module is not None
    if hasattr(module, f"{short}_data"):
        monkeypatch.setattr(
            module, f"{short}_data", _unserialisable_at_the_end(getattr(module, f"{short}_data"))
        )
        return TypeError
    monkeypatch.setattr(module, f"generate_{short}", _half_then_raise(getattr(module, f"generate_{short}")))
    return RuntimeError


def _need_engine(name: str) -> None:
    if name in NEEDS_ENGINE and not argmap.render.backend.graphviz_available():
        pytest.skip("no Graphviz engine installed")


def _targets(name: str, target: Path) -> set[Path]:
    """The files writer ``name`` writes when told ``target``."""
    return {target} | ({target.with_suffix(COMPANIONS[name])} if name in COMPANIONS else set())


def _left_over(folder: Path, targets: set[Path]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p not in targets)


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_writer_renames_a_temporary_file_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    _need_engine(name)
    write, suffix = WRITERS[name]
    target = tmp_path / f"out{suffix}"
    target.write_bytes(OLD)
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        renames.append((os.fspath(src), os.fspath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(_io.os, "replace", spy)
    write(target)
    targets = _targets(name, target)
    assert sorted(dst for _, dst in renames) == sorted(map(os.fspath, targets))
    assert all(Path(src).parent == tmp_path and Path(src) not in targets for src, _ in renames)
    assert target.read_bytes() not in (OLD, b"")
    assert _left_over(tmp_path, targets) == []


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_failing_serialiser_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    _need_engine(name)
    write, suffix = WRITERS[name]
    target = tmp_path / f"out{suffix}"
    targets = _targets(name, target)
    for path in targets:
        path.write_bytes(OLD)
    expected = break_serialiser(name, monkeypatch)
    with pytest.raises(expected):
        write(target)
    assert all(path.read_bytes() == OLD for path in targets)
    assert _left_over(tmp_path, targets) == []


class _FullDisk(io.FileIO):
    """A file that takes half of what is written, then fails as a full disk does."""

    def write(self, data: Any) -> int:
        super().write(bytes(data)[: max(1, len(data) // 2)])
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_full_disk_half_way_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    _need_engine(name)
    write, suffix = WRITERS[name]
    target = tmp_path / f"out{suffix}"
    targets = _targets(name, target)
    for path in targets:
        path.write_bytes(OLD)
    written: list[str] = []

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> io.FileIO:
        written.append(mode)
        return _FullDisk(fd, "wb")

    monkeypatch.setattr(_io.os, "fdopen", fdopen)
    with pytest.raises(OSError, match="No space left"):
        write(target)
    assert written == ["wb"]
    assert all(path.read_bytes() == OLD for path in targets)
    assert _left_over(tmp_path, targets) == []


def test_a_new_file_is_not_created_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "new.json"
    break_serialiser("write_native", monkeypatch)
    with pytest.raises(TypeError):
        readwrite.write_native(_map(), target)
    assert list(tmp_path.iterdir()) == []


def test_the_written_file_keeps_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "map.json"
    readwrite.write_native(_map(), target)
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_cli_output_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "map.json"
    readwrite.write_native(_map(), source)
    target = tmp_path / "form.txt"
    target.write_bytes(OLD)
    monkeypatch.setattr(_io.os, "fdopen", lambda fd, mode="r", *a, **k: _FullDisk(fd, "wb"))
    assert cli.main(["standard-form", str(source), "-o", str(target)]) == 1
    assert target.read_bytes() == OLD
    assert _left_over(tmp_path, {target}) == [source.name]
