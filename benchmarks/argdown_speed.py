"""Time argmap's Argdown parser against the reference ``@argdown/core``, side by side.

Generates Argdown documents of 1,000, 10,000 and 100,000 statements (relation
trees) and one of 2,000 reconstructed arguments, then parses each with
:func:`argmap.parse_argdown` and with ``@argdown/core`` 2.0.1 under Node
(``parse-input`` + ``build-model``, the reference's equivalent of reading into a
model). Each parser runs once to warm up, then ``REPEAT`` times; the median is
reported, with the time per 1,000 statements to show how it scales, and the
time of argmap's lexer alone (part of argmap's time).

The reference is installed on first use with ``npm install`` into
``benchmarks/_work/`` (git-ignored). Usage::

    python benchmarks/argdown_speed.py [--repeat N] [--quick]
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from argmap import parse_argdown
from argmap.readwrite._argdown_lex import tokenize

WORK = Path(__file__).resolve().parent / "_work"
REFERENCE = "@argdown/core@2.0.1"
NODE_SCRIPT = """
import { argdown } from "@argdown/core";
import fs from "fs";
const repeat = Number(process.argv[2]);
const out = {};
for (const file of process.argv.slice(3)) {
  const input = fs.readFileSync(file, "utf8");
  const run = () => argdown.run({ input, process: ["parse-input", "build-model"], logLevel: "error" });
  const first = run();
  const errors = (first.parserErrors || []).length + (first.lexerErrors || []).length;
  if (errors) throw new Error("errors in " + file);
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const t = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  out[file] = { ms: times[Math.floor(times.length / 2)], statements: Object.keys(first.statements).length,
                arguments: Object.keys(first.arguments).length, relations: first.relations.length };
}
console.log(JSON.stringify(out));
"""


def statements_doc(n: int) -> str:
    """A document of ``n`` statements: trees of one claim with two supports and an attack."""
    blocks = []
    for i in range(0, n, 4):
        blocks.append(
            f"[Claim {i}]: Claim number {i} says that *this* matters, see #topic{i % 7}.\n"
            f"  + [Reason {i}]: A reason for claim {i}, with a comma, and more words.\n"
            f"  + [Evidence {i}]: Evidence {i} that supports the claim (with brackets).\n"
            f"  - [Objection {i}]: An objection to claim {i}; it has some text too.\n"
            f"    - [Claim {i + 4}]"
        )
    return "\n\n".join(blocks) + "\n"


def arguments_doc(n: int) -> str:
    """A document of ``n`` reconstructed arguments, each attacking the previous one's conclusion."""
    parts = []
    for i in range(n):
        parts.append(f"<Argument {i}>: Argument {i} in short.")
        attack = f"\n  - [Conclusion {i - 1}]" if i else ""
        parts.append(
            f"(1) [Premise {i}a]: The first premise of argument {i}.\n"
            f"(2) [Premise {i}b]: The second premise of argument {i}, which is longer.\n"
            f"-- modus ponens --\n"
            f"(3) [Conclusion {i}]: So the conclusion of argument {i} follows.{attack}"
        )
    return "\n\n".join(parts) + "\n"


def ensure_reference() -> bool:
    if (WORK / "node_modules" / "@argdown" / "core").is_dir():
        return True
    if shutil.which("npm") is None:
        return False
    WORK.mkdir(exist_ok=True)
    if not (WORK / "package.json").exists():
        (WORK / "package.json").write_text('{"name": "argdown-bench", "private": true}\n')
    subprocess.run(["npm", "install", "--silent", REFERENCE], cwd=WORK, check=True)
    return True


def median_ms(run: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` calls of ``run``, after one to warm up."""
    run()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 5
    sizes = [("statements", 1_000), ("statements", 10_000)]
    if "--quick" not in argv:
        sizes.append(("statements", 100_000))
    sizes.append(("arguments", 2_000))
    WORK.mkdir(exist_ok=True)
    files = []
    for kind, n in sizes:
        path = WORK / f"speed_{kind}_{n}.argdown"
        path.write_text(statements_doc(n) if kind == "statements" else arguments_doc(n), encoding="utf-8")
        files.append((kind, n, path))
    have_reference = ensure_reference()
    if have_reference:
        (WORK / "speed.mjs").write_text(NODE_SCRIPT, encoding="utf-8")
    print(
        f"{'document':<22} {'KB':>7} {'argmap ms':>10} {'ms/1k st.':>10} {'lexer ms':>9} "
        f"{'reference ms':>13} {'ms/1k st.':>10} {'ratio':>6}"
    )
    for kind, n, path in files:
        # Each document is timed by both parsers back to back, so both see the same machine load.
        ref: dict[str, float] = {}
        if have_reference:
            done = subprocess.run(
                ["node", str(WORK / "speed.mjs"), str(repeat), str(path)],
                cwd=WORK,
                check=True,
                capture_output=True,
                text=True,
            )
            ref = json.loads(done.stdout)[str(path)]
        text = path.read_text(encoding="utf-8")
        claims = sum(1 for _ in parse_argdown(text).claims())
        ours = median_ms(partial(parse_argdown, text), repeat)
        lexer = median_ms(partial(tokenize, text), repeat)  # the documents have no CR or BOM to normalise
        per_ours = ours / claims * 1000
        ref_cols = ""
        if ref:
            ref_ms = ref["ms"]
            ref_cols = f"{ref_ms:13.1f} {ref_ms / ref['statements'] * 1000:10.2f} {ref_ms / ours:6.2f}"
        label = f"{n:,} {kind}"
        size = len(text.encode()) / 1024
        print(f"{label:<22} {size:7.0f} {ours:10.1f} {per_ours:10.2f} {lexer:9.1f} {ref_cols}", flush=True)
    print(f"ratio = reference ms / argmap ms (above 1: argmap is faster); medians of {repeat} runs")
    print("lexer ms = argmap's Argdown lexer alone (tokenize), part of argmap ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
