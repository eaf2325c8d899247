"""Exercises made from a map: fill the gaps, name the role of a claim, find the implicit premise.

Everything is drawn with ``random.Random(seed)``, so the same map and seed give the same exercises.
The fill-the-gaps text is the map's standard form with some explicit claims blanked; an implicit
premise that a find-the-implicit-premise task asks for is hidden there, and implicit premises are
never options of a role question, so no exercise gives another's answer away.

Examples
--------
>>> m = ArgumentMap()
>>> c = m.claim("Take an umbrella.")
>>> s = m.support(c, [m.claim("It will rain."), m.claim("Umbrellas keep you dry.", implicit=True)])
>>> _ = m.attack(c, m.claim("It is too windy."))
>>> ex = make_exercises(m, seed=1)
>>> [g["text"] for g in ex.gaps]
['It will rain.']
>>> ex.roles[0]["question"], ex.roles[0]["answer"]
('Which of these is a main conclusion?', 'Take an umbrella.')
>>> ex.implicit[0]["answer"]
'Umbrellas keep you dry.'
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any, Final

from argmap.exceptions import ArgmapError
from argmap.model import ArgumentMap
from argmap.teaching.standard_form import arguments, escape_markdown, standard_form

__all__ = ["ROLES", "Exercises", "claim_roles", "make_exercises"]

ROLES: Final = ("main conclusion", "intermediate conclusion", "premise", "objection")
"""The roles a claim can play, as the role questions name them."""
GAP: Final = "________"
_LETTERS: Final = "abcdefgh"
_PLAYS_AS: Final = {
    "premise": {"premise", "intermediate conclusion", "objection"},
    "main conclusion": {"main conclusion"},
    "intermediate conclusion": {"intermediate conclusion"},
    "objection": {"objection"},
}
"""Roles that make a claim a right answer too, so it is never a wrong option: an intermediate
conclusion is also a premise of the argument it supports, and an objection a premise of the
counter-argument it makes."""


def claim_roles(m: ArgumentMap, claim: str) -> frozenset[str]:
    """Return the roles a claim plays (a subset of :data:`ROLES`).

    >>> m = ArgumentMap()
    >>> _ = m.support(m.claim("C"), m.claim("P"))
    >>> sorted(claim_roles(m, "c")), sorted(claim_roles(m, "p"))
    (['main conclusion'], ['premise'])
    """
    roles = set()
    supported, supports = bool(m.inferences_to(claim)), bool(m.inferences_from(claim))
    if supported:
        roles.add("intermediate conclusion" if supports else "main conclusion")
    elif supports:
        roles.add("premise")
    if m.attacks_by(claim):
        roles.add("objection")
    return frozenset(roles)


@dataclass(frozen=True)
class Exercises:
    """The three kinds of exercise, each a list of JSON-ready dicts, and the seed used."""

    seed: int
    gap_text: str
    gap_markdown: str
    gaps: list[dict[str, Any]]
    roles: list[dict[str, Any]]
    implicit: list[dict[str, Any]]

    def to_json(self) -> str:
        """Return the exercises and their answers as JSON."""
        data = {
            "seed": self.seed,
            "fill_the_gaps": {"text": self.gap_text, "gaps": self.gaps},
            "roles": self.roles,
            "implicit_premises": self.implicit,
        }
        return json.dumps(data, ensure_ascii=False, indent=2)

    def to_markdown(self, *, answers: bool = True) -> str:
        """Return a worksheet in Markdown, with the answers at the end unless ``answers`` is false.

        Every text from the map is escaped (:func:`~argmap.teaching.standard_form.escape_markdown`).
        """
        e = escape_markdown
        out = ["# Exercises", ""]
        key: list[str] = []
        if self.gaps:
            bank = sorted(g["text"] for g in self.gaps)
            out += ["## 1. Fill the gaps", "", "Put each statement into its gap:", ""]
            out += [f"- {e(t)}" for t in bank] + ["", self.gap_markdown, ""]
            key += ["**1.** " + "; ".join(f"gap {g['gap']}: {e(g['text'])}" for g in self.gaps), ""]
        if self.roles:
            out += ["## 2. Roles", ""]
            for i, q in enumerate(self.roles, 1):
                out.append(f"{i}. {e(q['question'])}")
                out += [f"   {_LETTERS[j]}) {e(o)}" for j, o in enumerate(q["options"])]
            out.append("")
            key += ["**2.** " + "; ".join(f"{i}: {q['letter']}" for i, q in enumerate(self.roles, 1)), ""]
        if self.implicit:
            out += ["## 3. Find the implicit premise", ""]
            for i, t in enumerate(self.implicit, 1):
                out.append(f"{i}. {e(t['question'])}")
                out += [f"   - {e(p)}" for p in t["premises"]]
                out += [f"   - ({e(GAP)})", f"   - So: {e(t['conclusion'])}"]
            out.append("")
            key += [
                "**3.** " + "; ".join(f"{i}: {e(t['answer'])}" for i, t in enumerate(self.implicit, 1)),
                "",
            ]
        if len(out) == 2:
            out += ["(the map has no arguments to make exercises from)", ""]
        elif answers:
            out += ["## Answers", "", *key]
        return "\n".join(out).rstrip() + "\n"


def _gap_exercise(
    m: ArgumentMap, rng: random.Random, share: float, hidden: set[str]
) -> tuple[str, str, list[dict[str, Any]]]:
    sf = arguments(m)
    # the claims the standard form prints: those of arguments and objections (not of rephrases only)
    shown = {c for a in sf.arguments for c in (*a.premises, a.conclusion)}
    shown |= {c for o in sf.objections for c in (*o.attackers, o.target) if c in sf.numbers}
    explicit = [c for c in sf.numbers if c in shown and not m[c].get("implicit")]
    k = min(len(explicit), max(1, round(len(explicit) * share))) if explicit else 0
    chosen = sorted(rng.sample(explicit, k), key=sf.numbers.__getitem__)
    gap_no = {c: i for i, c in enumerate(chosen, 1)}

    def show(c: str) -> str:
        if c in gap_no:
            return f"{GAP} (gap {gap_no[c]})"
        if c in hidden:
            return "(see exercise 3)"
        return " ".join(m[c]["text"].split())

    gaps = [{"gap": gap_no[c], "claim": c, "number": sf.numbers[c], "text": m[c]["text"]} for c in chosen]
    return standard_form(m, show=show), standard_form(m, format="markdown", show=show), gaps


def _role_questions(m: ArgumentMap, rng: random.Random, count: int) -> list[dict[str, Any]]:
    claims = [c for c in m.claims() if m.graph.degree(c) and not m[c].get("implicit")]
    roles = {c: claim_roles(m, c) for c in claims}
    article = {"main conclusion": "a", "intermediate conclusion": "an", "premise": "a", "objection": "an"}
    used: set[str] = set()
    out: list[dict[str, Any]] = []
    for _ in range(count):
        wanted = [r for r in ROLES if any(r in roles[c] and c not in used for c in claims)]
        wanted = [r for r in wanted if any(not roles[c] & _PLAYS_AS.get(r, {r}) for c in claims)]
        if not wanted:
            break
        role = wanted[len(out) % len(wanted)] if len(out) < len(wanted) else rng.choice(wanted)
        answer = rng.choice([c for c in claims if role in roles[c] and c not in used])
        used.add(answer)
        others = [c for c in claims if not roles[c] & _PLAYS_AS.get(role, {role})]
        options = [answer, *rng.sample(others, min(3, len(others)))]
        rng.shuffle(options)
        out.append(
            {
                "question": f"Which of these is {article[role]} {role}?",
                "role": role,
                "options": [m[c]["text"] for c in options],
                "option_claims": options,
                "letter": _LETTERS[options.index(answer)],
                "answer": m[answer]["text"],
                "claim": answer,
            }
        )
    return out


def _implicit_tasks(m: ArgumentMap) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for inf in m.inferences():
        prem = m.premises(inf)
        hidden = [p for p in prem if m[p].get("implicit")]
        stated = [p for p in prem if not m[p].get("implicit")]
        if not hidden or not stated:
            continue
        out.append(
            {
                "question": "Which unstated premise does this argument need?",
                "inference": inf,
                "premises": [m[p]["text"] for p in stated],
                "conclusion": m[m.conclusion(inf)]["text"],
                "answer": " / ".join(m[p]["text"] for p in hidden),
                "claims": hidden,
            }
        )
    return out


def make_exercises(m: ArgumentMap, seed: int = 0, *, gap_share: float = 0.3, questions: int = 4) -> Exercises:
    """Make the exercises for a map.

    Parameters
    ----------
    m : ArgumentMap
    seed : int
        Seed of the ``random.Random`` that picks gaps, questions and option order.
    gap_share : float
        Share (0 to 1) of the explicit claims blanked in the fill-the-gaps text (at least one).
    questions : int
        How many role questions ("which is the premise / conclusion / objection") to ask at most.

    Returns
    -------
    Exercises
        ``gaps`` (blanked claims), ``roles`` (multiple choice with answers) and ``implicit``
        (one task per inference that has both stated and implicit premises).

    Raises
    ------
    ArgmapError
        If ``gap_share`` is outside 0..1 or ``questions`` is negative.
    """
    if not 0 <= gap_share <= 1:
        raise ArgmapError(f"gap_share must lie between 0 and 1, not {gap_share}")
    if questions < 0:
        raise ArgmapError(f"questions must not be negative, not {questions}")
    rng = random.Random(seed)
    has_args = next(m.inferences(), None) is not None
    implicit = _implicit_tasks(m)
    hidden = {c for task in implicit for c in task["claims"]}
    if has_args and gap_share > 0:
        gap_text, gap_markdown, gaps = _gap_exercise(m, rng, gap_share, hidden)
    else:
        gap_text, gap_markdown, gaps = "", "", []
    return Exercises(seed, gap_text, gap_markdown, gaps, _role_questions(m, rng, questions), implicit)
