"""The seed article and its argument map, shipped with argmap.

The article is "Putin Has No Time Left" (Channel 24, 3 January 2025); its map
is built by ``seeds/build_seed_map.py`` and shipped as argmap JSON. In a
source checkout both files are in ``seeds/`` at the repository root; in an
installed wheel they are in ``argmap/_seeds/``.

Examples
--------
>>> m = seed_map()
>>> m.title
'Putin Has No Time Left'
>>> m.source == seed_text()
True
>>> m.quote_text("no-time-left")
'Putin Has No Time Left'
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from argmap._io import read_text
from argmap.exceptions import ArgmapError
from argmap.model import ArgumentMap
from argmap.readwrite.native import read_native

__all__ = ["SEED_NAME", "seed_map", "seed_text"]

SEED_NAME: Final = "putin_has_no_time_left"
"""The file stem of the seed article (``.txt``) and of its map (``.json``)."""

_PACKAGE_DIR: Final = Path(__file__).resolve().parent
_PLACES: Final = (_PACKAGE_DIR / "_seeds", _PACKAGE_DIR.parent / "seeds")


def _seed_file(suffix: str) -> Path:
    for folder in _PLACES:
        path = folder / f"{SEED_NAME}{suffix}"
        if path.is_file():
            return path
    looked = ", ".join(str(folder) for folder in _PLACES)
    raise ArgmapError(f"the seed file {SEED_NAME}{suffix} is missing (looked in {looked})")


def seed_text() -> str:
    """Return the text of the seed article.

    >>> seed_text().splitlines()[0]
    '‘Putin Has No Time Left’'
    """
    return read_text(_seed_file(".txt"))


def seed_map() -> ArgumentMap:
    """Return the seed article's argument map, read from the shipped JSON.

    >>> seed_map()
    <ArgumentMap 'Putin Has No Time Left': 35 claims, 15 supports, 5 attacks, 5 rephrases>
    """
    return read_native(_seed_file(".json"))
