"""Walton's argumentation schemes with their critical questions.

The catalogue ships as package data (``argmap/data/schemes/walton.json``, MPL-2.0, licences beside it),
built by ``scripts/build_schemes.py`` from two Carneades-4 YAML files: the 111 schemes of
Kurtuldu's full list merged with the 24 of Carneades-4 (112 ids in all). Each scheme has premises,
conclusions and *typed* critical questions: an **exception** is an undercutter whose burden lies on
the critic; an **assumption** is an implicit premise presumed true until questioned. Formulas such
as ``expert(W,D)`` are verbalised with the catalogue's ``language`` templates.

An inference names its scheme by id in its ``scheme`` attribute.

Examples
--------
>>> s = get_scheme("expert_opinion")
>>> s.title
'Argument from Expert Opinion'
>>> s.premises[0].text
'W is an expert in the D domain.'
>>> for q in s.critical_questions:
...     print(q.type, "|", q.question)
exception | Is it the case that W is untrustworthy?
exception | Is it the case that S is inconsistent with what other experts assert?
assumption | Has it been shown that the assertion “W asserts that S is true” is based on evidence?
>>> get_scheme("argument from expert opinion").id
'expert_opinion'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final, Literal

from argmap.exceptions import ArgmapError, GraphStructureError
from argmap.model import CONFLICT, ArgumentMap

__all__ = [
    "CriticalQuestion",
    "Scheme",
    "Statement",
    "UnknownSchemeError",
    "add_question_attack",
    "get_scheme",
    "inference_questions",
    "open_questions",
    "schemes",
    "verbalise",
]

QuestionType = Literal["exception", "assumption"]
CQ_META: Final = "critical_question"
CQ_TAG: Final = "critical-question"
_TERM = re.compile(r"\s*(¬?)\s*([^\s(),]+)\s*(?:\((.*)\))?\s*$", re.DOTALL)
_SLOT = re.compile(r"%[sv]?")
_NORM = re.compile(r"[^a-z0-9]+")


class UnknownSchemeError(ArgmapError, LookupError):
    """No scheme, or more than one, has the id or title asked for."""


@dataclass(frozen=True)
class Statement:
    """A formula of a scheme and its verbalisation (``text``)."""

    formula: str
    text: str


@dataclass(frozen=True)
class CriticalQuestion:
    """A critical question: an exception (undercutter) or an assumption (presumed premise).

    ``question`` asks it; ``text`` states the exception or assumption as a claim.
    """

    scheme: str
    type: QuestionType
    formula: str
    text: str
    question: str


@dataclass(frozen=True)
class Scheme:
    """An argumentation scheme of the catalogue."""

    id: str
    title: str
    source: str | None
    variables: tuple[str, ...]
    premises: tuple[Statement, ...]
    conclusions: tuple[Statement, ...]
    critical_questions: tuple[CriticalQuestion, ...]

    def bind(self, conclusion_text: str) -> dict[str, str]:
        """Return variable bindings that put ``conclusion_text`` for a bare-variable conclusion.

        >>> get_scheme("expert_opinion").bind("It rains.")
        {'S': '“It rains”'}
        >>> get_scheme("cause_to_effect").bind("It rains.")
        {}
        """
        if len(self.conclusions) != 1:
            return {}
        negated, name, args = _parse(self.conclusions[0].formula)
        if negated or args is not None or name not in self.variables:
            return {}
        return {name: f"“{conclusion_text.strip().rstrip('.')}”"}

    def questions(self, bindings: Mapping[str, str] | None = None) -> tuple[CriticalQuestion, ...]:
        """Return the critical questions, with variables replaced by ``bindings``."""
        if not bindings:
            return self.critical_questions
        return tuple(_question(self.id, q.type, q.formula, bindings) for q in self.critical_questions)


def _split_args(text: str) -> list[str]:
    args: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch == "," and depth == 0:
            args.append("".join(cur).strip())
            cur = []
            continue
        depth += (ch == "(") - (ch == ")")
        cur.append(ch)
    args.append("".join(cur).strip())
    return [a for a in args if a]


def _parse(formula: str) -> tuple[bool, str, list[str] | None]:
    m = _TERM.match(formula)
    if m is None:
        return False, formula.strip(), None
    body = m.group(3)
    return bool(m.group(1)), m.group(2), None if body is None else _split_args(body.lstrip("("))


def _strip_stop(text: str) -> str:
    return text.strip().rstrip(".").strip()


def verbalise(formula: str, bindings: Mapping[str, str] | None = None) -> str:
    """Return a formula in words, using the catalogue's templates (``name/arity``).

    A predicate without a template reads as its name with its arguments; a
    negation (``¬``) reads "It is not the case that ...".

    >>> verbalise("expert(W,D)")
    'W is an expert in the D domain.'
    >>> verbalise("based_on_evidence(asserts(W,S))", {"S": "“X”"})
    'The assertion “W asserts that “X” is true” is based on evidence.'
    >>> verbalise("¬known(S)")
    'It is not the case that S is known to be true.'
    >>> verbalise("no_such_thing(A,B)")
    'no such thing (A, B).'
    """
    bindings = bindings or {}
    negated, name, args = _parse(formula)
    if args is None:
        key, words = name, []
    else:
        key = f"{name}/{len(args)}"
        words = [
            bindings.get(a, a) if _parse(a)[2] is None else f"“{_strip_stop(verbalise(a, bindings))}”"
            for a in args
        ]
    template = _catalogue()["language"].get(key)
    if template is None and args is None and name in bindings:
        text = bindings[name]
    elif template is None:
        text = name.replace("_", " ") + (f" ({', '.join(words)})" if words else "")
    else:
        slots = iter(words)
        text = _SLOT.sub(lambda _: next(slots, "…") + " ", template).replace("  ", " ").replace(" .", ".")
        text = text.replace(" ,", ",").strip()
    text = _strip_stop(text) + "."
    if negated:
        return f"It is not the case that {_lower_first(text)}"
    return text


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower() and first.isalpha():
        return text[0].lower() + text[1:]
    return text


def _question(
    scheme: str, qtype: QuestionType, formula: str, bindings: Mapping[str, str]
) -> CriticalQuestion:
    text = verbalise(formula, bindings)
    asks = "Is it the case that" if qtype == "exception" else "Has it been shown that"
    return CriticalQuestion(scheme, qtype, formula, text, f"{asks} {_lower_first(_strip_stop(text))}?")


@cache
def _catalogue() -> dict[str, Any]:
    data = resources.files("argmap").joinpath("data/schemes/walton.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(data)
    return loaded


def _title(raw: Mapping[str, Any]) -> str:
    title = raw.get("title")
    return str(title) if title else str(raw["id"]).replace("_", " ").replace("-", " ").capitalize()


@cache
def _schemes() -> dict[str, Scheme]:
    out: dict[str, Scheme] = {}
    for raw in _catalogue()["schemes"]:
        sid = raw["id"]
        questions = [_question(sid, "exception", f, {}) for f in raw["exceptions"]]
        questions += [_question(sid, "assumption", f, {}) for f in raw["assumptions"]]
        out[sid] = Scheme(
            id=sid,
            title=_title(raw),
            source=raw["source"],
            variables=tuple(raw["variables"]),
            premises=tuple(Statement(f, verbalise(f)) for f in raw["premises"]),
            conclusions=tuple(Statement(f, verbalise(f)) for f in raw["conclusions"]),
            critical_questions=tuple(questions),
        )
    return out


def schemes() -> Iterator[Scheme]:
    """Iterate over the catalogue's schemes, sorted by id.

    >>> sum(1 for _ in schemes())
    112
    >>> sum(1 for s in schemes() if s.critical_questions)
    55
    """
    return iter(_schemes().values())


def _norm(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def get_scheme(key: str) -> Scheme:
    """Return the scheme with id ``key``, else the one titled ``key`` (case and punctuation ignored).

    Raises :class:`UnknownSchemeError` when none matches or the title is shared by several schemes.

    >>> get_scheme("Slippery slope argument")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.teaching.schemes.UnknownSchemeError: title 'Slippery slope argument' is shared by schemes ...
    """
    table = _schemes()
    if key in table:
        return table[key]
    wanted = _norm(key)
    hits = [s for s in table.values() if _norm(s.title) == wanted or _norm(s.id) == wanted]
    if len(hits) == 1:
        return hits[0]
    if hits:
        ids = ", ".join(s.id for s in hits)
        raise UnknownSchemeError(f"title {key!r} is shared by schemes {ids}; use an id")
    raise UnknownSchemeError(f"no scheme has the id or title {key!r}")


def inference_questions(m: ArgumentMap, inference: str) -> tuple[CriticalQuestion, ...]:
    """Return the critical questions the inference faces through its ``scheme``.

    A scheme whose conclusion is a bare variable gets it bound to the inference's
    conclusion text. An inference without a scheme faces none; an unknown scheme
    raises :class:`UnknownSchemeError`.

    >>> m = ArgumentMap()
    >>> s = m.support(m.claim("It rains."), m.claim("The forecast says so."), scheme="expert_opinion")
    >>> inference_questions(m, s)[1].question
    'Is it the case that “It rains” is inconsistent with what other experts assert?'
    """
    m._need(inference, "inference")
    key = m[inference].get("scheme")
    if not key:
        return ()
    scheme = get_scheme(key)
    return scheme.questions(scheme.bind(m[m.conclusion(inference)]["text"]))


def _raised(m: ArgumentMap, inference: str) -> set[str]:
    """Formulas of critical questions already added to the map against ``inference``."""
    done: set[str] = set()
    targets = [inference, *m.premises(inference)]
    for node in m.graph.nodes:
        if m.kind(node) == CONFLICT and m.target(node) in targets:
            cq = m[node].get("meta", {}).get(CQ_META)
            if isinstance(cq, Mapping) and cq.get("inference") == inference:
                done.add(str(cq.get("formula")))
    return done


def open_questions(m: ArgumentMap, inference: str) -> tuple[CriticalQuestion, ...]:
    """Return the critical questions of the inference not yet added to the map as attacks."""
    raised = _raised(m, inference)
    return tuple(q for q in inference_questions(m, inference) if q.formula not in raised)


def add_question_attack(m: ArgumentMap, inference: str, question: CriticalQuestion | str | int) -> str:
    """Add an unanswered critical question of ``inference`` to the map as an attack; return the conflict id.

    ``question`` is a :class:`CriticalQuestion`, its formula, or its index in
    :func:`inference_questions`. The questioning claim has the question as text,
    the tag ``"critical-question"`` and, in its conflict's ``meta``, the
    ``critical_question`` record (scheme, type, formula, inference).

    * An **exception** undercuts the inference: if it holds, the premises no
      longer support the conclusion.
    * An **assumption** is a premise the scheme presumes. It is made explicit
      as an implicit co-premise of the inference (reused if a claim with its
      text is already a premise), and the question *undermines* that premise:
      once asked, the presumption lapses and the proponent must support it.

    Raises :class:`~argmap.exceptions.GraphStructureError` if the question is
    not one the inference faces or was already added.

    >>> m = ArgumentMap()
    >>> s = m.support(m.claim("It rains."), m.claim("The forecast says so."), scheme="expert_opinion")
    >>> a = add_question_attack(m, s, 0)
    >>> m[a]["attack_type"], m.target(a) == s
    ('undercut', True)
    >>> b = add_question_attack(m, s, "based_on_evidence(asserts(W,S))")
    >>> m[b]["attack_type"], m[m.target(b)]["implicit"]
    ('undermine', True)
    >>> len(open_questions(m, s))
    1
    """
    faced = inference_questions(m, inference)
    if isinstance(question, int):
        if not 0 <= question < len(faced):
            raise GraphStructureError(f"inference {inference!r} has no critical question number {question}")
        question = faced[question]
    formula = question if isinstance(question, str) else question.formula
    found = [q for q in faced if q.formula == formula]
    if not found:
        raise GraphStructureError(f"{formula!r} is not a critical question of inference {inference!r}")
    cq = found[0]
    if cq.formula in _raised(m, inference):
        raise GraphStructureError(f"critical question {cq.formula!r} was already added to {inference!r}")
    record = {"scheme": cq.scheme, "type": cq.type, "formula": cq.formula, "inference": inference}
    asker = m.claim(cq.question, tags=(CQ_TAG,), meta={CQ_META: record})
    if cq.type == "exception":
        return m.attack(inference, asker, type="undercut", meta={CQ_META: record})
    premise = next((p for p in m.premises(inference) if m[p]["text"] == cq.text), None)
    if premise is None:
        premise = m.claim(cq.text, implicit=True, meta={CQ_META: record})
        m.graph.add_edge(premise, inference)
    return m.attack(premise, asker, type="undermine", meta={CQ_META: record})
