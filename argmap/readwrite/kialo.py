"""Kialo's plain-text export: a numbered outline of pros and cons.

::

    Discussion Title: Should we take an umbrella?

    1. Take an umbrella.
    1.1. Pro: It will rain.
    1.1.1. Con: The forecast is often wrong
    about rain.
    1.2. Pro: -> See 1.1.1.

Each numbered line is a claim whose id is its number without the last dot
(``"1.1"``); its text runs on until the next numbered line. ``Pro`` becomes a
support of the parent (relation id ``s`` + number), ``Con`` an attack (``a`` +
number) and a line without a stance a rephrase (``r`` + number); spaces or tabs
may stand between the number and the stance. ``-> See 1.1.`` reuses the claim
numbered ``1.1`` (before or after the link) instead of adding one. A backslash
before an ASCII punctuation character is removed on reading (Markdown's
escapes, as Kialo writes them).

Writing numbers the claims depth-first from the claims that are no premise of
anything, and escapes ``[]()\\`` and a text that would read as a link
(``\\-> See 1.``) or a stance (``Pro\\: ...``). Kialo cannot hold linked
premises beyond the first, undercuts, attack types, a source text, white space
around a claim's lines, or a claim's quote, span, speaker, implicit and thesis
flags, tags, section and metadata; these are left out with a
:class:`~argmap.exceptions.LossyConversionWarning`.

Examples
--------
>>> m = parse_kialo("Discussion Title: T\\n\\n1. Take an umbrella.\\n1.1. Pro: It will\\nrain.\\n")
>>> m.premises("s1.1"), m["1.1"]["text"]
(('1.1',), 'It will\\nrain.')
>>> print("".join(generate_kialo(m)), end="")
Discussion Title: T
<BLANKLINE>
1. Take an umbrella.
1.1. Pro: It will
rain.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any, Final

from argmap._io import PathOrFile, atomic_write, read_text
from argmap.exceptions import LossyConversionWarning, ParseError
from argmap.model import CLAIM, CONFLICT, INFERENCE, REPHRASE, ArgumentMap
from argmap.readwrite._schema import unheld
from argmap.schema import default_attack_type, from_records

__all__ = ["generate_kialo", "parse_kialo", "read_kialo", "write_kialo"]

_TITLE: Final = re.compile(r"Discussion Title: ?(.*)")
_LINE: Final = re.compile(r"^((?:\d+\.)+)[ \t]+(?:(Pro|Con):(?:[ \t]+|$))?(.*)$")
_SEE: Final = re.compile(r"^-> ?See ((?:\d+\.)+)\s*$")
_UNESCAPE: Final = re.compile(r"\\([!-/:-@\[-`{-~])")
_ESCAPE: Final = re.compile(r"([\[\]()\\])")
_LEADING: Final = re.compile(r"^(?:(-)>|(Pro|Con)(:))")
_PREFIX: Final = {INFERENCE: "s", CONFLICT: "a", REPHRASE: "r"}
_STANCE: Final = {INFERENCE: "Pro: ", CONFLICT: "Con: ", REPHRASE: ""}
_KIND: Final = {"Pro": INFERENCE, "Con": CONFLICT, None: REPHRASE}


def parse_kialo(text: str) -> ArgumentMap:
    """Build a map from the text of a Kialo export.

    Raises :class:`~argmap.exceptions.ParseError` (with line and column) on a
    line that breaks the outline: a number whose parent is missing, a number
    used twice (naming both lines), a claim without text, or a ``-> See`` link
    to a number that is no claim. A link that makes a claim argue for itself
    is kept aside (see :func:`argmap.schema.from_records`).
    """
    lines = text.split("\n")
    title = None
    i = 0
    if lines and (t := _TITLE.fullmatch(lines[0].rstrip())):
        title = t[1].strip() or None
        i = 1
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    entries: list[tuple[str, str | None, list[str], int]] = []
    for j in range(i, len(lines)):
        line = lines[j]
        if found := _LINE.match(line):
            entries.append((found[1], found[2], [found[3]], offsets[j]))
        elif entries:
            entries[-1][2].append(line.strip())
        elif line.strip():
            raise ParseError("expected a numbered line such as '1. Thesis'", text, offsets[j])
    claims: dict[str, int] = {}
    numbers: dict[str, int] = {}
    nodes: list[dict[str, Any]] = []
    where: list[int] = []
    edges: list[tuple[str, str]] = []
    links: list[tuple[str, str, int]] = []
    for number, stance, parts, pos in entries:
        body = "\n".join(parts).strip()
        node = number[:-1]
        parent = node.rpartition(".")[0]
        see = _SEE.match(body)
        if node in numbers:
            lines_ = f"lines {_line(text, numbers[node])} and {_line(text, pos)}"
            raise ParseError(f"number {number} is used twice ({lines_})", text, pos)
        numbers[node] = pos
        if see:
            claim = see[1][:-1]
            links.append((node, claim, pos))
        else:
            if not body:
                raise ParseError(f"claim {number} has no text", text, pos)
            claim = node
            claims[node] = pos
            nodes.append({"id": node, "kind": CLAIM, "text": _UNESCAPE.sub(r"\1", body)})
            where.append(pos)
        if not parent:
            if stance or see:
                raise ParseError(f"a top-level claim ({number}) has no parent to argue for", text, pos)
            continue
        if parent not in claims:
            raise ParseError(f"claim {number} has no parent {parent}.", text, pos)
        kind = _KIND[stance]
        relation = f"{_PREFIX[kind]}{node}"
        nodes.append({"id": relation, "kind": kind})
        where.append(pos)
        edges += [(claim, relation), (relation, parent)]
    for _, claim, pos in links:
        if claim not in claims:
            raise ParseError(f"'-> See {claim}.' names no claim", text, pos)
    graph = {"title": title}
    return ArgumentMap(
        graph=from_records(graph, nodes, edges, where=lambda k: f"line {_line(text, where[k])}", lenient=True)
    )


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _escape(text: str) -> list[str]:
    out = []
    escaped = _LEADING.sub(lambda g: f"\\-{'>'}" if g[1] else f"{g[2]}\\:", _ESCAPE.sub(r"\\\1", text))
    for k, line in enumerate(escaped.split("\n")):
        out.append(" " + line if k and (_LINE.match(line) or _TITLE.fullmatch(line)) else line)
    return out


_DROPPED: Final = {
    "claim": ("quote", "span", "passages", "speaker", "implicit", "thesis", "tags", "section", "meta"),
    "inference": ("scheme", "meta"),
    "conflict": ("meta",),
    "rephrase": ("meta",),
    "map": ("meta",),
}


def generate_kialo(m: ArgumentMap) -> Iterator[str]:
    """Yield the map as a Kialo export, line by line (each with its newline)."""
    G = m.graph
    lossy: list[str] = []
    children: dict[str, list[tuple[str, str]]] = {c: [] for c in m.claims()}
    for r in m.relations():
        kind = m.kind(r)
        target = m.conclusion(r)
        sources = m.premises(r)
        if m.kind(target) != "claim":
            lossy.append(f"undercut {r}")
            continue
        if len(sources) > 1:
            lossy.append(f"linked premises {', '.join(sources[1:])} of {r}")
        if kind == CONFLICT and G.nodes[r]["attack_type"] != default_attack_type(G, target):
            lossy.append(f"attack type of {r}")
        children[target].append((kind, sources[0]))
    has_parent = {s for kids in children.values() for _, s in kids}
    roots = [c for c in children if c not in has_parent] or list(children)[:1]
    number: dict[str, str] = {}
    spaced: list[str] = []
    title = re.sub(r"\s*[\r\n]+\s*", " ", m.title or "").strip()  # one line, as the reader strips it
    if title != (m.title or ""):
        lossy.append("white space in the title")
    yield f"Discussion Title: {title}\n" if title else "Discussion Title:\n"
    yield "\n"
    stack: list[tuple[str, str, str | None]] = [
        (r, f"{k}.", None) for k, r in reversed(list(enumerate(roots, 1)))
    ]
    while stack:
        claim, num, relation = stack.pop()
        stance = "" if relation is None else _STANCE[relation]
        if claim in number:
            yield f"{num} {stance}-> See {number[claim]}\n"
            continue
        number[claim] = num
        text = G.nodes[claim]["text"]
        if "\n".join(line.strip() for line in text.split("\n")).strip() != text:
            spaced.append(claim)
        lines = _escape(text)
        yield f"{num} {stance}{lines[0]}\n"
        for line in lines[1:]:
            yield f"{line}\n"
        kids = children[claim]
        stack.extend((s, f"{num}{k}.", kd) for k, (kd, s) in reversed(list(enumerate(kids, 1))))
    if spaced:
        more = f" and {len(spaced) - 3} more" if len(spaced) > 3 else ""
        lossy.append(f"white space around the lines of {', '.join(spaced[:3])}{more}")
    missing = [c for c in children if c not in number]
    if missing:
        lossy.append(f"claims in a cycle {', '.join(missing)}")
    if m.source is not None:
        lossy.append("the source text")
    lossy.extend(unheld(m, _DROPPED))
    if lossy:
        warnings.warn(
            f"Kialo's format cannot hold: {'; '.join(lossy)}; left out", LossyConversionWarning, stacklevel=2
        )


def read_kialo(source: PathOrFile) -> ArgumentMap:
    """Read a Kialo export (path or open file)."""
    return parse_kialo(read_text(source))


def write_kialo(m: ArgumentMap, target: PathOrFile) -> None:
    """Write the map as a Kialo export (atomically when ``target`` is a path)."""
    atomic_write(target, "".join(generate_kialo(m)))
