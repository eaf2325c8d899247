"""Sub-commands for teaching: ``standard-form``, ``questions``, ``exercises``, ``grade``."""

from __future__ import annotations

import argparse
import re

from argmap.cli._common import emit, share, whole
from argmap.exceptions import ArgmapError

__all__ = [
    "setup_exercises",
    "setup_grade",
    "setup_questions",
    "setup_schemes",
    "setup_standard_form",
]


def setup_standard_form(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``standard-form`` sub-command."""
    p = sub.add_parser("standard-form", help="write each argument as numbered premises and conclusion")
    p.add_argument("file", help="the map")
    p.add_argument("--markdown", action="store_true", help="write Markdown instead of plain text")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(func=_cmd_standard_form)


def _cmd_standard_form(args: argparse.Namespace) -> int:
    from argmap.files import read
    from argmap.teaching.standard_form import standard_form

    emit(standard_form(read(args.file), format="markdown" if args.markdown else "text"), args.output)
    return 0


def setup_questions(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``questions`` sub-command."""
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
    from argmap.files import read, write
    from argmap.schemes import scheme_name
    from argmap.teaching.schemes import add_question_attack, inference_questions
    from argmap.teaching.standard_form import arguments

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
        lines.append(f"{head}: {scheme_name(arg.scheme)}")
        lines += [f"  {i}. [{q.type}] {q.text}" for i, q in enumerate(faced, 1)]
        lines.append("")
    emit("\n".join(lines).rstrip() or "(no inferences)", None)
    return 0


def setup_schemes(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``schemes`` sub-command."""
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


def setup_exercises(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``exercises`` sub-command."""
    p = sub.add_parser("exercises", help="make a worksheet: fill the gaps, roles, implicit premises")
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
    p.add_argument(
        "-o", "--output", help="the sheet: .html, .pdf or .md (.json: the exercises as data); default stdout"
    )
    p.add_argument("--key", metavar="FILE", help="write the answer key here (.html, .pdf or .md)")
    p.add_argument("--paper", choices=("A4", "letter"), default="A4", help="paper of PDF output (default A4)")
    p.set_defaults(func=_cmd_exercises)


def _write_sheet(m: object, ex: object, target: str, *, key: bool, paper: str, with_answers: bool) -> None:
    from argmap._io import atomic_write
    from argmap.model import ArgumentMap
    from argmap.teaching.exercises import Exercises

    assert isinstance(m, ArgumentMap) and isinstance(ex, Exercises)
    suffix = target.lower().rsplit(".", 1)[-1] if "." in target else ""
    if suffix in ("html", "htm", "pdf"):
        from argmap.page.worksheet import worksheet_page

        page = worksheet_page(m, ex, key=key)
        if suffix == "pdf":
            from argmap.page.pdf import print_pdf

            print_pdf(page, target, paper=paper)
        else:
            atomic_write(target, page)
    elif suffix == "json":
        atomic_write(target, ex.to_json() + "\n")
    else:
        atomic_write(target, ex.to_markdown(answers=key or with_answers))


def _cmd_exercises(args: argparse.Namespace) -> int:
    from argmap.files import read
    from argmap.teaching.exercises import make_exercises

    m = read(args.file)
    ex = make_exercises(m, args.seed, gap_share=args.gaps, questions=args.questions)
    if args.output is None or args.output == "-":
        emit(ex.to_json() if args.json else ex.to_markdown(answers=args.key is None), None)
    elif args.json:
        emit(ex.to_json(), args.output)
    else:
        _write_sheet(m, ex, args.output, key=False, paper=args.paper, with_answers=args.key is None)
    if args.key:
        _write_sheet(m, ex, args.key, key=True, paper=args.paper, with_answers=True)
    return 0


def setup_grade(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``grade`` sub-command."""
    p = sub.add_parser(
        "grade",
        help="grade a student's map against a reference, or a folder of them",
        description=(
            "argmap grade STUDENT REFERENCE [-o diff.svg|feedback.html|feedback.pdf] grades one map; "
            "argmap grade REFERENCE STUDENTS_DIR -o OUT_DIR grades every file in the folder, writing "
            "OUT_DIR/grades.csv and a feedback page per student (FILE.html)."
        ),
    )
    p.add_argument("first", metavar="STUDENT|REFERENCE", help="the student's map, or the reference")
    p.add_argument("second", metavar="REFERENCE|STUDENTS_DIR", help="the reference, or a folder of maps")
    p.add_argument("--threshold", type=share, default=0.5, help="least similarity of matched claims")
    p.add_argument(
        "--near", type=share, default=0.1, help="band under the threshold for near matches (default 0.1)"
    )
    p.add_argument(
        "--match",
        action="append",
        default=[],
        metavar="STUDENT_ID=REFERENCE_ID",
        help="match these claims whatever their similarity (repeatable; STUDENT_ID= leaves it unmatched)",
    )
    p.add_argument(
        "--matches",
        metavar="FILE",
        help="a file of STUDENT_ID=REFERENCE_ID lines; lines under a [FILE NAME] line apply to that student",
    )
    p.add_argument(
        "-o",
        "--output",
        help="one student: the diff diagram (.svg, .png) or feedback page (.html, .pdf); a class: OUT_DIR",
    )
    p.set_defaults(func=_cmd_grade)


def _parse_match(item: str, where: str) -> tuple[str, str | None]:
    student, sep, reference = item.partition("=")
    if not sep or not student.strip():
        raise ArgmapError(f"{where}: a match is STUDENT_ID=REFERENCE_ID, not {item!r}")
    return student.strip(), reference.strip() or None


def _read_matches(path: str | None) -> dict[str | None, dict[str, str | None]]:
    """Overrides by student file name (None: every student)."""
    out: dict[str | None, dict[str, str | None]] = {None: {}}
    if path is None:
        return out
    from argmap._io import read_text

    section: str | None = None
    for no, raw in enumerate(read_text(path).splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            out.setdefault(section, {})
            continue
        s, r = _parse_match(line, f"{path}, line {no}")
        out.setdefault(section, {})[s] = r
    return out


def _cmd_grade(args: argparse.Namespace) -> int:
    from pathlib import Path

    from argmap.files import read
    from argmap.teaching.grading import compare

    overrides = _read_matches(args.matches)
    for item in args.match:
        s, r = _parse_match(item, "--match")
        overrides[None][s] = r
    first, second = Path(args.first), Path(args.second)
    if second.is_dir() or first.is_dir():
        reference, folder = (first, second) if second.is_dir() else (second, first)
        if not args.output:
            raise ArgmapError("grading a folder needs -o OUT_DIR for grades.csv and the feedback pages")
        return _grade_class(reference, folder, Path(args.output), args, overrides)
    result = compare(
        read(args.first),
        read(args.second),
        threshold=args.threshold,
        near=args.near,
        overrides={**overrides[None], **overrides.get(first.name, {})},
    )
    if args.output:
        _write_result(result, args.output, first.name)
    emit(result.report(), None)
    if args.output:
        print(f"\nWritten: {args.output}")
    return 0


def _write_result(result: object, output: str, name: str) -> None:
    from argmap._io import atomic_write
    from argmap.page.feedback import diff_diagram, feedback_page
    from argmap.teaching.grading import Comparison

    assert isinstance(result, Comparison)
    suffix = output.lower().rsplit(".", 1)[-1]
    if suffix in ("html", "htm"):
        atomic_write(output, feedback_page(result, name=name))
    elif suffix == "pdf":
        from argmap.page.pdf import print_pdf

        print_pdf(feedback_page(result, name=name), output)
    else:
        diff_diagram(result).render(output)


def _grade_class(
    reference_path: object,
    folder: object,
    out_dir: object,
    args: argparse.Namespace,
    overrides: dict[str | None, dict[str, str | None]],
) -> int:
    import csv
    import io
    import sys
    from pathlib import Path

    from argmap._io import atomic_write
    from argmap.files import read
    from argmap.page.feedback import error_page, feedback_page
    from argmap.teaching.grading import compare

    assert isinstance(reference_path, Path) and isinstance(folder, Path) and isinstance(out_dir, Path)
    reference = read(reference_path)
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.resolve() != reference_path.resolve()
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    fields = [
        "file", "score", "claims_precision", "claims_recall", "claims_f1", "relations_precision",
        "relations_recall", "relations_f1", "structure", "matched_claims", "near_matches",
        "missing_claims", "extra_claims", "error",
    ]  # fmt: skip
    rows: list[dict[str, object]] = []
    broken: list[str] = []
    for path in files:
        page_path = out_dir / f"{path.name}.html"
        try:
            result = compare(
                read(path),
                reference,
                threshold=args.threshold,
                near=args.near,
                overrides={**overrides[None], **overrides.get(path.name, {})},
            )
            atomic_write(page_path, feedback_page(result, name=path.name))
        except (ArgmapError, OSError, ValueError, RecursionError) as exc:
            problem = str(exc) if not isinstance(exc, OSError) else (exc.strerror or str(exc))
            broken.append(f"{path.name}: {problem}")
            rows.append({"file": path.name, "error": problem})
            atomic_write(page_path, error_page(path.name, problem))
            continue
        rows.append({"file": path.name, **result.summary(), "error": ""})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    atomic_write(out_dir / "grades.csv", buffer.getvalue())
    graded = len(rows) - len(broken)
    print(f"argmap: graded {graded} of {len(rows)} files into {out_dir} (grades.csv and one page each)")
    for line in broken:
        print(f"argmap: could not grade {line}", file=sys.stderr)
    return 1 if broken else 0
