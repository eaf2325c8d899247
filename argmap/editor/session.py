"""The file an editor has open, and what the page shows of a text: the map, the problems, the quotes.

Nothing here knows of the web server: :class:`EditedFile` reads and writes the one file (and reads
the ``.txt`` beside it), and :func:`analyse` turns Argdown text into the JSON-ready picture the page
draws. Both run in worker threads of :mod:`argmap.editor.server`.

Examples
--------
>>> text = "[Rain]: It will rain.\\n  + [Forecast]: The forecast says so."
>>> shown = analyse(text, draw=False)
>>> shown["error"], shown["claims"]["forecast"]["line"]
(None, 2)
>>> analyse("[A]: x\\n  + \\\\", draw=False)["error"]["line"]
2
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import warnings
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from argmap._io import atomic_write, read_bytes, read_side_text, read_text
from argmap.analysis.structure import check
from argmap.exceptions import ArgmapError, FormatError, ParseError
from argmap.formats import FORMATS, GENERIC_SUFFIXES, match_suffix
from argmap.model import ArgumentMap, slugify
from argmap.page.html import source_segments
from argmap.readwrite.argdown import generate_argdown, parse_argdown

__all__ = ["STARTER", "EditedFile", "analyse", "claim_lines", "new_statement", "source_edit"]

STARTER: Final = """# {title}

[Thesis]: The claim the text argues for.
  + [Reason]: A reason given for it.
  - [Objection]: An objection to it.
"""
"""The text of a file that ``argmap edit`` creates."""

_TITLE: Final = re.compile(r"\[((?:[^\]\\\n]|\\.)+)\]")
_SVG_PROLOG: Final = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)


def version_of(data: bytes) -> str:
    """Return the version the page and the server compare: a hash of the file's bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def claim_lines(text: str, m: ArgumentMap) -> dict[str, int]:
    """Return the 1-based line of each claim's definition in the Argdown ``text``.

    A claim is found by its title (``[Title]:`` before a mere mention ``[Title]``), and an
    untitled one by its text; claims found nowhere are left out.

    >>> m = parse_argdown("[A]: Apples.\\n  + [B]: Bananas.\\n\\n[A]\\n  - Cherries.")
    >>> claim_lines("[A]: Apples.\\n  + [B]: Bananas.\\n\\n[A]\\n  - Cherries.", m)
    {'a': 1, 'b': 2, 'cherries': 5}
    """
    lines = text.split("\n")
    defined: dict[str, int] = {}
    mentioned: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        for match in _TITLE.finditer(line):
            slug = slugify(match.group(1).replace("\\", ""))
            is_definition = line[match.end() : match.end() + 1] == ":"
            (defined if is_definition else mentioned).setdefault(slug, number)
    titles: dict[str, str] = {}
    for c in m.claims():
        title = (m[c].get("meta") or {}).get("argdown", {}).get("title")
        titles[c] = slugify(title) if isinstance(title, str) else c
    out: dict[str, int] = {}
    for c, slug in titles.items():
        line_no = defined.get(slug) or mentioned.get(slug)
        if line_no is None:
            needle = str(m[c].get("text", ""))[:60]
            line_no = next((i for i, line in enumerate(lines, 1) if needle and needle in line), None)
        if line_no is not None:
            out[c] = line_no
    return out


def new_statement(taken: Iterable[str], source: str, start: int, end: int, *, span: bool = True) -> str:
    """Return an Argdown line defining a new claim that quotes ``source[start:end]``.

    The claim's title is made of the quote's first words, and its id (a slug of the title) is
    none of ``taken``. Without ``span`` the line carries the quote alone.

    >>> print(new_statement({"it-rains-today"}, "So it rains [today].", 3, 20))
    [It rains today 2]: it rains \\[today]. {quote: "it rains [today].", span: [3, 20]}
    """
    if not 0 <= start < end <= len(source):
        raise FormatError(f"no passage from {start} to {end} in a source text of {len(source)} characters")
    quote = source[start:end]
    text = " ".join(quote.split())
    taken = set(taken)
    words = re.sub(r"[^\w\s'-]", " ", text).split()[:6]
    title = " ".join(words).capitalize() or "Quote"
    base, n = title, 2
    while slugify(title) in taken:
        title, n = f"{base} {n}", n + 1
    one = ArgumentMap(source=source)
    one.claim(text or quote, id=slugify(title), quote=quote, span=(start, end) if span else None)
    one[slugify(title)].setdefault("meta", {})["argdown"] = {"title": title}
    written = "".join(generate_argdown(one))
    return next(x for x in written.split("\n") if x.startswith("["))


_FRONT: Final = re.compile(r"^===[ \t]*$")
_ARGMAP_KEY: Final = re.compile(r"""^\s*["']?argmap["']?\s*:""")


def source_edit(text: str, source: str) -> tuple[int, str] | None:
    r"""Return where and what to insert so that Argdown ``text`` holds ``source`` as the map's source.

    The answer is ``(line, lines)``: insert ``lines`` before the 1-based ``line``. A document
    without front matter gets one; front matter without an ``argmap`` key gets that key. None when
    the front matter has an ``argmap`` key already (it cannot be merged line by line).

    >>> source_edit("[A]: x", "It rains.")
    (1, '===\n"argmap": {"source": "It rains."}\n===\n\n')
    >>> source_edit("===\ntitle: T\n===\n[A]: x", "It rains.")
    (2, '"argmap": {"source": "It rains."}\n')
    >>> source_edit('===\nargmap: {}\n===\n[A]: x', "It rains.") is None
    True
    """
    key = '"argmap": ' + json.dumps({"source": source}, ensure_ascii=False) + "\n"
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _FRONT.match(lines[first]):
        return 1, f"===\n{key}===\n\n"
    for line in lines[first + 1 :]:
        if _FRONT.match(line):
            break
        if _ARGMAP_KEY.match(line):
            return None
    return first + 2, key


def _line_of(m: ArgumentMap, node: str, lines: dict[str, int]) -> int | None:
    """The line of a claim, or of the first claim an inference or conflict joins."""
    if node in lines:
        return lines[node]
    if node not in m.graph:
        return None
    near = [*m.graph.successors(node), *m.graph.predecessors(node)]
    return min((lines[c] for c in near if c in lines), default=None)


_DRAWING: Final = ThreadPoolExecutor(2, thread_name_prefix="argmap-edit-draw")
_WARNINGS_LOCK: Final = threading.Lock()


def _draw(m: ArgumentMap, layout: tuple[str, int] | None) -> tuple[list[Any], str]:
    """Lay the map out; return the layout and the engine's SVG without its prolog.

    The SVG is not passed through :func:`argmap.render.svg.finish`: the page centres the lines of
    each box and names the fonts itself (re-serialising the XML here would cost more than a
    hundred milliseconds a keystroke on a 300-claim map).
    """
    from argmap.render import choose_layout, diagram
    from argmap.render.backend import run_dot
    from argmap.render.style import Style

    if layout is None:
        layout = choose_layout(m, Style())
    d = diagram(m, rankdir=layout[0], wrap=layout[1], timeout=20.0)
    svg = run_dot(d.source, "svg", engine=d.engine, timeout=d.timeout).decode("utf-8")
    return list(layout), _SVG_PROLOG.sub("", svg, count=1)


def _problem(level: str, message: str, line: int | None, col: int | None = None) -> dict[str, Any]:
    return {"level": level, "message": message, "line": line, "col": col}


def analyse(
    text: str,
    *,
    side_text: str | None = None,
    layout: tuple[str, int] | None = None,
    draw: bool = True,
) -> dict[str, Any]:
    """Parse Argdown ``text`` and return what the page shows, ready for JSON.

    Parameters
    ----------
    text : str
        The Argdown document.
    side_text : str, optional
        The source text beside the file, used when the map has no ``source`` of its own.
    layout : (rankdir, wrap), optional
        The drawing's direction and line width; by default :func:`argmap.render.diagram` chooses.
    draw : bool
        Draw the SVG (needs Graphviz); without it ``svg`` is None.

    Returns
    -------
    dict
        ``error`` (None, or ``{"line", "col", "message"}`` of the syntax error: then nothing else is
        filled in), ``svg``, ``problems`` (``check`` findings and warnings, each with ``level``,
        ``message`` and ``line``), ``claims`` (id to ``line``, ``text`` and ``span``),
        ``own_source`` (whether the text holds its source: otherwise ``source`` is ``side_text``),
        ``source`` and ``segments`` (:func:`argmap.page.html.source_segments`), ``layout``.
    """
    out: dict[str, Any] = {"error": None, "svg": None, "problems": [], "claims": {}, "source": None}
    out["segments"] = []
    out["own_source"] = False
    out["layout"] = list(layout) if layout else None
    # catch_warnings swaps process-wide state: one thread at a time
    with _WARNINGS_LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            m = parse_argdown(text)
        except ParseError as exc:
            out["error"] = {"line": exc.lineno, "col": exc.colno, "message": exc.msg}
            return out
        except ArgmapError as exc:
            out["error"] = {"line": 1, "col": 1, "message": str(exc)}
            return out
    out["own_source"] = m.source is not None
    if m.source is None and side_text is not None:
        m.source = side_text
    # the engine runs while the rest is worked out; the map is only read from here on
    drawing = _DRAWING.submit(_draw, m, layout) if draw else None
    lines = claim_lines(text, m)
    problems = [_problem("warning", str(w.message), None) for w in caught]
    for f in check(m):
        problems.append(_problem(f.level, f"{f.node}: {f.message}", _line_of(m, f.node, lines)))
    out["problems"] = problems
    out["claims"] = {
        c: {
            "line": lines.get(c),
            "text": m[c]["text"],
            "span": list(m[c]["span"]) if m[c].get("span") else None,
        }
        for c in m.claims()
    }
    out["source"] = m.source
    out["segments"] = [[piece, list(ids)] for piece, ids in source_segments(m)]
    if drawing is not None:
        try:
            out["layout"], out["svg"] = drawing.result()
        except ArgmapError as exc:
            out["error"] = {"line": None, "col": None, "message": f"the map cannot be drawn: {exc}"}
    return out


@dataclass
class EditedFile:
    """The one file an editor reads and writes, with the ``.txt`` source text beside it.

    An ``.argdown`` (or ``.ad``) file is edited as it is; a file in another map format is shown
    as Argdown (:func:`~argmap.readwrite.argdown.generate_argdown`) and saved back in its own
    format. ``version`` is a hash of the bytes last read or written.

    Parameters
    ----------
    path : str or PathLike
        The file; a missing one is created (with :data:`STARTER`) by :meth:`create`.
    """

    path: Path
    format: str = field(init=False)
    version: str = field(init=False, default="")

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(os.path.abspath(path))
        self.version = ""
        found = match_suffix(self.path, "map")
        if found is not None and found[0].name == "argdown":
            self.format = "argdown"
        elif found is not None and (found[1] not in GENERIC_SUFFIXES or not self.path.is_file()):
            self.format = found[0].name
        elif self.path.is_file():
            from argmap.readwrite.detect import sniff

            sniffed = sniff(read_text(self.path))
            if sniffed is None:
                raise FormatError(f"cannot tell the format of {self.path}")
            self.format = sniffed
        else:
            raise FormatError(f"cannot tell which map format {self.path.name} should be: use .argdown")
        spec = FORMATS[self.format]
        if spec.holds != "map" or spec.reader is None or spec.writer is None:
            raise FormatError(f"argmap edit cannot read and write {self.format} files")

    @property
    def side_path(self) -> Path:
        """The source text beside the file: the same name with ``.txt``."""
        return self.path.with_suffix(".txt")

    def create(self) -> bool:
        """Create the file with :data:`STARTER` if it is missing; return whether it was created."""
        if self.path.exists():
            return False
        title = self.path.name.split(".")[0].replace("_", " ").replace("-", " ").strip() or "Argument map"
        self.save(STARTER.format(title=title.capitalize()))
        return True

    def load(self) -> str:
        """Return the file as Argdown text and note its version."""
        data = read_bytes(self.path)
        self.version = version_of(data)
        if self.format == "argdown":
            return read_text(self.path)
        from argmap.files import read

        return "".join(generate_argdown(read(self.path, format=self.format)))

    def disk_version(self) -> str | None:
        """Return the version of the file as it is on disk now (None when it is gone)."""
        try:
            return version_of(read_bytes(self.path))
        except FileNotFoundError:
            return None

    def save(self, text: str) -> str:
        """Write Argdown ``text`` to the file atomically, in the file's format; return the new version.

        Raises
        ------
        ArgdownSyntaxError
            When the file is not Argdown and ``text`` does not parse (Argdown is saved as it is).
        """
        if self.format == "argdown":
            atomic_write(self.path, text)
        else:
            from argmap.files import write

            write(parse_argdown(text), self.path, format=self.format)
        self.version = version_of(read_bytes(self.path))
        return self.version

    def side_text(self) -> str | None:
        """Return the ``.txt`` source text beside the file, or None."""
        return read_side_text(self.path)
