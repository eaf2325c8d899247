"""Sub-commands that analyse a map: ``check``, ``evaluate``."""

from __future__ import annotations

import argparse
import sys

from argmap.cli._common import count, seconds
from argmap.exceptions import ArgmapError
from argmap.formats import format_of_name

__all__ = ["setup_check", "setup_evaluate"]


def setup_check(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` sub-command."""
    p = sub.add_parser("check", help="check a map's structure: cycles, dangling relations, missing links")
    p.add_argument("file", help="the map")
    p.set_defaults(func=_cmd_check)


def _cmd_check(args: argparse.Namespace) -> int:
    from argmap.analysis.structure import check
    from argmap.files import read

    findings = check(read(args.file))
    for f in findings:
        print(f)
    counts = {level: sum(f.level == level for f in findings) for level in ("error", "warning", "info")}
    print(", ".join(f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items()), file=sys.stderr)
    return 1 if counts["error"] else 0


def setup_evaluate(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``evaluate`` sub-command."""
    from argmap.analysis.evaluate import MAP_SEMANTICS

    p = sub.add_parser(
        "evaluate",
        help="label or weigh the claims of a map (or the arguments of an ICCMA file)",
        description="Show each claim's label (Dung semantics) or strength (gradual semantics). "
        "An .apx, .tgf, .i23 or .af file is read as an abstract framework; its extensions are listed.",
    )
    p.add_argument("file", help="the map, or an ICCMA framework")
    p.add_argument("-s", "--semantics", choices=MAP_SEMANTICS, default="grounded", help="default: grounded")
    p.add_argument(
        "--limit", type=count, default=10, metavar="N", help="list at most N extensions (default 10)"
    )
    p.add_argument(
        "--timeout",
        type=seconds,
        metavar="S",
        help="stop the SAT search (complete, preferred, stable) after S seconds (default: none)",
    )
    p.add_argument("-o", "--output", help="also draw the map, claims coloured by value (.svg, .png, .dot)")
    p.set_defaults(func=_cmd_evaluate)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from argmap.analysis import evaluate as ev
    from argmap.analysis import semantics as sem

    if format_of_name(args.file, holds="af") is not None:
        from argmap.files import read_af

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
        for ext in sem.extensions(af, args.semantics, limit=args.limit, timeout=args.timeout):
            print("[" + ",".join(sorted(ext, key=af.index)) + "]")
        return 0
    from argmap.files import read

    m = read(args.file)
    values = ev.evaluate(m, args.semantics, timeout=args.timeout)
    width = max((len(c) for c in values), default=0)
    for claim, (label, _) in values.items():
        print(f"{label:<10} {claim:<{width}}  {m[claim]['text']}")
    if args.output:
        from argmap.render import render

        numbers = {c: v for c, (_, v) in values.items()}
        render(m, args.output, values=numbers, value_range=ev.value_range(args.semantics))
    return 0
