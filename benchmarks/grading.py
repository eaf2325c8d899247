"""Time grading (:func:`argmap.teaching.grading.compare`) as maps grow, and on hostile inputs.

A synthetic reference of N claims (random sentences over a small vocabulary, each numbered, in
a forest of supports and attacks) is compared with a student's version of it: every claim
reworded (a word dropped or added, capitalised, a full stop), 10 % of them left out, the same
relations where both ends survive. Two hostile cases follow: N claims all with the same text,
and one pair of claims of 57 KB each. The target: 500 claims in under 1 s. Usage::

    .venv/bin/python benchmarks/grading.py [--sizes 100 500 2000] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from typing import Any

from argmap.model import ArgumentMap
from argmap.teaching.grading import compare

SIZES = (100, 500, 1_000, 2_000, 5_000)
TARGET = (500, 1.0)
VOCABULARY = (
    "bridge",
    "budget",
    "traffic",
    "school",
    "tax",
    "park",
    "rail",
    "noise",
    "safety",
    "river",
    "city",
    "council",
    "money",
    "time",
    "road",
    "car",
    "bus",
    "train",
    "people",
    "children",
    "health",
    "cost",
    "price",
    "market",
    "trade",
    "law",
    "court",
    "judge",
    "vote",
    "party",
    "war",
    "peace",
    "energy",
    "coal",
    "wind",
    "solar",
    "water",
    "food",
    "farm",
)


def pair(n: int, seed: int = 0) -> tuple[ArgumentMap, ArgumentMap]:
    """Return (student, reference) of about ``n`` claims each, as the module describes."""
    rng = random.Random(seed)
    ref, stu = ArgumentMap(title="reference"), ArgumentMap(title="student")
    texts = [" ".join(rng.choices(VOCABULARY, k=rng.randint(6, 14))) + f" {i}" for i in range(n)]
    for i, text in enumerate(texts):
        ref.claim(text, id=f"r{i}")
    links = []
    for i in range(1, n):
        links.append((rng.randrange(max(0, i - 20), i), i, rng.random() < 0.7))
        if links[-1][2]:
            ref.support(f"r{links[-1][0]}", f"r{i}")
        else:
            ref.attack(f"r{links[-1][0]}", f"r{i}")
    for i, text in enumerate(texts):
        words = text.split()
        if rng.random() < 0.3:
            words.pop(rng.randrange(len(words)))
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), rng.choice(VOCABULARY))
        if rng.random() < 0.9:
            stu.claim(" ".join(words).capitalize() + ".", id=f"p{i}")
    for a, b, support in links:
        if f"p{a}" in stu and f"p{b}" in stu:
            (stu.support if support else stu.attack)(f"p{a}", f"p{b}")
    return stu, ref


def same_text(n: int) -> tuple[ArgumentMap, ArgumentMap]:
    """Two maps of ``n`` claims that all say the same."""
    maps = []
    for _ in range(2):
        m = ArgumentMap()
        for i in range(n):
            m.claim("The same sentence again and again.", id=f"c{i}")
        maps.append(m)
    return maps[0], maps[1]


def long_texts(size: int = 57_000, seed: int = 1) -> tuple[ArgumentMap, ArgumentMap]:
    """Two maps of one claim each, of ``size`` characters of random words."""
    rng = random.Random(seed)
    maps = []
    for _ in range(2):
        m = ArgumentMap()
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < size:
            words.append("".join(rng.choices("abcdefghij", k=rng.randint(2, 9))))
        m.claim(" ".join(words), id="c")
        maps.append(m)
    return maps[0], maps[1]


def timed(stu: ArgumentMap, ref: ArgumentMap) -> dict[str, Any]:
    start, cpu = time.perf_counter(), time.process_time()
    c = compare(stu, ref)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    right = sum(1 for x in c.matches if x.student[1:] == x.reference[1:])
    return {
        "seconds": round(seconds, 3),
        "cpu": round(cpu, 3),
        "matched": len(c.matches),
        "right": right,
        "student_claims": c.claims.student,
        "score": c.score,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    for n in args.sizes:
        rows.append({"case": f"paraphrased, {n} claims", **timed(*pair(n))})
    rows.append({"case": "500 claims, all the same text", **timed(*same_text(500))})
    rows.append({"case": "one pair of 57 KB claims", **timed(*long_texts())})
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        for r in rows:
            print(
                f"{r['case']:32} {r['seconds']:8.3f} s ({r['cpu']:.3f} s CPU)  matched {r['matched']:5} "
                f"(right {r['right']} of {r['student_claims']})  score {r['score']}"
            )
    fast = next((r for r in rows if r["case"] == f"paraphrased, {TARGET[0]} claims"), None)
    if fast is not None:
        ok = fast["seconds"] < TARGET[1]
        print(f"target: {TARGET[0]} claims in under {TARGET[1]} s: {'met' if ok else 'MISSED'}")
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
