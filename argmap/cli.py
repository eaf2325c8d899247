"""The ``argmap`` command line.

Each sub-command is a pair of functions: ``_setup_<name>(subparsers)`` adds its
parser and sets ``func`` to ``_cmd_<name>(args) -> int``. ``main`` turns every
:class:`~argmap.exceptions.ArgmapError` and OS error into one line on stderr and
exit code 1; usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from argmap import __version__
from argmap.exceptions import ArgmapError
from argmap.model import ArgumentMap

__all__ = ["main"]

Setup = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


# -- sub-commands ---------------------------------------------------------------------------
# (each sub-command: a _setup_<name> function and a _cmd_<name> function, registered in COMMANDS)


def _teaching_output(text: str, output: str | None) -> None:
    """Print ``text``, or write it atomically to ``output``."""
    if output is None:
        print(text, end="" if text.endswith("\n") else "\n")
        return
    from argmap.readwrite._io import atomic_write

    atomic_write(output, text if text.endswith("\n") else text + "\n")


def _setup_standard_form(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("standard-form", help="write each argument as numbered premises and conclusion")
    p.add_argument("file", help="the map")
    p.add_argument("--markdown", action="store_true", help="write Markdown instead of plain text")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=_cmd_standard_form)


def _cmd_standard_form(args: argparse.Namespace) -> int:
    from argmap.readwrite.detect import read
    from argmap.teaching.standard_form import standard_form

    _teaching_output(standard_form(read(args.file), "markdown" if args.markdown else "text"), args.output)
    return 0


# -- schemes and questions (one block) ------------------------------------------------------


def _setup_questions(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("questions", help="list the critical questions each inference faces, in its own words")
    p.add_argument("file", help="the map")
    p.add_argument(
        "--add",
        action="append",
        default=[],
        metavar="INFERENCE:N",
        help="add question N (1-based, as listed) of an inference as an attack (repeatable; needs -o)",
    )
    p.add_argument("-o", "--output", help="with --add: write the changed map here")
    p.set_defaults(func=_cmd_questions)


def _cmd_questions(args: argparse.Namespace) -> int:
    from argmap.exceptions import UnknownSchemeError
    from argmap.readwrite.detect import read, write
    from argmap.schemes import scheme_name
    from argmap.teaching.schemes import add_question_attack, inference_questions
    from argmap.teaching.standard_form import arguments

    m = read(args.file)
    if args.add:
        if not args.output:
            raise ArgmapError("--add needs -o/--output for the changed map")
        for item in args.add:
            inference, _, number = item.rpartition(":")
            if not inference or not number.isdigit():
                raise ArgmapError(f"--add takes INFERENCE:N, such as s1:2, not {item!r}")
            add_question_attack(m, inference, int(number) - 1)
        write(m, args.output)
        return 0
    lines: list[str] = []
    for arg in arguments(m).arguments:
        head = f"Argument {arg.number} ({arg.inference})"
        if not arg.scheme:
            lines += [f"{head}: no scheme set", ""]
            continue
        try:
            faced = inference_questions(m, arg.inference)
        except UnknownSchemeError as exc:
            lines += [f"{head}: {exc}", ""]
            continue
        lines.append(f"{head}: {scheme_name(arg.scheme)}")
        lines += [f"  {i}. [{q.type}] {q.text}" for i, q in enumerate(faced, 1)]
        lines.append("")
    _teaching_output("\n".join(lines).rstrip() or "(no inferences)", None)
    return 0


def _setup_schemes(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("schemes", help="list or search the catalogue of argumentation schemes")
    p.add_argument("query", nargs="?", help="words to look for in names, aliases, premises and questions")
    p.add_argument("--json", action="store_true", help="write the matching schemes as JSON")
    p.set_defaults(func=_cmd_schemes)


def _cmd_schemes(args: argparse.Namespace) -> int:
    import dataclasses
    import json

    from argmap.exceptions import UnknownSchemeError
    from argmap.schemes import get_scheme, normalise_name, resolve_scheme, schemes

    found = list(schemes())
    if args.query:
        exact = resolve_scheme(args.query)
        wanted = normalise_name(args.query).split()
        words = {
            s.id: " ".join(
                normalise_name(part)
                for part in (
                    s.id,
                    s.name,
                    *s.aliases,
                    *s.premises,
                    s.conclusion,
                    *(q.ask for q in s.questions),
                )
            )
            for s in found
        }
        found = [s for s in found if s.id == exact or all(w in words[s.id] for w in wanted)]
        found.sort(key=lambda s: s.id != exact)
        if not found:
            try:
                get_scheme(args.query)
            except UnknownSchemeError as exc:
                hint = f"; did you mean {' or '.join(exc.suggestions)}?" if exc.suggestions else ""
                raise ArgmapError(f"no scheme matches {args.query!r}{hint}") from None
    if args.json:
        print(json.dumps([dataclasses.asdict(s) for s in found], ensure_ascii=False, indent=1))
        return 0
    if not args.query:
        print("\n".join(f"{s.name} ({s.id}): {len(s.questions)} questions" for s in found))
        return 0
    blocks = []
    for s in found:
        lines = [f"{s.name} ({s.id})"]
        lines += [f"  also called: {', '.join(s.aliases)}"] if s.aliases else []
        lines += [f"  premise: {s.fill(p)}" for p in s.premises]
        lines.append(f"  conclusion: {s.fill(s.conclusion)}")
        lines.append("  where " + "; ".join(f"{r.key} = {r.means}" for r in s.roles))
        lines += [f"  {i}. [{q.type}] {s.fill(q.ask)}" for i, q in enumerate(s.questions, 1)]
        lines.append(f"  source: {s.source}")
        blocks.append("\n".join(lines))
    print("\n\n".join(blocks))
    return 0


def _setup_exercises(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("exercises", help="make fill-the-gaps, role and implicit-premise exercises")
    p.add_argument("file", help="the map")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0); same seed, same exercises")
    p.add_argument("--json", action="store_true", help="write JSON instead of a Markdown worksheet")
    p.add_argument("--gaps", type=float, default=0.3, help="share of claims blanked (default 0.3)")
    p.add_argument("--questions", type=int, default=4, help="role questions to ask at most (default 4)")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=_cmd_exercises)


def _cmd_exercises(args: argparse.Namespace) -> int:
    from argmap.readwrite.detect import read
    from argmap.teaching.exercises import make_exercises

    ex = make_exercises(read(args.file), args.seed, gap_share=args.gaps, questions=args.questions)
    _teaching_output(ex.to_json() if args.json else ex.to_markdown(), args.output)
    return 0


def _setup_grade(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("grade", help="compare a student's map with a reference map")
    p.add_argument("student", help="the student's map")
    p.add_argument("reference", help="the reference map")
    p.add_argument("--threshold", type=float, default=0.5, help="least similarity of matched claims")
    p.add_argument("-o", "--output", help="also draw the difference (matched, missing, extra) to this image")
    p.set_defaults(func=_cmd_grade)


def _cmd_grade(args: argparse.Namespace) -> int:
    from argmap.readwrite.detect import read
    from argmap.teaching.grading import compare

    result = compare(read(args.student), read(args.reference), threshold=args.threshold)
    if args.output:
        from argmap.render import render

        diff, classes = result.diff_map()
        render(diff, args.output, classes=classes)
    _teaching_output(result.report(), None)
    if args.output:
        print(f"\nDiagram: {args.output} (green: matched, orange dashed: missing, pink bold: extra)")
    return 0


def _setup_html(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("html", help="write one self-contained HTML page: diagram, text, standard form")
    p.add_argument("file", help="the map")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument("--title", help="page title (default: the map's title)")
    p.set_defaults(func=_cmd_html)


def _cmd_html(args: argparse.Namespace) -> int:
    from argmap.readwrite.detect import read
    from argmap.render.html import write_html

    write_html(read(args.file), args.output, title=args.title)
    return 0


def _add_look_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--theme", choices=("default", "colorblind"), default="default", help="colour theme")
    parser.add_argument(
        "--rankdir",
        choices=("BT", "TB", "LR", "RL"),
        default="BT",
        help="direction of the arrows (default BT: conclusions on top)",
    )
    parser.add_argument(
        "--wrap", type=int, default=32, metavar="N", help="characters per line of a claim box"
    )


def _write_drawing(m: ArgumentMap, out: str, args: argparse.Namespace) -> Path:
    from argmap.render import Style, render

    style = Style.theme(args.theme).replace(rankdir=args.rankdir, wrap=args.wrap)
    return render(m, out, style, **_large_options(args))


def _add_large_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--focus", metavar="CLAIM", help="draw only the claims near this claim id")
    parser.add_argument(
        "--depth", type=int, default=2, metavar="N", help="argument steps around --focus (default 2)"
    )
    parser.add_argument(
        "--collapse",
        nargs="*",
        metavar="SECTION",
        help="draw each section (or those named) as one box",
    )
    parser.add_argument(
        "--layout",
        default="auto",
        help="Graphviz engine: dot, sfdp, ... (default auto: dot for small maps, sfdp for large ones)",
    )
    parser.add_argument(
        "--timeout", type=float, default=60.0, metavar="S", help="stop Graphviz after S seconds (default 60)"
    )


def _large_options(args: argparse.Namespace) -> dict[str, object]:
    """Return the :func:`_add_large_options` values for :func:`argmap.render.diagram` (none if absent)."""
    if not hasattr(args, "focus"):
        return {}
    collapse = args.collapse if args.collapse else args.collapse is not None
    return {
        "focus": args.focus,
        "depth": args.depth,
        "collapse": collapse,
        "layout": args.layout,
        "timeout": args.timeout,
    }


def _setup_render(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("render", help="draw a map to SVG, PNG, PDF or DOT")
    p.add_argument("file", metavar="FILE", help="the map (its format is told by the suffix)")
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="output file; .svg, .png, .pdf or .dot"
    )
    _add_look_options(p)
    _add_large_options(p)
    p.set_defaults(func=_cmd_render)


def _cmd_render(args: argparse.Namespace) -> int:
    from argmap.readwrite.detect import read

    path = _write_drawing(read(args.file), args.output, args)
    print(f"wrote {path}")
    return 0


def _setup_show(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("show", help="print a map as an outline")
    p.add_argument("file", metavar="FILE", help="the map (its format is told by the suffix)")
    p.set_defaults(func=_cmd_show)


def _cmd_show(args: argparse.Namespace) -> int:
    from argmap.readwrite.detect import read
    from argmap.render.outline import outline

    print(outline(read(args.file)))
    return 0


def _setup_demo(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="draw the seed article's map and print its outline")
    p.add_argument(
        "-o",
        "--output",
        default="putin_has_no_time_left.svg",
        metavar="OUT",
        help="output file (default: putin_has_no_time_left.svg here); .svg, .png, .pdf or .dot",
    )
    _add_look_options(p)
    p.set_defaults(func=_cmd_demo)


def _cmd_demo(args: argparse.Namespace) -> int:
    from argmap.render.outline import outline
    from argmap.seed import seed_map

    m = seed_map()
    path = _write_drawing(m, args.output, args)
    print(outline(m))
    print(f"\nwrote the map of {m.title!r} to {path.resolve()}")
    return 0


def _setup_check(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help="check a map's structure: cycles, dangling relations, missing links")
    p.add_argument("file", help="the map")
    p.set_defaults(func=_cmd_check)


def _cmd_check(args: argparse.Namespace) -> int:
    from argmap.analysis.structure import check
    from argmap.readwrite.detect import read

    findings = check(read(args.file))
    for f in findings:
        print(f)
    counts = {level: sum(f.level == level for f in findings) for level in ("error", "warning", "info")}
    print(", ".join(f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items()), file=sys.stderr)
    return 1 if counts["error"] else 0


_AF_SUFFIXES = (".apx", ".tgf", ".i23", ".af")


def _setup_evaluate(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from argmap.analysis.evaluate import MAP_SEMANTICS

    p = sub.add_parser(
        "evaluate",
        help="label or weigh the claims of a map (or the arguments of an ICCMA file)",
        description="Show each claim's label (Dung semantics) or strength (gradual semantics). "
        "An .apx, .tgf, .i23 or .af file is read as an abstract framework; its extensions are listed.",
    )
    p.add_argument("file", help="the map, or an ICCMA framework")
    p.add_argument("-s", "--semantics", choices=MAP_SEMANTICS, default="grounded", help="default: grounded")
    p.add_argument("--limit", type=int, default=10, help="list at most this many extensions (default 10)")
    p.add_argument("-o", "--output", help="also draw the map, claims coloured by value (.svg, .png, .dot)")
    p.set_defaults(func=_cmd_evaluate)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from argmap.analysis import evaluate as ev
    from argmap.analysis import semantics as sem

    if args.limit < 0:
        raise ArgmapError(f"--limit must be 0 or more, not {args.limit}")
    if Path(args.file).suffix.lower() in _AF_SUFFIXES:
        from argmap.analysis.iccma import read_af

        if args.semantics in ev.GRADUAL_SEMANTICS:
            if args.semantics != "h-categorizer":
                raise ArgmapError("df-quad needs a map with supports; an abstract framework has none")
            from argmap.analysis.gradual import h_categorizer

            for name, v in h_categorizer(read_af(args.file)).items():
                print(f"{v:.6f}  {name}")
            return 0
        if args.output:
            raise ArgmapError("--output draws maps; an abstract framework has no map to draw")
        af = read_af(args.file)
        for ext in sem.extensions(af, args.semantics, limit=args.limit):
            print("[" + ",".join(sorted(ext, key=af.index)) + "]")
        return 0
    from argmap.readwrite.detect import read

    m = read(args.file)
    values = ev.evaluate(m, args.semantics)
    width = max((len(c) for c in values), default=0)
    for claim, (label, _) in values.items():
        print(f"{label:<10} {claim:<{width}}  {m[claim]['text']}")
    if args.output:
        from argmap.render import render

        numbers = {c: v for c, (_, v) in values.items()}
        render(m, args.output, values=numbers, value_range=ev.value_range(args.semantics))
    return 0


def _setup_convert(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from argmap.readwrite.detect import FORMATS, READABLE

    p = sub.add_parser(
        "convert",
        help="convert a map, or a folder of maps, to another format",
        description="Convert IN to OUT. The formats come from the names and content (see --from/--to). "
        "When IN is a folder, OUT is a folder and --to is needed; a progress bar shows on a terminal.",
    )
    p.add_argument("input", metavar="IN", help="a map file or a folder of them")
    p.add_argument("output", metavar="OUT", help="the file (or folder) to write")
    p.add_argument("--from", dest="source_format", choices=sorted(READABLE), help="the input format")
    p.add_argument("--to", dest="target_format", choices=sorted(FORMATS), help="the output format")
    p.add_argument("--progress", action="store_true", help="show the progress bar even off a terminal")
    p.set_defaults(func=_cmd_convert)


def _progress(done: int, total: int, name: str) -> None:
    width = 30
    filled = width * done // total if total else width
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
    sys.stderr.flush()


def _convert_one(source: Path, target: Path, args: argparse.Namespace, bar: bool) -> tuple[bool, int]:
    import warnings

    from argmap.readwrite.detect import convert

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            convert(source, target, source_format=args.source_format, target_format=args.target_format)
            ok, problem = True, ""
        except (ArgmapError, OSError) as exc:
            ok, problem = False, str(exc)
    lines = [f"argmap: warning: {source}: {w.message}" for w in caught]
    if not ok:
        lines.append(f"argmap: error: {source}: {problem}")
    if lines:
        if bar:
            sys.stderr.write("\r\033[K")
        print("\n".join(lines), file=sys.stderr)
    return ok, len(caught)


def _cmd_convert(args: argparse.Namespace) -> int:
    from argmap.readwrite.detect import files_to_convert, output_name

    source = Path(args.input)
    if not source.is_dir():
        ok, _ = _convert_one(source, Path(args.output), args, False)
        return 0 if ok else 1
    if args.target_format is None:
        print("argmap convert: error: converting a folder needs --to FORMAT", file=sys.stderr)
        return 2
    files = files_to_convert(source, args.source_format)
    out_dir = Path(args.output)
    bar = args.progress or sys.stderr.isatty()
    failed = warned = 0
    for i, path in enumerate(files, 1):
        target = out_dir / path.relative_to(source).parent / output_name(path, args.target_format)
        target.parent.mkdir(parents=True, exist_ok=True)
        ok, n_warnings = _convert_one(path, target, args, bar)
        failed += not ok
        warned += n_warnings
        if bar:
            _progress(i, len(files), path.name)
    if bar and files:
        sys.stderr.write("\n")
    print(
        f"argmap: converted {len(files) - failed} of {len(files)} files to {out_dir} "
        f"({failed} failed, {warned} warnings)",
        file=sys.stderr,
    )
    return 1 if failed else 0


COMMANDS: list[Setup] = [
    # one line per sub-command, in the order --help lists them
    _setup_render,
    _setup_show,
    _setup_demo,
    _setup_standard_form,
    _setup_questions,
    _setup_schemes,
    _setup_exercises,
    _setup_grade,
    _setup_html,
    _setup_check,
    _setup_evaluate,
    _setup_convert,
]


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="argmap", description="Map, analyse and draw the argument structure of a text."
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for setup in COMMANDS:
        setup(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except ArgmapError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader of our output went away (``argmap show x | head``): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"argmap: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
