"""The ``convert`` sub-command: a file or a folder of files to another format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap.cli._common import captured_warnings, one_line, report_warnings
from argmap.exceptions import ArgmapError

__all__ = ["setup_convert"]


def setup_convert(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``convert`` sub-command."""
    from argmap.formats import FORMATS

    readable = sorted(f.name for f in FORMATS.values() if f.holds == "map" and f.reader)
    writable = sorted(f.name for f in FORMATS.values() if f.holds != "af" and f.writer)

    p = sub.add_parser(
        "convert",
        help="convert a map, or a folder of maps, to another format",
        description="Convert IN to OUT. The formats come from the names and content (see --from/--to). "
        "When IN is a folder, OUT is a folder and --to is needed; a progress bar shows on a terminal.",
    )
    p.add_argument("input", metavar="IN", help="a map file or a folder of them")
    p.add_argument("output", metavar="OUT", help="the file (or folder) to write")
    p.add_argument("--from", dest="source_format", choices=readable, help="the input format")
    p.add_argument("--to", dest="target_format", choices=writable, help="the output format")
    p.add_argument("--progress", action="store_true", help="show the progress bar even off a terminal")
    p.set_defaults(func=_cmd_convert)


def _progress(done: int, total: int, name: str) -> None:
    width = 30
    filled = width * done // total if total else width
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
    sys.stderr.flush()


def _convert_one(source: Path, target: Path, args: argparse.Namespace, bar: bool) -> tuple[bool, int]:
    from argmap.files import convert

    with captured_warnings() as caught:
        try:
            convert(source, target, source_format=args.source_format, target_format=args.target_format)
            ok, problem = True, ""
        except (ArgmapError, OSError) as exc:
            ok, problem = False, str(exc)
    if bar and (caught or not ok):
        sys.stderr.write("\r\033[K")
    mode = getattr(args, "warnings", None) or "summary"
    n = report_warnings(caught, f"{source}: ", every=mode == "all") if mode != "none" else len(caught)
    if not ok:
        print(f"argmap: error: {source}: {one_line(problem)}", file=sys.stderr)
    return ok, n


def _cmd_convert(args: argparse.Namespace) -> int:
    from argmap.files import plan_folder

    source = Path(args.input)
    if not source.is_dir():
        ok, _ = _convert_one(source, Path(args.output), args, False)
        return 0 if ok else 1
    if args.target_format is None:
        print("argmap convert: error: converting a folder needs --to FORMAT", file=sys.stderr)
        return 2
    out_dir = Path(args.output)
    if out_dir.exists() and not out_dir.is_dir():
        raise ArgmapError(f"{out_dir} is not a folder; a folder converts into a folder")
    plan = plan_folder(source, out_dir, args.target_format, source_format=args.source_format)
    bar = args.progress or sys.stderr.isatty()
    failed = warned = skipped = 0
    for i, (path, target, note) in enumerate(plan, 1):
        if target is None:
            skipped += 1
            if bar:
                sys.stderr.write("\r\033[K")
            print(f"argmap: error: {path}: {one_line(note)}", file=sys.stderr)
        else:
            if note:
                if bar:
                    sys.stderr.write("\r\033[K")
                print(f"argmap: warning: {path}: {one_line(note)}", file=sys.stderr)
                warned += 1
            target.parent.mkdir(parents=True, exist_ok=True)
            ok, n_warnings = _convert_one(path, target, args, bar)
            failed += not ok
            warned += n_warnings
        if bar:
            _progress(i, len(plan), path.name)
    if bar and plan:
        sys.stderr.write("\n")
    done = len(plan) - failed - skipped
    print(
        f"argmap: converted {done} of {len(plan)} files to {out_dir} "
        f"({failed} failed, {f'{skipped} skipped, ' if skipped else ''}{warned} warnings)",
        file=sys.stderr,
    )
    return 1 if failed or skipped else 0
