"""Argumentation frameworks in the ICCMA file formats: APX, TGF and i23.

- APX (ASPARTIX): facts ``arg(a).`` and ``att(a,b).``, one or more per line.
- TGF (trivial graph format): one argument per line, a line ``#``, then one
  attack ``a b`` per line.
- i23 (ICCMA 2023): a header ``p af N``, then one attack ``i j`` per line over
  arguments ``1..N``; lines starting with ``#`` are comments.

Syntax errors raise :class:`~argmap.exceptions.ParseError` with line and column.

Examples
--------
>>> af = parse_apx("arg(a). arg(b).\\natt(a,b).\\n")
>>> af.names, list(af.attacks())
(['a', 'b'], [('a', 'b')])
>>> parse_i23("p af 3\\n# query -> 2\\n1 2\\n2 3\\n").names
['1', '2', '3']
>>> generate_apx(af)
'arg(a).\\narg(b).\\natt(a,b).\\n'
"""

from __future__ import annotations

import re
from array import array
from typing import Final

from argmap._io import PathOrFile, atomic_write, read_text
from argmap.analysis.semantics import AF
from argmap.exceptions import ParseError

__all__ = [
    "generate_apx",
    "generate_i23",
    "generate_tgf",
    "parse_apx",
    "parse_i23",
    "parse_tgf",
    "read_apx",
    "read_i23",
    "read_tgf",
    "write_apx",
    "write_i23",
    "write_tgf",
]

_APX_FACT: Final = re.compile(r"\s*(arg|att)\s*\(\s*([^(),.\s]+)\s*(?:,\s*([^(),.\s]+)\s*)?\)\s*\.")
_WS_ONLY: Final = re.compile(r"\s*")
_I23_HEADER: Final = re.compile(r"p\s+af\s+([0-9]+)\s*$")
_I23_NUMBER: Final = re.compile(r"[0-9]+")
FREE_ARGUMENTS: Final = 2**20
"""How many arguments an i23 header may declare beyond one per byte of the file (isolated ones)."""


def _af(names: list[str], attacks: list[tuple[str, str]], text: str, where: list[int]) -> AF:
    index = {a: i for i, a in enumerate(names)}
    src = array("i")
    dst = array("i")
    for (a, b), pos in zip(attacks, where, strict=True):
        if a not in index or b not in index:
            missing = a if a not in index else b
            raise ParseError(f"attack names the undeclared argument {missing!r}", text, pos)
        src.append(index[a])
        dst.append(index[b])
    return AF.from_indices(len(names), src, dst, names)


def parse_apx(text: str) -> AF:
    """Parse ASPARTIX facts into an AF; arguments keep their order of declaration.

    Raises
    ------
    ParseError
        On text that is not a fact, an ``arg`` with two names, an ``att`` with
        one, a repeated ``arg`` or an attack on an undeclared argument.

    Examples
    --------
    >>> parse_apx("arg(a).\\natt(a,b).")
    Traceback (most recent call last):
    argmap.exceptions.ParseError: attack names the undeclared argument 'b' (at line 2, column 1)
    """
    names: list[str] = []
    seen: set[str] = set()
    attacks: list[tuple[str, str]] = []
    where: list[int] = []
    pos = 0
    end = len(text)
    while True:
        pos = _WS_ONLY.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("%", pos):  # a comment, to the end of the line
            nl = text.find("\n", pos)
            pos = end if nl == -1 else nl + 1
            continue
        if pos >= end:
            break
        fact = _APX_FACT.match(text, pos)
        if fact is None:
            raise ParseError("expected arg(NAME). or att(NAME,NAME).", text, pos)
        kind, a, b = fact.groups()
        if kind == "arg":
            if b is not None:
                raise ParseError("arg(...) takes one name", text, pos)
            if a in seen:
                raise ParseError(f"argument {a!r} is declared twice", text, pos)
            seen.add(a)
            names.append(a)
        else:
            if b is None:
                raise ParseError("att(...) takes two names", text, pos)
            attacks.append((a, b))
            where.append(pos)
        pos = fact.end()
    return _af(names, attacks, text, where)


def parse_tgf(text: str) -> AF:
    """Parse trivial graph format: argument lines, ``#``, then attack lines ``a b``.

    Raises
    ------
    ParseError
        On a repeated argument, an attack line without exactly two names, or an
        attack on an undeclared argument.

    Examples
    --------
    >>> sorted(parse_tgf("a\\nb\\n#\\nb a\\n").attacks())
    [('b', 'a')]
    """
    names: list[str] = []
    seen: set[str] = set()
    attacks: list[tuple[str, str]] = []
    where: list[int] = []
    in_attacks = False
    pos = 0
    for line in text.split("\n"):
        words = line.split()
        if not in_attacks and line.strip() == "#":
            in_attacks = True
        elif words and not in_attacks:
            name = words[0]
            if name in seen:
                raise ParseError(f"argument {name!r} is declared twice", text, pos)
            seen.add(name)
            names.append(name)
        elif words:
            if len(words) != 2:
                raise ParseError("an attack line needs two names", text, pos)
            attacks.append((words[0], words[1]))
            where.append(pos)
        pos += len(line) + 1
    return _af(names, attacks, text, where)


def parse_i23(text: str) -> AF:
    """Parse ICCMA 2023 format: ``p af N`` then attacks ``i j`` over ``1..N``.

    Raises
    ------
    ParseError
        On a missing or bad header, a header declaring more arguments than
        the file can hold (one per character, or :data:`FREE_ARGUMENTS`), an
        attack line that is not two integers in ``1..N``.

    Examples
    --------
    >>> parse_i23("p af 2\\n1 3\\n")
    Traceback (most recent call last):
    argmap.exceptions.ParseError: argument 3 is outside 1..2 (at line 2, column 1)
    """
    n: int | None = None
    src = array("i")
    dst = array("i")
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            if n is None:
                header = _I23_HEADER.match(stripped)
                if header is None:
                    raise ParseError("expected the header 'p af N'", text, pos)
                n = _declared(header.group(1), text, pos)
                digits = len(str(n))
            else:
                words = stripped.split()
                if len(words) != 2 or not all(_I23_NUMBER.fullmatch(w) for w in words):
                    raise ParseError("an attack line needs two argument numbers", text, pos)
                a, b = (_number(w, digits) for w in words)
                for w, x in zip(words, (a, b), strict=True):
                    if not 1 <= x <= n:
                        raise ParseError(f"argument {_shown(w)} is outside 1..{n}", text, pos)
                src.append(a - 1)
                dst.append(b - 1)
        pos += len(line) + 1
    if n is None:
        raise ParseError("expected the header 'p af N'", text, len(text))
    return AF.from_indices(n, src, dst)


def _number(word: str, digits: int) -> int:
    """Return the number ``word`` names, or -1 if it has more than ``digits`` digits (no huge ``int()``)."""
    word = word.lstrip("0") or "0"
    return int(word) if len(word) <= digits else -1


def _shown(word: str) -> str:
    return word if len(word) <= 20 else f"{word[:8]}...({len(word)} digits)"


def _declared(digits: str, text: str, pos: int) -> int:
    """Return the argument count of an i23 header, if the file can hold that many.

    Arguments named in attacks take bytes of the file; isolated ones take none,
    so up to :data:`FREE_ARGUMENTS` are trusted beyond one per byte. Memory is
    about 35 bytes per argument, so the bound keeps it proportional to the file.
    """
    most = min(max(FREE_ARGUMENTS, len(text)), 2**31 - 1)  # argument numbers are C ints
    n = _number(digits, len(str(most)))
    if not 0 <= n <= most:
        raise ParseError(
            f"the header declares {_shown(digits)} arguments; a file of {len(text)} characters may "
            f"declare at most {most} ({FREE_ARGUMENTS}, or one per character in a larger file)",
            text,
            pos,
        )
    return n


def generate_apx(af: AF) -> str:
    """Return ``af`` as APX text (one fact per line)."""
    lines = [f"arg({a})." for a in af.names]
    lines += [f"att({a},{b})." for a, b in af.attacks()]
    return "\n".join(lines) + "\n"


def generate_tgf(af: AF) -> str:
    """Return ``af`` as TGF text.

    >>> print(generate_tgf(parse_apx("arg(x). arg(y). att(y,x).")), end="")
    x
    y
    #
    y x
    """
    lines = [*af.names, "#", *(f"{a} {b}" for a, b in af.attacks())]
    return "\n".join(lines) + "\n"


def generate_i23(af: AF) -> str:
    """Return ``af`` as i23 text; arguments are numbered by their order, from 1.

    >>> print(generate_i23(parse_apx("arg(x). arg(y). att(y,x).")), end="")
    p af 2
    2 1
    """
    lines = [f"p af {af.n}"]
    for b in range(af.n):
        lines.extend(f"{a + 1} {b + 1}" for a in af.attackers(b))
    return "\n".join(lines) + "\n"


def read_apx(source: PathOrFile) -> AF:
    """Read an APX file (path or open file)."""
    return parse_apx(read_text(source))


def read_tgf(source: PathOrFile) -> AF:
    """Read a TGF file (path or open file)."""
    return parse_tgf(read_text(source))


def read_i23(source: PathOrFile) -> AF:
    """Read an i23 file (path or open file)."""
    return parse_i23(read_text(source))


def write_apx(af: AF, target: PathOrFile) -> None:
    """Write ``af`` as APX (atomically when ``target`` is a path)."""
    atomic_write(target, generate_apx(af))


def write_tgf(af: AF, target: PathOrFile) -> None:
    """Write ``af`` as TGF (atomically when ``target`` is a path)."""
    atomic_write(target, generate_tgf(af))


def write_i23(af: AF, target: PathOrFile) -> None:
    """Write ``af`` as i23 (atomically when ``target`` is a path)."""
    atomic_write(target, generate_i23(af))
