"""File helpers shared by every format: reading text and writing atomically."""

from __future__ import annotations

import io
import os
import tempfile
import warnings
from pathlib import Path
from typing import IO, Any, Final

from argmap.exceptions import FormatError, SideFileEncodingWarning

__all__ = ["PathOrFile", "atomic_write", "normalise_text", "read_bytes", "read_side_text", "read_text"]

PathOrFile = str | os.PathLike[str] | IO[Any]

_UTF16: Final = (b"\xff\xfe", b"\xfe\xff")


def normalise_text(text: str) -> str:
    """Return ``text`` without a leading byte order mark and with ``\\n`` line ends.

    >>> normalise_text("\\ufeffa\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(source: PathOrFile) -> bytes:
    """Return the bytes of a path or an open file (text files are encoded as UTF-8)."""
    if isinstance(source, (str, os.PathLike)):
        return Path(source).read_bytes()
    data = source.read()
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def read_text(source: PathOrFile, encoding: str = "utf-8") -> str:
    """Return the text of a path or an open file, without a BOM and with ``\\n`` line ends.

    Raises :class:`~argmap.exceptions.FormatError` when the bytes are not valid
    in ``encoding``.
    """
    data = read_bytes(source)
    name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else "input"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        hint = "; it starts with a UTF-16 byte order mark" if data[:2] in _UTF16 else ""
        raise FormatError(
            f"{name} is not valid {encoding}: byte {exc.start} cannot be decoded{hint}"
        ) from None
    if "\x00" in text:
        raise FormatError(
            f"{name} is not valid {encoding} text: it holds NUL bytes (from byte {data.index(0)}); "
            "is it UTF-16 or UTF-32?"
        )
    return normalise_text(text)


def atomic_write(target: PathOrFile, data: str | bytes) -> None:
    """Write ``data`` to a path through a temporary file and a rename, or to an open file.

    An error before the rename leaves any existing file untouched.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if not isinstance(target, (str, os.PathLike)):
        if isinstance(target, io.TextIOBase):
            target.write(payload.decode("utf-8"))
        else:
            target.write(payload)
        return
    path = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_side_text(path: str | os.PathLike[str]) -> str | None:
    """Return the text of the ``.txt`` file beside ``path``, or None when there is none.

    A side file that is not UTF-8 is decoded as cp1252 (latin-1 for bytes
    cp1252 leaves undefined) with a :class:`SideFileEncodingWarning`.
    """
    side = Path(path).with_suffix(".txt")
    if not side.is_file():
        return None
    data = side.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
            used = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            used = "latin-1"
        warnings.warn(
            f"{side} is not UTF-8 (byte {exc.start}); read it as {used}",
            SideFileEncodingWarning,
            stacklevel=3,
        )
    return normalise_text(text)
