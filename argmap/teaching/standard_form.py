"""Standard form: each argument of a map as numbered premises, an inference line and a conclusion.

Claims are numbered once for the whole map, in the order they first appear, so an intermediate
conclusion keeps its number when a later argument reuses it as a premise. Arguments come in
dependency order (an argument that supports a premise comes before the argument using it).
Implicit premises are marked, and the inference line names the scheme when one is set. Attacks
follow as objections: the attackers, a line naming the attack, and the attacked claim when no
argument above shows it.

Examples
--------
>>> m = ArgumentMap()
>>> c = m.claim("Take an umbrella.")
>>> r = m.claim("It will rain.")
>>> _ = m.support(r, m.claim("The forecast says so."), scheme="expert_opinion")
>>> _ = m.support(c, [r, m.claim("Umbrellas keep you dry.", implicit=True)])
>>> _ = m.attack(c, m.claim("It is too windy."))
>>> print(standard_form(m))
Argument 1
  (1) The forecast says so.
  ---- from (1) by Argument from expert opinion
  (2) It will rain.
<BLANKLINE>
Argument 2
  (2) It will rain. [conclusion of argument 1]
  (3) Umbrellas keep you dry. [implicit]
  ---- from (2), (3)
  (4) Take an umbrella.
<BLANKLINE>
Objections
  (5) It is too windy.
  ---- rebuts (4)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Final, Literal

from argmap.exceptions import ArgmapError
from argmap.model import CLAIM, INFERENCE, ArgumentMap
from argmap.schemes import scheme_name

__all__ = [
    "Argument",
    "Objection",
    "StandardForm",
    "arguments",
    "escape_markdown",
    "standard_form",
]

Markup = Literal["text", "markdown"]
MARKUPS: Final = ("text", "markdown")
"""The markups :func:`standard_form` writes."""


@dataclass(frozen=True)
class Argument:
    """One inference in standard form: numbered premises and conclusion."""

    number: int
    inference: str
    premises: tuple[str, ...]
    conclusion: str
    scheme: str | None


@dataclass(frozen=True)
class Objection:
    """One attack: its attackers and what it targets (a claim or an argument)."""

    conflict: str
    attackers: tuple[str, ...]
    attack_type: str
    target: str


@dataclass
class StandardForm:
    """A map laid out as numbered arguments; ``numbers`` gives each claim's number."""

    arguments: list[Argument] = field(default_factory=list)
    objections: list[Objection] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)
    argument_of: dict[str, int] = field(default_factory=dict)

    def number(self, claim: str) -> int:
        """Return the claim's number, giving it the next one if it has none yet."""
        if claim not in self.numbers:
            self.numbers[claim] = len(self.numbers) + 1
        return self.numbers[claim]


def _ordered_inferences(m: ArgumentMap) -> Iterator[str]:
    pending = list(m.inferences())
    while pending:
        waiting = {m.conclusion(i) for i in pending}
        ready = next((i for i in pending if not waiting & set(m.premises(i))), pending[0])
        pending.remove(ready)
        yield ready


def arguments(m: ArgumentMap) -> StandardForm:
    """Return the map's arguments and objections, numbered as :func:`standard_form` prints them.

    >>> m = ArgumentMap()
    >>> s = m.support(m.claim("C"), [m.claim("A"), m.claim("B")])
    >>> sf = arguments(m)
    >>> sf.numbers, sf.arguments[0].premises
    ({'a': 1, 'b': 2, 'c': 3}, ('a', 'b'))
    """
    sf = StandardForm()
    for n, inf in enumerate(_ordered_inferences(m), 1):
        prem = m.premises(inf)
        for p in prem:
            sf.number(p)
        concl = m.conclusion(inf)
        sf.number(concl)
        sf.argument_of.setdefault(concl, n)
        sf.arguments.append(Argument(n, inf, prem, concl, m[inf].get("scheme")))
    for conflict in m.conflicts():
        attackers = m.attackers(conflict)
        for a in attackers:
            sf.number(a)
        target = m.target(conflict)
        if m.kind(target) == CLAIM:
            sf.number(target)
        sf.objections.append(Objection(conflict, attackers, str(m[conflict]["attack_type"]), target))
    for c in m.claims():
        sf.number(c)
    return sf


def standard_form(
    m: ArgumentMap, *, format: Markup = "text", show: Callable[[str], str] | None = None
) -> str:
    """Return the map in standard form as plain text or Markdown.

    Parameters
    ----------
    m : ArgumentMap
    format : {"text", "markdown"}
    show : callable, optional
        Gives the text shown for a claim id (Markdown-escaped after); by default the claim's text.
        Exercises use it to blank claims.

    Returns
    -------
    str
        One block per argument, then the objections; ``"(no arguments)"`` for a map without relations.

    Raises
    ------
    ArgmapError
        On an unknown ``format``.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> _ = m.support(m.claim("C <b>"), m.claim("A", implicit=True), scheme="analogy")
    >>> print(standard_form(m, format="markdown"))
    ### Argument 1
    <BLANKLINE>
    - (1) *[implicit]* A
    - ―― *from (1) by Argument from analogy* ――
    - **(2) C \\<b\\>**
    """
    if format not in MARKUPS:
        raise ArgmapError(f"unknown standard-form format {format!r}; use one of {', '.join(MARKUPS)}")
    md = format == "markdown"
    sf = arguments(m)
    shown = show or (lambda c: str(m[c]["text"]))
    text = (lambda c: escape_markdown(shown(c))) if md else shown
    listed = {c for a in sf.arguments for c in (*a.premises, a.conclusion)}
    blocks: list[list[str]] = []
    for arg in sf.arguments:
        lines = [f"### Argument {arg.number}", ""] if md else [f"Argument {arg.number}"]
        for p in arg.premises:
            notes = []
            if m[p].get("implicit"):
                notes.append("implicit")
            earlier = sf.argument_of.get(p)
            if earlier is not None and earlier != arg.number:
                notes.append(f"conclusion of argument {earlier}")
            if md:
                mark = "".join(f"*[{n}]* " for n in notes)
                lines.append(f"- ({sf.numbers[p]}) {mark}{text(p)}")
            else:
                mark = "".join(f" [{n}]" for n in notes)
                lines.append(f"  ({sf.numbers[p]}) {text(p)}{mark}")
        used = ", ".join(f"({sf.numbers[p]})" for p in arg.premises)
        how = f"from {used}" + (f" by {scheme_name(arg.scheme)}" if arg.scheme else "")
        if md:
            lines += [
                f"- ―― *{escape_markdown(how)}* ――",
                f"- **({sf.numbers[arg.conclusion]}) {text(arg.conclusion)}**",
            ]
        else:
            lines += [f"  ---- {how}", f"  ({sf.numbers[arg.conclusion]}) {text(arg.conclusion)}"]
        blocks.append(lines)
    if sf.objections:
        lines = ["### Objections", ""] if md else ["Objections"]
        for ob in sf.objections:
            for a in ob.attackers:
                lines.append(f"- ({sf.numbers[a]}) {text(a)}" if md else f"  ({sf.numbers[a]}) {text(a)}")
                listed.add(a)
            if m.kind(ob.target) == INFERENCE:
                arg_no = next(a.number for a in sf.arguments if a.inference == ob.target)
                aim = f"{ob.attack_type}s argument {arg_no}"
            else:
                aim = f"{ob.attack_type}s ({sf.numbers[ob.target]})"
            lines.append(f"- ―― *{aim}* ――" if md else f"  ---- {aim}")
            if m.kind(ob.target) == CLAIM and ob.target not in listed:
                t = ob.target
                lines.append(f"- ({sf.numbers[t]}) {text(t)}" if md else f"  ({sf.numbers[t]}) {text(t)}")
                listed.add(t)
        blocks.append(lines)
    if not blocks:
        return "(no arguments)"
    return "\n\n".join("\n".join(b) for b in blocks)


_MD_SPECIAL: Final = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|~"})


def escape_markdown(text: str) -> str:
    r"""Return ``text`` on one line with every Markdown and HTML mark escaped.

    >>> print(escape_markdown("<img src=x>\n```"))
    \<img src=x\> \`\`\`
    """
    return " ".join(text.split()).translate(_MD_SPECIAL)
