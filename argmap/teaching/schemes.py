"""Critical questions about the actual argument, and critical questions added to a map as attacks.

The catalogue itself (names, premises, typed questions) is :mod:`argmap.schemes`. Here an
inference that names a scheme gets the scheme's critical questions in its own words: the scheme's
roles are filled from the inference's claims and speakers where they can be matched, and the
scheme's own words for a role ("the goal") are said where they cannot; no question shows a bare
variable letter.

How roles are matched:

* the inference's premises are paired with the scheme's premises by word overlap (the template's
  words and the scheme's ``cues``), ties going to the order they are listed in;
* a role that *is* a slot's claim (the claim of an argument from expert opinion is its
  conclusion) is filled with that claim's text, quoted;
* a role a person fills (the expert, the witness) gets the speaker of its slot's claim, else of
  another premise, else of the conclusion;
* a question none of whose roles could be filled quotes the premise it is about.

Examples
--------
>>> m = ArgumentMap()
>>> p = m.claim("Only two launchers are left.", speaker="Dr Lee")
>>> s = m.support(m.claim("Few launches will follow."), p, scheme="Expert Opinion")
>>> for q in inference_questions(m, s)[:2]:
...     print(q.type, "|", q.text)
assumption | How credible is Dr Lee as an expert source?
assumption | Is Dr Lee an expert in the field “Few launches will follow” belongs to?
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from argmap.exceptions import GraphStructureError, UnknownSchemeError
from argmap.model import CONFLICT, INFERENCE, ArgumentMap
from argmap.schemes import CONCLUSION, CriticalQuestion, Scheme, get_scheme, placeholders, schemes

__all__ = [
    "CQ_META",
    "CQ_TAG",
    "ArgumentQuestion",
    "RoleBinding",
    "UnknownSchemeError",
    "add_question_attack",
    "bind_roles",
    "get_scheme",
    "inference_questions",
    "open_questions",
    "schemes",
]

CQ_META: Final = "critical_question"
"""Key in a node's ``meta`` recording the critical question it raises."""
CQ_TAG: Final = "critical-question"
"""Tag of claims added by :func:`add_question_attack`."""
_WORD: Final = re.compile(r"[^\W\d_]+")
_STEM: Final = 5
_MAX_QUOTE: Final = 120
_MAX_EXACT: Final = 7
_STOP: Final = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "might",
        "more",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)


@dataclass(frozen=True)
class RoleBinding:
    """How a scheme's roles are filled for one inference.

    Attributes
    ----------
    scheme : Scheme
    slots : dict of int to str
        The map claim matched to each scheme slot (:data:`~argmap.schemes.CONCLUSION` or a premise
        number from 1); unmatched premises are absent.
    values : dict of str to str
        What each role is said as: a quoted claim, a speaker, or the scheme's own words for it.
    bound : frozenset of str
        The roles filled from the map (claims or speakers), not from the scheme's words, and the
        slot references (``premise1``, ``conclusion``) of matched slots.
    """

    scheme: Scheme
    slots: dict[int, str]
    values: dict[str, str]
    bound: frozenset[str]


@dataclass(frozen=True)
class ArgumentQuestion:
    """A critical question asked of one inference, in that argument's words.

    Attributes
    ----------
    inference : str
        The id of the inference questioned.
    question : CriticalQuestion
        The catalogue's question.
    text : str
        The question about this argument.
    statement : str or None
        For an assumption, what it takes for granted, about this argument; None for exceptions.
    """

    inference: str
    question: CriticalQuestion
    text: str
    statement: str | None

    @property
    def scheme(self) -> str:
        """The id of the scheme asking it."""
        return self.question.scheme

    @property
    def key(self) -> str:
        """The question's id within its scheme."""
        return self.question.key

    @property
    def type(self) -> str:
        """``"exception"`` or ``"assumption"``."""
        return self.question.type


def _words(text: str) -> set[str]:
    return {w[:_STEM] for w in _WORD.findall(text.lower()) if w not in _STOP}


def _quote(text: str) -> str:
    flat = " ".join(text.split()).rstrip(".").strip()
    if len(flat) > _MAX_QUOTE:
        flat = flat[: _MAX_QUOTE - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return f"“{flat}”"


def _match_premises(scheme: Scheme, texts: Sequence[str]) -> dict[int, int]:
    """Pair scheme premise numbers (from 1) with indices of ``texts``: most shared words, then order."""
    slot_words = []
    for i, template in enumerate(scheme.premises):
        words = _words(re.sub(r"\{[^}]*\}", " ", template))
        cues = scheme.cues[i] if i < len(scheme.cues) else ()
        slot_words.append(words | {w[:_STEM] for w in cues})
    score = [[len(sw & _words(t)) for t in texts] for sw in slot_words]
    n, k = len(slot_words), len(texts)
    if n == 0 or k == 0:
        return {}
    if max(n, k) <= _MAX_EXACT:
        best: tuple[int, int] | None = None
        pairing: tuple[tuple[int, int], ...] = ()
        slots, prems = range(n), range(k)
        for chosen in itertools.permutations(prems, min(n, k)) if n <= k else ():
            pairs = tuple(zip(slots, chosen, strict=True))
            value = (sum(score[s][p] for s, p in pairs), sum(s == p for s, p in pairs))
            if best is None or value > best:
                best, pairing = value, pairs
        for chosen_slots in itertools.permutations(slots, k) if n > k else ():
            pairs = tuple(zip(chosen_slots, prems, strict=True))
            value = (sum(score[s][p] for s, p in pairs), sum(s == p for s, p in pairs))
            if best is None or value > best:
                best, pairing = value, pairs
        return {s + 1: p for s, p in pairing}
    taken: set[int] = set()
    out: dict[int, int] = {}
    for s in range(n):
        free = [p for p in range(k) if p not in taken]
        if not free:
            break
        p = max(free, key=lambda j: (score[s][j], -abs(j - s)))
        taken.add(p)
        out[s + 1] = p
    return out


def bind_roles(m: ArgumentMap, inference: str, scheme: Scheme | None = None) -> RoleBinding:
    """Return how the roles of the inference's scheme (or of ``scheme``) are filled from the map.

    >>> m = ArgumentMap()
    >>> s = m.support(m.claim("Smoke rises from the hill."), m.claim("There is a fire."), scheme="sign")
    >>> b = bind_roles(m, s)
    >>> b.values["A"], b.values["B"], sorted(b.bound)
    ('“There is a fire”', '“Smoke rises from the hill”', ['A', 'B', 'conclusion', 'premise1'])
    """
    _need_inference(m, inference)
    if scheme is None:
        scheme = get_scheme(str(m[inference].get("scheme")))
    premises = m.premises(inference)
    pairing = _match_premises(scheme, [str(m[p]["text"]) for p in premises])
    slots = {CONCLUSION: m.conclusion(inference), **{s: premises[i] for s, i in pairing.items()}}
    values: dict[str, str] = {}
    for role in scheme.roles:
        if role.claim is not None and role.claim in slots:
            values[role.key] = _quote(str(m[slots[role.claim]]["text"]))
        elif role.agent:
            order = [role.speaker] if role.speaker is not None else []
            order += [*sorted(s for s in slots if s != CONCLUSION), CONCLUSION]
            said = [m[slots[s]].get("speaker") for s in order if s is not None and s in slots]
            speaker = next((str(x).strip() for x in said if isinstance(x, str) and x.strip()), None)
            if speaker is not None:
                values[role.key] = speaker
    for n in range(len(scheme.premises) + 1):
        key = "conclusion" if n == CONCLUSION else f"premise{n}"
        if n in slots:
            values[key] = _quote(str(m[slots[n]]["text"]))
    bound = frozenset(values)
    for _ in range(len(scheme.roles) + 1):
        for role in scheme.roles:
            if role.key not in values:
                template = role.fallback or role.means
                if all(k in values for k in placeholders(template) if k != role.key):
                    values[role.key] = scheme.fill(template, values)
    for role in scheme.roles:
        values.setdefault(role.key, role.means)
    for n in range(1, len(scheme.premises) + 1):
        stated = scheme.fill(scheme.premises[n - 1], values).rstrip(".")
        values.setdefault(f"premise{n}", "the premise that " + stated[:1].lower() + stated[1:])
    return RoleBinding(scheme, slots, values, bound)


def _ask(m: ArgumentMap, inference: str, binding: RoleBinding, q: CriticalQuestion) -> ArgumentQuestion:
    s = binding.scheme
    text = s.fill(q.ask, binding.values)
    statement = s.fill(q.states, binding.values) if q.states else None
    used = placeholders(q.ask)
    if not binding.bound & set(used):
        about = next(
            (n for n in range(1, len(s.premises) + 1) if set(used) & set(placeholders(s.slot(n)))), 1
        )
        claim = binding.slots.get(about) or next(iter(m.premises(inference)), None)
        if claim is not None:
            text += f" (about {_quote(str(m[claim]['text']))})"
    return ArgumentQuestion(inference, q, text, statement)


def inference_questions(m: ArgumentMap, inference: str) -> tuple[ArgumentQuestion, ...]:
    """Return the critical questions the inference faces through its ``scheme``, in its own words.

    An inference without a scheme faces none; a scheme name the catalogue does not know raises
    :class:`~argmap.exceptions.UnknownSchemeError` (with the closest names).

    >>> m = ArgumentMap()
    >>> goal = m.claim("We want to cut the commute.")
    >>> s = m.support(m.claim("We should build a bridge."), goal, scheme="practical reasoning")
    >>> import textwrap
    >>> print(textwrap.fill(inference_questions(m, s)[1].text, 70))
    Are there alternatives to “We should build a bridge” that would also
    bring about “We want to cut the commute”, and should they be
    considered?
    """
    _need_inference(m, inference)
    key = m[inference].get("scheme")
    if not key:
        return ()
    binding = bind_roles(m, inference, get_scheme(str(key)))
    return tuple(_ask(m, inference, binding, q) for q in binding.scheme.questions)


def _raised(m: ArgumentMap, inference: str) -> set[str]:
    """Keys of critical questions already added to the map against ``inference``."""
    done: set[str] = set()
    targets = [inference, *m.premises(inference)]
    for node in m.graph.nodes:
        if m.kind(node) == CONFLICT and m.target(node) in targets:
            cq = m[node].get("meta", {}).get(CQ_META)
            if isinstance(cq, Mapping) and cq.get("inference") == inference:
                done.add(str(cq.get("key")))
    return done


def open_questions(m: ArgumentMap, inference: str) -> tuple[ArgumentQuestion, ...]:
    """Return the critical questions of the inference not yet added to the map as attacks."""
    raised = _raised(m, inference)
    return tuple(q for q in inference_questions(m, inference) if q.key not in raised)


def add_question_attack(m: ArgumentMap, inference: str, question: ArgumentQuestion | str | int) -> str:
    """Add an unanswered critical question of ``inference`` to the map as an attack; return the conflict id.

    ``question`` is an :class:`ArgumentQuestion`, its ``key``, or its index in
    :func:`inference_questions`. The questioning claim has the question as text,
    the tag ``"critical-question"`` and, in its conflict's ``meta``, the
    ``critical_question`` record (scheme, type, key, inference).

    * An **exception** undercuts the inference: if it holds, the premises no
      longer support the conclusion.
    * An **assumption** is a premise the scheme takes for granted. It is made
      explicit as an implicit co-premise of the inference (reused if a claim
      with its text is already a premise), and the question *undermines* that
      premise: once asked, the proponent must support it.

    Raises :class:`~argmap.exceptions.GraphStructureError` if the question is
    not one the inference faces or was already added.

    >>> m = ArgumentMap()
    >>> p = m.claim("The forecast says so.", speaker="the Met Office")
    >>> s = m.support(m.claim("It rains."), p, scheme="expert_opinion")
    >>> a = add_question_attack(m, s, "trustworthiness")
    >>> m[a]["attack_type"], m.target(a) == s
    ('undercut', True)
    >>> b = add_question_attack(m, s, "backup_evidence")
    >>> m[b]["attack_type"], m[m.target(b)]["text"]
    ('undermine', "The Met Office's assertion that “It rains” is based on evidence.")
    >>> len(open_questions(m, s))
    4
    """
    faced = inference_questions(m, inference)
    if isinstance(question, int):
        if not 0 <= question < len(faced):
            raise GraphStructureError(f"inference {inference!r} has no critical question number {question}")
        question = faced[question]
    key = question if isinstance(question, str) else question.key
    found = [q for q in faced if q.key == key]
    if not found:
        raise GraphStructureError(f"{key!r} is not a critical question of inference {inference!r}")
    cq = found[0]
    if cq.key in _raised(m, inference):
        raise GraphStructureError(f"critical question {cq.key!r} was already added to {inference!r}")
    record = {"scheme": cq.scheme, "type": cq.type, "key": cq.key, "inference": inference}
    asker = m.claim(cq.text, tags=(CQ_TAG,), meta={CQ_META: record})
    if cq.type == "exception" or cq.statement is None:
        return m.attack(inference, asker, type="undercut", meta={CQ_META: record})
    premise = next((p for p in m.premises(inference) if m[p]["text"] == cq.statement), None)
    if premise is None:
        premise = m.claim(cq.statement, implicit=True, meta={CQ_META: record})
        m.add_premise(inference, premise)
    return m.attack(premise, asker, type="undermine", meta={CQ_META: record})


def _need_inference(m: ArgumentMap, node: str) -> None:
    if m.kind(node) != INFERENCE:
        raise GraphStructureError(f"{node!r} is a {m.kind(node)}, expected inference")
