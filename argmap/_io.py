"""File helpers shared by every format: reading text within a size limit and writing safely.

Reading
    :func:`read_bytes` (and :func:`read_text`, :func:`read_side_text` on top of
    it) refuses input longer than :func:`max_input_bytes`: 256 MiB unless the
    environment variable ``ARGMAP_MAX_INPUT`` or :func:`set_max_input_bytes`
    says otherwise (``0`` lifts the limit). The limit bounds the memory every
    reader uses, since each keeps a bounded multiple of its input.

Writing
    :func:`atomic_write` writes a regular file through a temporary file in
    the same folder and a rename, so a failure leaves the old file as it was;
    the new file keeps the old one's permission bits. A symbolic link is
    followed: the file it names is replaced, and the link stays. Anything
    that is not a regular file (``-`` for standard output, ``/dev/stdout``,
    ``/dev/null``, a terminal, a pipe) is written directly, never replaced.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import sys
import tempfile
import warnings
from pathlib import Path
from typing import IO, Any, Final

from argmap.exceptions import FormatError, OptionError, SideFileEncodingWarning

__all__ = [
    "DEFAULT_MAX_INPUT_BYTES",
    "PathOrFile",
    "atomic_write",
    "max_input_bytes",
    "normalise_text",
    "parse_size",
    "read_bytes",
    "read_side_text",
    "read_text",
    "set_max_input_bytes",
]

PathOrFile = str | os.PathLike[str] | IO[Any]

DEFAULT_MAX_INPUT_BYTES: Final = 256 * 2**20
"""The input limit when neither ``ARGMAP_MAX_INPUT`` nor :func:`set_max_input_bytes` sets one."""

_UTF16: Final = (b"\xff\xfe", b"\xfe\xff")
_SIZE: Final = re.compile(r"\s*([0-9]{1,18})\s*([kmgt]i?b?|b)?\s*", re.IGNORECASE)
_UNITS: Final = {"": 1, "b": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}
_FD_DIR: Final = re.compile(r"/proc/(?:self|thread-self|[0-9]+)(?:/task/[0-9]+)?/fd")
_limit: int | None = None


def parse_size(text: str) -> int:
    """Return the number of bytes ``text`` names: a whole number with an optional unit K, M, G or T.

    Units are binary (``1K`` is 1024 bytes); ``KB``, ``KiB`` and ``k`` mean the same.

    >>> parse_size("512"), parse_size("64M"), parse_size("1 GiB"), parse_size("0")
    (512, 67108864, 1073741824, 0)
    >>> parse_size("-1")
    Traceback (most recent call last):
    argmap.exceptions.OptionError: not a size: '-1' (use a whole number of bytes, or one with K, M, G or T)
    """
    found = _SIZE.fullmatch(text)
    if found is None:
        raise OptionError(f"not a size: {text!r} (use a whole number of bytes, or one with K, M, G or T)")
    unit = (found[2] or "").lower()[:1]
    return int(found[1]) * _UNITS[unit]


def set_max_input_bytes(limit: int | None) -> None:
    """Set the largest input, in bytes, every reader accepts (``0``: no limit; None: back to the default).

    The setting holds for the whole process and takes precedence over ``ARGMAP_MAX_INPUT``.
    """
    global _limit  # noqa: PLW0603 - one process-wide setting, like the environment variable
    if limit is not None and limit < 0:
        raise OptionError(f"the input limit must be 0 (none) or more bytes, not {limit}")
    _limit = limit


def max_input_bytes() -> int:
    """Return the input limit in force, in bytes; ``0`` means none.

    :func:`set_max_input_bytes` comes first, then the environment variable
    ``ARGMAP_MAX_INPUT`` (a size such as ``512M``), then
    :data:`DEFAULT_MAX_INPUT_BYTES`. Raises :class:`~argmap.exceptions.OptionError` on a bad
    ``ARGMAP_MAX_INPUT``.
    """
    if _limit is not None:
        return _limit
    env = os.environ.get("ARGMAP_MAX_INPUT")
    if env is None or not env.strip():
        return DEFAULT_MAX_INPUT_BYTES
    try:
        return parse_size(env)
    except ValueError as exc:
        raise OptionError(f"ARGMAP_MAX_INPUT: {exc}") from None


def normalise_text(text: str) -> str:
    """Return ``text`` without a leading byte order mark and with ``\\n`` line ends.

    >>> normalise_text("\\ufeffa\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _too_large(name: str, limit: int) -> FormatError:
    return FormatError(
        f"{name} is larger than the input limit of {limit:,} bytes; raise it with --max-input or "
        "ARGMAP_MAX_INPUT (0 for none)"
    )


def read_bytes(source: PathOrFile) -> bytes:
    """Return the bytes of a path or an open file (text files are encoded as UTF-8).

    Raises :class:`~argmap.exceptions.FormatError` when there are more than
    :func:`max_input_bytes`; nothing beyond the limit is read.
    """
    limit = max_input_bytes()
    want = -1 if limit == 0 else limit + 1
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        with open(source, "rb") as fh:
            data = fh.read(want)
    else:
        name = "input"
        raw = source.read(want)
        data = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)
    if limit and len(data) > limit:
        raise _too_large(name, limit)
    return data


def read_text(source: PathOrFile, encoding: str = "utf-8") -> str:
    """Return the text of a path or an open file, without a BOM and with ``\\n`` line ends.

    Raises :class:`~argmap.exceptions.FormatError` when the bytes are not valid
    in ``encoding`` or exceed :func:`max_input_bytes`.
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


def _encode(data: str | bytes) -> bytes:
    if isinstance(data, bytes):
        return data
    try:
        return data.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise FormatError(
            f"the output holds a character UTF-8 cannot encode ({data[exc.start]!r} at {exc.start}); "
            "a lone surrogate from an escaped JSON string?"
        ) from None


def _through_fd(path: str) -> bool:
    """Whether ``path`` names an open descriptor (``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1``)."""
    hops = 0
    while True:
        parent = os.path.realpath(os.path.dirname(os.path.abspath(path)))
        if _FD_DIR.fullmatch(parent) or parent == "/dev/fd":
            return True
        if hops >= 40 or not os.path.islink(path):
            return False
        path = os.path.join(os.path.dirname(path), os.readlink(path))
        hops += 1


def atomic_write(target: PathOrFile, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to a path or an open file, replacing a regular file atomically.

    Parameters
    ----------
    target : str, PathLike or file
        A path, ``"-"`` for standard output, or an open file (written as it is).
    data : str or bytes

    Notes
    -----
    A regular file is written through a temporary file beside it and a
    rename: an error before the rename leaves any existing file untouched,
    and the new file keeps the old one's permission bits (and owner, when
    the writer may set it); a file the writer may not write is refused.
    Other links to the old file (hard links) keep the old content. A
    symbolic link is followed: the file it points to is replaced and the
    link stays. Standard output (``-``), a file descriptor
    (``/dev/stdout``, ``/dev/fd/N``), a device, a pipe or a socket is
    written directly. Errors name ``target``, never the temporary file.
    """
    payload = _encode(data)
    if not isinstance(target, (str, os.PathLike)):
        if isinstance(target, io.TextIOBase):
            target.write(payload.decode("utf-8"))
        else:
            target.write(payload)
        return
    name = os.fspath(target)
    if name == "-":
        out = sys.stdout
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            out.write(payload.decode("utf-8"))
        else:
            out.flush()
            buffer.write(payload)
        out.flush()
        return
    try:
        _write_path(name, payload)
    except OSError as exc:
        if exc.filename == name:
            raise
        raise OSError(exc.errno, exc.strerror or str(exc), name) from None


def _write_path(name: str, payload: bytes) -> None:
    try:
        st: os.stat_result | None = os.stat(name)
    except FileNotFoundError:
        st = None
    if (st is not None and not stat.S_ISREG(st.st_mode)) or _through_fd(name):
        # a device, pipe, socket or open descriptor: no temporary file can stand in for it
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "Is a directory", name)
        with open(name, "wb") as fh:
            fh.write(payload)
        return
    if st is not None and not os.access(name, os.W_OK):
        raise PermissionError(13, "Permission denied", name)  # as writing in place would
    path = Path(os.path.realpath(name)) if os.path.islink(name) else Path(name)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        if st is None:
            os.chmod(tmp, 0o666 & ~_umask())
        else:
            os.chmod(tmp, stat.S_IMODE(st.st_mode) & 0o777)
            if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                with contextlib.suppress(PermissionError):  # else only the permission bits are kept
                    os.chown(tmp, st.st_uid, st.st_gid)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_side_text(path: str | os.PathLike[str], *, normalise: bool = True) -> str | None:
    """Return the text of the ``.txt`` file beside ``path``, or None when there is none.

    The text is passed through :func:`normalise_text` unless ``normalise`` is false.

    A side file that is not UTF-8 is decoded as cp1252 (latin-1 for bytes
    cp1252 leaves undefined) with a :class:`SideFileEncodingWarning`. The
    input limit (:func:`max_input_bytes`) holds for it too.
    """
    side = Path(path).with_suffix(".txt")
    if not side.is_file():
        return None
    data = read_bytes(side)
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
    return normalise_text(text) if normalise else text
