"""A format's own ``meta`` layer (``meta["aif"]``, ``meta["sadface"]``, ...), checked before writing.

Readers keep what a format holds beyond the model under ``meta[KEY]``; a map
made elsewhere may carry anything there. :func:`checked_layer` keeps the
entries whose shape the writer expects and names the others in one
:class:`~argmap.exceptions.LossyConversionWarning`, so a writer never crashes
on data it did not write.

Examples
--------
>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     checked_layer({"nodes": 5, "text": "t"}, {"nodes": list_of(is_object), "text": is_str}, "meta['x']")
{'text': 't'}
>>> print(caught[0].message)
meta['x'] has parts of the wrong shape, left out: nodes
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import Any

from argmap.exceptions import LossyConversionWarning

__all__ = ["checked_layer", "is_object", "is_str", "list_of"]

Check = Callable[[Any], bool]


def is_object(value: Any) -> bool:
    """Return whether ``value`` is a JSON object."""
    return isinstance(value, Mapping)


def is_str(value: Any) -> bool:
    """Return whether ``value`` is a string."""
    return isinstance(value, str)


def list_of(check: Check) -> Check:
    """Return a check for a list whose items all pass ``check``."""
    return lambda value: isinstance(value, list) and all(check(v) for v in value)


def checked_layer(value: Any, shape: Mapping[str, Check], where: str) -> dict[str, Any]:
    """Return the entries of ``value`` that pass their check in ``shape``; warn naming the rest.

    A ``value`` that is not an object, and keys ``shape`` does not name, count
    as the wrong shape too.
    """
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        _lost(where, ["all of it"])
        return {}
    kept = {k: v for k, v in value.items() if k in shape and shape[k](v)}
    _lost(where, [str(k) for k in value if k not in kept])
    return kept


def _lost(where: str, names: list[str]) -> None:
    if names:
        warnings.warn(
            f"{where} has parts of the wrong shape, left out: {', '.join(names)}",
            LossyConversionWarning,
            stacklevel=4,
        )
