"""Helpers shared by the JSON formats: loading with clear errors, dumping deterministically.

Every JSON reader goes through :func:`parse_json` (text) or :func:`load_json`
(a path or file, within the input limit of :mod:`argmap._io`): invalid JSON,
nesting deeper than Python's recursion limit and integers longer than
Python's 4,300-digit conversion limit raise a :class:`FormatError`; a lone
UTF-16 surrogate escape (``"\\ud800"``), which no UTF-8 file can hold, is read
as U+FFFD with an :class:`InputWarning`.
"""

from __future__ import annotations

import json
import math
import re
import sys
import warnings
from collections.abc import Mapping
from typing import Any, Final

from argmap._io import PathOrFile, atomic_write, read_text
from argmap.exceptions import FormatError, InputWarning

__all__ = ["check_json_data", "dump_json", "load_json", "mapping", "object_copy", "parse_json"]

_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def mapping(value: Any) -> Mapping[str, Any]:
    """Return ``value`` if it is a JSON object, else an empty one."""
    return value if isinstance(value, Mapping) else {}


def object_copy(value: Any, where: str, error: type[FormatError] = FormatError) -> dict[str, Any]:
    """Return a copy of ``value`` if it is a JSON object (None gives an empty one); else raise ``error``."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise error(f"expected an object, not {type(value).__name__}", where)
    return dict(value)


def check_json_data(data: Any, error: type[FormatError] = FormatError) -> None:
    """Raise ``error`` unless ``data`` is what :func:`parse_json` could return.

    A document given as Python data must hold only objects with string keys,
    arrays, strings, booleans, None, integers and finite floats.

    >>> check_json_data({"a": [1, 2.5, None]})
    >>> check_json_data({"a": [float("inf")]})
    Traceback (most recent call last):
    argmap.exceptions.FormatError: not JSON data: inf at a[0]
    """
    # Each entry carries its path as a chain of (parent, key) links, spelled out only for an error.
    stack: list[tuple[Any, Any]] = [(data, None)]
    while stack:
        value, link = stack.pop()
        if value is None or isinstance(value, (str, bool, int)):
            continue
        if isinstance(value, float):
            if not math.isfinite(value):
                raise error(f"not JSON data: {value!r} at {_spell(link)}")
        elif isinstance(value, Mapping):
            for k, v in value.items():
                if not isinstance(k, str):
                    raise error(f"not JSON data: the key {k!r} at {_spell(link)} is not a string")
                stack.append((v, (link, k)))
        elif isinstance(value, (list, tuple)):
            stack.extend((v, (link, i)) for i, v in enumerate(value))
        else:
            raise error(f"not JSON data: {type(value).__name__} at {_spell(link)}")


def _spell(link: Any) -> str:
    keys: list[str | int] = []
    while link is not None:
        link, key = link
        keys.append(key)
    out = ""
    for key in reversed(keys):
        out += f"[{key}]" if isinstance(key, int) else f".{key}" if out else key
    return out or "the top"


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _line_col(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    return f"line {line}, column {pos - (text.rfind(chr(10), 0, pos) + 1) + 1}"


def parse_json(text: str, error: type[FormatError] = FormatError) -> Any:
    """Return the parsed JSON of ``text``; raise ``error`` on anything but valid, bounded JSON.

    >>> parse_json('{"a": [1, 2.5, null]}')
    {'a': [1, 2.5, None]}
    >>> parse_json('[1,]')
    Traceback (most recent call last):
    argmap.exceptions.FormatError: invalid JSON: Expecting value (at line 1, column 4)
    >>> parse_json("[" + "9" * 5000 + "]")
    Traceback (most recent call last):
    argmap.exceptions.FormatError: invalid JSON: a number of more than 4300 digits (at line 1, column 2)
    """
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise error(f"invalid JSON: {exc.msg} (at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise error("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # NaN/Infinity, or int() refused a number longer than the digit limit
        constant = re.match(r"(-?Infinity|NaN) is not JSON", str(exc))
        if constant:
            found = re.search(r"-?Infinity|NaN", text)
            where = f" (at {_line_col(text, found.start())})" if found else ""
            raise error(f"invalid JSON: {constant.group(1)} is not a JSON number{where}") from None
        limit = sys.get_int_max_str_digits()
        found = re.search(rf"(?<![0-9.eE\"])[0-9]{{{limit + 1},}}", text)
        where = f" (at {_line_col(text, found.start())})" if found else ""
        raise error(f"invalid JSON: a number of more than {limit} digits{where}") from None
    if _SURROGATE_ESCAPE.search(text):
        data = _without_lone_surrogates(data, error)
    return data


def _without_lone_surrogates(data: Any, error: type[FormatError]) -> Any:
    """Return ``data`` with every lone surrogate in a string replaced by U+FFFD, with one warning."""
    count = 0

    def clean(s: str) -> str:
        nonlocal count
        fixed, n = _LONE_SURROGATE.subn("\ufffd", s)
        count += n
        return fixed

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return clean(value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {clean(k): walk(v) for k, v in value.items()}
        return value

    try:
        out = walk(data)
    except RecursionError:
        raise error("invalid JSON: nested too deeply") from None
    if count:
        warnings.warn(
            f"{count} lone UTF-16 surrogate escape{'s' if count != 1 else ''} (such as \\ud800) "
            "read as U+FFFD: no UTF-8 text can hold one",
            InputWarning,
            stacklevel=4,
        )
    return out


def load_json(source: PathOrFile, error: type[FormatError] = FormatError) -> Any:
    """Return the parsed JSON of a path or an open file, as :func:`parse_json` does."""
    return parse_json(read_text(source), error)


def dump_json(data: Any, target: PathOrFile, indent: int | None = 2) -> None:
    """Write ``data`` as UTF-8 JSON with a final newline, atomically when ``target`` is a path."""
    atomic_write(target, json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
