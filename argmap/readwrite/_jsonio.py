"""Helpers shared by the JSON formats: loading with clear errors, dumping deterministically."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from argmap._io import PathOrFile, atomic_write, read_text
from argmap.exceptions import FormatError

__all__ = ["dump_json", "load_json", "mapping", "object_copy"]


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


def load_json(source: PathOrFile, error: type[FormatError] = FormatError) -> Any:
    """Return the parsed JSON of a path or an open file; raise ``error`` on invalid JSON."""
    text = read_text(source)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"invalid JSON: {exc.msg} (at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise error("invalid JSON: nested too deeply") from None


def dump_json(data: Any, target: PathOrFile, indent: int | None = 2) -> None:
    """Write ``data`` as UTF-8 JSON with a final newline, atomically when ``target`` is a path."""
    atomic_write(target, json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
