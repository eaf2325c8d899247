"""Sub-commands for teaching: ``standard-form``, ``questions``, ``exercises``, ``grade``."""

from __future__ import annotations

import argparse
import re

from argmap.cli._common import emit, share, whole
from argmap.exceptions import ArgmapError

__all__ = ["setup_exercises", "setup_grade", "setup_questions", "setup_standard_form"]


def setup_standard_form(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("standard-form", help="write each argument as numbered premises and conclusion")
    p.add_argument("file", help="the map")
    p.add_argument("--markdown", action="store_true", help="write Markdown instead of plain text")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=_cmd_standard_form)


def _cmd_standard_form(args: argparse.Namespace) -> int:
    from argmap.files import read
    from argmap.teaching.standard_form import standard_form

    emit(standard_form(read(args.file), "markdown" if args.markdown else "text"), args.output)
    return 0


def setup_questions(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("questions", help="list the critical questions each inference faces by its scheme")
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
    from argmap.files import read, write
    from argmap.teaching.schemes import UnknownSchemeError, add_question_attack, inference_questions
    from argmap.teaching.standard_form import arguments, scheme_label

    m = read(args.file)
    if args.add:
        if not args.output:
            raise ArgmapError("--add needs -o/--output for the changed map")
        for item in args.add:
            inference, _, number = item.rpartition(":")
            if not inference or not re.fullmatch(r"[1-9][0-9]{0,5}", number):
                raise ArgmapError(f"--add takes INFERENCE:N with N from 1, such as s1:2, not {item!r}")
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
        lines.append(f"{head}: {scheme_label(arg.scheme)}")
        lines += [f"  {i}. [{q.type}] {q.question}" for i, q in enumerate(faced, 1)]
        lines += ["  (the catalogue lists no critical questions for this scheme)"] if not faced else []
        lines.append("")
    emit("\n".join(lines).rstrip() or "(no inferences)", None)
    return 0


def setup_exercises(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("exercises", help="make fill-the-gaps, role and implicit-premise exercises")
    p.add_argument("file", help="the map")
    p.add_argument(
        "--seed",
        type=whole,
        default=0,
        metavar="N",
        help="random seed (default 0); same seed, same exercises",
    )
    p.add_argument("--json", action="store_true", help="write JSON instead of a Markdown worksheet")
    p.add_argument(
        "--gaps", type=share, default=0.3, metavar="SHARE", help="share of claims blanked (default 0.3)"
    )
    p.add_argument(
        "--questions", type=whole, default=4, metavar="N", help="role questions to ask at most (default 4)"
    )
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=_cmd_exercises)


def _cmd_exercises(args: argparse.Namespace) -> int:
    from argmap.files import read
    from argmap.teaching.exercises import make_exercises

    ex = make_exercises(read(args.file), args.seed, gap_share=args.gaps, questions=args.questions)
    emit(ex.to_json() if args.json else ex.to_markdown(), args.output)
    return 0


def setup_grade(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("grade", help="compare a student's map with a reference map")
    p.add_argument("student", help="the student's map")
    p.add_argument("reference", help="the reference map")
    p.add_argument(
        "--threshold",
        type=share,
        default=0.5,
        metavar="SHARE",
        help="least similarity of matched claims, 0 to 1 (default 0.5)",
    )
    p.add_argument("-o", "--output", help="also draw the difference (matched, missing, extra) to this image")
    p.set_defaults(func=_cmd_grade)


def _cmd_grade(args: argparse.Namespace) -> int:
    from argmap.files import read
    from argmap.teaching.grading import compare

    result = compare(read(args.student), read(args.reference), threshold=args.threshold)
    if args.output:
        from argmap.render import render

        diff, classes = result.diff_map()
        render(diff, args.output, classes=classes)
    emit(result.report(), None)
    if args.output:
        print(f"\nDiagram: {args.output} (green: matched, orange dashed: missing, pink bold: extra)")
    return 0
