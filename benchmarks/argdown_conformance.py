"""Compare argmap's Argdown reader with the reference parser, file by file.

For every ``.argdown`` file of the conformance corpus (``../shared/corpora/argdown``)
this reads the file with :func:`argmap.parse_argdown` and compares what the map
holds with the JSON that ``@argdown/core`` 2.0.1 wrote for it
(``expected/core-2.0.1/*.json``):

- statements: equivalence classes by title (untitled ones by text), with the text
  of their canonical member (tags cut out, white space collapsed); arguments
  without a premise-conclusion structure (PCS) likewise;
- arguments: each inference step of each PCS as (premises, conclusion), and the
  titles of reconstructed arguments with their conclusions;
- relations: (type, from, to), inferences named by their premises and conclusion.

A file the reference rejects (lexer or parser errors, exceptions) must raise
:class:`argmap.ArgdownSyntaxError`.

With ``--generated`` it also writes every map it read (and the seed map) back with
:func:`argmap.generate_argdown`, checks that argmap reads back the same map, and
has the reference (installed by ``benchmarks/argdown_speed.py`` into
``benchmarks/_work/``) parse the generated documents. With ``--tokens`` it
compares argmap's token stream with the reference lexer's, file by file. Usage::

    python benchmarks/argdown_conformance.py [CORPUS_DIR] [-v] [--generated] [--tokens]
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from argmap import ArgdownSyntaxError, ArgumentMap, generate_argdown, parse_argdown, seed_map
from argmap.readwrite._argdown_lex import tokenize

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "argdown"
WORK = Path(__file__).resolve().parent / "_work"
CHECK_SCRIPT = """
import { argdown } from "@argdown/core";
import fs from "fs";
let ok = 0;
const failed = [];
const counts = {};
for (const file of process.argv.slice(2)) {
  const r = argdown.run({ input: fs.readFileSync(file, "utf8"), process: ["parse-input", "build-model"],
                          logLevel: "error" });
  const errors = (r.lexerErrors || []).length + (r.parserErrors || []).length + (r.exceptions || []).length;
  if (errors) failed.push(file); else ok++;
  const size = (o) => Object.keys(o || {}).length;
  counts[file] = errors ? null : [size(r.statements), size(r.arguments), (r.relations || []).length];
}
console.log(JSON.stringify({ ok, failed, counts }));
"""
TOKENS_SCRIPT = """
import { tokenize } from "@argdown/core";
import fs from "fs";
const out = {};
for (const file of process.argv.slice(2)) {
  try {
    const r = tokenize(fs.readFileSync(file, "utf8"));
    out[file] = r.tokens.map((t) => [t.tokenType.name, t.image]);
  } catch (e) {
    out[file] = null;
  }
}
console.log(JSON.stringify(out));
"""
EXPECTED = "expected/core-2.0.1"
AUTO = re.compile(r"Untitled \d+")
WS = re.compile(r"\s+")
TIER1_CORE = ("semmelweis_betz", "veggie_debate", "intro", "parser-", "model-escaped-chars")

Key = tuple[Any, ...]
Facts = dict[str, Counter[Any]]


def tier(path: str) -> int:
    """1 for the files that must match (syntax snippets, example debates, core fixtures), else 2."""
    if path.startswith(("docs-snippets/docs__syntax__README/", "argdown-repo/examples/")):
        return 1
    name = path.rsplit("/", 1)[-1]
    if path.startswith("argdown-repo/packages/argdown-core/test/") and name.startswith(TIER1_CORE):
        return 1
    return 2


def norm(text: str) -> str:
    return WS.sub(" ", text).strip()


def _cut_tags(member: dict[str, Any]) -> str:
    units = member.get("text", "").encode("utf-16-le")
    tags = sorted((r for r in member.get("ranges", []) if r.get("type") == "tag"), key=lambda r: -r["start"])
    for r in tags:
        units = units[: 2 * r["start"]] + units[2 * (r["stop"] + 1) :]
    return norm(units.decode("utf-16-le", errors="replace"))


def _canonical(node: dict[str, Any]) -> dict[str, Any] | None:
    found: dict[str, Any] | None = None
    for member in reversed(node.get("members", [])):
        if not member.get("isReference"):
            if (member.get("data") or {}).get("isCanonical"):
                return dict(member)
            found = found or member
    return found


def _text(node: dict[str, Any], title: str) -> str:
    member = _canonical(node)
    return (_cut_tags(member) if member else "") or norm(title)


def _steps(pcs: list[dict[str, Any]]) -> Iterable[tuple[int, list[int]]]:
    for i, s in enumerate(pcs):
        if s.get("role") not in ("intermediary-conclusion", "main-conclusion"):
            continue
        inf_data = (s.get("inference") or {}).get("data") or {}
        data = s.get("data") or {}
        listed: list[Any] = next(
            (
                d[k]
                for d, k in ((inf_data, "uses"), (data, "uses"), (inf_data, "from"), (data, "from"))
                if isinstance(d.get(k), list)
            ),
            [],
        )
        # argmap uses the entries that name another statement (numbers may be quoted)
        numbers = [int(n) for n in listed if isinstance(n, (int, str)) and str(n).strip().isdigit()]
        used = [n - 1 for n in numbers if 1 <= n <= len(pcs) and pcs[n - 1]["title"] != s["title"]]
        if used:
            yield i, used
            continue
        chosen = []
        for j in range(i - 1, -1, -1):
            chosen.append(j)
            if pcs[j].get("role") in ("intermediary-conclusion", "main-conclusion"):
                break
        yield i, chosen[::-1]


def reference_facts(d: dict[str, Any], exploded: bool = False) -> Facts:
    """What the reference's JSON says, as comparable facts.

    With ``exploded`` (the front matter's ``model.explodeArguments``) the reference
    has already split each argument into one argument per inference step.
    """
    ecs, args = d.get("statements", {}), d.get("arguments", {})
    keys: dict[tuple[str, str], Key] = {}
    facts: Facts = {k: Counter() for k in ("claims", "supports", "attacks", "arguments")}
    for title, ec in ecs.items():
        text = _text(ec, title)
        key = ("x", text) if AUTO.fullmatch(title) else ("t", title)
        keys["equivalence-class", title] = key
        facts["claims"][key, text] += 1
    inferences: dict[tuple[str, int], Key] = {}
    for title, arg in args.items():
        pcs = arg.get("pcs") or []
        if not pcs:
            text = _text(arg, title)
            key = ("ax", text) if AUTO.fullmatch(title) else ("a", title)
            keys["argument", title] = key
            facts["claims"][key, text] += 1
            continue
        steps = [(len(pcs) - 1, list(range(len(pcs) - 1)))] if exploded else _steps(pcs)
        for i, used in steps:
            premises = frozenset(
                keys["equivalence-class", pcs[j]["title"]] for j in used if 0 <= j < len(pcs)
            )
            conclusion = keys["equivalence-class", pcs[i]["title"]]
            inferences[title, i] = ("inf", premises, conclusion)
            facts["supports"]["support", premises, conclusion] += 1
        main = inferences[title, len(pcs) - 1]
        keys["argument", title] = main
        if not AUTO.fullmatch(title):
            facts["arguments"][title, main[2]] += 1
    for r in d.get("relations", []):
        frm = keys[r["fromType"], r["from"]]
        if r["toType"] == "inference":
            to = inferences[r["to"], r["conclusionIndex"]]
        else:
            to = keys[r["toType"], r["to"]]
        if frm[0] == "inf":
            frm = frm[2]
        rtype = r["relationType"]
        if rtype in ("support", "entails"):
            facts["supports"][rtype, frozenset({frm}), to[2] if to[0] == "inf" else to] += 1
        elif rtype == "contradictory":
            facts["attacks"][(rtype, *sorted((frm, to), key=repr))] += 1
        else:
            facts["attacks"][rtype, frm, to] += 1
    return facts


def map_facts(m: ArgumentMap) -> Facts:
    """The same facts, read off an :class:`ArgumentMap` made by :func:`parse_argdown`."""
    facts: Facts = {k: Counter() for k in ("claims", "supports", "attacks", "arguments")}

    def argdown(node: str) -> dict[str, Any]:
        value = (m[node].get("meta") or {}).get("argdown")
        return value if isinstance(value, dict) else {}

    def key(node: str) -> Key:
        a, text = argdown(node), norm(m[node]["text"])
        if a.get("argument") is True:
            return ("ax", text) if a.get("untitled") else ("a", a.get("title", node))
        return ("x", text) if a.get("untitled") else ("t", a.get("title", node))

    def inference_key(s: str) -> Key:
        return ("inf", frozenset(key(p) for p in m.premises(s)), key(m.conclusion(s)))

    for c in m.claims():
        facts["claims"][key(c), norm(m[c]["text"])] += 1
    for s in m.inferences():
        a = argdown(s)
        _, premises, conclusion = inference_key(s)
        facts["supports"][a.get("relation", "support"), premises, conclusion] += 1
        if "argument" not in a and (a.get("title") or not re.fullmatch(r"s\d+", s)):
            facts["arguments"][a.get("title", s), conclusion] += 1
    for c in m.conflicts():
        target = m.target(c)
        on_inference = m.kind(target) == "inference"
        to = inference_key(target) if on_inference else key(target)
        rtype = argdown(c).get("relation") or ("undercut" if on_inference else "attack")
        for attacker in m.attackers(c):
            if rtype == "contradictory":
                facts["attacks"][(rtype, *sorted((key(attacker), to), key=repr))] += 1
            else:
                facts["attacks"][rtype, key(attacker), to] += 1
    return facts


def rejected(summary: dict[str, Any]) -> bool:
    return bool(summary["lexerErrors"] or summary["parserErrors"] or summary["exceptions"])


def compare(corpus: Path, summary: dict[str, Any]) -> tuple[bool, str]:
    """Return (ok, what differs) for one file of ``SUMMARY.json``."""
    path = summary["file"]
    text = (corpus / path).read_text(encoding="utf-8")
    try:
        m = parse_argdown(text)
    except ArgdownSyntaxError as exc:
        if rejected(summary):
            return True, ""
        return False, f"raised {exc}"
    if rejected(summary):
        return False, "accepted a file the reference rejects"
    expected = json.loads((corpus / EXPECTED / f"{path}.json").read_text(encoding="utf-8"))
    model = m.meta.get("model")
    exploded = isinstance(model, dict) and bool(model.get("explodeArguments"))
    ref, mine = reference_facts(expected, exploded), map_facts(m)
    for part in ("claims", "supports", "attacks", "arguments"):
        if ref[part] != mine[part]:
            missing = list((ref[part] - mine[part]).elements())[:2]
            extra = list((mine[part] - ref[part]).elements())[:2]
            return False, f"{part}: missing {missing} extra {extra}"
    return True, ""


def summaries(corpus: Path) -> list[dict[str, Any]]:
    data = json.loads((corpus / EXPECTED / "SUMMARY.json").read_text(encoding="utf-8"))
    return list(data["files"])


def folder(path: str) -> str:
    return "/".join(path.split("/")[:2]) if not path.startswith("argdown-repo/") else path.rsplit("/", 1)[0]


def reference_counts(expected: dict[str, Any]) -> tuple[int, int, int]:
    """Statements (equivalence classes), arguments and relations in the reference's JSON."""
    return (
        len(expected.get("statements") or {}),
        len(expected.get("arguments") or {}),
        len(expected.get("relations") or []),
    )


def generated(corpus: Path, verbose: bool = False) -> dict[str, tuple[int, int]]:
    """Write back every map read, read it again, and have the reference read the results.

    For each corpus file the reference accepted, the reference's counts of
    statements, arguments and relations on argmap's output are compared with
    its counts on the original file. Returns the figures printed, as (hits, of).
    """
    maps = [seed_map()]
    originals: list[tuple[str, tuple[int, int, int]] | None] = [None]
    for summary in summaries(corpus):
        try:
            m = parse_argdown((corpus / summary["file"]).read_text(encoding="utf-8"))
        except ArgdownSyntaxError:
            continue
        if not len(m):
            continue
        expected = json.loads((corpus / EXPECTED / f"{summary['file']}.json").read_text(encoding="utf-8"))
        maps.append(m)
        originals.append((summary["file"], reference_counts(expected)))
    texts = ["".join(generate_argdown(m)) for m in maps]
    same = sum(parse_argdown(t) == m for t, m in zip(texts, maps, strict=True))
    print(f"generated documents read back as the same map: {same}/{len(maps)}")
    figures = {"same map": (same, len(maps))}
    if not (WORK / "node_modules" / "@argdown" / "core").is_dir():
        print("reference not installed: run benchmarks/argdown_speed.py once")
        return figures
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, text in enumerate(texts):
            path = Path(tmp) / f"{i:04d}.argdown"
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        script = WORK / "check.mjs"
        script.write_text(CHECK_SCRIPT, encoding="utf-8")
        done = subprocess.run(
            ["node", str(script), *files], cwd=WORK, check=True, capture_output=True, text=True
        )
    result = json.loads(done.stdout)
    print(f"generated documents the reference accepts: {result['ok']}/{len(files)}")
    counted = kept = 0
    for file, original in zip(files, originals, strict=True):
        if original is None:
            continue
        counted += 1
        theirs = result["counts"][file]
        ok = theirs is not None and tuple(theirs) == original[1]
        kept += ok
        if verbose and not ok:
            print(f"COUNTS {original[0]}: original {list(original[1])}, argmap's output {theirs}")
    print(
        f"generated documents the reference reads with the original numbers of statements, arguments "
        f"and relations: {kept}/{counted} = {kept / max(counted, 1):.1%}"
    )
    figures["accepted"] = (result["ok"], len(files))
    figures["same counts"] = (kept, counted)
    return figures


def tokens(corpus: Path) -> None:
    """Compare argmap's token stream with the reference lexer's on every file."""
    if not (WORK / "node_modules" / "@argdown" / "core").is_dir():
        print("reference not installed: run benchmarks/argdown_speed.py once")
        return
    files = [str(corpus / s["file"]) for s in summaries(corpus)]
    script = WORK / "tokens.mjs"
    script.write_text(TOKENS_SCRIPT, encoding="utf-8")
    done = subprocess.run(["node", str(script), *files], cwd=WORK, check=True, capture_output=True, text=True)
    reference = json.loads(done.stdout)
    same = 0
    for file in files:
        text = Path(file).read_text(encoding="utf-8").removeprefix("\ufeff")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        try:
            toks = tokenize(text)
            mine: list[list[str]] | None = [
                [kind.value, im] for kind, im in zip(toks.types, toks.images, strict=True)
            ]
        except ArgdownSyntaxError:
            mine = None
        theirs = reference[file]
        if theirs is not None:
            theirs = [[name, im.replace("\r\n", "\n").replace("\r", "\n")] for name, im in theirs]
        same += mine == theirs
    print(f"token streams equal to the reference lexer's: {same}/{len(files)}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a not in ("-v", "--generated", "--tokens")]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    rows: dict[str, list[int]] = {}
    totals = {"accepted": [0, 0], "rejected": [0, 0], "tier 1": [0, 0]}
    for summary in summaries(corpus):
        ok, why = compare(corpus, summary)
        row = rows.setdefault(folder(summary["file"]), [0, 0])
        row[0] += int(ok)
        row[1] += 1
        for name, applies in (
            ("accepted", not rejected(summary)),
            ("rejected", rejected(summary)),
            ("tier 1", tier(summary["file"]) == 1),
        ):
            if applies:
                totals[name][0] += int(ok)
                totals[name][1] += 1
        if verbose and not ok:
            print(f"MISMATCH {summary['file']}: {why}")
    width = max(len(k) for k in rows)
    print(f"{'folder':<{width}}  match  files  share")
    for name, (hits, n) in sorted(rows.items()):
        print(f"{name:<{width}}  {hits:5d}  {n:5d}  {hits / n:6.1%}")
    labels = {"accepted": "files the reference accepts", "rejected": "files the reference rejects"}
    for name, (hits, n) in totals.items():
        print(f"{labels.get(name, name)}: {hits}/{n} = {hits / max(n, 1):.1%}")
    if "--generated" in argv:
        generated(corpus, verbose)
    if "--tokens" in argv:
        tokens(corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
