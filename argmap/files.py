"""Read and write any format argmap knows, by name, file suffix or content.

Every format is an entry of :data:`argmap.formats.FORMATS`. :func:`read`
trusts a suffix that names one map format and otherwise looks at the content
(:func:`argmap.readwrite.detect.sniff`); :func:`write` goes by the suffix
alone, and writes drawings (``.svg``, ``.png``, ``.pdf``, ``.dot``) through
:mod:`argmap.render`. :func:`read_af` and :func:`write_af` do the same for the
ICCMA formats of abstract argumentation frameworks.

A folder is converted by :func:`plan_folder`, which names one output per
input and makes sure that no output overwrites an input and no two inputs
share an output (``x.aif.json`` and ``x.sadface.json`` become
``x.aif.graphml`` and ``x.sadface.graphml``, not one ``x.graphml``).

Examples
--------
>>> output_name("corpus/nodeset10.json", "graphml"), output_name("a.aif.json", "native")
('nodeset10.graphml', 'a.json')
"""

from __future__ import annotations

import errno
import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from argmap.exceptions import FormatError
from argmap.formats import FORMATS, GENERIC_SUFFIXES, Format, Holds, format_of_name, match_suffix
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.analysis.semantics import AF

__all__ = [
    "Planned",
    "convert",
    "files_to_convert",
    "output_name",
    "plan_folder",
    "read",
    "read_af",
    "write",
    "write_af",
]


def _function(path: str) -> Callable[..., Any]:
    module, _, name = path.partition(":")
    try:
        loaded = importlib.import_module(module)
    except ImportError as exc:
        raise FormatError(f"{module} is not available in this installation: {exc}") from None
    func: Callable[..., Any] = getattr(loaded, name)
    return func


def _named(format: str, holds: Holds, verb: str) -> Format:
    found = FORMATS.get(format)
    able = [f.name for f in FORMATS.values() if f.holds == holds and getattr(f, verb) is not None]
    if found is None or found.name not in able:
        raise FormatError(
            f"unknown format {format!r} to {verb[:-2]}; choose one of {', '.join(sorted(able))}"
        )
    return found


def _told(path: str | os.PathLike[str], holds: Holds, verb: str, *, sniffing: bool) -> Format:
    found = match_suffix(path, holds)
    telling = found is not None and (not sniffing or found[1] not in GENERIC_SUFFIXES)
    if found is not None and telling and getattr(found[0], verb) is not None:
        return found[0]
    if sniffing:
        from argmap._io import read_text
        from argmap.readwrite.detect import sniff

        try:
            sniffed = sniff(read_text(path))
        except FormatError as exc:
            raise FormatError(f"{os.fspath(path)}: {exc}") from None
        if sniffed is not None:
            return FORMATS[sniffed]
    able = [f.name for f in FORMATS.values() if f.holds == holds and getattr(f, verb) is not None]
    suffix = Path(path).suffix.lower() or "(none)"
    if verb == "reader":
        how = "and the content match no readable format" if sniffing else "names no format to read"
        raise FormatError(
            f"cannot tell the format of {os.fspath(path)!r}: the suffix {suffix!r} {how}; pass "
            f"format= one of {', '.join(sorted(able))}"
        )
    suffixes = ", ".join(FORMATS[name].suffixes[0] for name in able)
    raise FormatError(
        f"cannot tell which format to write for {os.fspath(path)!r}; use a suffix such as {suffixes} "
        "or pass format="
    )


def read(path: str | os.PathLike[str], *, format: str | None = None) -> ArgumentMap:
    """Read a map, telling the format from the file's suffix and content.

    A suffix that names one format (``.aif.json``, ``.graphml``, ...) is
    trusted; a generic one (``.json``, ``.xml``, ``.txt``) or an unknown one
    leads to a look at the content.

    Raises :class:`~argmap.exceptions.FormatError` when the format cannot be
    told (the message lists what was tried) or the file does not follow it.
    """
    f = _named(format, "map", "reader") if format else _told(path, "map", "reader", sniffing=True)
    assert f.reader is not None
    m: ArgumentMap = _function(f.reader)(path)
    return m


def write(m: ArgumentMap, path: str | os.PathLike[str], *, format: str | None = None) -> None:
    """Write a map in ``format``, or the map or drawing format the suffix names (``.json`` is argmap's own).

    OVA files get the node positions of the Graphviz layout when Graphviz runs and the map has at
    most :data:`argmap.render.layout.LAYOUT_LIMIT` nodes.

    Raises :class:`~argmap.exceptions.FormatError` when the suffix names no format.
    """
    if format:
        f = FORMATS.get(format)
        if f is None or f.holds == "af":
            f = _named(format, "map", "writer")
    else:
        found = match_suffix(path, "map") or match_suffix(path, "drawing")
        f = found[0] if found is not None else _told(path, "map", "writer", sniffing=False)
    assert f.writer is not None
    if f.holds == "drawing":
        _function(f.writer)(m, path, format=f.name)
    elif f.name == "ova":
        _function(f.writer)(m, path, positions=_positions(m))
    else:
        _function(f.writer)(m, path)


def _positions(m: ArgumentMap) -> dict[str, tuple[float, float]] | None:
    """Return the nodes' places in the Graphviz layout for OVA, or None (too large or no Graphviz)."""
    from argmap.exceptions import ArgmapError
    from argmap.render.backend import graphviz_available
    from argmap.render.layout import LAYOUT_LIMIT, layout_positions

    if len(m) > LAYOUT_LIMIT or not graphviz_available():
        return None
    try:
        return layout_positions(m)
    except ArgmapError:  # a failing engine: OVA's writer lays the nodes out in layers
        return None


def read_af(path: str | os.PathLike[str], *, format: str | None = None) -> AF:
    """Read an abstract argumentation framework (APX, TGF or i23, by ``format`` or the suffix)."""
    f = _named(format, "af", "reader") if format else _told(path, "af", "reader", sniffing=False)
    assert f.reader is not None
    af: AF = _function(f.reader)(path)
    return af


def write_af(af: AF, path: str | os.PathLike[str], *, format: str | None = None) -> None:
    """Write an abstract argumentation framework (APX, TGF or i23, by ``format`` or the suffix)."""
    f = _named(format, "af", "writer") if format else _told(path, "af", "writer", sniffing=False)
    assert f.writer is not None
    _function(f.writer)(af, path)


def convert(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    source_format: str | None = None,
    target_format: str | None = None,
) -> ArgumentMap:
    """Read ``source`` and write it to ``target``, each format told as :func:`read` and :func:`write` do.

    Returns the map read. Raises :class:`FileExistsError` when ``target`` (or,
    for BRAT, the ``.txt`` beside it) is ``source`` itself (or a link to it): a
    conversion never overwrites its input.
    """
    brat = (target_format or format_of_name(target, holds="map")) == "brat"
    beside = [Path(target).with_suffix(".txt")] if brat else []
    if any(_same_file(source, t) for t in [target, *beside]):
        raise FileExistsError(errno.EEXIST, "the output would overwrite the input", os.fspath(target))
    m = read(source, format=source_format)
    write(m, target, format=target_format)
    return m


def files_to_convert(folder: str | os.PathLike[str], source_format: str | None = None) -> list[Path]:
    """Return the files under ``folder`` that :func:`read` may read, sorted.

    Hidden files are skipped, and so are ``.txt`` files beside a ``.json`` or
    ``.ann`` of the same name (AIFdb's source texts, BRAT's annotated texts) or
    not starting like a Kialo export.
    With ``source_format``, only files whose suffix fits that format are kept.
    """
    suffixes = _named(source_format, "map", "reader").suffixes if source_format else None
    out: list[Path] = []
    for path in sorted(Path(folder).rglob("*")):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        name = path.name.lower()
        if suffixes is not None:
            wanted = name.endswith(suffixes)
        else:
            found = match_suffix(path, "map")
            wanted = found is not None and found[0].reader is not None
        if not wanted:
            continue
        side_text = name.endswith(".txt") and not name.endswith(".kialo.txt") and source_format != "kialo"
        if side_text and (
            path.with_suffix(".json").exists()
            or path.with_suffix(".ann").exists()
            or not _looks_like_kialo(path)
        ):
            continue
        out.append(path)
    return out


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


class Planned(NamedTuple):
    """One input of a folder conversion: where it goes, and why that is not the usual name.

    ``target`` is None when the input is skipped; ``note`` then says why. A
    ``note`` beside a target explains a name other than :func:`output_name`'s.
    """

    source: Path
    target: Path | None
    note: str


def plan_folder(
    folder: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    target_format: str,
    *,
    source_format: str | None = None,
) -> list[Planned]:
    """Return the conversions of the files under ``folder`` into ``out_dir``, in input order.

    Each input goes to the same relative folder under ``out_dir`` with the
    name :func:`output_name` gives, unless that name is taken:

    - inputs whose names collide keep their format suffix (``x.aif.json`` to
      ``x.aif.graphml``), then their whole name (``x.aif.json.graphml``),
      then a number (``x-2.graphml``);
    - an input whose output would overwrite a file of ``folder`` (itself or
      another input, as when ``out_dir`` is ``folder``) is skipped.

    Files already under ``out_dir`` are not inputs when ``out_dir`` lies in
    ``folder`` (a second run does not convert the first run's output).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     for name in ("x.aif.json", "x.sadface.json", "y.graphml"):
    ...         _ = (Path(d) / name).write_text("{}")
    ...     [(p.source.name, p.target and p.target.name) for p in plan_folder(d, d, "graphml")]
    [('x.aif.json', 'x.aif.graphml'), ('x.sadface.json', 'x.sadface.graphml'), ('y.graphml', None)]
    """
    root = Path(folder)
    out = Path(out_dir)
    out_real = os.path.realpath(out)
    files = [
        p
        for p in files_to_convert(root, source_format)
        if not (out_real != os.path.realpath(root) and _inside(p, out_real))
    ]
    protected = {os.path.normcase(os.path.realpath(p)) for p in root.rglob("*") if p.is_file()}

    def key(p: Path) -> str:
        return os.path.normcase(os.path.realpath(p))

    wanted = {src: out / src.relative_to(root).parent / output_name(src, target_format) for src in files}
    by_target: dict[str, list[Path]] = {}
    for src, target in wanted.items():
        by_target.setdefault(key(target), []).append(src)
    taken = {k for k, srcs in by_target.items() if len(srcs) == 1}
    suffix = _writer_format(target_format).suffixes[0]
    chosen: dict[Path, tuple[Path, str]] = {}
    for srcs in by_target.values():
        if len(srcs) == 1:
            chosen[srcs[0]] = (wanted[srcs[0]], "")
            continue
        others = ", ".join(s.name for s in srcs)
        for src in srcs:
            folder_out = wanted[src].parent
            candidates = [Path(src.name).stem + suffix, src.name + suffix]
            candidates += [
                f"{Path(wanted[src].name).name.removesuffix(suffix)}-{i}{suffix}" for i in range(2, 1000)
            ]
            for name in candidates:
                target = folder_out / name
                if key(target) not in taken and key(target) not in protected:
                    break
            taken.add(key(target))
            chosen[src] = (target, f"{others} would all become {wanted[src].name}; written as {target.name}")
    plan: list[Planned] = []
    for src in files:
        target, note = chosen[src]
        clash = [t for t in [target, *_beside(target, target_format)] if key(t) in protected]
        if clash:
            what = "its own input" if key(clash[0]) == key(src) else "an input file"
            plan.append(Planned(src, None, f"not converted: {clash[0]} would overwrite {what}"))
        else:
            plan.append(Planned(src, target, note))
    return plan


def _beside(target: Path, target_format: str) -> list[Path]:
    """Return the files written beside ``target`` (the text of a BRAT annotation)."""
    return [target.with_suffix(".txt")] if _writer_format(target_format).name == "brat" else []


def _inside(path: Path, folder_real: str) -> bool:
    return os.path.realpath(path).startswith(folder_real.rstrip(os.sep) + os.sep)


def _writer_format(target_format: str) -> Format:
    f = FORMATS.get(target_format)
    if f is None or f.writer is None or f.holds == "af":
        f = _named(target_format, "map", "writer")
    return f


def _looks_like_kialo(path: Path) -> bool:
    from argmap.readwrite.detect import sniff

    with path.open("rb") as fh:
        head = fh.read(64).decode("utf-8", "replace")
    return sniff(head) == "kialo"


def output_name(path: str | os.PathLike[str], target_format: str) -> str:
    """Return the file name :func:`convert` gives ``path`` in ``target_format``."""
    f = _writer_format(target_format)
    name = Path(path).name
    found = match_suffix(name)
    stem = name[: -len(found[1])] if found else Path(name).stem
    return stem + f.suffixes[0]
