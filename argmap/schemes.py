"""The catalogue of argumentation schemes: names, premises with roles, critical questions.

The catalogue is package data written for argmap (``argmap/data/schemes/catalogue.toml``, MIT),
in plain language, from Walton, Reed & Macagno (2008) and Walton's other work; each scheme cites
its source. A scheme has an ``id`` (what an inference's ``scheme`` attribute holds), a ``name``
as people say it, ``aliases`` (the names AIFdb, OVA and Araucaria use, the ids of argmap's earlier
catalogue, other common names), premises and a conclusion written as templates over named
**roles** (``"{E} is an expert in {D}."``), and critical questions typed as

* an **exception**: a circumstance that, if it holds, defeats the inference; whoever raises it
  must show it;
* an **assumption**: something the argument takes for granted; once it is questioned, whoever
  put the argument forward must back it up.

Names are matched loosely: case, spacing, punctuation, ``CamelCase`` and ``snake_case``, and
prefixes such as "argument from" are ignored, so ``"ExpertOpinion"``, ``"expert opinion"`` and
``"Argument From Expert Opinion"`` are one scheme. This module sits beside the model: readers,
the renderer and the teaching functions all use it.

Examples
--------
>>> s = get_scheme("ExpertOpinion")
>>> s.id, s.name
('expert_opinion', 'Argument from expert opinion')
>>> s.premises[0]
'{E} is an expert in {D}.'
>>> s.fill(s.premises[0])
'E is an expert in D.'
>>> s.fill(s.premises[0], {"E": "Dr Lee", "D": "medicine"})
'Dr Lee is an expert in medicine.'
>>> [q.key for q in s.questions]
['expertise', 'field', 'opinion', 'trustworthiness', 'consistency', 'backup_evidence']
>>> scheme_name("practical_reasoning2"), scheme_name("my_own_scheme")
('Practical reasoning', 'My own scheme')
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final, Literal

from argmap.exceptions import UnknownSchemeError

__all__ = [
    "CONCLUSION",
    "CriticalQuestion",
    "QuestionType",
    "Role",
    "Scheme",
    "get_scheme",
    "normalise_name",
    "placeholders",
    "resolve_scheme",
    "scheme_name",
    "schemes",
    "slot_number",
]

QuestionType = Literal["exception", "assumption"]
"""Kinds of critical question: an *exception* undercuts the inference; an *assumption* is a premise."""
QUESTION_TYPES: Final = ("exception", "assumption")
CONCLUSION: Final = 0
"""The slot number of a scheme's conclusion; premises are numbered from 1."""

_DATA: Final = "data/schemes/catalogue.toml"
_PLACEHOLDER: Final = re.compile(r"\{([A-Za-z][A-Za-z0-9]*)\}")
_SLOT_REF: Final = re.compile(r"premise([1-9][0-9]?)|conclusion")
_PLURAL_POSSESSIVE: Final = re.compile(r"(?<=[a-z])s's\b")
_CAMEL: Final = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD: Final = re.compile(r"[^0-9a-z]+")
_PREFIXES: Final = (
    "argument from ",
    "arguments from ",
    "argument for ",
    "argument to ",
    "argumentation from ",
    "argument by ",
    "appeal to ",
    "reasoning from ",
    "the ",
    "an ",
    "a ",
)
_SUFFIXES: Final = (" argumentation scheme", " argument scheme", " scheme", " argument")
_MAX_NAME: Final = 200


@dataclass(frozen=True)
class Role:
    """A role of a scheme: a placeholder of its templates, such as the expert ``E``.

    Attributes
    ----------
    key : str
        The placeholder's name in the templates (``E`` in ``"{E} is an expert"``).
    means : str
        What fills it, in words (``"the expert"``); used in place of the key when nothing fills it.
    agent : bool
        True when a person fills it: the speaker of a claim of the argument.
    claim : int or None
        The slot whose claim fills the role when the role is the claim itself:
        :data:`CONCLUSION` (0) for the conclusion, ``n`` for premise ``n``.
    speaker : int or None
        For an agent, the slot whose speaker fills the role first.
    fallback : str or None
        A template said instead of ``means`` when nothing fills the role; it may name other roles
        (``"the field {A} belongs to"``).
    """

    key: str
    means: str
    agent: bool = False
    claim: int | None = None
    speaker: int | None = None
    fallback: str | None = None


@dataclass(frozen=True)
class CriticalQuestion:
    """A critical question of a scheme.

    Attributes
    ----------
    scheme : str
        The id of the scheme asking it.
    key : str
        Its id within the scheme (``"trustworthiness"``).
    type : {"exception", "assumption"}
    ask : str
        The question, a template over the scheme's roles.
    states : str or None
        What an assumption takes for granted, as a statement (a template); None for exceptions.
    """

    scheme: str
    key: str
    type: QuestionType
    ask: str
    states: str | None = None


@dataclass(frozen=True)
class Scheme:
    """An argumentation scheme of the catalogue; see the module documentation.

    ``premises`` and ``conclusion`` are templates over ``roles``; ``cues`` holds, per premise,
    extra words that help match an argument's premises to the scheme's; ``note`` says how the
    scheme relates to its neighbours.
    """

    id: str
    name: str
    aliases: tuple[str, ...]
    group: str
    source: str
    roles: tuple[Role, ...]
    premises: tuple[str, ...]
    conclusion: str
    questions: tuple[CriticalQuestion, ...]
    note: str | None = None
    cues: tuple[tuple[str, ...], ...] = ()

    def role(self, key: str) -> Role:
        """Return the role named ``key``; a ``KeyError`` if the scheme has none."""
        for r in self.roles:
            if r.key == key:
                return r
        raise KeyError(key)

    def slot(self, number: int) -> str:
        """Return the template of a slot: :data:`CONCLUSION` or premise ``number`` (from 1)."""
        return self.conclusion if number == CONCLUSION else self.premises[number - 1]

    def fill(self, template: str, values: Mapping[str, str] | None = None) -> str:
        """Return ``template`` with each ``{KEY}`` replaced by ``values[KEY]``, else by the key.

        A slot reference (``{premise1}``, ``{conclusion}``) without a value reads "premise 1",
        "the conclusion". A value that opens a sentence gets a capital letter; ``'s`` after a
        value ending in "s" becomes ``'``.

        >>> s = get_scheme("sign")
        >>> s.fill("{A} is true.", {"A": "“smoke rises”"})
        '“Smoke rises” is true.'
        >>> s.fill("{E}'s view, as {premise2} says", {"E": "the experts"})
        "The experts' view, as premise 2 says"
        """
        values = values or {}

        def put(match: re.Match[str]) -> str:
            key = match.group(1)
            slot = slot_number(key)
            default = key if slot is None else "the conclusion" if slot == CONCLUSION else f"premise {slot}"
            value = values.get(key, default)
            at = match.start()
            opens = at == 0 or template[:at].rstrip().endswith((".", "?", "!", ":"))
            return _capitalise(value) if opens else value

        text = _PLACEHOLDER.sub(put, template)
        return _PLURAL_POSSESSIVE.sub("s'", text)


def _capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def slot_number(key: str) -> int | None:
    """Return the slot a placeholder such as ``premise2`` or ``conclusion`` refers to, else None.

    >>> slot_number("premise2"), slot_number("conclusion"), slot_number("E")
    (2, 0, None)
    """
    match = _SLOT_REF.fullmatch(key)
    if match is None:
        return None
    return CONCLUSION if match.group(1) is None else int(match.group(1))


def placeholders(template: str) -> tuple[str, ...]:
    """Return the role keys a template names, in order of first use.

    >>> placeholders("{E} asserts that {A}; {A} is in {D}.")
    ('E', 'A', 'D')
    """
    return tuple(dict.fromkeys(_PLACEHOLDER.findall(template)))


def normalise_name(name: str) -> str:
    """Return the key a scheme name is matched by.

    Lower case; ``CamelCase``, ``snake_case``, hyphens and punctuation become single spaces; a
    leading "argument from", "appeal to", article, ... and a trailing "argument" or "scheme" go.

    >>> normalise_name("ArgumentFromExpertOpinion"), normalise_name("  the Expert-Opinion argument ")
    ('expert opinion', 'expert opinion')
    >>> normalise_name("Argument from an established rule")
    'established rule'
    """
    text = _NON_WORD.sub(" ", _CAMEL.sub(" ", name[:_MAX_NAME]).lower()).strip()
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if text.startswith(prefix) and len(text) > len(prefix):
                text, changed = text[len(prefix) :], True
        for suffix in _SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                text, changed = text[: -len(suffix)], True
    return text


def _slot(value: Any, where: str, premises: int) -> int | None:
    if value is None:
        return None
    if value == "conclusion":
        return CONCLUSION
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= premises:
        return value
    raise ValueError(f"{where}: a slot is 'conclusion' or a premise number 1..{premises}, not {value!r}")


def _scheme(raw: Mapping[str, Any]) -> Scheme:
    sid = str(raw["id"])
    premises = tuple(str(p) for p in raw["premises"])
    roles = tuple(
        Role(
            key=str(key),
            means=str(spec["means"]),
            agent=bool(spec.get("agent", False)),
            claim=_slot(spec.get("claim"), f"{sid}.roles.{key}.claim", len(premises)),
            speaker=_slot(spec.get("speaker"), f"{sid}.roles.{key}.speaker", len(premises)),
            fallback=spec.get("fallback"),
        )
        for key, spec in raw["roles"].items()
    )
    questions = []
    for q in raw["questions"]:
        if q["type"] not in QUESTION_TYPES:
            raise ValueError(f"{sid}: question {q['key']!r} has type {q['type']!r}")
        if q["type"] == "assumption" and not q.get("states"):
            raise ValueError(f"{sid}: assumption {q['key']!r} does not say what it assumes")
        questions.append(CriticalQuestion(sid, str(q["key"]), q["type"], str(q["ask"]), q.get("states")))
    declared = {r.key for r in roles} | {"conclusion"} | {f"premise{n}" for n in range(1, len(premises) + 1)}
    templates = [*premises, str(raw["conclusion"]), *(q.ask for q in questions)]
    templates += [t for t in (*(q.states for q in questions), *(r.fallback for r in roles)) if t]
    for template in templates:
        unknown = set(placeholders(template)) - declared
        if unknown:
            raise ValueError(f"{sid}: {template!r} names undeclared roles {sorted(unknown)}")
    return Scheme(
        id=sid,
        name=str(raw["name"]),
        aliases=tuple(str(a) for a in raw.get("aliases", ())),
        group=str(raw["group"]),
        source=str(raw["source"]),
        roles=roles,
        premises=premises,
        conclusion=str(raw["conclusion"]),
        questions=tuple(questions),
        note=raw.get("note"),
        cues=tuple(tuple(str(w) for w in ws) for ws in raw.get("cues", ())),
    )


@cache
def _catalogue() -> tuple[dict[str, Scheme], dict[str, str]]:
    """The schemes by id and the id of every normalised id, name and alias."""
    text = resources.files("argmap").joinpath(_DATA).read_text(encoding="utf-8")
    table: dict[str, Scheme] = {}
    keys: dict[str, str] = {}
    for raw in tomllib.loads(text)["scheme"]:
        s = _scheme(raw)
        if s.id in table:
            raise ValueError(f"scheme id {s.id!r} is used twice")
        table[s.id] = s
        for name in (s.id, s.name, *s.aliases):
            key = normalise_name(name)
            if keys.setdefault(key, s.id) != s.id:
                raise ValueError(f"the name {name!r} of {s.id!r} is also a name of {keys[key]!r}")
    return dict(sorted(table.items())), keys


def schemes() -> Iterator[Scheme]:
    """Iterate over the catalogue's schemes, sorted by id.

    >>> next(schemes()).id
    'abduction'
    """
    return iter(_catalogue()[0].values())


def resolve_scheme(name: str) -> str | None:
    """Return the id of the scheme ``name`` (an id, name or alias) stands for, or None.

    >>> resolve_scheme("CauseToEffect"), resolve_scheme("practical reasoning")
    ('cause_to_effect', 'practical_reasoning')
    >>> resolve_scheme("Default Inference") is None
    True
    """
    if not isinstance(name, str):
        return None
    table, keys = _catalogue()
    if name in table:
        return name
    return keys.get(normalise_name(name))


def get_scheme(name: str) -> Scheme:
    """Return the scheme ``name`` (an id, name or alias) stands for.

    Raises
    ------
    UnknownSchemeError
        When no scheme has that name; the message suggests the closest names.

    Examples
    --------
    >>> get_scheme("Argument from Expret Opinion")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.exceptions.UnknownSchemeError: ...; did you mean Argument from expert opinion?
    """
    sid = resolve_scheme(name)
    if sid is not None:
        return _catalogue()[0][sid]
    raise UnknownSchemeError(name, _suggest(name))


def _suggest(name: str) -> tuple[str, ...]:
    table, keys = _catalogue()
    wanted = normalise_name(name) if isinstance(name, str) else ""
    close = difflib.get_close_matches(wanted, list(keys), n=8, cutoff=0.75)
    return tuple(dict.fromkeys(table[keys[k]].name for k in close))[:3]


def scheme_name(scheme: str) -> str:
    """Return the name to show for a scheme id or name: the catalogue's, else a tidy form of it.

    An unknown name loses its ``snake_case``/``CamelCase`` and gets a capital letter; it is
    never shown as a raw id.

    >>> scheme_name("ad_baculum"), scheme_name("Expert Opinion")
    ('Argument from threat', 'Argument from expert opinion')
    >>> scheme_name("myNewScheme"), scheme_name("NATO_rule")
    ('My new scheme', 'NATO rule')
    """
    sid = resolve_scheme(scheme)
    if sid is not None:
        return _catalogue()[0][sid].name
    words = [w for w in re.split(r"[\s_]+", _CAMEL.sub(" ", scheme)) if w]
    tidy = " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in words)
    return _capitalise(tidy)
